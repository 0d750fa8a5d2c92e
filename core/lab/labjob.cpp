// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labjob.h"

#include <QtConcurrent/QtConcurrentRun>

#include <mutex>
#include <QThreadPool>

namespace volley::lab {

// Owned jointly by the job and its running task, so a late callback from a
// worker never touches a destroyed job. One per start(): a stale run's events
// land in a Shared nobody reads any more.
struct LabJob::Shared
{
    LabContext ctx;
    std::mutex mutex; // not QMutex: visible to ThreadSanitizer
    QList<TimelineEvent> events;
    QList<TimelineMark> marks;
    int done = -1;
    int total = 0;
};

LabJob::LabJob(QObject *parent)
    : QObject(parent)
    , m_pool(std::make_unique<QThreadPool>())
{
    m_pool->setMaxThreadCount(1);
    m_flushTimer.setInterval(33);
    connect(&m_flushTimer, &QTimer::timeout, this, &LabJob::flush);
    connect(&m_watcher, &QFutureWatcher<LabResult>::finished, this, [this] {
        m_flushTimer.stop();
        flush();
        const LabResult result = m_watcher.result();
        emit finished(result);
    });
}

LabJob::~LabJob()
{
    // Shut down in order: cancel, wait for the pool, then destroy.
    if (m_shared)
        m_shared->ctx.cancel();
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
    m_pool->waitForDone();
}

bool LabJob::start(const LabOptions &options)
{
    if (isRunning())
        return false;
    auto shared = std::make_shared<Shared>();
    shared->ctx.onEvent = [s = shared.get()](const TimelineEvent &e) {
        std::lock_guard lock(s->mutex);
        s->events.append(e);
    };
    shared->ctx.onMark = [s = shared.get()](const TimelineMark &m) {
        std::lock_guard lock(s->mutex);
        s->marks.append(m);
    };
    shared->ctx.onProgress = [s = shared.get()](int done, int total) {
        std::lock_guard lock(s->mutex);
        s->done = done;
        s->total = total;
    };
    m_shared = shared;
    m_watcher.setFuture(QtConcurrent::run(
        m_pool.get(), [shared, options] { return runExperiment(options, &shared->ctx); }));
    m_flushTimer.start();
    return true;
}

void LabJob::stop()
{
    if (m_shared)
        m_shared->ctx.cancel();
}

bool LabJob::isRunning() const
{
    return m_watcher.isRunning();
}

void LabJob::waitForFinished()
{
    m_watcher.waitForFinished();
}

void LabJob::flush()
{
    if (!m_shared)
        return;
    QList<TimelineEvent> events;
    QList<TimelineMark> marks;
    int done = -1;
    int total = 0;
    {
        std::lock_guard lock(m_shared->mutex);
        events.swap(m_shared->events);
        marks.swap(m_shared->marks);
        done = m_shared->done;
        total = m_shared->total;
        m_shared->done = -1;
    }
    if (!events.isEmpty() || !marks.isEmpty())
        emit eventsArrived(events, marks);
    if (done >= 0)
        emit progressChanged(done, total);
}

} // namespace volley::lab
