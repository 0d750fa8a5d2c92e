// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/outputstore.h"
#include "exec/result.h"
#include "exec/runspec.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <memory>

namespace volley {

class RunPrivate;

/// New bytes of one target since the last update, in arrival order.
struct OutputChunk
{
    int target = -1;
    int command = 0;
    Stream stream = Stream::Stdout;
    QByteArray data;
};

/// What changed since the previous update; delivered on the owner's thread at
/// most ~30 times a second.
struct RunUpdate
{
    QList<OutputChunk> chunks; ///< consecutive bytes of the same stream are merged
    QList<int> started;        ///< targets that began (connecting or running)
    QList<int> finished;       ///< targets that reached a final status
    QList<int> changed;        ///< targets whose phase or status changed
    QList<QString> messages;   ///< engine notes, "target: text" (connecting, host key, ...)
    QList<int> messageTargets; ///< target index of each message
};

/// One run of commands over a set of targets. SSH targets run as blocking
/// libssh code on the run's own QThreadPool (size = fanout); local targets as
/// asynchronous QProcess on the owner's thread. The owner's thread never blocks.
class Run final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Run)

public:
    explicit Run(RunSpec spec, QObject *parent = nullptr);
    /// Cancels what is still running and waits for the workers (bounded by
    /// each step's timeout plus one second).
    ~Run() override;

    const RunSpec &spec() const;
    int targetCount() const;
    const Target &target(int index) const;
    /// The owner's view of a target's result, as of the last updated() (and
    /// final once finished() is emitted). Never waits for a worker on the
    /// owner's thread; other threads may call it too.
    TargetResult result(int index) const;
    const OutputStore &output(int index) const;
    OutputStore &output(int index);
    QDateTime startedAt() const;
    qint64 elapsedMs() const;
    bool isRunning() const;
    bool isFinished() const;
    int finishedCount() const;           ///< as of the last updated(), like result()
    int countWithStatus(Status s) const; ///< as of the last updated(), like result()

    /// volley-cli's exit status for this run: 0 all ok, 1 some command failed,
    /// 3 some target could not run, 130 cancelled.
    int exitCode() const;

public slots:
    void start();
    void cancel();
    void cancelTarget(int index);

signals:
    void updated(const volley::RunUpdate &update);
    void finished();

private:
    friend class RunPrivate;
    std::unique_ptr<RunPrivate> d;
};

} // namespace volley

Q_DECLARE_METATYPE(volley::RunUpdate)
