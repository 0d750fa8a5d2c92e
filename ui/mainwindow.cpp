// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "commandbar.h"
#include "guicredentialprovider.h"
#include "historymodel.h"
#include "inventory/hostpattern.h"
#include "lab/labpage.h"
#include "lab/timelinewidget.h"
#include "outputpane.h"
#include "report/runjournal.h"
#include "report/runjson.h"
#include "ssh/knownhosts.h"
#include "statusicons.h"
#include "summarymodel.h"
#include "targetdialog.h"
#include "targetmodel.h"
#include "term/ansiparser.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFontDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabBar>
#include <QTableView>
#include <QTabWidget>
#include <QtConcurrent/QtConcurrentRun>
#include <QTextBlock>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace volley {

namespace {

// Tabs before the per-target ones.
constexpr int kTextMargin = 4; // px around a cell's icon and text
constexpr int kSummaryTabIndex = 0;
constexpr int kFixedTabs = 2;
// A destructive command going to more targets than this asks first.
constexpr int kConfirmAbove = 10;
constexpr qint64 kDiffLimitBytes = 512 * 1024;
constexpr int kDiffMaxLines = 2000;
constexpr int kGroupRunIndexRole = Qt::UserRole + 1;

QAction *makeAction(QObject *parent, const QString &objectName, const QString &text,
                    const QString &tip, const QList<QKeySequence> &keys = {})
{
    auto *a = new QAction(text, parent);
    a->setObjectName(objectName);
    a->setToolTip(tip);
    a->setStatusTip(tip);
    a->setShortcuts(keys);
    // Accessible tools read the text; the tooltip is the longer description.
    a->setWhatsThis(tip);
    return a;
}

// The command result that decided the target's exit code: the last one that
// ran to an exit or a signal.
const CommandResult *decidingCommand(const TargetResult &r)
{
    for (auto it = r.commands.crbegin(); it != r.commands.crend(); ++it) {
        if (it->exitCode || !it->signal.isEmpty())
            return &*it;
    }
    return nullptr;
}

QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) &&
        !s.contains(QLatin1Char('\n')))
        return s;
    return QLatin1Char('"') + QString(s).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}

QString safeFileName(const QString &name)
{
    QString s = name;
    s.replace(QLatin1Char('/'), QLatin1Char('_'));
    if (s.startsWith(QLatin1Char('.')))
        s.prepend(QLatin1Char('_'));
    return s;
}

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        *error = QCoreApplication::translate("volley::MainWindow", "cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), f.errorString());
        return false;
    }
    return true;
}

// runToJson(), written one target at a time: the whole document of a large
// run is hundreds of megabytes as QJsonObject and again as text. The fields
// around "targets" are runToJson()'s (a test compares the two).
bool writeRunJson(const Run &run, const QString &path, QString *error)
{
    QJsonObject head;
    head[QStringLiteral("tool")] = QStringLiteral("volley");
    head[QStringLiteral("version")] = QStringLiteral(VOLLEY_VERSION);
    head[QStringLiteral("started_at")] = run.startedAt().toString(Qt::ISODateWithMs);
    head[QStringLiteral("duration_ms")] = run.elapsedMs();
    head[QStringLiteral("fanout")] = run.spec().fanout;
    head[QStringLiteral("commands")] = QJsonArray::fromStringList(run.spec().commands);
    QJsonObject summary;
    summary[QStringLiteral("targets")] = run.targetCount();
    for (Status s : kFinalStatuses)
        summary[statusName(s)] = run.countWithStatus(s);
    head[QStringLiteral("summary")] = summary;
    head[QStringLiteral("targets")] = QJsonArray();
    const QByteArray text = QJsonDocument(head).toJson(QJsonDocument::Compact);
    // Keys are sorted, so the summary's "targets" (a number) is not this one.
    const QByteArray marker = "\"targets\":[]";
    const qsizetype at = text.indexOf(marker);
    QSaveFile f(path);
    bool ok = at >= 0 && f.open(QIODevice::WriteOnly);
    if (ok)
        ok = f.write(text.left(at + marker.size() - 1)) >= 0;
    for (int i = 0; ok && i < run.targetCount(); ++i) {
        if (i > 0)
            ok = f.write(",", 1) == 1;
        ok = ok && f.write(QJsonDocument(targetToJson(run, i)).toJson(QJsonDocument::Compact)) >= 0;
    }
    ok = ok && f.write(text.mid(at + marker.size() - 1)) >= 0 && f.write("\n", 1) == 1;
    if (!ok || !f.commit()) {
        *error = QCoreApplication::translate("volley::MainWindow", "cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), f.errorString());
        return false;
    }
    return true;
}

// Line diff (longest common subsequence) for the side-by-side view; inputs
// are capped so the table stays small.
struct DiffLine
{
    QString left;
    QString right;
    enum Kind { Same, LeftOnly, RightOnly } kind;
};

QList<DiffLine> diffLines(const QStringList &a, const QStringList &b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[size_t(i)][size_t(j)] = a[i] == b[j] ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                                                     : std::max(lcs[size_t(i + 1)][size_t(j)],
                                                                lcs[size_t(i)][size_t(j + 1)]);
    QList<DiffLine> out;
    qsizetype i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            out.append({a[i], b[j], DiffLine::Same});
            ++i;
            ++j;
        } else if (j < m &&
                   (i == n || lcs[size_t(i)][size_t(j + 1)] > lcs[size_t(i + 1)][size_t(j)])) {
            out.append({QString(), b[j], DiffLine::RightOnly});
            ++j;
        } else {
            out.append({a[i], QString(), DiffLine::LeftOnly});
            ++i;
        }
    }
    return out;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_targetModel(new TargetModel(this))
    , m_summaryModel(new SummaryModel(this))
    , m_groupModel(new QStandardItemModel(this))
    , m_historyModel(new HistoryModel(this))
    , m_credentials(new GuiCredentialProvider(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Volley"));
    m_finishPool.setMaxThreadCount(1);
    connect(&m_finishWatcher, &QFutureWatcherBase::finished, this, [this] {
        if (!m_finishFuture.isValid() || m_finishFuture.isCanceled())
            return;
        const FinishResult r = m_finishFuture.result();
        // A newer run (or a reopened one) replaced the one this job was for.
        if (!m_run || m_run->property("generation") != m_finishWatcher.property("generation"))
            return;
        m_groups = r.groups;
        showGroups(r.groups);
        addToHistory(true);
        emit runFinished(m_lastExitCode);
    });

    buildActions();
    buildRunPage();
    buildMenus();
    buildStatusBar();

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->addWidget(m_runPage);
    auto *labPage = new LabPage(this);
    labPage->setObjectName(QStringLiteral("labPage"));
    m_labPage = labPage;
    m_pages->addWidget(m_labPage);
    setCentralWidget(m_pages);

    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->toggleViewAction()->setToolTip(tr("Show or hide the page switcher and file actions"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(m_runPageAction);
    toolbar->addAction(m_labPageAction);
    toolbar->addSeparator();
    toolbar->addAction(m_openAction);
    toolbar->addAction(m_exportAction);
    toolbar->addAction(m_settingsAction);

    resize(1200, 760);
    loadSettings();
    updateRunAction();
}

MainWindow::~MainWindow()
{
    // Order matters: the finishing job reads the run; the run's workers may be
    // waiting in the credential provider, which the run's destructor cancels.
    waitForFinishJob();
    stopJournal();
    delete m_run;
}

// ---- construction ------------------------------------------------------------

void MainWindow::buildActions()
{
    m_runAction = makeAction(
        this, QStringLiteral("runAction"), tr("Run"),
        tr("Run the command on the checked targets (Ctrl+Enter)"),
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    connect(m_runAction, &QAction::triggered, this, [this] { startRun(); });

    m_cancelAction = makeAction(this, QStringLiteral("cancelAction"), tr("Cancel"),
                                tr("Cancel the run: stop every target still running (Esc)"),
                                {QKeySequence(Qt::Key_Escape)});
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancelRun);

    m_retryAction = makeAction(this, QStringLiteral("retryFailedAction"), tr("Retry failed"),
                               tr("Run the same command again on the targets that did not end ok"));
    connect(m_retryAction, &QAction::triggered, this, &MainWindow::retryFailed);

    m_rerunAction = makeAction(this, QStringLiteral("rerunAction"), tr("Run again"),
                               tr("Run the last command again on the same targets (F5)"),
                               {QKeySequence(Qt::Key_F5)});
    connect(m_rerunAction, &QAction::triggered, this, &MainWindow::rerun);

    m_findAction = makeAction(this, QStringLiteral("findInOutputAction"), tr("Find…"),
                              tr("Find text in the output shown (Ctrl+F)"), {QKeySequence::Find});
    connect(m_findAction, &QAction::triggered, this, [this] {
        if (auto *pane = qobject_cast<OutputPane *>(m_outputTabs->currentWidget()))
            pane->showFind();
    });

    m_nextTabAction = makeAction(this, QStringLiteral("nextTabAction"), tr("Next tab"),
                                 tr("Show the next output tab (Ctrl+Tab)"),
                                 {QKeySequence(Qt::CTRL | Qt::Key_Tab)});
    connect(m_nextTabAction, &QAction::triggered, this, [this] {
        if (m_outputTabs->count() > 0)
            m_outputTabs->setCurrentIndex((m_outputTabs->currentIndex() + 1) %
                                          m_outputTabs->count());
    });
    m_prevTabAction = makeAction(this, QStringLiteral("previousTabAction"), tr("Previous tab"),
                                 tr("Show the previous output tab (Ctrl+Shift+Tab)"),
                                 {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab),
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab)});
    connect(m_prevTabAction, &QAction::triggered, this, [this] {
        const int n = m_outputTabs->count();
        if (n > 0)
            m_outputTabs->setCurrentIndex((m_outputTabs->currentIndex() + n - 1) % n);
    });

    m_exportAction = makeAction(this, QStringLiteral("exportAction"), tr("Export…"),
                                tr("Save the run shown as JSON (volley-cli's schema) or CSV"),
                                {QKeySequence::Save});
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportDialog);

    m_openAction = makeAction(this, QStringLiteral("openRunAction"), tr("Open run…"),
                              tr("Show a run saved as JSON"), {QKeySequence::Open});
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openRunDialog);

    m_runPageAction = makeAction(this, QStringLiteral("runPageAction"), tr("Runs"),
                                 tr("Show targets, commands and output (Ctrl+1)"),
                                 {QKeySequence(Qt::CTRL | Qt::Key_1)});
    m_runPageAction->setCheckable(true);
    m_runPageAction->setChecked(true);
    connect(m_runPageAction, &QAction::triggered, this, &MainWindow::showRunPage);
    m_labPageAction =
        makeAction(this, QStringLiteral("labPageAction"), tr("Concurrency Lab"),
                   tr("Show the Concurrency Lab (Ctrl+2)"), {QKeySequence(Qt::CTRL | Qt::Key_2)});
    m_labPageAction->setCheckable(true);
    connect(m_labPageAction, &QAction::triggered, this, &MainWindow::showLabPage);

    m_settingsAction = makeAction(this, QStringLiteral("settingsAction"), tr("Settings…"),
                                  tr("Output font, scrollback size and connection timeout"));
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettingsDialog);

    m_addTargetAction = makeAction(this, QStringLiteral("addTargetAction"), tr("Add target…"),
                                   tr("Add an SSH host or the local machine to the list"),
                                   {QKeySequence(Qt::CTRL | Qt::Key_N)});
    connect(m_addTargetAction, &QAction::triggered, this, &MainWindow::addTargetDialog);

    m_quitAction = makeAction(this, QStringLiteral("quitAction"), tr("Quit"), tr("Close Volley"),
                              {QKeySequence::Quit});
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    for (QAction *a :
         {m_runAction, m_cancelAction, m_retryAction, m_rerunAction, m_findAction, m_nextTabAction,
          m_prevTabAction, m_exportAction, m_openAction, m_runPageAction, m_labPageAction,
          m_settingsAction, m_addTargetAction, m_quitAction})
        addAction(a); // shortcuts work wherever the focus is in the window
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    file->addAction(m_exportAction);
    QAction *exportFolderAction = file->addAction(tr("Export outputs to folder…"));
    exportFolderAction->setObjectName(QStringLiteral("exportFolderAction"));
    exportFolderAction->setToolTip(
        tr("Write every target's exact output bytes to files in a folder"));
    connect(exportFolderAction, &QAction::triggered, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export outputs to"));
        QString error;
        if (!dir.isEmpty() && !exportFolder(dir, &error))
            QMessageBox::warning(this, tr("Export failed"), error);
    });
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_runAction);
    run->addAction(m_cancelAction);
    run->addAction(m_retryAction);
    run->addAction(m_rerunAction);

    QMenu *targets = menuBar()->addMenu(tr("&Targets"));
    targets->addAction(m_addTargetAction);
    QAction *all =
        targets->addAction(tr("Check all"), this, [this] { m_targetModel->setAllChecked(true); });
    all->setToolTip(tr("Check every target"));
    QAction *none =
        targets->addAction(tr("Check none"), this, [this] { m_targetModel->setAllChecked(false); });
    none->setToolTip(tr("Uncheck every target"));
    QAction *failed =
        targets->addAction(tr("Check failed"), this, [this] { m_targetModel->checkFailed(); });
    failed->setToolTip(tr("Check the targets whose last run did not end ok"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_runPageAction);
    view->addAction(m_labPageAction);
    view->addSeparator();
    view->addAction(m_nextTabAction);
    view->addAction(m_prevTabAction);
    view->addAction(m_findAction);
}

