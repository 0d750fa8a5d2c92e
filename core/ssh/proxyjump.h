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
    QString targetHost; ///< the host libssh puts for %h: checked, as it lands in /bin/sh
};

/// The ProxyCommand (run by libssh through /bin/sh) that reaches %h:%p through
/// `jump`, written as OpenSSH's ProxyJump: [user@]host[:port], given to the
/// proxy's ssh as an ssh:// URI (which carries a port). Every argument Volley
/// adds is single-quoted. Refused, with a message in *error and an empty
/// result: a hop that is not a host name (quotes, spaces, a leading '-' in the
/// user or host), a target host that is not one, a chain of hops (OpenSSH
/// would reach the first ones with the user's settings, not the run's), and
/// paths libssh's % expansion cannot carry.
QByteArray proxyCommand(const QString &jump, const ProxyJumpOptions &options, QString *error);

} // namespace volley
