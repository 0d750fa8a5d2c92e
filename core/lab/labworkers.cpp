// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labworkers.h"

#include <QFile>

#include <cerrno>
#include <random>
#include <thread>

#include <time.h>
#include <unistd.h>

namespace volley::lab {

namespace {

// Work done between reading and writing the shared value. It widens the race
// window enough that lost updates are seen even when the workers share one
// core and only collide when the scheduler preempts one mid-update.
constexpr int kRaceWindowSpins = 64;
// Iterations of the CPU experiment's work unit (about 0.1–0.5 ms).
constexpr int kUnitIterations = 100000;
// Busy "processing" time inside a bank step.
constexpr qint64 kBankWindowUs = 50;
// Pause between bank steps when not in slow motion.
constexpr qint64 kBankStepUs = 1000;

void raceWindow()
{
    volatile int sink = 0;
    for (int i = 0; i < kRaceWindowSpins; ++i)
        sink = sink + i;
}

void busyUs(qint64 us)
{
    const qint64 end = monotonicUs() + us;
    while (monotonicUs() < end) {
    }
}

quint64 xorshift(quint64 x)
{
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
}

std::minstd_rand jitterSource()
{
    return std::minstd_rand(quint32(currentTid() * 2654435761u + quint64(monotonicUs())));
}

// Slow-motion pauses vary by ±50 % so the workers drift in and out of step,
// which is what makes some updates collide and others not.
qint64 jittered(std::minstd_rand &rng, qint64 us)
{
    return us / 2 + qint64(rng() % quint64(us + 1));
}

} // namespace

void initSharedState(SharedState *state)
{
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(&state->mutex, &attr);
    pthread_mutexattr_destroy(&attr);
    for (auto &a : state->sharedArray)
        a.store(0);
}

void PthreadLocker::lock()
{
    // A worker killed while holding the lock leaves it "owner dead"; take it
    // over rather than hang the rest of the run.
    if (pthread_mutex_lock(m_mutex) == EOWNERDEAD)
        pthread_mutex_consistent(m_mutex);
}

void StateRecorder::record(WorkerState state, qint64 startUs, qint64 endUs)
{
    if (m_open && state == m_state && startUs - m_end < 200) {
        m_end = endUs;
        return;
    }
    flush();
    m_open = true;
    m_state = state;
    m_start = startUs;
    m_end = endUs;
}

void StateRecorder::flush()
{
    if (m_open && m_end > m_start)
        m_sink->event(m_state, m_start, m_end);
    m_open = false;
}

void waitForGo(SharedState *state, const Sink &sink)
{
    state->ready.fetch_add(1);
    while (!state->go.load(std::memory_order_acquire) && !sink.cancelled())
        std::this_thread::sleep_for(std::chrono::microseconds(50));
}

bool sleepUs(qint64 us, const Sink &sink)
{
    const qint64 end = monotonicUs() + us;
    for (;;) {
        if (sink.cancelled())
            return false;
        const qint64 left = end - monotonicUs();
        if (left <= 0)
            return true;
        std::this_thread::sleep_for(std::chrono::microseconds(qMin<qint64>(left, 10000)));
    }
}

void spawnWorker(double seconds, Sink *sink)
{
    const qint64 start = monotonicUs();
    sleepUs(qint64(seconds * 1e6), *sink);
    sink->event(WorkerState::Sleep, start, monotonicUs());
}

void counterWorker(SharedState *state, Locker *locker, Sync sync, qint64 increments,
                   int stepDelayMs, Sink *sink)
{
    StateRecorder rec(sink);
    if (stepDelayMs <= 0) {
        // Fast: a million steps cannot each be a bar, so every 256 steps are
        // one bar, coloured "wait" when most of that time went on the lock.
        constexpr qint64 kChunk = 256;
        qint64 chunkStart = monotonicUs();
        qint64 waited = 0;
        for (qint64 k = 0; k < increments; ++k) {
            switch (sync) {
            case Sync::None: {
                // The torn read-modify-write: each half is atomic (no UB, TSan
                // clean), the whole is not, so concurrent updates are lost.
                const qint64 v = state->value.load(std::memory_order_relaxed);
                raceWindow();
                state->value.store(v + 1, std::memory_order_relaxed);
                break;
            }
            case Sync::Mutex: {
                const qint64 t0 = monotonicUs();
                locker->lock();
                waited += monotonicUs() - t0;
                const qint64 v = state->value.load(std::memory_order_relaxed);
                raceWindow();
                state->value.store(v + 1, std::memory_order_relaxed);
                locker->unlock();
                break;
            }
            case Sync::Atomic:
                raceWindow();
                state->value.fetch_add(1, std::memory_order_relaxed);
                break;
            }
            if ((k + 1) % kChunk == 0 || k + 1 == increments) {
                const qint64 now = monotonicUs();
                rec.record(waited * 2 > now - chunkStart ? WorkerState::Wait : WorkerState::Run,
                           chunkStart, now);
                chunkStart = now;
                waited = 0;
                if (sink->cancelled())
                    break;
            }
        }
        sink->number("done", increments);
        return;
    }

    // Slow motion: every read and write is a mark with its value.
    auto rng = jitterSource();
    const qint64 stepUs = qint64(stepDelayMs) * 1000;
    for (qint64 k = 0; k < increments && !sink->cancelled(); ++k) {
        const qint64 t0 = monotonicUs();
        if (sync == Sync::Mutex) {
            locker->lock();
            rec.record(WorkerState::Wait, t0, monotonicUs());
        }
        const qint64 tRead = monotonicUs();
        qint64 v = 0;
        bool lost = false;
        if (sync == Sync::Atomic) {
            v = state->value.fetch_add(1);
            state->writes.fetch_add(1);
            sink->mark(MarkKind::Read, tRead, v, false);
            sink->mark(MarkKind::Write, tRead, v + 1, false);
            sleepUs(jittered(rng, stepUs / 2), *sink);
        } else {
            v = state->value.load();
            const qint64 writesBefore = state->writes.load();
            sink->mark(MarkKind::Read, tRead, v, false);
            sleepUs(jittered(rng, stepUs / 2), *sink);
            state->value.store(v + 1);
            lost = state->writes.fetch_add(1) != writesBefore;
            sink->mark(MarkKind::Write, monotonicUs(), v + 1, lost);
        }
        if (sync == Sync::Mutex)
            locker->unlock();
        const qint64 tWrite = monotonicUs();
        rec.record(WorkerState::Run, tRead, tWrite);
        sleepUs(jittered(rng, stepUs / 2), *sink);
        rec.record(WorkerState::Sleep, tWrite, monotonicUs());
    }
    sink->number("done", increments);
}

void bankWorker(SharedState *state, Locker *locker, Sync sync, int sign, int steps, int stepDelayMs,
                Sink *sink)
{
    StateRecorder rec(sink);
    auto rng = jitterSource();
    const bool slow = stepDelayMs > 0;
    const qint64 pauseUs = slow ? qint64(stepDelayMs) * 1000 / 2 : kBankStepUs;
    const qint64 holdUs = slow ? qint64(stepDelayMs) * 1000 / 2 : kBankWindowUs;
    for (int i = 0; i < steps && !sink->cancelled(); ++i) {
        const qint64 tSleep = monotonicUs();
        sleepUs(slow ? jittered(rng, pauseUs) : pauseUs, *sink);
        const qint64 t0 = monotonicUs();
        rec.record(WorkerState::Sleep, tSleep, t0);
        if (sync == Sync::Mutex) {
            locker->lock();
            rec.record(WorkerState::Wait, t0, monotonicUs());
        }
        const qint64 tRead = monotonicUs();
        const qint64 balance = state->value.load();
        const qint64 writesBefore = state->writes.load();
        if (slow) {
            sink->mark(MarkKind::Read, tRead, balance, false);
            sleepUs(jittered(rng, holdUs), *sink);
        } else {
            busyUs(holdUs); // checking the account, with the balance in hand
        }
        state->value.store(balance + sign);
        const bool lost = state->writes.fetch_add(1) != writesBefore;
        if (slow)
            sink->mark(MarkKind::Write, monotonicUs(), balance + sign, lost);
        if (sync == Sync::Mutex)
            locker->unlock();
        rec.record(WorkerState::Run, tRead, monotonicUs());
    }
}

void shareWorker(SharedState *state, qint64 *plainCounter, QList<qint64> *plainList, Sink *sink)
{
    const qint64 start = monotonicUs();
    for (qint64 i = 1; i <= kShareSteps; ++i) {
        ++*plainCounter;
        plainList->append(i * i);
        state->sharedArray[i - 1].store(i * i * i);
        state->sharedCounter.fetch_add(1);
    }
    sink->number("worker_plain_counter", *plainCounter);
    sink->list("worker_plain_list", *plainList);
    sink->event(WorkerState::Run, start, monotonicUs());
}

quint64 cpuWorker(qint64 units, Sink *sink)
{
    const qint64 start = monotonicUs();
    quint64 x = 88172645463325252ull + quint64(units);
    for (qint64 u = 0; u < units && !sink->cancelled(); ++u) {
        for (int i = 0; i < kUnitIterations; ++i)
            x = xorshift(x);
    }
    sink->event(WorkerState::Run, start, monotonicUs());
    sink->number("rss_kb", residentKb());
    sink->number("checksum", qint64(x & 0x7fffffff));
    return x;
}

void stopWorker(SharedState *state, int checkMs, Sink *sink)
{
    const qint64 start = monotonicUs();
    quint64 x = 1;
    // A thread cannot be stopped from outside safely: it only notices the
    // request where it looks at the flag, once per slice of work.
    while (!state->stop.load(std::memory_order_acquire) && !sink->cancelled()) {
        const qint64 sliceEnd = monotonicUs() + qint64(checkMs) * 1000;
        while (monotonicUs() < sliceEnd)
            x = xorshift(x + 1);
    }
    sink->event(WorkerState::Run, start, monotonicUs());
    sink->number("checksum", qint64(x & 0xffff));
}

qint64 residentKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

} // namespace volley::lab