QWidget *MainWindow::buildTargetsPanel()
{
    auto *panel = new QWidget(this);
    panel->setObjectName(QStringLiteral("targetsPanel"));
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 4, 4, 4);

    m_hostFilter = new QLineEdit(panel);
    m_hostFilter->setObjectName(QStringLiteral("hostFilter"));
    m_hostFilter->setPlaceholderText(tr("Filter: name, group, tag or status"));
    m_hostFilter->setAccessibleName(tr("Filter targets"));
    m_hostFilter->setClearButtonEnabled(true);
    layout->addWidget(m_hostFilter);

    m_targetProxy = new QSortFilterProxyModel(this);
    m_targetProxy->setSourceModel(m_targetModel);
    m_targetProxy->setFilterRole(TargetModel::SearchTextRole);
    m_targetProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_targetProxy->setRecursiveFilteringEnabled(true);
    m_targetProxy->setSortRole(TargetModel::RawRole);
    connect(m_hostFilter, &QLineEdit::textChanged, m_targetProxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_hostTree = new QTreeView(panel);
    m_hostTree->setObjectName(QStringLiteral("hostTree"));
    m_hostTree->setAccessibleName(tr("Targets"));
    m_hostTree->setModel(m_targetProxy);
    m_hostTree->setUniformRowHeights(true); // fast at 1,000 targets
    m_hostTree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_hostTree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_hostTree->setSortingEnabled(false);
    // The name shows in full and the status column fits its longest word; the
    // address takes what is left. Widths are set when targets come and go, not
    // by ResizeToContents, which measures up to 1,000 rows on every status
    // change of a running fleet.
    QHeaderView *header = m_hostTree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(TargetModel::NameColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(TargetModel::AddressColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(TargetModel::StatusColumn, QHeaderView::Fixed);
    m_statusColumnWidth =
        header->fontMetrics().horizontalAdvance(
            m_targetModel->headerData(TargetModel::StatusColumn, Qt::Horizontal).toString()) +
        4 * kTextMargin;
    header->resizeSection(TargetModel::StatusColumn, m_statusColumnWidth);
    auto fitNames = [this] { m_hostTree->resizeColumnToContents(TargetModel::NameColumn); };
    // Queued: after the tree has expanded the new rows (only shown rows are measured).
    connect(m_targetModel, &QAbstractItemModel::modelReset, this, fitNames, Qt::QueuedConnection);
    connect(m_targetModel, &QAbstractItemModel::rowsInserted, this, fitNames, Qt::QueuedConnection);
    connect(m_targetModel, &QAbstractItemModel::layoutChanged, this, fitNames,
            Qt::QueuedConnection);
    connect(m_hostTree, &QTreeView::expanded, this, fitNames); // rows shown only now
    connect(m_hostTree, &QTreeView::customContextMenuRequested, this,
            &MainWindow::showHostContextMenu);
    connect(m_hostTree, &QTreeView::doubleClicked, this, [this](const QModelIndex &idx) {
        const int t = idx.data(TargetModel::TargetIndexRole).toInt();
        if (t >= 0)
            openTargetTab(m_targetModel->target(t).name);
    });
    connect(m_targetModel, &QAbstractItemModel::modelReset, m_hostTree, &QTreeView::expandAll);
    layout->addWidget(m_hostTree, 1);

    auto *buttons = new QHBoxLayout;
    auto addButton = [&](const QString &name, const QString &text, const QString &tip, auto slot) {
        auto *b = new QToolButton(panel);
        b->setObjectName(name);
        b->setText(text);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        connect(b, &QToolButton::clicked, this, slot);
        buttons->addWidget(b);
        return b;
    };
    addButton(QStringLiteral("selectAllButton"), tr("All"), tr("Check every target"),
              [this] { m_targetModel->setAllChecked(true); });
    addButton(QStringLiteral("selectNoneButton"), tr("None"), tr("Uncheck every target"),
              [this] { m_targetModel->setAllChecked(false); });
    addButton(QStringLiteral("selectFailedButton"), tr("Failed"),
              tr("Check only the targets whose last run did not end ok"),
              [this] { m_targetModel->checkFailed(); });
    buttons->addStretch(1);
    auto *add = new QToolButton(panel);
    add->setObjectName(QStringLiteral("addTargetButton"));
    add->setDefaultAction(m_addTargetAction);
    buttons->addWidget(add);
    layout->addLayout(buttons);

    connect(m_targetModel, &TargetModel::checkedCountChanged, this, &MainWindow::updateRunAction);
    return panel;
}

QWidget *MainWindow::buildSummaryTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("summaryTab"));
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summarySplitter = new QSplitter(Qt::Vertical, tab);
    m_summarySplitter->setObjectName(QStringLiteral("summarySplitter"));

    m_summaryProxy = new QSortFilterProxyModel(this);
    m_summaryProxy->setSourceModel(m_summaryModel);
    m_summaryProxy->setSortRole(SummaryModel::RawRole);
    m_summaryTable = new QTableView(m_summarySplitter);
    m_summaryTable->setObjectName(QStringLiteral("summaryTable"));
    m_summaryTable->setAccessibleName(tr("Summary of the run"));
    m_summaryTable->setModel(m_summaryProxy);
    m_summaryTable->setSortingEnabled(true);
    m_summaryTable->sortByColumn(-1, Qt::AscendingOrder); // run order until the user sorts
    m_summaryTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_summaryTable->verticalHeader()->hide();
    m_summaryTable->verticalHeader()->setDefaultSectionSize(m_summaryTable->fontMetrics().height() +
                                                            6);
    m_summaryTable->horizontalHeader()->setStretchLastSection(true);
    m_summaryTable->setWordWrap(false);
    connect(m_summaryTable, &QTableView::doubleClicked, this, [this](const QModelIndex &idx) {
        openTargetTab(idx.siblingAtColumn(SummaryModel::TargetColumn).data().toString());
    });

    auto *grouped = new QSplitter(Qt::Horizontal, m_summarySplitter);
    grouped->setObjectName(QStringLiteral("groupSplitter"));
    m_groupTree = new QTreeView(grouped);
    m_groupTree->setObjectName(QStringLiteral("groupTree"));
    m_groupTree->setAccessibleName(tr("Targets grouped by identical output"));
    m_groupTree->setModel(m_groupModel);
    m_groupTree->setHeaderHidden(true);
    m_groupTree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_groupTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const QVariant v = current.data(kGroupRunIndexRole);
                if (v.isValid())
                    showDiff(v.toInt());
            });

    auto *diff = new QWidget(grouped);
    diff->setObjectName(QStringLiteral("diffView"));
    auto *diffLayout = new QVBoxLayout(diff);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    m_diffLabel = new QLabel(tr("Select a target in a group that differs to compare it with the "
                                "majority."),
                             diff);
    m_diffLabel->setObjectName(QStringLiteral("diffLabel"));
    m_diffLabel->setWordWrap(true);
    diffLayout->addWidget(m_diffLabel);
    auto *sides = new QSplitter(Qt::Horizontal, diff);
    m_diffLeft = new QPlainTextEdit(sides);
    m_diffLeft->setObjectName(QStringLiteral("diffMajority"));
    m_diffLeft->setAccessibleName(tr("Output of the majority"));
    m_diffRight = new QPlainTextEdit(sides);
    m_diffRight->setObjectName(QStringLiteral("diffTarget"));
    m_diffRight->setAccessibleName(tr("Output of the selected target"));
    for (QPlainTextEdit *e : {m_diffLeft, m_diffRight}) {
        e->setReadOnly(true);
        e->setLineWrapMode(QPlainTextEdit::NoWrap);
        e->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    }
    // Scroll both sides together.
    connect(m_diffLeft->verticalScrollBar(), &QScrollBar::valueChanged,
            m_diffRight->verticalScrollBar(), &QScrollBar::setValue);
    connect(m_diffRight->verticalScrollBar(), &QScrollBar::valueChanged,
            m_diffLeft->verticalScrollBar(), &QScrollBar::setValue);
    diffLayout->addWidget(sides, 1);
    grouped->setStretchFactor(1, 2);

    m_summarySplitter->setStretchFactor(0, 3);
    m_summarySplitter->setStretchFactor(1, 2);
    layout->addWidget(m_summarySplitter);
    return tab;
}

