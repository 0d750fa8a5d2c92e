// SPDX-License-Identifier: GPL-3.0-or-later
// Fault matrix: a host that never answers the SYN. The whole test process moves
// into a private network namespace before Qt starts a thread (so every worker
// and the fleet's sshd live there too) and builds dead links inside it; nothing
// outside the namespace is touched.
#include "exec/run.h"
#include "faulthelpers.h"
#include "fleet/localfleet.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <cerrno>
#include <cstring>
#include <memory>
#include <sched.h>

using namespace volley;
using test::describe;
using test::notOk;

namespace {

QString g_netnsError; // why unshare(CLONE_NEWNET) failed, if it did

bool ip(const QString &args, QString *error)
{
    QProcess p;
    p.start(QStringLiteral("ip"), args.split(QLatin1Char(' ')));
    if (!p.waitForFinished(10000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("ip %1: %2 %3")
                     .arg(args, p.errorString(),
                          QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

// From netlink, not /sys: sysfs here still shows the namespace the container started in.
qint64 rxPackets(const QString &interface)
{
    QProcess p;
    p.start(QStringLiteral("ip"), {QStringLiteral("-j"), QStringLiteral("-s"),
                                   QStringLiteral("link"), QStringLiteral("show"), interface});
    if (!p.waitForFinished(10000))
        return -1;
    const QJsonArray links = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    const QJsonValue packets =
        links.at(0)[QStringLiteral("stats64")][QStringLiteral("rx")][QStringLiteral("packets")];
    return packets.isDouble() ? qint64(packets.toDouble()) : -1;
}

} // namespace

class TestFaultsUnanswered final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFleet> m_fleet;

private slots:
    void initTestCase()
    {
        QVERIFY2(g_netnsError.isEmpty(),
                 qPrintable(QStringLiteral("cannot create a private network namespace for the "
                                           "no-answer tests (unshare(CLONE_NEWNET): %1); run the "
                                           "test as root or with CAP_SYS_ADMIN and CAP_NET_ADMIN")
                                .arg(g_netnsError)));
        QString error;
        // Dead ends, each checked below:
        // - vsyn: the SYN goes out and reaches the peer, which drops it (foreign MAC);
        // - vdown: the peer interface is down; a static neighbour keeps ARP out of the way;
        // - 10.66.2.3 on vdown: no neighbour, ARP is never answered (EHOSTUNREACH after 3 s);
        // - a blackhole route: the kernel refuses at once (EINVAL): not a silent host.
        const char *const setup[] = {
            "link set lo up",
            "link add vsyn0 type veth peer name vsyn1",
            "addr add 10.66.1.1/24 dev vsyn0",
            "link set vsyn0 up",
            "link set vsyn1 up",
            "neigh add 10.66.1.2 lladdr 02:00:00:00:66:02 dev vsyn0 nud permanent",
            "link add vdown0 type veth peer name vdown1",
            "addr add 10.66.2.1/24 dev vdown0",
            "link set vdown0 up",
            "neigh add 10.66.2.2 lladdr 02:00:00:00:66:03 dev vdown0 nud permanent",
            "route add blackhole 10.66.3.1",
        };
        for (const char *step : setup)
            QVERIFY2(ip(QLatin1String(step), &error), qPrintable(error));
        m_fleet = std::make_unique<LocalFleet>();
        LocalFleet::Options options;
        options.hosts = 2;
        QVERIFY2(m_fleet->start(options), qPrintable(m_fleet->error()));
    }

    void cleanupTestCase() { m_fleet.reset(); }

    void init() { test::failOnQtWarnings(); }

    void silentHostIsUnreachableWithinTheConnectTimeout_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("connectTimeout");
        QTest::addColumn<QString>("receivesSyn"); // interface that must see the SYNs, if any
        QTest::newRow("SYN dropped by the peer, 2 s")
            << QStringLiteral("10.66.1.2") << 2 << QStringLiteral("vsyn1");
        QTest::newRow("SYN dropped by the peer, 4 s")
            << QStringLiteral("10.66.1.2") << 4 << QStringLiteral("vsyn1");
        QTest::newRow("peer link down") << QStringLiteral("10.66.2.2") << 2 << QString();
        QTest::newRow("ARP never answered") << QStringLiteral("10.66.2.3") << 2 << QString();
        QTest::newRow("blackhole route") << QStringLiteral("10.66.3.1") << 2 << QString();
    }

    void silentHostIsUnreachableWithinTheConnectTimeout()
    {
        QFETCH(QString, address);
        QFETCH(int, connectTimeout);
        QFETCH(QString, receivesSyn);
        RunSpec spec;
        spec.targets = m_fleet->targets();
        Target silent = spec.targets.first();
        silent.name = QStringLiteral("silent");
        silent.address = address;
        spec.targets.insert(1, silent);
        spec.commands = {QStringLiteral("echo ok")};
        spec.sshConfigFile = QStringLiteral("none");
        spec.connectTimeoutSec = connectTimeout;
        const qint64 rxBefore = receivesSyn.isEmpty() ? 0 : rxPackets(receivesSyn);
        QVERIFY(rxBefore >= 0);

        Run run(spec);
        test::UpdateLog log;
        log.attach(&run);
        QSignalSpy done(&run, &Run::finished);
        run.start();
        QVERIFY(done.wait((connectTimeout + 10) * 1000));

        const TargetResult r = run.result(1);
        QCOMPARE(statusName(r.status), QStringLiteral("unreachable"));
        QVERIFY2(r.error.contains(address), qPrintable(r.error));
        QVERIFY2(r.error.contains(QLatin1String("silent")), qPrintable(r.error));
        const qint64 took = log.finishedAtMs.value(1, -1);
        QVERIFY(took >= 0);
        QVERIFY2(took <= connectTimeout * 1000 + 1000,
                 qPrintable(QStringLiteral("%1 ms: %2").arg(took).arg(r.error)));
        if (!receivesSyn.isEmpty()) {
            // The SYNs did leave and were ignored: a real "no answer", not a local refusal.
            QVERIFY2(took >= connectTimeout * 1000 - 200, qPrintable(QString::number(took)));
            QVERIFY2(rxPackets(receivesSyn) > rxBefore, "no SYN reached the silent peer");
        }
        qInfo("%s: unreachable after %lld ms: %s", qPrintable(address), took, qPrintable(r.error));
        // The fleet's hosts in the same run went on and were done long before.
        QVERIFY2(notOk(run, {0, 2}).isEmpty(), qPrintable(notOk(run, {0, 2})));
        QCOMPARE(run.exitCode(), 3);
    }
};

int main(int argc, char **argv)
{
    // Before QCoreApplication or anything else can start a thread: a namespace
    // switch applies to the calling thread and what it starts afterwards.
    if (::unshare(CLONE_NEWNET) != 0)
        g_netnsError = QString::fromLocal8Bit(std::strerror(errno));
    QCoreApplication app(argc, argv);
    TestFaultsUnanswered test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_faults_unanswered.moc"
