// SPDX-License-Identifier: GPL-3.0-or-later
// Fault matrix, hostile output: binary, NUL bytes, invalid UTF-8, 100,000-character
// lines and terminal escapes (title, cursor, OSC 52 clipboard) from an SSH host
// and a local target. `volley-cli run` must save them exact (--outdir, --json)
// and let none of them reach a terminal through its text output.
#include "faulthelpers.h"
#include "fleet/localfleet.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace volley;

namespace {

// A printf format that makes exactly these bytes (every byte as octal).
QString printfOf(const QByteArray &bytes)
{
    QString fmt;
    for (const char c : bytes)
        fmt += QStringLiteral("\\%1").arg(uint(uchar(c)), 3, 8, QLatin1Char('0'));
    return QStringLiteral("printf '%1'").arg(fmt);
}

QByteArray allByteValues()
{
    QByteArray b;
    for (int i = 0; i < 256; ++i)
        b += char(i);
    return b;
}

// Bytes a terminal must never get from a host: C0 controls other than
// newline and tab (ESC, BEL, CR, BS ...), DEL, C1 controls as UTF-8 (U+0080..U+009F)
// and the bidi overrides.
QString forbiddenIn(const QByteArray &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const uchar c = uchar(text.at(i));
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            return QStringLiteral("control byte 0x%1 at %2").arg(c, 2, 16, QLatin1Char('0')).arg(i);
    }
    const QString s = QString::fromUtf8(text);
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t u = s.at(i).unicode();
        if ((u >= 0x80 && u <= 0x9f) || u == 0x202e || u == 0x202d || (u >= 0x2066 && u <= 0x2069))
            return QStringLiteral("U+%1").arg(int(u), 4, 16, QLatin1Char('0'));
    }
    return {};
}

using Cli = test::CliResult;

Cli runCli(const QStringList &args, int timeoutMs = 60000)
{
    return test::runCli(QStringList{QStringLiteral("run")} + args, timeoutMs);
}

} // namespace

class TestFaultsOutput final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFleet> m_fleet;
    QTemporaryDir m_tmp;

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_fleet = std::make_unique<LocalFleet>();
        LocalFleet::Options options;
        options.hosts = 2;
        QVERIFY2(m_fleet->start(options), qPrintable(m_fleet->error()));
    }

    void cleanupTestCase() { m_fleet.reset(); }

    void init() { test::failOnQtWarnings(); }

    void hostileOutputIsSavedExactAndShownSafely_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray all = allByteValues();
        QTest::newRow("every byte value") << printfOf(all) << all;
        const QByteArray nul("a\0\0b\0\nc\0", 8);
        QTest::newRow("NUL bytes") << printfOf(nul) << nul;
        const QByteArray invalid("\xff\xfe ok \xc0\x80 \xed\xa0\x80 \xf4\x90\x80\x80 \xe2\x82\n");
        QTest::newRow("invalid UTF-8") << printfOf(invalid) << invalid;
        const QByteArray longLine = QByteArray(100000, 'x') + '\n' + QByteArray(100001, 'y');
        QTest::newRow("100,000-character lines")
            << QStringLiteral("head -c 100000 /dev/zero | tr '\\0' x; echo; "
                              "head -c 100001 /dev/zero | tr '\\0' y")
            << longLine;
        const QByteArray title("before\x1b]0;pwned title\x07 \x1b]2;other\x1b\\after\n");
        QTest::newRow("title change (OSC 0, OSC 2)") << printfOf(title) << title;
        const QByteArray cursor("one\x1b[2J\x1b[H\x1b[10;20Htwo\x1b[3A\x1b"
                                "7\x1b"
                                "8\rthree\x08\x08\x1b[K\x1b[?1049h\n");
        QTest::newRow("cursor moves") << printfOf(cursor) << cursor;
        const QByteArray clip("x\x1b]52;c;cm0gLXJmIH4K\x07y\x1b]52;p;?\x1b\\z\n");
        QTest::newRow("OSC 52 clipboard") << printfOf(clip) << clip;
        const QByteArray c1("\xc2\x9b"
                            "31mred\xc2\x9d"
                            "0;t\xc2\x9c \xe2\x80\xae"
                            "evil\n");
        QTest::newRow("C1 controls and bidi override") << printfOf(c1) << c1;
    }

    void hostileOutputIsSavedExactAndShownSafely()
    {
        QFETCH(QString, command);
        QFETCH(QByteArray, expected);
        const QString host = m_fleet->addresses().first();
        const QString outdir = m_tmp.filePath(QString::fromLatin1(QTest::currentDataTag())
                                                  .replace(QLatin1Char(' '), QLatin1Char('_')));
        const QStringList targets{QStringLiteral("-H"), host + QStringLiteral(",local")};

        // Text output and --outdir.
        const Cli text =
            runCli(test::fleetCliArgs(*m_fleet) + targets +
                   QStringList{QStringLiteral("--outdir"), outdir, QStringLiteral("--"), command});
        QVERIFY2(text.status == 0, text.err.constData());
        for (const QString &name : {host, QStringLiteral("local")}) {
            QFile f(QDir(outdir).filePath(name + QStringLiteral(".out")));
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
            const QByteArray saved = f.readAll();
            QCOMPARE(saved.size(), expected.size());
            QVERIFY2(saved == expected, qPrintable(name));
        }
        const QString bad = forbiddenIn(text.out);
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
        QVERIFY2(forbiddenIn(text.err).isEmpty(), qPrintable(forbiddenIn(text.err)));
        // Every line is still there, prefixed (long lines are not cut).
        const int lines = int(expected.count('\n') + (expected.endsWith('\n') ? 0 : 1));
        QCOMPARE(int(text.out.count('\n')), 2 * lines);
        if (expected.contains(QByteArray(100000, 'x'))) {
            QVERIFY(text.out.contains(
                QByteArray(host.toUtf8() + ": " + QByteArray(100000, 'x') + '\n')));
            QVERIFY(text.out.contains(QByteArray("local: " + QByteArray(100001, 'y') + '\n')));
        }

        // --json keeps the exact bytes too (as text when valid UTF-8, else base64).
        const Cli json =
            runCli(test::fleetCliArgs(*m_fleet) + targets +
                   QStringList{QStringLiteral("--json"), QStringLiteral("--"), command});
        QCOMPARE(json.status, 0);
        const QJsonArray results =
            QJsonDocument::fromJson(json.out).object().value(QStringLiteral("targets")).toArray();
        QCOMPARE(results.size(), 2);
        for (const QJsonValue &t : results) {
            const QJsonObject cmd =
                t.toObject().value(QStringLiteral("commands")).toArray().at(0).toObject();
            const QByteArray got =
                cmd.contains(QStringLiteral("stdout_base64"))
                    ? QByteArray::fromBase64(
                          cmd.value(QStringLiteral("stdout_base64")).toString().toLatin1())
                    : cmd.value(QStringLiteral("stdout")).toString().toUtf8();
            QVERIFY2(got == expected,
                     qPrintable(t.toObject().value(QStringLiteral("target")).toString()));
        }
    }
};

QTEST_GUILESS_MAIN(TestFaultsOutput)
#include "tst_faults_output.moc"
