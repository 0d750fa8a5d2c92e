// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <mutex>
#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QFile;
class QIODevice;

namespace volley {

enum class Stream { Stdout = 0, Stderr = 1 };

/// Exact bytes of one stream, kept in memory up to a limit and spilled to a
/// file past it: a temporary one, or spillPath when given (the file the user
/// asked for, so the bytes are written once). The file is opened only while
/// writing or reading so a thousand spilled stores do not hold a thousand
/// descriptors. A temporary file is removed with the buffer; spillPath is kept.
class SpillBuffer final
{
public:
    explicit SpillBuffer(qint64 memoryLimit, const QString &spillPath = QString());
    ~SpillBuffer();
    Q_DISABLE_COPY_MOVE(SpillBuffer)

    /// Returns false if the spill file could not be written (disk full); the
    /// error is kept in error().
    bool append(const char *data, qint64 size);
    /// Counts bytes kept nowhere (OutputStore::kCountOnly).
    void count(qint64 size) { m_size += size; }
    qint64 size() const { return m_size; }
    bool spilled() const { return m_file != nullptr; }
    /// Up to maxBytes from the start (all when maxBytes < 0).
    QByteArray read(qint64 maxBytes = -1) const;
    /// Writes every byte to device; false on a write error.
    bool writeTo(QIODevice *device) const;
    /// Puts every byte into the file at path: when the buffer spilled there
    /// already, only the tail still in memory is written.
    bool writeFile(const QString &path);
    QString error() const { return m_error; }

private:
    bool flushPending();

    qint64 m_memoryLimit;
    qint64 m_size = 0;
    QByteArray m_memory; // whole content while not spilled; unflushed tail after
    QString m_spillPath;
    std::unique_ptr<QFile> m_file;
    QString m_error;
};

/// Every byte a target produced, per command and per stream. Thread-safe:
/// a worker appends while the owner's thread reads.
class OutputStore final
{
public:
    /// Where a command's stream spills (empty = a temporary file).
    using SpillPath = std::function<QString(int command, Stream stream)>;
    /// memoryLimit applies to each stream of each command.
    explicit OutputStore(qint64 memoryLimit = kDefaultMemoryLimit, SpillPath spillPath = {});
    ~OutputStore();
    Q_DISABLE_COPY_MOVE(OutputStore)

    static constexpr qint64 kDefaultMemoryLimit = 256 * 1024;
    /// As memoryLimit: keep no bytes, only count them (sizes stay right).
    static constexpr qint64 kCountOnly = -1;

    void append(int command, Stream stream, const char *data, qint64 size);
    int commandCount() const;
    qint64 size(int command, Stream stream) const;
    qint64 totalSize(Stream stream) const; ///< never waits for a writer
    QByteArray read(int command, Stream stream, qint64 maxBytes = -1) const;
    bool writeTo(int command, Stream stream, QIODevice *device) const;
    /// Every byte of one stream into the file at path (see SpillBuffer::writeFile);
    /// on failure, error says which file and why.
    bool writeFile(int command, Stream stream, const QString &path, QString *error);
    bool spilled() const;

private:
    SpillBuffer &buffer(int command, Stream stream);

    mutable std::mutex m_mutex;
    qint64 m_memoryLimit;
    SpillPath m_spillPath;
    QList<std::shared_ptr<SpillBuffer>> m_buffers; // index = command * 2 + stream
    std::atomic<qint64> m_total[2] = {0, 0};       // per stream, read without the lock
};

} // namespace volley
