// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labpage.h"

#include "lab/labjob.h"
#include "lab/labresultsmodel.h"
#include "lab/timelinewidget.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace volley {

namespace {

using lab::Experiment;
using lab::Kind;

QString title(Experiment e)
{
    switch (e) {
    case Experiment::Spawn:
        return LabPage::tr("Spawn and join");
    case Experiment::Counter:
        return LabPage::tr("Shared counter: race and lock");
    case Experiment::Bank:
        return LabPage::tr("Bank: deposit and withdraw");
    case Experiment::Share:
        return LabPage::tr("Copied vs shared memory");
    case Experiment::Cpu:
        return LabPage::tr("CPU-bound work");
    case Experiment::Stop:
        return LabPage::tr("Stop a worker");
    }
    return {};
}

QString explanation(Experiment e)
{
    switch (e) {
    case Experiment::Spawn:
        return LabPage::tr(
            "<p>N workers each wait S seconds; the parent waits for all of them.</p>"
            "<p><b>Watch:</b> threads, processes and timers on one event loop overlap, so the "
            "total is about S. Run them one after another and the bars form a staircase: "
            "about N×S. Waiting needs no CPU, so even one thread with an event loop can wait "
            "for many things at once.</p>");
    case Experiment::Counter:
        return LabPage::tr(
            "<p>W workers each add 1 to one shared counter K times.</p>"
            "<p><b>none</b>: each worker reads the value, then writes value+1. Two workers "
            "that read 41 both write 42: one update is <i>lost</i>. <b>mutex</b>: only one "
            "worker at a time may read and write (red bars: waiting for the lock). "
            "<b>atomic</b>: the CPU does the read-add-write as one step.</p>"
            "<p><b>Numbers:</b> expected W×K, actual, and the lost updates. With processes "
            "the counter lives in shared memory and the lock is process-shared. Turn on slow "
            "motion to see every read and write; lost updates are circled in red.</p>");
    case Experiment::Bank:
        return LabPage::tr(
            "<p>The balance starts at 500. One worker deposits 1 a hundred times, another "
            "withdraws 1 a hundred times, each after a short pause.</p>"
            "<p><b>Watch:</b> without a lock a deposit can be overwritten by a withdrawal "
            "that read the balance just before it, so the end balance drifts in some runs — "
            "repeat the run and count how often. With the lock it always ends at 500.</p>");
    case Experiment::Share:
        return LabPage::tr(
            "<p>A worker increments a plain counter and appends squares to a plain list, "
            "and writes cubes into a shared array and a shared counter.</p>"
            "<p><b>Watch:</b> a thread works in the parent's own memory, so the parent sees "
            "every change. A process has its own copy of memory: the parent's plain values "
            "stay unchanged; only memory that was explicitly shared changes.</p>");
    case Experiment::Cpu:
        return LabPage::tr(
            "<p>The same amount of computation split over 1, 2, … N workers.</p>"
            "<p><b>Numbers:</b> speed-up against one worker (at most the number of free "
            "cores), the cost of starting a worker (a thread: microseconds; a process: "
            "milliseconds) and memory (each process has its own; threads share one).</p>"
            "<p>In C++ threads really run in parallel. Interpreters with a global lock (such "
            "as CPython's GIL) run one thread at a time, which is why they use processes "
            "for CPU-bound work.</p>");
    case Experiment::Stop:
        return LabPage::tr(
            "<p>A worker is busy; then we stop it.</p>"
            "<p><b>Watch:</b> a process can be killed from outside at once. A thread cannot: "
            "it shares memory and locks with the rest of the program, so it must be asked "
            "and stops only when it next checks the flag.</p>");
    }
    return {};
}

QString stateKey(lab::WorkerState s)
{
    return lab::stateName(s);
}

} // namespace

