// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/status.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace volley {

struct CommandResult
{
    QString command;
    Status status = Status::Pending;
    std::optional<int> exitCode;
    QString signal;      ///< "TERM", "KILL" ... when killed by a signal
    qint64 startMs = -1; ///< offset from the run's start
    qint64 durationMs = 0;
    qint64 stdoutBytes = 0;
    qint64 stderrBytes = 0;
};

/// Phase times of a target, as offsets in ms from the run's start (-1 = not reached).
struct Phases
{
    qint64 queuedMs = 0;
    qint64 connectMs = -1; ///< started connecting
    qint64 authMs = -1;    ///< started authenticating
    qint64 runMs = -1;     ///< first command started
    qint64 firstByteMs = -1;
    qint64 endMs = -1;
    int worker = -1; ///< pool worker slot (0..fanout-1)
};

struct TargetResult
{
    Status status = Status::Pending;
    QString error; ///< human message: what failed and what to do
    QString hostKeyType;
    QString hostKeySha256;
    QDateTime startedAt;
    qint64 durationMs = 0;
    QList<CommandResult> commands;
    Phases phases;
};

} // namespace volley
