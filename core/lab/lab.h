// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <mutex>

// The Concurrency Lab: classic concurrency lessons as experiments that run for
// real and return numbers plus timeline events. Plain code, usable synchronously
// (volley-cli, tests) or from a background thread with live events (LabJob).
namespace volley::lab {

/// The six experiments of the lab.
enum class Experiment { Spawn, Counter, Bank, Share, Cpu, Stop };
/// How the workers of an experiment run.
enum class Kind { Threads, Processes, Sequential, EventLoop };
/// How the counter and bank experiments protect their shared value.
enum class Sync { None, Mutex, Atomic };
/// What a worker was doing during a timeline interval.
enum class WorkerState { Run, Wait, Sleep };
/// A point event in slow motion: a worker read or wrote the shared value.
enum class MarkKind { Read, Write };

/// One interval of one worker on the timeline; times are µs since the run began.
struct TimelineEvent
{
    int worker = 0;
    qint64 pid = 0;
    qint64 tid = 0;
    WorkerState state = WorkerState::Run;
    qint64 startUs = 0;
    qint64 endUs = 0;
};

/// A slow-motion read or write of the shared value; lost marks a write made
/// from a stale read: another worker wrote in between, and that update is gone.
struct TimelineMark
{
    int worker = 0;
    qint64 timeUs = 0;
    MarkKind kind = MarkKind::Read;
    qint64 value = 0;
    bool lost = false;
};

/// Parameters of one experiment; unused fields are ignored by an experiment.
struct LabOptions
{
    Experiment experiment = Experiment::Counter;
    Kind kind = Kind::Threads;
    Sync sync = Sync::None;
    int workers = 4;
    double seconds = 1.0;       ///< spawn: how long each worker waits
    qint64 increments = 100000; ///< counter: increments per worker
    int repeat = 1;             ///< counter, bank: independent repetitions
    qint64 work = 200;          ///< cpu: total work units, split over workers
    int stepDelayMs = 0;        ///< counter, bank: slow motion when > 0
    QString workerProgram;      ///< volley-cli, started as a process worker
};

/// What an experiment produced: one JSON object of numbers per repetition.
struct LabResult
{
    LabOptions options;
    QList<QJsonObject> runs;
    QList<TimelineEvent> timeline;
    QList<TimelineMark> marks;
    qint64 durationUs = 0;
    bool cancelled = false;
    QString error;

    bool ok() const { return error.isEmpty() && !cancelled; }
    /// The `volley-cli lab --json` document.
    QJsonObject toJson() const;
};

/// Cancellation and live observation of a running experiment. Callbacks may be
/// called from any worker thread; they must be thread-safe and quick.
class LabContext final
{
public:
    std::function<void(const TimelineEvent &)> onEvent;
    std::function<void(const TimelineMark &)> onMark;
    std::function<void(int done, int total)> onProgress;

    /// Asks the experiment to stop: threads see the flag, processes are killed.
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

    void emitEvent(const TimelineEvent &e) const;
    void emitMark(const TimelineMark &m) const;
    void emitProgress(int done, int total) const;

private:
    std::atomic<bool> m_cancelled{false};
};

/// Runs one experiment to the end (or until ctx is cancelled) on the calling
/// thread, which must not be the GUI thread. ctx may be null.
LabResult runExperiment(const LabOptions &options, LabContext *ctx = nullptr);

/// The body of the hidden `volley-cli lab-worker ...` mode: runs one process
/// worker and reports to its parent on stdout. args[0] is "lab-worker".
int runLabWorker(const QStringList &args);

/// Checks that an experiment supports the options; returns a message if not.
QString validate(const LabOptions &options);

/// How many slow-motion writes were flagged as lost updates.
int countLostMarks(const QList<TimelineMark> &marks);

/// Chrome trace JSON (chrome://tracing, Perfetto) of a timeline.
QByteArray chromeTrace(const QList<TimelineEvent> &events, const QList<TimelineMark> &marks = {});

QString experimentName(Experiment e);
QString kindName(Kind k);
QString syncName(Sync s);
QString stateName(WorkerState s);
bool parseExperiment(const QString &name, Experiment *out);
bool parseKind(const QString &name, Kind *out);
bool parseSync(const QString &name, Sync *out);
/// The kinds an experiment supports, in display order.
QList<Kind> supportedKinds(Experiment e);
QList<Experiment> allExperiments();

/// Monotonic clock shared by all processes of the machine, in µs.
qint64 monotonicUs();
/// Kernel thread id of the calling thread.
qint64 currentTid();

} // namespace volley::lab
