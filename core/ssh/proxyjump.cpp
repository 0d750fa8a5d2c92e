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

} // namespace

QByteArray proxyCommand(const QString &jump, const ProxyJumpOptions &options, QString *error)
{
    static const QRegularExpression hostLike(
        QStringLiteral("^[A-Za-z0-9_.:\\[][A-Za-z0-9._@:\\[\\]-]*$"));
    const QStringList hops = jump.split(QLatin1Char(','));
    for (const QString &hop : hops) {
        if (!hostLike.match(hop).hasMatch()) {
            *error = SshMessages::tr("jump host '%1' is not a host name ([user@]host[:port], "
                                     "several separated by commas)")
                         .arg(hop);
            return {};
        }
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
    if (!options.knownHostsFile.isEmpty())
        args << QStringLiteral("-o")
             << shellQuote(QStringLiteral("UserKnownHostsFile=") + options.knownHostsFile);
    for (const QString &identity : options.identityFiles)
        args << QStringLiteral("-i") << shellQuote(identity);
    if (hops.size() > 1)
        args << QStringLiteral("-J")
             << shellQuote(hops.mid(0, hops.size() - 1).join(QLatin1Char(',')));
    args << shellQuote(hopUri(hops.last()));
    return args.join(QLatin1Char(' ')).toUtf8();
}

} // namespace volley