void MainWindow::buildRunPage()
{
    m_runPage = new QWidget(this);
    m_runPage->setObjectName(QStringLiteral("runPage"));
    auto *layout = new QVBoxLayout(m_runPage);
    layout->setContentsMargins(0, 0, 0, 0);

    m_mainSplitter = new QSplitter(Qt::Horizontal, m_runPage);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));

    m_sideTabs = new QTabWidget(m_mainSplitter);
    m_sideTabs->setObjectName(QStringLiteral("sideTabs"));
    m_sideTabs->addTab(buildTargetsPanel(), tr("Targets"));
    auto *history = new QTreeView(m_sideTabs);
    history->setObjectName(QStringLiteral("historyView"));
    history->setAccessibleName(tr("Run history"));
    history->setRootIsDecorated(false);
    history->setModel(m_historyModel);
    history->setToolTip(tr("Double-click a run to show it again"));
    connect(history, &QTreeView::doubleClicked, this, [this](const QModelIndex &idx) {
        const QString path = idx.data(HistoryModel::PathRole).toString();
        QString error;
        if (path.isEmpty())
            setStatusMessage(tr("This run was not kept; only its counts are known."));
        else if (!openRun(path, &error))
            QMessageBox::warning(this, tr("Cannot open run"), error);
    });
    m_sideTabs->addTab(history, tr("History"));

    auto *right = new QWidget(m_mainSplitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_commandBar = new CommandBar(right);
    m_commandBar->setActions(m_runAction, m_cancelAction, m_retryAction);
    connect(m_commandBar, &CommandBar::commandChanged, this, &MainWindow::updateRunAction);
    rightLayout->addWidget(m_commandBar);

    m_outputTabs = new QTabWidget(right);
    m_outputTabs->setObjectName(QStringLiteral("outputTabs"));
    m_outputTabs->setDocumentMode(true);
    m_outputTabs->setUsesScrollButtons(true);
    m_outputTabs->setElideMode(Qt::ElideNone); // names matter more than fitting
    m_outputTabs->setMovable(false);
    m_summaryTab = buildSummaryTab();
    m_outputTabs->addTab(m_summaryTab, tr("Summary"));
    // The Lab's timeline widget, one row per pool worker: fanout, slow
    // handshakes and stragglers show at a glance.
    m_timeline = new TimelineWidget(right);
    m_timeline->setObjectName(QStringLiteral("runTimeline"));
    m_timeline->setAccessibleName(tr("Run timeline"));
    m_timelineTab = m_timeline;
    m_outputTabs->addTab(m_timelineTab, tr("Timeline"));
    connect(m_outputTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_outputTabs->widget(index) == m_timelineTab)
            updateTimeline();
    });
    m_outputTabs->tabBar()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_outputTabs->tabBar(), &QWidget::customContextMenuRequested, this,
            [this](const QPoint &pos) {
                const int tab = m_outputTabs->tabBar()->tabAt(pos);
                auto *pane = qobject_cast<OutputPane *>(m_outputTabs->widget(tab));
                if (!pane || !m_run)
                    return;
                int runIndex = -1;
                for (int i = 0; i < m_views.size(); ++i)
                    if (m_views.at(i).pane == pane)
                        runIndex = i;
                QMenu menu;
                QAction *cancel = menu.addAction(tr("Cancel this target"));
                cancel->setEnabled(runIndex >= 0 && !isFinal(m_run->result(runIndex).status));
                QAction *save = menu.addAction(tr("Save output…"));
                QAction *chosen = menu.exec(m_outputTabs->tabBar()->mapToGlobal(pos));
                if (chosen == cancel && m_run)
                    m_run->cancelTarget(runIndex);
                else if (chosen == save)
                    saveTargetOutput(pane->target());
            });
    rightLayout->addWidget(m_outputTabs, 1);

    m_mainSplitter->addWidget(m_sideTabs);
    m_mainSplitter->addWidget(right);
    m_mainSplitter->setStretchFactor(0, 1);
    m_mainSplitter->setStretchFactor(1, 3);
    m_mainSplitter->setSizes({320, 880});
    layout->addWidget(m_mainSplitter);
}

void MainWindow::buildStatusBar()
{
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setAccessibleName(tr("Run progress"));
    m_progress->setMaximumWidth(240);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v / %m done"));
    m_progress->setVisible(false); // shown once there is a run to count
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    m_elapsedLabel = new QLabel(this);
    m_elapsedLabel->setObjectName(QStringLiteral("elapsedLabel"));
    statusBar()->addPermanentWidget(m_countsLabel);
    statusBar()->addPermanentWidget(m_elapsedLabel);
    statusBar()->addPermanentWidget(m_progress);
    m_clock = new QTimer(this);
    m_clock->setInterval(250);
    connect(m_clock, &QTimer::timeout, this, &MainWindow::updateProgress);
}

// ---- settings ------------------------------------------------------------------

