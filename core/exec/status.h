// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace volley {

/// Where a target (or one of its commands) stands. The final statuses are the
/// same words in the GUI, the CLI text, the JSON and the exit codes.
enum class Status {
    Pending,
    Running,
    Ok,
    Failed,
    Timeout,
    Unreachable,
    AuthFailed,
    HostKeyRejected,
    Cancelled,
    Error,
};

inline constexpr Status kFinalStatuses[] = {
    Status::Ok,         Status::Failed,          Status::Timeout,   Status::Unreachable,
    Status::AuthFailed, Status::HostKeyRejected, Status::Cancelled, Status::Error};

/// "ok", "failed", "host_key_rejected", ... ("pending", "running" for the others).
QString statusName(Status s);
/// Inverse of statusName(); returns false on an unknown word.
bool statusFromName(const QString &name, Status *out);
bool isFinal(Status s);
/// The target ran its commands (ok/failed/timeout) as opposed to never getting to run.
bool targetConnected(Status s);

} // namespace volley
