// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the lab: the worker bodies shared by thread and process workers,
// and the memory they share. A thread worker reports through a ThreadSink, a
// process worker (volley-cli lab-worker) through lines on its stdout.

#include "lab/lab.h"

#include <QList>

#include <pthread.h>

#include <atomic>

namespace volley::lab {

/// Everything workers share. Lives in plain memory for threads and in a
/// mapped file for processes, so it holds only lock-free atomics and a
/// process-shared mutex (no pointers, no Qt containers).
struct SharedState
{
    pthread_mutex_t mutex;         ///< process-shared, robust
    std::atomic<int> ready{0};     ///< workers waiting at the start line
    std::atomic<int> go{0};        ///< parent's start signal
    std::atomic<int> stop{0};      ///< cooperative stop for thread workers
    std::atomic<qint64> value{0};  ///< counter / bank balance
    std::atomic<qint64> writes{0}; ///< every write, to spot writes from stale reads
    std::atomic<qint64> sharedCounter{0};
    static constexpr int ArraySize = 5;
    std::atomic<qint64> sharedArray[ArraySize];
};
static_assert(std::atomic<qint64>::is_always_lock_free,
              "shared atomics must be lock-free to work across processes");

/// Initialises the mutex in place (process-shared and robust, so a killed
/// process worker cannot leave it locked forever).
void initSharedState(SharedState *state);

/// The lock a worker uses when sync is mutex: QMutex for threads, the
/// process-shared pthread mutex for processes.
class Locker
{
public:
    virtual ~Locker() = default;
    virtual void lock() = 0;
    virtual void unlock() = 0;
};

class PthreadLocker final : public Locker
{
public:
    explicit PthreadLocker(pthread_mutex_t *m)
        : m_mutex(m)
    {}
    void lock() override;
    void unlock() override { pthread_mutex_unlock(m_mutex); }

private:
    pthread_mutex_t *m_mutex;
};

/// Where a worker reports; times are absolute monotonicUs().
class Sink
{
public:
    virtual ~Sink() = default;
    virtual void event(WorkerState state, qint64 startUs, qint64 endUs) = 0;
    virtual void mark(MarkKind kind, qint64 timeUs, qint64 value, bool lost) = 0;
    virtual void number(const char *key, qint64 value) = 0;
    virtual void list(const char *key, const QList<qint64> &values) = 0;
    virtual bool cancelled() const = 0;
};

/// Merges consecutive intervals of the same state so a loop of a million
/// steps becomes a handful of bars.
class StateRecorder final
{
public:
    explicit StateRecorder(Sink *sink)
        : m_sink(sink)
    {}
    ~StateRecorder() { flush(); }
    void record(WorkerState state, qint64 startUs, qint64 endUs);
    void flush();

private:
    Sink *m_sink;
    bool m_open = false;
    WorkerState m_state = WorkerState::Run;
    qint64 m_start = 0;
    qint64 m_end = 0;
};

/// Waits at the start line until the parent says go (or the run is cancelled).
void waitForGo(SharedState *state, const Sink &sink);

/// Sleeps in short slices so a cancel is seen quickly; returns false if cancelled.
bool sleepUs(qint64 us, const Sink &sink);

void spawnWorker(double seconds, Sink *sink);
void counterWorker(SharedState *state, Locker *locker, Sync sync, qint64 increments,
                   int stepDelayMs, Sink *sink);
/// sign: +1 deposits, -1 withdraws; steps is how many of them.
void bankWorker(SharedState *state, Locker *locker, Sync sync, int sign, int steps, int stepDelayMs,
                Sink *sink);
void shareWorker(SharedState *state, qint64 *plainCounter, QList<qint64> *plainList, Sink *sink);
/// Returns a checksum so the work cannot be optimised away.
quint64 cpuWorker(qint64 units, Sink *sink);
/// Works until state->stop is set, looking at it only every checkMs of work.
void stopWorker(SharedState *state, int checkMs, Sink *sink);

/// Resident memory of this process, from /proc/self/status.
qint64 residentKb();

/// Constants of the experiments, shared by both sides of a process worker.
inline constexpr int kBankStart = 500;
inline constexpr int kBankSteps = 100;
inline constexpr int kShareSteps = 5;
inline constexpr int kStopCheckMs = 40;

} // namespace volley::lab
