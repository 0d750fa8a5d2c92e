// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the lab: memory shared with process workers, and the group of
// `volley-cli lab-worker` processes an experiment starts and always reaps.

#include "lab/lab.h"
#include "lab/labworkers.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

class QProcess;

namespace volley::lab {

/// A SharedState in a mapped file, so separate processes see the same bytes.
class SharedMapping final
{
    Q_DISABLE_COPY_MOVE(SharedMapping)

public:
    SharedMapping() = default;
    ~SharedMapping();

    /// Parent: creates, maps and initialises a fresh state.
    bool create(QString *error);
    /// Worker: maps the parent's state.
    bool open(const QString &path, QString *error);

    SharedState *state() const { return m_state; }
    QString path() const { return m_path; }

private:
    SharedState *m_state = nullptr;
    QString m_path;
    bool m_owner = false;
};

/// What one process worker reported on its stdout.
struct WorkerReport
{
    qint64 pid = 0;
    qint64 tid = 0;
    qint64 spawnCallUs = 0; ///< when the parent asked for the process
    qint64 startedUs = 0;   ///< when the worker's code began running
    qint64 finishedUs = 0;
    QHash<QByteArray, qint64> numbers;
    QHash<QByteArray, QList<qint64>> lists;
    bool exited = false;
    int exitCode = -1;
    bool crashed = false;
    QByteArray errors;
};

/// Starts `program lab-worker ...` processes and collects their reports. A
/// worker dies with its parent (PR_SET_PDEATHSIG) and is killed and reaped
/// when the group is destroyed, so none is ever left behind.
class WorkerProcesses final
{
    Q_DISABLE_COPY_MOVE(WorkerProcesses)

public:
    WorkerProcesses(const QString &program, LabContext *ctx, qint64 originUs);
    ~WorkerProcesses();

    /// Starts worker number `worker` with `lab-worker` + args.
    bool start(int worker, const QStringList &args, QString *error);
    /// Runs a local event loop until every worker has ended. tick runs every
    /// millisecond (e.g. to release the start line). False if cancelled.
    bool waitAll(const std::function<void()> &tick = {});
    /// Waits until the worker has said hello (its code is running).
    bool waitStarted(int worker, int timeoutMs);
    /// Kills one worker at once and reaps it.
    void kill(int worker);
    void killAll();

    const WorkerReport &report(int worker) const { return m_reports.at(size_t(worker)); }
    int count() const { return int(m_reports.size()); }
    QList<TimelineEvent> events;
    QList<TimelineMark> marks;

private:
    void readLines(int worker);
    void handleLine(int worker, const QByteArray &line);
    bool anyRunning() const;

    QString m_program;
    LabContext *m_ctx;
    qint64 m_origin;
    std::vector<std::unique_ptr<QProcess>> m_processes;
    std::vector<WorkerReport> m_reports;
    std::vector<QByteArray> m_partial;
};

} // namespace volley::lab