LabPage::LabPage(QWidget *parent)
    : QWidget(parent)
    , m_job(new lab::LabJob(this))
    , m_results(new LabResultsModel(this))
{
    setObjectName(QStringLiteral("labPage"));
    const QString sibling = QCoreApplication::applicationDirPath() + QStringLiteral("/volley-cli");
    if (QFileInfo(sibling).isExecutable())
        m_workerProgram = sibling;

    // Left: experiments, explanation, parameters, actions.
    m_experiments = new QListWidget;
    m_experiments->setObjectName(QStringLiteral("labExperimentList"));
    for (Experiment e : lab::allExperiments()) {
        auto *item = new QListWidgetItem(title(e), m_experiments);
        item->setData(Qt::UserRole, int(e));
    }
    m_experiments->setMaximumHeight(m_experiments->sizeHintForRow(0) * 7);

    m_explanation = new QLabel;
    m_explanation->setObjectName(QStringLiteral("labExplanation"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::RichText);
    m_explanation->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("labKind"));
    m_workers = new QSpinBox;
    m_workers->setObjectName(QStringLiteral("labWorkers"));
    m_workers->setRange(1, 64);
    m_workers->setValue(4);
    m_seconds = new QDoubleSpinBox;
    m_seconds->setObjectName(QStringLiteral("labSeconds"));
    m_seconds->setRange(0.05, 60);
    m_seconds->setSingleStep(0.25);
    m_seconds->setValue(1.0);
    m_seconds->setSuffix(tr(" s"));
    m_increments = new QSpinBox;
    m_increments->setObjectName(QStringLiteral("labIncrements"));
    m_increments->setRange(1, 100000000);
    m_increments->setValue(100000);
    m_increments->setGroupSeparatorShown(true);
    m_sync = new QComboBox;
    m_sync->setObjectName(QStringLiteral("labSync"));
    m_sync->addItem(tr("none (torn read-modify-write)"), int(lab::Sync::None));
    m_sync->addItem(tr("mutex"), int(lab::Sync::Mutex));
    m_sync->addItem(tr("atomic"), int(lab::Sync::Atomic));
    m_repeat = new QSpinBox;
    m_repeat->setObjectName(QStringLiteral("labRepeat"));
    m_repeat->setRange(1, 100);
    m_repeat->setValue(3);
    m_work = new QSpinBox;
    m_work->setObjectName(QStringLiteral("labWork"));
    m_work->setRange(1, 100000);
    m_work->setValue(200);
    m_slowMotion = new QCheckBox(tr("Slow motion"));
    m_slowMotion->setObjectName(QStringLiteral("labSlowMotion"));
    m_stepMs = new QSpinBox;
    m_stepMs->setObjectName(QStringLiteral("labStepMs"));
    m_stepMs->setRange(1, 2000);
    m_stepMs->setValue(80);
    m_stepMs->setSuffix(tr(" ms per step"));

    // A name for screen readers and a tip for the mouse, for every control.
    const auto describe = [](QWidget *w, const QString &name, const QString &tip) {
        w->setAccessibleName(name);
        w->setToolTip(tip);
    };
    describe(m_experiments, tr("Experiments"), tr("The classic experiment to run"));
    describe(m_kind, tr("Kind"),
             tr("How the workers start: threads, processes, one after another, or on an "
                "event loop"));
    describe(m_workers, tr("Workers"), tr("How many workers run the experiment"));
    describe(m_seconds, tr("Wait"), tr("How long each worker waits (sleeps or blocks)"));
    describe(m_increments, tr("Increments"), tr("How many times each worker adds one"));
    describe(m_sync, tr("Sync"),
             tr("How the shared value is protected: not at all, by a mutex, or atomically"));
    describe(m_repeat, tr("Repeat"), tr("How many times the experiment runs, for the spread"));
    describe(m_work, tr("Work units"), tr("CPU work per worker (CPU-bound speed-up)"));
    describe(m_slowMotion, tr("Slow motion"),
             tr("Run the counter step by step, so every lost update can be seen"));
    describe(m_stepMs, tr("Step length"), tr("Milliseconds per step in slow motion"));

    auto *params = new QGroupBox(tr("Parameters"));
    m_form = new QFormLayout(params);
    m_form->addRow(tr("Kind:"), m_kind);
    m_form->addRow(tr("Workers:"), m_workers);
    m_form->addRow(tr("Wait:"), m_seconds);
    m_form->addRow(tr("Increments:"), m_increments);
    m_form->addRow(tr("Sync:"), m_sync);
    m_form->addRow(tr("Repeat:"), m_repeat);
    m_form->addRow(tr("Work units:"), m_work);
    m_form->addRow(m_slowMotion, m_stepMs);

    m_runButton = new QPushButton(tr("Run"));
    m_runButton->setObjectName(QStringLiteral("labRunButton"));
    m_runButton->setDefault(true);
    m_stopButton = new QPushButton(tr("Stop"));
    m_stopButton->setObjectName(QStringLiteral("labStopButton"));
    describe(m_runButton, tr("Run"), tr("Run the experiment with these parameters"));
    describe(m_stopButton, tr("Stop"), tr("Stop the workers now"));
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_runButton);
    runRow->addWidget(m_stopButton);

    m_status = new QLabel(tr("Ready."));
    m_status->setObjectName(QStringLiteral("labStatus"));
    m_status->setWordWrap(true);
    m_lostLabel = new QLabel;
    m_lostLabel->setObjectName(QStringLiteral("labLostLabel"));

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_experiments);
    leftLayout->addWidget(m_explanation, 1);
    leftLayout->addWidget(params);
    leftLayout->addLayout(runRow);
    leftLayout->addWidget(m_status);
    leftLayout->addWidget(m_lostLabel);

    // Right: timeline, share view, results and their actions.
    m_timeline = new TimelineWidget;
    m_timeline->setObjectName(QStringLiteral("labTimeline"));

    m_shareView = new QTableWidget(2, 2);
    m_shareView->setObjectName(QStringLiteral("labShareView"));
    m_shareView->setHorizontalHeaderLabels(
        {tr("Plain memory (parent sees)"), tr("Shared memory (parent sees)")});
    m_shareView->setVerticalHeaderLabels({tr("Counter"), tr("List / array")});
    m_shareView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_shareView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_shareView->setMaximumHeight(m_shareView->verticalHeader()->defaultSectionSize() * 4);
    m_shareView->hide();
    describe(m_shareView, tr("Memory seen by the parent"),
             tr("What the parent reads after the workers wrote: copied memory stays as it "
                "was, shared memory shows their writes"));

    m_resultsView = new QTableView;
    m_resultsView->setObjectName(QStringLiteral("labResultsTable"));
    m_resultsView->setModel(m_results);
    m_resultsView->horizontalHeader()->setStretchLastSection(false);
    m_resultsView->horizontalHeader()->setSectionResizeMode(LabResultsModel::ResultColumn,
                                                            QHeaderView::Stretch);
    m_resultsView->verticalHeader()->hide();
    m_resultsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    describe(m_resultsView, tr("Results"), tr("One row per run of an experiment"));

    m_copyButton = new QPushButton(tr("Copy as text"));
    m_copyButton->setObjectName(QStringLiteral("labCopyButton"));
    describe(m_copyButton, tr("Copy as text"), tr("Copy the results table as text"));
    m_exportTraceButton = new QPushButton(tr("Export trace…"));
    m_exportTraceButton->setObjectName(QStringLiteral("labExportTraceButton"));
    m_exportTraceButton->setToolTip(
        tr("Chrome trace JSON: open it in Perfetto or chrome://tracing"));
    m_exportPngButton = new QPushButton(tr("Export PNG…"));
    m_exportPngButton->setObjectName(QStringLiteral("labExportPngButton"));
    describe(m_exportPngButton, tr("Export PNG"), tr("Save the timeline as a picture"));
    m_presentationButton = new QPushButton(tr("Presentation mode"));
    m_presentationButton->setObjectName(QStringLiteral("labPresentationButton"));
    m_presentationButton->setCheckable(true);
    describe(m_presentationButton, tr("Presentation mode"),
             tr("Larger text and timeline rows, for a projector"));
    auto *zoomFit = new QPushButton(tr("Fit"));
    zoomFit->setObjectName(QStringLiteral("labZoomFitButton"));
    zoomFit->setToolTip(tr("Show the whole timeline (Ctrl+wheel zooms, drag pans)"));
    auto *actions = new QHBoxLayout;
    actions->addWidget(zoomFit);
    actions->addWidget(m_presentationButton);
    actions->addStretch(1);
    actions->addWidget(m_copyButton);
    actions->addWidget(m_exportTraceButton);
    actions->addWidget(m_exportPngButton);

    auto *resultsBox = new QWidget;
    auto *resultsLayout = new QVBoxLayout(resultsBox);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addWidget(m_shareView);
    resultsLayout->addWidget(m_resultsView, 1);
    resultsLayout->addLayout(actions);

    auto *rightSplit = new QSplitter(Qt::Vertical);
    rightSplit->addWidget(m_timeline);
    rightSplit->addWidget(resultsBox);
    rightSplit->setStretchFactor(0, 3);
    rightSplit->setStretchFactor(1, 2);

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(rightSplit);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_experiments, &QListWidget::currentRowChanged, this, &LabPage::experimentChanged);
    connect(m_runButton, &QPushButton::clicked, this, &LabPage::run);
    connect(m_stopButton, &QPushButton::clicked, this, &LabPage::stop);
    connect(m_presentationButton, &QPushButton::toggled, this, &LabPage::setPresentationMode);
    connect(zoomFit, &QPushButton::clicked, m_timeline, &TimelineWidget::zoomToFit);
    connect(m_slowMotion, &QCheckBox::toggled, this, [this](bool on) {
        m_stepMs->setEnabled(on);
        // Slow motion shows every step: a handful is plenty, a million would take days.
        if (on && m_increments->value() > 20)
            m_increments->setValue(10);
        if (on && m_workers->value() > 3)
            m_workers->setValue(2);
        if (on && m_repeat->value() > 1)
            m_repeat->setValue(1);
    });
    connect(m_copyButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(resultsText()); });
    connect(m_exportTraceButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export timeline as Chrome trace"), QStringLiteral("volley-lab-trace.json"),
            tr("Chrome trace (*.json)"));
        if (!path.isEmpty() && !exportTrace(path))
            m_status->setText(tr("Could not write %1.").arg(path));
    });
    connect(m_exportPngButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export timeline as PNG"),
                                                          QStringLiteral("volley-lab-timeline.png"),
                                                          tr("PNG image (*.png)"));
        if (!path.isEmpty() && !exportPng(path))
            m_status->setText(tr("Could not write %1.").arg(path));
    });
    connect(m_job, &lab::LabJob::eventsArrived, this, &LabPage::onEvents);
    connect(m_job, &lab::LabJob::finished, this, &LabPage::onFinished);
    connect(m_job, &lab::LabJob::progressChanged, this, [this](int done, int total) {
        m_status->setText(tr("Running… %1 of %2 done.").arg(done).arg(total));
    });

    m_stepMs->setEnabled(false);
    m_experiments->setCurrentRow(int(Experiment::Counter));
    updateButtons();
}

