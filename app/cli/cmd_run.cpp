// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

namespace volley::cli {

int runCommand(const QStringList &)
{
    return ExitUsage;
}

} // namespace volley::cli
