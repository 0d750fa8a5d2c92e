// SPDX-License-Identifier: GPL-3.0-or-later
// The engine against a real OpenSSH sshd on loopback (LocalFleet), no mock of libssh.
#include "exec/run.h"
#include "fleet/localfleet.h"
#include "runhelpers.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>

#include <memory>

using namespace volley;
using volley::test::localTarget;
using volley::test::runToEnd;

class TestRunSsh final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFleet> m_fleet;
    QTemporaryDir m_tmp;

    RunSpec fleetSpec(const QString &command, int hosts = 3) const
    {
        RunSpec spec;
        spec.targets = m_fleet->targets().mid(0, hosts);
        spec.commands = {command};
        spec.sshConfigFile = QStringLiteral("none");
        return spec;
    }

    // A copy of the fleet's targets reading another known_hosts file.
    QList<Target> withKnownHosts(const QString &file, int hosts = 1) const
    {
        QList<Target> targets = m_fleet->targets().mid(0, hosts);
        for (Target &t : targets)
            t.knownHostsFile = file;
        return targets;
    }

private slots:
    void initTestCase()
    {
        m_fleet = std::make_unique<LocalFleet>();
        LocalFleet::Options options;
        options.hosts = 3;
        QVERIFY2(m_fleet->start(options), qPrintable(m_fleet->error()));
    }

    void cleanupTestCase() { m_fleet.reset(); }

    void init() { test::failOnQtWarnings(); }

    void echoOnEveryHost()
    {
        auto run = runToEnd(fleetSpec(QStringLiteral("echo ok")));
        QVERIFY(run->isFinished());
        for (int i = 0; i < 3; ++i) {
            const TargetResult r = run->result(i);
            QCOMPARE(statusName(r.status), QStringLiteral("ok"));
            QCOMPARE(r.commands[0].exitCode, std::optional<int>(0));
            QCOMPARE(run->output(i).read(0, Stream::Stdout), QByteArray("ok\n"));
            QCOMPARE(r.hostKeySha256, m_fleet->hostKeyFingerprint());
            QCOMPARE(r.hostKeyType, QStringLiteral("ssh-ed25519"));
            QVERIFY(r.phases.connectMs >= 0 && r.phases.authMs >= r.phases.connectMs);
            QVERIFY(r.phases.endMs >= r.phases.firstByteMs && r.phases.firstByteMs >= 0);
            QVERIFY(r.phases.worker >= 0);
        }
        QCOMPARE(run->exitCode(), 0);
    }

    void stderrApartExitCodeAndSignal()
    {
        RunSpec spec = fleetSpec(QString(), 3);
        spec.targets[0].commands = {QStringLiteral("echo out; echo err >&2; exit 3")};
        spec.targets[1].commands = {QStringLiteral("kill -TERM $$")};
        spec.targets[2].commands = {QStringLiteral("echo fine")};
        auto run = runToEnd(spec);
        QCOMPARE(run->result(0).status, Status::Failed);
        QCOMPARE(run->result(0).commands[0].exitCode, std::optional<int>(3));
        QCOMPARE(run->output(0).read(0, Stream::Stdout), QByteArray("out\n"));
        QCOMPARE(run->output(0).read(0, Stream::Stderr), QByteArray("err\n"));
        QCOMPARE(run->result(1).status, Status::Failed);
        QCOMPARE(run->result(1).commands[0].signal, QStringLiteral("TERM"));
        QVERIFY(!run->result(1).commands[0].exitCode);
        QCOMPARE(run->result(2).status, Status::Ok);
        QCOMPARE(run->exitCode(), 1);
    }

    void severalCommandsShareOneConnection()
    {
        RunSpec spec = fleetSpec(QString(), 1);
        // SSH_CLIENT holds the client's source port: equal only over one connection.
        spec.commands = {QStringLiteral("echo $SSH_CLIENT"), QStringLiteral("false"),
                         QStringLiteral("echo $SSH_CLIENT")};
        auto run = runToEnd(spec);
        const TargetResult r = run->result(0);
        QCOMPARE(r.commands.size(), 3);
        QCOMPARE(r.commands[1].exitCode, std::optional<int>(1));
        const QByteArray first = run->output(0).read(0, Stream::Stdout);
        QVERIFY(first.startsWith("127.0.0.1 "));
        QCOMPARE(run->output(0).read(2, Stream::Stdout), first);
        QCOMPARE(r.status, Status::Failed);

        spec.stopOnError = true;
        run = runToEnd(spec);
        QCOMPARE(run->result(0).commands[2].status, Status::Cancelled);
        QCOMPARE(run->output(0).size(2, Stream::Stdout), 0);
    }

    void timeoutEndsTheRemoteProcess()
    {
        const QString pidfile =
            QStringLiteral("/tmp/volley-test-%1.pid").arg(QRandomGenerator::global()->generate());
        RunSpec spec = fleetSpec(QStringLiteral("echo $$ > %1; exec sleep 60").arg(pidfile), 1);
        spec.commandTimeoutSec = 1;
        QElapsedTimer clock;
        clock.start();
        auto run = runToEnd(spec, 15000);
        QVERIFY(run->isFinished());
        QVERIFY2(clock.elapsed() < 6000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(run->result(0).status, Status::Timeout);
        QFile f(pidfile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const qint64 pid = f.readAll().trimmed().toLongLong();
        f.remove();
        QVERIFY(pid > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!test::processAlive(pid), 3000);
    }

    void cancelMidStream()
    {
        RunSpec spec = fleetSpec(QStringLiteral("while :; do echo tick; sleep 0.05; done"), 3);
        spec.targets << localTarget();
        Run run(spec);
        QSignalSpy done(&run, &Run::finished);
        run.start();
        QTRY_VERIFY_WITH_TIMEOUT(run.output(0).size(0, Stream::Stdout) > 0 &&
                                     run.output(3).size(0, Stream::Stdout) > 0,
                                 10000);
        QElapsedTimer clock;
        clock.start();
        run.cancel();
        QVERIFY(done.wait(5000));
        QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
        for (int i = 0; i < 4; ++i)
            QCOMPARE(statusName(run.result(i).status), QStringLiteral("cancelled"));
        QCOMPARE(run.exitCode(), 130);
    }

    void refusedPortIsUnreachableAtOnce()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const int closedPort = probe.serverPort();
        probe.close();
        RunSpec spec = fleetSpec(QStringLiteral("true"), 1);
        Target dead = spec.targets.first();
        dead.name = QStringLiteral("dead");
        dead.address = QStringLiteral("127.0.0.1");
        dead.port = closedPort;
        spec.targets << dead;
        QElapsedTimer clock;
        clock.start();
        auto run = runToEnd(spec);
        QVERIFY(clock.elapsed() < 5000);
        QCOMPARE(run->result(0).status, Status::Ok);
        QCOMPARE(run->result(1).status, Status::Unreachable);
        QVERIFY2(run->result(1).error.contains(QLatin1String("refused")),
                 qPrintable(run->result(1).error));
        QVERIFY(run->result(1).error.contains(QLatin1String("dead")));
        QCOMPARE(run->exitCode(), 3);
    }

    void hungPeerIsUnreachableWithinTheConnectTimeout()
    {
        QTcpServer silent; // accepts, never sends a banner
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = silent.nextPendingConnection())
                held << s;
        });
        RunSpec spec = fleetSpec(QStringLiteral("true"), 1);
        Target hung = spec.targets.first();
        hung.name = QStringLiteral("hung");
        hung.address = QStringLiteral("127.0.0.1");
        hung.port = silent.serverPort();
        spec.targets = {hung};
        spec.connectTimeoutSec = 2;
        QElapsedTimer clock;
        clock.start();
        auto run = runToEnd(spec, 15000);
        QVERIFY(run->isFinished());
        QVERIFY2(clock.elapsed() < 3000 + 500, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(run->result(0).status, Status::Unreachable);
        qDeleteAll(held);
    }

    void unknownKeyUnderStrictIsRejected()
    {
        const QString empty = m_tmp.filePath(QStringLiteral("empty_known_hosts"));
        QFile::remove(empty);
        RunSpec spec = fleetSpec(QStringLiteral("true"));
        spec.targets = withKnownHosts(empty);
        auto run = runToEnd(spec);
        QCOMPARE(run->result(0).status, Status::HostKeyRejected);
        QVERIFY(run->result(0).error.contains(m_fleet->hostKeyFingerprint()));
        QVERIFY(run->result(0).error.contains(QLatin1String("strict")));
        QVERIFY2(!QFile::exists(empty) || QFile(empty).size() == 0, "strict must record nothing");
        QCOMPARE(run->exitCode(), 3);
    }

    void acceptNewRecordsThenStrictPasses()
    {
        const QString file = m_tmp.filePath(QStringLiteral("accept_new_known_hosts"));
        QFile::remove(file);
        RunSpec spec = fleetSpec(QStringLiteral("echo hi"));
        spec.targets = withKnownHosts(file, 3);
        spec.hostKeyPolicy = HostKeyPolicy::AcceptNew;
        auto run = runToEnd(spec);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(run->result(i).status, Status::Ok);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3); // one line per host, appends not interleaved
        for (const QByteArray &line : lines)
            QVERIFY2(line.startsWith("[127.0.0.") && line.contains(" ssh-ed25519 "),
                     line.constData());
        spec.hostKeyPolicy = HostKeyPolicy::Strict;
        run = runToEnd(spec);
        QCOMPARE(run->countWithStatus(Status::Ok), 3);
    }

    void changedKeyIsRefusedEvenUnderAcceptNew()
    {
        LocalFleet fleet;
        QVERIFY2(fleet.start({}), qPrintable(fleet.error()));
        const QString old = fleet.hostKeyFingerprint();
        QVERIFY2(fleet.restart(true), qPrintable(fleet.error()));
        RunSpec spec;
        spec.targets = fleet.targets().mid(0, 1);
        spec.commands = {QStringLiteral("true")};
        spec.sshConfigFile = QStringLiteral("none");
        spec.hostKeyPolicy = HostKeyPolicy::AcceptNew;
        const QByteArray before = [&] {
            QFile f(fleet.knownHostsPath());
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        auto run = runToEnd(spec);
        const TargetResult r = run->result(0);
        QCOMPARE(r.status, Status::HostKeyRejected);
        QVERIFY2(r.error.contains(QLatin1String("changed")), qPrintable(r.error));
        QVERIFY2(r.error.contains(fleet.hostKeyFingerprint()), qPrintable(r.error));
        QVERIFY2(r.error.contains(old), qPrintable(r.error));
        QVERIFY2(r.error.contains(QLatin1String("ssh-keygen -R")), qPrintable(r.error));
        QFile f(fleet.knownHostsPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void wrongKeyOrUserIsAuthFailed()
    {
        const QString otherKey = m_tmp.filePath(QStringLiteral("other_key"));
        QProcess::execute(QStringLiteral("ssh-keygen"),
                          {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                           QStringLiteral("-N"), QString(), QStringLiteral("-f"), otherKey});
        RunSpec spec = fleetSpec(QStringLiteral("true"), 3);
        spec.targets[0].identityFiles = {otherKey};
        spec.targets[1].user = QStringLiteral("nobody-here");
        auto run = runToEnd(spec);
        QCOMPARE(run->result(0).status, Status::AuthFailed);
        QVERIFY2(run->result(0).error.contains(QLatin1String("authorized_keys")),
                 qPrintable(run->result(0).error));
        QCOMPARE(run->result(1).status, Status::AuthFailed);
        QVERIFY(run->result(1).error.contains(QLatin1String("nobody-here")));
        QCOMPARE(run->result(2).status, Status::Ok); // others unaffected
        QCOMPARE(run->exitCode(), 3);
    }

    void threeMegabytesOfStderrOnlyDoNotHang()
    {
        RunSpec spec =
            fleetSpec(QStringLiteral("head -c 3000000 /dev/zero | tr '\\0' e >&2; echo end"), 1);
        auto run = runToEnd(spec, 60000);
        QCOMPARE(run->result(0).status, Status::Ok);
        QCOMPARE(run->output(0).size(0, Stream::Stderr), 3000000);
        QCOMPARE(run->output(0).read(0, Stream::Stdout), QByteArray("end\n"));
    }

    void invalidUtf8AndNulBytesSurvive()
    {
        RunSpec spec =
            fleetSpec(QStringLiteral("printf 'a\\000b\\377\\300c\\033]0;title\\007'"), 1);
        auto run = runToEnd(spec);
        QCOMPARE(run->output(0).read(0, Stream::Stdout), QByteArray("a\0b\xff\xc0"
                                                                    "c\x1b]0;title\x07",
                                                                    16));
    }

    void localTargetsAlongsideSsh()
    {
        RunSpec spec = fleetSpec(QStringLiteral("echo from $(hostname) > /dev/null; echo same"), 2);
        spec.targets << localTarget();
        auto run = runToEnd(spec);
        QCOMPARE(run->countWithStatus(Status::Ok), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(run->output(i).read(0, Stream::Stdout), QByteArray("same\n"));
    }

    void namesGoThroughSshConfig()
    {
        // Like OpenSSH: HostName, Port, User and IdentityFile come from the config file.
        const QString config = m_tmp.filePath(QStringLiteral("ssh_config"));
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("Host web-alias\n"
                               "    HostName %1\n"
                               "    Port %2\n"
                               "    User %3\n"
                               "    IdentityFile %4\n"
                               "    UserKnownHostsFile %5\n")
                    .arg(m_fleet->addresses().at(1))
                    .arg(m_fleet->port())
                    .arg(m_fleet->user(), m_fleet->userKeyPath(), m_fleet->knownHostsPath())
                    .toUtf8());
        f.close();
        RunSpec spec;
        Target t;
        QString error;
        QVERIFY(Target::fromSpec(QStringLiteral("web-alias"), &t, &error));
        spec.targets = {t};
        spec.commands = {QStringLiteral("echo $SSH_CONNECTION")};
        spec.sshConfigFile = config;
        auto run = runToEnd(spec);
        QVERIFY2(run->result(0).status == Status::Ok, qPrintable(run->result(0).error));
        // The connection went to the address the config named.
        QVERIFY(run->output(0)
                    .read(0, Stream::Stdout)
                    .contains(QByteArray(m_fleet->addresses().at(1).toUtf8() + ' ')));
    }

    // ProxyJump: the connection to the target goes through OpenSSH's client
    // on the jump host (a fleet host), with the run's ssh_config.
    void jumpHostCarriesTheConnection()
    {
        QList<Target> targets = m_fleet->targets().mid(1, 1);
        targets[0].proxyJump = m_fleet->addresses().at(0);
        RunSpec spec;
        spec.targets = targets;
        spec.commands = {QStringLiteral("sleep 1; echo through")};
        spec.sshConfigFile = m_fleet->sshConfigPath(); // port, user and key of the jump
        Run run(spec);
        QSignalSpy finished(&run, &Run::finished);
        run.start();
        // While it runs, the proxy is there: ssh -W [target]:port … ssh://jump.
        const QString via = QStringLiteral("[%1]:%2").arg(targets[0].address).arg(m_fleet->port());
        QString cmdline;
        QTRY_VERIFY_WITH_TIMEOUT(
            run.isFinished() ||
                [&] {
                    const QList<qint64> proxies = test::processesMatching(via);
                    cmdline = proxies.isEmpty() ? QString() : test::commandLine(proxies.first());
                    return !cmdline.isEmpty();
                }(),
            30000);
        QVERIFY2(
            cmdline.contains(QStringLiteral("ssh://") + m_fleet->addresses().at(0)),
            qPrintable(QStringLiteral("proxy seen: '%1'; the run: %2 %3")
                           .arg(cmdline, statusName(run.result(0).status), run.result(0).error)));
        QVERIFY(finished.count() > 0 || finished.wait(30000));
        QVERIFY2(run.result(0).status == Status::Ok, qPrintable(run.result(0).error));
        QCOMPARE(run.output(0).read(0, Stream::Stdout), QByteArray("through\n"));
    }

    void jumpThatIsNotAHostIsAnError()
    {
        QList<Target> targets = m_fleet->targets().mid(0, 1);
        targets[0].proxyJump = QStringLiteral("gw;touch /tmp/volley-jump-injected");
        RunSpec spec;
        spec.targets = targets;
        spec.commands = {QStringLiteral("true")};
        auto run = runToEnd(spec);
        QCOMPARE(run->result(0).status, Status::Error);
        QVERIFY2(run->result(0).error.contains(QLatin1String("is not a host name")),
                 qPrintable(run->result(0).error));
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/volley-jump-injected")));
    }

    void twoHundredHostsAtFanout64()
    {
        LocalFleet fleet;
        LocalFleet::Options options;
        options.hosts = 200;
        options.firstHost = 20;
        QVERIFY2(fleet.start(options), qPrintable(fleet.error()));
        RunSpec spec;
        spec.targets = fleet.targets();
        spec.commands = {QStringLiteral("echo ok")};
        spec.fanout = 64;
        spec.sshConfigFile = QStringLiteral("none");
        auto run = runToEnd(spec, 120000);
        QVERIFY(run->isFinished());
        QStringList bad;
        for (int i = 0; i < run->targetCount(); ++i)
            if (run->result(i).status != Status::Ok)
                bad << run->target(i).name + QLatin1String(": ") + run->result(i).error;
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
        int maxWorker = 0;
        for (int i = 0; i < run->targetCount(); ++i)
            maxWorker = qMax(maxWorker, run->result(i).phases.worker);
        QVERIFY(maxWorker < 64);
    }
};

QTEST_GUILESS_MAIN(TestRunSsh)
#include "tst_runssh.moc"
