// SPDX-License-Identifier: GPL-3.0-or-later
#include "ssh/proxyjump.h"

#include "trcontexts.h"

#include <QRegularExpression>

namespace volley {

namespace {

// One word for /bin/sh, whatever it holds.
QString shellQuote(const QString &word)
{
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// [user@]host[:port] as ssh://[user@]host[:port]; a bare IPv6 address gets its brackets.
QString hopUri(const QString &hop)
{
    const qsizetype at = hop.lastIndexOf(QLatin1Char('@'));
    const QString user = at >= 0 ? hop.left(at + 1) : QString();
    QString host = hop.mid(at + 1);
    if (host.count(QLatin1Char(':')) > 1 && !host.startsWith(QLatin1Char('[')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("ssh://") + user + host;
}

// A host name or address, never an option ('-…') nor anything /bin/sh or
// libssh's % expansion would read.
bool isHostName(const QString &host)
{
    static const QRegularExpression re(QStringLiteral(
        "^(?:[A-Za-z0-9_][A-Za-z0-9._-]*|\\[[0-9A-Fa-f:.]+\\]|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*)$"));
    return re.match(host).hasMatch();
}

// [user@]host[:port], as above.
bool isHop(const QString &hop)
{
    static const QRegularExpression user(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9._-]*$"));
    static const QRegularExpression port(QStringLiteral("^(.*[^:]):([0-9]{1,5})$"));
    const qsizetype at = hop.lastIndexOf(QLatin1Char('@'));
    if (at >= 0 && !user.match(hop.left(at)).hasMatch())
        return false;
    const QString host = hop.mid(at + 1);
    if (isHostName(host))
        return true;
    // name:port or [v6]:port (a bare IPv6 address is matched whole above).
    const QRegularExpressionMatch m = port.match(host);
    return m.hasMatch() && isHostName(m.captured(1)) &&
           (!m.captured(1).contains(QLatin1Char(':')) ||
            m.captured(1).startsWith(QLatin1Char('[')));
}

// libssh expands %-sequences in the whole ProxyCommand and knows no %%.
bool carriesPercent(const ProxyJumpOptions &o, QString *which)
{
    QStringList paths = o.identityFiles;
    paths << o.knownHostsFile << o.sshConfigFile;
    for (const QString &p : std::as_const(paths))
        if (p.contains(QLatin1Char('%'))) {
            *which = p;
            return true;
        }
    return false;
}

} // namespace

QByteArray proxyCommand(const QString &jump, const ProxyJumpOptions &options, QString *error)
{
    if (jump.contains(QLatin1Char(','))) {
        // OpenSSH would reach the first hops of a chain (-J) with the user's own
        // settings, not the run's host-key policy, known_hosts and keys.
        *error = SshMessages::tr("a chain of jump hosts (%1) is not supported; give one jump host")
                     .arg(jump);
        return {};
    }
    if (!isHop(jump)) {
        *error =
            SshMessages::tr("jump host '%1' is not a host name ([user@]host[:port])").arg(jump);
        return {};
    }
    if (!options.targetHost.isEmpty() && !isHostName(options.targetHost)) {
        *error = SshMessages::tr("'%1' cannot be reached through a jump host: it is not a host "
                                 "name or address")
                     .arg(options.targetHost);
        return {};
    }
    QString path;
    if (carriesPercent(options, &path) || options.knownHostsFile.contains(QLatin1Char('"'))) {
        *error = SshMessages::tr("the file %1 cannot be handed to the jump host's ssh (it holds "
                                 "'%' or '\"'); rename it")
                     .arg(path.isEmpty() ? options.knownHostsFile : path);
        return {};
    }
    QStringList args{QStringLiteral("ssh"), QStringLiteral("-W"),
                     shellQuote(QStringLiteral("[%h]:%p"))};
    if (options.sshConfigFile == QLatin1String("none"))
        args << QStringLiteral("-F") << QStringLiteral("none");
    else if (!options.sshConfigFile.isEmpty())
        args << QStringLiteral("-F") << shellQuote(options.sshConfigFile);
    const QString strict = options.policy == HostKeyPolicy::AcceptNew ? QStringLiteral("accept-new")
                                                                      : QStringLiteral("yes");
    args << QStringLiteral("-o") << QStringLiteral("BatchMode=yes") << QStringLiteral("-o")
         << QStringLiteral("StrictHostKeyChecking=") + strict << QStringLiteral("-o")
         << QStringLiteral("ConnectTimeout=%1").arg(qMax(1, options.connectTimeoutSec));
    // Double quotes inside the word: OpenSSH splits an -o value at spaces.
    if (!options.knownHostsFile.isEmpty())
        args << QStringLiteral("-o")
             << shellQuote(QStringLiteral("UserKnownHostsFile=\"%1\"").arg(options.knownHostsFile));
    for (const QString &identity : options.identityFiles)
        args << QStringLiteral("-i") << shellQuote(identity);
    args << shellQuote(hopUri(jump));
    const QByteArray command = args.join(QLatin1Char(' ')).toUtf8();
    if (command.size() > 4000) { // libssh's limit for an expanded ProxyCommand is 4096
        *error = SshMessages::tr("the jump host's ssh command would be too long (%1 bytes); give "
                                 "fewer identity files")
                     .arg(command.size());
        return {};
    }
    return command;
}

} // namespace volley
