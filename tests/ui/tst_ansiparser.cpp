// SPDX-License-Identifier: GPL-3.0-or-later
#include "term/ansiparser.h"
#include "testsupport.h"

#include <QTest>

using namespace volley;

namespace {

QString plain(const QList<TermSpan> &spans)
{
    QString s;
    for (const TermSpan &span : spans)
        s += span.text;
    return s;
}

// Materialises QStringBuilder expressions before they reach the parser.
QList<TermSpan> feed(AnsiParser &p, const QString &text)
{
    return p.feed(text);
}

TermStyle fg(int index)
{
    TermStyle s;
    s.fg = TermColor::indexed(index);
    return s;
}

} // namespace

class TestAnsiParser final : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnQtWarnings(); }

    // Everything that is not SGR, '\n' or '\t' must vanish from the text.
    void neutralises_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("shown");
        const QString esc(QChar(0x1b));
        QTest::newRow("plain") << u"hello\tworld\n"_qs << u"hello\tworld\n"_qs;
        QTest::newRow("osc title bel") << esc + u"]0;pwned\x07ok"_qs << u"ok"_qs;
        QTest::newRow("osc title st") << esc + u"]2;pwned"_qs + esc + u"\\ok"_qs << u"ok"_qs;
        QTest::newRow("osc 52 clipboard") << esc + u"]52;c;cm0gLXJmIC8=\x07safe"_qs << u"safe"_qs;
        QTest::newRow("osc 8 hyperlink")
            << esc + u"]8;;http://evil\x07link"_qs + esc + u"]8;;\x07"_qs << u"link"_qs;
        QTest::newRow("cursor up") << u"a"_qs + esc + u"[2Ab"_qs << u"ab"_qs;
        QTest::newRow("erase line") << u"a"_qs + esc + u"[2Kb"_qs << u"ab"_qs;
        QTest::newRow("cursor position") << esc + u"[10;20Hx"_qs << u"x"_qs;
        QTest::newRow("private mode") << esc + u"[?1049hx"_qs + esc + u"[?25l"_qs << u"x"_qs;
        QTest::newRow("private sgr-like") << esc + u"[>4;2mx"_qs << u"x"_qs;
        QTest::newRow("dcs") << esc + u"Pq#0;2;0;0;0"_qs + esc + u"\\x"_qs << u"x"_qs;
        QTest::newRow("apc") << esc + u"_secret"_qs + esc + u"\\x"_qs << u"x"_qs;
        QTest::newRow("charset") << esc + u"(Bx"_qs << u"x"_qs;
        QTest::newRow("reset terminal") << esc + u"cx"_qs << u"x"_qs;
        QTest::newRow("save cursor") << esc + u"7x"_qs + esc + u"8"_qs << u"x"_qs;
        QTest::newRow("backspace") << u"rm -rf /\b\b\b\b\b\b\b\bls"_qs << u"rm -rf /ls"_qs;
        QTest::newRow("bell and nul") << u"a\x07\0b"_qs << u"ab"_qs;
        QTest::newRow("form feed vt") << u"a\x0c\x0b b"_qs << u"a b"_qs;
        QTest::newRow("delete") << u"a\x7f b"_qs << u"a b"_qs;
        QTest::newRow("crlf") << u"a\r\nb\r\n"_qs << u"a\nb\n"_qs;
        QTest::newRow("lone cr shown as break")
            << u"rm -rf /\rls      "_qs << u"rm -rf /\nls      "_qs;
        QTest::newRow("c1 csi") << u"a\u009b2Jb"_qs << u"ab"_qs;
        QTest::newRow("c1 osc") << u"a\u009d0;t\u009cb"_qs << u"ab"_qs;
        QTest::newRow("c1 other") << u"a\u0085b"_qs << u"ab"_qs;
        QTest::newRow("bidi override") << u"file\u202Etxt.exe"_qs << u"filetxt.exe"_qs;
        QTest::newRow("bidi isolate") << u"a\u2066b\u2069"_qs << u"ab"_qs;
        QTest::newRow("can aborts") << esc + u"[12\x18x"_qs << u"x"_qs;
        QTest::newRow("esc interrupts csi") << esc + u"[12"_qs + esc + u"[31mx"_qs << u"x"_qs;
        QTest::newRow("invalid escape keeps text")
            << esc + u"\u00e9t\u00e9"_qs << u"\u00e9t\u00e9"_qs;
        QTest::newRow("unicode kept")
            << u"d\u00e9j\u00e0 \U0001F680"_qs << u"d\u00e9j\u00e0 \U0001F680"_qs;
        QTest::newRow("newline in csi") << esc + u"[1\n2Ax"_qs << u"\nx"_qs;
    }

    void neutralises()
    {
        QFETCH(QString, input);
        QFETCH(QString, shown);
        AnsiParser p;
        QCOMPARE(plain(p.feed(input)), shown);
        // The same whatever the chunking: split at every position.
        for (qsizetype cut = 0; cut <= input.size(); ++cut) {
            AnsiParser q;
            QList<TermSpan> spans;
            q.feed(QStringView(input).left(cut), &spans);
            q.feed(QStringView(input).mid(cut), &spans);
            QCOMPARE(plain(spans), shown);
        }
    }

    void sgrColours_data()
    {
        QTest::addColumn<QString>("sgr");
        QTest::addColumn<TermColor>("fgColor");
        QTest::addColumn<TermColor>("bgColor");
        QTest::addColumn<bool>("bold");
        QTest::newRow("red") << u"31"_qs << TermColor::indexed(1) << TermColor() << false;
        QTest::newRow("bold green") << u"1;32"_qs << TermColor::indexed(2) << TermColor() << true;
        QTest::newRow("bright") << u"91;104"_qs << TermColor::indexed(9) << TermColor::indexed(12)
                                << false;
        QTest::newRow("256") << u"38;5;208"_qs << TermColor::indexed(208) << TermColor() << false;
        QTest::newRow("truecolor") << u"38;2;10;20;30;48;5;1"_qs << TermColor::rgb(10, 20, 30)
                                   << TermColor::indexed(1) << false;
        QTest::newRow("colon truecolor")
            << u"38:2::1:2:3"_qs << TermColor::rgb(1, 2, 3) << TermColor() << false;
        QTest::newRow("colon 256")
            << u"48:5:17;1"_qs << TermColor() << TermColor::indexed(17) << true;
        QTest::newRow("reset") << u"1;31;0"_qs << TermColor() << TermColor() << false;
        QTest::newRow("empty is reset") << u""_qs << TermColor() << TermColor() << false;
        QTest::newRow("default fg") << u"31;39"_qs << TermColor() << TermColor() << false;
        QTest::newRow("huge values clamp")
            << u"38;5;99999"_qs << TermColor::indexed(255) << TermColor() << false;
    }

    void sgrColours()
    {
        QFETCH(QString, sgr);
        QFETCH(TermColor, fgColor);
        QFETCH(TermColor, bgColor);
        QFETCH(bool, bold);
        AnsiParser p;
        const QList<TermSpan> spans = feed(p, QChar(0x1b) + u"["_qs + sgr + u"mX"_qs);
        QCOMPARE(spans.size(), 1);
        QCOMPARE(spans.first().text, u"X"_qs);
        QCOMPARE(spans.first().style.fg, fgColor);
        QCOMPARE(spans.first().style.bg, bgColor);
        QCOMPARE(spans.first().style.bold, bold);
    }

    void spansSplitOnStyleChange()
    {
        AnsiParser p;
        const QString esc(QChar(0x1b));
        const QList<TermSpan> spans =
            feed(p, u"a"_qs + esc + u"[31mb"_qs + esc + u"[31mc"_qs + esc + u"[0md"_qs);
        QCOMPARE(spans.size(), 3);
        QCOMPARE(spans[0], (TermSpan{u"a"_qs, TermStyle()}));
        QCOMPARE(spans[1], (TermSpan{u"bc"_qs, fg(1)}));
        QCOMPARE(spans[2], (TermSpan{u"d"_qs, TermStyle()}));
    }

    void styleCarriesAcrossChunks()
    {
        AnsiParser p;
        feed(p, QString(QChar(0x1b)) + u"[3"_qs);
        const QList<TermSpan> spans = feed(p, u"2mgreen"_qs);
        QCOMPARE(spans.size(), 1);
        QCOMPARE(spans.first().style, fg(2));
        QCOMPARE(p.style(), fg(2));
        p.reset();
        QVERIFY(p.style().isDefault());
    }

    void attributes()
    {
        AnsiParser p;
        const QList<TermSpan> spans = feed(p, QString(QChar(0x1b)) + u"[2;3;4;7;9mx"_qs);
        QCOMPARE(spans.size(), 1);
        const TermStyle s = spans.first().style;
        QVERIFY(s.dim && s.italic && s.underline && s.inverse && s.strike);
        QVERIFY(!s.bold);
    }

    // An unterminated OSC must not hide the rest of a long output forever.
    void unterminatedStringIsBounded()
    {
        AnsiParser p;
        QString input = QString(QChar(0x1b)) + u"]0;"_qs + QString(10000, u'x') + u"visible"_qs;
        const QString shown = plain(p.feed(input));
        QVERIFY(shown.endsWith(u"visible"_qs));
        QVERIFY(shown.size() < 10000);
    }

    void overlongCsiIsBounded()
    {
        AnsiParser p;
        QString input = QString(QChar(0x1b)) + u"["_qs;
        for (int i = 0; i < 500; ++i)
            input += u"1;"_qs;
        input += u"mtext"_qs;
        QVERIFY(plain(p.feed(input)).endsWith(u"text"_qs));
    }

    void strippedHelper()
    {
        const QString colored = QString(QChar(0x1b)) + u"[1;31mERR"_qs + QChar(0x1b) + u"[0m"_qs;
        QCOMPARE(AnsiParser::stripped(colored), u"ERR"_qs);
        QVERIFY(AnsiParser().neutralised() == 0);
    }

    void palette()
    {
        QCOMPARE(termPaletteRgb(16), 0x000000u);
        QCOMPARE(termPaletteRgb(231), 0xffffffu);
        QCOMPARE(termPaletteRgb(232), 0x080808u);
        QCOMPARE(termPaletteRgb(196), 0xff0000u);
    }
};

QTEST_GUILESS_MAIN(TestAnsiParser)
#include "tst_ansiparser.moc"
