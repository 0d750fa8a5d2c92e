// SPDX-License-Identifier: GPL-3.0-or-later
// The engine with local targets: real processes through /bin/sh -c.
#include "exec/run.h"
#include "runhelpers.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

using namespace volley;
using volley::test::localTarget;
using volley::test::runToEnd;
using volley::test::shq;

class TestRunLocal final : public QObject
{
    Q_OBJECT

private:
    QString helper(const QString &actions) const
    {
        return shq(test::testHelper()) + QLatin1Char(' ') + actions;
    }

private slots:
    void init() { test::failOnQtWarnings(); }

    void streamsStayApartAndExact()
    {
        RunSpec spec;
        spec.targets = {localTarget()};
        spec.commands = {helper(QStringLiteral("out hello err oops out world"))};
        auto run = runToEnd(spec);
        QVERIFY(run->isFinished());
        const TargetResult r = run->result(0);
        QCOMPARE(r.status, Status::Ok);
        QCOMPARE(r.commands.size(), 1);
        QCOMPARE(r.commands[0].exitCode, std::optional<int>(0));
        QCOMPARE(run->output(0).read(0, Stream::Stdout), QByteArray("hello\nworld\n"));
        QCOMPARE(run->output(0).read(0, Stream::Stderr), QByteArray("oops\n"));
        QCOMPARE(r.commands[0].stdoutBytes, 12);
        QCOMPARE(run->exitCode(), 0);
    }

    void exitCodeAndSignal()
    {
        RunSpec spec;
        spec.targets = {localTarget(QStringLiteral("local:a")),
                        localTarget(QStringLiteral("local:b"))};
        spec.targets[0].commands = {helper(QStringLiteral("exit 3"))};
        // exec: the shell becomes the helper, so the signal reaches Volley undisguised.
        spec.targets[1].commands = {QStringLiteral("exec ") +
                                    helper(QStringLiteral("signal KILL"))};
        auto run = runToEnd(spec);
        QCOMPARE(run->result(0).status, Status::Failed);
        QCOMPARE(run->result(0).commands[0].exitCode, std::optional<int>(3));
        QCOMPARE(run->result(1).status, Status::Failed);
        QCOMPARE(run->result(1).commands[0].signal, QStringLiteral("KILL"));
        QVERIFY(!run->result(1).commands[0].exitCode);
        QCOMPARE(run->exitCode(), 1);
    }

    void binaryBytesSurvive()
    {
        RunSpec spec;
        spec.targets = {localTarget()};
        spec.commands = {helper(QStringLiteral("bytes 00ff41c3281b5d30"))};
        auto run = runToEnd(spec);
        QCOMPARE(run->output(0).read(0, Stream::Stdout), QByteArray::fromHex("00ff41c3281b5d30"));
    }

    void severalCommandsInOrderAndStopOnError()
    {
        RunSpec spec;
        spec.targets = {localTarget()};
        spec.commands = {QStringLiteral("echo one"), QStringLiteral("exit 4"),
                         QStringLiteral("echo three")};
        auto run = runToEnd(spec);
        TargetResult r = run->result(0);
        QCOMPARE(r.commands.size(), 3);
        QCOMPARE(r.commands[1].exitCode, std::optional<int>(4));
        QCOMPARE(run->output(0).read(2, Stream::Stdout), QByteArray("three\n"));
        QCOMPARE(r.status, Status::Failed);

        spec.stopOnError = true;
        run = runToEnd(spec);
        r = run->result(0);
        QCOMPARE(r.commands[2].status, Status::Cancelled);
        QCOMPARE(run->output(0).read(2, Stream::Stdout), QByteArray());
    }

