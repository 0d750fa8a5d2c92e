// SPDX-License-Identifier: GPL-3.0-or-later
// known_hosts reading outside libssh: the positive-only cache and the
// fingerprints shown when a key changed.
#include "ssh/knownhosts.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace volley;

namespace {
const QByteArray kKey = "AAAAC3NzaC1lZDI1NTE5AAAAIOGmHn8N1b5mE3MqF3nW2qk4aZyYl0sZxD9Cj5Jx8bN1";
const QByteArray kOther = "AAAAC3NzaC1lZDI1NTE5AAAAIBbBbBbBbBbBbBbBbBbBbBbBbBbBbBbBbBbBbBbBbBbB";
} // namespace

class TestKnownHosts final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_tmp.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(content);
        return path;
    }

private slots:
    void init() { test::failOnQtWarnings(); }

    void namesAsOpenSshWritesThem()
    {
        QCOMPARE(knownHostsName(QStringLiteral("web1"), 22), QStringLiteral("web1"));
        QCOMPARE(knownHostsName(QStringLiteral("10.0.0.5"), 2222),
                 QStringLiteral("[10.0.0.5]:2222"));
    }

    void onlyAnExactPlainLineIsKnown()
    {
        const QString file =
            write(QStringLiteral("plain"), "# comment\n[10.0.0.5]:2222 ssh-ed25519 " + kKey +
                                               "\nweb1,web2 ssh-ed25519 " + kKey +
                                               "\n*.lab ssh-ed25519 " + kKey + "\n");
        const QByteArray type = "ssh-ed25519";
        QVERIFY(knownHostsHasExactKey(file, QStringLiteral("[10.0.0.5]:2222"), type, kKey));
        QVERIFY(knownHostsHasExactKey(file, QStringLiteral("web2"), type, kKey));
        QVERIFY(!knownHostsHasExactKey(file, QStringLiteral("10.0.0.5"), type, kKey)); // port 22
        QVERIFY(!knownHostsHasExactKey(file, QStringLiteral("web1"), type, kOther));   // changed
        QVERIFY(!knownHostsHasExactKey(file, QStringLiteral("web1"), "ssh-rsa", kKey));
        QVERIFY(
            !knownHostsHasExactKey(file, QStringLiteral("db.lab"), type, kKey)); // patterns: libssh
    }

    void aChangedFileIsReadAgain()
    {
        const QString file = write(QStringLiteral("grows"), "web1 ssh-ed25519 " + kKey + "\n");
        QVERIFY(!knownHostsHasExactKey(file, QStringLiteral("web3"), "ssh-ed25519", kKey));
        QThread::msleep(20); // a new modification time even on coarse clocks
        write(QStringLiteral("grows"),
              "web1 ssh-ed25519 " + kKey + "\nweb3 ssh-ed25519 " + kKey + "\n");
        QVERIFY(knownHostsHasExactKey(file, QStringLiteral("web3"), "ssh-ed25519", kKey));
    }

    void markersAreLeftToLibssh()
    {
        const QString file =
            write(QStringLiteral("markers"),
                  "@revoked web1 ssh-ed25519 " + kKey + "\nweb1 ssh-ed25519 " + kKey + "\n");
        QVERIFY(!knownHostsHasExactKey(file, QStringLiteral("web1"), "ssh-ed25519", kKey));
    }

    void recordedKeysIncludeHashedEntries()
    {
        // "|1|salt|hmac" for [127.0.0.2]:2222, made with ssh-keygen -H semantics.
        const QByteArray salt = QByteArray::fromHex("00112233445566778899aabbccddeeff00112233");
        const QByteArray mac =
            QMessageAuthenticationCode::hash("[127.0.0.2]:2222", salt, QCryptographicHash::Sha1);
        const QString file =
            write(QStringLiteral("hashed"),
                  "|1|" + salt.toBase64() + '|' + mac.toBase64() + " ssh-ed25519 " + kKey + "\n");
        const QStringList keys = recordedHostKeys(file, QStringLiteral("127.0.0.2"), 2222);
        QCOMPARE(keys.size(), 1);
        const QByteArray digest =
            QCryptographicHash::hash(QByteArray::fromBase64(kKey), QCryptographicHash::Sha256)
                .toBase64(QByteArray::OmitTrailingEquals);
        QCOMPARE(keys.first(), QStringLiteral("ssh-ed25519 SHA256:") + QString::fromLatin1(digest));
        QVERIFY(recordedHostKeys(file, QStringLiteral("127.0.0.3"), 2222).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKnownHosts)
#include "tst_knownhosts.moc"
