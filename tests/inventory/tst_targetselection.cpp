// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/inventorystore.h"
#include "inventory/targetselection.h"
#include "testsupport.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace volley;

namespace {

Target target(const QString &name, const QStringList &groups, const QString &address = QString(),
              int port = 0, const QString &user = QString())
{
    Target t;
    t.name = name;
    t.address = address.isEmpty() ? name : address;
    t.port = port;
    t.user = user;
    t.groups = groups;
    return t;
}

Inventory sample()
{
    Inventory inv;
    inv.add(target(QStringLiteral("web1"), {QStringLiteral("web")}, QStringLiteral("10.0.0.1"),
                   2201, QStringLiteral("deploy")));
    inv.add(target(QStringLiteral("web2"), {QStringLiteral("web")}, QStringLiteral("10.0.0.2")));
    inv.add(target(QStringLiteral("db1"), {QStringLiteral("db")}));
    Target tagged = target(QStringLiteral("cache1"), {});
    tagged.tags = {QStringLiteral("blue")};
    inv.add(tagged);
    inv.addChild(QStringLiteral("prod"), QStringLiteral("web"));
    inv.addChild(QStringLiteral("prod"), QStringLiteral("db"));
    inv.addGroup(QStringLiteral("empty"));
    return inv;
}

QStringList names(const QList<Target> &targets)
{
    QStringList out;
    for (const Target &t : targets)
        out.append(t.name);
    return out;
}

} // namespace

