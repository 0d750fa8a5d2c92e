// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/run.h"
#include "inventory/target.h"
#include "report/gather.h"
#include "savedrun.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QMainWindow>
#include <QPointer>
#include <QThreadPool>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QStandardItemModel;
class QTabWidget;
class QThread;
class QTableView;
class QTimer;
class QTreeView;

namespace volley {

class CommandBar;
class GuiCredentialProvider;
class HistoryModel;
class OutputPane;
class RunJournal;
class SummaryModel;
class TargetModel;
class TimelineWidget;

/// The Volley window: targets on the left, the command bar on top, a Summary
/// tab, a Timeline tab and one output tab per target, progress in the status
/// bar; the Concurrency Lab as a second page. It drives a Run and only ever
/// reacts to its batched updates: the GUI thread never waits on I/O.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void setTargets(const QList<Target> &targets);
    /// Checks exactly the targets called names (others unchecked).
    void checkOnly(const QStringList &names);
    void setCommandText(const QString &text);
    void setFanout(int fanout);

    /// Runs the command bar's commands on the checked targets. Returns false
    /// (and says why in the status bar) when there is nothing to run. A
    /// destructive command going to more than 10 targets asks first; the run
    /// then starts when the user confirms.
    bool startRun();
    /// Runs on exactly these targets (indexes in the target model).
    bool runOn(const QList<int> &targets, const QStringList &commands);

    bool isRunning() const;
    /// volley-cli's exit status for the last run (0, 1, 3, 130), -1 before any.
    int lastExitCode() const { return m_lastExitCode; }
    Run *currentRun() const { return m_run; }

    /// The run shown, in the schema of `volley-cli run --json`.
    QJsonObject runJson() const;
    bool exportJson(const QString &path, QString *error);
    /// Writes the JSON off the GUI thread (a large run is hundreds of
    /// megabytes of text); jsonExported() tells how it went.
    void exportJsonInBackground(const QString &path);
    bool exportCsv(const QString &path, QString *error);
    bool exportFolder(const QString &dir, QString *error);
    /// Shows a saved run (JSON export or run journal) in place of the current one.
    bool openRun(const QString &path, QString *error);
    /// The journal of the current run (every run writes one), empty if none.
    QString journalPath() const { return m_journalPath; }

    void showLabPage();
    void showRunPage();

    TargetModel *targetModel() const { return m_targetModel; }
    SummaryModel *summaryModel() const { return m_summaryModel; }
    HistoryModel *historyModel() const { return m_historyModel; }
    QStandardItemModel *groupModel() const { return m_groupModel; }
    GuiCredentialProvider *credentials() const { return m_credentials; }
    TimelineWidget *runTimeline() const { return m_timeline; }
    OutputPane *paneFor(const QString &target) const;
    /// Output bytes handed to panes (for --stall-report).
    qint64 bytesShown() const { return m_bytesShown; }

signals:
    void runStarted();
    /// The run ended and the window shows its final state (groups included).
    void runFinished(int exitCode);
    /// exportJsonInBackground() is done; error is empty on success.
    void jsonExported(const QString &path, const QString &error);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct TargetView
    {
        QPointer<OutputPane> pane;
        QByteArray firstBytes; // up to the first newline, for the summary
        bool firstLineDone = false;
        bool noted = false; // the finish note was written
        // What the tab shows now: setting a tab's text or icon lays out the
        // whole tab bar, so it is done only when something changed.
        QString tabText;
        QString tabTip;
        int tabStatus = -1;
    };

    void buildActions();
    void buildMenus();
    void buildRunPage();
    void buildStatusBar();
    QWidget *buildTargetsPanel();
    QWidget *buildSummaryTab();
    void loadSettings();
    void saveSettings() const;

