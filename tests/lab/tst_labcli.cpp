// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace volley;

namespace {

using Outcome = test::CliResult;

Outcome runCli(const QStringList &args)
{
    return test::runCli(QStringList{QStringLiteral("lab")} + args);
}

QStringList words(const char *line)
{
    return QString::fromLatin1(line).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

class TestLabCli final : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnQtWarnings(); }

    void jsonDocumentFollowsTheContract()
    {
        const Outcome o = runCli(
            words("counter --kind processes --workers 2 --increments 1000 --sync mutex --json"));
        QCOMPARE(o.status, 0);
        QJsonParseError error;
        const QJsonObject doc = QJsonDocument::fromJson(o.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.value(QStringLiteral("experiment")).toString(), QStringLiteral("counter"));
        QCOMPARE(doc.value(QStringLiteral("kind")).toString(), QStringLiteral("processes"));
        const QJsonObject params = doc.value(QStringLiteral("params")).toObject();
        QCOMPARE(params.value(QStringLiteral("workers")).toInt(), 2);
        QCOMPARE(params.value(QStringLiteral("sync")).toString(), QStringLiteral("mutex"));
        const QJsonObject run = doc.value(QStringLiteral("runs")).toArray().first().toObject();
        QCOMPARE(run.value(QStringLiteral("expected")).toInteger(), 2000);
        QCOMPARE(run.value(QStringLiteral("actual")).toInteger(), 2000);
        QCOMPARE(run.value(QStringLiteral("lost_updates")).toInteger(), 0);
        QVERIFY(run.contains(QStringLiteral("duration_ms")));
        const QJsonArray timeline = doc.value(QStringLiteral("timeline")).toArray();
        QVERIFY(!timeline.isEmpty());
        for (const QJsonValue &v : timeline) {
            const QJsonObject e = v.toObject();
            for (const char *key : {"worker", "pid", "tid", "state", "start_us", "end_us"})
                QVERIFY2(e.contains(QLatin1String(key)), key);
            QVERIFY(QStringList(
                        {QStringLiteral("run"), QStringLiteral("wait"), QStringLiteral("sleep")})
                        .contains(e.value(QStringLiteral("state")).toString()));
        }
    }

    void eachExperimentRunsHeadless_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("expect");
        QTest::newRow("spawn") << "spawn --kind event-loop --workers 3 --seconds 0.1"
                               << "took";
        QTest::newRow("counter") << "counter --kind threads --workers 2 --increments 1000 "
                                    "--sync atomic"
                                 << "lost updates 0";
        QTest::newRow("bank") << "bank --kind threads --sync mutex"
                              << "final balance 500";
        QTest::newRow("share") << "share --kind processes"
                               << "shared array    [1,8,27,64,125]";
        QTest::newRow("cpu") << "cpu --kind threads --workers 2 --work 10"
                             << "speed-up";
        QTest::newRow("stop") << "stop --kind processes"
                              << "SIGKILL";
    }

    void eachExperimentRunsHeadless()
    {
        QFETCH(QString, line);
        QFETCH(QString, expect);
        const Outcome o = runCli(line.split(QLatin1Char(' '), Qt::SkipEmptyParts));
        QVERIFY2(o.status == 0, o.err.constData());
        QVERIFY2(QString::fromUtf8(o.out).contains(expect), o.out.constData());
    }

    void badUsageExitsWithTwo_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("no experiment") << ""
                                       << "Usage";
        QTest::newRow("unknown experiment") << "race --kind threads"
                                            << "unknown experiment";
        QTest::newRow("unknown kind") << "counter --kind fibers"
                                      << "unknown --kind";
        QTest::newRow("no kind") << "share"
                                 << "needs --kind";
        QTest::newRow("kind not supported") << "counter --kind sequential"
                                            << "counter runs with";
        QTest::newRow("foreign option") << "spawn --kind threads --increments 5"
                                        << "does not take --increments";
        QTest::newRow("not a number") << "cpu --kind threads --workers many"
                                      << "whole number";
        QTest::newRow("bank atomic") << "bank --kind threads --sync atomic"
                                     << "none|mutex";
        QTest::newRow("unknown option") << "spawn --kind threads --fast"
                                        << "fast";
    }

    void badUsageExitsWithTwo()
    {
        QFETCH(QString, line);
        QFETCH(QString, message);
        const Outcome o = runCli(line.split(QLatin1Char(' '), Qt::SkipEmptyParts));
        QCOMPARE(o.status, 2);
        QVERIFY2(QString::fromUtf8(o.err).contains(message), o.err.constData());
    }

    void helpShowsExamples()
    {
        const Outcome o = runCli({QStringLiteral("--help")});
        QCOMPARE(o.status, 0);
        QVERIFY(o.out.contains("Examples:"));
        QVERIFY(o.out.contains("volley-cli lab counter"));
    }

    void workerModeRejectsDirectUse()
    {
        QProcess p;
        p.start(test::volleyCli(), {QStringLiteral("lab-worker")});
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TestLabCli)
#include "tst_labcli.moc"