LabPage::~LabPage() = default;

void LabPage::setWorkerProgram(const QString &path)
{
    m_workerProgram = path;
}

Experiment LabPage::currentExperiment() const
{
    const QListWidgetItem *item = m_experiments->currentItem();
    return item ? Experiment(item->data(Qt::UserRole).toInt()) : Experiment::Counter;
}

void LabPage::experimentChanged()
{
    const Experiment e = currentExperiment();
    m_explanation->setText(QStringLiteral("<h3>%1</h3>").arg(title(e)) + explanation(e));
    const Kind previous = Kind(m_kind->currentData().toInt());
    m_kind->clear();
    for (Kind k : lab::supportedKinds(e))
        m_kind->addItem(lab::kindName(k), int(k));
    const int again = m_kind->findData(int(previous));
    m_kind->setCurrentIndex(again >= 0 ? again : 0);

    const bool counter = e == Experiment::Counter;
    const bool bank = e == Experiment::Bank;
    m_form->setRowVisible(m_workers, e == Experiment::Spawn || counter || e == Experiment::Cpu);
    m_form->setRowVisible(m_seconds, e == Experiment::Spawn);
    m_form->setRowVisible(m_increments, counter);
    m_form->setRowVisible(m_sync, counter || bank);
    m_form->setRowVisible(m_repeat, counter || bank);
    m_form->setRowVisible(m_work, e == Experiment::Cpu);
    m_form->setRowVisible(m_stepMs, counter || bank);
    // The bank has no atomic variant: a deposit is not a single machine step.
    if (bank && m_sync->currentData().toInt() == int(lab::Sync::Atomic))
        m_sync->setCurrentIndex(m_sync->findData(int(lab::Sync::Mutex)));
    m_shareView->setVisible(e == Experiment::Share);
}

