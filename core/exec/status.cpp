// SPDX-License-Identifier: GPL-3.0-or-later
#include "exec/status.h"

namespace volley {

QString statusName(Status s)
{
    switch (s) {
    case Status::Pending:
        return QStringLiteral("pending");
    case Status::Running:
        return QStringLiteral("running");
    case Status::Ok:
        return QStringLiteral("ok");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::Timeout:
        return QStringLiteral("timeout");
    case Status::Unreachable:
        return QStringLiteral("unreachable");
    case Status::AuthFailed:
        return QStringLiteral("auth_failed");
    case Status::HostKeyRejected:
        return QStringLiteral("host_key_rejected");
    case Status::Cancelled:
        return QStringLiteral("cancelled");
    case Status::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("error");
}

bool statusFromName(const QString &name, Status *out)
{
    for (Status s : {Status::Pending, Status::Running, Status::Ok, Status::Failed, Status::Timeout,
                     Status::Unreachable, Status::AuthFailed, Status::HostKeyRejected,
                     Status::Cancelled, Status::Error}) {
        if (statusName(s) == name) {
            *out = s;
            return true;
        }
    }
    return false;
}

bool isFinal(Status s)
{
    return s != Status::Pending && s != Status::Running;
}

bool targetConnected(Status s)
{
    return s == Status::Ok || s == Status::Failed || s == Status::Timeout;
}

} // namespace volley
