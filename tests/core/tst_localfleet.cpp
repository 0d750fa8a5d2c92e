// SPDX-License-Identifier: GPL-3.0-or-later
// LocalFleet: a real sshd on loopback, reached with libssh, and nothing left behind.
#include "fleet/localfleet.h"
#include "testsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <QCoreApplication>

#include <pwd.h>
#include <thread>
#include <unistd.h>

#include <libssh/libssh.h>

using namespace volley;

namespace {

// Runs command on address with the fleet's key; returns the exit status, -1 on failure.
int runOverLibssh(const LocalFleet &fleet, const QString &address, const char *command,
                  QByteArray *out)
{
    ssh_session s = ssh_new();
    const QByteArray host = address.toLatin1();
    const QByteArray user = fleet.user().toLocal8Bit();
    const QByteArray known = fleet.knownHostsPath().toLocal8Bit();
    const unsigned int port = unsigned(fleet.port());
    long timeout = 10;
    ssh_options_set(s, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(s, SSH_OPTIONS_PORT, &port);
    ssh_options_set(s, SSH_OPTIONS_USER, user.constData());
    ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, known.constData());
    ssh_options_set(s, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &timeout);
    int status = -1;
    ssh_key key = nullptr;
    if (ssh_connect(s) == SSH_OK && ssh_session_is_known_server(s) == SSH_KNOWN_HOSTS_OK &&
        ssh_pki_import_privkey_file(fleet.userKeyPath().toLocal8Bit().constData(), nullptr, nullptr,
                                    nullptr, &key) == SSH_OK &&
        ssh_userauth_publickey(s, nullptr, key) == SSH_AUTH_SUCCESS) {
        ssh_channel ch = ssh_channel_new(s);
        if (ssh_channel_open_session(ch) == SSH_OK &&
            ssh_channel_request_exec(ch, command) == SSH_OK) {
            char buf[4096];
            int n;
            while ((n = ssh_channel_read(ch, buf, sizeof buf, 0)) > 0)
                out->append(buf, n);
            ssh_channel_send_eof(ch);
            status = ssh_channel_get_exit_status(ch);
        }
        ssh_channel_free(ch);
    }
    ssh_key_free(key);
    ssh_disconnect(s);
    ssh_free(s);
    return status;
}

} // namespace

