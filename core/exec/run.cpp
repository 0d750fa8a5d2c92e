// SPDX-License-Identifier: GPL-3.0-or-later
#include "exec/run.h"

#include "exec/localtask.h"
#include "exec/secretcache.h"
#include "exec/targetcontext.h"
#include "ssh/sshtask.h"
#include "trcontexts.h"

#include <mutex>
#include <QPromise>
#include <QtConcurrent>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <sys/resource.h>
#include <unistd.h>

namespace volley {

namespace {
constexpr int kUpdateIntervalMs = 33; // at most ~30 updates a second
// Bytes waiting for the next update before workers pause reading. Bounds the
// run's memory when the consumer (a terminal, a busy window) is slower than
// the network; a paused reader lets the SSH window fill and the remote waits.
constexpr qint64 kMaxPendingBytes = 16 << 20;
// Consecutive bytes of one stream are merged into chunks of up to this size:
// few chunks per update, yet blocks small enough for malloc to reuse (a chunk
// that grew to megabytes would be fresh pages from the kernel every update).
constexpr qsizetype kMaxChunkBytes = 256 << 10;
} // namespace

class RunPrivate;

/// The run as one target's transport sees it.
class TargetSlot final : public TargetContext
{
public:
    TargetSlot(RunPrivate *d, int index)
        : m_d(d)
        , m_index(index)
    {}

    int index() const override { return m_index; }
    const Target &target() const override;
    const RunSpec &spec() const override;
    QStringList commands() const override;
    bool cancelRequested() const override
    {
        return m_cancel.load() || (m_promise && m_promise->isCanceled());
    }
    const std::atomic_bool *cancelFlag() const override { return &m_cancel; }
    SecretCache &secrets() override;
    void connecting() override;
    void authenticating() override;
    void hostKey(const QString &type, const QString &sha256) override;
    void message(const QString &text) override;
    void commandStarted(int command) override;
    void output(int command, Stream stream, const char *data, qint64 size) override;
    void commandFinished(int command, const CommandResult &result) override;
    void finish(Status status, const QString &error) override;

    std::atomic_bool m_cancel{false};
    QPromise<void> *m_promise = nullptr;
    LocalTask *m_local = nullptr; // owner's thread only
    bool m_dispatched = false;    // owner's thread only
    bool m_finished = false;      // guarded by RunPrivate::m_mutex

private:
    RunPrivate *m_d;
    int m_index;
};

class RunPrivate
{
public:
    RunPrivate(Run *q, RunSpec s)
        : q(q)
        , spec(std::move(s))
        , secrets(spec.credentials)
    {
        const int n = int(spec.targets.size());
        results.resize(n);
        for (int i = 0; i < n; ++i) {
            targetSlots.push_back(std::make_unique<TargetSlot>(this, i));
            OutputStore::SpillPath spill;
            if (spec.spillPath)
                spill = [f = spec.spillPath, i](int command, Stream stream) {
                    return f(i, command, stream);
                };
            stores.push_back(std::make_unique<OutputStore>(
                spec.keepOutput ? spec.outputMemoryLimit : OutputStore::kCountOnly, spill));
            results[i].commands.reserve(spec.commandsFor(spec.targets.at(i)).size());
        }
        shown = results;
        workerBusy.resize(qMax(1, spec.fanout));
        pool.setMaxThreadCount(qMax(1, spec.fanout));
        updateTimer.setInterval(kUpdateIntervalMs);
    }

    qint64 now() const { return clock.isValid() ? clock.elapsed() : 0; }
    Qt::HANDLE ownerThread = nullptr;
    void flush();
    void dispatchLocal();
    void onTargetFinished();
    int acquireWorker();
    void releaseWorker(int slot);

    Run *q;
    RunSpec spec;
    SecretCache secrets;
    std::vector<std::unique_ptr<TargetSlot>> targetSlots;
    std::vector<std::unique_ptr<OutputStore>> stores;
    QThreadPool pool;
    QTimer updateTimer;
    QElapsedTimer clock;
    QDateTime startedAt;
    bool started = false;
    bool done = false;
    qint64 finalElapsedMs = 0; // the run's length, frozen when it finishes
    bool cancelled = false;
    QList<QFuture<void>> futures;
    std::deque<int> localQueue;
    int localRunning = 0;

