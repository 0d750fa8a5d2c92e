// SPDX-License-Identifier: GPL-3.0-or-later
// The real MainWindow, driven by objectName the way a person would: pick
// targets, type a command, press Run, wait for the statuses, read the tabs.
#include "exec/run.h"
#include "fleet/localfleet.h"
#include "guicredentialprovider.h"
#include "historymodel.h"
#include "lab/timelinewidget.h"
#include "mainwindow.h"
#include "outputpane.h"
#include "palette.h"
#include "report/runjson.h"
#include "summarymodel.h"
#include "targetmodel.h"
#include "testsupport.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

using namespace volley;

namespace {

Target localTarget(const QString &name, const QStringList &commands = {})
{
    Target t;
    t.name = name;
    t.transport = Transport::Local;
    t.commands = commands;
    return t;
}

QString helper(const QString &args)
{
    return test::testHelper() + QLatin1Char(' ') + args;
}

template <typename T>
T *child(QWidget *root, const QString &name)
{
    T *w = root->findChild<T *>(name);
    if (!w)
        qWarning("no child %s", qPrintable(name));
    return w;
}

QWidget *visibleTopLevel(const QString &objectName)
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->objectName() == objectName && w->isVisible())
            return w;
    return nullptr;
}

int tabIndexOf(QTabWidget *tabs, const QString &target)
{
    for (int i = 0; i < tabs->count(); ++i)
        if (auto *p = qobject_cast<OutputPane *>(tabs->widget(i)); p && p->target() == target)
            return i;
    return -1;
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;
    QList<QAbstractItemModelTester *> m_testers;

    MainWindow *openWindow(const QList<Target> &targets)
    {
        m_window = std::make_unique<MainWindow>();
        m_window->setTargets(targets);
        m_window->resize(1200, 760);
        m_window->show();
        // Every model the window shows, proxies included, under the tester.
        const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
        for (QAbstractItemModel *m :
             {static_cast<QAbstractItemModel *>(m_window->targetModel()),
              static_cast<QAbstractItemModel *>(m_window->summaryModel()),
              static_cast<QAbstractItemModel *>(m_window->groupModel()),
              static_cast<QAbstractItemModel *>(m_window->historyModel()),
              child<QTreeView>(m_window.get(), QStringLiteral("hostTree"))->model(),
              child<QTableView>(m_window.get(), QStringLiteral("summaryTable"))->model()})
            m_testers.append(new QAbstractItemModelTester(m, mode, m_window.get()));
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            qWarning("window not exposed");
        return m_window.get();
    }

    void typeCommand(const QString &command)
    {
        auto *edit = child<QPlainTextEdit>(m_window.get(), QStringLiteral("commandEdit"));
        edit->clear();
        edit->setFocus();
        QTest::keyClicks(edit, command);
    }

    void clickRun()
    {
        QTest::mouseClick(child<QToolButton>(m_window.get(), QStringLiteral("runButton")),
                          Qt::LeftButton);
    }

    bool waitFinished(QSignalSpy &spy, int timeoutMs = 30000)
    {
        return spy.count() > 0 || spy.wait(timeoutMs);
    }

    Status summaryStatus(const QString &target)
    {
        for (const SummaryRow &r : m_window->summaryModel()->rows())
            if (r.target == target)
                return r.status;
        return Status::Pending;
    }

    static QString statusBar(MainWindow *w) { return w->statusBar()->currentMessage(); }

    QString paneText(const QString &target)
    {
        OutputPane *p = m_window->paneFor(target);
        return p ? p->plainText() : QString();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings and history stay out of $HOME
        // The history is saved as each run starts: begin every run of the suite empty.
        QSettings().clear();
        qRegisterMetaType<RunUpdate>();
    }

    void init() { test::failOnQtWarnings(); }

    void cleanup()
    {
        m_testers.clear();
        m_window.reset();
    }

    void runOnPickedTargets()
    {
        MainWindow *w = openWindow({localTarget(QStringLiteral("local:a")),
                                    localTarget(QStringLiteral("local:b")),
                                    localTarget(QStringLiteral("local:c"))});
        auto *tree = child<QTreeView>(w, QStringLiteral("hostTree"));
        auto *runButton = child<QToolButton>(w, QStringLiteral("runButton"));
        QCOMPARE(w->targetModel()->checkedCount(), 3);

        // Uncheck local:c with the keyboard, as a person would.
        const QModelIndex c = tree->model()->index(2, 0, tree->model()->index(0, 0));
        QCOMPARE(c.data().toString(), QStringLiteral("local:c"));
        tree->setFocus();
        tree->setCurrentIndex(c);
        QTest::keyClick(tree, Qt::Key_Space);
        QCOMPARE(w->targetModel()->checkedCount(), 2);

        typeCommand(helper(QStringLiteral("out hello-volley err oops-stderr exit 0")));
        QCOMPARE(runButton->text(), QStringLiteral("Run on 2 targets"));
        QVERIFY(runButton->isEnabled());

        QSignalSpy finished(w, &MainWindow::runFinished);
        clickRun();
        QVERIFY(waitFinished(finished));
        QCOMPARE(finished.first().first().toInt(), 0);
        QCOMPARE(w->lastExitCode(), 0);

        QCOMPARE(summaryStatus(QStringLiteral("local:a")), Status::Ok);
        QCOMPARE(summaryStatus(QStringLiteral("local:b")), Status::Ok);
        QCOMPARE(w->summaryModel()->rowCount(), 2);
        QCOMPARE(w->targetModel()->status(2), Status::Pending); // not in the run

        auto *tabs = child<QTabWidget>(w, QStringLiteral("outputTabs"));
        const int tab = tabIndexOf(tabs, QStringLiteral("local:a"));
        QVERIFY(tab >= 2);
        QCOMPARE(tabs->tabText(tab), QStringLiteral("local:a · 0"));
        QVERIFY(!tabs->tabIcon(tab).isNull());
        QCOMPARE(tabIndexOf(tabs, QStringLiteral("local:c")), -1);

        const QString text = paneText(QStringLiteral("local:a"));
        QVERIFY2(text.contains(QStringLiteral("hello-volley")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("oops-stderr")));
        QVERIFY(text.contains(QStringLiteral("exit 0 after")));

        // stderr is shown in its own colour, stdout in the default one.
        tabs->setCurrentIndex(tab);
        QTextDocument *doc = w->paneFor(QStringLiteral("local:a"))->view()->document();
        auto colourOf = [doc](const QString &needle) {
            for (QTextBlock b = doc->begin(); b.isValid(); b = b.next())
                for (auto it = b.begin(); !it.atEnd(); ++it)
                    if (it.fragment().text().contains(needle))
                        return it.fragment().charFormat().foreground().color();
            return QColor();
        };
        QVERIFY(colourOf(QStringLiteral("oops-stderr")).isValid());
        QVERIFY(colourOf(QStringLiteral("oops-stderr")) !=
                colourOf(QStringLiteral("hello-volley")));

        // The first line of output reaches the summary; the history lists the run.
        QCOMPARE(w->summaryModel()->row(0).firstLine, QStringLiteral("hello-volley"));
        QCOMPARE(w->historyModel()->rowCount(), 1);
        QCOMPARE(w->historyModel()->entries().first().ok, 2);
    }

    void failedTargetsAndRetry()
    {
        QTemporaryDir dir;
        const QString flag = dir.filePath(QStringLiteral("flag"));
        // local:flaky fails the first time and succeeds when retried.
        const QString flaky =
            QStringLiteral(
                "test -e %1 || { touch %1; echo first-try >&2; exit 4; }; echo second-try")
                .arg(flag);
        MainWindow *w = openWindow({localTarget(QStringLiteral("local:good")),
                                    localTarget(QStringLiteral("local:flaky"), {flaky})});
        typeCommand(QStringLiteral("echo fine"));
        QSignalSpy finished(w, &MainWindow::runFinished);
        clickRun();
        QVERIFY(waitFinished(finished));
        QCOMPARE(w->lastExitCode(), 1);
        QCOMPARE(summaryStatus(QStringLiteral("local:flaky")), Status::Failed);
        QCOMPARE(summaryStatus(QStringLiteral("local:good")), Status::Ok);
        auto *tabs = child<QTabWidget>(w, QStringLiteral("outputTabs"));
        QCOMPARE(tabs->tabText(tabIndexOf(tabs, QStringLiteral("local:flaky"))),
                 QStringLiteral("local:flaky · 4"));
        QVERIFY(w->windowTitle().contains(QStringLiteral("1 failed")));

        // "Failed" checks only the failed target.
        QTest::mouseClick(child<QToolButton>(w, QStringLiteral("selectFailedButton")),
                          Qt::LeftButton);
        QCOMPARE(w->targetModel()->checkedTargets(), QList<int>{1});

        auto *retry = child<QToolButton>(w, QStringLiteral("retryFailedButton"));
        QVERIFY(retry->isEnabled());
        finished.clear();
        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(waitFinished(finished));
        QCOMPARE(w->summaryModel()->rowCount(), 1);
        QCOMPARE(summaryStatus(QStringLiteral("local:flaky")), Status::Ok);
        QVERIFY(paneText(QStringLiteral("local:flaky")).contains(QStringLiteral("second-try")));
        QCOMPARE(w->lastExitCode(), 0);
        QVERIFY(!retry->isEnabled());
    }

    void cancelWithEscape()
    {
        MainWindow *w = openWindow(
            {localTarget(QStringLiteral("local:1")), localTarget(QStringLiteral("local:2"))});
        typeCommand(helper(QStringLiteral("out started sleep 30000")));
        QSignalSpy finished(w, &MainWindow::runFinished);
        // Ctrl+Enter from the editor runs.
        QTest::keyClick(child<QPlainTextEdit>(w, QStringLiteral("commandEdit")), Qt::Key_Return,
                        Qt::ControlModifier);
        QTRY_VERIFY(w->isRunning());
        QTRY_VERIFY(paneText(QStringLiteral("local:1")).contains(QStringLiteral("started")));
        QTRY_VERIFY(paneText(QStringLiteral("local:2")).contains(QStringLiteral("started")));
        QVERIFY(child<QToolButton>(w, QStringLiteral("cancelButton"))->isEnabled());
        QVERIFY(w->windowTitle().contains(QStringLiteral("0/2")));
        QTest::keyClick(w, Qt::Key_Escape);
        QVERIFY(waitFinished(finished, 10000));
        QCOMPARE(summaryStatus(QStringLiteral("local:1")), Status::Cancelled);
        QCOMPARE(summaryStatus(QStringLiteral("local:2")), Status::Cancelled);
        QCOMPARE(w->lastExitCode(), 130);
    }

    void groupedOutputAndDiff()
    {
        MainWindow *w = openWindow(
            {localTarget(QStringLiteral("web01"), {QStringLiteral("printf 'a\\nb\\nc\\n'")}),
             localTarget(QStringLiteral("web02"), {QStringLiteral("printf 'a\\nb\\nc\\n'")}),
             localTarget(QStringLiteral("web03"), {QStringLiteral("printf 'a\\nB\\nc\\n'")})});
        typeCommand(QStringLiteral("true"));
        QSignalSpy finished(w, &MainWindow::runFinished);
        clickRun();
        QVERIFY(waitFinished(finished));
        QStandardItemModel *groups = w->groupModel();
        QCOMPARE(groups->rowCount(), 2);
        QCOMPARE(groups->item(0)->text(), QStringLiteral("web[01-02] (2 targets) — majority"));
        QCOMPARE(groups->item(1)->text(), QStringLiteral("web03 (1 target) — differs"));

        // Selecting the odd one out compares it with the majority.
        auto *tree = child<QTreeView>(w, QStringLiteral("groupTree"));
        const QModelIndex odd = groups->index(1, 0, groups->index(1, 0)); // row 0 is the preview
        QCOMPARE(odd.data().toString(), QStringLiteral("web03"));
        tree->setCurrentIndex(odd);
        const QString left =
            child<QPlainTextEdit>(w, QStringLiteral("diffMajority"))->toPlainText();
        const QString right = child<QPlainTextEdit>(w, QStringLiteral("diffTarget"))->toPlainText();
        QCOMPARE(left, QStringLiteral("a\nb\n\nc"));
        QCOMPARE(right, QStringLiteral("a\n\nB\nc"));
    }

    void exportAndReopen()
    {
        QTemporaryDir dir;
        MainWindow *w = openWindow(
            {localTarget(QStringLiteral("local:x")),
             localTarget(QStringLiteral("local:y"), {QStringLiteral("echo why; exit 2")})});
        typeCommand(QStringLiteral("echo ex"));
        QSignalSpy finished(w, &MainWindow::runFinished);
        clickRun();
        QVERIFY(waitFinished(finished));
        const QString path = dir.filePath(QStringLiteral("run.json"));
        QString error;
        QVERIFY2(w->exportJson(path, &error), qPrintable(error));
        QVERIFY2(w->exportCsv(dir.filePath(QStringLiteral("run.csv")), &error), qPrintable(error));
        QVERIFY2(w->exportFolder(dir.path(), &error), qPrintable(error));
        QFile out(dir.filePath(QStringLiteral("local:x.out")));
        QVERIFY(out.open(QIODevice::ReadOnly));
        QCOMPARE(out.readAll(), QByteArray("ex\n"));

        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(json.value(QStringLiteral("tool")).toString(), QStringLiteral("volley"));
        QCOMPARE(json.value(QStringLiteral("targets")).toArray().size(), 2);

        // Reopen in a fresh window: same rows, same output, same groups.
        cleanup();
        w = openWindow(
            {localTarget(QStringLiteral("local:x")), localTarget(QStringLiteral("local:y"))});
        QVERIFY2(w->openRun(path, &error), qPrintable(error));
        QCOMPARE(w->summaryModel()->rowCount(), 2);
        QCOMPARE(summaryStatus(QStringLiteral("local:x")), Status::Ok);
        QCOMPARE(summaryStatus(QStringLiteral("local:y")), Status::Failed);
        QCOMPARE(w->summaryModel()->row(1).exitCode.value_or(-1), 2);
        QVERIFY(paneText(QStringLiteral("local:y")).contains(QStringLiteral("why")));
        QCOMPARE(w->groupModel()->rowCount(), 2);
        QCOMPARE(w->targetModel()->status(1), Status::Failed);
        QVERIFY(child<QToolButton>(w, QStringLiteral("retryFailedButton"))->isEnabled());
        QVERIFY(!w->openRun(dir.filePath(QStringLiteral("run.csv")), &error));
        QVERIFY2(error.contains(QStringLiteral("not valid JSON")), qPrintable(error));
    }

    void exportIsTheEngineJson()
    {
        // The export is written one target at a time; it must be the very
        // document runToJson() makes, in the background too.
        QTemporaryDir dir;
        MainWindow *w =
            openWindow({localTarget(QStringLiteral("local:p")),
                        localTarget(QStringLiteral("local:q"),
                                    {QStringLiteral("printf 'a\\033[31mb\\n'; exit 4")})});
        typeCommand(QStringLiteral("echo streamed"));
        QSignalSpy finished(w, &MainWindow::runFinished);
        clickRun();
        QVERIFY(waitFinished(finished));
        const QJsonObject expected = runToJson(*w->currentRun());
        auto read = [](const QString &path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                               : QJsonObject();
        };
        QString error;
        const QString now = dir.filePath(QStringLiteral("now.json"));
        QVERIFY2(w->exportJson(now, &error), qPrintable(error));
        // Identical but for the run's duration, which goes on counting.
        auto timeless = [](QJsonObject o) {
            o.remove(QStringLiteral("duration_ms"));
            return o;
        };
        QCOMPARE(timeless(read(now)), timeless(expected));
        QSignalSpy exported(w, &MainWindow::jsonExported);
        const QString later = dir.filePath(QStringLiteral("later.json"));
        w->exportJsonInBackground(later);
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.first().at(1).toString(), QString());
        QCOMPARE(timeless(read(later)), timeless(expected));
    }

    void journalOfEveryRunReopensAfterAKill()
    {
        // Two targets finish at once, one goes on: what a kill at that moment
        // leaves is the journal so far, perhaps with a torn last line.
        MainWindow *w = openWindow(
            {localTarget(QStringLiteral("local:fast1")), localTarget(QStringLiteral("local:fast2")),
             localTarget(QStringLiteral("local:slow"), {QStringLiteral("sleep 30")})});
        typeCommand(QStringLiteral("echo journalled"));
        QSignalSpy finished(w, &MainWindow::runFinished);
        clickRun();
        const QString journal = w->journalPath();
        QVERIFY(!journal.isEmpty());
        // Listed in the history (and in the settings) from the start.
        QCOMPARE(w->historyModel()->entries().first().savedPath, journal);
        QVERIFY(!w->historyModel()->entries().first().finished);
        const QVariantList kept = QSettings().value(QStringLiteral("runs/history")).toList();
        QVERIFY(!kept.isEmpty());
        QCOMPARE(kept.first().toMap().value(QStringLiteral("path")).toString(), journal);

        auto lines = [&] {
            QFile f(journal);
            return f.open(QIODevice::ReadOnly) ? f.readAll().count('\n') : 0;
        };
        QTRY_COMPARE_WITH_TIMEOUT(lines(), 3, 10000); // header + the two fast targets
        QTemporaryDir dir;
        const QString torn = dir.filePath(QStringLiteral("killed.jsonl"));
        QVERIFY(QFile::copy(journal, torn));
        {
            QFile f(torn);
            QVERIFY(f.open(QIODevice::Append));
            f.write("{\"target\":\"local:slow\",\"stat"); // a kill in mid-write
        }
        QTest::mouseClick(child<QToolButton>(w, QStringLiteral("cancelButton")), Qt::LeftButton);
        QVERIFY(waitFinished(finished));
        QVERIFY(w->historyModel()->entries().first().finished);

        cleanup();
        w = openWindow({localTarget(QStringLiteral("local:fast1"))});
        QString error;
        QVERIFY2(w->openRun(torn, &error), qPrintable(error));
        QCOMPARE(w->summaryModel()->rowCount(), 2);
        QCOMPARE(summaryStatus(QStringLiteral("local:fast1")), Status::Ok);
        QCOMPARE(summaryStatus(QStringLiteral("local:fast2")), Status::Ok);
        QVERIFY(paneText(QStringLiteral("local:fast2")).contains(QStringLiteral("journalled")));
        QVERIFY(statusBar(w).contains(QStringLiteral("2 of 3")));
    }

    void hiddenPaneKeepsATailAndShowsItLater()
    {
        // A flood into a pane nobody looks at keeps a bounded tail, without
        // copying what it drops; showing the pane lays the tail out.
        OutputPane pane(QStringLiteral("flood"), 10000);
        QByteArray block;
        for (int i = 0; block.size() < 64 * 1024; ++i)
            block += "line " + QByteArray::number(i) + " abcdefghijklmnopqrstuvwxyz\n";
        qint64 sent = 0;
        for (int i = 0; i < 80; ++i) {
            pane.appendOutput(Stream::Stdout, block);
            sent += block.size();
            QVERIFY(pane.pendingBytes() <= 256 * 1024);
        }
        pane.appendOutput(Stream::Stdout, block.repeated(40) + "the last line\n"); // one big chunk
        QVERIFY(pane.pendingBytes() <= 256 * 1024);
        QCOMPARE(pane.receivedBytes(), sent + block.size() * 40 + 14);
        QVERIFY(pane.skippedBytes() > sent);
        QCOMPARE(pane.skippedBytes() + pane.pendingBytes(), pane.receivedBytes());
        pane.show();
        const QString text = pane.plainText();
        QVERIFY(text.contains(QStringLiteral("not shown here")));
        QVERIFY(text.endsWith(QStringLiteral("the last line\n")));
        // Whole lines only: the first output line after the note starts a line.
        const QStringList l = text.split(QLatin1Char('\n'));
        QVERIFY2(l.value(1).startsWith(QStringLiteral("line ")), qPrintable(l.value(1)));
    }

    void neutralisesControlSequences()
    {
        // Red text, then an OSC title change and a cursor-home-and-erase.
        const QString hex = QStringLiteral(
            "1b5b33316d7265641b5b306d0a1b5d303b70776e65640773616665" // ESC[31mred ESC[0m \n OSC
                                                                     // 0;pwned BEL safe
            "1b5b481b5b324a0a");                                     // ESC[H ESC[2J \n
        MainWindow *w = openWindow({localTarget(QStringLiteral("local:ansi"))});
        typeCommand(helper(QStringLiteral("bytes ") + hex));
        QSignalSpy finished(w, &MainWindow::runFinished);
        clickRun();
        QVERIFY(waitFinished(finished));
        const QString text = paneText(QStringLiteral("local:ansi"));
        QVERIFY2(text.startsWith(QStringLiteral("red\nsafe\n")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("pwned")));
        QVERIFY(!text.contains(QChar(0x1b)));
        QVERIFY(!w->windowTitle().contains(QStringLiteral("pwned")));
        QTextDocument *doc = w->paneFor(QStringLiteral("local:ansi"))->view()->document();
        const QTextFragment red = doc->begin().begin().fragment();
        QCOMPARE(red.text(), QStringLiteral("red"));
        QCOMPARE(red.charFormat().foreground().color().red(), 0xcd);
    }

    void destructiveCommandAsksFirst()
    {
        QList<Target> many;
        for (int i = 0; i < 11; ++i)
            many.append(localTarget(QStringLiteral("local:%1").arg(i)));
        MainWindow *w = openWindow(many);
        // Harmless, but it matches the rm -rf pattern.
        typeCommand(QStringLiteral("echo rm -rf /tmp/volley-not-there"));
        clickRun();
        QWidget *box = nullptr;
        QTRY_VERIFY((box = visibleTopLevel(QStringLiteral("destructiveConfirm"))));
        QVERIFY(!w->isRunning());
        QTest::mouseClick(qobject_cast<QMessageBox *>(box)->button(QMessageBox::Cancel),
                          Qt::LeftButton);
        QTRY_VERIFY(!visibleTopLevel(QStringLiteral("destructiveConfirm")));
        QVERIFY(!w->currentRun());

        QSignalSpy finished(w, &MainWindow::runFinished);
        clickRun();
        QTRY_VERIFY((box = visibleTopLevel(QStringLiteral("destructiveConfirm"))));
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmRunButton")),
                          Qt::LeftButton);
        QVERIFY(waitFinished(finished));
        QCOMPARE(w->summaryModel()->rowCount(), 11);
        QCOMPARE(w->lastExitCode(), 0);
    }

    void filterTargets()
    {
        QList<Target> targets{localTarget(QStringLiteral("local"))};
        for (int i = 1; i <= 1000; ++i) {
            Target t;
            t.name = QStringLiteral("node%1").arg(i, 4, 10, QLatin1Char('0'));
            t.address = QStringLiteral("10.0.%1.%2").arg(i / 250).arg(i % 250);
            t.groups = {i % 2 ? QStringLiteral("odd") : QStringLiteral("even")};
            t.tags = {i == 500 ? QStringLiteral("special") : QString()};
            targets.append(t);
        }
        MainWindow *w = openWindow(targets);
        auto *tree = child<QTreeView>(w, QStringLiteral("hostTree"));
        QCOMPARE(tree->model()->rowCount(), 3); // local, odd, even
        QTest::keyClicks(child<QLineEdit>(w, QStringLiteral("hostFilter")),
                         QStringLiteral("special"));
        QCOMPARE(tree->model()->rowCount(), 1);
        QCOMPARE(tree->model()->index(0, 0, tree->model()->index(0, 0)).data().toString(),
                 QStringLiteral("node0500"));
        QTest::mouseClick(child<QToolButton>(w, QStringLiteral("selectNoneButton")),
                          Qt::LeftButton);
        QCOMPARE(w->targetModel()->checkedCount(), 0);
        QCOMPARE(child<QToolButton>(w, QStringLiteral("runButton"))->text(),
                 QStringLiteral("Run on 0 targets"));
    }

    void sshFleetWithHostKeyQuestions()
    {
        LocalFleet fleet;
        LocalFleet::Options options;
        options.hosts = 3;
        QVERIFY2(fleet.start(options), qPrintable(fleet.error()));
        QTemporaryDir dir;
        const QString emptyKnownHosts = dir.filePath(QStringLiteral("known_hosts"));
        QList<Target> targets = fleet.targets(QStringLiteral("ssh"));
        for (Target &t : targets)
            t.knownHostsFile = emptyKnownHosts; // every key is unknown
        MainWindow *w = openWindow(targets);
        auto *policy = child<QComboBox>(w, QStringLiteral("hostKeyPolicyCombo"));
        policy->setCurrentIndex(policy->findData(int(HostKeyPolicy::Ask)));
        typeCommand(QStringLiteral("echo over-ssh"));
        QSignalSpy finished(w, &MainWindow::runFinished);
        clickRun();
        // The engine asks about all three at once: ONE dialog lists them all.
        int dialogs = 0;
        QElapsedTimer timer;
        timer.start();
        while (finished.isEmpty() && timer.elapsed() < 30000) {
            if (QWidget *dlg = visibleTopLevel(QStringLiteral("hostKeyDialog"))) {
                auto *list = dlg->findChild<QTreeWidget *>(QStringLiteral("hostKeyList"));
                QVERIFY(list);
                QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 3, 10000);
                for (int i = 0; i < 3; ++i)
                    QVERIFY(list->topLevelItem(i)->text(3).startsWith(QStringLiteral("SHA256:")));
                QTest::mouseClick(dlg->findChild<QPushButton *>(QStringLiteral("acceptOnceButton")),
                                  Qt::LeftButton);
                dialogs += list ? 1 : 0;
            }
            QTest::qWait(20);
        }
        QVERIFY(!finished.isEmpty());
        QCOMPARE(dialogs, 1);
        QCOMPARE(summaryStatus(QStringLiteral("ssh01")), Status::Ok);
        QCOMPARE(summaryStatus(QStringLiteral("ssh02")), Status::Ok);
        QCOMPARE(summaryStatus(QStringLiteral("ssh03")), Status::Ok);
        QVERIFY(paneText(QStringLiteral("ssh01")).contains(QStringLiteral("over-ssh")));
        QVERIFY(w->runTimeline()->rowCount() >= 1);
        QVERIFY(w->runTimeline()->barCount() >= 2);

        // The test hook answers without a dialog: rejected keys end the targets.
        w->credentials()->setHostKeyHook(
            [](const HostKeyRequest &) { return std::optional(HostKeyAnswer::Reject); });
        finished.clear();
        // Focus returns to the window once the dialog is gone (a window
        // manager does this; the offscreen platform needs to be told).
        w->activateWindow();
        QTRY_VERIFY(w->isActiveWindow());
        QTest::keyClick(w, Qt::Key_F5);
        QVERIFY(w->isRunning());
        QVERIFY(waitFinished(finished));
        QCOMPARE(summaryStatus(QStringLiteral("ssh01")), Status::HostKeyRejected);
        QCOMPARE(summaryStatus(QStringLiteral("ssh02")), Status::HostKeyRejected);
        QCOMPARE(summaryStatus(QStringLiteral("ssh03")), Status::HostKeyRejected);
        QCOMPARE(w->lastExitCode(), 3);
    }

    // Every run of text in a pane - stdout, stderr, Volley's notes, ANSI
    // colours meant for a white page - stays legible on the dark palette.
    void darkPaletteKeepsEveryTextLegible()
    {
        // The measure itself, on known values.
        QCOMPARE(qRound(contrastRatio(Qt::black, Qt::white)), 21);
        QCOMPARE(contrastRatio(QColor(0x77, 0x77, 0x77), QColor(0x77, 0x77, 0x77)), 1.0);
        QVERIFY(qAbs(contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
        const QPalette before = QApplication::palette();
        QApplication::setPalette(darkPalette());
        const auto restore = qScopeGuard([&] { QApplication::setPalette(before); });
        MainWindow *w = openWindow({localTarget(
            QStringLiteral("local:dark"),
            {QStringLiteral("echo plain; echo problem >&2; "
                            "printf '\\033[34mblue\\033[0m \\033[30mblack\\033[0m "
                            "\\033[2;30mfaintblack\\033[0m \\033[2mfaintplain\\033[0m\\n'; "
                            "exit 2")})});
        typeCommand(QStringLiteral("true")); // the target runs its own commands
        QSignalSpy finished(w, &MainWindow::runFinished);
        clickRun();
        QVERIFY(waitFinished(finished));
        auto *tabs = child<QTabWidget>(w, QStringLiteral("outputTabs"));
        tabs->setCurrentIndex(tabIndexOf(tabs, QStringLiteral("local:dark")));
        OutputPane *pane = w->paneFor(QStringLiteral("local:dark"));
        QVERIFY(pane);
        auto *view = child<QPlainTextEdit>(pane, QStringLiteral("outputView"));
        QTRY_VERIFY(view->toPlainText().contains(QLatin1String("faintplain")));
        const QColor page = view->palette().color(QPalette::Base);
        QVERIFY2(page.lightness() < 80, qPrintable(page.name()));
        QStringList seen;
        for (QTextBlock b = view->document()->begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QTextFragment f = it.fragment();
                if (f.text().trimmed().isEmpty())
                    continue;
                const QBrush brush = f.charFormat().foreground();
                const QColor drawn = brush.style() == Qt::NoBrush
                                         ? view->palette().color(QPalette::Text)
                                         : brush.color();
                // What the eye gets: a translucent ink is mixed with the page.
                const double a = drawn.alphaF();
                const QColor ink = QColor::fromRgbF(drawn.redF() * a + page.redF() * (1 - a),
                                                    drawn.greenF() * a + page.greenF() * (1 - a),
                                                    drawn.blueF() * a + page.blueF() * (1 - a));
                const double ratio = contrastRatio(ink, page);
                seen << f.text().trimmed();
                QVERIFY2(ratio >= 3.0, qPrintable(QStringLiteral("\"%1\" in %2 on %3: %4:1")
                                                      .arg(f.text(), ink.name(), page.name())
                                                      .arg(ratio, 0, 'f', 1)));
            }
        }
        for (const char *word : {"plain", "problem", "blue", "black", "faintblack", "faintplain"})
            QVERIFY2(seen.join(QLatin1Char(' ')).contains(QLatin1String(word)),
                     qPrintable(seen.join(QLatin1Char('|'))));
        const QString outDir =
            QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("screenshots"));
        QVERIFY(QDir().mkpath(outDir));
        QTest::qWait(100); // the pane's first layout
        QVERIFY(w->grab().save(QDir(outDir).filePath(QStringLiteral("dark.png"))));
    }

    // Screen readers and mouse users get a name and a tip for every control
    // of the window, in each of its pages.
    void everyControlHasANameAndATip()
    {
        MainWindow *w = openWindow({localTarget(QStringLiteral("local"))});
        QStringList missing;
        const QList<QWidget *> widgets = w->findChildren<QWidget *>();
        const auto isControl = [](QWidget *c) {
            return qobject_cast<QAbstractButton *>(c) || qobject_cast<QLineEdit *>(c) ||
                   qobject_cast<QComboBox *>(c) || qobject_cast<QAbstractSpinBox *>(c) ||
                   qobject_cast<QPlainTextEdit *>(c) || qobject_cast<QAbstractItemView *>(c);
        };
        for (QWidget *c : widgets) {
            // Qt's own parts of composite widgets (a spin box's line edit, a
            // view's headers and corner, a line edit's clear button, a tab
            // bar's scroll buttons) are named through their owner.
            QWidget *owner = c->parentWidget();
            if (!isControl(c) || c->objectName().startsWith(QLatin1String("qt_")) ||
                qobject_cast<QHeaderView *>(c) || qobject_cast<QTabBar *>(owner) ||
                (owner && (isControl(owner) || isControl(owner->parentWidget()))))
                continue;
            QString name = c->accessibleName().isEmpty() && qobject_cast<QAbstractButton *>(c)
                               ? qobject_cast<QAbstractButton *>(c)->text()
                               : c->accessibleName();
            if (name.remove(QLatin1Char('&')).trimmed().isEmpty())
                missing << QStringLiteral("%1 %2 (no accessible name)")
                               .arg(QString::fromLatin1(c->metaObject()->className()),
                                    c->objectName());
            if (qobject_cast<QAbstractButton *>(c) && c->toolTip().isEmpty())
                missing << QStringLiteral("%1 %2 (no tooltip)")
                               .arg(QString::fromLatin1(c->metaObject()->className()),
                                    c->objectName());
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
        int actions = 0;
        for (QAction *a : w->findChildren<QAction *>()) {
            if (a->isSeparator() || a->text().isEmpty() || a->menu())
                continue; // a menu's own title needs no tip
            ++actions;
            // QAction's tooltip falls back to its text: a tip must say more.
            const QString text = a->text().remove(QLatin1Char('&')).remove(QStringLiteral("…"));
            if (a->toolTip().remove(QLatin1Char('&')).remove(QStringLiteral("…")).trimmed() ==
                text.trimmed())
                missing << a->text();
        }
        QVERIFY(actions > 10);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    }

    void screenshots()
    {
        const QString outDir =
            QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("screenshots"));
        QVERIFY(QDir().mkpath(outDir));
        auto shoot = [&](const QString &name) {
            QTest::qWait(100);
            QVERIFY(m_window->grab().save(QDir(outDir).filePath(name)));
        };
        MainWindow *w = openWindow(
            {localTarget(QStringLiteral("local")), localTarget(QStringLiteral("local:app1")),
             localTarget(QStringLiteral("local:app2")),
             localTarget(QStringLiteral("local:db1"),
                         {QStringLiteral("echo db is different; echo "
                                         "'\033[33mwarning\033[0m' >&2; exit 1")})});
        typeCommand(QStringLiteral("echo checking; sleep 1; uname -s"));
        shoot(QStringLiteral("idle.png"));
        QSignalSpy finished(w, &MainWindow::runFinished);
        clickRun();
        QTRY_VERIFY(w->paneFor(QStringLiteral("local:app1")));
        QTest::qWait(300);
        shoot(QStringLiteral("running.png"));
        QVERIFY(waitFinished(finished));
        auto *tabs = child<QTabWidget>(w, QStringLiteral("outputTabs"));
        tabs->setCurrentIndex(tabIndexOf(tabs, QStringLiteral("local:db1")));
        shoot(QStringLiteral("finished-with-failures.png"));
        tabs->setCurrentIndex(0);
        auto *tree = child<QTreeView>(w, QStringLiteral("groupTree"));
        tree->setCurrentIndex(w->groupModel()->index(1, 0, w->groupModel()->index(1, 0)));
        shoot(QStringLiteral("summary-grouped.png"));
        tabs->setCurrentIndex(1);
        shoot(QStringLiteral("timeline.png"));
        qInfo("screenshots in %s", qPrintable(outDir));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
