// SPDX-License-Identifier: GPL-3.0-or-later
#include "exec/outputstore.h"
#include "testsupport.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace volley;

class TestOutputStore final : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnQtWarnings(); }

    void keepsStreamsAndCommandsApart()
    {
        OutputStore store;
        store.append(0, Stream::Stdout, "out0", 4);
        store.append(0, Stream::Stderr, "err0", 4);
        store.append(1, Stream::Stdout, "out1", 4);
        QCOMPARE(store.commandCount(), 2);
        QCOMPARE(store.read(0, Stream::Stdout), QByteArray("out0"));
        QCOMPARE(store.read(0, Stream::Stderr), QByteArray("err0"));
        QCOMPARE(store.read(1, Stream::Stdout), QByteArray("out1"));
        QCOMPARE(store.read(1, Stream::Stderr), QByteArray());
        QCOMPARE(store.totalSize(Stream::Stdout), 8);
        QVERIFY(!store.spilled());
    }

    void spillsPastTheLimitAndKeepsEveryByte()
    {
        OutputStore store(1024);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QByteArray all;
        for (int i = 0; i < 3000; ++i) {
            QByteArray chunk(int(QRandomGenerator::global()->bounded(1, 700)), Qt::Uninitialized);
            for (char &c : chunk)
                c = char(QRandomGenerator::global()->bounded(256));
            store.append(0, Stream::Stdout, chunk.constData(), chunk.size());
            all += chunk;
        }
        QVERIFY(store.spilled());
        QCOMPARE(store.size(0, Stream::Stdout), all.size());
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QVERIFY(store.writeTo(0, Stream::Stdout, &out));
        QCOMPARE(out.data(), all);
        QCOMPARE(store.read(0, Stream::Stdout, 100), all.left(100));
        QCOMPARE(store.read(0, Stream::Stdout), all);
    }

    // --outdir: past the limit the bytes go straight into the user's file, and
    // writeFile() adds only the tail; no temporary copy is made.
    void spillsIntoTheGivenFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("host.out"));
        OutputStore store(1024, [&](int command, Stream stream) {
            return command == 0 && stream == Stream::Stdout ? path : QString();
        });
        QByteArray all;
        for (int i = 0; i < 8000; ++i) {
            const QByteArray line = QByteArray::number(i).repeated(8) + '\n';
            store.append(0, Stream::Stdout, line.constData(), line.size());
            all += line;
        }
        QVERIFY(store.spilled());
        // Already on disk while the run goes on (all but the tail in memory).
        QVERIFY(QFileInfo(path).size() > all.size() - 64 * 1024);
        QVERIFY(QFileInfo(path).size() > 0);
        QString error;
        QVERIFY2(store.writeFile(0, Stream::Stdout, path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), all);
        // Reading back still works from the same file.
        QCOMPARE(store.read(0, Stream::Stdout), all);
        // A stream that stayed in memory is written whole; an empty one as an empty file.
        store.append(0, Stream::Stderr, "e\n", 2);
        QVERIFY(
            store.writeFile(0, Stream::Stderr, dir.filePath(QStringLiteral("host.err")), &error));
        QVERIFY(store.writeFile(1, Stream::Stdout, dir.filePath(QStringLiteral("empty")), &error));
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("host.err"))).size(), 2);
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("empty"))));
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("empty"))).size(), 0);
        // Nothing else was created next to it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 3);
    }

    // A full disk (/dev/full) is an error that names the file, never silence.
    void fullDiskIsReported()
    {
        const QString full = QStringLiteral("/dev/full");
        OutputStore store(1024, [&](int, Stream) { return full; });
        const QByteArray chunk(100 * 1024, 'x');
        store.append(0, Stream::Stdout, chunk.constData(), chunk.size());
        QCOMPARE(store.size(0, Stream::Stdout), chunk.size());
        QString error;
        QVERIFY(!store.writeFile(0, Stream::Stdout, full, &error));
        QVERIFY2(error.contains(full), qPrintable(error));
    }

    void unwritableFileIsNamed()
    {
        OutputStore store(16);
        QString error;
        store.append(0, Stream::Stdout, "0123456789", 10);
        QVERIFY(
            !store.writeFile(0, Stream::Stdout, QStringLiteral("/proc/volley-no/such"), &error));
        QVERIFY2(error.contains(QLatin1String("/proc/volley-no/such")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestOutputStore)
#include "tst_outputstore.moc"
