// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/lab.h"

#include "lab/labprocess.h"
#include "lab/labworkers.h"
#include "trcontexts.h"

#include <QEventLoop>
#include <QFuture>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QtConcurrent/QtConcurrentRun>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <time.h>
#include <unistd.h>

namespace volley::lab {

namespace {

constexpr int kMaxWorkers = 64;

// Collects what thread workers report; they report from many threads at once.
// std::mutex rather than QMutex: ThreadSanitizer sees through pthread locks but
// not through Qt's futex-based ones in an uninstrumented libQt6Core.
struct Collector
{
    std::mutex mutex;
    QList<TimelineEvent> events;
    QList<TimelineMark> marks;
};

class ThreadSink final : public Sink
{
public:
    ThreadSink(int worker, qint64 origin, LabContext *ctx, Collector *collector)
        : m_worker(worker)
        , m_origin(origin)
        , m_ctx(ctx)
        , m_collector(collector)
    {}
    void event(WorkerState state, qint64 startUs, qint64 endUs) override
    {
        const TimelineEvent e{m_worker, qint64(::getpid()), currentTid(),
                              state,    startUs - m_origin, endUs - m_origin};
        {
            std::lock_guard lock(m_collector->mutex);
            m_collector->events.append(e);
        }
        if (m_ctx)
            m_ctx->emitEvent(e);
    }
    void mark(MarkKind kind, qint64 timeUs, qint64 value, bool lost) override
    {
        const TimelineMark m{m_worker, timeUs - m_origin, kind, value, lost};
        {
            std::lock_guard lock(m_collector->mutex);
            m_collector->marks.append(m);
        }
        if (m_ctx)
            m_ctx->emitMark(m);
    }
    void number(const char *key, qint64 value) override { numbers.insert(QByteArray(key), value); }
    void list(const char *, const QList<qint64> &) override {}
    bool cancelled() const override { return m_ctx && m_ctx->isCancelled(); }

    // Written by the worker thread, read by the parent after joining it.
    QHash<QByteArray, qint64> numbers;
    qint64 spawnCallUs = 0;
    qint64 startedUs = 0;

private:
    int m_worker;
    qint64 m_origin;
    LabContext *m_ctx;
    Collector *m_collector;
};

class QMutexAdapter final : public Locker
{
public:
    void lock() override { m_mutex.lock(); }
    void unlock() override { m_mutex.unlock(); }

private:
    QMutex m_mutex;
};

// Everything one experiment run needs, so each experiment is a short function.
class Runner final
{
public:
    Runner(const LabOptions &options, LabContext *ctx)
        : opt(options)
        , ctx(ctx)
        , origin(monotonicUs())
    {
        result.options = options;
    }

    bool cancelled() const { return ctx && ctx->isCancelled(); }

    // Runs body(worker, sink) on `workers` threads of a private pool and joins them.
    std::vector<std::unique_ptr<ThreadSink>>
    runThreads(int workers, const std::function<void(int, ThreadSink *)> &body,
               const std::function<void()> &whileRunning = {})
    {
        std::vector<std::unique_ptr<ThreadSink>> sinks;
        QThreadPool pool;
        pool.setMaxThreadCount(workers);
        QList<QFuture<void>> futures;
        // Joining through QFuture happens inside libQt6Core, where ThreadSanitizer
        // cannot see it; this release/acquire pair makes the hand-over explicit.
        std::atomic<int> finished{0};
        for (int i = 0; i < workers; ++i) {
            sinks.push_back(std::make_unique<ThreadSink>(i, origin, ctx, &collector));
            ThreadSink *sink = sinks.back().get();
            sink->spawnCallUs = monotonicUs();
            futures.append(QtConcurrent::run(&pool, [sink, i, &body, &finished] {
                sink->startedUs = monotonicUs();
                body(i, sink);
                finished.fetch_add(1, std::memory_order_release);
            }));
        }
        if (whileRunning)
            whileRunning();
        for (QFuture<void> &f : futures)
            f.waitForFinished();
        while (finished.load(std::memory_order_acquire) < workers)
            std::this_thread::yield();
        return sinks;
    }

