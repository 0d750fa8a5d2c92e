// SPDX-License-Identifier: GPL-3.0-or-later
// The ProxyCommand built for a target's jump hosts: what /bin/sh makes of it
// (every argument Volley adds stays one word), and what is refused.
#include "ssh/proxyjump.h"
#include "testsupport.h"

#include <QProcess>
#include <QTest>

using namespace volley;

namespace {

// The words /bin/sh passes to `ssh` for this ProxyCommand, %h and %p as libssh
// would fill them in.
QStringList shellWords(QByteArray command)
{
    command.replace("%h", "10.1.2.3").replace("%p", "22");
    if (!command.startsWith("ssh "))
        return {};
    QProcess sh;
    sh.start(QStringLiteral("/bin/sh"),
             {QStringLiteral("-c"),
              QStringLiteral("printf '%s\\n' ") + QString::fromUtf8(command.mid(4))});
    sh.waitForFinished();
    return QString::fromUtf8(sh.readAllStandardOutput())
        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestProxyJump final : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnQtWarnings(); }

    void oneHop()
    {
        QString error;
        const QStringList words = shellWords(proxyCommand(QStringLiteral("bastion"), {}, &error));
        QCOMPARE(words,
                 QStringList({QStringLiteral("-W"), QStringLiteral("[10.1.2.3]:22"),
                              QStringLiteral("-o"), QStringLiteral("BatchMode=yes"),
                              QStringLiteral("-o"), QStringLiteral("StrictHostKeyChecking=yes"),
                              QStringLiteral("-o"), QStringLiteral("ConnectTimeout=10"),
                              QStringLiteral("ssh://bastion")}));
    }

    void userPortAndIpv6()
    {
        ProxyJumpOptions o;
        o.policy = HostKeyPolicy::AcceptNew;
        QString error;
        QStringList words = shellWords(proxyCommand(QStringLiteral("admin@gw1:2222"), o, &error));
        QVERIFY2(!words.isEmpty(), qPrintable(error));
        QVERIFY(words.contains(QStringLiteral("StrictHostKeyChecking=accept-new")));
        QCOMPARE(words.last(), QStringLiteral("ssh://admin@gw1:2222"));
        words = shellWords(proxyCommand(QStringLiteral("::1"), o, &error));
        QVERIFY2(!words.isEmpty(), qPrintable(error));
        QCOMPARE(words.last(), QStringLiteral("ssh://[::1]"));
        words = shellWords(proxyCommand(QStringLiteral("ops@[::1]:2022"), o, &error));
        QVERIFY2(!words.isEmpty(), qPrintable(error));
        QCOMPARE(words.last(), QStringLiteral("ssh://ops@[::1]:2022"));
    }

    // OpenSSH would reach the first hops of a chain with the user's own
    // settings (-J passes on only -F), not the run's known_hosts and policy.
    void chainsAreRefused()
    {
        QString error;
        QVERIFY(proxyCommand(QStringLiteral("gw1,gw2"), {}, &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("chain of jump hosts")), qPrintable(error));
    }

    // What libssh puts for %h lands in /bin/sh: it must be a host name.
    void targetThatIsNotAHostIsRefused()
    {
        ProxyJumpOptions o;
        o.targetHost = QStringLiteral("x'$(touch /tmp/p)'");
        QString error;
        QVERIFY(proxyCommand(QStringLiteral("gw"), o, &error).isEmpty());
        QVERIFY2(error.contains(o.targetHost), qPrintable(error));
        o.targetHost = QStringLiteral("web01.example.org");
        QVERIFY(!proxyCommand(QStringLiteral("gw"), o, &error).isEmpty());
    }

    // libssh expands % in the whole command and knows no %%.
    void percentInAPathIsRefused()
    {
        ProxyJumpOptions o;
        o.identityFiles = {QStringLiteral("/keys/id_%u")};
        QString error;
        QVERIFY(proxyCommand(QStringLiteral("gw"), o, &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("/keys/id_%u")), qPrintable(error));
    }

    // Paths come from the user: whatever they hold, each stays one word.
    void pathsStayOneWord()
    {
        ProxyJumpOptions o;
        o.sshConfigFile = QStringLiteral("/tmp/it's $(touch x) config");
        o.knownHostsFile = QStringLiteral("/tmp/known `id`");
        o.identityFiles = {QStringLiteral("/tmp/key; rm -rf ~")};
        QString error;
        const QStringList words = shellWords(proxyCommand(QStringLiteral("gw"), o, &error));
        QVERIFY2(words.contains(o.sshConfigFile), qPrintable(words.join(QLatin1Char('|'))));
        QVERIFY(words.contains(QStringLiteral("UserKnownHostsFile=\"%1\"").arg(o.knownHostsFile)));
        QVERIFY(words.contains(o.identityFiles.first()));
        QCOMPARE(words.at(words.indexOf(o.sshConfigFile) - 1), QStringLiteral("-F"));
        o.sshConfigFile = QStringLiteral("none");
        QVERIFY(shellWords(proxyCommand(QStringLiteral("gw"), o, &error))
                    .join(QLatin1Char(' '))
                    .contains(QLatin1String("-F none")));
    }

    void notAHostIsRefused_data()
    {
        QTest::addColumn<QString>("jump");
        QTest::newRow("option") << QStringLiteral("-oProxyCommand=evil");
        QTest::newRow("leading dash after the user") << QStringLiteral("u@-oFoo");
        QTest::newRow("bad user") << QStringLiteral("-l@gw");
        QTest::newRow("bad port") << QStringLiteral("gw:22x");
        QTest::newRow("space") << QStringLiteral("gw other");
        QTest::newRow("semicolon") << QStringLiteral("gw;id");
        QTest::newRow("quote") << QStringLiteral("g'w");
        QTest::newRow("command substitution") << QStringLiteral("$(id)");
        QTest::newRow("empty") << QString();
    }

    void notAHostIsRefused()
    {
        QFETCH(QString, jump);
        QString error;
        QVERIFY(proxyCommand(jump, {}, &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("is not a host name")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestProxyJump)
#include "tst_proxyjump.moc"