void MainWindow::loadSettings()
{
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    m_mainSplitter->restoreState(s.value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_summarySplitter->restoreState(
        s.value(QStringLiteral("window/summarySplitter")).toByteArray());
    m_commandBar->setFanout(s.value(QStringLiteral("run/fanout"), 32).toInt());
    m_commandBar->setTimeoutSec(s.value(QStringLiteral("run/timeout"), 0).toInt());
    HostKeyPolicy policy = HostKeyPolicy::Strict;
    hostKeyPolicyFromName(s.value(QStringLiteral("run/hostKeyPolicy")).toString(), &policy);
    m_commandBar->setHostKeyPolicy(policy);
    m_scrollbackLines = s.value(QStringLiteral("output/scrollbackLines"), 10000).toInt();
    m_commandBar->setHistory(s.value(QStringLiteral("commands/history")).toStringList());
    QList<std::pair<QString, QString>> snippets;
    const QVariantList list = s.value(QStringLiteral("commands/snippets")).toList();
    for (const QVariant &v : list) {
        const QVariantMap m = v.toMap();
        snippets.append({m.value(QStringLiteral("name")).toString(),
                         m.value(QStringLiteral("command")).toString()});
    }
    m_commandBar->setSnippets(snippets);
    m_historyModel->setFromVariant(s.value(QStringLiteral("runs/history")).toList());
}

void MainWindow::saveSettings() const
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    s.setValue(QStringLiteral("window/summarySplitter"), m_summarySplitter->saveState());
    s.setValue(QStringLiteral("run/fanout"), m_commandBar->fanout());
    s.setValue(QStringLiteral("run/timeout"), m_commandBar->timeoutSec());
    s.setValue(QStringLiteral("run/hostKeyPolicy"),
               hostKeyPolicyName(m_commandBar->hostKeyPolicy()));
    s.setValue(QStringLiteral("output/scrollbackLines"), m_scrollbackLines);
    s.setValue(QStringLiteral("commands/history"), m_commandBar->history());
    QVariantList snippets;
    for (const auto &[name, cmd] : m_commandBar->snippets())
        snippets.append(
            QVariantMap{{QStringLiteral("name"), name}, {QStringLiteral("command"), cmd}});
    s.setValue(QStringLiteral("commands/snippets"), snippets);
    s.setValue(QStringLiteral("runs/history"), m_historyModel->toVariant());
}

void MainWindow::showSettingsDialog()
{
    QDialog dlg(this);
    dlg.setObjectName(QStringLiteral("settingsDialog"));
    dlg.setWindowTitle(tr("Settings"));
    auto *form = new QFormLayout(&dlg);
    auto *scrollback = new QSpinBox(&dlg);
    scrollback->setObjectName(QStringLiteral("scrollbackSpin"));
    scrollback->setRange(100, 1000000);
    scrollback->setValue(m_scrollbackLines);
    scrollback->setSuffix(tr(" lines"));
    scrollback->setToolTip(tr("Lines each output tab keeps; Save output always has every byte"));
    form->addRow(tr("&Scrollback:"), scrollback);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QSettings s;
    if (s.contains(QStringLiteral("output/font")))
        font.fromString(s.value(QStringLiteral("output/font")).toString());
    auto *fontButton =
        new QPushButton(font.family() + QLatin1Char(' ') + QString::number(font.pointSize()), &dlg);
    fontButton->setObjectName(QStringLiteral("fontButton"));
    fontButton->setToolTip(tr("Font of the output tabs"));
    connect(fontButton, &QPushButton::clicked, &dlg, [&] {
        bool ok = false;
        const QFont f =
            QFontDialog::getFont(&ok, font, &dlg, tr("Output font"), QFontDialog::MonospacedFonts);
        if (ok) {
            font = f;
            fontButton->setText(f.family() + QLatin1Char(' ') + QString::number(f.pointSize()));
        }
    });
    form->addRow(tr("Output &font:"), fontButton);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dlg);
    connect(buttons, &QDialogButtonBox::accepted, &dlg, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dlg, &QDialog::reject);
    form->addRow(buttons);
    if (dlg.exec() != QDialog::Accepted)
        return;
    m_scrollbackLines = scrollback->value();
    s.setValue(QStringLiteral("output/font"), font.toString());
    for (const TargetView &v : std::as_const(m_views)) {
        if (v.pane) {
            v.pane->setScrollbackLines(m_scrollbackLines);
            v.pane->setOutputFont(font);
        }
    }
    saveSettings();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_run && m_run->isRunning())
        m_run->cancel();
    saveSettings();
    event->accept();
}

// ---- targets -------------------------------------------------------------------

void MainWindow::setTargets(const QList<Target> &targets)
{
    m_targetModel->setTargets(targets);
    m_hostTree->expandAll();
}

void MainWindow::checkOnly(const QStringList &names)
{
    m_targetModel->setAllChecked(false);
    for (const QString &n : names) {
        const int i = m_targetModel->indexOfName(n);
        if (i >= 0)
            m_targetModel->setChecked(i, true);
    }
}

void MainWindow::setCommandText(const QString &text)
{
    m_commandBar->setCommandText(text);
}

void MainWindow::setFanout(int fanout)
{
    m_commandBar->setFanout(fanout);
}

void MainWindow::showHostContextMenu(const QPoint &pos)
{
    const QModelIndex idx = m_hostTree->indexAt(pos);
    const int t = idx.data(TargetModel::TargetIndexRole).toInt();
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("hostContextMenu"));
    if (idx.isValid() && t >= 0) {
        const Target target = m_targetModel->target(t);
        QAction *runOnly = menu.addAction(tr("Run on %1 only").arg(target.name));
        runOnly->setEnabled(!m_commandBar->commands().isEmpty() && !isRunning());
        connect(runOnly, &QAction::triggered, this,
                [this, t] { runOn({t}, m_commandBar->commands()); });
        QAction *open = menu.addAction(tr("Show output"));
        open->setEnabled(paneFor(target.name) != nullptr);
        connect(open, &QAction::triggered, this, [this, target] { openTargetTab(target.name); });
        menu.addSeparator();
        QAction *copy = menu.addAction(tr("Copy address"));
        copy->setEnabled(!target.isLocal());
        connect(copy, &QAction::triggered, this, [target] {
            QGuiApplication::clipboard()->setText(
                target.port > 0 ? QStringLiteral("%1:%2").arg(target.address).arg(target.port)
                                : target.address);
        });
        // The fingerprint comes from the run shown, if it reached that host.
        QString fingerprint;
        for (int i = 0; i < runTargetCount(); ++i) {
            if (runTargetName(i) == target.name)
                fingerprint = runResult(i).hostKeySha256;
        }
        QAction *copyKey = menu.addAction(tr("Copy host-key fingerprint"));
        copyKey->setEnabled(!fingerprint.isEmpty());
        connect(copyKey, &QAction::triggered, this,
                [fingerprint] { QGuiApplication::clipboard()->setText(fingerprint); });
        QAction *forget = menu.addAction(tr("Forget host key…"));
        forget->setEnabled(!target.isLocal());
        connect(forget, &QAction::triggered, this, [this, target] {
            // Volley does not edit known_hosts behind the user's back: it shows
            // the command that removes the entry and copies it on request.
            const QString cmd = forgetHostKeyCommand(
                target.address, target.port > 0 ? target.port : 22, target.knownHostsFile);
            QMessageBox box(QMessageBox::Question, tr("Forget host key"),
                            tr("Remove the known_hosts entry of %1? The next connection will "
                               "ask again (or be refused under the strict policy).\n\n%2")
                                .arg(target.name, cmd),
                            QMessageBox::NoButton, this);
            box.setObjectName(QStringLiteral("forgetHostKeyBox"));
            QPushButton *copyCmd = box.addButton(tr("Copy command"), QMessageBox::AcceptRole);
            box.addButton(QMessageBox::Cancel);
            box.exec();
            if (box.clickedButton() == copyCmd)
                QGuiApplication::clipboard()->setText(cmd);
        });
        menu.addSeparator();
        QAction *edit = menu.addAction(tr("Edit…"));
        connect(edit, &QAction::triggered, this, [this, t] { editTargetDialog(t); });
        QAction *remove = menu.addAction(tr("Remove…"));
        remove->setEnabled(!isRunning());
        connect(remove, &QAction::triggered, this, [this, t] { removeTarget(t); });
    } else {
        menu.addAction(m_addTargetAction);
    }
    menu.exec(m_hostTree->viewport()->mapToGlobal(pos));
}

void MainWindow::addTargetDialog()
{
    QStringList names;
    for (const Target &t : m_targetModel->targets())
        names.append(t.name);
    TargetDialog dlg(names, this);
    dlg.setWindowTitle(tr("Add target"));
    if (dlg.exec() == QDialog::Accepted)
        m_targetModel->addTarget(dlg.target());
}

void MainWindow::editTargetDialog(int index)
{
    if (isRunning()) {
        setStatusMessage(tr("Targets can be edited when the run has ended."));
        return;
    }
    QStringList names;
    for (const Target &t : m_targetModel->targets())
        if (t.name != m_targetModel->target(index).name)
            names.append(t.name);
    TargetDialog dlg(names, this);
    dlg.setWindowTitle(tr("Edit target"));
    dlg.setTarget(m_targetModel->target(index));
    if (dlg.exec() == QDialog::Accepted)
        m_targetModel->replaceTarget(index, dlg.target());
}

void MainWindow::removeTarget(int index)
{
    const QString name = m_targetModel->target(index).name;
    if (QMessageBox::question(this, tr("Remove target"),
                              tr("Remove %1 from the list?").arg(name)) != QMessageBox::Yes)
        return;
    m_targetModel->removeTarget(index);
    // Run indexes that pointed at the removed target, or past it, move.
    for (int &m : m_runToModel)
        m = m == index ? -1 : (m > index ? m - 1 : m);
}

// ---- running -------------------------------------------------------------------

bool MainWindow::isRunning() const
{
    return m_run && m_run->isRunning();
}

