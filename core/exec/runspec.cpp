// SPDX-License-Identifier: GPL-3.0-or-later
#include "exec/runspec.h"

namespace volley {

QString hostKeyPolicyName(HostKeyPolicy p)
{
    switch (p) {
    case HostKeyPolicy::Strict:
        return QStringLiteral("strict");
    case HostKeyPolicy::AcceptNew:
        return QStringLiteral("accept-new");
    case HostKeyPolicy::Ask:
        return QStringLiteral("ask");
    }
    return QStringLiteral("strict");
}

bool hostKeyPolicyFromName(const QString &name, HostKeyPolicy *out)
{
    for (HostKeyPolicy p : {HostKeyPolicy::Strict, HostKeyPolicy::AcceptNew, HostKeyPolicy::Ask}) {
        if (hostKeyPolicyName(p) == name) {
            *out = p;
            return true;
        }
    }
    return false;
}

} // namespace volley
