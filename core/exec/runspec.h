// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/outputstore.h"
#include "inventory/target.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace volley {

class CredentialProvider;

enum class HostKeyPolicy { Strict, AcceptNew, Ask };
QString hostKeyPolicyName(HostKeyPolicy p);
bool hostKeyPolicyFromName(const QString &name, HostKeyPolicy *out);

/// Everything a run needs. Built by the GUI or the CLI, then handed to Run.
struct RunSpec
{
    QList<Target> targets;
    QStringList commands; ///< run in order on each target (one connection)
    bool stopOnError = false;
    int fanout = 32;
    int connectTimeoutSec = 10;
    /// Given by the user: wins over ConnectTimeout in ssh_config (else ssh_config wins).
    bool connectTimeoutExplicit = false;
    int commandTimeoutSec = 0; ///< 0 = none
    HostKeyPolicy hostKeyPolicy = HostKeyPolicy::Strict;
    QString user;                          ///< default user when a target names none
    int port = 0;                          ///< default port when a target names none
    QStringList identityFiles;             ///< added to each target's own
    QString sshConfigFile;                 ///< empty = ~/.ssh/config; "none" = no config
    QString knownHostsFile;                ///< empty = ~/.ssh/known_hosts
    qint64 outputMemoryLimit = 256 * 1024; ///< per stream, before spilling to disk
    /// false: the run's stores count bytes but keep none (volley-cli printing
    /// plain text, where nothing reads them back: every byte is written once).
    bool keepOutput = true;
    /// Where a stream spills: the file the user asked for (volley-cli --outdir),
    /// so its bytes are written once. Empty function or path = a temporary file.
    /// Called on worker threads.
    std::function<QString(int target, int command, Stream stream)> spillPath;
    /// Nice value for the SSH worker threads, so a window's thread stays ahead of
    /// a busy pool (0 = unchanged).
    int workerNiceness = 0;
    int handshakeRetries = 3; ///< retries of a connection reset during the handshake
    CredentialProvider *credentials = nullptr; ///< may be null: no questions asked

    /// The commands a target runs: its own, else the run's.
    QStringList commandsFor(const Target &t) const
    {
        return t.commands.isEmpty() ? commands : t.commands;
    }
};

} // namespace volley