    // std::mutex rather than QMutex: ThreadSanitizer sees pthread locks, but not
    // the contended path of QMutex inside an uninstrumented Qt.
    mutable std::mutex mutex; // guards everything below
    QList<TargetResult> results;
    RunUpdate pending;
    qint64 pendingBytes = 0;
    std::condition_variable drained; // signalled when pending was handed out
    int finishedCount = 0;
    std::vector<bool> workerBusy;

    // The owner's view of the results, copied from `results` at each update
    // (flush() takes `mutex` once per update for that and the pending output).
    // Every other read by the owner goes without `mutex`, so a worker that
    // holds it and is descheduled (workers run niced) no longer stalls the
    // window at each result, count or size it shows.
    // Written on the owner's thread only, under shownMutex; other threads read
    // it under shownMutex.
    mutable std::mutex shownMutex;
    QList<TargetResult> shown;

    bool onOwnerThread() const { return !started || QThread::currentThreadId() == ownerThread; }
    template <typename F>
    auto readShown(F f) const
    {
        if (onOwnerThread())
            return f(shown);
        std::lock_guard lock(shownMutex);
        return f(shown);
    }
};

const Target &TargetSlot::target() const
{
    return m_d->spec.targets.at(m_index);
}

const RunSpec &TargetSlot::spec() const
{
    return m_d->spec;
}

QStringList TargetSlot::commands() const
{
    return m_d->spec.commandsFor(target());
}

SecretCache &TargetSlot::secrets()
{
    return m_d->secrets;
}

void TargetSlot::connecting()
{
    std::lock_guard lock(m_d->mutex);
    TargetResult &r = m_d->results[m_index];
    r.status = Status::Running;
    r.startedAt = QDateTime::currentDateTimeUtc();
    r.phases.connectMs = m_d->now();
    m_d->pending.started.append(m_index);
    m_d->pending.changed.append(m_index);
}

void TargetSlot::authenticating()
{
    std::lock_guard lock(m_d->mutex);
    m_d->results[m_index].phases.authMs = m_d->now();
    m_d->pending.changed.append(m_index);
}

void TargetSlot::hostKey(const QString &type, const QString &sha256)
{
    std::lock_guard lock(m_d->mutex);
    m_d->results[m_index].hostKeyType = type;
    m_d->results[m_index].hostKeySha256 = sha256;
    m_d->pending.changed.append(m_index);
}

void TargetSlot::message(const QString &text)
{
    std::lock_guard lock(m_d->mutex);
    m_d->pending.messages.append(text);
    m_d->pending.messageTargets.append(m_index);
}

void TargetSlot::commandStarted(int command)
{
    std::lock_guard lock(m_d->mutex);
    TargetResult &r = m_d->results[m_index];
    while (r.commands.size() <= command)
        r.commands.append(CommandResult());
    r.commands[command].command = commands().value(command);
    r.commands[command].status = Status::Running;
    r.commands[command].startMs = m_d->now();
    if (r.phases.runMs < 0)
        r.phases.runMs = r.commands[command].startMs;
    m_d->pending.changed.append(m_index);
}

void TargetSlot::output(int command, Stream stream, const char *data, qint64 size)
{
    if (size <= 0)
        return;
    m_d->stores[m_index]->append(command, stream, data, size);
    std::unique_lock lock(m_d->mutex);
    // Workers wait while the owner is behind; the owner's own thread (local
    // targets) never waits on itself.
    if (QThread::currentThreadId() != m_d->ownerThread) {
        while (m_d->pendingBytes >= kMaxPendingBytes && !cancelRequested())
            m_d->drained.wait_for(lock, std::chrono::milliseconds(100));
    }
    TargetResult &r = m_d->results[m_index];
    if (r.phases.firstByteMs < 0) {
        r.phases.firstByteMs = m_d->now();
        m_d->pending.changed.append(m_index);
    }
    m_d->pendingBytes += size;
    QList<OutputChunk> &chunks = m_d->pending.chunks;
    if (!chunks.isEmpty() && chunks.last().target == m_index && chunks.last().command == command &&
        chunks.last().stream == stream && chunks.last().data.size() + size <= kMaxChunkBytes) {
        chunks.last().data.append(data, size);
    } else {
        chunks.append(OutputChunk{m_index, command, stream, QByteArray(data, size)});
    }
}

void TargetSlot::commandFinished(int command, const CommandResult &result)
{
    std::lock_guard lock(m_d->mutex);
    TargetResult &r = m_d->results[m_index];
    while (r.commands.size() <= command)
        r.commands.append(CommandResult());
    const qint64 start = r.commands[command].startMs;
    r.commands[command] = result;
    r.commands[command].startMs = start;
    m_d->pending.changed.append(m_index);
}

void TargetSlot::finish(Status status, const QString &error)
{
    {
        std::lock_guard lock(m_d->mutex);
        if (m_finished)
            return;
        m_finished = true;
        TargetResult &r = m_d->results[m_index];
        r.status = status;
        r.error = error;
        r.phases.endMs = m_d->now();
        if (r.phases.connectMs >= 0)
            r.durationMs = r.phases.endMs - r.phases.connectMs;
        if (!r.startedAt.isValid())
            r.startedAt = QDateTime::currentDateTimeUtc();
        // Commands the target never got to are listed, so every command has a result.
        const QStringList cmds = commands();
        for (qsizetype i = r.commands.size(); i < cmds.size(); ++i) {
            CommandResult skipped;
            skipped.command = cmds.at(i);
            skipped.status = Status::Cancelled;
            r.commands.append(skipped);
        }
        for (CommandResult &c : r.commands)
            if (!isFinal(c.status))
                c.status = status;
        m_d->pending.finished.append(m_index);
        m_d->pending.changed.append(m_index);
        if (!error.isEmpty() && status != Status::Cancelled) {
            m_d->pending.messages.append(error);
            m_d->pending.messageTargets.append(m_index);
        }
        ++m_d->finishedCount;
    }
    // Finishing bookkeeping happens on the owner's thread.
    QMetaObject::invokeMethod(
        m_d->q, [d = m_d] { d->onTargetFinished(); }, Qt::QueuedConnection);
}

int RunPrivate::acquireWorker()
{
    std::lock_guard lock(mutex);
    for (size_t i = 0; i < workerBusy.size(); ++i) {
        if (!workerBusy[i]) {
            workerBusy[i] = true;
            return int(i);
        }
    }
    workerBusy.push_back(true);
    return int(workerBusy.size() - 1);
}

void RunPrivate::releaseWorker(int slot)
{
    std::lock_guard lock(mutex);
    workerBusy[size_t(slot)] = false;
}

void RunPrivate::flush()
{
    RunUpdate update;
    {
        std::lock_guard lock(mutex);
        update = std::exchange(pending, RunUpdate());
        pendingBytes = 0;
        // Each index once, in order of first appearance; its result copied
        // into the owner's view while the workers' lock is held anyway.
        QList<int> unique;
        QSet<int> seen;
        std::lock_guard shownLock(shownMutex);
        for (int i : std::as_const(update.changed)) {
            if (seen.contains(i))
                continue;
            seen.insert(i);
            unique.append(i);
            shown[i] = results.at(i);
        }
        update.changed = unique;
    }
    drained.notify_all();
    if (update.chunks.isEmpty() && update.started.isEmpty() && update.finished.isEmpty() &&
        update.changed.isEmpty() && update.messages.isEmpty())
        return;
    emit q->updated(update);
}

void RunPrivate::dispatchLocal()
{
    while (!localQueue.empty() && localRunning < qMax(1, spec.fanout)) {
        const int i = localQueue.front();
        localQueue.pop_front();
        TargetSlot *slot = targetSlots[size_t(i)].get();
        if (slot->m_cancel.load()) {
            slot->connecting();
            slot->finish(Status::Cancelled, ExecMessages::tr("cancelled before it started"));
            continue;
        }
        ++localRunning;
        slot->m_local = new LocalTask(slot, q);
        QObject::connect(slot->m_local, &LocalTask::done, q, [this, slot] {
            --localRunning;
            slot->m_local->deleteLater();
            slot->m_local = nullptr;
            dispatchLocal();
        });
        slot->m_local->start();
    }
}

void RunPrivate::onTargetFinished()
{
    if (done)
        return;
    int count;
    {
        std::lock_guard lock(mutex);
        count = finishedCount;
    }
    if (count < int(targetSlots.size()))
        return;
    done = true;
    finalElapsedMs = now();
    updateTimer.stop();
    flush();
    secrets.clear(); // secrets live no longer than the run
    emit q->finished();
}

Run::Run(RunSpec spec, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<RunPrivate>(this, std::move(spec)))
{
    qRegisterMetaType<volley::RunUpdate>();
    connect(&d->updateTimer, &QTimer::timeout, this, [this] { d->flush(); });
}

Run::~Run()
{
    cancel();
    d->pool.waitForDone();
    // Local tasks are children: their destructors kill what still runs.
}

const RunSpec &Run::spec() const
{
    return d->spec;
}

int Run::targetCount() const
{
    return int(d->targetSlots.size());
}

const Target &Run::target(int index) const
{
    return d->spec.targets.at(index);
}

TargetResult Run::result(int index) const
{
    return d->readShown([index](const QList<TargetResult> &r) { return r.at(index); });
}

const OutputStore &Run::output(int index) const
{
    return *d->stores.at(size_t(index));
}

OutputStore &Run::output(int index)
{
    return *d->stores.at(size_t(index));
}

QDateTime Run::startedAt() const
{
    return d->startedAt;
}

qint64 Run::elapsedMs() const
{
    return d->done ? d->finalElapsedMs : d->now();
}

bool Run::isRunning() const
{
    return d->started && !d->done;
}

bool Run::isFinished() const
{
    return d->done;
}

int Run::finishedCount() const
{
    return d->readShown([](const QList<TargetResult> &results) {
        return int(std::count_if(results.cbegin(), results.cend(),
                                 [](const TargetResult &r) { return isFinal(r.status); }));
    });
}

int Run::countWithStatus(Status s) const
{
    return d->readShown([s](const QList<TargetResult> &results) {
        return int(std::count_if(results.cbegin(), results.cend(),
                                 [s](const TargetResult &r) { return r.status == s; }));
    });
}

int Run::exitCode() const
{
    const QList<TargetResult> results =
        d->readShown([](const QList<TargetResult> &r) { return r; });
    bool couldNotRun = false;
    bool failed = false;
    bool cancelled = false;
    for (const TargetResult &r : results) {
        switch (r.status) {
        case Status::Unreachable:
        case Status::AuthFailed:
        case Status::HostKeyRejected:
        case Status::Error:
            couldNotRun = true;
            break;
        case Status::Failed:
        case Status::Timeout:
            failed = true;
            break;
        case Status::Cancelled:
        case Status::Pending:
        case Status::Running:
            cancelled = true;
            break;
        case Status::Ok:
            break;
        }
    }
    if (cancelled && d->cancelled)
        return 130;
    if (couldNotRun)
        return 3;
    if (failed)
        return 1;
    return 0;
}

void Run::start()
{
    if (d->started)
        return;
    d->started = true;
    d->ownerThread = QThread::currentThreadId();
    d->clock.start();
    d->startedAt = QDateTime::currentDateTimeUtc();
    d->updateTimer.start();
    if (d->targetSlots.empty()) {
        QMetaObject::invokeMethod(
            this, [this] { d->onTargetFinished(); }, Qt::QueuedConnection);
        return;
    }
    for (size_t i = 0; i < d->targetSlots.size(); ++i) {
        TargetSlot *slot = d->targetSlots[i].get();
        slot->m_dispatched = true;
        if (slot->target().isLocal()) {
            d->localQueue.push_back(int(i));
            continue;
        }
        RunPrivate *rp = d.get();
        d->futures.append(QtConcurrent::run(&d->pool, [rp, slot](QPromise<void> &promise) {
            slot->m_promise = &promise;
            if (rp->spec.workerNiceness > 0) // this thread only (Linux: a thread is a task)
                ::setpriority(PRIO_PROCESS, id_t(::gettid()), rp->spec.workerNiceness);
            const int worker = rp->acquireWorker();
            {
                std::lock_guard lock(rp->mutex);
                rp->results[slot->index()].phases.worker = worker;
            }
            runSshTarget(*slot);
            slot->m_promise = nullptr;
            rp->releaseWorker(worker);
        }));
    }
    d->dispatchLocal();
}

void Run::cancel()
{
    if (!d->started || d->done)
        return;
    d->cancelled = true;
    for (auto &slot : d->targetSlots)
        slot->m_cancel.store(true);
    d->drained.notify_all(); // workers paused on a full queue see the cancel at once
    for (auto &slot : d->targetSlots)
        if (slot->m_local)
            slot->m_local->cancel();
    d->dispatchLocal(); // finishes the local targets still queued
}

void Run::cancelTarget(int index)
{
    if (index < 0 || index >= targetCount())
        return;
    TargetSlot *slot = d->targetSlots[size_t(index)].get();
    slot->m_cancel.store(true);
    d->drained.notify_all();
    if (slot->m_local)
        slot->m_local->cancel();
}

} // namespace volley
