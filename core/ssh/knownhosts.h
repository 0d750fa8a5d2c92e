// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace volley {

/// Guards appends to known_hosts files: parallel sessions add lines to the same
/// file, and libssh does not lock it.
void lockKnownHosts();
void unlockKnownHosts();

/// The host as OpenSSH writes it in known_hosts: "host" on port 22, "[host]:port" otherwise.
QString knownHostsName(const QString &host, int port);

/// Keys recorded for host:port in an OpenSSH known_hosts file (plain and
/// hashed entries), as "type SHA256:..." strings.
QStringList recordedHostKeys(const QString &knownHostsFile, const QString &host, int port);

/// The command that removes a stale line, for error messages.
QString forgetHostKeyCommand(const QString &host, int port, const QString &knownHostsFile);

} // namespace volley
