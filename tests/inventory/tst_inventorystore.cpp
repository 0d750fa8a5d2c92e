// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/inventorystore.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace volley;

namespace {

Inventory makeInventory(const QString &prefix, int count)
{
    Inventory inv;
    for (int i = 0; i < count; ++i) {
        Target t;
        t.name = QStringLiteral("%1-%2").arg(prefix).arg(i);
        t.address = QStringLiteral("10.%1.%2.%3").arg(prefix.size()).arg(i / 256).arg(i % 256);
        t.port = 2200 + i % 50;
        t.user = prefix;
        t.groups = {prefix, QStringLiteral("g%1").arg(i % 7)};
        t.tags = {QStringLiteral("t%1").arg(i % 3)};
        t.note = QStringLiteral("note for %1").arg(t.name);
        t.vars.insert(QStringLiteral("rack"), QString::number(i % 11));
        inv.add(t);
    }
    inv.addChild(QStringLiteral("all-%1").arg(prefix), prefix);
    return inv;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(data), data.size());
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

} // namespace

class TestInventoryStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { test::failOnQtWarnings(); }

    void defaultPathIsInTheDataFolder()
    {
        QVERIFY(InventoryStore::defaultPath().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QVERIFY(InventoryStore::defaultPath().endsWith(QLatin1String("/inventory.json")));
    }

    void missingFileIsEmpty()
    {
        QTemporaryDir dir;
        InventoryStore store(dir.filePath(QStringLiteral("sub/inventory.json")));
        Inventory inv = makeInventory(QStringLiteral("x"), 1);
        InventoryStore::LoadReport report;
        QVERIFY(store.load(&inv, &report));
        QVERIFY(inv.isEmpty());
        QVERIFY(report.problem.isEmpty());
    }

    void savesAndLoadsWithABackup()
    {
        QTemporaryDir dir;
        InventoryStore store(dir.filePath(QStringLiteral("sub/inventory.json")));
        const Inventory a = makeInventory(QStringLiteral("a"), 20);
        const Inventory b = makeInventory(QStringLiteral("bb"), 5);
        QString error;
        QVERIFY2(store.save(a, &error), qPrintable(error));
        QVERIFY(!QFile::exists(store.backupPath()));
        QVERIFY2(store.save(b, &error), qPrintable(error));
        Inventory loaded;
        QVERIFY(store.load(&loaded, nullptr, &error));
        QCOMPARE(loaded, b);
        // The previous good file is the backup.
        Inventory backup;
        int schema = 0;
        QVERIFY(InventoryStore::parse(readAll(store.backupPath()), &backup, &schema, &error));
        QCOMPARE(backup, a);
        QCOMPARE(schema, Inventory::kSchemaVersion);
    }

    void migratesOldSchemaAfterABackup()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("inventory.json"));
        const QByteArray v1 =
            readAll(test::testData(QStringLiteral("inventory/inventory-v1.json")));
        QVERIFY(!v1.isEmpty());
        writeAll(path, v1);
        InventoryStore store(path);
        Inventory inv;
        InventoryStore::LoadReport report;
        QString error;
        QVERIFY2(store.load(&inv, &report, &error), qPrintable(error));
        QVERIFY(report.migrated);
        QCOMPARE(report.fromSchema, 1);
        QCOMPARE(readAll(report.migrationBackup), v1);
        QCOMPARE(inv.find(QStringLiteral("old1"))->address, QStringLiteral("192.0.2.50"));
        QVERIFY(readAll(path).contains("\"schemaVersion\": 2"));
        // Migrating again keeps the first backup and does not migrate twice.
        writeAll(path, v1);
        InventoryStore again(path);
        QVERIFY(again.load(&inv, &report, &error));
        QVERIFY(report.migrationBackup.endsWith(QLatin1String("-2")));
        QCOMPARE(readAll(report.migrationBackup), v1);
        QVERIFY(InventoryStore(path).load(&inv, &report, &error));
        QVERIFY(!report.migrated);
    }

    void corruptFileIsKeptAside_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::newRow("truncated") << QByteArray("{\"schemaVersion\": 2, \"targets\": [{\"na")
                                   << QStringLiteral("not valid JSON");
        QTest::newRow("binary") << QByteArray("\x00\x01\xff garbage", 12)
                                << QStringLiteral("not valid JSON");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not valid JSON");
        QTest::newRow("array") << QByteArray("[]") << QStringLiteral("not a JSON object");
        QTest::newRow("no schema")
            << QByteArray("{\"targets\": []}") << QStringLiteral("schemaVersion");
        QTest::newRow("bad target")
            << QByteArray(
                   "{\"schemaVersion\": 2, \"targets\": [{\"name\": \"a\", \"port\": \"x\"}]}")
            << QStringLiteral("target #1: 'port'");
        QTest::newRow("bad schema") << QByteArray("{\"schemaVersion\": \"two\", \"targets\": []}")
                                    << QStringLiteral("positive whole number");
    }

    void corruptFileIsKeptAside()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("inventory.json"));
        InventoryStore store(path);
        const Inventory good = makeInventory(QStringLiteral("good"), 3);
        QString error;
        QVERIFY(store.save(good, &error));
        QVERIFY(store.save(makeInventory(QStringLiteral("newer"), 2), &error)); // good -> backup
        writeAll(path, content);

        InventoryStore reopened(path);
        Inventory loaded;
        InventoryStore::LoadReport report;
        QVERIFY(reopened.load(&loaded, &report, &error));
        QVERIFY2(report.problem.contains(reason), qPrintable(report.problem));
        QVERIFY(report.usedBackup);
        QCOMPARE(loaded, good);
        QCOMPARE(readAll(report.corruptKeptAs), content);
        QVERIFY(report.problem.contains(report.corruptKeptAs));
        // Saving afterwards never touches the broken file.
        QVERIFY(reopened.save(loaded, &error));
        QCOMPARE(readAll(report.corruptKeptAs), content);
    }

    void corruptWithoutBackupStartsEmpty()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("inventory.json"));
        writeAll(path, "{oops");
        InventoryStore store(path);
        Inventory loaded = makeInventory(QStringLiteral("x"), 1);
        InventoryStore::LoadReport report;
        QVERIFY(store.load(&loaded, &report));
        QVERIFY(loaded.isEmpty());
        QVERIFY(!report.usedBackup);
        QVERIFY2(report.problem.contains(QLatin1String("starting with an empty inventory")),
                 qPrintable(report.problem));
        // A second corrupt file gets its own name: the first is not overwritten.
        writeAll(path, "{again");
        InventoryStore::LoadReport second;
        QVERIFY(InventoryStore(path).load(&loaded, &second));
        QVERIFY(second.corruptKeptAs != report.corruptKeptAs);
        QCOMPARE(readAll(report.corruptKeptAs), QByteArray("{oops"));
        QCOMPARE(readAll(second.corruptKeptAs), QByteArray("{again"));
    }

    void corruptedBetweenLoadAndSaveIsKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("inventory.json"));
        InventoryStore store(path);
        QString error;
        QVERIFY(store.save(makeInventory(QStringLiteral("a"), 2), &error));
        writeAll(path, "{hand-edited");
        QVERIFY(store.save(makeInventory(QStringLiteral("b"), 2), &error));
        QVERIFY(filesIn(dir.path()).contains(QStringLiteral("inventory.json.corrupt")));
        QCOMPARE(readAll(path + QStringLiteral(".corrupt")), QByteArray("{hand-edited"));
    }

    void newerSchemaIsLeftUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("inventory.json"));
        const QByteArray future("{\"schemaVersion\": 99, \"targets\": [], \"whatever\": 1}");
        writeAll(path, future);
        InventoryStore store(path);
        Inventory loaded;
        QString error;
        QVERIFY(!store.load(&loaded, nullptr, &error));
        QVERIFY2(error.contains(QLatin1String("newer Volley")), qPrintable(error));
        QVERIFY(!store.save(makeInventory(QStringLiteral("x"), 1), &error));
        QVERIFY2(error.contains(QLatin1String("not saving")), qPrintable(error));
        // A store that never loaded also refuses.
        QVERIFY(!InventoryStore(path).save(makeInventory(QStringLiteral("x"), 1), &error));
        QCOMPARE(readAll(path), future);
        QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("inventory.json")});
    }

    void killedInTheMiddleOfASave()
    {
        // A child saves two big inventories in turn as fast as it can; it is
        // killed at random moments. The file must always be one of the two,
        // whole — never a mix, never truncated.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("inventory.json"));
        const Inventory a = makeInventory(QStringLiteral("a"), 1500);
        const Inventory b = makeInventory(QStringLiteral("bbbb"), 1200);
        QString error;
        QVERIFY(InventoryStore(path).save(a, &error));
        // Kill points spread over a few save durations, whatever this machine's speed.
        QElapsedTimer timer;
        timer.start();
        QVERIFY(InventoryStore(path).save(a, &error));
        const int saveMs = int(std::max<qint64>(timer.elapsed(), 1));
        bool sawB = false;
        for (int round = 0; round < 12; ++round) {
            const pid_t pid = fork();
            QVERIFY(pid >= 0);
            if (pid == 0) {
                InventoryStore store(path);
                QString e;
                for (int i = 0;; ++i) {
                    if (!store.save(i % 2 ? a : b, &e))
                        _exit(1);
                }
            }
            QTest::qSleep(saveMs + QRandomGenerator::global()->bounded(4 * saveMs));
            QCOMPARE(::kill(pid, SIGKILL), 0);
            int status = 0;
            QCOMPARE(::waitpid(pid, &status, 0), pid);
            QVERIFY2(WIFSIGNALED(status), "the saving child stopped on its own: a save failed");

            Inventory loaded;
            int schema = 0;
            QVERIFY2(InventoryStore::parse(readAll(path), &loaded, &schema, &error),
                     qPrintable(error));
            QVERIFY(loaded == a || loaded == b);
            sawB = sawB || loaded == b;
            // The backup is written the same way and is whole too (once there is one).
            if (QFile::exists(path + QStringLiteral(".bak"))) {
                Inventory backup;
                QVERIFY2(InventoryStore::parse(readAll(path + QStringLiteral(".bak")), &backup,
                                               &schema, &error),
                         qPrintable(error));
                QVERIFY(backup == a || backup == b);
            }
            InventoryStore::LoadReport report;
            QVERIFY(InventoryStore(path).load(&loaded, &report, &error));
            QVERIFY2(report.problem.isEmpty(), qPrintable(report.problem));
        }
        QVERIFY(sawB); // the child got at least one save through
    }
};

QTEST_GUILESS_MAIN(TestInventoryStore)
#include "tst_inventorystore.moc"