    void timeoutEndsTheWholeProcessGroup()
    {
        QTemporaryDir dir;
        const QString pidfile = dir.filePath(QStringLiteral("pid"));
        RunSpec spec;
        spec.targets = {localTarget()};
        spec.commandTimeoutSec = 1;
        // A compound command: sh stays the parent, the helper is its child.
        spec.commands = {helper(QStringLiteral("pidfile %1 sleep 30000").arg(shq(pidfile))) +
                         QStringLiteral("; echo never")};
        QElapsedTimer clock;
        clock.start();
        auto run = runToEnd(spec, 10000);
        QVERIFY(run->isFinished());
        QVERIFY2(clock.elapsed() < 5000, "a timeout must not wait much longer than itself");
        QCOMPARE(run->result(0).status, Status::Timeout);
        QFile f(pidfile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const qint64 pid = f.readAll().trimmed().toLongLong();
        QVERIFY(pid > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!test::processAlive(pid), 3000);
        QCOMPARE(run->exitCode(), 1);
    }

    void cancelMidStream()
    {
        RunSpec spec;
        spec.targets = {localTarget(QStringLiteral("local:1")),
                        localTarget(QStringLiteral("local:2"))};
        spec.commands = {QStringLiteral("while :; do echo tick; sleep 0.05; done")};
        Run run(spec);
        QSignalSpy done(&run, &Run::finished);
        run.start();
        QTRY_VERIFY_WITH_TIMEOUT(run.output(0).size(0, Stream::Stdout) > 0, 5000);
        QElapsedTimer clock;
        clock.start();
        run.cancel();
        QVERIFY(done.wait(5000));
        QVERIFY(clock.elapsed() < 2500);
        QCOMPARE(run.result(0).status, Status::Cancelled);
        QCOMPARE(run.result(1).status, Status::Cancelled);
        QCOMPARE(run.exitCode(), 130);
    }

    void fanoutQueuesTheRest()
    {
        RunSpec spec;
        for (int i = 0; i < 6; ++i)
            spec.targets << localTarget(QStringLiteral("local:%1").arg(i));
        spec.fanout = 2;
        spec.commands = {QStringLiteral("sleep 0.2")};
        auto run = runToEnd(spec);
        QCOMPARE(run->countWithStatus(Status::Ok), 6);
        // At most two ran at once: the last start is at least two sleeps after the first.
        qint64 lastStart = 0;
        for (int i = 0; i < 6; ++i)
            lastStart = qMax(lastStart, run->result(i).phases.runMs);
        QVERIFY2(lastStart >= 350, qPrintable(QString::number(lastStart)));
    }

    void updatesAreBatched()
    {
        RunSpec spec;
        spec.targets = {localTarget()};
        // Many small writes over about a second.
        spec.commands = {QStringLiteral(
            "i=0; while [ $i -lt 200 ]; do echo line $i; sleep 0.005; i=$((i+1)); done")};
        Run run(spec);
        int updates = 0;
        QByteArray seen;
        connect(&run, &Run::updated, this, [&](const RunUpdate &u) {
            ++updates;
            for (const OutputChunk &c : u.chunks)
                seen += c.data;
        });
        QSignalSpy done(&run, &Run::finished);
        QElapsedTimer clock;
        clock.start();
        run.start();
        QVERIFY(done.wait(20000));
        const double seconds = double(clock.elapsed()) / 1000.0;
        QVERIFY2(updates <= int(seconds * 35) + 3,
                 qPrintable(QStringLiteral("%1 updates in %2 s").arg(updates).arg(seconds)));
        QCOMPARE(seen, run.output(0).read(0, Stream::Stdout));
        QVERIFY(seen.startsWith("line 0\n") && seen.endsWith("line 199\n"));
    }

    void largeStderrDoesNotBlock()
    {
        RunSpec spec;
        spec.targets = {localTarget()};
        spec.commands = {helper(QStringLiteral("flooderr 3000000 out done"))};
        auto run = runToEnd(spec, 30000);
        QCOMPARE(run->result(0).status, Status::Ok);
        QCOMPARE(run->output(0).size(0, Stream::Stderr), 3000000);
        QCOMPARE(run->output(0).read(0, Stream::Stdout), QByteArray("done\n"));
    }

    void commandGoesToTheShellAsTyped()
    {
        RunSpec spec;
        // The target name holds shell syntax; it must never reach a shell.
        spec.targets = {localTarget(QStringLiteral("local:$(touch /tmp/volley-pwned)"))};
        spec.commands = {QStringLiteral("printf '%s|' \"a b\" 'c;d' $((1+2))")};
        QFile::remove(QStringLiteral("/tmp/volley-pwned"));
        auto run = runToEnd(spec);
        QCOMPARE(run->output(0).read(0, Stream::Stdout), QByteArray("a b|c;d|3|"));
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/volley-pwned")));
    }
};

QTEST_GUILESS_MAIN(TestRunLocal)
#include "tst_runlocal.moc"
