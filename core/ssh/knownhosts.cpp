// SPDX-License-Identifier: GPL-3.0-or-later
#include "ssh/knownhosts.h"

#include <mutex>
#include <QCryptographicHash>
#include <QFile>
#include <QMessageAuthenticationCode>

namespace volley {

namespace {
std::mutex g_knownHostsMutex;
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

QStringList recordedHostKeys(const QString &knownHostsFile, const QString &host, int port)
{
    QFile f(knownHostsFile);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray name = knownHostsName(host, port).toUtf8();
    QStringList out;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.isEmpty() || line.startsWith('#') || line.startsWith('@'))
            continue;
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 3)
            continue;
        bool match = false;
        for (const QByteArray &pattern : fields.at(0).split(',')) {
            if (pattern.startsWith("|1|")) {
                // Hashed: |1|base64(salt)|base64(HMAC-SHA1(salt, name))
                const QList<QByteArray> parts = pattern.split('|');
                if (parts.size() == 4) {
                    const QByteArray mac = QMessageAuthenticationCode::hash(
                        name, QByteArray::fromBase64(parts.at(2)), QCryptographicHash::Sha1);
                    match = mac == QByteArray::fromBase64(parts.at(3));
                }
            } else {
                match = pattern == name;
            }
            if (match)
                break;
        }
        if (!match)
            continue;
        const QByteArray digest = QCryptographicHash::hash(QByteArray::fromBase64(fields.at(2)),
                                                           QCryptographicHash::Sha256);
        out << QStringLiteral("%1 SHA256:%2")
                   .arg(QString::fromLatin1(fields.at(1)),
                        QString::fromLatin1(digest.toBase64(QByteArray::OmitTrailingEquals)));
    }
    return out;
}

QString forgetHostKeyCommand(const QString &host, int port, const QString &knownHostsFile)
{
    QString cmd = QStringLiteral("ssh-keygen -R '%1'").arg(knownHostsName(host, port));
    if (!knownHostsFile.isEmpty())
        cmd += QStringLiteral(" -f '%1'").arg(knownHostsFile);
    return cmd;
}

} // namespace volley
