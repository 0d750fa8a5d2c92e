// SPDX-License-Identifier: GPL-3.0-or-later
// Translation contexts for what volley_core says to people (errors and notes the window
// and volley-cli show). Core has few QObjects to carry tr(), so each area has a struct
// whose only job is tr(): lupdate files SshMessages::tr("...") under "volley::Ssh".
// JSON keys, status words (ok, failed, unreachable, ...), file-format tokens, ssh_config
// keywords and other text that programs read stay untranslated.
#pragma once

#include <QCoreApplication>

namespace volley {

/// Host patterns (web[01-20].lab, @group, ranges).
struct HostPatternMessages
{
    Q_DECLARE_TR_FUNCTIONS(volley::HostPattern)
};
/// Picking targets from patterns, hosts files and plans.
struct TargetSelectionMessages
{
    Q_DECLARE_TR_FUNCTIONS(volley::TargetSelection)
};
/// The saved inventory: targets, groups, the store on disk, exports.
struct InventoryMessages
{
    Q_DECLARE_TR_FUNCTIONS(volley::Inventory)
};
/// Importing hosts files, ssh_config, known_hosts and Ansible inventories.
struct ImportMessages
{
    Q_DECLARE_TR_FUNCTIONS(volley::Import)
};
/// The engine: runs, output spills.
struct ExecMessages
{
    Q_DECLARE_TR_FUNCTIONS(volley::Exec)
};
/// SSH targets: connecting, host keys, authentication, commands.
struct SshMessages
{
    Q_DECLARE_TR_FUNCTIONS(volley::Ssh)
};
/// Run journals and reports.
struct ReportMessages
{
    Q_DECLARE_TR_FUNCTIONS(volley::Report)
};
/// The Concurrency Lab.
struct LabMessages
{
    Q_DECLARE_TR_FUNCTIONS(volley::Lab)
};
/// The loopback demo fleet (LocalFleet).
struct FleetMessages
{
    Q_DECLARE_TR_FUNCTIONS(volley::Fleet)
};

} // namespace volley