lab::LabOptions LabPage::currentOptions() const
{
    lab::LabOptions o;
    o.experiment = currentExperiment();
    o.kind = Kind(m_kind->currentData().toInt());
    o.sync = lab::Sync(m_sync->currentData().toInt());
    if (o.experiment == Experiment::Bank && o.sync == lab::Sync::Atomic)
        o.sync = lab::Sync::Mutex;
    o.workers = m_workers->value();
    o.seconds = m_seconds->value();
    o.increments = m_increments->value();
    o.repeat = m_repeat->value();
    o.work = m_work->value();
    const bool slowCapable =
        o.experiment == Experiment::Counter || o.experiment == Experiment::Bank;
    o.stepDelayMs = slowCapable && m_slowMotion->isChecked() ? m_stepMs->value() : 0;
    o.workerProgram = m_workerProgram;
    return o;
}

bool LabPage::isRunning() const
{
    return m_job->isRunning();
}

void LabPage::run()
{
    if (m_job->isRunning())
        return;
    const lab::LabOptions o = currentOptions();
    if (const QString problem = lab::validate(o); !problem.isEmpty()) {
        m_status->setText(problem);
        return;
    }
    if (o.kind == Kind::Processes && o.workerProgram.isEmpty()) {
        m_status->setText(tr("Process workers need volley-cli; it was not found next to "
                             "this program."));
        return;
    }
    m_running = o;
    m_timeline->clear();
    m_rowOfWorker.clear();
    m_lastEvents.clear();
    m_lastMarks.clear();
    m_liveLost = 0;
    m_lostLabel->setText(o.stepDelayMs > 0 ? tr("Lost updates so far: 0") : QString());
    m_status->setText(tr("Running %1…").arg(title(o.experiment)));
    m_job->start(o);
    updateButtons();
}

