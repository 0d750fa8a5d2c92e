// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QTimer>

namespace volley {

class TargetContext;

/// Runs a local target's commands one after another as `/bin/sh -c COMMAND`,
/// asynchronously on the owner's thread, like a remote shell would. Each
/// command gets its own process group so a timeout or cancel ends everything
/// it started: SIGTERM to the group, then SIGKILL a second later.
class LocalTask final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalTask)

public:
    LocalTask(TargetContext *context, QObject *parent = nullptr);
    ~LocalTask() override;

    void start();
    /// Ends the running command (TERM, then KILL after a second).
    void cancel();

signals:
    void done();

private:
    void startCommand();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void onTimeout();
    void terminate();
    void drain();
    void finishTarget();

    TargetContext *m_ctx;
    QStringList m_commands;
    int m_current = -1;
    QProcess *m_process = nullptr;
    QTimer m_timeout;
    QTimer m_killTimer;
    QElapsedTimer m_clock;
    bool m_timedOut = false;
    bool m_cancelled = false;
    bool m_finished = false;
    Status m_worst = Status::Ok;
    CommandResult m_result;
};

} // namespace volley