    // The start line: workers check in, then all start together so process
    // start-up time does not decide who overlaps with whom.
    qint64 releaseThreadsWhenReady(SharedState *state, int workers)
    {
        while (state->ready.load() < workers && !cancelled())
            std::this_thread::sleep_for(std::chrono::microseconds(50));
        const qint64 go = monotonicUs();
        state->go.store(1, std::memory_order_release);
        return go;
    }

    // Starts `workers` process workers, releases them together, waits for all.
    bool runProcesses(WorkerProcesses &procs, int workers, SharedState *state,
                      const std::function<QStringList(int)> &args, qint64 *goUs)
    {
        for (int i = 0; i < workers; ++i) {
            QString error;
            if (!procs.start(i, args(i), &error)) {
                result.error = error;
                return false;
            }
        }
        bool released = false;
        const bool finished = procs.waitAll([&] {
            if (!released && state && state->ready.load() >= workers) {
                released = true;
                *goUs = monotonicUs();
                state->go.store(1, std::memory_order_release);
            }
        });
        if (!finished)
            return false;
        for (int i = 0; i < workers; ++i) {
            const WorkerReport &r = procs.report(i);
            if (r.crashed || r.exitCode != 0) {
                result.error =
                    LabMessages::tr("process worker %1 (pid %2) failed: %3")
                        .arg(i)
                        .arg(r.pid)
                        .arg(r.crashed ? LabMessages::tr("it crashed")
                                       : LabMessages::tr("exit code %1, %2")
                                             .arg(r.exitCode)
                                             .arg(QString::fromLocal8Bit(r.errors.trimmed())));
                return false;
            }
        }
        result.timeline += procs.events;
        result.marks += procs.marks;
        return true;
    }

    static void resetState(SharedState *state, qint64 value)
    {
        state->ready.store(0);
        state->go.store(0);
        state->stop.store(0);
        state->value.store(value);
        state->writes.store(0);
        state->sharedCounter.store(0);
        for (auto &a : state->sharedArray)
            a.store(0);
    }

    std::unique_ptr<SharedState> threadState()
    {
        auto state = std::make_unique<SharedState>();
        initSharedState(state.get());
        return state;
    }

    SharedState *processState(SharedMapping *mapping)
    {
        QString error;
        if (!mapping->create(&error)) {
            result.error = error;
            return nullptr;
        }
        return mapping->state();
    }

    void progress(int done, int total)
    {
        if (ctx)
            ctx->emitProgress(done, total);
    }

    void collectThreadTimeline()
    {
        std::lock_guard lock(collector.mutex);
        result.timeline += collector.events;
        result.marks += collector.marks;
        collector.events.clear();
        collector.marks.clear();
    }