    void updateRunAction();
    void clearRunView();
    void beginRun(const QList<int> &targets, const QStringList &commands);
    void onRunUpdated(const RunUpdate &update);
    void onRunFinished();
    void refreshTarget(int runIndex);
    void setTargetStatus(int modelRow, Status status);
    void updateProgress();
    void updateTimeline();
    void updateTab(int runIndex, Status status, const TargetResult *result);
    OutputPane *ensurePane(int runIndex, const QString &name);
    void noteFinished(int runIndex, const TargetResult &r);
    void startFinishJob();
    void startJournal();
    void endJournal();
    void stopJournal();
    void addToHistory(bool finished);
    void showGroups(const QList<OutputGroup> &groups);
    void showDiff(int runIndex);
    QByteArray outputOf(int runIndex, qint64 limit) const;
    QString runTargetName(int runIndex) const;
    int runTargetCount() const;
    TargetResult runResult(int runIndex) const;
    void retryFailed();
    void rerun();
    void cancelRun();
    void notifyFinished();
    void saveTargetOutput(const QString &target);
    void exportDialog();
    void openRunDialog();
    void showHostContextMenu(const QPoint &pos);
    void addTargetDialog();
    void editTargetDialog(int index);
    void removeTarget(int index);
    void showSettingsDialog();
    void openTargetTab(const QString &name);
    void waitForFinishJob();
    void setStatusMessage(const QString &text);

    // Models and engine.
    TargetModel *m_targetModel = nullptr;
    QSortFilterProxyModel *m_targetProxy = nullptr;
    SummaryModel *m_summaryModel = nullptr;
    QSortFilterProxyModel *m_summaryProxy = nullptr;
    QStandardItemModel *m_groupModel = nullptr;
    HistoryModel *m_historyModel = nullptr;
    GuiCredentialProvider *m_credentials = nullptr;
    QPointer<Run> m_run;
    std::optional<SavedRun> m_saved;
    QJsonObject m_savedJson;
    QList<int> m_runToModel; // run index -> target model index (-1: not in the model)
    QList<TargetView> m_views;
    QStringList m_lastCommands;
    QList<int> m_lastTargets;
    int m_lastExitCode = -1;
    qint64 m_bytesShown = 0;
    int m_scrollbackLines = 10000;
    // Every run writes a journal (targets as they finish) on its own thread:
    // turning a finished target's output into JSON is too slow for the GUI's.
    RunJournal *m_journal = nullptr;
    QThread *m_journalThread = nullptr;
    bool m_journalEnding = false;
    QString m_journalPath;
    QList<OutputGroup> m_groups;

    // Background work (grouping output at the end of a run, exports) reads
    // the run's stores: it must end before the run is deleted.
    struct FinishResult
    {
        QList<OutputGroup> groups;
    };
    QThreadPool m_finishPool;
    QFuture<FinishResult> m_finishFuture;
    QFutureWatcher<FinishResult> m_finishWatcher;

    // Widgets.
    QStackedWidget *m_pages = nullptr;
    QWidget *m_runPage = nullptr;
    QWidget *m_labPage = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_summarySplitter = nullptr;
    QTabWidget *m_sideTabs = nullptr;
    QLineEdit *m_hostFilter = nullptr;
    QTreeView *m_hostTree = nullptr;
    int m_statusColumnWidth = 0; // grows to the widest status shown so far
    CommandBar *m_commandBar = nullptr;
    QTabWidget *m_outputTabs = nullptr;
    QWidget *m_summaryTab = nullptr;
    QWidget *m_timelineTab = nullptr;
    TimelineWidget *m_timeline = nullptr;
    QTableView *m_summaryTable = nullptr;
    QTreeView *m_groupTree = nullptr;
    QPlainTextEdit *m_diffLeft = nullptr;
    QPlainTextEdit *m_diffRight = nullptr;
    QLabel *m_diffLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_countsLabel = nullptr;
    QLabel *m_elapsedLabel = nullptr;
    QTimer *m_clock = nullptr;

    // Actions.
    QAction *m_runAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_retryAction = nullptr;
    QAction *m_rerunAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_nextTabAction = nullptr;
    QAction *m_prevTabAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_runPageAction = nullptr;
    QAction *m_labPageAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_addTargetAction = nullptr;
    QAction *m_quitAction = nullptr;
};

} // namespace volley
