// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/lab.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <memory>

class QThreadPool;

namespace volley::lab {

/// Runs one experiment at a time off the owner's thread (the GUI thread never
/// runs an experiment) and reports live events batched ~30 times a second.
class LabJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabJob)

public:
    explicit LabJob(QObject *parent = nullptr);
    /// Cancels a running experiment and waits for it: no worker outlives the job.
    ~LabJob() override;

    /// Starts an experiment; false if one is still running.
    bool start(const LabOptions &options);
    /// Asks the running experiment to stop (threads see a flag, processes are killed).
    void stop();
    bool isRunning() const;
    /// Blocks until the running experiment (if any) has ended; for tests and shutdown.
    void waitForFinished();

signals:
    void eventsArrived(const QList<volley::lab::TimelineEvent> &events,
                       const QList<volley::lab::TimelineMark> &marks);
    void progressChanged(int done, int total);
    void finished(const volley::lab::LabResult &result);

private:
    struct Shared;
    void flush();

    std::unique_ptr<QThreadPool> m_pool;
    QFutureWatcher<LabResult> m_watcher;
    std::shared_ptr<Shared> m_shared;
    QTimer m_flushTimer;
};

} // namespace volley::lab
