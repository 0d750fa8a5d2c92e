// SPDX-License-Identifier: GPL-3.0-or-later
// Fault matrix, volume: 1,000 hosts x 1 MB and 1 GB from one host through
// `volley-cli run --outdir`. Memory must stay bounded (output spills to disk)
// and every byte must be saved exact. Slow: labelled "slow".
#include "faulthelpers.h"
#include "fleet/localfleet.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace volley;

namespace {

constexpr qint64 kMemoryBoundMb = 600;

// The bytes of `yes TEXT | head -c size`.
QByteArray yesHash(const QByteArray &text, qint64 size)
{
    const QByteArray line = text + '\n';
    QByteArray block;
    while (block.size() < (1 << 20))
        block += line;
    block.truncate((block.size() / line.size()) * line.size());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (qint64 left = size; left > 0;) {
        const qint64 n = qMin<qint64>(left, block.size());
        hash.addData(QByteArrayView(block.constData(), n));
        left -= n;
    }
    return hash.result().toHex();
}

QByteArray fileHash(const QString &path, qint64 *size)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    *size = f.size();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return hash.result().toHex();
}

struct Measured
{
    int status = -1;
    qint64 hwmKb = -1; ///< last VmHWM seen while it ran
    QByteArray err;
    qint64 ms = 0;
};

// Runs volley-cli, sampling its peak RSS from /proc while it runs.
Measured runMeasured(const QStringList &args, const QString &tmpdir, int timeoutMs)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TMPDIR"), tmpdir); // spill files go here, removed with it
    p.setProcessEnvironment(env);
    p.setStandardOutputFile(QProcess::nullDevice());
    Measured m;
    QElapsedTimer clock;
    clock.start();
    p.start(test::volleyCli(), QStringList{QStringLiteral("run")} + args);
    if (!p.waitForStarted())
        return m;
    while (!p.waitForFinished(200)) {
        m.hwmKb = qMax(m.hwmKb, test::procStatusKb(p.processId(), "VmHWM"));
        if (clock.elapsed() > timeoutMs) {
            p.kill();
            p.waitForFinished();
            return m;
        }
    }
    m.ms = clock.elapsed();
    m.status = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    m.err = p.readAllStandardError();
    return m;
}

} // namespace

class TestFaultsVolume final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        LocalFleet::raiseFileLimit();
    }

    void init() { test::failOnQtWarnings(); }

    void thousandHostsOneMegabyteEach()
    {
        LocalFleet fleet;
        LocalFleet::Options options;
        options.hosts = 1000;
        options.firstHost = 300;
        QVERIFY2(fleet.start(options), qPrintable(fleet.error()));
        const qint64 size = 1000 * 1000;
        // Each host's bytes differ, so a mix-up between targets shows.
        QJsonArray plan;
        for (const QString &a : fleet.addresses())
            plan.append(QJsonObject{
                {QStringLiteral("target"), a},
                {QStringLiteral("commands"),
                 QJsonArray{QStringLiteral("yes 'from %1' | head -c %2").arg(a).arg(size)}}});
        const QString planFile = m_tmp.filePath(QStringLiteral("plan1000.json"));
        QFile pf(planFile);
        QVERIFY(pf.open(QIODevice::WriteOnly));
        pf.write(QJsonDocument(plan).toJson());
        pf.close();
        const QString outdir = m_tmp.filePath(QStringLiteral("out1000"));
        const QString spill = m_tmp.filePath(QStringLiteral("spill1000"));
        QVERIFY(QDir().mkpath(spill));

        const Measured m =
            runMeasured(test::fleetCliArgs(fleet) +
                            QStringList{QStringLiteral("--plan"), planFile, QStringLiteral("-f"),
                                        QStringLiteral("64"), QStringLiteral("--outdir"), outdir,
                                        QStringLiteral("-q")},
                        spill, 600000);
        const qint64 childrenMb = test::childrenPeakMb();
        qInfo("1,000 hosts x 1 MB: exit %d in %lld ms, volley-cli VmHWM %lld MB (largest child "
              "so far %lld MB)",
              m.status, m.ms, m.hwmKb / 1024, childrenMb);
        QVERIFY2(m.status == 0, m.err.right(3000).constData());
        QStringList bad;
        for (const QString &a : fleet.addresses()) {
            qint64 got = -1;
            const QByteArray hash =
                fileHash(QDir(outdir).filePath(a + QStringLiteral(".out")), &got);
            if (got != size || hash != yesHash("from " + a.toLatin1(), size))
                bad << QStringLiteral("%1: %2 bytes").arg(a).arg(got);
        }
        QVERIFY2(bad.isEmpty(), qPrintable(bad.mid(0, 10).join(QLatin1Char('\n'))));
        QDir(outdir).removeRecursively();
        // Checked last so a failure here still proves the bytes were exact.
        QVERIFY(m.hwmKb > 0);
        // Run pauses its workers while the consumer (the CLI's line printer) is
        // behind, so memory does not grow with the output.
        QVERIFY2(m.hwmKb / 1024 < kMemoryBoundMb, qPrintable(QString::number(m.hwmKb / 1024)));
        QVERIFY2(childrenMb < kMemoryBoundMb, qPrintable(QString::number(childrenMb)));
    }

    void oneGigabyteFromOneHost()
    {
        LocalFleet fleet;
        QVERIFY2(fleet.start({}), qPrintable(fleet.error()));
        const qint64 size = qint64(1000) * 1000 * 1000;
        const QString outdir = m_tmp.filePath(QStringLiteral("out1g"));
        const QString spill = m_tmp.filePath(QStringLiteral("spill1g"));
        QVERIFY(QDir().mkpath(spill));
        const QString host = fleet.addresses().first();
        const Measured m = runMeasured(
            test::fleetCliArgs(fleet) +
                QStringList{QStringLiteral("-H"), host, QStringLiteral("--outdir"), outdir,
                            QStringLiteral("-q"), QStringLiteral("--"),
                            QStringLiteral("yes 0123456789abcdef | head -c %1").arg(size)},
            spill, 600000);
        qInfo("1 GB from one host: exit %d in %lld ms, volley-cli VmHWM %lld MB", m.status, m.ms,
              m.hwmKb / 1024);
        QVERIFY2(m.status == 0, m.err.right(3000).constData());
        qint64 got = -1;
        const QByteArray hash =
            fileHash(QDir(outdir).filePath(host + QStringLiteral(".out")), &got);
        QCOMPARE(got, size);
        QCOMPARE(hash, yesHash("0123456789abcdef", size));
        QDir(outdir).removeRecursively();
        QVERIFY(m.hwmKb > 0);
        // Run pauses its workers while the consumer (the CLI's line printer) is
        // behind, so memory does not grow with the output.
        QVERIFY2(m.hwmKb / 1024 < kMemoryBoundMb, qPrintable(QString::number(m.hwmKb / 1024)));
    }
};

QTEST_GUILESS_MAIN(TestFaultsVolume)
#include "tst_faults_volume.moc"
