// SPDX-License-Identifier: GPL-3.0-or-later
// The run journal and the saved-run reader: a kill mid-write loses nothing that finished.
#include "exec/run.h"
#include "report/runjournal.h"
#include "report/runjson.h"
#include "runhelpers.h"
#include "testsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace volley;

class TestRunJournal final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    static void write(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

    // Runs to the end with a journal at path.
    static void runJournalled(Run *run, const QString &path)
    {
        RunJournal journal(run, path);
        QString error;
        QVERIFY2(journal.open(&error), qPrintable(error));
        QSignalSpy done(run, &Run::finished);
        run->start();
        QVERIFY(done.wait(10000));
    }

private slots:
    void init() { test::failOnQtWarnings(); }

    void journalOfARealRunReadsBack()
    {
        RunSpec spec;
        spec.targets = {test::localTarget(QStringLiteral("local:a")),
                        test::localTarget(QStringLiteral("local:b"))};
        spec.targets[1].commands = {QStringLiteral("echo bee; exit 2")};
        spec.commands = {QStringLiteral("echo ay")};
        const QString path = m_tmp.filePath(QStringLiteral("real.jsonl"));
        Run run(spec);
        runJournalled(&run, path);
        if (QTest::currentTestFailed())
            return;
        QString error;
        QJsonObject doc;
        QVERIFY2(readSavedRun(path, &doc, &error), qPrintable(error));
        const QJsonArray targets = doc.value(QStringLiteral("targets")).toArray();
        QCOMPARE(targets.size(), 2);
        QCOMPARE(
            doc.value(QStringLiteral("summary")).toObject().value(QStringLiteral("failed")).toInt(),
            1);
        QCOMPARE(doc.value(QStringLiteral("summary"))
                     .toObject()
                     .value(QStringLiteral("targets"))
                     .toInt(),
                 2);
    }

    void journalKeepsABoundedExcerptOfBigOutput()
    {
        RunSpec spec;
        spec.targets = {test::localTarget()};
        spec.commands = {test::shq(test::testHelper()) + QStringLiteral(" flood 200000")};
        const QString path = m_tmp.filePath(QStringLiteral("big.jsonl"));
        Run run(spec);
        runJournalled(&run, path);
        if (QTest::currentTestFailed())
            return;
        QString error;
        QJsonObject doc;
        QVERIFY2(readRunJournal(path, &doc, &error), qPrintable(error));
        const QJsonObject cmd = doc.value(QStringLiteral("targets"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("commands"))
                                    .toArray()
                                    .at(0)
                                    .toObject();
        QCOMPARE(cmd.value(QStringLiteral("stdout_bytes")).toInteger(), 200000);
        QCOMPARE(cmd.value(QStringLiteral("stdout_truncated")).toBool(), true);
        QVERIFY(cmd.value(QStringLiteral("stdout")).toString().size() <= kJournalStreamLimit);
        QVERIFY(QFileInfo(path).size() < 100 * 1024);
        // The store still holds every byte.
        QCOMPARE(run.output(0).size(0, Stream::Stdout), 200000);
    }

    void tornLastLineIsSkipped()
    {
        const QString path = m_tmp.filePath(QStringLiteral("torn.jsonl"));
        // (No raw string here: moc loses its way in an unbalanced one.)
        write(path, "{\"volley_journal\":1,\"tool\":\"volley\",\"target_names\":[\"a\",\"b\"]}\n"
                    "{\"target\":\"a\",\"status\":\"ok\",\"commands\":[{\"command\":\"true\"}]}\n"
                    "{\"target\":\"b\",\"status\":\"fai");
        QJsonObject doc;
        QString error;
        QVERIFY2(readRunJournal(path, &doc, &error), qPrintable(error));
        QCOMPARE(doc.value(QStringLiteral("targets")).toArray().size(), 1);
        QCOMPARE(doc.value(QStringLiteral("summary"))
                     .toObject()
                     .value(QStringLiteral("targets"))
                     .toInt(),
                 2);
    }

    void brokenFilesNameTheProblem_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("JSON");
        QTest::newRow("not volley")
            << QByteArray(R"({"tool":"other","targets":[]})") << QStringLiteral("not a Volley run");
        QTest::newRow("bad status")
            << QByteArray(
                   R"({"tool":"volley","targets":[{"target":"x","status":"fine","commands":[]}]})")
            << QStringLiteral("unknown status 'fine'");
        QTest::newRow("bad middle line")
            << QByteArray("{\"volley_journal\":1}\nnot "
                          "json\n{\"target\":\"a\",\"status\":\"ok\",\"commands\":[]}\n")
            << QStringLiteral(":2:");
        QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("object");
    }

    void brokenFilesNameTheProblem()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const QString path = m_tmp.filePath(QStringLiteral("broken"));
        write(path, content);
        QJsonObject doc;
        QString error;
        QVERIFY(!readSavedRun(path, &doc, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(error.contains(path));
    }
};

QTEST_GUILESS_MAIN(TestRunJournal)
#include "tst_runjournal.moc"
