// SPDX-License-Identifier: GPL-3.0-or-later
#include "ssh/knownhosts.h"

#include <QMutex>

namespace volley {

namespace {
QMutex g_knownHostsMutex;
}

void lockKnownHosts()
{
    g_knownHostsMutex.lock();
}

void unlockKnownHosts()
{
    g_knownHostsMutex.unlock();
}

QString knownHostsName(const QString &host, int port)
{
    if (port == 22 || port == 0)
        return host;
    return QStringLiteral("[%1]:%2").arg(host).arg(port);
}

QString forgetHostKeyCommand(const QString &host, int port, const QString &knownHostsFile)
{
    QString cmd = QStringLiteral("ssh-keygen -R '%1'").arg(knownHostsName(host, port));
    if (!knownHostsFile.isEmpty())
        cmd += QStringLiteral(" -f '%1'").arg(knownHostsFile);
    return cmd;
}

} // namespace volley
