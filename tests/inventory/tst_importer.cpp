// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/importer.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace volley;

Q_DECLARE_METATYPE(volley::InventoryFormat)

namespace {

QString data(const QString &name)
{
    return test::testData(QStringLiteral("inventory/") + name);
}

QStringList names(const Inventory &inv)
{
    QStringList out;
    for (const Target &t : inv.targets())
        out.append(t.name);
    return out;
}

/// "file:line" of each skipped entry, to check that every skip points somewhere.
QList<int> skippedLines(const ImportResult &r)
{
    QList<int> out;
    for (const ImportNote &n : r.skipped)
        out.append(n.line);
    return out;
}

ImportResult load(const QString &name, InventoryFormat format = InventoryFormat::Auto)
{
    ImportResult r;
    QString error;
    if (!Importer::importFile(data(name), format, &r, &error))
        qWarning("import of %s failed: %s", qPrintable(name), qPrintable(error));
    return r;
}

} // namespace

class TestImporter final : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnQtWarnings(); }

    void samples_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<InventoryFormat>("format");
        QTest::addColumn<QStringList>("targets");
        QTest::addColumn<QList<int>>("skipped");
        QTest::newRow("list") << QStringLiteral("hosts.txt") << InventoryFormat::List
                              << QStringList{QStringLiteral("web01.lab"),
                                             QStringLiteral("web02.lab"),
                                             QStringLiteral("web03.lab"),
                                             QStringLiteral("db1"),
                                             QStringLiteral("root@db2:2222"),
                                             QStringLiteral("[::1]:2222"),
                                             QStringLiteral("local")}
                              << QList<int>{5, 8, 9};
        QTest::newRow("ssh-config")
            << QStringLiteral("ssh/config") << InventoryFormat::SshConfig
            << QStringList{QStringLiteral("included"), QStringLiteral("bastion"),
                           QStringLiteral("web1"), QStringLiteral("web2"),
                           QStringLiteral("db-replica")}
            << QList<int>{14, 24, 27, 27, 30};
        QTest::newRow("ansible-ini")
            << QStringLiteral("inventory.ini") << InventoryFormat::AnsibleIni
            << QStringList{QStringLiteral("mail.example.com"),  QStringLiteral("web01.example.com"),
                           QStringLiteral("web02.example.com"), QStringLiteral("web03.example.com"),
                           QStringLiteral("foo.example.com"),   QStringLiteral("bar.example.com"),
                           QStringLiteral("db-a.example.com"),  QStringLiteral("db-b.example.com"),
                           QStringLiteral("localhost")}
            << QList<int>{29, 11};
        QTest::newRow("ansible-yaml")
            << QStringLiteral("inventory.yml") << InventoryFormat::AnsibleYaml
            << QStringList{QStringLiteral("mail.example.com"), QStringLiteral("web01.example.com"),
                           QStringLiteral("web02.example.com"), QStringLiteral("foo.example.com"),
                           QStringLiteral("db1.example.com")}
            << QList<int>{28, 30};
        QTest::newRow("csv") << QStringLiteral("hosts.csv") << InventoryFormat::Csv
                             << QStringList{QStringLiteral("web1"), QStringLiteral("web2"),
                                            QStringLiteral("db1"),
                                            QStringLiteral("root@spec.example.com:2022")}
                             << QList<int>{1, 6, 7};
        QTest::newRow("csv semicolons")
            << QStringLiteral("hosts-semicolon.csv") << InventoryFormat::Csv
            << QStringList{QStringLiteral("alpha"), QStringLiteral("beta")} << QList<int>{};
        QTest::newRow("json") << QStringLiteral("inventory-v2.json") << InventoryFormat::Json
                              << QStringList{QStringLiteral("web1"), QStringLiteral("local"),
                                             QStringLiteral("db1")}
                              << QList<int>{};
        QTest::newRow("json schema 1")
            << QStringLiteral("inventory-v1.json") << InventoryFormat::Json
            << QStringList{QStringLiteral("old1"), QStringLiteral("old2")} << QList<int>{};
        QTest::newRow("known_hosts")
            << QStringLiteral("known_hosts") << InventoryFormat::KnownHosts
            << QStringList{QStringLiteral("web1.example.com"),
                           QStringLiteral("git.example.com:2222"), QStringLiteral("[::1]:2200"),
                           QStringLiteral("192.0.2.9")}
            << QList<int>{3, 6, 7, 8, 9};
    }

    void samples()
    {
        QFETCH(QString, file);
        QFETCH(InventoryFormat, format);
        QFETCH(QStringList, targets);
        QFETCH(QList<int>, skipped);
        // Auto-detection finds the format, and naming it explicitly reads the same.
        const ImportResult detected = load(file);
        QCOMPARE(formatName(detected.format), formatName(format));
        QVERIFY(!detected.detectedBecause.isEmpty());
        const ImportResult r = load(file, format);
        QCOMPARE(r.inventory, detected.inventory);
        QCOMPARE(names(r.inventory), targets);
        QCOMPARE(r.taken.size(), targets.size());
        QList<int> lines = skippedLines(r);
        std::sort(lines.begin(), lines.end());
        std::sort(skipped.begin(), skipped.end());
        QCOMPARE(lines, skipped);
        for (const ImportNote &n : r.skipped) {
            QVERIFY(!n.text.isEmpty());
            QVERIFY2(n.toString().startsWith(n.file + QLatin1Char(':')), qPrintable(n.toString()));
        }
    }

    void listDetails()
    {
        const ImportResult r = load(QStringLiteral("hosts.txt"));
        const Target *db2 = r.inventory.find(QStringLiteral("root@db2:2222"));
        QVERIFY(db2);
        QCOMPARE(db2->address, QStringLiteral("db2"));
        QCOMPARE(db2->port, 2222);
        QCOMPARE(db2->user, QStringLiteral("root"));
        QVERIFY(r.inventory.find(QStringLiteral("local"))->isLocal());
        QCOMPARE(r.inventory.find(QStringLiteral("[::1]:2222"))->address, QStringLiteral("::1"));
        QVERIFY(r.skipped.at(0).text.contains(QLatin1String("duplicate of line 2")));
        QVERIFY(r.skipped.at(1).text.contains(QLatin1String("reversed range")));
        QVERIFY(r.skipped.at(2).text.contains(QLatin1String("group '@nogroups'")));
    }

    void sshConfigDetails()
    {
        const ImportResult r = load(QStringLiteral("ssh/config"));
        const Inventory &inv = r.inventory;
        const Target *included = inv.find(QStringLiteral("included"));
        QCOMPARE(included->address, QStringLiteral("192.0.2.10"));
        QCOMPARE(included->port, 2022);
        QCOMPARE(included->user, QStringLiteral("default-user")); // from "Host *"
        QCOMPARE(inv.find(QStringLiteral("bastion"))->user, QStringLiteral("jump")); // first wins
        const Target *web2 = inv.find(QStringLiteral("web2"));
        QCOMPARE(web2->address, QStringLiteral("web2.internal.example.org")); // %h
        QCOMPARE(web2->port, 2201);
        QCOMPARE(web2->identityFiles, QStringList{QStringLiteral("~/.ssh/id web")});
        QCOMPARE(web2->vars.value(QStringLiteral("ForwardAgent")), QStringLiteral("yes"));
        QVERIFY(!web2->vars.contains(QStringLiteral("ServerAliveInterval")));
        const Target *replica = inv.find(QStringLiteral("db-replica"));
        QCOMPARE(replica->proxyJump, QStringLiteral("bastion"));
        QCOMPARE(replica->address, QStringLiteral("10.1.0.6"));
        bool sawMatch = false;
        bool sawPort = false;
        for (const ImportNote &n : r.skipped) {
            sawMatch = sawMatch || (n.line == 24 && n.text.contains(QLatin1String("Match")));
            sawPort = sawPort || (n.line == 14 && n.text.contains(QLatin1String("'bogus'")));
        }
        QVERIFY(sawMatch);
        QVERIFY(sawPort);
        QVERIFY(r.taken.first().file.endsWith(QLatin1String("conf.d/extra.conf")));
    }

    void sshConfigIncludeLoopStops()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("config")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Include config\nHost once\n");
        f.close();
        ImportResult r;
        QString error;
        QVERIFY(Importer::importFile(f.fileName(), InventoryFormat::SshConfig, &r, &error));
        QCOMPARE(names(r.inventory), QStringList{QStringLiteral("once")});
        QVERIFY(std::any_of(r.skipped.cbegin(), r.skipped.cend(), [](const ImportNote &n) {
            return n.text.contains(QLatin1String("nested more than"));
        }));
    }

    void ansibleIniDetails()
    {
        const ImportResult r = load(QStringLiteral("inventory.ini"));
        const Inventory &inv = r.inventory;
        const Target *web = inv.find(QStringLiteral("web02.example.com"));
        QCOMPARE(web->port, 2222);
        QCOMPARE(web->user, QStringLiteral("produser"));
        QCOMPARE(web->identityFiles, QStringList{QStringLiteral("~/.ssh/prod.pem")});
        QCOMPARE(web->groups, QStringList{QStringLiteral("webservers")});
        QCOMPARE(web->vars.value(QStringLiteral("env")), QStringLiteral("prod"));
        // The inner group's vars beat the parent's, as in Ansible.
        const Target *db = inv.find(QStringLiteral("db-b.example.com"));
        QCOMPARE(db->user, QStringLiteral("dbadmin"));
        QCOMPARE(db->vars.value(QStringLiteral("backup_window")), QStringLiteral("02:00-04:00"));
        const Target *foo = inv.find(QStringLiteral("foo.example.com"));
        QCOMPARE(foo->port, 5309);
        QCOMPARE(foo->address, QStringLiteral("foo.example.com"));
        const Target *bar = inv.find(QStringLiteral("bar.example.com"));
        QCOMPARE(bar->address, QStringLiteral("192.0.2.7"));
        QCOMPARE(bar->vars.value(QStringLiteral("http_port")), QStringLiteral("8080"));
        QCOMPARE(bar->vars.value(QStringLiteral("motd")), QStringLiteral("hello world"));
        QCOMPARE(inv.find(QStringLiteral("mail.example.com"))->user, QStringLiteral("admin"));
        QVERIFY(inv.find(QStringLiteral("mail.example.com"))->groups.isEmpty());
        QVERIFY(inv.find(QStringLiteral("localhost"))->isLocal());
        QCOMPARE(inv.children(QStringLiteral("prod")),
                 (QStringList{QStringLiteral("webservers"), QStringLiteral("dbservers")}));
        QList<Target> prod;
        QString error;
        QVERIFY(inv.members(QStringLiteral("prod"), &prod, &error));
        QCOMPARE(prod.size(), 7);
        QVERIFY(!inv.hasGroup(QStringLiteral("weird")));
    }

    void ansibleYamlDetails()
    {
        const ImportResult r = load(QStringLiteral("inventory.yml"));
        const Inventory &inv = r.inventory;
        const Target *web = inv.find(QStringLiteral("web01.example.com"));
        QCOMPARE(web->port, 2222);
        QCOMPARE(web->user, QStringLiteral("everyone"));
        QCOMPARE(web->vars.value(QStringLiteral("env")), QStringLiteral("prod"));
        const Target *foo = inv.find(QStringLiteral("foo.example.com"));
        QCOMPARE(foo->address, QStringLiteral("192.0.2.8"));
        QCOMPARE(foo->vars.value(QStringLiteral("packages")), QStringLiteral("[nginx, curl]"));
        const Target *db = inv.find(QStringLiteral("db1.example.com"));
        QCOMPARE(db->user, QStringLiteral("dbadmin"));
        QCOMPARE(db->proxyJump, QStringLiteral("bastion.example.com"));
        QCOMPARE(db->groups, QStringList{QStringLiteral("dbservers")});
        QVERIFY(inv.hasGroup(QStringLiteral("extras")));
        QList<Target> prod;
        QString error;
        QVERIFY(inv.members(QStringLiteral("prod"), &prod, &error));
        QCOMPARE(prod.size(), 4);
    }

    void emptyAnsibleHostKeepsTheName()
    {
        ImportResult r;
        QString error;
        QVERIFY(Importer::parse("all:\n  hosts:\n    h1:\n      ansible_host:\n",
                                QStringLiteral("e.yml"), InventoryFormat::AnsibleYaml, &r, &error));
        QCOMPARE(r.inventory.find(QStringLiteral("h1"))->address, QStringLiteral("h1"));
    }

    void gluedFilesLoseTheirInnerBoms()
    {
        ImportResult r;
        QString error;
        QVERIFY(Importer::parse("\xEF\xBB\xBF"
                                "a1\n\xEF\xBB\xBF"
                                "a2\n",
                                QStringLiteral("l.txt"), InventoryFormat::List, &r, &error));
        QCOMPARE(names(r.inventory), (QStringList{QStringLiteral("a1"), QStringLiteral("a2")}));
    }

    void brokenYamlNamesTheLine()
    {
        ImportResult r;
        QString error;
        QVERIFY(!Importer::parse("all:\n  hosts:\n    a: [unclosed\n", QStringLiteral("x.yml"),
                                 InventoryFormat::AnsibleYaml, &r, &error));
        QVERIFY2(error.startsWith(QLatin1String("x.yml:")), qPrintable(error));
        QVERIFY(!Importer::parse("- just\n- a list\n", QStringLiteral("y.yml"),
                                 InventoryFormat::AnsibleYaml, &r, &error));
        QVERIFY2(error.contains(QLatin1String("mapping of groups")), qPrintable(error));
    }

    void yamlAliasBombIsRefused()
    {
        // Each level doubles the tree; without a budget this would never end.
        QByteArray doc = "a0: &a0 {hosts: {h: }}\n";
        for (int i = 1; i < 40; ++i)
            doc += QStringLiteral("a%1: &a%1 {children: {x%1: *a%2, y%1: *a%2}}\n")
                       .arg(i)
                       .arg(i - 1)
                       .toUtf8();
        ImportResult r;
        QString error;
        QVERIFY(!Importer::parse(doc, QStringLiteral("bomb.yml"), InventoryFormat::AnsibleYaml, &r,
                                 &error));
        QVERIFY2(error.contains(QLatin1String("too large")), qPrintable(error));
    }

    void csvDetails()
    {
        const ImportResult r = load(QStringLiteral("hosts.csv"));
        const Inventory &inv = r.inventory;
        const Target *web1 = inv.find(QStringLiteral("web1"));
        QCOMPARE(web1->address, QStringLiteral("10.0.0.1")); // the duplicate did not win
        QCOMPARE(web1->port, 2201);
        QCOMPARE(web1->groups, (QStringList{QStringLiteral("web"), QStringLiteral("prod")}));
        QCOMPARE(web1->commands, QStringList{QStringLiteral("uptime")});
        QCOMPARE(web1->vars.value(QStringLiteral("owner")), QStringLiteral("alice"));
        const Target *web2 = inv.find(QStringLiteral("web2"));
        QCOMPARE(web2->tags, (QStringList{QStringLiteral("blue"), QStringLiteral("green")}));
        QCOMPARE(web2->commands, QStringList{QStringLiteral("echo \"hi, there\"")});
        const Target *db1 = inv.find(QStringLiteral("db1"));
        QCOMPARE(db1->address, QStringLiteral("db1"));
        QCOMPARE(db1->commands, QStringList{QStringLiteral("df -h\nfree -m")});
        const Target *spec = inv.find(QStringLiteral("root@spec.example.com:2022"));
        QCOMPARE(spec->address, QStringLiteral("spec.example.com"));
        QCOMPARE(spec->user, QStringLiteral("root"));
        QCOMPARE(spec->port, 2022);
        QVERIFY(r.skipped.at(0).text.contains(QLatin1String("'owner'")));
        QVERIFY(r.skipped.at(1).text.contains(QLatin1String("duplicate of line 2")));
        QVERIFY(r.skipped.at(2).text.contains(QLatin1String("70000")));
        ImportResult bad;
        QString error;
        QVERIFY(!Importer::parse("port,user\n22,x\n", QStringLiteral("h.csv"), InventoryFormat::Csv,
                                 &bad, &error));
        QVERIFY2(error.startsWith(QLatin1String("h.csv:1:")) &&
                     error.contains(QLatin1String("'name'")),
                 qPrintable(error));
    }

    void jsonDetails()
    {
        const ImportResult r = load(QStringLiteral("inventory-v2.json"));
        const Target *web1 = r.inventory.find(QStringLiteral("web1"));
        QCOMPARE(web1->vars.value(QStringLiteral("weight")), QStringLiteral("3"));
        QVERIFY(r.inventory.find(QStringLiteral("local"))->isLocal());
        QVERIFY(r.inventory.hasGroup(QStringLiteral("spare")));
        const ImportResult old = load(QStringLiteral("inventory-v1.json"));
        const Target *old1 = old.inventory.find(QStringLiteral("old1"));
        QCOMPARE(old1->address, QStringLiteral("192.0.2.50"));
        QCOMPARE(old1->groups, QStringList{QStringLiteral("legacy")});
        ImportResult broken;
        QString error;
        QVERIFY(!Importer::parse("{\n \"schemaVersion\": 2,\n \"targets\": [,]\n}",
                                 QStringLiteral("b.json"), InventoryFormat::Json, &broken, &error));
        QVERIFY2(error.startsWith(QLatin1String("b.json: not valid JSON at line 3")),
                 qPrintable(error));
        QVERIFY(Importer::parse("[\"a\", \"root@b:22\", {\"name\": \"c\"}, 5]",
                                QStringLiteral("l.json"), InventoryFormat::Json, &broken, &error));
        QCOMPARE(
            names(broken.inventory),
            (QStringList{QStringLiteral("a"), QStringLiteral("root@b:22"), QStringLiteral("c")}));
        QCOMPARE(broken.skipped.size(), 1);
    }

    void knownHostsDetails()
    {
        const ImportResult r = load(QStringLiteral("known_hosts"));
        const Target *web = r.inventory.find(QStringLiteral("web1.example.com"));
        QVERIFY(web->note.contains(QLatin1String("192.0.2.1")));
        const Target *git = r.inventory.find(QStringLiteral("git.example.com:2222"));
        QCOMPARE(git->address, QStringLiteral("git.example.com"));
        QCOMPARE(git->port, 2222);
        QCOMPARE(r.inventory.find(QStringLiteral("[::1]:2200"))->address, QStringLiteral("::1"));
    }

    void detects_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<InventoryFormat>("format");
        QTest::newRow("json by content")
            << QStringLiteral("f") << QByteArray("  {\"a\":1}") << InventoryFormat::Json;
        QTest::newRow("json list")
            << QStringLiteral("f") << QByteArray("[ \"a\" ]") << InventoryFormat::Json;
        QTest::newRow("v6 list is not json")
            << QStringLiteral("f") << QByteArray("[::1]:22\n") << InventoryFormat::List;
        QTest::newRow("yaml") << QStringLiteral("f") << QByteArray("# c\nall:\n  hosts:\n")
                              << InventoryFormat::AnsibleYaml;
        QTest::newRow("ssh") << QStringLiteral("f") << QByteArray("\xEF\xBB\xBFhost a\n")
                             << InventoryFormat::SshConfig;
        QTest::newRow("ini") << QStringLiteral("f") << QByteArray("; x\r\n[web]\r\na\r\n")
                             << InventoryFormat::AnsibleIni;
        QTest::newRow("ini vars") << QStringLiteral("f") << QByteArray("a ansible_host=1.2.3.4\n")
                                  << InventoryFormat::AnsibleIni;
        QTest::newRow("known") << QStringLiteral("f") << QByteArray("h ssh-ed25519 AAAA\n")
                               << InventoryFormat::KnownHosts;
        QTest::newRow("csv") << QStringLiteral("f") << QByteArray("Name,Address\na,b\n")
                             << InventoryFormat::Csv;
        QTest::newRow("list") << QStringLiteral("f") << QByteArray("web[1-3]\n")
                              << InventoryFormat::List;
        QTest::newRow("name wins")
            << QStringLiteral("x.csv") << QByteArray("web1\n") << InventoryFormat::Csv;
        QTest::newRow("known_hosts name")
            << QStringLiteral("/tmp/known_hosts2") << QByteArray() << InventoryFormat::KnownHosts;
    }

    void detects()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, content);
        QFETCH(InventoryFormat, format);
        QString because;
        QCOMPARE(formatName(Importer::detect(fileName, content, &because)), formatName(format));
        QVERIFY(!because.isEmpty());
    }

    void ansibleRanges_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("padded") << QStringLiteral("w[08:10]")
                                << QStringList{QStringLiteral("w08"), QStringLiteral("w09"),
                                               QStringLiteral("w10")};
        QTest::newRow("step") << QStringLiteral("n[0:6:3]")
                              << QStringList{QStringLiteral("n0"), QStringLiteral("n3"),
                                             QStringLiteral("n6")};
        QTest::newRow("letters") << QStringLiteral("db-[a:c]")
                                 << QStringList{QStringLiteral("db-a"), QStringLiteral("db-b"),
                                                QStringLiteral("db-c")};
        QTest::newRow("two") << QStringLiteral("r[1:2]n[1:2]")
                             << QStringList{QStringLiteral("r1n1"), QStringLiteral("r1n2"),
                                            QStringLiteral("r2n1"), QStringLiteral("r2n2")};
    }

    void ansibleRanges()
    {
        QFETCH(QString, pattern);
        QFETCH(QStringList, names);
        ImportResult r;
        QString error;
        QVERIFY(Importer::parse(QStringLiteral("[g]\n%1\n").arg(pattern).toUtf8(),
                                QStringLiteral("i"), InventoryFormat::AnsibleIni, &r, &error));
        QCOMPARE(::names(r.inventory), names);
    }

    void badAnsibleRangesAreSkipped()
    {
        ImportResult r;
        QString error;
        QVERIFY(Importer::parse("[g]\nw[5:1]\nw[1:200000]\nw[a:9]\nw[1:3\nok\n",
                                QStringLiteral("i"), InventoryFormat::AnsibleIni, &r, &error));
        QCOMPARE(names(r.inventory), QStringList{QStringLiteral("ok")});
        QCOMPARE(skippedLines(r), (QList<int>{2, 3, 4, 5}));
    }

    void exportsRoundTrip()
    {
        const ImportResult json = load(QStringLiteral("inventory-v2.json"));
        Inventory inv = json.inventory;
        inv.merge(load(QStringLiteral("inventory.ini")).inventory);
        // JSON keeps everything.
        ImportResult back;
        QString error;
        QVERIFY(Importer::parse(Exporter::toJson(inv), QStringLiteral("e.json"),
                                InventoryFormat::Auto, &back, &error));
        QCOMPARE(back.inventory, inv);
        // Ansible INI keeps everything Ansible can say (per-target commands aside).
        QVERIFY(Importer::parse(Exporter::toAnsibleIni(inv), QStringLiteral("e.ini"),
                                InventoryFormat::Auto, &back, &error));
        QCOMPARE(back.format, InventoryFormat::AnsibleIni);
        QCOMPARE(back.skipped, QList<ImportNote>());
        QCOMPARE(back.inventory.size(), inv.size());
        for (const Target &t : inv.targets()) {
            Target expected = t;
            expected.commands.clear();
            QCOMPARE(*back.inventory.find(t.name), expected);
        }
        QCOMPARE(back.inventory.children(QStringLiteral("prod")),
                 inv.children(QStringLiteral("prod")));
        // A plain list keeps how to reach each target.
        QVERIFY(Importer::parse(Exporter::toList(inv), QStringLiteral("e.txt"),
                                InventoryFormat::List, &back, &error));
        QCOMPARE(back.inventory.size(), inv.size());
        const Target *web = back.inventory.find(QStringLiteral("produser@web01.example.com:2222"));
        QVERIFY(web);
        QVERIFY(back.inventory.find(QStringLiteral("local"))->isLocal());
        QByteArray out;
        QVERIFY(!Exporter::write(inv, InventoryFormat::Csv, &out, &error));
        QVERIFY(error.contains(QLatin1String("json, ansible-ini or list")));
    }

    void missingFileNamesIt()
    {
        ImportResult r;
        QString error;
        QVERIFY(!Importer::importFile(QStringLiteral("/nonexistent/hosts"), InventoryFormat::Auto,
                                      &r, &error));
        QVERIFY2(error.contains(QLatin1String("/nonexistent/hosts")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
