// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/result.h"
#include "inventory/target.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace volley {

/// A run read back from its JSON export (the schema of `volley-cli run --json`),
/// for "Open run…" and the history.
struct SavedRun
{
    struct Command
    {
        CommandResult result;
        QByteArray stdoutBytes; ///< what the JSON holds (may be cut: see truncated)
        QByteArray stderrBytes;
        bool stdoutTruncated = false;
        bool stderrTruncated = false;
    };
    struct Entry
    {
        Target target;
        TargetResult result;
        QList<Command> commands;
    };

    QDateTime startedAt;
    qint64 durationMs = 0;
    int fanout = 0;
    QList<Entry> targets;

    /// Parses a document; on error returns false and says what is wrong where.
    static bool fromJson(const QJsonObject &json, SavedRun *out, QString *error);
    /// Commands of the first target (what the run ran), one per line.
    QString commandText() const;
};

} // namespace volley
