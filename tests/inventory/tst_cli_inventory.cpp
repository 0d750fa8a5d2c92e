// SPDX-License-Identifier: GPL-3.0-or-later
// volley-cli hosts / inventory, run as a real process with its own data folder.
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace volley;

class TestCliInventory final : public QObject
{
    Q_OBJECT

private:
    struct Result
    {
        int code = -1;
        QString out;
        QString err;
    };

    Result cli(const QStringList &args, const QByteArray &input = QByteArray())
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path()); // never the user's inventory
        const test::CliResult r = test::runCli(args, 30000, input, env);
        return {r.status, QString::fromUtf8(r.out), QString::fromUtf8(r.err)};
    }

    QString storePath() const
    {
        return m_home.filePath(QStringLiteral("Volley/volley/inventory.json"));
    }

    QTemporaryDir m_home;

private slots:
    void init()
    {
        test::failOnQtWarnings();
        QFile::remove(storePath());
        QFile::remove(storePath() + QStringLiteral(".bak"));
    }

    void hosts_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("out");
        QTest::newRow("expand") << QStringList{QStringLiteral("expand"),
                                               QStringLiteral("n[1-3],!n2")}
                                << QByteArray() << 0 << QStringLiteral("n1\nn3\n");
        QTest::newRow("expand -x")
            << QStringList{QStringLiteral("expand"), QStringLiteral("n[1-3]"), QStringLiteral("m1"),
                           QStringLiteral("-x"), QStringLiteral("n[1-2]")}
            << QByteArray() << 0 << QStringLiteral("n3\nm1\n");
        QTest::newRow("fold args") << QStringList{QStringLiteral("fold"), QStringLiteral("web01"),
                                                  QStringLiteral("web02,web04")}
                                   << QByteArray() << 0 << QStringLiteral("web[01-02,04]\n");
        QTest::newRow("fold stdin")
            << QStringList{QStringLiteral("fold")} << QByteArray("a1\r\na2\na3 b\n") << 0
            << QStringLiteral("a[1-3],b\n");
        QTest::newRow("bad pattern") << QStringList{QStringLiteral("expand"), QStringLiteral("a[")}
                                     << QByteArray() << 2 << QString();
        QTest::newRow("unknown group")
            << QStringList{QStringLiteral("expand"), QStringLiteral("@x")} << QByteArray() << 2
            << QString();
        QTest::newRow("no action") << QStringList() << QByteArray() << 2 << QString();
        QTest::newRow("bad action")
            << QStringList{QStringLiteral("shuffle")} << QByteArray() << 2 << QString();
    }

    void hosts()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(int, code);
        QFETCH(QString, out);
        const Result r = cli(QStringList{QStringLiteral("hosts")} + args, input);
        QVERIFY2(r.code == code, qPrintable(r.err));
        QCOMPARE(r.out, out);
        if (code != 0)
            QVERIFY(r.err.startsWith(QLatin1String("volley-cli hosts: ")));
    }

    void importListExport()
    {
        const QString ini = test::testData(QStringLiteral("inventory/inventory.ini"));
        Result r = cli({QStringLiteral("inventory"), QStringLiteral("import"), ini,
                        QStringLiteral("--dry-run")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("read as ansible-ini")));
        QVERIFY(r.out.contains(ini + QStringLiteral(":11:")));
        QVERIFY(r.out.contains(QLatin1String("nothing saved")));
        QVERIFY(!QFile::exists(storePath()));

        r = cli({QStringLiteral("inventory"), QStringLiteral("import"), ini});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(storePath()));
        r = cli({QStringLiteral("inventory"), QStringLiteral("import"),
                 test::testData(QStringLiteral("inventory/hosts.csv")), QStringLiteral("--format"),
                 QStringLiteral("csv")});
        QVERIFY2(r.code == 0, qPrintable(r.err));

        r = cli({QStringLiteral("inventory"), QStringLiteral("list"), QStringLiteral("--group"),
                 QStringLiteral("prod"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray prod = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(prod.size(), 9); // 7 from the INI's children, web1 and web2 from the CSV
        r = cli({QStringLiteral("inventory"), QStringLiteral("list"), QStringLiteral("--tag"),
                 QStringLiteral("green")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out.count(QLatin1Char('\n')), 2); // header + web2
        QVERIFY(r.out.contains(QLatin1String("web2")));
        r = cli({QStringLiteral("hosts"), QStringLiteral("expand"), QStringLiteral("@dbservers")});
        QCOMPARE(r.out, QStringLiteral("db-a.example.com\ndb-b.example.com\n"));

        r = cli({QStringLiteral("inventory"), QStringLiteral("export"), QStringLiteral("--format"),
                 QStringLiteral("list")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("deploy@10.0.0.1:2201\n")));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("out.ini"));
        r = cli({QStringLiteral("inventory"), QStringLiteral("export"), QStringLiteral("--format"),
                 QStringLiteral("ansible-ini"), QStringLiteral("-o"), file});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("[prod:children]"));

        r = cli({QStringLiteral("inventory"), QStringLiteral("remove"), QStringLiteral("web1")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli({QStringLiteral("inventory"), QStringLiteral("list")});
        QVERIFY(!r.out.contains(QLatin1String("\nweb1 ")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("import nothing")
            << QStringList{QStringLiteral("import")} << QStringLiteral("needs a FILE");
        QTest::newRow("bad format")
            << QStringList{QStringLiteral("import"), QStringLiteral("x"),
                           QStringLiteral("--format"), QStringLiteral("xml")}
            << QStringLiteral("unknown --format 'xml'");
        QTest::newRow("missing file")
            << QStringList{QStringLiteral("import"), QStringLiteral("/nope")}
            << QStringLiteral("/nope");
        QTest::newRow("export csv")
            << QStringList{QStringLiteral("export"), QStringLiteral("--format"),
                           QStringLiteral("csv")}
            << QStringLiteral("json, ansible-ini or list");
        QTest::newRow("unknown group")
            << QStringList{QStringLiteral("list"), QStringLiteral("--group"), QStringLiteral("zz")}
            << QStringLiteral("no group 'zz'");
        QTest::newRow("remove unknown")
            << QStringList{QStringLiteral("remove"), QStringLiteral("zz")}
            << QStringLiteral("no target 'zz'");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const Result r = cli(QStringList{QStringLiteral("inventory")} + args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
    }

    void corruptStoreIsReportedAndKept()
    {
        QVERIFY(QDir().mkpath(QFileInfo(storePath()).absolutePath()));
        QFile f(storePath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{broken");
        f.close();
        const Result r = cli({QStringLiteral("inventory"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QLatin1String("is corrupt")), qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("inventory is empty")));
        const QStringList aside = QDir(QFileInfo(storePath()).absolutePath())
                                      .entryList({QStringLiteral("inventory.json.corrupt-*")});
        QCOMPARE(aside.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliInventory)
#include "tst_cli_inventory.moc"