void MainWindow::updateRunAction()
{
    const int n = m_targetModel->checkedCount();
    const bool haveCommand = !m_commandBar->commands().isEmpty();
    const bool running = isRunning();
    m_runAction->setText(tr("Run on %1").arg(targetCountText(n)));
    m_runAction->setEnabled(!running && n > 0 && haveCommand);
    m_cancelAction->setEnabled(running);
    bool anyFailed = false;
    for (int i = 0; i < runTargetCount() && !anyFailed; ++i) {
        const Status s = runResult(i).status;
        anyFailed = isFinal(s) && s != Status::Ok;
    }
    m_retryAction->setEnabled(!running && anyFailed && !m_lastCommands.isEmpty());
    m_rerunAction->setEnabled(!running && !m_lastCommands.isEmpty());
}

bool MainWindow::startRun()
{
    if (isRunning()) {
        setStatusMessage(tr("A run is in progress; cancel it (Esc) or wait for it to end."));
        return false;
    }
    const QStringList commands = m_commandBar->commands();
    if (commands.isEmpty()) {
        setStatusMessage(tr("Type a command first."));
        m_commandBar->focusEditor();
        return false;
    }
    const QList<int> targets = m_targetModel->checkedTargets();
    if (targets.isEmpty()) {
        setStatusMessage(tr("Check at least one target on the left."));
        return false;
    }
    return runOn(targets, commands);
}

bool MainWindow::runOn(const QList<int> &targets, const QStringList &commands)
{
    if (isRunning() || targets.isEmpty() || commands.isEmpty())
        return false;
    const bool destructive = std::any_of(commands.cbegin(), commands.cend(), isDestructiveCommand);
    if (destructive && targets.size() > kConfirmAbove) {
        // Non-blocking: the run starts from the box's answer, and tests can
        // answer the box by its objectName.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Run a destructive command?"),
                                    tr("This command can destroy data or stop machines, and it "
                                       "will run on %1:")
                                            .arg(targetCountText(int(targets.size()))) +
                                        QStringLiteral("\n\n") + commands.join(QLatin1Char('\n')),
                                    QMessageBox::Cancel, this);
        box->setObjectName(QStringLiteral("destructiveConfirm"));
        QPushButton *go = box->addButton(tr("Run on %1").arg(targetCountText(int(targets.size()))),
                                         QMessageBox::DestructiveRole);
        go->setObjectName(QStringLiteral("confirmRunButton"));
        box->setDefaultButton(QMessageBox::Cancel);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::buttonClicked, this,
                [this, go, targets, commands](QAbstractButton *b) {
                    if (b == go)
                        beginRun(targets, commands);
                });
        box->open();
        return true;
    }
    beginRun(targets, commands);
    return true;
}

void MainWindow::waitForFinishJob()
{
    // The finishing job and background exports share this pool.
    m_finishPool.waitForDone();
}

void MainWindow::startJournal()
{
    auto journal = std::make_unique<RunJournal>(m_run, RunJournal::defaultPath());
    QString error;
    if (!journal->open(&error)) {
        setStatusMessage(tr("This run keeps no journal: %1").arg(error));
        return;
    }
    m_journalPath = journal->path();
    m_journalEnding = false;
    m_journalThread = new QThread(this);
    m_journalThread->setObjectName(QStringLiteral("runJournal"));
    m_journal = journal.release();
    // Run::updated now reaches the journal queued, in order, on its thread.
    m_journal->moveToThread(m_journalThread);
    m_journalThread->start();
}

