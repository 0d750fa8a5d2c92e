// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include <cstdio>

namespace volley::cli {

int labCommand(const QStringList &)
{
    std::fputs("volley-cli lab: not available yet\n", stderr);
    return ExitUsage;
}

int labWorkerCommand(const QStringList &)
{
    return ExitUsage;
}

} // namespace volley::cli
