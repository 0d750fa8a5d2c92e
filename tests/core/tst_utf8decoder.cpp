// SPDX-License-Identifier: GPL-3.0-or-later
#include "exec/utf8decoder.h"
#include "testsupport.h"

#include <QTest>

using namespace volley;

class TestUtf8Decoder final : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnQtWarnings(); }

    void splitAtEveryByte_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("ascii") << QStringLiteral("hello");
        QTest::newRow("two-byte") << QStringLiteral("d\u00e9j\u00e0 vu");
        QTest::newRow("three-byte") << QStringLiteral("\u20ac 100 \u2603");
        QTest::newRow("four-byte") << QStringLiteral("rocket \U0001F680 and \U0001F30D");
    }

    void splitAtEveryByte()
    {
        QFETCH(QString, text);
        const QByteArray bytes = text.toUtf8();
        for (qsizetype cut = 0; cut <= bytes.size(); ++cut) {
            Utf8StreamDecoder d;
            // Sequenced on purpose: the operands of + are evaluated in no set order.
            QString got = d.decode(bytes.left(cut));
            got += d.decode(bytes.mid(cut));
            got += d.flush();
            QCOMPARE(got, text);
        }
        // One byte at a time.
        Utf8StreamDecoder d;
        QString got;
        for (char c : bytes)
            got += d.decode(QByteArray(1, c));
        QCOMPARE(got + d.flush(), text);
    }

    void invalidBytesBecomeReplacement()
    {
        Utf8StreamDecoder d;
        QString got = d.decode(QByteArray("a\xff"
                                          "b",
                                          3));
        got += d.flush();
        QCOMPARE(got, QStringLiteral("a\ufffdb"));
        Utf8StreamDecoder truncated;
        QCOMPARE(truncated.decode(QByteArray("x\xe2\x82", 3)), QStringLiteral("x"));
        const QString rest = truncated.flush();
        QVERIFY(!rest.isEmpty());
        QCOMPARE(rest, QString(rest.size(), QChar::ReplacementCharacter));
    }

    void validity_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty") << QByteArray() << true;
        QTest::newRow("nul") << QByteArray("a\0b", 3) << true;
        QTest::newRow("euro") << QByteArray("\xe2\x82\xac") << true;
        QTest::newRow("lone continuation") << QByteArray("\x80") << false;
        QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << false;
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << false;
        QTest::newRow("truncated") << QByteArray("\xe2\x82") << false;
        QTest::newRow("past max") << QByteArray("\xf4\x90\x80\x80") << false;
    }

    void validity()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        QCOMPARE(isValidUtf8(bytes), valid);
    }
};

QTEST_GUILESS_MAIN(TestUtf8Decoder)
#include "tst_utf8decoder.moc"
