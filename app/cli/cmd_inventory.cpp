// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include <cstdio>

namespace volley::cli {

int hostsCommand(const QStringList &)
{
    std::fputs("volley-cli hosts: not available yet\n", stderr);
    return ExitUsage;
}

int inventoryCommand(const QStringList &)
{
    std::fputs("volley-cli inventory: not available yet\n", stderr);
    return ExitUsage;
}

} // namespace volley::cli