void LabPage::stop()
{
    if (!m_job->isRunning())
        return;
    m_status->setText(tr("Stopping…"));
    m_job->stop();
}

void LabPage::setPresentationMode(bool on)
{
    m_timeline->setPresentationMode(on);
    QFont f = QApplication::font(this);
    if (on)
        f.setPointSizeF(f.pointSizeF() * 1.4);
    m_explanation->setFont(f);
    m_resultsView->setFont(f);
    m_status->setFont(f);
    m_lostLabel->setFont(f);
    if (m_presentationButton->isChecked() != on)
        m_presentationButton->setChecked(on);
}

int LabPage::rowFor(int worker, qint64 pid, qint64 tid)
{
    const auto it = m_rowOfWorker.constFind(worker);
    if (it != m_rowOfWorker.constEnd())
        return it.value();
    QString label;
    switch (m_running.kind) {
    case Kind::Threads:
        label = tr("thread %1 · tid %2").arg(worker).arg(tid);
        break;
    case Kind::Processes:
        label = tr("process %1 · pid %2").arg(worker).arg(pid);
        break;
    case Kind::Sequential:
        label = tr("step %1 · tid %2").arg(worker).arg(tid);
        break;
    case Kind::EventLoop:
        label = tr("timer %1 · tid %2").arg(worker).arg(tid);
        break;
    }
    // Rows in worker order, whatever order their first events arrive in.
    while (m_timeline->rowCount() <= worker)
        m_timeline->addRow(tr("worker %1").arg(m_timeline->rowCount()));
    m_timeline->setRowLabel(worker, label);
    m_rowOfWorker.insert(worker, worker);
    return worker;
}