void MainWindow::endJournal()
{
    if (!m_journal || m_journalEnding)
        return;
    m_journalEnding = true;
    // Queued behind every update already posted to it, so nothing is lost;
    // the journal comes back to this thread to be deleted here.
    QThread *home = thread();
    RunJournal *journal = m_journal;
    QMetaObject::invokeMethod(
        m_journal,
        [journal, home] {
            journal->moveToThread(home);
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
}

void MainWindow::stopJournal()
{
    if (!m_journal)
        return;
    if (m_run)
        m_run->disconnect(m_journal);
    endJournal();
    m_journalThread->wait();
    delete m_journal;
    delete m_journalThread;
    m_journal = nullptr;
    m_journalThread = nullptr;
}

void MainWindow::addToHistory(bool finished)
{
    if (!m_run)
        return;
    HistoryEntry e;
    e.when = m_run->startedAt().isValid() ? m_run->startedAt() : QDateTime::currentDateTime();
    e.command = m_lastCommands.join(QLatin1Char('\n'));
    e.targets = m_run->targetCount();
    e.ok = m_run->countWithStatus(Status::Ok);
    e.failed = finished ? e.targets - e.ok : 0;
    e.durationMs = m_run->elapsedMs();
    e.savedPath = m_journalPath;
    e.finished = finished;
    m_historyModel->update(e);
    // Kept at once: after a crash the history still lists the journal.
    QSettings().setValue(QStringLiteral("runs/history"), m_historyModel->toVariant());
}

void MainWindow::clearRunView()
{
    waitForFinishJob();
    stopJournal();
    m_journalPath.clear();
    while (m_outputTabs->count() > kFixedTabs) {
        QWidget *w = m_outputTabs->widget(kFixedTabs);
        m_outputTabs->removeTab(kFixedTabs);
        delete w;
    }
    m_views.clear();
    if (m_run) {
        Run *old = m_run;
        m_run = nullptr;
        old->disconnect(this);
        delete old; // cancels and waits for its workers (bounded)
    }
    m_credentials->clearSecrets();
    m_saved.reset();
    m_savedJson = QJsonObject();
    m_groups.clear();
    m_groupModel->clear();
    m_diffLeft->clear();
    m_diffRight->clear();
    m_summaryModel->setRows({});
    m_runToModel.clear();
}

void MainWindow::beginRun(const QList<int> &targets, const QStringList &commands)
{
    clearRunView();

    RunSpec spec;
    for (int t : targets)
        spec.targets.append(m_targetModel->target(t));
    spec.commands = commands;
    spec.fanout = m_commandBar->fanout();
    spec.workerNiceness = 15; // the window's thread stays ahead of a busy pool
    spec.commandTimeoutSec = m_commandBar->timeoutSec();
    spec.hostKeyPolicy = m_commandBar->hostKeyPolicy();
    spec.credentials = m_credentials;

    static int generation = 0;
    m_run = new Run(spec, this);
    m_run->setProperty("generation", ++generation);
    m_runToModel = targets;
    m_views = QList<TargetView>(targets.size());
    m_lastCommands = commands;
    m_lastTargets = targets;
    m_lastExitCode = -1;

    QList<SummaryRow> rows;
    for (int t : targets) {
        SummaryRow r;
        r.target = m_targetModel->target(t).name;
        rows.append(r);
        setTargetStatus(t, Status::Pending);
    }
    m_summaryModel->setRows(rows);
    m_targetModel->commitStatusChanges();

    connect(m_run, &Run::updated, this, &MainWindow::onRunUpdated);
    connect(m_run, &Run::finished, this, &MainWindow::onRunFinished);
    m_commandBar->addToHistory(commands.join(QLatin1Char('\n')));
    startJournal();
    m_run->start();
    addToHistory(false);
    m_clock->start();
    updateProgress();
    updateRunAction();
    m_outputTabs->setCurrentIndex(kSummaryTabIndex);
    emit runStarted();
}

void MainWindow::cancelRun()
{
    if (isRunning()) {
        m_run->cancel();
        setStatusMessage(tr("Cancelling…"));
    }
}

void MainWindow::retryFailed()
{
    if (isRunning() || m_lastCommands.isEmpty())
        return;
    QList<int> targets;
    for (int i = 0; i < runTargetCount(); ++i) {
        const Status s = runResult(i).status;
        const int model = m_runToModel.value(i, -1);
        if (isFinal(s) && s != Status::Ok && model >= 0)
            targets.append(model);
    }
    if (targets.isEmpty()) {
        setStatusMessage(tr("No failed targets to retry."));
        return;
    }
    runOn(targets, m_lastCommands);
}

void MainWindow::rerun()
{
    if (isRunning())
        return;
    QList<int> targets;
    for (int t : std::as_const(m_lastTargets))
        if (t >= 0 && t < m_targetModel->targets().size())
            targets.append(t);
    if (targets.isEmpty() || m_lastCommands.isEmpty()) {
        startRun();
        return;
    }
    runOn(targets, m_lastCommands);
}

OutputPane *MainWindow::ensurePane(int runIndex, const QString &name)
{
    TargetView &v = m_views[runIndex];
    if (!v.pane) {
        auto *pane = new OutputPane(name, m_scrollbackLines);
        QSettings s;
        if (s.contains(QStringLiteral("output/font"))) {
            QFont f;
            if (f.fromString(s.value(QStringLiteral("output/font")).toString()))
                pane->setOutputFont(f);
        }
        connect(pane, &OutputPane::saveRequested, this, &MainWindow::saveTargetOutput);
        m_outputTabs->addTab(pane, statusIcon(Status::Pending), name);
        v.pane = pane;
        v.tabText = name;
        v.tabTip.clear();
        v.tabStatus = int(Status::Pending);
    }
    return v.pane;
}

OutputPane *MainWindow::paneFor(const QString &target) const
{
    for (const TargetView &v : m_views)
        if (v.pane && v.pane->target() == target)
            return v.pane;
    return nullptr;
}

void MainWindow::openTargetTab(const QString &name)
{
    if (OutputPane *pane = paneFor(name)) {
        showRunPage();
        m_outputTabs->setCurrentWidget(pane);
    }
}

void MainWindow::onRunUpdated(const RunUpdate &update)
{
    if (!m_run || sender() != m_run)
        return;
    QSet<int> touched;
    for (int i : update.started) {
        ensurePane(i, m_run->target(i).name);
        touched.insert(i);
    }
    for (const OutputChunk &c : update.chunks) {
        if (c.target < 0 || c.target >= m_views.size())
            continue;
        TargetView &v = m_views[c.target];
        m_bytesShown += c.data.size();
        if (!v.firstLineDone) {
            // The first line of output, for the summary; bounded.
            const qsizetype nl = c.data.indexOf('\n');
            v.firstBytes += nl < 0 ? c.data.left(256) : c.data.left(nl);
            if (nl >= 0 || v.firstBytes.size() >= 256)
                v.firstLineDone = true;
        }
        ensurePane(c.target, m_run->target(c.target).name)->appendOutput(c.stream, c.data);
        touched.insert(c.target);
    }
    for (qsizetype k = 0; k < update.messages.size(); ++k) {
        const int t = update.messageTargets.value(k, -1);
        if (t >= 0 && t < m_views.size())
            ensurePane(t, m_run->target(t).name)->appendMessage(update.messages.at(k));
    }
    for (int i : update.changed)
        touched.insert(i);
    for (int i : update.finished)
        touched.insert(i);
    for (int i : std::as_const(touched))
        refreshTarget(i);
    m_summaryModel->commit();
    m_targetModel->commitStatusChanges();
    updateProgress();
}

void MainWindow::setTargetStatus(int modelRow, Status status)
{
    m_targetModel->setStatus(modelRow, status);
    // The status column fits the widest word shown so far: measured once per
    // word, not per row and update as ResizeToContents would.
    const int width =
        m_hostTree->fontMetrics().horizontalAdvance(statusText(status)) + 4 * kTextMargin;
    if (width > m_statusColumnWidth) {
        m_statusColumnWidth = width;
        m_hostTree->header()->resizeSection(TargetModel::StatusColumn, width);
    }
}

TargetResult MainWindow::runResult(int runIndex) const
{
    if (m_run)
        return m_run->result(runIndex);
    if (m_saved)
        return m_saved->targets.at(runIndex).result;
    return {};
}

QString MainWindow::runTargetName(int runIndex) const
{
    if (m_run)
        return m_run->target(runIndex).name;
    if (m_saved)
        return m_saved->targets.at(runIndex).target.name;
    return {};
}

int MainWindow::runTargetCount() const
{
    if (m_run)
        return m_run->targetCount();
    if (m_saved)
        return int(m_saved->targets.size());
    return 0;
}

void MainWindow::refreshTarget(int runIndex)
{
    const TargetResult r = m_run->result(runIndex);
    SummaryRow row = m_summaryModel->row(runIndex);
    row.status = r.status;
    row.error = r.error;
    if (const CommandResult *c = decidingCommand(r)) {
        row.exitCode = c->exitCode;
        row.signal = c->signal;
    }
    if (r.status == Status::Running && r.phases.connectMs >= 0)
        row.durationMs = m_run->elapsedMs() - r.phases.connectMs;
    else
        row.durationMs = r.durationMs;
    const OutputStore &out = m_run->output(runIndex);
    row.bytes = out.totalSize(Stream::Stdout) + out.totalSize(Stream::Stderr);
    const TargetView &v = m_views.at(runIndex);
    if (row.firstLine.isEmpty() && !v.firstBytes.isEmpty())
        row.firstLine = AnsiParser::stripped(QString::fromUtf8(v.firstBytes)).trimmed();
    m_summaryModel->updateRow(runIndex, row);
    const int model = m_runToModel.value(runIndex, -1);
    if (model >= 0)
        setTargetStatus(model, r.status);
    if (isFinal(r.status))
        noteFinished(runIndex, r);
    updateTab(runIndex, r.status, &r);
}

void MainWindow::noteFinished(int runIndex, const TargetResult &r)
{
    TargetView &v = m_views[runIndex];
    if (v.noted)
        return;
    v.noted = true;
    const CommandResult *c = decidingCommand(r);
    const QString took = SummaryModel::formatDuration(r.durationMs);
    QString note;
    if (c && !c->signal.isEmpty())
        note = tr("%1: killed by signal %2 after %3").arg(statusText(r.status), c->signal, took);
    else if (c && c->exitCode && (r.status == Status::Ok || r.status == Status::Failed))
        note = tr("exit %1 after %2").arg(*c->exitCode).arg(took);
    else
        note = tr("%1 after %2").arg(statusText(r.status), took);
    ensurePane(runIndex, runTargetName(runIndex))->appendMessage(note);
}

void MainWindow::updateTab(int runIndex, Status status, const TargetResult *result)
{
    if (runIndex < 0 || runIndex >= m_views.size())
        return;
    TargetView &v = m_views[runIndex];
    OutputPane *pane = v.pane;
    if (!pane)
        return;
    QString text = pane->target();
    QString tip = pane->target() + QStringLiteral(" — ") + statusText(status);
    if (result) {
        if (const CommandResult *c = decidingCommand(*result); c && isFinal(status)) {
            if (!c->signal.isEmpty())
                text += QStringLiteral(" · ") + c->signal;
            else if (c->exitCode)
                text += QStringLiteral(" · ") + QString::number(*c->exitCode);
        } else if (isFinal(status) && status != Status::Ok) {
            text += QStringLiteral(" · ") + statusText(status);
        }
        if (!result->error.isEmpty())
            tip += QLatin1Char('\n') + result->error;
    }
    if (text == v.tabText && tip == v.tabTip && int(status) == v.tabStatus)
        return;
    const int tab = m_outputTabs->indexOf(pane);
    if (tab < 0)
        return;
    if (text != v.tabText)
        m_outputTabs->setTabText(tab, text);
    if (int(status) != v.tabStatus)
        m_outputTabs->setTabIcon(tab, statusIcon(status));
    if (tip != v.tabTip)
        m_outputTabs->setTabToolTip(tab, tip);
    v.tabText = text;
    v.tabTip = tip;
    v.tabStatus = int(status);
}

void MainWindow::updateTimeline()
{
    m_timeline->clear();
    const int n = runTargetCount();
    if (n == 0)
        return;
    const qint64 now = m_run ? m_run->elapsedMs() : (m_saved ? m_saved->durationMs : 0);
    // Rows: one per pool worker (SSH); local targets, which need no worker,
    // get lanes assigned so their bars do not overlap.
    QMap<int, int> workerRows;
    QList<qint64> localLaneEnd;
    QList<int> localRows;
    QList<int> order;
    for (int i = 0; i < n; ++i)
        order.append(i);
    QList<TargetResult> results;
    for (int i = 0; i < n; ++i)
        results.append(runResult(i));
    auto startOf = [&](const TargetResult &r) {
        return r.phases.connectMs >= 0 ? r.phases.connectMs : r.phases.runMs;
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return startOf(results.at(a)) < startOf(results.at(b)); });
    QList<std::pair<int, int>> placed; // (run index, row)
    for (int i : std::as_const(order)) {
        const TargetResult &r = results.at(i);
        const qint64 start = startOf(r);
        if (start < 0)
            continue; // still queued
        const qint64 end = r.phases.endMs >= 0 ? r.phases.endMs : now;
        int row = -1;
        if (r.phases.worker >= 0) {
            auto it = workerRows.find(r.phases.worker);
            if (it == workerRows.end())
                it = workerRows.insert(r.phases.worker, -1);
            row = it.value();
            if (row < 0) {
                row = m_timeline->addRow(tr("worker %1").arg(r.phases.worker + 1));
                workerRows[r.phases.worker] = row;
            }
        } else {
            int lane = 0;
            while (lane < localLaneEnd.size() && localLaneEnd.at(lane) > start)
                ++lane;
            if (lane == localLaneEnd.size()) {
                localLaneEnd.append(0);
                localRows.append(m_timeline->addRow(tr("local %1").arg(lane + 1)));
            }
            localLaneEnd[lane] = end;
            row = localRows.at(lane);
        }
        placed.append({i, row});
        const Phases &p = r.phases;
        auto bar = [&](qint64 from, qint64 to, const QString &phase) {
            if (from >= 0 && to >= from)
                m_timeline->addBar(row, from * 1000, to * 1000, phase);
        };
        const qint64 authOrRun = p.authMs >= 0 ? p.authMs : (p.runMs >= 0 ? p.runMs : end);
        if (p.connectMs >= 0)
            bar(p.connectMs, authOrRun, QStringLiteral("connecting"));
        if (p.authMs >= 0)
            bar(p.authMs, p.runMs >= 0 ? p.runMs : end, QStringLiteral("authenticating"));
        if (p.runMs >= 0) {
            const bool bad = isFinal(r.status) && r.status != Status::Ok;
            bar(p.runMs, end, bad ? QStringLiteral("failed") : QStringLiteral("running"));
        } else if (isFinal(r.status) && r.status != Status::Ok) {
            bar(authOrRun, end, QStringLiteral("failed"));
        }
        if (isFinal(r.status))
            m_timeline->addMarker(row, end * 1000,
                                  runTargetName(i) + QLatin1Char(' ') + statusText(r.status),
                                  r.status != Status::Ok);
    }
}

void MainWindow::updateProgress()
{
    const int total = runTargetCount();
    int done = 0;
    int running = 0;
    QMap<Status, int> counts;
    for (int i = 0; i < m_summaryModel->rowCount(); ++i) {
        const Status s = m_summaryModel->row(i).status;
        if (isFinal(s)) {
            ++done;
            ++counts[s];
        } else if (s == Status::Running) {
            ++running;
        }
    }
    m_progress->setVisible(total > 0);
    m_progress->setRange(0, qMax(1, total));
    m_progress->setValue(done);
    QStringList parts;
    for (Status s : kFinalStatuses)
        if (counts.value(s) > 0)
            parts.append(QStringLiteral("%1 %2").arg(counts.value(s)).arg(statusText(s)));
    if (running > 0)
        parts.append(tr("%1 running").arg(running));
    m_countsLabel->setText(parts.join(QStringLiteral(" · ")));

    if (m_run) {
        const qint64 elapsed = m_run->elapsedMs();
        QString text = SummaryModel::formatDuration(elapsed);
        if (m_run->isRunning() && done > 0 && done < total) {
            const qint64 remaining = elapsed * (total - done) / done;
            text = tr("%1, about %2 left").arg(text, SummaryModel::formatDuration(remaining));
        }
        m_elapsedLabel->setText(text);
        // Refresh durations of running targets once in a while (clock ticks).
        if (m_run->isRunning() && sender() == m_clock) {
            for (int i = 0; i < m_summaryModel->rowCount(); ++i)
                if (m_summaryModel->row(i).status == Status::Running)
                    refreshTarget(i);
            m_summaryModel->commit();
        }
        setWindowTitle(m_run->isRunning()
                           ? tr("Volley — %1/%2 done").arg(done).arg(total)
                           : tr("Volley — %1").arg(parts.join(QStringLiteral(", "))));
    } else if (m_saved) {
        m_elapsedLabel->setText(SummaryModel::formatDuration(m_saved->durationMs));
    }
}

void MainWindow::onRunFinished()
{
    if (!m_run || sender() != m_run)
        return;
    for (int i = 0; i < m_run->targetCount(); ++i)
        refreshTarget(i);
    m_summaryModel->commit();
    m_targetModel->commitStatusChanges();
    m_clock->stop();
    endJournal();
    m_lastExitCode = m_run->exitCode();
    m_credentials->clearSecrets();
    updateProgress();
    updateRunAction();
    updateTimeline();
    notifyFinished();
    startFinishJob();
}

void MainWindow::startFinishJob()
{
    Run *run = m_run;
    m_finishWatcher.setProperty("generation", run->property("generation"));
    // Grouping reads every byte of every store: off the GUI thread. The run is
    // not deleted before this ends (waitForFinishJob()). The history keeps the
    // run's journal, so nothing else needs writing here.
    m_finishFuture = QtConcurrent::run(&m_finishPool, [run] {
        FinishResult r;
        r.groups = groupIdenticalOutput(*run);
        return r;
    });
    m_finishWatcher.setFuture(m_finishFuture);
}

void MainWindow::notifyFinished()
{
    if (isActiveWindow())
        return;
    QApplication::alert(this);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        auto *tray = findChild<QSystemTrayIcon *>();
        if (!tray) {
            tray = new QSystemTrayIcon(statusIcon(Status::Ok), this);
            tray->show();
        }
        tray->showMessage(tr("Volley: run finished"), m_countsLabel->text());
    }
}

