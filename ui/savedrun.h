// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/result.h"
#include "inventory/target.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace volley {

/// A run read back from its JSON export or its journal (the schema of
/// `volley-cli run --json`), for "Open run…" and the history: the typed view
/// the window shows. Reading and checking the file is the engine's
/// (readSavedRun(), validateRunDocument()).
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

    /// The view of a document that validateRunDocument() accepted.
    static SavedRun fromDocument(const QJsonObject &json);
    /// Commands of the first target (what the run ran), one per line.
    QString commandText() const;
};

} // namespace volley