void LabPage::onEvents(const QList<lab::TimelineEvent> &events,
                       const QList<lab::TimelineMark> &marks)
{
    for (const lab::TimelineEvent &e : events) {
        m_timeline->addBar(rowFor(e.worker, e.pid, e.tid), e.startUs, e.endUs, stateKey(e.state));
        m_lastEvents.append(e);
    }
    for (const lab::TimelineMark &m : marks) {
        const int row = m_rowOfWorker.value(m.worker, -1) >= 0 ? m_rowOfWorker.value(m.worker)
                                                               : rowFor(m.worker, 0, 0);
        const QString text =
            m.kind == lab::MarkKind::Read ? tr("r%1").arg(m.value) : tr("w%1").arg(m.value);
        m_timeline->addMarker(row, m.timeUs, text, m.lost);
        m_lastMarks.append(m);
        if (m.lost)
            ++m_liveLost;
    }
    if (!marks.isEmpty())
        m_lostLabel->setText(tr("Lost updates so far: %1").arg(m_liveLost));
}

void LabPage::onFinished(const lab::LabResult &result)
{
    // The final result is authoritative (and sorted): redraw from it.
    m_timeline->clear();
    m_rowOfWorker.clear();
    m_lastEvents.clear();
    m_lastMarks.clear();
    m_liveLost = 0;
    onEvents(result.timeline, result.marks);
    m_results->append(result);
    m_resultsView->scrollToBottom();
    if (!result.error.isEmpty())
        m_status->setText(tr("Could not run: %1").arg(result.error));
    else if (result.cancelled)
        m_status->setText(tr("Stopped; every worker has ended."));
    else
        m_status->setText(LabResultsModel::resultText(result));
    if (result.options.experiment == Experiment::Share)
        showShare(result);
    updateButtons();
    emit runFinished();
}

void LabPage::showShare(const lab::LabResult &result)
{
    if (result.runs.isEmpty())
        return;
    const QJsonObject run = result.runs.first();
    auto list = [](const QJsonValue &v) -> QString {
        QStringList parts;
        const QJsonArray a = v.toArray();
        for (const QJsonValue &x : a)
            parts << QString::number(x.toInteger());
        return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
    };
    auto set = [this](int r, int c, const QString &text) {
        m_shareView->setItem(r, c, new QTableWidgetItem(text));
    };
    set(0, 0, QString::number(run.value(QStringLiteral("parent_plain_counter")).toInteger()));
    set(0, 1, QString::number(run.value(QStringLiteral("parent_shared_counter")).toInteger()));
    set(1, 0, list(run.value(QStringLiteral("parent_plain_list"))));
    set(1, 1, list(run.value(QStringLiteral("parent_shared_array"))));
}

void LabPage::updateButtons()
{
    const bool running = m_job->isRunning();
    m_runButton->setEnabled(!running);
    m_stopButton->setEnabled(running);
    m_experiments->setEnabled(!running);
}

QString LabPage::resultsText() const
{
    return m_results->toText();
}

bool LabPage::exportTrace(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(lab::chromeTrace(m_lastEvents, m_lastMarks));
    return file.commit();
}

bool LabPage::exportPng(const QString &path) const
{
    return m_timeline->toImage().save(path, "PNG");
}

} // namespace volley
