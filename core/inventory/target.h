// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace volley {

enum class Transport { Ssh, Local };

/// One machine a command runs on: an SSH host or the local machine.
/// Empty user / zero port mean "whatever ssh_config and the defaults say".
struct Target
{
    QString name; ///< unique display name ("web01", "local", "local:build")
    Transport transport = Transport::Ssh;
    QString address; ///< host name or IP for SSH; empty for local
    int port = 0;
    QString user;
    QStringList identityFiles;
    QString proxyJump;
    QString knownHostsFile; ///< overrides the run's known_hosts (demo fleet)
    QStringList groups;
    QStringList tags;
    QStringList commands; ///< per-target commands (plans); empty = the run's commands
    QString note;
    /// Settings an importer found but Volley has no field for (Ansible vars,
    /// extra CSV columns): kept so nothing is lost and exported back.
    QMap<QString, QString> vars;

    bool isLocal() const { return transport == Transport::Local; }

    /// Parses one element: "local", "local:NAME", "[user@]host[:port]", "[user@][v6addr]:port".
    /// Returns false and sets *error (quoting the element) on malformed input.
    static bool fromSpec(const QString &spec, Target *out, QString *error);

    friend bool operator==(const Target &, const Target &) = default;
};

QString transportName(Transport t);

} // namespace volley
