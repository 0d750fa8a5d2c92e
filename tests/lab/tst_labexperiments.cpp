// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/lab.h"
#include "lab/labjob.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <limits>

using namespace volley;
using namespace volley::lab;

Q_DECLARE_METATYPE(volley::lab::Kind)
Q_DECLARE_METATYPE(volley::lab::Sync)

namespace {

LabOptions options(Experiment e, Kind k)
{
    LabOptions o;
    o.experiment = e;
    o.kind = k;
    o.workerProgram = test::volleyCli();
    return o;
}

// Process workers of this test process: their command line ends with
// "--parent <our pid>".
QList<qint64> ourWorkers(qint64 parent = QCoreApplication::applicationPid())
{
    return test::processesMatching(QStringLiteral("--parent %1 ").arg(parent));
}

bool allGone(const QList<qint64> &pids)
{
    for (qint64 pid : pids) {
        if (test::processAlive(pid))
            return false;
    }
    return true;
}

QList<qint64> ints(const QJsonValue &v)
{
    QList<qint64> out;
    const QJsonArray a = v.toArray();
    for (const QJsonValue &x : a)
        out.append(x.toInteger());
    return out;
}

} // namespace

class TestLabExperiments final : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnQtWarnings(); }

    void cleanup()
    {
        // Whatever a test did, it must leave no process worker behind.
        QTRY_VERIFY_WITH_TIMEOUT(ourWorkers().isEmpty(), 5000);
    }

    void counterWithLockIsExact_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<Sync>("sync");
        QTest::newRow("threads mutex") << Kind::Threads << Sync::Mutex;
        QTest::newRow("threads atomic") << Kind::Threads << Sync::Atomic;
        QTest::newRow("processes mutex") << Kind::Processes << Sync::Mutex;
        QTest::newRow("processes atomic") << Kind::Processes << Sync::Atomic;
    }

    void counterWithLockIsExact()
    {
        QFETCH(Kind, kind);
        QFETCH(Sync, sync);
        LabOptions o = options(Experiment::Counter, kind);
        o.sync = sync;
        o.workers = 4;
        o.increments = 20000;
        o.repeat = 2;
        const LabResult r = runExperiment(o);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.runs.size(), 2);
        for (const QJsonObject &run : r.runs) {
            QCOMPARE(run.value(QStringLiteral("expected")).toInteger(), 80000);
            QCOMPARE(run.value(QStringLiteral("actual")).toInteger(), 80000);
            QCOMPARE(run.value(QStringLiteral("lost_updates")).toInteger(), 0);
        }
        QVERIFY(!r.timeline.isEmpty());
        QSet<int> workers;
        for (const TimelineEvent &e : r.timeline) {
            workers.insert(e.worker);
            QVERIFY(e.endUs >= e.startUs);
            QVERIFY(e.pid > 0 && e.tid > 0);
        }
        QCOMPARE(workers.size(), 4);
    }

    void counterWithoutLockLosesUpdates_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::newRow("threads") << Kind::Threads;
        QTest::newRow("processes") << Kind::Processes;
    }

    void counterWithoutLockLosesUpdates()
    {
        QFETCH(Kind, kind);
        // 4 workers × 100 000 torn updates, three times: even when the two
        // cores are busy and the workers take turns on one, preemption lands
        // inside the widened read-write window often enough to lose updates.
        LabOptions o = options(Experiment::Counter, kind);
        o.sync = Sync::None;
        o.workers = 4;
        o.increments = 100000;
        o.repeat = 3;
        const LabResult r = runExperiment(o);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.runs.size(), 3);
        qint64 lost = 0;
        for (const QJsonObject &run : r.runs) {
            const qint64 actual = run.value(QStringLiteral("actual")).toInteger();
            QVERIFY(actual <= 400000);
            // Not ">= 100000": a worker preempted between its read and its write
            // can put back a value far older than everyone else's work.
            QVERIFY(actual >= 1);
            QCOMPARE(run.value(QStringLiteral("lost_updates")).toInteger(), 400000 - actual);
            lost += 400000 - actual;
        }
        qInfo("lost updates over 3 runs (%s): %lld", qPrintable(kindName(kind)), lost);
        QVERIFY(lost > 0);
    }

    void slowMotionMarksEveryReadAndWrite()
    {
        LabOptions o = options(Experiment::Counter, Kind::Threads);
        o.sync = Sync::None;
        o.workers = 2;
        o.increments = 8;
        o.stepDelayMs = 4;
        const LabResult r = runExperiment(o);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.marks.size(), 2 * 8 * 2);
        const qint64 lost = r.runs.first().value(QStringLiteral("lost_updates")).toInteger();
        const qint64 marked = r.runs.first().value(QStringLiteral("lost_marked")).toInteger();
        // Lost updates come from writes made on a stale read, and those are
        // marked. One such write can undo several of the other worker's (it
        // puts back an older value), so the counts need not be equal.
        QVERIFY2(lost == 0 || marked >= 1,
                 qPrintable(QStringLiteral("%1 lost, %2 marked").arg(lost).arg(marked)));
        QVERIFY(marked <= 16);
        QVERIFY(r.toJson().value(QStringLiteral("marks")).toArray().size() == 32);
    }

    void bankWithLockEndsAt500_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::newRow("threads") << Kind::Threads;
        QTest::newRow("processes") << Kind::Processes;
    }

    void bankWithLockEndsAt500()
    {
        QFETCH(Kind, kind);
        LabOptions o = options(Experiment::Bank, kind);
        o.sync = Sync::Mutex;
        o.repeat = 2;
        const LabResult r = runExperiment(o);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.runs.size(), 2);
        for (const QJsonObject &run : r.runs)
            QCOMPARE(run.value(QStringLiteral("final_balance")).toInteger(), 500);
    }

    void bankWithoutLockStaysNear500()
    {
        LabOptions o = options(Experiment::Bank, Kind::Threads);
        o.sync = Sync::None;
        o.repeat = 2;
        const LabResult r = runExperiment(o);
        QVERIFY2(r.ok(), qPrintable(r.error));
        for (const QJsonObject &run : r.runs) {
            const qint64 b = run.value(QStringLiteral("final_balance")).toInteger();
            QVERIFY(b >= 400 && b <= 600);
            QCOMPARE(run.value(QStringLiteral("drift")).toInteger(), b - 500);
        }
    }

    void shareWithProcessesCopiesPlainMemory()
    {
        const LabResult r = runExperiment(options(Experiment::Share, Kind::Processes));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QJsonObject run = r.runs.first();
        QCOMPARE(run.value(QStringLiteral("parent_plain_counter")).toInteger(), 0);
        QCOMPARE(ints(run.value(QStringLiteral("parent_plain_list"))), QList<qint64>());
        QCOMPARE(run.value(QStringLiteral("worker_plain_counter")).toInteger(), 5);
        QCOMPARE(run.value(QStringLiteral("parent_shared_counter")).toInteger(), 5);
        QCOMPARE(ints(run.value(QStringLiteral("parent_shared_array"))),
                 (QList<qint64>{1, 8, 27, 64, 125}));
    }

    void shareWithThreadsSharesEverything()
    {
        const LabResult r = runExperiment(options(Experiment::Share, Kind::Threads));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QJsonObject run = r.runs.first();
        QCOMPARE(run.value(QStringLiteral("parent_plain_counter")).toInteger(), 5);
        QCOMPARE(ints(run.value(QStringLiteral("parent_plain_list"))),
                 (QList<qint64>{1, 4, 9, 16, 25}));
        QCOMPARE(run.value(QStringLiteral("parent_shared_counter")).toInteger(), 5);
        QCOMPARE(ints(run.value(QStringLiteral("parent_shared_array"))),
                 (QList<qint64>{1, 8, 27, 64, 125}));
    }

    void spawnOverlapsOrQueues_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<bool>("concurrent");
        QTest::newRow("threads") << Kind::Threads << true;
        QTest::newRow("processes") << Kind::Processes << true;
        QTest::newRow("event-loop") << Kind::EventLoop << true;
        QTest::newRow("sequential") << Kind::Sequential << false;
    }

    void spawnOverlapsOrQueues()
    {
        QFETCH(Kind, kind);
        QFETCH(bool, concurrent);
        // Generous bounds only: this says "≈ S" versus "≈ N×S", timing
        // precision belongs in the benchmarks.
        LabOptions o = options(Experiment::Spawn, kind);
        o.workers = 4;
        o.seconds = 0.4;
        const LabResult r = runExperiment(o);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const qint64 ms = r.runs.first().value(QStringLiteral("duration_ms")).toInteger();
        qInfo("spawn %s: %lld ms", qPrintable(kindName(kind)), ms);
        QCOMPARE(r.timeline.size(), 4);
        // Overlap is read off the timeline, not the clock: all four asleep at one
        // moment (latest start before earliest end) versus a staircase. That holds
        // however slow process start-up is (sanitizers, a loaded machine).
        qint64 latestStart = 0;
        qint64 earliestEnd = std::numeric_limits<qint64>::max();
        QList<TimelineEvent> byStart = r.timeline;
        std::sort(
            byStart.begin(), byStart.end(),
            [](const TimelineEvent &a, const TimelineEvent &b) { return a.startUs < b.startUs; });
        for (const TimelineEvent &e : byStart) {
            latestStart = qMax(latestStart, e.startUs);
            earliestEnd = qMin(earliestEnd, e.endUs);
        }
        if (concurrent) {
            QVERIFY2(latestStart < earliestEnd, "the workers never slept at the same time");
            QVERIFY2(ms >= 390 && ms < 10000, qPrintable(QString::number(ms)));
        } else {
            for (qsizetype i = 1; i < byStart.size(); ++i)
                QVERIFY2(byStart.at(i).startUs >= byStart.at(i - 1).endUs,
                         "sequential workers overlapped");
            QVERIFY2(ms >= 1590 && ms < 10000, qPrintable(QString::number(ms)));
        }
        QCOMPARE(r.timeline.size(), 4);
        for (const TimelineEvent &e : r.timeline)
            QCOMPARE(e.state, WorkerState::Sleep);
    }

    void cpuReportsEveryWorkerCount_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::newRow("threads") << Kind::Threads;
        QTest::newRow("processes") << Kind::Processes;
    }

    void cpuReportsEveryWorkerCount()
    {
        QFETCH(Kind, kind);
        LabOptions o = options(Experiment::Cpu, kind);
        o.workers = 2;
        o.work = 20;
        const LabResult r = runExperiment(o);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.runs.size(), 2);
        QCOMPARE(r.runs.at(0).value(QStringLiteral("speedup")).toDouble(), 1.0);
        for (const QJsonObject &run : r.runs) {
            QVERIFY(run.value(QStringLiteral("speedup")).toDouble() > 0);
            QVERIFY(run.value(QStringLiteral("spawn_us")).toInteger() >= 0);
            QVERIFY(run.value(QStringLiteral("rss_kb")).toInteger() > 0);
        }
    }

    void stopEndsTheWorker_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::newRow("threads") << Kind::Threads;
        QTest::newRow("processes") << Kind::Processes;
    }

    void stopEndsTheWorker()
    {
        QFETCH(Kind, kind);
        const LabResult r = runExperiment(options(Experiment::Stop, kind));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const double ms = r.runs.first().value(QStringLiteral("stop_ms")).toDouble();
        qInfo("stop %s: %.3f ms", qPrintable(kindName(kind)), ms);
        QVERIFY(ms >= 0 && ms < 2000);
        QCOMPARE(r.timeline.size(), 1);
    }

    void noWorkerLeftAfterStop()
    {
        LabJob job;
        QSignalSpy finished(&job, &LabJob::finished);
        QSignalSpy live(&job, &LabJob::eventsArrived);
        LabOptions o = options(Experiment::Spawn, Kind::Processes);
        o.workers = 3;
        o.seconds = 60;
        QVERIFY(job.start(o));
        QTRY_COMPARE_WITH_TIMEOUT(ourWorkers().size(), 3, 10000);
        const QList<qint64> pids = ourWorkers();
        job.stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        const auto result = finished.first().first().value<LabResult>();
        QVERIFY(result.cancelled);
        QVERIFY(allGone(pids));
    }

    void liveEventsArriveFromAJob()
    {
        LabJob job;
        QSignalSpy finished(&job, &LabJob::finished);
        QSignalSpy live(&job, &LabJob::eventsArrived);
        LabOptions o = options(Experiment::Spawn, Kind::Threads);
        o.workers = 3;
        o.seconds = 0.1;
        QVERIFY(job.start(o));
        QVERIFY(!job.start(o)); // one at a time
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY(!live.isEmpty());
        int events = 0;
        for (const auto &args : live)
            events += int(args.first().value<QList<TimelineEvent>>().size());
        QCOMPARE(events, 3);
    }

    void noWorkerLeftAfterParentCrash()
    {
        QProcess cli;
        cli.setProgram(test::volleyCli());
        cli.setArguments({QStringLiteral("lab"), QStringLiteral("spawn"), QStringLiteral("--kind"),
                          QStringLiteral("processes"), QStringLiteral("--workers"),
                          QStringLiteral("3"), QStringLiteral("--seconds"), QStringLiteral("60")});
        cli.start();
        QVERIFY(cli.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(ourWorkers(cli.processId()).size(), 3, 10000);
        const QList<qint64> pids = ourWorkers(cli.processId());
        cli.kill(); // SIGKILL: no chance to clean up; the kernel must do it
        QVERIFY(cli.waitForFinished());
        QTRY_VERIFY_WITH_TIMEOUT(allGone(pids), 5000);
    }

    void chromeTraceIsValidJson()
    {
        LabOptions o = options(Experiment::Spawn, Kind::EventLoop);
        o.workers = 2;
        o.seconds = 0.05;
        const LabResult r = runExperiment(o);
        QVERIFY(r.ok());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(chromeTrace(r.timeline), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray events = doc.object().value(QStringLiteral("traceEvents")).toArray();
        int slices = 0;
        QSet<qint64> tracks;
        for (const QJsonValue &v : events) {
            if (v.toObject().value(QStringLiteral("ph")).toString() == QLatin1String("X")) {
                ++slices;
                tracks.insert(v.toObject().value(QStringLiteral("tid")).toInteger());
            }
        }
        QCOMPARE(slices, 2);
        QCOMPARE(tracks.size(), 2); // one thread, yet one track per worker
    }

    void rejectsUnsupportedOptions()
    {
        LabOptions o = options(Experiment::Counter, Kind::Sequential);
        QVERIFY(!validate(o).isEmpty());
        QVERIFY(!runExperiment(o).error.isEmpty());
        o = options(Experiment::Bank, Kind::Threads);
        o.sync = Sync::Atomic;
        QVERIFY(!validate(o).isEmpty());
        o = options(Experiment::Counter, Kind::Processes);
        o.workerProgram.clear();
        o.increments = 10;
        QVERIFY(runExperiment(o).error.contains(QLatin1String("volley-cli")));
    }
};

QTEST_GUILESS_MAIN(TestLabExperiments)
#include "tst_labexperiments.moc"
