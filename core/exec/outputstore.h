// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <mutex>
#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

class QIODevice;
class QTemporaryFile;

namespace volley {

enum class Stream { Stdout = 0, Stderr = 1 };

/// Exact bytes of one stream, kept in memory up to a limit and spilled to a
/// temporary file past it. The file is opened only while writing or reading so
/// a thousand spilled stores do not hold a thousand descriptors.
class SpillBuffer final
{
public:
    explicit SpillBuffer(qint64 memoryLimit);
    ~SpillBuffer();
    Q_DISABLE_COPY_MOVE(SpillBuffer)

    /// Returns false if the spill file could not be written (disk full); the
    /// error is kept in error().
    bool append(const char *data, qint64 size);
    qint64 size() const { return m_size; }
    bool spilled() const { return m_file != nullptr; }
    /// Up to maxBytes from the start (all when maxBytes < 0).
    QByteArray read(qint64 maxBytes = -1) const;
    /// Writes every byte to device; false on a write error.
    bool writeTo(QIODevice *device) const;
    QString error() const { return m_error; }

private:
    bool flushPending();

    qint64 m_memoryLimit;
    qint64 m_size = 0;
    QByteArray m_memory; // whole content while not spilled; unflushed tail after
    std::unique_ptr<QTemporaryFile> m_file;
    QString m_error;
};

/// Every byte a target produced, per command and per stream. Thread-safe:
/// a worker appends while the owner's thread reads.
class OutputStore final
{
public:
    /// memoryLimit applies to each stream of each command.
    explicit OutputStore(qint64 memoryLimit = kDefaultMemoryLimit);
    ~OutputStore();
    Q_DISABLE_COPY_MOVE(OutputStore)

    static constexpr qint64 kDefaultMemoryLimit = 256 * 1024;

    void append(int command, Stream stream, const char *data, qint64 size);
    int commandCount() const;
    qint64 size(int command, Stream stream) const;
    qint64 totalSize(Stream stream) const;
    QByteArray read(int command, Stream stream, qint64 maxBytes = -1) const;
    bool writeTo(int command, Stream stream, QIODevice *device) const;
    bool spilled() const;

private:
    SpillBuffer &buffer(int command, Stream stream);

    mutable std::mutex m_mutex;
    qint64 m_memoryLimit;
    QList<std::shared_ptr<SpillBuffer>> m_buffers; // index = command * 2 + stream
};

} // namespace volley
