// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labpage.h"
#include "lab/labresultsmodel.h"
#include "lab/timelinewidget.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace volley;

class TestLabPage final : public QObject
{
    Q_OBJECT

private:
    template <typename T>
    T *child(QWidget *w, const char *name)
    {
        T *c = w->findChild<T *>(QLatin1String(name));
        if (!c)
            qFatal("no child %s", name);
        return c;
    }

    void choose(LabPage &page, const char *experiment, const char *kind)
    {
        auto *list = child<QListWidget>(&page, "labExperimentList");
        lab::Experiment e;
        QVERIFY(lab::parseExperiment(QLatin1String(experiment), &e));
        list->setCurrentRow(int(e));
        auto *kinds = child<QComboBox>(&page, "labKind");
        kinds->setCurrentIndex(kinds->findText(QLatin1String(kind)));
        QCOMPARE(kinds->currentText(), QLatin1String(kind));
    }

    QList<qint64> ourWorkers()
    {
        return test::processesMatching(
            QStringLiteral("--parent %1 ").arg(QCoreApplication::applicationPid()));
    }

private slots:
    void init() { test::failOnQtWarnings(); }

    void runsExperimentsAndKeepsEveryRun()
    {
        LabPage page;
        page.setWorkerProgram(test::volleyCli());
        page.resize(1200, 800);
        page.show();
        QAbstractItemModelTester tester(page.resultsModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&page, &LabPage::runFinished);
        auto *run = child<QPushButton>(&page, "labRunButton");
        auto *stop = child<QPushButton>(&page, "labStopButton");
        auto *table = child<QTableView>(&page, "labResultsTable");
        auto *timeline = child<TimelineWidget>(&page, "labTimeline");

        // Counter, threads, no lock.
        choose(page, "counter", "threads");
        child<QSpinBox>(&page, "labWorkers")->setValue(3);
        child<QSpinBox>(&page, "labIncrements")->setValue(20000);
        child<QSpinBox>(&page, "labRepeat")->setValue(1);
        auto *sync = child<QComboBox>(&page, "labSync");
        sync->setCurrentIndex(sync->findData(int(lab::Sync::None)));
        QVERIFY(!stop->isEnabled());
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY(page.isRunning() || finished.size() == 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(timeline->rowCount(), 3);
        QVERIFY(timeline->barCount() >= 3);
        QCOMPARE(table->model()->rowCount(), 1);

        // Processes with a mutex, in slow motion: marks appear on the timeline.
        choose(page, "counter", "processes");
        sync->setCurrentIndex(sync->findData(int(lab::Sync::Mutex)));
        child<QCheckBox>(&page, "labSlowMotion")->setChecked(true);
        child<QSpinBox>(&page, "labIncrements")->setValue(4);
        child<QSpinBox>(&page, "labWorkers")->setValue(2);
        child<QSpinBox>(&page, "labStepMs")->setValue(10);
        QTest::mouseClick(run, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QCOMPARE(timeline->rowCount(), 2);
        QCOMPARE(timeline->markerCount(), 2 * 4 * 2);
        QCOMPARE(timeline->highlightedMarkerCount(), 0); // the lock loses nothing
        QCOMPARE(table->model()->rowCount(), 2);
        const QString row2 =
            table->model()->index(1, LabResultsModel::ResultColumn).data().toString();
        QVERIFY2(row2.contains(QLatin1String("0 of 1")), qPrintable(row2));

        // Share with processes fills the side-by-side view.
        choose(page, "share", "processes");
        QTest::mouseClick(run, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 20000);
        QCOMPARE(table->model()->rowCount(), 3);
        QVERIFY(page.resultsText().contains(QLatin1String("plain: counter 0")));
        QCOMPARE(page.resultsText().count(QLatin1Char('\n')), 4); // header + 3 runs

        // Exports.
        QTemporaryDir dir;
        const QString trace = dir.filePath(QStringLiteral("trace.json"));
        QVERIFY(page.exportTrace(trace));
        QFile f(trace);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(
            QJsonDocument::fromJson(f.readAll()).object().contains(QLatin1String("traceEvents")));
        const QString png = dir.filePath(QStringLiteral("timeline.png"));
        QVERIFY(page.exportPng(png));
        QVERIFY(!QImage(png).isNull());

        // Presentation mode makes the rows taller.
        const int before = timeline->sizeHint().height();
        QTest::mouseClick(child<QPushButton>(&page, "labPresentationButton"), Qt::LeftButton);
        QVERIFY(timeline->presentationMode());
        QVERIFY(timeline->sizeHint().height() > before);
    }

    void stopEndsProcessWorkers()
    {
        LabPage page;
        page.setWorkerProgram(test::volleyCli());
        page.show();
        QSignalSpy finished(&page, &LabPage::runFinished);
        choose(page, "spawn", "processes");
        child<QSpinBox>(&page, "labWorkers")->setValue(3);
        child<QDoubleSpinBox>(&page, "labSeconds")->setValue(30);
        QTest::mouseClick(child<QPushButton>(&page, "labRunButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ourWorkers().size(), 3, 10000);
        auto *stop = child<QPushButton>(&page, "labStopButton");
        QVERIFY(stop->isEnabled());
        QTest::mouseClick(stop, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY(ourWorkers().isEmpty());
        QCOMPARE(page.resultsModel()->rowCount(), 1);
        QVERIFY(page.resultsModel()->results().first().cancelled);
    }

    void closingThePageWhileRunningLeavesNothing()
    {
        auto page = std::make_unique<LabPage>();
        page->setWorkerProgram(test::volleyCli());
        choose(*page, "spawn", "processes");
        child<QSpinBox>(page.get(), "labWorkers")->setValue(2);
        child<QDoubleSpinBox>(page.get(), "labSeconds")->setValue(30);
        page->run();
        QTRY_COMPARE_WITH_TIMEOUT(ourWorkers().size(), 2, 10000);
        page.reset(); // cancels, kills and reaps
        QVERIFY(ourWorkers().isEmpty());
    }

    void timelineZoomPanAndCursor()
    {
        TimelineWidget t;
        t.resize(800, 200);
        const int row = t.addRow(QStringLiteral("host-a"));
        const int bar = t.addBar(row, 0, -1, QStringLiteral("connecting"));
        t.setBarEnd(bar, 500000, QStringLiteral("running"));
        t.addMarker(row, 250000, QStringLiteral("w42"), true);
        QCOMPARE(t.rowCount(), 1);
        QCOMPARE(t.highlightedMarkerCount(), 1);
        QCOMPARE(t.dataEndUs(), 500000);
        const qint64 span = t.viewSpanUs();
        t.zoomAt(250000, 0.5);
        QVERIFY(t.viewSpanUs() < span);
        t.panBy(10000);
        t.zoomToFit();
        QCOMPARE(t.viewSpanUs(), span);
        QSignalSpy cursor(&t, &TimelineWidget::cursorMoved);
        t.show();
        QTest::mouseMove(&t, QPoint(700, 50));
        QVERIFY(t.cursorUs() > 0);
        QVERIFY(!cursor.isEmpty());
        QVERIFY(!t.toImage().isNull());
        QCOMPARE(TimelineWidget::formatTime(1500), QStringLiteral("1.50 ms"));
    }
};

QTEST_MAIN(TestLabPage)
#include "tst_labpage.moc"
