// SPDX-License-Identifier: GPL-3.0-or-later
#include "exec/localtask.h"

#include "exec/signalnames.h"
#include "exec/targetcontext.h"

#include <csignal>
#include <unistd.h>

namespace volley {

LocalTask::LocalTask(TargetContext *context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
    , m_commands(context->commands())
{
    m_timeout.setSingleShot(true);
    m_killTimer.setSingleShot(true);
    m_killTimer.setInterval(1000);
    connect(&m_timeout, &QTimer::timeout, this, &LocalTask::onTimeout);
    connect(&m_killTimer, &QTimer::timeout, this, [this] {
        if (m_process && m_process->state() != QProcess::NotRunning)
            ::kill(-pid_t(m_process->processId()), SIGKILL);
    });
}

LocalTask::~LocalTask()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        // Never leave a process behind: kill the group and reap it.
        ::kill(-pid_t(m_process->processId()), SIGKILL);
        m_process->waitForFinished(2000);
    }
}

void LocalTask::start()
{
    m_ctx->connecting(); // no connection to make: the phase is empty
    m_ctx->authenticating();
    m_current = -1;
    startCommand();
}

void LocalTask::startCommand()
{
    ++m_current;
    if (m_current >= m_commands.size() || m_ctx->cancelRequested()) {
        finishTarget();
        return;
    }
    m_result = CommandResult();
    m_result.command = m_commands.at(m_current);
    m_timedOut = false;
    m_ctx->commandStarted(m_current);
    m_clock.start();

    delete m_process;
    m_process = new QProcess(this);
    m_process->setProgram(QStringLiteral("/bin/sh"));
    // The command goes to the shell exactly as typed; Volley adds nothing to it.
    m_process->setArguments({QStringLiteral("-c"), m_result.command});
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setChildProcessModifier([] { ::setpgid(0, 0); });
    connect(m_process, &QProcess::readyReadStandardOutput, this, &LocalTask::drain);
    connect(m_process, &QProcess::readyReadStandardError, this, &LocalTask::drain);
    connect(m_process, &QProcess::finished, this, &LocalTask::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &LocalTask::onError);
    if (m_ctx->spec().commandTimeoutSec > 0)
        m_timeout.start(m_ctx->spec().commandTimeoutSec * 1000);
    m_process->start();
}

void LocalTask::drain()
{
    if (!m_process)
        return;
    const QByteArray out = m_process->readAllStandardOutput();
    if (!out.isEmpty()) {
        m_result.stdoutBytes += out.size();
        m_ctx->output(m_current, Stream::Stdout, out.constData(), out.size());
    }
    const QByteArray err = m_process->readAllStandardError();
    if (!err.isEmpty()) {
        m_result.stderrBytes += err.size();
        m_ctx->output(m_current, Stream::Stderr, err.constData(), err.size());
    }
}

void LocalTask::onFinished(int exitCode, QProcess::ExitStatus status)
{
    drain();
    m_timeout.stop();
    m_killTimer.stop();
    m_result.durationMs = m_clock.elapsed();
    if (status == QProcess::CrashExit) {
        // Qt reports the signal number as the exit code of a crashed process.
        m_result.signal = signalName(exitCode);
        m_result.exitCode.reset();
    } else {
        m_result.exitCode = exitCode;
    }
    if (m_timedOut)
        m_result.status = Status::Timeout;
    else if (m_cancelled)
        m_result.status = Status::Cancelled;
    else if (status == QProcess::NormalExit && exitCode == 0)
        m_result.status = Status::Ok;
    else
        m_result.status = Status::Failed;
    m_ctx->commandFinished(m_current, m_result);

    if (m_result.status == Status::Timeout)
        m_worst = Status::Timeout;
    else if (m_result.status == Status::Cancelled)
        m_worst = Status::Cancelled;
    else if (m_result.status == Status::Failed && m_worst == Status::Ok)
        m_worst = Status::Failed;

    const bool stop = m_result.status == Status::Timeout || m_result.status == Status::Cancelled ||
                      (m_result.status == Status::Failed && m_ctx->spec().stopOnError);
    if (stop) {
        finishTarget();
        return;
    }
    // Next command after this slot returns: QProcess must not be deleted inside its own signal.
    QMetaObject::invokeMethod(this, &LocalTask::startCommand, Qt::QueuedConnection);
}

void LocalTask::onError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return; // crashes and timeouts arrive through finished()
    m_timeout.stop();
    m_result.status = Status::Error;
    m_ctx->commandFinished(m_current, m_result);
    m_worst = Status::Error;
    const QString why = m_process->errorString();
    m_finished = true;
    m_ctx->finish(Status::Error,
                  tr("could not start /bin/sh on this machine: %1; check that /bin/sh exists "
                     "and that Volley may create processes")
                      .arg(why));
    emit done();
}

void LocalTask::onTimeout()
{
    m_timedOut = true;
    m_ctx->message(
        tr("command timed out after %1 s; terminating it").arg(m_ctx->spec().commandTimeoutSec));
    terminate();
}

void LocalTask::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (m_process && m_process->state() != QProcess::NotRunning)
        terminate();
}

void LocalTask::terminate()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    ::kill(-pid_t(m_process->processId()), SIGTERM);
    m_killTimer.start();
}

void LocalTask::finishTarget()
{
    if (m_finished)
        return;
    m_finished = true;
    Status status = m_worst;
    if (m_cancelled && status == Status::Ok)
        status = Status::Cancelled;
    QString error;
    if (status == Status::Timeout)
        error = tr("a command ran past the %1 s timeout and was ended")
                    .arg(m_ctx->spec().commandTimeoutSec);
    else if (status == Status::Cancelled)
        error = tr("cancelled");
    m_ctx->finish(status, error);
    emit done();
}

} // namespace volley
