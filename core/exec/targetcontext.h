// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/outputstore.h"
#include "exec/result.h"
#include "exec/runspec.h"

#include <QByteArray>
#include <QString>

#include <atomic>

namespace volley {

class SecretCache;

/// What a transport (SSH worker or local process) sees of the run while it
/// works on one target: where to put bytes, how to report progress, and whether
/// to stop. Implemented by the Run; every method is thread-safe.
class TargetContext
{
public:
    virtual ~TargetContext() = default;

    virtual int index() const = 0;
    virtual const Target &target() const = 0;
    virtual const RunSpec &spec() const = 0;
    virtual QStringList commands() const = 0;
    virtual bool cancelRequested() const = 0;
    virtual const std::atomic_bool *cancelFlag() const = 0;
    virtual SecretCache &secrets() = 0;

    virtual void connecting() = 0;
    virtual void authenticating() = 0;
    virtual void hostKey(const QString &type, const QString &sha256) = 0;
    /// An engine note shown dimmed in the target's pane.
    virtual void message(const QString &text) = 0;
    virtual void commandStarted(int command) = 0;
    virtual void output(int command, Stream stream, const char *data, qint64 size) = 0;
    virtual void commandFinished(int command, const CommandResult &result) = 0;
    /// The final word on the target. error is empty for ok/failed.
    virtual void finish(Status status, const QString &error) = 0;
};

} // namespace volley