// ---- grouping and diff -------------------------------------------------------------

void MainWindow::showGroups(const QList<OutputGroup> &groups)
{
    m_groupModel->clear();
    for (int g = 0; g < groups.size(); ++g) {
        const OutputGroup &group = groups.at(g);
        const int n = int(group.targets.size());
        QString verdict;
        if (groups.size() == 1)
            verdict = tr("identical");
        else if (g == 0 && n > 1)
            verdict = tr("majority");
        else
            verdict = tr("differs");
        auto *item =
            new QStandardItem(tr("%1 (%2) — %3").arg(group.folded, targetCountText(n), verdict));
        item->setData(verdict, Qt::UserRole + 2);
        item->setToolTip(
            tr("SHA-256 of the output: %1").arg(QString::fromLatin1(group.digest.toHex())));
        QByteArray preview = outputOf(group.targets.first(), 4096);
        QString text = AnsiParser::stripped(QString::fromUtf8(preview));
        const QStringList lines = text.split(QLatin1Char('\n'));
        auto *previewItem =
            new QStandardItem(lines.mid(0, 5).join(QLatin1Char('\n')) +
                              (lines.size() > 5 ? QStringLiteral("\n…") : QString()));
        previewItem->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        previewItem->setForeground(palette().color(QPalette::PlaceholderText));
        item->appendRow(previewItem);
        for (int t : group.targets) {
            auto *member = new QStandardItem(statusIcon(runResult(t).status), runTargetName(t));
            member->setData(t, kGroupRunIndexRole);
            item->appendRow(member);
        }
        m_groupModel->appendRow(item);
    }
    m_groupTree->expandToDepth(0);
}

QByteArray MainWindow::outputOf(int runIndex, qint64 limit) const
{
    QByteArray out;
    if (m_run) {
        const OutputStore &store = m_run->output(runIndex);
        for (int c = 0; c < store.commandCount() && out.size() < limit; ++c) {
            out += store.read(c, Stream::Stdout, limit - out.size());
            out += store.read(c, Stream::Stderr, qMax<qint64>(0, limit - out.size()));
        }
    } else if (m_saved) {
        for (const SavedRun::Command &c : m_saved->targets.at(runIndex).commands) {
            out += c.stdoutBytes;
            out += c.stderrBytes;
            if (out.size() >= limit)
                break;
        }
        out.truncate(limit);
    }
    return out;
}

void MainWindow::showDiff(int runIndex)
{
    if (m_groups.isEmpty())
        return;
    const int reference = m_groups.first().targets.first();
    auto lines = [this](int i) {
        const QString text = AnsiParser::stripped(QString::fromUtf8(outputOf(i, kDiffLimitBytes)));
        QStringList l = text.split(QLatin1Char('\n'));
        if (!l.isEmpty() && l.last().isEmpty())
            l.removeLast();
        return l.mid(0, kDiffMaxLines);
    };
    const QList<DiffLine> diff = diffLines(lines(reference), lines(runIndex));
    m_diffLabel->setText(tr("%1 (majority) compared with %2")
                             .arg(runTargetName(reference), runTargetName(runIndex)));
    QTextCharFormat same;
    QTextCharFormat removed;
    removed.setBackground(QColor(0xf8, 0x51, 0x49, 70));
    QTextCharFormat added;
    added.setBackground(QColor(0x2e, 0xa0, 0x43, 70));
    m_diffLeft->clear();
    m_diffRight->clear();
    QTextCursor l(m_diffLeft->document());
    QTextCursor r(m_diffRight->document());
    for (int i = 0; i < diff.size(); ++i) {
        const DiffLine &d = diff.at(i);
        const QString nl = i + 1 < diff.size() ? QStringLiteral("\n") : QString();
        l.insertText(d.left + nl, d.kind == DiffLine::LeftOnly ? removed : same);
        r.insertText(d.right + nl, d.kind == DiffLine::RightOnly ? added : same);
    }
}

// ---- results -------------------------------------------------------------------------

QJsonObject MainWindow::runJson() const
{
    if (m_run)
        return runToJson(*m_run);
    return m_savedJson;
}

bool MainWindow::exportJson(const QString &path, QString *error)
{
    if (m_run)
        return writeRunJson(*m_run, path, error);
    const QJsonObject json = runJson();
    if (json.isEmpty()) {
        *error = tr("There is no run to export yet.");
        return false;
    }
    return writeFile(path, QJsonDocument(json).toJson(QJsonDocument::Indented), error);
}

void MainWindow::exportJsonInBackground(const QString &path)
{
    if (!m_run) {
        QString error;
        exportJson(path, &error);
        QMetaObject::invokeMethod(
            this, [this, path, error] { emit jsonExported(path, error); }, Qt::QueuedConnection);
        return;
    }
    Run *run = m_run; // not deleted before the pool is done (waitForFinishJob())
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        emit jsonExported(path, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&m_finishPool, [run, path] {
        QString error;
        writeRunJson(*run, path, &error);
        return error;
    }));
}

bool MainWindow::exportCsv(const QString &path, QString *error)
{
    if (runTargetCount() == 0) {
        *error = tr("There is no run to export yet.");
        return false;
    }
    QString csv =
        QStringLiteral("target,status,exit_code,signal,duration_ms,bytes,error,first_line\n");
    for (const SummaryRow &r : m_summaryModel->rows()) {
        csv += QStringList{csvField(r.target),
                           statusName(r.status),
                           r.exitCode ? QString::number(*r.exitCode) : QString(),
                           r.signal,
                           QString::number(r.durationMs),
                           QString::number(r.bytes),
                           csvField(r.error),
                           csvField(r.firstLine)}
                   .join(QLatin1Char(',')) +
               QLatin1Char('\n');
    }
    return writeFile(path, csv.toUtf8(), error);
}

