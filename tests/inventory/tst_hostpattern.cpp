// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/hostpattern.h"
#include "testsupport.h"

#include <QSet>
#include <QTest>

using namespace volley;

class TestHostPattern final : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnQtWarnings(); }

    void expands_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QStringList>("names");
        auto row = [](const char *tag, const char *pattern, const QStringList &names) {
            QTest::newRow(tag) << QString::fromUtf8(pattern) << names;
        };
        row("single", "web1", {QStringLiteral("web1")});
        row("comma list", "a,b,c", {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
        row("blanks around elements", " a , b ", {QStringLiteral("a"), QStringLiteral("b")});
        row("padded range", "web[08-11].lab",
            {QStringLiteral("web08.lab"), QStringLiteral("web09.lab"), QStringLiteral("web10.lab"),
             QStringLiteral("web11.lab")});
        row("unpadded range", "n[9-11]",
            {QStringLiteral("n9"), QStringLiteral("n10"), QStringLiteral("n11")});
        row("range list", "n[1-3,7,10-11]",
            {QStringLiteral("n1"), QStringLiteral("n2"), QStringLiteral("n3"), QStringLiteral("n7"),
             QStringLiteral("n10"), QStringLiteral("n11")});
        row("two ranges", "10.0.[1-2].[1-2]",
            {QStringLiteral("10.0.1.1"), QStringLiteral("10.0.1.2"), QStringLiteral("10.0.2.1"),
             QStringLiteral("10.0.2.2")});
        row("padding grows past width", "h[098-100]",
            {QStringLiteral("h098"), QStringLiteral("h099"), QStringLiteral("h100")});
        row("user and port on ranges", "root@web[1-2]:2222",
            {QStringLiteral("root@web1:2222"), QStringLiteral("root@web2:2222")});
        row("ipv6 literal", "[::1]:2222,[fe80::1]",
            {QStringLiteral("[::1]:2222"), QStringLiteral("[fe80::1]")});
        row("ipv6 with user", "me@[::1]:22", {QStringLiteral("me@[::1]:22")});
        row("local targets", "local,local:build[1-2]",
            {QStringLiteral("local"), QStringLiteral("local:build1"),
             QStringLiteral("local:build2")});
        row("duplicates removed, order kept", "b,a,b,n[1-2],n1",
            {QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("n1"), QStringLiteral("n2")});
        row("exclusion", "web[1-4],!web[2-3]", {QStringLiteral("web1"), QStringLiteral("web4")});
        row("exclusion before inclusion", "!web2,web[1-3]",
            {QStringLiteral("web1"), QStringLiteral("web3")});
        row("exclusion matches the host part", "root@web[1-3]:22,!web2",
            {QStringLiteral("root@web1:22"), QStringLiteral("root@web3:22")});
        row("exclusion with user is exact", "root@web1,web1,!root@web1", {QStringLiteral("web1")});
        row("only exclusions", "!web1", {});
        row("single value range", "x[5]", {QStringLiteral("x5")});
        row("zero", "x[0-1]", {QStringLiteral("x0"), QStringLiteral("x1")});
    }

    void expands()
    {
        QFETCH(QString, pattern);
        QFETCH(QStringList, names);
        QStringList out;
        QString error;
        QVERIFY2(HostPattern::expand(pattern, &out, &error), qPrintable(error));
        QCOMPARE(out, names);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("mentions"); // what the message must point at
        auto row = [](const char *tag, const char *pattern, const char *mentions) {
            QTest::newRow(tag) << QString::fromUtf8(pattern) << QString::fromUtf8(mentions);
        };
        row("empty", "", "empty host pattern");
        row("blank", "   ", "empty host pattern");
        row("empty element", "a,,b", "column 3");
        row("trailing comma", "a,", "empty element");
        row("reversed", "web[5-1]", "reversed range '5-1'");
        row("reversed column", "web[5-1]", "column 5");
        row("unclosed", "web[1-3", "'[' has no closing ']'");
        row("stray close", "web1-3]", "']' without an opening '['");
        row("empty range", "web[]", "empty range");
        row("empty range item", "web[1,,3]", "empty item");
        row("letters", "web[a-c]", "'a-c'");
        row("half range", "web[1-]", "'1-'");
        row("negative", "web[-3]", "'-3'");
        row("nested", "web[1-[2]]", "cannot nest");
        row("space inside", "web 1", "space inside");
        row("bare bang", "a,!", "'!' must be followed");
        row("double bang", "a,!!b", "'!' must be followed");
        row("bare at", "@", "needs a group name");
        row("group without inventory", "@web", "group '@web'");
        row("group name with bang", "@!web", "a group name starts with");
        row("too many", "n[1-100001]", "past 100000 names");
        row("too many by product", "n[1-1000].[1-1000]", "past 100000 names");
        row("too many in sum", "a[1-60000],b[1-60000]", "'b[1-60000]'");
        row("huge product does not overflow", "[1-999999999][1-999999999][1-999999999]x", "past");
        row("too many digits", "n[1-1234567890123456789]", "more than 18 digits");
        row("mixed padding", "n[1-08]", "different widths");
        row("control character",
            "web\x01"
            "1",
            "invisible character U+0001");
        row("byte order mark",
            "web\xEF\xBB\xBF"
            "1",
            "invisible character U+feff");
    }

    void rejects()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, mentions);
        QStringList out{QStringLiteral("stale")};
        QString error;
        QVERIFY(!HostPattern::expand(pattern, &out, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
        // Quotes the pattern (when there is one) and never leaves a partial list.
        if (!pattern.trimmed().isEmpty())
            QVERIFY2(error.contains(QLatin1Char('\'') + pattern + QLatin1Char('\'')),
                     qPrintable(error));
        QVERIFY(out.isEmpty());
    }

    void limitIsExact()
    {
        QStringList out;
        QString error;
        QVERIFY2(HostPattern::expand(QStringLiteral("n[1-100000]"), &out, &error),
                 qPrintable(error));
        QCOMPARE(out.size(), HostPattern::kMaxNames);
        HostPattern::Options small;
        small.maxNames = 3;
        QVERIFY(!HostPattern::expand(QStringLiteral("n[1-4]"), small, &out, &error));
        QVERIFY(HostPattern::expand(QStringLiteral("n[1-3]"), small, &out, &error));
    }

    void resolvesGroups()
    {
        HostPattern::Options options;
        options.resolveGroup = [](const QString &group, QStringList *names, QString *error) {
            if (group == QLatin1String("web")) {
                *names = {QStringLiteral("web1"), QStringLiteral("web2")};
                return true;
            }
            if (group.startsWith(QLatin1String("rack"))) {
                *names = {group + QStringLiteral("-a")};
                return true;
            }
            *error = QStringLiteral("no group '%1'").arg(group);
            return false;
        };
        QStringList out;
        QString error;
        QVERIFY2(
            HostPattern::expand(QStringLiteral("@web,db1,!web2,@rack[1-2]"), options, &out, &error),
            qPrintable(error));
        QCOMPARE(out, (QStringList{QStringLiteral("web1"), QStringLiteral("db1"),
                                   QStringLiteral("rack1-a"), QStringLiteral("rack2-a")}));
        QVERIFY(HostPattern::expand(QStringLiteral("@web,!@web"), options, &out, &error));
        QVERIFY(out.isEmpty());
        QVERIFY(!HostPattern::expand(QStringLiteral("a,@nope"), options, &out, &error));
        QVERIFY2(error.contains(QLatin1String("no group 'nope'")) &&
                     error.contains(QLatin1String("'a,@nope'")),
                 qPrintable(error));
    }

    void folds_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("folded");
        auto row = [](const char *tag, const QStringList &names, const char *folded) {
            QTest::newRow(tag) << names << QString::fromUtf8(folded);
        };
        row("empty", {}, "");
        row("one", {QStringLiteral("web01")}, "web01");
        row("no digits", {QStringLiteral("db"), QStringLiteral("app")}, "db,app");
        row("issue example",
            {QStringLiteral("web01"), QStringLiteral("web02"), QStringLiteral("web03"),
             QStringLiteral("web04"), QStringLiteral("web05"), QStringLiteral("web06"),
             QStringLiteral("web07"), QStringLiteral("web08"), QStringLiteral("web09"),
             QStringLiteral("web11")},
            "web[01-09,11]");
        row("unordered input",
            {QStringLiteral("n3"), QStringLiteral("n1"), QStringLiteral("n2"),
             QStringLiteral("n1")},
            "n[1-3]");
        row("padding kept apart",
            {QStringLiteral("n1"), QStringLiteral("n01"), QStringLiteral("n2")}, "n[1-2,01]");
        row("padded run crosses width",
            {QStringLiteral("h098"), QStringLiteral("h099"), QStringLiteral("h100")}, "h[098-100]");
        row("bare run does not adopt padding", {QStringLiteral("h9"), QStringLiteral("h10")},
            "h[9-10]");
        row("two dimensions",
            {QStringLiteral("10.0.1.1"), QStringLiteral("10.0.1.2"), QStringLiteral("10.0.2.1"),
             QStringLiteral("10.0.2.2")},
            "10.0.[1-2].[1-2]");
        row("suffix kept", {QStringLiteral("web1.lab"), QStringLiteral("web2.lab")},
            "web[1-2].lab");
        row("different suffixes",
            {QStringLiteral("web1.a"), QStringLiteral("web2.b"), QStringLiteral("web3.a")},
            "web[1,3].a,web2.b");
        row("ipv6 kept literal", {QStringLiteral("[::1]:22"), QStringLiteral("[::2]:22")},
            "[::1]:22,[::2]:22");
        row("user and port", {QStringLiteral("root@n1:22"), QStringLiteral("root@n2:22")},
            "root@n[1-2]:22");
        // Characters a shape key might have used as separators stay literal text.
        row("separator-like characters",
            {QStringLiteral("a\x1e"
                            "1"),
             QStringLiteral("a\x1e"
                            "2"),
             QStringLiteral("\x1f"),
             QStringLiteral("\x1e"
                            "x")},
            "a\x1e[1-2],\x1f,\x1ex");
    }

    void folds()
    {
        QFETCH(QStringList, names);
        QFETCH(QString, folded);
        QCOMPARE(HostPattern::fold(names), folded);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("pattern");
        const char *patterns[] = {
            "web[01-20].lab,db1",
            "10.0.[1-2].[1-50]",
            "n[1-3,7,10-12]",
            "root@web[1-5]:2222,[::1]:2222",
            "h[08-12],h[7-12],h[001-003]",
            "a[1-3]b[4-6]c,a[1-2]b[7]c",
            "rack[1-4]-node[01-16].dc[1-2]",
            "x[0-9],x[00-10],x[000-002]",
            "local,local:build[1-3],plain",
            "n[1-100000]",
        };
        for (const char *p : patterns)
            QTest::newRow(p) << QString::fromUtf8(p);
    }

    void roundTrip()
    {
        QFETCH(QString, pattern);
        QStringList names;
        QString error;
        QVERIFY2(HostPattern::expand(pattern, &names, &error), qPrintable(error));
        const QString folded = HostPattern::fold(names);
        QStringList again;
        QVERIFY2(HostPattern::expand(folded, &again, &error), qPrintable(error));
        QCOMPARE(QSet<QString>(again.cbegin(), again.cend()),
                 QSet<QString>(names.cbegin(), names.cend()));
        QCOMPARE(again.size(), names.size());
        // Folding is idempotent and never longer than the plain list.
        QCOMPARE(HostPattern::fold(again), folded);
        QVERIFY(folded.size() <= names.join(QLatin1Char(',')).size());
    }

    void hostParts_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("host");
        QTest::newRow("plain") << QStringLiteral("web1") << QStringLiteral("web1");
        QTest::newRow("user port") << QStringLiteral("me@web1:22") << QStringLiteral("web1");
        QTest::newRow("v6 port") << QStringLiteral("[::1]:22") << QStringLiteral("::1");
        QTest::newRow("bare v6") << QStringLiteral("fe80::1") << QStringLiteral("fe80::1");
        QTest::newRow("local name")
            << QStringLiteral("local:build") << QStringLiteral("local:build");
    }

    void hostParts()
    {
        QFETCH(QString, name);
        QFETCH(QString, host);
        QCOMPARE(HostPattern::hostPart(name), host);
    }
};

QTEST_GUILESS_MAIN(TestHostPattern)
#include "tst_hostpattern.moc"
