// SPDX-License-Identifier: GPL-3.0-or-later
// Fault matrix: Volley killed mid-run. `volley-cli run --journal FILE` appends
// one JSON line per finished target after a header line; after a SIGKILL the
// file must hold every target that had finished, with its status and output,
// and read back as a run document.
#include "faulthelpers.h"
#include "fleet/localfleet.h"
#include "report/runjournal.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace volley;

class TestFaultsJournal final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFleet> m_fleet;
    QTemporaryDir m_tmp;

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_fleet = std::make_unique<LocalFleet>();
        LocalFleet::Options options;
        options.hosts = 5;
        QVERIFY2(m_fleet->start(options), qPrintable(m_fleet->error()));
    }

    void cleanupTestCase() { m_fleet.reset(); }

    void init() { test::failOnQtWarnings(); }

    void killedMidRunKeepsEveryFinishedTarget()
    {
        const QStringList a = m_fleet->addresses();
        // Three SSH hosts and a local target finish at once (one of them failing);
        // two hosts are still sleeping when volley-cli is killed.
        const QString planText = QStringLiteral(R"([{"target": "%1", "commands": ["echo fast-1"]},
                               {"target": "%2", "commands": ["echo fast-2; exit 4"]},
                               {"target": "%3", "commands": ["echo fast-3"]},
                               {"target": "local:quick", "commands": ["echo fast-local"]},
                               {"target": "%4,%5", "commands": ["echo started; exec sleep 30"]}])")
                                     .arg(a.at(0), a.at(1), a.at(2), a.at(3), a.at(4));
        const QString plan = m_tmp.filePath(QStringLiteral("plan.json"));
        QFile pf(plan);
        QVERIFY(pf.open(QIODevice::WriteOnly));
        pf.write(planText.toUtf8());
        pf.close();
        const QString journal = m_tmp.filePath(QStringLiteral("run.jsonl"));

        QProcess cli;
        cli.start(test::volleyCli(),
                  QStringList{QStringLiteral("run")} + test::fleetCliArgs(*m_fleet) +
                      QStringList{QStringLiteral("--plan"), plan, QStringLiteral("--journal"),
                                  journal, QStringLiteral("--json-stream")});
        QVERIFY(cli.waitForStarted());
        // Follow the event stream until the fast four finished and both slow hosts
        // printed "started".
        QHash<QString, QString> finished; // target -> status, as volley-cli reported it
        QSet<QString> sleeping;
        QByteArray pending;
        auto readEvents = [&] {
            pending += cli.readAllStandardOutput();
            qsizetype nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                const QJsonObject e = QJsonDocument::fromJson(pending.left(nl)).object();
                pending.remove(0, nl + 1);
                const QString event = e.value(QStringLiteral("event")).toString();
                const QString target = e.value(QStringLiteral("target")).toString();
                if (event == QLatin1String("finished"))
                    finished.insert(target, e.value(QStringLiteral("status")).toString());
                else if (event == QLatin1String("output") &&
                         e.value(QStringLiteral("data")).toString() == QLatin1String("started\n"))
                    sleeping.insert(target);
            }
            return finished.size() >= 4 && sleeping.size() == 2;
        };
        QTRY_VERIFY_WITH_TIMEOUT(readEvents() || cli.state() != QProcess::Running, 30000);
        QVERIFY2(cli.state() == QProcess::Running, cli.readAllStandardError().constData());
        QCOMPARE(finished.size(), 4);
        ::kill(pid_t(cli.processId()), SIGKILL);
        QVERIFY(cli.waitForFinished(10000));
        QCOMPARE(cli.exitStatus(), QProcess::CrashExit);

        // The file itself: a header line, then one line per finished target.
        QFile f(journal);
        QVERIFY2(f.open(QIODevice::ReadOnly), "no journal file after the kill");
        const QList<QByteArray> lines = f.readAll().split('\n');
        QVERIFY(lines.size() >= 2);
        QJsonParseError pe;
        const QJsonObject header = QJsonDocument::fromJson(lines.first(), &pe).object();
        QCOMPARE(pe.error, QJsonParseError::NoError);
        QCOMPARE(header.value(QStringLiteral("tool")).toString(), QStringLiteral("volley"));
        QHash<QString, QJsonObject> journaled;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (lines.at(i).isEmpty())
                continue;
            const QJsonObject t = QJsonDocument::fromJson(lines.at(i), &pe).object();
            QVERIFY2(pe.error == QJsonParseError::NoError, lines.at(i).constData());
            journaled.insert(t.value(QStringLiteral("target")).toString(), t);
        }
        for (auto it = finished.cbegin(); it != finished.cend(); ++it) {
            QVERIFY2(journaled.contains(it.key()), qPrintable(it.key()));
            QCOMPARE(journaled.value(it.key()).value(QStringLiteral("status")).toString(),
                     it.value());
        }
        QCOMPARE(finished.value(a.at(0)), QStringLiteral("ok"));
        QCOMPARE(finished.value(a.at(1)), QStringLiteral("failed"));
        QCOMPARE(finished.value(QStringLiteral("local:quick")), QStringLiteral("ok"));
        const QJsonObject failedCmd =
            journaled.value(a.at(1)).value(QStringLiteral("commands")).toArray().at(0).toObject();
        QCOMPARE(failedCmd.value(QStringLiteral("exit_code")).toInt(), 4);
        QCOMPARE(failedCmd.value(QStringLiteral("stdout")).toString(), QStringLiteral("fast-2\n"));
        for (const QString &s : std::as_const(sleeping))
            QVERIFY2(!journaled.contains(s), qPrintable(s)); // never finished: not there

        // Reopening: the journal reads back as a run document with those targets.
        QJsonObject doc;
        QString error;
        QVERIFY2(readRunJournal(journal, &doc, &error), qPrintable(error));
        QVERIFY2(validateRunDocument(doc, &error), qPrintable(error));
        QSet<QString> reopened;
        for (const QJsonValue &t : doc.value(QStringLiteral("targets")).toArray())
            reopened.insert(t.toObject().value(QStringLiteral("target")).toString());
        for (auto it = finished.cbegin(); it != finished.cend(); ++it)
            QVERIFY2(reopened.contains(it.key()), qPrintable(it.key()));
    }
};

QTEST_GUILESS_MAIN(TestFaultsJournal)
#include "tst_faults_journal.moc"
