// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/runspec.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace volley {

/// What the OpenSSH client that carries a jump needs from the run.
struct ProxyJumpOptions
{
    QString sshConfigFile;  ///< empty = OpenSSH's own files; "none" = none
    QString knownHostsFile; ///< empty = OpenSSH's default
    QStringList identityFiles;
    HostKeyPolicy policy = HostKeyPolicy::Strict; ///< Ask becomes strict: the proxy cannot ask
    int connectTimeoutSec = 10;
};

/// The ProxyCommand (run by libssh through /bin/sh) that reaches %h:%p through
/// `jump`, written as OpenSSH's ProxyJump: [user@]host[:port], several hops
/// separated by commas. The last hop is the proxy's destination (an ssh://
/// URI, which carries a port), the others go to -J. Every argument Volley adds
/// is single-quoted; a hop that is not a host name (quotes, spaces, a leading
/// '-') is refused with a message in *error and an empty result.
QByteArray proxyCommand(const QString &jump, const ProxyJumpOptions &options, QString *error);

} // namespace volley
