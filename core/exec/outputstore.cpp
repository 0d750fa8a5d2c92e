// SPDX-License-Identifier: GPL-3.0-or-later
#include "exec/outputstore.h"
#include "trcontexts.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>

namespace volley {

namespace {
// Bytes collected in memory before one append-write to the spill file.
constexpr qint64 kSpillChunk = 64 * 1024;
} // namespace

SpillBuffer::SpillBuffer(qint64 memoryLimit, const QString &spillPath)
    : m_memoryLimit(memoryLimit)
    , m_spillPath(spillPath)
{}

SpillBuffer::~SpillBuffer() = default;

bool SpillBuffer::append(const char *data, qint64 size)
{
    if (size <= 0)
        return true;
    m_memory.append(data, size);
    m_size += size;
    if (!m_file && m_memory.size() > m_memoryLimit) {
        if (m_spillPath.isEmpty()) {
            auto temporary = std::make_unique<QTemporaryFile>(
                QDir::tempPath() + QStringLiteral("/volley-output-XXXXXX"));
            if (!temporary->open()) {
                m_error = ExecMessages::tr("cannot create a spill file in %1: %2")
                              .arg(QDir::tempPath(), temporary->errorString());
                return false;
            }
            m_file = std::move(temporary);
        } else {
            m_file = std::make_unique<QFile>(m_spillPath);
            if (!m_file->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
                m_error = ExecMessages::tr("cannot create %1: %2")
                              .arg(m_spillPath, m_file->errorString());
                m_file.reset();
                return false;
            }
        }
        m_file->close();
    }
    if (m_file && m_memory.size() >= kSpillChunk)
        return flushPending();
    return true;
}

bool SpillBuffer::flushPending()
{
    if (!m_file || m_memory.isEmpty())
        return true;
    // Open only while writing: a thousand spilled buffers must not hold a thousand fds.
    if (!m_file->open(QIODevice::ReadWrite)) {
        m_error = m_file->errorString();
        return false;
    }
    const qint64 before = m_file->size();
    m_file->seek(before);
    bool ok = m_file->write(m_memory) == m_memory.size();
    ok = m_file->flush() && ok;
    if (!ok)
        m_error = ExecMessages::tr("cannot write the spill file %1: %2")
                      .arg(m_file->fileName(), m_file->errorString());
    m_file->close();
    if (ok) {
        m_memory.clear();
        return true;
    }
    // After a partial write (a full disk) what reached the file leaves memory
    // too, so a later flush neither repeats nor loses a byte.
    m_memory.remove(
        0, qBound<qint64>(0, QFileInfo(m_file->fileName()).size() - before, m_memory.size()));
    return false;
}

QByteArray SpillBuffer::read(qint64 maxBytes) const
{
    const qint64 want = maxBytes < 0 ? m_size : qMin(maxBytes, m_size);
    if (!m_file)
        return m_memory.left(want);
    QByteArray out;
    out.reserve(want);
    const qint64 onDisk = m_size - m_memory.size();
    if (m_file->open(QIODevice::ReadOnly)) {
        out = m_file->read(qMin(want, onDisk));
        m_file->close();
    }
    if (out.size() < want)
        out.append(m_memory.left(want - out.size()));
    return out;
}

bool SpillBuffer::writeTo(QIODevice *device) const
{
    if (m_file) {
        if (!m_file->open(QIODevice::ReadOnly))
            return false;
        QByteArray block;
        while (!(block = m_file->read(1 << 20)).isEmpty()) {
            if (device->write(block) != block.size()) {
                m_file->close();
                return false;
            }
        }
        m_file->close();
    }
    return device->write(m_memory) == m_memory.size();
}

bool SpillBuffer::writeFile(const QString &path)
{
    if (m_file && !m_spillPath.isEmpty() && QFileInfo(m_spillPath) == QFileInfo(path))
        return flushPending();
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !writeTo(&f) || !f.commit()) {
        m_error = ExecMessages::tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

OutputStore::OutputStore(qint64 memoryLimit, SpillPath spillPath)
    : m_memoryLimit(memoryLimit)
    , m_spillPath(std::move(spillPath))
{}

OutputStore::~OutputStore() = default;

SpillBuffer &OutputStore::buffer(int command, Stream stream)
{
    const qsizetype index = qsizetype(command) * 2 + int(stream);
    while (m_buffers.size() <= index) {
        const qsizetype next = m_buffers.size();
        const QString path = m_spillPath ? m_spillPath(int(next / 2), Stream(next % 2)) : QString();
        m_buffers.append(std::make_shared<SpillBuffer>(m_memoryLimit, path));
    }
    return *m_buffers[index];
}

void OutputStore::append(int command, Stream stream, const char *data, qint64 size)
{
    m_total[int(stream)].fetch_add(size, std::memory_order_relaxed);
    std::lock_guard lock(m_mutex);
    SpillBuffer &b = buffer(command, stream);
    if (m_memoryLimit == kCountOnly)
        b.count(size);
    else
        b.append(data, size);
}

int OutputStore::commandCount() const
{
    std::lock_guard lock(m_mutex);
    return int((m_buffers.size() + 1) / 2);
}

qint64 OutputStore::size(int command, Stream stream) const
{
    std::lock_guard lock(m_mutex);
    const qsizetype index = qsizetype(command) * 2 + int(stream);
    return index < m_buffers.size() ? m_buffers.at(index)->size() : 0;
}

qint64 OutputStore::totalSize(Stream stream) const
{
    return m_total[int(stream)].load(std::memory_order_relaxed);
}

QByteArray OutputStore::read(int command, Stream stream, qint64 maxBytes) const
{
    std::lock_guard lock(m_mutex);
    const qsizetype index = qsizetype(command) * 2 + int(stream);
    return index < m_buffers.size() ? m_buffers.at(index)->read(maxBytes) : QByteArray();
}

bool OutputStore::writeTo(int command, Stream stream, QIODevice *device) const
{
    std::lock_guard lock(m_mutex);
    const qsizetype index = qsizetype(command) * 2 + int(stream);
    return index < m_buffers.size() ? m_buffers.at(index)->writeTo(device) : true;
}

bool OutputStore::writeFile(int command, Stream stream, const QString &path, QString *error)
{
    std::lock_guard lock(m_mutex);
    SpillBuffer &b = buffer(command, stream);
    if (b.writeFile(path))
        return true;
    *error = b.error();
    return false;
}

bool OutputStore::spilled() const
{
    std::lock_guard lock(m_mutex);
    for (const auto &b : m_buffers)
        if (b->spilled())
            return true;
    return false;
}

} // namespace volley
