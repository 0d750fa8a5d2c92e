// SPDX-License-Identifier: GPL-3.0-or-later
#include "ssh/knownhosts.h"

#include <mutex>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMessageAuthenticationCode>

namespace volley {

namespace {
std::mutex g_knownHostsMutex;

struct ParsedKnownHosts
{
    qint64 size = -1;
    QDateTime modified;
    bool hasMarkers = false;
    QMultiHash<QByteArray, QByteArray> keys; // "[host]:port" -> "type base64"
};

std::mutex g_cacheMutex;
QHash<QString, ParsedKnownHosts> g_cache;
} // namespace

bool knownHostsHasExactKey(const QString &file, const QString &name, const QByteArray &type,
                           const QByteArray &base64)
{
    std::lock_guard lock(g_cacheMutex);
    const QFileInfo info(file);
    ParsedKnownHosts &parsed = g_cache[file];
    if (parsed.size != info.size() || parsed.modified != info.lastModified()) {
        parsed = ParsedKnownHosts();
        parsed.size = info.size();
        parsed.modified = info.lastModified();
        QFile f(file);
        if (f.open(QIODevice::ReadOnly)) {
            while (!f.atEnd()) {
                const QByteArray line = f.readLine().trimmed();
                if (line.startsWith('@'))
                    parsed.hasMarkers = true;
                if (line.isEmpty() || line.startsWith('#') || line.startsWith('@') ||
                    line.startsWith('|'))
                    continue;
                const QList<QByteArray> fields = line.simplified().split(' ');
                if (fields.size() < 3)
                    continue;
                for (const QByteArray &host : fields.at(0).split(',')) {
                    if (host.contains('*') || host.contains('?') || host.startsWith('!'))
                        continue;
                    parsed.keys.insert(host, fields.at(1) + ' ' + fields.at(2));
                }
            }
        }
    }
    if (parsed.hasMarkers)
        return false;
    const QByteArray want = type + ' ' + base64;
    const auto range = parsed.keys.equal_range(name.toUtf8());
    for (auto it = range.first; it != range.second; ++it)
        if (*it == want)
            return true;
    return false;
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
