// SPDX-License-Identifier: GPL-3.0-or-later
// Fault matrix, network and server side: each fault against a real OpenSSH sshd
// (LocalFleet), checking the status, the message, a generous time bound, and
// that the other hosts of the same run were unaffected.
#include "exec/run.h"
#include "faulthelpers.h"
#include "fleet/localfleet.h"
#include "runhelpers.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace volley;
using test::describe;
using test::notOk;

class TestFaultsNetwork final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFleet> m_fleet;
    QTemporaryDir m_tmp;

    RunSpec fleetSpec(const QString &command, int hosts) const
    {
        RunSpec spec;
        spec.targets = m_fleet->targets().mid(0, hosts);
        spec.commands = {command};
        spec.sshConfigFile = QStringLiteral("none");
        return spec;
    }

    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_fleet = std::make_unique<LocalFleet>();
        LocalFleet::Options options;
        options.hosts = 3;
        QVERIFY2(m_fleet->start(options), qPrintable(m_fleet->error()));
    }

    void cleanupTestCase() { m_fleet.reset(); }

    void init() { test::failOnQtWarnings(); }

    void nameThatDoesNotResolveIsUnreachable()
    {
        RunSpec spec = fleetSpec(QStringLiteral("echo ok"), 2);
        Target ghost = spec.targets.first();
        ghost.name = QStringLiteral("ghost");
        ghost.address = QStringLiteral("no-such-host.volley-test.invalid");
        spec.targets.insert(1, ghost);
        QElapsedTimer clock;
        clock.start();
        auto run = test::runToEnd(spec, 30000);
        QVERIFY(run->isFinished());
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        const TargetResult r = run->result(1);
        QCOMPARE(statusName(r.status), QStringLiteral("unreachable"));
        QVERIFY2(r.error.contains(ghost.address), qPrintable(r.error));
        QVERIFY2(r.error.contains(QLatin1String("ghost")), qPrintable(r.error));
        QVERIFY2(notOk(*run, {0, 2}).isEmpty(), qPrintable(notOk(*run, {0, 2})));
        QCOMPARE(run->output(0).read(0, Stream::Stdout), QByteArray("ok\n"));
        QCOMPARE(run->exitCode(), 3);
    }

    void sshdDyingMidStreamKeepsTheBytes()
    {
        const QString pidfile =
            QStringLiteral("/tmp/volley-faults-%1.pid").arg(QRandomGenerator::global()->generate());
        RunSpec spec = fleetSpec(QString(), 2);
        // $PPID of the remote shell is the sshd child that serves this session.
        spec.targets[0].commands = {
            QStringLiteral("echo $PPID > %1; i=0; while :; do echo line$i; i=$((i+1)); "
                           "[ $((i % 50)) = 0 ] && sleep 0.05; done")
                .arg(pidfile)};
        spec.targets[1].commands = {
            QStringLiteral("for i in 1 2 3 4 5; do echo still-here-$i; sleep 0.3; done")};
        Run run(spec);
        test::UpdateLog log;
        log.attach(&run);
        QSignalSpy done(&run, &Run::finished);
        run.start();
        QTRY_VERIFY_WITH_TIMEOUT(run.output(0).size(0, Stream::Stdout) > 20000, 15000);
        const QByteArray pidText = readFile(pidfile).trimmed();
        QFile::remove(pidfile);
        const qint64 sessionPid = pidText.toLongLong();
        QVERIFY2(sessionPid > 1, pidText.constData());
        const qint64 monitorPid = test::parentOf(sessionPid);
        QVERIFY(monitorPid > 1);
        // Both processes of the connection (privsep monitor and session child) die at once.
        const QList<qint64> sshd = m_fleet->sshdPids();
        QVERIFY2(sshd.contains(sessionPid) && sshd.contains(monitorPid),
                 "the remote shell's parents are not this fleet's sshd children");
        QVERIFY(!run.isFinished());
        const qint64 before = run.output(0).size(0, Stream::Stdout);
        QElapsedTimer clock;
        clock.start();
        ::kill(pid_t(sessionPid), SIGKILL);
        ::kill(pid_t(monitorPid), SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(log.finishedAtMs.contains(0), 15000);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(run.isFinished() || done.wait(10000));

        const TargetResult r = run.result(0);
        QVERIFY2(r.status == Status::Error || r.status == Status::Unreachable,
                 qPrintable(describe(run, 0)));
        QVERIFY2(r.error.contains(spec.targets[0].address), qPrintable(r.error));
        QVERIFY2(r.error.contains(QLatin1String("dropped")), qPrintable(r.error));
        QVERIFY2(r.error.contains(QLatin1String("kept")), qPrintable(r.error));
        // Every byte that arrived is kept, and it is exactly the start of the stream.
        const QByteArray got = run.output(0).read(0, Stream::Stdout);
        QVERIFY(got.size() >= before);
        QByteArray expected;
        for (int i = 0; expected.size() < got.size(); ++i)
            expected += "line" + QByteArray::number(i) + '\n';
        QCOMPARE(got, expected.left(got.size()));
        // The other host of the same sshd carried on.
        QVERIFY2(notOk(run, {1}).isEmpty(), qPrintable(notOk(run, {1})));
        QCOMPARE(run.output(1).read(0, Stream::Stdout),
                 QByteArray("still-here-1\nstill-here-2\nstill-here-3\nstill-here-4\n"
                            "still-here-5\n"));
        QCOMPARE(run.exitCode(), 3);
    }

    void slowLinkDeliversEverythingAndKeepsMoving()
    {
        // 40 ms each way and 48 kB/s: about 170 kB of output takes some 4 s.
        QProcess proxy;
        proxy.start(test::faultProxy(),
                    {QStringLiteral("--to"),
                     QStringLiteral("%1:%2").arg(m_fleet->addresses().first()).arg(m_fleet->port()),
                     QStringLiteral("--delay-ms"), QStringLiteral("40"), QStringLiteral("--rate"),
                     QStringLiteral("48000")});
        QVERIFY(proxy.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(proxy.canReadLine(), 5000);
        const int proxyPort = proxy.readLine().trimmed().toInt();
        QVERIFY(proxyPort > 0);
        const QString known = m_tmp.filePath(QStringLiteral("proxy_known_hosts"));
        QFile kh(known);
        QVERIFY(kh.open(QIODevice::WriteOnly | QIODevice::Truncate));
        kh.write(test::knownHostsLineFor(*m_fleet, QStringLiteral("127.0.0.1"), proxyPort));
        kh.close();

        RunSpec spec = fleetSpec(QStringLiteral("seq 1 30000"), 2);
        Target slow = spec.targets.first();
        slow.name = QStringLiteral("slow");
        slow.address = QStringLiteral("127.0.0.1");
        slow.port = proxyPort;
        slow.knownHostsFile = known;
        spec.targets.prepend(slow);
        QByteArray expected;
        for (int i = 1; i <= 30000; ++i)
            expected += QByteArray::number(i) + '\n';

        Run run(spec);
        test::UpdateLog log;
        log.attach(&run);
        QSignalSpy done(&run, &Run::finished);
        run.start();
        QVERIFY(done.wait(60000));
        proxy.kill();
        proxy.waitForFinished();

        QVERIFY2(notOk(run, {0, 1, 2}).isEmpty(), qPrintable(notOk(run, {0, 1, 2})));
        QCOMPARE(run.output(0).size(0, Stream::Stdout), expected.size());
        QVERIFY(run.output(0).read(0, Stream::Stdout) == expected);
        for (int i : {1, 2})
            QVERIFY(run.output(i).read(0, Stream::Stdout) == expected);

        // Progress: the slow target's bytes came in several updates spread over time,
        // with no long silence, while the direct hosts were done long before. (sshd sends
        // channel data in packets of up to 32 kB, which libssh can only hand over whole:
        // at 48 kB/s one arrives about every 0.7 s.)
        const QList<test::UpdateLog::Batch> batches = log.batches.value(0);
        QStringList trace;
        for (const test::UpdateLog::Batch &b : batches)
            trace << QStringLiteral("%1ms:%2B").arg(b.atMs).arg(b.bytes);
        qInfo("slow target's updates: %s", qPrintable(trace.join(QLatin1Char(' '))));
        QVERIFY2(batches.size() >= 5, qPrintable(QString::number(batches.size())));
        const qint64 span = batches.last().atMs - batches.first().atMs;
        QVERIFY2(span >= 2000, qPrintable(QString::number(span)));
        qint64 longestGap = 0;
        for (qsizetype i = 1; i < batches.size(); ++i)
            longestGap = qMax(longestGap, batches.at(i).atMs - batches.at(i - 1).atMs);
        QVERIFY2(longestGap < 1500, qPrintable(QString::number(longestGap)));
        QVERIFY(log.finishedAtMs.value(1) < log.finishedAtMs.value(0));
        QVERIFY(log.finishedAtMs.value(2) < log.finishedAtMs.value(0));
        qInfo("slow link: %lld updates over %lld ms, longest gap %lld ms", qint64(batches.size()),
              span, longestGap);
    }

    void hostKeyOfAnotherTypeIsRejected_data()
    {
        QTest::addColumn<QString>("keyType");
        QTest::addColumn<QString>("wireName");
        QTest::addColumn<int>("policy");
        QTest::newRow("rsa, strict")
            << QStringLiteral("rsa") << QStringLiteral("ssh-rsa") << int(HostKeyPolicy::Strict);
        QTest::newRow("rsa, accept-new")
            << QStringLiteral("rsa") << QStringLiteral("ssh-rsa") << int(HostKeyPolicy::AcceptNew);
        QTest::newRow("ecdsa, strict")
            << QStringLiteral("ecdsa") << QStringLiteral("ecdsa-sha2-nistp256")
            << int(HostKeyPolicy::Strict);
        QTest::newRow("ecdsa, accept-new")
            << QStringLiteral("ecdsa") << QStringLiteral("ecdsa-sha2-nistp256")
            << int(HostKeyPolicy::AcceptNew);
    }

    void hostKeyOfAnotherTypeIsRejected()
    {
        QFETCH(QString, keyType);
        QFETCH(QString, wireName);
        QFETCH(int, policy);
        LocalFleet other;
        LocalFleet::Options options;
        options.hosts = 2;
        options.firstHost = 40;
        QVERIFY2(other.start(options), qPrintable(other.error()));
        const QString oldFingerprint = other.hostKeyFingerprint();
        QVERIFY2(other.restart(true, keyType), qPrintable(other.error()));
        const QString newFingerprint = other.hostKeyFingerprint();
        QVERIFY(newFingerprint != oldFingerprint);
        const QByteArray knownBefore = readFile(other.knownHostsPath());
        QVERIFY(knownBefore.contains(" ssh-ed25519 "));

        RunSpec spec = fleetSpec(QStringLiteral("echo ok"), 2);
        spec.targets += other.targets(QStringLiteral("rekeyed"));
        spec.hostKeyPolicy = HostKeyPolicy(policy);
        QElapsedTimer clock;
        clock.start();
        auto run = test::runToEnd(spec, 30000);
        QVERIFY(run->isFinished());
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        for (int i : {2, 3}) {
            const TargetResult r = run->result(i);
            QCOMPARE(statusName(r.status), QStringLiteral("host_key_rejected"));
            QCOMPARE(r.hostKeyType, wireName);
            QCOMPARE(r.hostKeySha256, newFingerprint);
            QVERIFY2(r.error.contains(newFingerprint), qPrintable(r.error));
            QVERIFY2(r.error.contains(oldFingerprint), qPrintable(r.error));
            QVERIFY2(r.error.contains(wireName), qPrintable(r.error));
            QVERIFY2(r.error.contains(QLatin1String("ssh-keygen -R")), qPrintable(r.error));
            QVERIFY(r.commands.isEmpty() || r.commands.first().startMs < 0);
            QCOMPARE(run->output(i).totalSize(Stream::Stdout), 0);
        }
        QCOMPARE(readFile(other.knownHostsPath()), knownBefore); // nothing recorded
        QVERIFY2(notOk(*run, {0, 1}).isEmpty(), qPrintable(notOk(*run, {0, 1})));
        QCOMPARE(run->exitCode(), 3);
    }

    void agentWithTenKeysHitsMaxAuthTriesAlone()
    {
        LocalFleet fleet;
        LocalFleet::Options options;
        options.hosts = 3;
        options.firstHost = 50;
        options.extraConfig = {QStringLiteral("MaxAuthTries 6")};
        QVERIFY2(fleet.start(options), qPrintable(fleet.error()));

        const QString sock = m_tmp.filePath(QStringLiteral("agent.sock"));
        QProcess agent;
        agent.start(QStringLiteral("ssh-agent"),
                    {QStringLiteral("-D"), QStringLiteral("-a"), sock});
        QVERIFY2(agent.waitForStarted(), "ssh-agent missing: install openssh-client");
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(sock), 5000);
        QStringList keys;
        for (int i = 0; i < 10; ++i) {
            const QString key = m_tmp.filePath(QStringLiteral("throwaway%1").arg(i));
            QCOMPARE(QProcess::execute(QStringLiteral("ssh-keygen"),
                                       {QStringLiteral("-q"), QStringLiteral("-t"),
                                        QStringLiteral("ed25519"), QStringLiteral("-N"), QString(),
                                        QStringLiteral("-f"), key}),
                     0);
            keys << key;
        }
        QProcess add;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SSH_AUTH_SOCK"), sock);
        add.setProcessEnvironment(env);
        add.start(QStringLiteral("ssh-add"), keys);
        QVERIFY(add.waitForFinished(20000));
        QCOMPARE(add.exitCode(), 0);
        const QByteArray oldSock = qgetenv("SSH_AUTH_SOCK");
        qputenv("SSH_AUTH_SOCK", sock.toLocal8Bit());
        auto restore = qScopeGuard([&] {
            if (oldSock.isEmpty())
                qunsetenv("SSH_AUTH_SOCK");
            else
                qputenv("SSH_AUTH_SOCK", oldSock);
            agent.kill();
            agent.waitForFinished();
        });

        RunSpec spec;
        spec.targets = fleet.targets();
        spec.targets[1].identityFiles.clear(); // no -i: publickey_auto, the agent's 10 keys
        spec.commands = {QStringLiteral("echo ok")};
        spec.sshConfigFile = QStringLiteral("none");
        QElapsedTimer clock;
        clock.start();
        auto run = test::runToEnd(spec, 30000);
        QVERIFY(run->isFinished());
        QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
        const TargetResult r = run->result(1);
        QCOMPARE(statusName(r.status), QStringLiteral("auth_failed"));
        QVERIFY2(r.error.contains(QLatin1String("MaxAuthTries")), qPrintable(r.error));
        QVERIFY2(r.error.contains(fleet.user()), qPrintable(r.error));
        QVERIFY2(r.error.contains(QLatin1String("agent")), qPrintable(r.error));
        QVERIFY2(notOk(*run, {0, 2}).isEmpty(), qPrintable(notOk(*run, {0, 2})));

        // No lock-out: the same address takes the right key at once afterwards.
        spec.targets = fleet.targets().mid(1, 1);
        run = test::runToEnd(spec, 30000);
        QVERIFY2(notOk(*run, {0}).isEmpty(), qPrintable(notOk(*run, {0})));
    }

    void maxStartupsUnderFanout128_data()
    {
        QTest::addColumn<int>("addresses");
        QTest::addColumn<int>("targets");
        // ~150 hosts: ten sshd (16 addresses each), each with its own MaxStartups.
        QTest::newRow("150 hosts") << 150 << 150;
        // The same 150 targets on one sshd: 128 handshakes against 10:30:100.
        QTest::newRow("150 targets on one sshd") << 16 << 150;
    }

    void maxStartupsUnderFanout128()
    {
        QFETCH(int, addresses);
        QFETCH(int, targets);
        LocalFleet fleet;
        LocalFleet::Options options;
        options.hosts = addresses;
        options.firstHost = 60;
        options.extraConfig = {QStringLiteral("MaxStartups 10:30:100")};
        QVERIFY2(fleet.start(options), qPrintable(fleet.error()));
        const QList<Target> hosts = fleet.targets(QStringLiteral("ms"));
        RunSpec spec;
        for (int i = 0; i < targets; ++i) {
            Target t = hosts.at(i % hosts.size());
            t.name = QStringLiteral("t%1").arg(i + 1, 3, 10, QLatin1Char('0'));
            spec.targets << t;
        }
        spec.commands = {QStringLiteral("echo ok")};
        spec.fanout = 128;
        spec.sshConfigFile = QStringLiteral("none");
        Run run(spec);
        test::UpdateLog log;
        log.attach(&run);
        QSignalSpy done(&run, &Run::finished);
        QElapsedTimer clock;
        clock.start();
        run.start();
        QVERIFY(done.wait(180000));
        QStringList unclear;
        int ok = 0;
        int throttled = 0;
        for (int i = 0; i < targets; ++i) {
            const TargetResult r = run.result(i);
            int retries = 0;
            for (const QString &m : log.messages.value(i))
                retries += m.contains(QLatin1String("retrying")) ? 1 : 0;
            if (retries > spec.handshakeRetries)
                unclear << describe(run, i) + QStringLiteral(" (%1 retries)").arg(retries);
            if (r.status == Status::Ok) {
                ++ok;
                if (run.output(i).read(0, Stream::Stdout) != "ok\n")
                    unclear << describe(run, i) + QStringLiteral(" (output lost)");
                continue;
            }
            // A clear throttling error: the server dropped the handshake, Volley says so,
            // names the likely cause and that it retried.
            const bool clear = (r.status == Status::Unreachable || r.status == Status::Error) &&
                               r.error.contains(run.target(i).address) &&
                               r.error.contains(QLatin1String("MaxStartups"));
            if (clear)
                ++throttled;
            else
                unclear << describe(run, i) + QStringLiteral(" (after %1 retries)").arg(retries);
        }
        qInfo("MaxStartups 10:30:100, fanout 128, %d targets on %d addresses: %d ok, %d "
              "throttled, %d unclear, %lld ms",
              targets, addresses, ok, throttled, int(unclear.size()), clock.elapsed());
        // Whoever the server still turned away after the retries is told why.
        QVERIFY2(unclear.isEmpty(), qPrintable(unclear.mid(0, 10).join(QLatin1Char('\n'))));
        QVERIFY2(ok >= targets / 2, qPrintable(QString::number(ok)));
    }
};

QTEST_GUILESS_MAIN(TestFaultsNetwork)
#include "tst_faults_network.moc"