class TestTargetSelection final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { test::failOnQtWarnings(); }

    void selects_data()
    {
        QTest::addColumn<QStringList>("patterns");
        QTest::addColumn<QStringList>("excludes");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("group") << QStringList{QStringLiteral("@web")} << QStringList()
                               << QStringList{QStringLiteral("web1"), QStringLiteral("web2")};
        QTest::newRow("nested group")
            << QStringList{QStringLiteral("@prod")} << QStringList()
            << QStringList{QStringLiteral("web1"), QStringLiteral("web2"), QStringLiteral("db1")};
        QTest::newRow("tag") << QStringList{QStringLiteral("@blue")} << QStringList()
                             << QStringList{QStringLiteral("cache1")};
        QTest::newRow("in-pattern exclusion")
            << QStringList{QStringLiteral("@prod,!@db")} << QStringList()
            << QStringList{QStringLiteral("web1"), QStringLiteral("web2")};
        QTest::newRow("-x by name")
            << QStringList{QStringLiteral("@prod")} << QStringList{QStringLiteral("web[1-2]")}
            << QStringList{QStringLiteral("db1")};
        QTest::newRow("-x by group")
            << QStringList{QStringLiteral("@prod,new[1-2]")} << QStringList{QStringLiteral("@web")}
            << QStringList{QStringLiteral("db1"), QStringLiteral("new1"), QStringLiteral("new2")};
        QTest::newRow("-x by address")
            << QStringList{QStringLiteral("@web")} << QStringList{QStringLiteral("10.0.0.2")}
            << QStringList{QStringLiteral("web1")};
        QTest::newRow("duplicates across -H")
            << QStringList{QStringLiteral("web1,db1"), QStringLiteral("@web")} << QStringList()
            << QStringList{QStringLiteral("web1"), QStringLiteral("db1"), QStringLiteral("web2")};
        QTest::newRow("unknown names are specs")
            << QStringList{QStringLiteral("local,other:2222")} << QStringList()
            << QStringList{QStringLiteral("local"), QStringLiteral("other:2222")};
    }

    void selects()
    {
        QFETCH(QStringList, patterns);
        QFETCH(QStringList, excludes);
        QFETCH(QStringList, expected);
        QList<Target> out;
        QString error;
        QVERIFY2(selectTargets(sample(), patterns, {}, excludes, &out, &error), qPrintable(error));
        QCOMPARE(names(out), expected);
    }

    void savedDetailsAndOverrides()
    {
        QList<Target> out;
        QString error;
        QVERIFY2(selectTargets(sample(), {QStringLiteral("web1,root@web1:2222,local:build")}, {},
                               {}, &out, &error),
                 qPrintable(error));
        QCOMPARE(out.size(), 3);
        QCOMPARE(out.at(0).address, QStringLiteral("10.0.0.1"));
        QCOMPARE(out.at(0).port, 2201);
        QCOMPARE(out.at(0).user, QStringLiteral("deploy"));
        QCOMPARE(out.at(1).name, QStringLiteral("root@web1:2222"));
        QCOMPARE(out.at(1).address, QStringLiteral("10.0.0.1"));
        QCOMPARE(out.at(1).port, 2222);
        QCOMPARE(out.at(1).user, QStringLiteral("root"));
        QCOMPARE(out.at(1).groups, QStringList{QStringLiteral("web")});
        QVERIFY(out.at(2).isLocal());
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("patterns");
        QTest::addColumn<QStringList>("excludes");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("nothing") << QStringList() << QStringList() << QStringLiteral("-H PATTERN");
        QTest::newRow("unknown group") << QStringList{QStringLiteral("@nope")} << QStringList()
                                       << QStringLiteral("no group 'nope'");
        QTest::newRow("empty group") << QStringList{QStringLiteral("@empty")} << QStringList()
                                     << QStringLiteral("has no targets");
        QTest::newRow("bad range") << QStringList{QStringLiteral("web[3-1]")} << QStringList()
                                   << QStringLiteral("reversed range");
        QTest::newRow("bad spec") << QStringList{QStringLiteral("host:99999")} << QStringList()
                                  << QStringLiteral("port '99999'");
        QTest::newRow("invisible in a saved-style name")
            << QStringList{QStringLiteral("@web,x\u200b@h")} << QStringList()
            << QStringLiteral("U+200b");
        QTest::newRow("all excluded")
            << QStringList{QStringLiteral("@web")} << QStringList{QStringLiteral("@web")}
            << QStringLiteral("-x @web");
        QTest::newRow("bad exclusion")
            << QStringList{QStringLiteral("@web")} << QStringList{QStringLiteral("w[")}
            << QStringLiteral("'w['");
    }

    void errors()
    {
        QFETCH(QStringList, patterns);
        QFETCH(QStringList, excludes);
        QFETCH(QString, mentions);
        QList<Target> out{target(QStringLiteral("stale"), {})};
        QString error;
        QVERIFY(!selectTargets(sample(), patterns, {}, excludes, &out, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
        QVERIFY(out.isEmpty());
    }

    void specsRejectExclusionLikeNames()
    {
        // A target called "!x" could never be selected again by a pattern.
        Target t;
        QString error;
        QVERIFY(!Target::fromSpec(QStringLiteral("!x"), &t, &error));
        QVERIFY2(error.contains(QLatin1String("cannot start with '!'")), qPrintable(error));
    }

    void hostsFilesOfAnyFormat()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString list = dir.filePath(QStringLiteral("hosts.txt"));
        const QString yaml = dir.filePath(QStringLiteral("inv.yml"));
        QFile f(list);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# lab\nn[1-2]\n\nbad[2-1]\n");
        f.close();
        QFile y(yaml);
        QVERIFY(y.open(QIODevice::WriteOnly));
        y.write("all:\n  hosts:\n    y1:\n      ansible_port: 2022\n");
        y.close();
        QList<Target> out;
        QString error;
        QStringList notes;
        QVERIFY2(selectTargets(sample(), {QStringLiteral("@db")}, {list, yaml},
                               {QStringLiteral("n2")}, &out, &error, &notes),
                 qPrintable(error));
        QCOMPARE(names(out),
                 (QStringList{QStringLiteral("n1"), QStringLiteral("y1"), QStringLiteral("db1")}));
        QCOMPARE(out.at(1).port, 2022);
        QCOMPARE(notes.size(), 1);
        QVERIFY2(notes.first().contains(list + QStringLiteral(":4:")), qPrintable(notes.first()));

        QVERIFY(!selectTargets(sample(), {}, {dir.filePath(QStringLiteral("missing"))}, {}, &out,
                               &error));
        QVERIFY2(error.contains(QLatin1String("cannot read hosts file")), qPrintable(error));

        QFile e(dir.filePath(QStringLiteral("empty.txt")));
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.write("# nothing yet\nbad[\n");
        e.close();
        QVERIFY(!selectTargets(sample(), {}, {e.fileName()}, {}, &out, &error));
        QVERIFY2(error.contains(QLatin1String("has no targets")) &&
                     error.contains(e.fileName() + QStringLiteral(":2:")),
                 qPrintable(error));
    }

    void usesTheSavedInventory()
    {
        InventoryStore store;
        QFile::remove(store.path());
        QString error;
        QVERIFY2(store.save(sample(), &error), qPrintable(error));
        QList<Target> out;
        QVERIFY2(
            selectTargets({QStringLiteral("@web")}, {}, {QStringLiteral("web2")}, &out, &error),
            qPrintable(error));
        QCOMPARE(names(out), QStringList{QStringLiteral("web1")});
        QCOMPARE(out.first().port, 2201);
        QVERIFY(QFile::remove(store.path()));
        QFile::remove(store.backupPath());
    }
};

QTEST_GUILESS_MAIN(TestTargetSelection)
#include "tst_targetselection.moc"
