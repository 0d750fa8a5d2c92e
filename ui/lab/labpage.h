// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/lab.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;

namespace volley {

namespace lab {
class LabJob;
}
class LabResultsModel;
class TimelineWidget;

/// The Concurrency Lab page: pick an experiment, set its parameters, run it
/// off the GUI thread and watch it draw itself on a live timeline.
class LabPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabPage)

public:
    explicit LabPage(QWidget *parent = nullptr);
    ~LabPage() override;

    /// The volley-cli that process workers run (defaults to the one beside
    /// this program).
    void setWorkerProgram(const QString &path);
    QString workerProgram() const { return m_workerProgram; }

    /// The options the controls describe now.
    lab::LabOptions currentOptions() const;
    bool isRunning() const;

    TimelineWidget *timeline() const { return m_timeline; }
    LabResultsModel *resultsModel() const { return m_results; }

    /// The results table as tab-separated text (also what "Copy" puts on the clipboard).
    QString resultsText() const;
    /// The last run's timeline as Chrome trace JSON (chrome://tracing, Perfetto).
    bool exportTrace(const QString &path) const;
    bool exportPng(const QString &path) const;

public slots:
    void run();
    void stop();
    void setPresentationMode(bool on);

signals:
    void runFinished();

private:
    void experimentChanged();
    void onEvents(const QList<lab::TimelineEvent> &events, const QList<lab::TimelineMark> &marks);
    void onFinished(const lab::LabResult &result);
    int rowFor(int worker, qint64 pid, qint64 tid);
    void updateButtons();
    void showShare(const lab::LabResult &result);
    lab::Experiment currentExperiment() const;

    lab::LabJob *m_job = nullptr;
    QString m_workerProgram;
    QListWidget *m_experiments = nullptr;
    QLabel *m_explanation = nullptr;
    QFormLayout *m_form = nullptr;
    QComboBox *m_kind = nullptr;
    QSpinBox *m_workers = nullptr;
    QDoubleSpinBox *m_seconds = nullptr;
    QSpinBox *m_increments = nullptr;
    QComboBox *m_sync = nullptr;
    QSpinBox *m_repeat = nullptr;
    QSpinBox *m_work = nullptr;
    QCheckBox *m_slowMotion = nullptr;
    QSpinBox *m_stepMs = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QPushButton *m_presentationButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_exportTraceButton = nullptr;
    QPushButton *m_exportPngButton = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_lostLabel = nullptr;
    QTableWidget *m_shareView = nullptr;
    TimelineWidget *m_timeline = nullptr;
    LabResultsModel *m_results = nullptr;
    QTableView *m_resultsView = nullptr;

    lab::LabOptions m_running;
    QHash<int, int> m_rowOfWorker;
    int m_liveLost = 0;
    QList<lab::TimelineEvent> m_lastEvents;
    QList<lab::TimelineMark> m_lastMarks;
};

} // namespace volley
