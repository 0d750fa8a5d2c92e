// SPDX-License-Identifier: GPL-3.0-or-later
#include "exec/outputstore.h"
#include "testsupport.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QRandomGenerator>
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
};

QTEST_GUILESS_MAIN(TestOutputStore)
#include "tst_outputstore.moc"