bool MainWindow::exportFolder(const QString &dir, QString *error)
{
    if (runTargetCount() == 0) {
        *error = tr("There is no run to export yet.");
        return false;
    }
    // The same names as volley-cli --outdir: <target>.out/.err, or
    // <target>.<n>.out/.err when there are several commands.
    for (int i = 0; i < runTargetCount(); ++i) {
        const QString base = QDir(dir).filePath(safeFileName(runTargetName(i)));
        const int commands =
            m_run ? m_run->output(i).commandCount() : int(m_saved->targets.at(i).commands.size());
        for (int c = 0; c < qMax(1, commands); ++c) {
            const QString stem = commands > 1 ? QStringLiteral("%1.%2").arg(base).arg(c) : base;
            for (Stream s : {Stream::Stdout, Stream::Stderr}) {
                const QString path =
                    stem + (s == Stream::Stdout ? QStringLiteral(".out") : QStringLiteral(".err"));
                if (m_run) {
                    QSaveFile f(path);
                    if (!f.open(QIODevice::WriteOnly) ||
                        (c < commands && !m_run->output(i).writeTo(c, s, &f)) || !f.commit()) {
                        *error = tr("cannot write %1: %2")
                                     .arg(QDir::toNativeSeparators(path), f.errorString());
                        return false;
                    }
                } else {
                    const SavedRun::Command cmd = m_saved->targets.at(i).commands.value(c);
                    if (!writeFile(path, s == Stream::Stdout ? cmd.stdoutBytes : cmd.stderrBytes,
                                   error))
                        return false;
                }
            }
        }
    }
    return true;
}

void MainWindow::saveTargetOutput(const QString &target)
{
    int runIndex = -1;
    for (int i = 0; i < runTargetCount(); ++i)
        if (runTargetName(i) == target)
            runIndex = i;
    if (runIndex < 0)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save output of %1").arg(target), safeFileName(target) + QStringLiteral(".out"));
    if (path.isEmpty())
        return;
    // stdout of every command to the chosen file, stderr beside it: exact bytes.
    QString error;
    bool ok = true;
    if (m_run) {
        const OutputStore &store = m_run->output(runIndex);
        for (Stream s : {Stream::Stdout, Stream::Stderr}) {
            if (s == Stream::Stderr && store.totalSize(Stream::Stderr) == 0)
                break;
            QSaveFile f(s == Stream::Stdout ? path : path + QStringLiteral(".stderr"));
            ok = f.open(QIODevice::WriteOnly);
            for (int c = 0; ok && c < store.commandCount(); ++c)
                ok = store.writeTo(c, s, &f);
            ok = ok && f.commit();
            if (!ok) {
                error = tr("cannot write %1: %2")
                            .arg(QDir::toNativeSeparators(f.fileName()), f.errorString());
                break;
            }
        }
    } else {
        QByteArray out;
        for (const SavedRun::Command &c : m_saved->targets.at(runIndex).commands)
            out += c.stdoutBytes;
        ok = writeFile(path, out, &error);
    }
    if (!ok)
        QMessageBox::warning(this, tr("Save failed"), error);
    else
        setStatusMessage(
            tr("Saved the output of %1 to %2").arg(target, QDir::toNativeSeparators(path)));
}

void MainWindow::exportDialog()
{
    QString filter;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export run"), QStringLiteral("run.json"),
                                     tr("JSON (*.json);;CSV (*.csv)"), &filter);
    if (path.isEmpty())
        return;
    QString error;
    const bool csv = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ||
                     filter.startsWith(QLatin1String("CSV"));
    if (!(csv ? exportCsv(path, &error) : exportJson(path, &error)))
        QMessageBox::warning(this, tr("Export failed"), error);
    else
        setStatusMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::openRunDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open run"), QString(), tr("Volley runs and journals (*.json *.jsonl)"));
    QString error;
    if (!path.isEmpty() && !openRun(path, &error))
        QMessageBox::warning(this, tr("Cannot open run"), error);
}

bool MainWindow::openRun(const QString &path, QString *error)
{
    if (isRunning()) {
        *error = tr("A run is in progress; cancel it or wait for it to end first.");
        return false;
    }
    // The engine reads both a saved run and a journal (a torn last line from a
    // kill included) and checks the document's shape.
    QJsonObject doc;
    if (!readSavedRun(path, &doc, error))
        return false;
    SavedRun saved = SavedRun::fromDocument(doc);
    clearRunView();
    m_saved = std::move(saved);
    m_savedJson = doc;
    const int n = int(m_saved->targets.size());
    m_views = QList<TargetView>(n);
    m_runToModel.clear();
    QList<SummaryRow> rows;
    QList<int> targets;
    for (int i = 0; i < n; ++i) {
        const SavedRun::Entry &e = m_saved->targets.at(i);
        const int model = m_targetModel->indexOfName(e.target.name);
        m_runToModel.append(model);
        if (model >= 0) {
            setTargetStatus(model, e.result.status);
            targets.append(model);
        }
        SummaryRow row;
        row.target = e.target.name;
        row.status = e.result.status;
        row.error = e.result.error;
        row.durationMs = e.result.durationMs;
        if (const CommandResult *c = decidingCommand(e.result)) {
            row.exitCode = c->exitCode;
            row.signal = c->signal;
        }
        OutputPane *pane = ensurePane(i, e.target.name);
        pane->appendMessage(tr("reopened from %1").arg(QFileInfo(path).fileName()));
        for (const SavedRun::Command &c : e.commands) {
            row.bytes += c.result.stdoutBytes + c.result.stderrBytes;
            if (row.firstLine.isEmpty() && !c.stdoutBytes.isEmpty())
                row.firstLine =
                    AnsiParser::stripped(
                        QString::fromUtf8(c.stdoutBytes.left(
                            c.stdoutBytes.indexOf('\n') < 0 ? 256 : c.stdoutBytes.indexOf('\n'))))
                        .trimmed();
            pane->appendOutput(Stream::Stdout, c.stdoutBytes);
            pane->appendOutput(Stream::Stderr, c.stderrBytes);
            if (c.stdoutTruncated || c.stderrTruncated)
                pane->appendMessage(
                    tr("(the saved JSON holds only the first part of this output)"));
        }
        if (!e.result.error.isEmpty())
            pane->appendMessage(e.result.error);
        m_views[i].noted = true;
        rows.append(row);
        updateTab(i, e.result.status, &e.result);
    }
    m_summaryModel->setRows(rows);
    m_targetModel->commitStatusChanges();
    m_lastCommands = m_saved->commandText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    m_lastTargets = targets;
    m_commandBar->setCommandText(m_lastCommands.join(QLatin1Char('\n')));

    // Group the saved outputs the way the engine groups live ones.
    QHash<QByteArray, int> byDigest;
    QList<OutputGroup> groups;
    for (int i = 0; i < n; ++i) {
        QCryptographicHash h(QCryptographicHash::Sha256);
        for (const SavedRun::Command &c : m_saved->targets.at(i).commands) {
            h.addData(c.stdoutBytes);
            h.addData(c.stderrBytes);
        }
        const QByteArray digest = h.result();
        auto it = byDigest.find(digest);
        if (it == byDigest.end()) {
            it = byDigest.insert(digest, int(groups.size()));
            groups.append(OutputGroup{{}, QString(), digest});
        }
        groups[*it].targets.append(i);
    }
    std::stable_sort(groups.begin(), groups.end(), [](const OutputGroup &a, const OutputGroup &b) {
        return a.targets.size() > b.targets.size();
    });
    for (OutputGroup &g : groups) {
        QStringList names;
        for (int t : g.targets)
            names.append(runTargetName(t));
        g.folded = HostPattern::fold(names);
    }
    m_groups = groups;
    showGroups(groups);
    updateProgress();
    updateRunAction();
    updateTimeline();
    setWindowTitle(tr("Volley — %1").arg(QFileInfo(path).fileName()));
    if (doc.value(QStringLiteral("journal")).toBool()) {
        const int total = doc.value(QStringLiteral("summary"))
                              .toObject()
                              .value(QStringLiteral("targets"))
                              .toInt(n);
        setStatusMessage(tr("This run did not finish: %1 of %2 targets had finished and are shown.")
                             .arg(n)
                             .arg(total));
    }
    showRunPage();
    m_outputTabs->setCurrentIndex(kSummaryTabIndex);
    return true;
}

// ---- pages -------------------------------------------------------------------------

void MainWindow::showLabPage()
{
    m_pages->setCurrentWidget(m_labPage);
    m_labPageAction->setChecked(true);
    m_runPageAction->setChecked(false);
}

void MainWindow::showRunPage()
{
    m_pages->setCurrentWidget(m_runPage);
    m_runPageAction->setChecked(true);
    m_labPageAction->setChecked(false);
}

void MainWindow::setStatusMessage(const QString &text)
{
    statusBar()->showMessage(text, 8000);
}

} // namespace volley
