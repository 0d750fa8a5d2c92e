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

/// True when file has a plain line naming exactly name with exactly this key,
/// which libssh would also call known. Only this positive answer is given
/// (anything else: ask libssh), from a parse of the file kept until the file
/// changes: libssh re-reads the whole file per session, O(N^2) over a run.
/// A file with markers (@revoked, @cert-authority) is never answered from here.
bool knownHostsHasExactKey(const QString &file, const QString &name, const QByteArray &type,
                           const QByteArray &base64);

/// The command that removes a stale line, for error messages.
QString forgetHostKeyCommand(const QString &host, int port, const QString &knownHostsFile);

} // namespace volley
