// SPDX-License-Identifier: GPL-3.0-or-later
// `volley-cli run` as scripts use it: exit statuses, JSON, --outdir, --gather, Ctrl-C.
#include "fleet/localfleet.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace volley;

using Result = test::CliResult;

class TestCliRun final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFleet> m_fleet;
    QTemporaryDir m_tmp;

    QStringList fleetArgs() const
    {
        return {QStringLiteral("-p"),
                QString::number(m_fleet->port()),
                QStringLiteral("-l"),
                m_fleet->user(),
                QStringLiteral("-i"),
                m_fleet->userKeyPath(),
                QStringLiteral("--known-hosts"),
                m_fleet->knownHostsPath(),
                QStringLiteral("--ssh-config"),
                QStringLiteral("none")};
    }

    QString fleetHosts() const { return m_fleet->addresses().join(QLatin1Char(',')); }

    Result cli(const QStringList &args, int timeoutMs = 60000)
    {
        return test::runCli(QStringList{QStringLiteral("run")} + args, timeoutMs);
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

    void allOkIsZeroAndLinesArePrefixed()
    {
        const Result r =
            cli(fleetArgs() + QStringList{QStringLiteral("-H"), fleetHosts(), QStringLiteral("-H"),
                                          QStringLiteral("local"), QStringLiteral("--"),
                                          QStringLiteral("echo"), QStringLiteral("hi")});
        QCOMPARE(r.status, 0);
        QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        lines.sort();
        QCOMPARE(lines,
                 QStringList({QStringLiteral("127.0.0.2: hi"), QStringLiteral("127.0.0.3: hi"),
                              QStringLiteral("127.0.0.4: hi"), QStringLiteral("local: hi")}));
        QVERIFY(r.err.contains("4 ok"));
    }

    // Every pool thread that ran an SSH target has let go of OpenSSL's
    // per-thread state when the process exits. Before, a thread still exiting
    // raced OpenSSL's atexit cleanup: under ASan a third of the runs reported a
    // leak, some a double free; in a plain build the heap was silently hurt.
    void exitsCleanlyAfterSshTargets()
    {
        for (int i = 0; i < 12; ++i) {
            const Result r =
                cli(fleetArgs() + QStringList{QStringLiteral("-H"), fleetHosts(),
                                              QStringLiteral("--"), QStringLiteral("true")});
            QVERIFY2(r.status == 0 && !r.err.contains("Sanitizer"),
                     qPrintable(QStringLiteral("run %1 ended %2: %3")
                                    .arg(i)
                                    .arg(r.status)
                                    .arg(QString::fromUtf8(r.err.right(2000)))));
            QVERIFY(r.err.startsWith("volley: 3 targets: 3 ok"));
        }
    }

    void stderrLinesGoToStderr()
    {
        const Result r = cli({QStringLiteral("-H"), QStringLiteral("local"), QStringLiteral("--"),
                              QStringLiteral("echo out; echo err >&2")});
        QCOMPARE(r.status, 0);
        QCOMPARE(r.out, QByteArray("local: out\n"));
        QVERIFY(r.err.startsWith("local: err\n"));
    }

    void failedCommandIsOne()
    {
        const Result r =
            cli(fleetArgs() + QStringList{QStringLiteral("-H"), fleetHosts(), QStringLiteral("--"),
                                          QStringLiteral("exit 5")});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains("127.0.0.2: failed: exit 5"), r.err.constData());
    }

    void unreachableIsThree()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QString closed = QStringLiteral("127.0.0.1:%1").arg(probe.serverPort());
        probe.close();
        const Result r =
            cli(fleetArgs() + QStringList{QStringLiteral("-H"),
                                          closed + QLatin1Char(',') + m_fleet->addresses().first(),
                                          QStringLiteral("--"), QStringLiteral("exit 5")});
        QCOMPARE(r.status, 3);
        QVERIFY(r.err.contains("unreachable"));
    }

    void badUsageIsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no targets") << QStringList{QStringLiteral("--"), QStringLiteral("true")}
                                    << QStringLiteral("no targets");
        QTest::newRow("no command") << QStringList{QStringLiteral("-H"), QStringLiteral("local")}
                                    << QStringLiteral("no command");
        QTest::newRow("bad fanout")
            << QStringList{QStringLiteral("-H"),   QStringLiteral("local"), QStringLiteral("-f"),
                           QStringLiteral("zero"), QStringLiteral("--"),    QStringLiteral("true")}
            << QStringLiteral("--fanout");
        QTest::newRow("bad policy") << QStringList{QStringLiteral("-H"),
                                                   QStringLiteral("local"),
                                                   QStringLiteral("--host-key-policy"),
                                                   QStringLiteral("none"),
                                                   QStringLiteral("--"),
                                                   QStringLiteral("true")}
                                    << QStringLiteral("strict or accept-new");
        QTest::newRow("bad port") << QStringList{QStringLiteral("-H"), QStringLiteral("web1:99999"),
                                                 QStringLiteral("--"), QStringLiteral("true")}
                                  << QStringLiteral("99999");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
    }

    void badUsageIsTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Result r = cli(args);
        QCOMPARE(r.status, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void interruptIsOneThirtyAndStillReports()
    {
        QProcess p;
        p.start(test::volleyCli(),
                QStringList{QStringLiteral("run")} + fleetArgs() +
                    QStringList{QStringLiteral("-H"), fleetHosts(), QStringLiteral("--json"),
                                QStringLiteral("--"), QStringLiteral("echo started; sleep 30")});
        QVERIFY(p.waitForStarted());
        // Wait until the commands run, then Ctrl-C.
        QTest::qWait(1500);
        QCOMPARE(p.state(), QProcess::Running);
        QVERIFY(p.processId() > 0);
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 130);
        const QJsonObject doc = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(doc.value(QStringLiteral("summary"))
                     .toObject()
                     .value(QStringLiteral("cancelled"))
                     .toInt(),
                 3);
    }

    void jsonHasTheFixedSchema()
    {
        const Result r =
            cli(fleetArgs() + QStringList{QStringLiteral("-H"), m_fleet->addresses().first(),
                                          QStringLiteral("-H"), QStringLiteral("local"),
                                          QStringLiteral("--json"), QStringLiteral("-c"),
                                          QStringLiteral("echo one"), QStringLiteral("-c"),
                                          QStringLiteral("printf '\\377'; exit 2")});
        QCOMPARE(r.status, 1);
        QJsonParseError e;
        const QJsonObject doc = QJsonDocument::fromJson(r.out, &e).object();
        QCOMPARE(e.error, QJsonParseError::NoError);
        for (const char *k :
             {"tool", "version", "started_at", "duration_ms", "fanout", "summary", "targets"})
            QVERIFY2(doc.contains(QLatin1String(k)), k);
        QCOMPARE(doc.value(QStringLiteral("tool")).toString(), QStringLiteral("volley"));
        const QJsonObject summary = doc.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("targets")).toInt(), 2);
        QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 2);
        for (const char *k : {"ok", "timeout", "unreachable", "auth_failed", "host_key_rejected",
                              "cancelled", "error"})
            QVERIFY2(summary.contains(QLatin1String(k)), k);
        const QJsonArray targets = doc.value(QStringLiteral("targets")).toArray();
        QCOMPARE(targets.size(), 2);
        const QJsonObject ssh = targets.at(0).toObject();
        QCOMPARE(ssh.value(QStringLiteral("transport")).toString(), QStringLiteral("ssh"));
        QCOMPARE(ssh.value(QStringLiteral("port")).toInt(), m_fleet->port());
        QCOMPARE(ssh.value(QStringLiteral("host_key"))
                     .toObject()
                     .value(QStringLiteral("sha256"))
                     .toString(),
                 m_fleet->hostKeyFingerprint());
        QVERIFY(ssh.value(QStringLiteral("error")).isNull());
        for (const char *k :
             {"queued_ms", "connect_ms", "auth_ms", "first_byte_ms", "end_ms", "worker"})
            QVERIFY2(ssh.value(QStringLiteral("phases")).toObject().contains(QLatin1String(k)), k);
        const QJsonArray cmds = ssh.value(QStringLiteral("commands")).toArray();
        QCOMPARE(cmds.size(), 2);
        QCOMPARE(cmds.at(0).toObject().value(QStringLiteral("stdout")).toString(),
                 QStringLiteral("one\n"));
        QCOMPARE(cmds.at(0).toObject().value(QStringLiteral("exit_code")).toInt(), 0);
        QVERIFY(cmds.at(0).toObject().value(QStringLiteral("signal")).isNull());
        const QJsonObject second = cmds.at(1).toObject();
        QCOMPARE(second.value(QStringLiteral("exit_code")).toInt(), 2);
        QVERIFY(!second.contains(QStringLiteral("stdout")));
        QCOMPARE(QByteArray::fromBase64(
                     second.value(QStringLiteral("stdout_base64")).toString().toLatin1()),
                 QByteArray("\xff"));
        QCOMPARE(second.value(QStringLiteral("stdout_bytes")).toInt(), 1);
        QCOMPARE(second.value(QStringLiteral("stdout_truncated")).toBool(), false);
        QCOMPARE(targets.at(1).toObject().value(QStringLiteral("transport")).toString(),
                 QStringLiteral("local"));
    }

    void hundredMegabytesSavedExact()
    {
        const qint64 size = 100 * 1000 * 1000;
        // The same bytes as the remote command, made here for the expected hash.
        const QByteArray line("0123456789abcdef\n");
        QCryptographicHash expected(QCryptographicHash::Sha256);
        QByteArray block;
        while (block.size() < 1 << 20)
            block += line;
        qint64 left = size;
        while (left > 0) {
            const qint64 n = qMin<qint64>(left, block.size());
            expected.addData(QByteArrayView(block.constData(), n));
            left -= n;
        }
        const QString out = m_tmp.filePath(QStringLiteral("big"));
        const Result r =
            cli(fleetArgs() +
                    QStringList{QStringLiteral("-H"), m_fleet->addresses().first(),
                                QStringLiteral("--outdir"), out, QStringLiteral("-q"),
                                QStringLiteral("--json"), QStringLiteral("--"),
                                QStringLiteral("yes 0123456789abcdef | head -c %1").arg(size)},
                180000);
        QCOMPARE(r.status, 0);
        QFile f(QDir(out).filePath(m_fleet->addresses().first() + QStringLiteral(".out")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.size(), size);
        QCryptographicHash got(QCryptographicHash::Sha256);
        QVERIFY(got.addData(&f));
        QCOMPARE(got.result().toHex(), expected.result().toHex());
        const QJsonObject cmd = QJsonDocument::fromJson(r.out)
                                    .object()[QStringLiteral("targets")]
                                    .toArray()
                                    .at(0)
                                    .toObject()[QStringLiteral("commands")]
                                    .toArray()
                                    .at(0)
                                    .toObject();
        QCOMPARE(cmd.value(QStringLiteral("stdout_truncated")).toBool(), true);
        QCOMPARE(qint64(cmd.value(QStringLiteral("stdout_bytes")).toDouble()), size);
        QVERIFY(cmd.value(QStringLiteral("stdout")).toString().size() <= 1024 * 1024);
    }

    // --outdir output spills straight into its files as it arrives (written
    // once, and `tail -f` works): most bytes are there while the command runs.
    void outdirFillsWhileTheCommandRuns()
    {
        const QString out = m_tmp.filePath(QStringLiteral("live"));
        const QString file =
            QDir(out).filePath(m_fleet->addresses().first() + QStringLiteral(".out"));
        const qint64 size = 3 * 1000 * 1000;
        QProcess cli;
        cli.start(test::volleyCli(),
                  QStringList{QStringLiteral("run")} + fleetArgs() +
                      QStringList{QStringLiteral("-H"), m_fleet->addresses().first(),
                                  QStringLiteral("--outdir"), out, QStringLiteral("-q"),
                                  QStringLiteral("--"),
                                  QStringLiteral("head -c %1 /dev/zero; sleep 4").arg(size)});
        QVERIFY(cli.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(file).size() >= size - 64 * 1024, 3500);
        QCOMPARE(cli.state(), QProcess::Running); // still in `sleep 4`
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 0);
        QCOMPARE(QFileInfo(file).size(), size);
    }

    // Two targets of one name (a plan lists a host twice) get files of their
    // own: NAME and NAME~2, each with exactly its own bytes, spilled or not.
    void sameNameTwiceKeepsBothOutputs()
    {
        const QString plan = m_tmp.filePath(QStringLiteral("twice.json"));
        QFile f(plan);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"([{"target": "local:dup", "commands": ["yes aaaa | head -c 300000"]},
                    {"target": "local:dup", "commands": ["yes bbbb | head -c 300000"]},
                    {"target": "local:dup~2", "commands": ["echo own name"]}])");
        f.close();
        const QString out = m_tmp.filePath(QStringLiteral("twice"));
        const Result r = cli({QStringLiteral("--plan"), plan, QStringLiteral("--outdir"), out,
                              QStringLiteral("-q")});
        QVERIFY2(r.status == 0, r.err.constData());
        auto read = [&](const QString &name) {
            QFile file(QDir(out).filePath(name));
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("missing");
        };
        QCOMPARE(read(QStringLiteral("local:dup.out")), QByteArray("aaaa\n").repeated(60000));
        QCOMPARE(read(QStringLiteral("local:dup~3.out")), QByteArray("bbbb\n").repeated(60000));
        QCOMPARE(read(QStringLiteral("local:dup~2.out")), QByteArray("own name\n"));
    }

    void outdirThatCannotBeMadeFailsBeforeRunning()
    {
        const QString marker = m_tmp.filePath(QStringLiteral("ran"));
        const Result r =
            cli(QStringList{QStringLiteral("-H"), QStringLiteral("local"),
                            QStringLiteral("--outdir"), QStringLiteral("/proc/volley-out"),
                            QStringLiteral("--"), QStringLiteral("touch %1").arg(marker)});
        QCOMPARE(r.status, 3);
        QVERIFY2(r.err.contains("/proc/volley-out"), r.err.constData());
        QVERIFY(!QFileInfo::exists(marker));
    }

    void gatherFoldsIdenticalOutput()
    {
        const Result r =
            cli(fleetArgs() + QStringList{QStringLiteral("-H"), fleetHosts(), QStringLiteral("-b"),
                                          QStringLiteral("--"), QStringLiteral("echo same")});
        QCOMPARE(r.status, 0);
        QVERIFY2(r.out.contains("127.0.0.[2-4] (3)"), r.out.constData());
        QCOMPARE(r.out.count("same\n"), 1);
    }

    void failedFileAndPlan()
    {
        const QString plan = m_tmp.filePath(QStringLiteral("plan.json"));
        QFile f(plan);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral(R"([{"target": "%1", "commands": ["echo a", "echo b"]},
                                   {"target": "%2", "commands": ["exit 7"]},
                                   {"target": "local:x", "commands": ["echo local"]}])")
                    .arg(m_fleet->addresses().at(0), m_fleet->addresses().at(1))
                    .toUtf8());
        f.close();
        const QString failed = m_tmp.filePath(QStringLiteral("failed.txt"));
        const Result r = cli(fleetArgs() + QStringList{QStringLiteral("--plan"), plan,
                                                       QStringLiteral("--failed-file"), failed});
        QCOMPARE(r.status, 1);
        QVERIFY(r.out.contains(QByteArray(m_fleet->addresses().at(0).toUtf8() + ": a\n")));
        QVERIFY(r.out.contains(QByteArray(m_fleet->addresses().at(0).toUtf8() + ": b\n")));
        QVERIFY(r.out.contains("local:x: local\n"));
        QFile list(failed);
        QVERIFY(list.open(QIODevice::ReadOnly));
        QCOMPARE(list.readAll(), m_fleet->addresses().at(1).toUtf8() + '\n');
        // The failed file is reusable as a hosts file.
        const Result again =
            cli(fleetArgs() + QStringList{QStringLiteral("--hosts-file"), failed,
                                          QStringLiteral("--"), QStringLiteral("echo retry")});
        QCOMPARE(again.status, 0);
        QCOMPARE(again.out, m_fleet->addresses().at(1).toUtf8() + ": retry\n");
    }

    void journalHoldsFinishedTargets()
    {
        const QString file = m_tmp.filePath(QStringLiteral("journal.jsonl"));
        const Result r =
            cli(fleetArgs() + QStringList{QStringLiteral("-H"), fleetHosts(), QStringLiteral("-H"),
                                          QStringLiteral("local"), QStringLiteral("--journal"),
                                          file, QStringLiteral("--"), QStringLiteral("echo j")});
        QCOMPARE(r.status, 0);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 5); // header + one line per target
        QVERIFY(QJsonDocument::fromJson(lines.first())
                    .object()
                    .contains(QStringLiteral("volley_journal")));
        QStringList names;
        for (const QByteArray &line : lines.mid(1)) {
            const QJsonObject t = QJsonDocument::fromJson(line).object();
            QCOMPARE(t.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
            names << t.value(QStringLiteral("target")).toString();
        }
        names.sort();
        QCOMPARE(names.last(), QStringLiteral("local"));
        // A folder that cannot exist (its parent is a file): nothing runs, and the error says why.
        QFile blocker(m_tmp.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const Result bad =
            cli({QStringLiteral("-H"), QStringLiteral("local"), QStringLiteral("--journal"),
                 blocker.fileName() + QStringLiteral("/j"), QStringLiteral("--"),
                 QStringLiteral("true")});
        QCOMPARE(bad.status, 2);
        QVERIFY(bad.err.contains("journal"));
    }

    void controlSequencesAreNeutralisedInText()
    {
        const Result r = cli({QStringLiteral("-H"), QStringLiteral("local"), QStringLiteral("--"),
                              QStringLiteral("printf 'a\\033]52;c;cGF3bmVk\\007b\\033[2Jc\\n'")});
        QCOMPARE(r.status, 0);
        QVERIFY(!r.out.contains('\x1b'));
        QVERIFY(!r.out.contains('\x07'));
        QCOMPARE(r.out, QByteArray("local: a^[]52;c;cGF3bmVk^Gb^[[2Jc\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_cli_run.moc"
