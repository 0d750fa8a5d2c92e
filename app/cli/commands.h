// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// Each subcommand of volley-cli lives in its own cmd_*.cpp. args[0] is the
// subcommand name; the return value is the process exit status.
namespace volley::cli {

int runCommand(const QStringList &args);
int fleetCommand(const QStringList &args);
int hostsCommand(const QStringList &args);
int inventoryCommand(const QStringList &args);
int labCommand(const QStringList &args);
/// Hidden: a Concurrency Lab process worker (started by the lab itself).
int labWorkerCommand(const QStringList &args);

/// Exit statuses shared by every subcommand.
enum ExitCode { ExitOk = 0, ExitFailed = 1, ExitUsage = 2, ExitCouldNotRun = 3, ExitInterrupted = 130 };

} // namespace volley::cli