    const LabOptions &opt;
    LabContext *ctx;
    qint64 origin;
    Collector collector;
    LabResult result;
};

double roundTo(double v, int decimals)
{
    const double f = decimals == 1 ? 10.0 : decimals == 2 ? 100.0 : 1000.0;
    return std::round(v * f) / f;
}

QJsonArray toArray(const QList<qint64> &values)
{
    QJsonArray a;
    for (qint64 v : values)
        a.append(v);
    return a;
}

void runSpawn(Runner &r)
{
    const LabOptions &o = r.opt;
    const qint64 start = monotonicUs();
    const qint64 sleepUs = qint64(o.seconds * 1e6);
    double spawnUs = 0;
    switch (o.kind) {
    case Kind::Threads: {
        const auto sinks =
            r.runThreads(o.workers, [&](int, ThreadSink *sink) { spawnWorker(o.seconds, sink); });
        for (const auto &s : sinks)
            spawnUs += double(s->startedUs - s->spawnCallUs);
        r.collectThreadTimeline();
        break;
    }
    case Kind::Processes: {
        WorkerProcesses procs(o.workerProgram, r.ctx, r.origin);
        qint64 go = 0;
        if (!r.runProcesses(
                procs, o.workers, nullptr,
                [&](int) {
                    return QStringList{QStringLiteral("spawn"), QStringLiteral("--seconds"),
                                       QString::number(o.seconds)};
                },
                &go))
            return;
        for (int i = 0; i < o.workers; ++i)
            spawnUs += double(procs.report(i).startedUs - procs.report(i).spawnCallUs);
        break;
    }
    case Kind::Sequential:
        for (int i = 0; i < o.workers && !r.cancelled(); ++i) {
            ThreadSink sink(i, r.origin, r.ctx, &r.collector);
            spawnWorker(o.seconds, &sink);
            r.progress(i + 1, o.workers);
        }
        r.collectThreadTimeline();
        break;
    case Kind::EventLoop: {
        // N timers on one event loop: one thread, yet the waits overlap.
        QEventLoop loop;
        int pending = o.workers;
        std::vector<std::unique_ptr<QTimer>> timers;
        std::vector<std::unique_ptr<ThreadSink>> sinks;
        for (int i = 0; i < o.workers; ++i) {
            sinks.push_back(std::make_unique<ThreadSink>(i, r.origin, r.ctx, &r.collector));
            auto timer = std::make_unique<QTimer>();
            timer->setSingleShot(true);
            timer->setTimerType(Qt::PreciseTimer);
            const qint64 armed = monotonicUs();
            ThreadSink *sink = sinks.back().get();
            QObject::connect(timer.get(), &QTimer::timeout, &loop, [&, sink, armed] {
                sink->event(WorkerState::Sleep, armed, monotonicUs());
                if (--pending == 0)
                    loop.quit();
            });
            timer->start(int(sleepUs / 1000));
            timers.push_back(std::move(timer));
        }
        QTimer cancelPoll;
        QObject::connect(&cancelPoll, &QTimer::timeout, &loop, [&] {
            if (r.cancelled())
                loop.quit();
        });
        cancelPoll.start(10);
        loop.exec();
        r.collectThreadTimeline();
        break;
    }
    }
    if (r.cancelled())
        return;
    const qint64 duration = monotonicUs() - start;
    QJsonObject run{{QStringLiteral("workers"), o.workers},
                    {QStringLiteral("seconds"), o.seconds},
                    {QStringLiteral("duration_ms"), duration / 1000}};
    if (o.kind == Kind::Threads || o.kind == Kind::Processes)
        run.insert(QStringLiteral("spawn_us"), qint64(spawnUs / o.workers));
    r.result.runs.append(run);
}

// The experiment's shared state: in a mapping the worker processes open too, or
// plain memory for threads. Null when the mapping failed (the runner holds why).
SharedState *sharedStateFor(Runner &r, SharedMapping *mapping, std::unique_ptr<SharedState> *owned)
{
    if (r.opt.kind == Kind::Processes)
        return r.processState(mapping);
    *owned = r.threadState();
    return owned->get();
}

void runCounter(Runner &r)
{
    const LabOptions &o = r.opt;
    SharedMapping mapping;
    std::unique_ptr<SharedState> owned;
    SharedState *const state = sharedStateFor(r, &mapping, &owned);
    if (!state)
        return;
    QMutexAdapter qmutex;
    for (int rep = 0; rep < o.repeat && !r.cancelled(); ++rep) {
        Runner::resetState(state, 0);
        qint64 go = 0;
        const int marksAtStart = int(r.result.marks.size());
        if (o.kind == Kind::Threads) {
            r.runThreads(
                o.workers,
                [&](int, ThreadSink *sink) {
                    waitForGo(state, *sink);
                    counterWorker(state, &qmutex, o.sync, o.increments, o.stepDelayMs, sink);
                },
                [&] { go = r.releaseThreadsWhenReady(state, o.workers); });
            r.collectThreadTimeline();
        } else {
            WorkerProcesses procs(o.workerProgram, r.ctx, r.origin);
            if (!r.runProcesses(
                    procs, o.workers, state,
                    [&](int) {
                        return QStringList{QStringLiteral("counter"),
                                           QStringLiteral("--shm"),
                                           mapping.path(),
                                           QStringLiteral("--sync"),
                                           syncName(o.sync),
                                           QStringLiteral("--increments"),
                                           QString::number(o.increments),
                                           QStringLiteral("--step-ms"),
                                           QString::number(o.stepDelayMs)};
                    },
                    &go))
                return;
        }
        if (r.cancelled())
            return;
        const qint64 duration = monotonicUs() - go;
        const qint64 expected = qint64(o.workers) * o.increments;
        const qint64 actual = state->value.load();
        QJsonObject run{{QStringLiteral("expected"), expected},
                        {QStringLiteral("actual"), actual},
                        {QStringLiteral("lost_updates"), expected - actual},
                        {QStringLiteral("duration_ms"), duration / 1000}};
        if (o.stepDelayMs > 0) {
            run.insert(QStringLiteral("lost_marked"),
                       countLostMarks(r.result.marks.mid(marksAtStart)));
        }
        r.result.runs.append(run);
        r.progress(rep + 1, o.repeat);
    }
}

void runBank(Runner &r)
{
    const LabOptions &o = r.opt;
    SharedMapping mapping;
    std::unique_ptr<SharedState> owned;
    SharedState *const state = sharedStateFor(r, &mapping, &owned);
    if (!state)
        return;
    QMutexAdapter qmutex;
    for (int rep = 0; rep < o.repeat && !r.cancelled(); ++rep) {
        Runner::resetState(state, kBankStart);
        qint64 go = 0;
        const int marksAtStart = int(r.result.marks.size());
        if (o.kind == Kind::Threads) {
            r.runThreads(
                2,
                [&](int worker, ThreadSink *sink) {
                    waitForGo(state, *sink);
                    bankWorker(state, &qmutex, o.sync, worker == 0 ? 1 : -1, kBankSteps,
                               o.stepDelayMs, sink);
                },
                [&] { go = r.releaseThreadsWhenReady(state, 2); });
            r.collectThreadTimeline();
        } else {
            WorkerProcesses procs(o.workerProgram, r.ctx, r.origin);
            if (!r.runProcesses(
                    procs, 2, state,
                    [&](int worker) {
                        return QStringList{QStringLiteral("bank"),
                                           QStringLiteral("--shm"),
                                           mapping.path(),
                                           QStringLiteral("--sync"),
                                           syncName(o.sync),
                                           QStringLiteral("--sign"),
                                           worker == 0 ? QStringLiteral("1") : QStringLiteral("-1"),
                                           QStringLiteral("--steps"),
                                           QString::number(kBankSteps),
                                           QStringLiteral("--step-ms"),
                                           QString::number(o.stepDelayMs)};
                    },
                    &go))
                return;
        }
        if (r.cancelled())
            return;
        const qint64 balance = state->value.load();
        QJsonObject run{{QStringLiteral("final_balance"), balance},
                        {QStringLiteral("drift"), balance - kBankStart},
                        {QStringLiteral("duration_ms"), (monotonicUs() - go) / 1000}};
        if (o.stepDelayMs > 0) {
            run.insert(QStringLiteral("lost_marked"),
                       countLostMarks(r.result.marks.mid(marksAtStart)));
        }
        r.result.runs.append(run);
        r.progress(rep + 1, o.repeat);
    }
}

void runShare(Runner &r)
{
    const LabOptions &o = r.opt;
    // The parent's plain memory: a thread writes these very variables, a
    // process writes its own copies.
    qint64 plainCounter = 0;
    QList<qint64> plainList;
    qint64 workerPlainCounter = 0;
    const qint64 start = monotonicUs();
    SharedMapping mapping;
    std::unique_ptr<SharedState> owned;
    SharedState *state = nullptr;
    if (o.kind == Kind::Processes) {
        state = r.processState(&mapping);
        if (!state)
            return;
        WorkerProcesses procs(o.workerProgram, r.ctx, r.origin);
        qint64 go = 0;
        if (!r.runProcesses(
                procs, 1, nullptr,
                [&](int) {
                    return QStringList{QStringLiteral("share"), QStringLiteral("--shm"),
                                       mapping.path()};
                },
                &go))
            return;
        workerPlainCounter = procs.report(0).numbers.value("worker_plain_counter");
    } else {
        owned = r.threadState();
        state = owned.get();
        const auto sinks = r.runThreads(
            1, [&](int, ThreadSink *sink) { shareWorker(state, &plainCounter, &plainList, sink); });
        workerPlainCounter = sinks.front()->numbers.value("worker_plain_counter");
        r.collectThreadTimeline();
    }
    if (r.cancelled())
        return;
    QList<qint64> sharedArray;
    for (const auto &a : state->sharedArray)
        sharedArray.append(a.load());
    r.result.runs.append(
        QJsonObject{{QStringLiteral("parent_plain_counter"), plainCounter},
                    {QStringLiteral("parent_shared_counter"), state->sharedCounter.load()},
                    {QStringLiteral("parent_plain_list"), toArray(plainList)},
                    {QStringLiteral("parent_shared_array"), toArray(sharedArray)},
                    {QStringLiteral("worker_plain_counter"), workerPlainCounter},
                    {QStringLiteral("duration_ms"), (monotonicUs() - start) / 1000}});
}

void runCpu(Runner &r)
{
    const LabOptions &o = r.opt;
    double baseline = 0;
    SharedMapping mapping;
    std::unique_ptr<SharedState> owned;
    SharedState *const state = sharedStateFor(r, &mapping, &owned);
    if (!state)
        return;
    for (int w = 1; w <= o.workers && !r.cancelled(); ++w) {
        Runner::resetState(state, 0);
        auto unitsFor = [&](int worker) { return o.work / w + (worker < o.work % w ? 1 : 0); };
        qint64 go = 0;
        double spawnUs = 0;
        qint64 rssKb = 0;
        qint64 rssTotalKb = 0;
        if (o.kind == Kind::Threads) {
            const auto sinks = r.runThreads(
                w,
                [&](int worker, ThreadSink *sink) {
                    waitForGo(state, *sink);
                    cpuWorker(unitsFor(worker), sink);
                },
                [&] { go = r.releaseThreadsWhenReady(state, w); });
            for (const auto &s : sinks) {
                spawnUs += double(s->startedUs - s->spawnCallUs);
                // One process holds every thread: its RSS is the total.
                rssKb = qMax(rssKb, s->numbers.value("rss_kb"));
            }
            rssTotalKb = rssKb;
            r.collectThreadTimeline();
        } else {
            WorkerProcesses procs(o.workerProgram, r.ctx, r.origin);
            if (!r.runProcesses(
                    procs, w, state,
                    [&](int worker) {
                        return QStringList{QStringLiteral("cpu"), QStringLiteral("--shm"),
                                           mapping.path(), QStringLiteral("--units"),
                                           QString::number(unitsFor(worker))};
                    },
                    &go))
                return;
            for (int i = 0; i < w; ++i) {
                spawnUs += double(procs.report(i).startedUs - procs.report(i).spawnCallUs);
                rssTotalKb += procs.report(i).numbers.value("rss_kb");
            }
            rssKb = rssTotalKb / w;
        }
        if (r.cancelled())
            return;
        const double ms = double(monotonicUs() - go) / 1000.0;
        if (w == 1)
            baseline = ms;
        r.result.runs.append(QJsonObject{{QStringLiteral("workers"), w},
                                         {QStringLiteral("units"), o.work},
                                         {QStringLiteral("duration_ms"), qint64(ms)},
                                         {QStringLiteral("speedup"), roundTo(baseline / ms, 2)},
                                         {QStringLiteral("spawn_us"), qint64(spawnUs / w)},
                                         {QStringLiteral("rss_kb"), rssKb},
                                         {QStringLiteral("rss_total_kb"), rssTotalKb}});
        r.progress(w, o.workers);
    }
}

void runStop(Runner &r)
{
    const LabOptions &o = r.opt;
    constexpr int kRunFirstMs = 300;
    const qint64 start = monotonicUs();
    double stopMs = 0;
    if (o.kind == Kind::Threads) {
        auto state = r.threadState();
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        ThreadSink sink(0, r.origin, r.ctx, &r.collector);
        QFuture<void> worker =
            QtConcurrent::run(&pool, [&] { stopWorker(state.get(), kStopCheckMs, &sink); });
        std::this_thread::sleep_for(std::chrono::milliseconds(kRunFirstMs));
        const qint64 t0 = monotonicUs();
        state->stop.store(1, std::memory_order_release);
        worker.waitForFinished();
        stopMs = double(monotonicUs() - t0) / 1000.0;
        r.collectThreadTimeline();
    } else {
        WorkerProcesses procs(o.workerProgram, r.ctx, r.origin);
        QString error;
        if (!procs.start(0, {QStringLiteral("stop")}, &error)) {
            r.result.error = error;
            return;
        }
        if (!procs.waitStarted(0, 10000)) {
            if (!r.cancelled())
                r.result.error = LabMessages::tr("process worker did not start");
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(kRunFirstMs));
        const qint64 t0 = monotonicUs();
        procs.kill(0);
        const qint64 t1 = monotonicUs();
        stopMs = double(t1 - t0) / 1000.0;
        const WorkerReport &rep = procs.report(0);
        // A killed process says nothing more; draw its bar from what we saw.
        const TimelineEvent e{0,
                              rep.pid,
                              rep.tid ? rep.tid : rep.pid,
                              WorkerState::Run,
                              rep.startedUs - r.origin,
                              t1 - r.origin};
        r.result.timeline.append(e);
        if (r.ctx)
            r.ctx->emitEvent(e);
    }
    if (r.cancelled())
        return;
    r.result.runs.append(QJsonObject{
        {QStringLiteral("stop_ms"), roundTo(stopMs, 3)},
        {QStringLiteral("how"), o.kind == Kind::Threads
                                    ? QStringLiteral("flag checked every %1 ms").arg(kStopCheckMs)
                                    : QStringLiteral("SIGKILL")},
        {QStringLiteral("duration_ms"), (monotonicUs() - start) / 1000}});
}

const char *const kExperimentNames[] = {"spawn", "counter", "bank", "share", "cpu", "stop"};
const char *const kKindNames[] = {"threads", "processes", "sequential", "event-loop"};
const char *const kSyncNames[] = {"none", "mutex", "atomic"};
const char *const kStateNames[] = {"run", "wait", "sleep"};

template <typename E, size_t N>
bool parseName(const char *const (&names)[N], const QString &name, E *out)
{
    for (size_t i = 0; i < N; ++i) {
        if (name == QLatin1String(names[i])) {
            *out = E(i);
            return true;
        }
    }
    return false;
}

} // namespace

void LabContext::emitEvent(const TimelineEvent &e) const
{
    if (onEvent)
        onEvent(e);
}

void LabContext::emitMark(const TimelineMark &m) const
{
    if (onMark)
        onMark(m);
}

void LabContext::emitProgress(int done, int total) const
{
    if (onProgress)
        onProgress(done, total);
}

QString experimentName(Experiment e)
{
    return QLatin1String(kExperimentNames[int(e)]);
}

QString kindName(Kind k)
{
    return QLatin1String(kKindNames[int(k)]);
}

QString syncName(Sync s)
{
    return QLatin1String(kSyncNames[int(s)]);
}

QString stateName(WorkerState s)
{
    return QLatin1String(kStateNames[int(s)]);
}

bool parseExperiment(const QString &name, Experiment *out)
{
    return parseName(kExperimentNames, name, out);
}

bool parseKind(const QString &name, Kind *out)
{
    return parseName(kKindNames, name, out);
}

bool parseSync(const QString &name, Sync *out)
{
    return parseName(kSyncNames, name, out);
}

QList<Experiment> allExperiments()
{
    return {Experiment::Spawn, Experiment::Counter, Experiment::Bank,
            Experiment::Share, Experiment::Cpu,     Experiment::Stop};
}

QList<Kind> supportedKinds(Experiment e)
{
    if (e == Experiment::Spawn)
        return {Kind::Threads, Kind::Processes, Kind::Sequential, Kind::EventLoop};
    return {Kind::Threads, Kind::Processes};
}

qint64 monotonicUs()
{
    timespec ts;
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

qint64 currentTid()
{
    return qint64(::gettid());
}

int countLostMarks(const QList<TimelineMark> &marks)
{
    int n = 0;
    for (const TimelineMark &m : marks)
        n += m.kind == MarkKind::Write && m.lost ? 1 : 0;
    return n;
}

QString validate(const LabOptions &o)
{
    const QString name = experimentName(o.experiment);
    if (!supportedKinds(o.experiment).contains(o.kind)) {
        QStringList kinds;
        for (Kind k : supportedKinds(o.experiment))
            kinds << kindName(k);
        return LabMessages::tr("%1 runs with --kind %2, not %3")
            .arg(name, kinds.join(QLatin1Char('|')), kindName(o.kind));
    }
    const bool usesWorkers = o.experiment == Experiment::Spawn ||
                             o.experiment == Experiment::Counter || o.experiment == Experiment::Cpu;
    if (usesWorkers && (o.workers < 1 || o.workers > kMaxWorkers))
        return LabMessages::tr("--workers must be between 1 and %1").arg(kMaxWorkers);
    if (o.experiment == Experiment::Spawn && (o.seconds <= 0 || o.seconds > 600))
        return LabMessages::tr("--seconds must be more than 0 and at most 600");
    if (o.experiment == Experiment::Counter && (o.increments < 1 || o.increments > 1000000000))
        return LabMessages::tr("--increments must be between 1 and 1000000000");
    if (o.experiment == Experiment::Bank && o.sync == Sync::Atomic)
        return LabMessages::tr("bank runs with --sync none|mutex");
    if ((o.experiment == Experiment::Counter || o.experiment == Experiment::Bank) &&
        (o.repeat < 1 || o.repeat > 1000))
        return LabMessages::tr("--repeat must be between 1 and 1000");
    if (o.experiment == Experiment::Cpu && (o.work < 1 || o.work > 1000000))
        return LabMessages::tr("--work must be between 1 and 1000000");
    if (o.stepDelayMs < 0 || o.stepDelayMs > 10000)
        return LabMessages::tr("--step-ms must be between 0 and 10000");
    return {};
}

LabResult runExperiment(const LabOptions &options, LabContext *ctx)
{
    Runner r(options, ctx);
    r.result.error = validate(options);
    if (!r.result.error.isEmpty())
        return r.result;
    switch (options.experiment) {
    case Experiment::Spawn:
        runSpawn(r);
        break;
    case Experiment::Counter:
        runCounter(r);
        break;
    case Experiment::Bank:
        runBank(r);
        break;
    case Experiment::Share:
        runShare(r);
        break;
    case Experiment::Cpu:
        runCpu(r);
        break;
    case Experiment::Stop:
        runStop(r);
        break;
    }
    r.result.cancelled = r.cancelled();
    r.result.durationUs = monotonicUs() - r.origin;
    std::stable_sort(
        r.result.timeline.begin(), r.result.timeline.end(),
        [](const TimelineEvent &a, const TimelineEvent &b) { return a.startUs < b.startUs; });
    std::stable_sort(
        r.result.marks.begin(), r.result.marks.end(),
        [](const TimelineMark &a, const TimelineMark &b) { return a.timeUs < b.timeUs; });
    return r.result;
}

QJsonObject LabResult::toJson() const
{
    const LabOptions &o = options;
    QJsonObject params;
    switch (o.experiment) {
    case Experiment::Spawn:
        params = {{QStringLiteral("workers"), o.workers}, {QStringLiteral("seconds"), o.seconds}};
        break;
    case Experiment::Counter:
        params = {{QStringLiteral("workers"), o.workers},
                  {QStringLiteral("increments"), o.increments},
                  {QStringLiteral("sync"), syncName(o.sync)},
                  {QStringLiteral("repeat"), o.repeat}};
        break;
    case Experiment::Bank:
        params = {{QStringLiteral("sync"), syncName(o.sync)},
                  {QStringLiteral("repeat"), o.repeat},
                  {QStringLiteral("start_balance"), kBankStart},
                  {QStringLiteral("steps"), kBankSteps}};
        break;
    case Experiment::Share:
        params = {{QStringLiteral("steps"), kShareSteps}};
        break;
    case Experiment::Cpu:
        params = {{QStringLiteral("workers"), o.workers},
                  {QStringLiteral("work"), o.work},
                  {QStringLiteral("cores"), int(std::thread::hardware_concurrency())}};
        break;
    case Experiment::Stop:
        params = {{QStringLiteral("check_interval_ms"), kStopCheckMs}};
        break;
    }
    if (o.stepDelayMs > 0)
        params.insert(QStringLiteral("step_ms"), o.stepDelayMs);

    QJsonArray runArray;
    for (const QJsonObject &run : runs)
        runArray.append(run);
    QJsonArray timelineArray;
    for (const TimelineEvent &e : timeline) {
        timelineArray.append(QJsonObject{{QStringLiteral("worker"), e.worker},
                                         {QStringLiteral("pid"), e.pid},
                                         {QStringLiteral("tid"), e.tid},
                                         {QStringLiteral("state"), stateName(e.state)},
                                         {QStringLiteral("start_us"), e.startUs},
                                         {QStringLiteral("end_us"), e.endUs}});
    }
    QJsonObject doc{{QStringLiteral("experiment"), experimentName(o.experiment)},
                    {QStringLiteral("kind"), kindName(o.kind)},
                    {QStringLiteral("params"), params},
                    {QStringLiteral("runs"), runArray},
                    {QStringLiteral("timeline"), timelineArray}};
    if (!marks.isEmpty()) {
        QJsonArray markArray;
        for (const TimelineMark &m : marks) {
            markArray.append(QJsonObject{{QStringLiteral("worker"), m.worker},
                                         {QStringLiteral("time_us"), m.timeUs},
                                         {QStringLiteral("op"), m.kind == MarkKind::Write
                                                                    ? QStringLiteral("write")
                                                                    : QStringLiteral("read")},
                                         {QStringLiteral("value"), m.value},
                                         {QStringLiteral("lost"), m.lost}});
        }
        doc.insert(QStringLiteral("marks"), markArray);
    }
    if (cancelled)
        doc.insert(QStringLiteral("cancelled"), true);
    if (!error.isEmpty())
        doc.insert(QStringLiteral("error"), error);
    return doc;
}

QByteArray chromeTrace(const QList<TimelineEvent> &events, const QList<TimelineMark> &marks)
{
    // Chrome's viewer nests slices on one thread; event-loop workers share a
    // thread, so each worker gets its own track (tid) and a readable name.
    QHash<int, qint64> trackOf;
    QHash<int, qint64> pidOf;
    QJsonArray out;
    std::set<qint64> usedTids;
    for (const TimelineEvent &e : events) {
        if (trackOf.contains(e.worker))
            continue;
        qint64 track = e.tid;
        if (usedTids.count(track))
            track = 1000000000 + e.worker;
        usedTids.insert(track);
        trackOf.insert(e.worker, track);
        pidOf.insert(e.worker, e.pid);
        out.append(QJsonObject{
            {QStringLiteral("name"), QStringLiteral("thread_name")},
            {QStringLiteral("ph"), QStringLiteral("M")},
            {QStringLiteral("pid"), e.pid},
            {QStringLiteral("tid"), track},
            {QStringLiteral("args"),
             QJsonObject{{QStringLiteral("name"),
                          QStringLiteral("worker %1 (tid %2)").arg(e.worker).arg(e.tid)}}}});
    }
    for (const TimelineEvent &e : events) {
        out.append(QJsonObject{{QStringLiteral("name"), stateName(e.state)},
                               {QStringLiteral("cat"), QStringLiteral("lab")},
                               {QStringLiteral("ph"), QStringLiteral("X")},
                               {QStringLiteral("ts"), e.startUs},
                               {QStringLiteral("dur"), qMax<qint64>(e.endUs - e.startUs, 1)},
                               {QStringLiteral("pid"), e.pid},
                               {QStringLiteral("tid"), trackOf.value(e.worker)}});
    }
    for (const TimelineMark &m : marks) {
        const QString name =
            QStringLiteral("%1 %2%3")
                .arg(m.kind == MarkKind::Write ? QStringLiteral("write") : QStringLiteral("read"))
                .arg(m.value)
                .arg(m.lost ? QStringLiteral(" (lost update)") : QString());
        out.append(QJsonObject{{QStringLiteral("name"), name},
                               {QStringLiteral("cat"), QStringLiteral("lab")},
                               {QStringLiteral("ph"), QStringLiteral("i")},
                               {QStringLiteral("s"), QStringLiteral("t")},
                               {QStringLiteral("ts"), m.timeUs},
                               {QStringLiteral("pid"), pidOf.value(m.worker)},
                               {QStringLiteral("tid"), trackOf.value(m.worker)}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("traceEvents"), out},
                                     {QStringLiteral("displayTimeUnit"), QStringLiteral("ms")}})
        .toJson(QJsonDocument::Compact);
}

} // namespace volley::lab