class TestLocalFleet final : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnQtWarnings(); }

    void echoOnThreeHosts()
    {
        QList<qint64> pids;
        QString dir;
        {
            LocalFleet fleet;
            LocalFleet::Options options;
            options.hosts = 3;
            QVERIFY2(fleet.start(options), qPrintable(fleet.error()));
            QCOMPARE(fleet.addresses(),
                     QStringList({QStringLiteral("127.0.0.2"), QStringLiteral("127.0.0.3"),
                                  QStringLiteral("127.0.0.4")}));
            QVERIFY(fleet.port() > 0);
            QVERIFY(fleet.hostKeyFingerprint().startsWith(QLatin1String("SHA256:")));
            QVERIFY(QFile::exists(fleet.sshConfigPath()));
            for (const QString &a : fleet.addresses()) {
                QByteArray out;
                QCOMPARE(runOverLibssh(fleet, a, "echo ok", &out), 0);
                QCOMPARE(out, QByteArray("ok\n"));
            }
            pids = fleet.sshdPids();
            QVERIFY(!pids.isEmpty());
            dir = fleet.directory();
            const QList<Target> targets = fleet.targets();
            QCOMPARE(targets.size(), 3);
            QCOMPARE(targets.first().name, QStringLiteral("fleet01"));
            QCOMPARE(targets.first().port, fleet.port());
        }
        // Destroyed: every sshd of the fleet is gone, and its folder too.
        for (qint64 pid : pids)
            QVERIFY2(!test::processAlive(pid), qPrintable(QString::number(pid)));
        QVERIFY(test::processesMatching(dir).isEmpty());
    }

    void rootLoginsUseTheFleetAccount()
    {
        LocalFleet fleet;
        QVERIFY2(fleet.start({}), qPrintable(fleet.error()));
        QByteArray out;
        QCOMPARE(runOverLibssh(fleet, fleet.addresses().first(), "id -un", &out), 0);
        QCOMPARE(QString::fromLocal8Bit(out).trimmed(), fleet.user());
        if (::geteuid() == 0)
            QCOMPARE(fleet.user(), QString::fromLatin1(LocalFleet::kFleetUser));
    }

    // Fleets started by several programs at once (parallel tests on a fresh
    // machine) share the account: the first creates it, none fails because
    // another is creating it too (two useradds race: "already exists", or
    // "cannot lock /etc/passwd"). Each fleet starts, logs in and stops on a
    // thread of its own, as sshd's death signal follows the starting thread.
    void concurrentFleetsCreateTheirAccountOnce()
    {
        if (::geteuid() != 0) {
            LocalFleet fleet; // not root: the fleet logs in as the current user
            QVERIFY2(fleet.start({}), qPrintable(fleet.error()));
            QCOMPARE(fleet.user(), QString::fromLocal8Bit(::getpwuid(::geteuid())->pw_name));
            return;
        }
        // Eight rounds of six fleets, each round with an account not there yet
        // (without the lock about one round in five fails).
        for (int round = 0; round < 8; ++round) {
            const QString account =
                QStringLiteral("volley-t%1-%2").arg(QCoreApplication::applicationPid()).arg(round);
            const QByteArray name = account.toLocal8Bit();
            QVERIFY2(!::getpwnam(name.constData()),
                     "a stale test account; remove it with userdel -r");
            constexpr int kFleets = 6;
            QStringList outcome(kFleets);
            std::atomic<int> ready{0};
            std::vector<std::thread> threads;
            for (int i = 0; i < kFleets; ++i) {
                threads.emplace_back([&, i] {
                    LocalFleet fleet;
                    LocalFleet::Options options;
                    options.hosts = 1;
                    options.firstHost = 2 + i;
                    options.account = account;
                    ++ready;
                    while (ready.load() < kFleets) // start together
                        std::this_thread::yield();
                    if (!fleet.start(options)) {
                        outcome[i] = fleet.error();
                        return;
                    }
                    QByteArray out;
                    const int status =
                        runOverLibssh(fleet, fleet.addresses().first(), "id -un", &out);
                    outcome[i] = QStringLiteral("%1 %2").arg(status).arg(
                        QString::fromLocal8Bit(out).trimmed());
                });
            }
            for (auto &t : threads)
                t.join();
            const bool created = ::getpwnam(name.constData()) != nullptr;
            QProcess userdel; // its "mail spool not found" is no news
            userdel.start(QStringLiteral("userdel"), {QStringLiteral("-r"), account});
            userdel.waitForFinished(30000);
            QVERIFY(created);
            for (int i = 0; i < kFleets; ++i)
                QCOMPARE(outcome.at(i), QStringLiteral("0 ") + account);
        }
    }

    void badAccountNameIsRefused()
    {
        LocalFleet fleet;
        LocalFleet::Options options;
        options.account = QStringLiteral("-o;x");
        if (::geteuid() != 0) // the account is used by root only
            QVERIFY2(fleet.start(options), qPrintable(fleet.error()));
        else {
            QVERIFY(!fleet.start(options));
            QVERIFY2(fleet.error().contains(QStringLiteral("-o;x")) &&
                         fleet.error().contains(QStringLiteral("not a valid user name")),
                     qPrintable(fleet.error()));
        }
    }

    void moreThanSixteenHostsAndSeveralSubnets()
    {
        LocalFleet fleet;
        LocalFleet::Options options;
        options.hosts = 40;
        options.firstHost = 240; // 127.0.0.240 ... 127.0.1.25
        QVERIFY2(fleet.start(options), qPrintable(fleet.error()));
        QCOMPARE(fleet.addresses().size(), 40);
        QCOMPARE(fleet.addresses().last(), QStringLiteral("127.0.1.25"));
        QByteArray out;
        QCOMPARE(runOverLibssh(fleet, fleet.addresses().last(), "echo last", &out), 0);
        QCOMPARE(out, QByteArray("last\n"));
    }

    void changedHostKeyAfterRestart()
    {
        LocalFleet fleet;
        QVERIFY2(fleet.start({}), qPrintable(fleet.error()));
        const QString before = fleet.hostKeyFingerprint();
        QVERIFY2(fleet.restart(true), qPrintable(fleet.error()));
        QVERIFY(fleet.hostKeyFingerprint() != before);
        QByteArray out;
        // known_hosts still holds the old key: the connection must be refused.
        QCOMPARE(runOverLibssh(fleet, fleet.addresses().first(), "true", &out), -1);
    }

    // The fleet stands in for remote machines: as one low-weight CPU group it
    // cannot starve the program under test (each sshd session is its own
    // autogroup, which nice alone does not outweigh).
    void backgroundCpuGroupCoversEverySession()
    {
        QString cgroup;
        {
            LocalFleet fleet;
            LocalFleet::Options options;
            options.hosts = 2;
            options.background = true;
            QVERIFY2(fleet.start(options), qPrintable(fleet.error()));
            const QRegularExpressionMatch m =
                QRegularExpression(
                    QStringLiteral("^background \\(cgroup (.+), (cpu\\.\\w+) (\\d+)\\)$"))
                    .match(fleet.cpuClass());
            if (!m.hasMatch()) {
                if (::geteuid() == 0)
                    QFAIL(
                        qPrintable(QStringLiteral("root, yet no cpu group: ") + fleet.cpuClass()));
                QSKIP(qPrintable(QStringLiteral("needs a writable cgroup file system: ") +
                                 fleet.cpuClass()));
            }
            cgroup = m.captured(1);
            QFile weight(cgroup + QLatin1Char('/') + m.captured(2));
            QVERIFY(weight.open(QIODevice::ReadOnly));
            QCOMPARE(weight.readAll().trimmed(), m.captured(3).toLatin1());
            QVERIFY(m.captured(3).toInt() <
                    (m.captured(2) == QLatin1String("cpu.shares") ? 1024 : 100));
            // A remote command's own process lands in the group, in its own session.
            QByteArray out;
            QCOMPARE(runOverLibssh(fleet, fleet.addresses().last(), "cat /proc/self/cgroup", &out),
                     0);
            QVERIFY2(out.contains(QFileInfo(cgroup).fileName().toLatin1()), out.constData());
            // A command left running in the background, out of sshd's process tree.
            QCOMPARE(runOverLibssh(fleet, fleet.addresses().first(),
                                   "setsid sleep 301.25 </dev/null >/dev/null 2>&1 &", &out),
                     0);
            QTRY_VERIFY(!test::processesMatching(QStringLiteral("sleep 301.25")).isEmpty());
        }
        // Gone with the fleet, and so is the group.
        QVERIFY(test::processesMatching(QStringLiteral("sleep 301.25")).isEmpty());
        QVERIFY2(!QFileInfo::exists(cgroup), qPrintable(cgroup));
    }
};

QTEST_GUILESS_MAIN(TestLocalFleet)
#include "tst_localfleet.moc"
