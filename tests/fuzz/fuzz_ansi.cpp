// SPDX-License-Identifier: GPL-3.0-or-later
// The ANSI/escape filter on hostile bytes: no crash, and whatever comes out holds
// no escape or control character that could reach the display.
#include "term/ansiparser.h"

#include <QString>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks where the input is cut in two chunks, as a stream arrives.
    const size_t cut = data[0] % size;
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    volley::AnsiParser parser;
    QList<volley::TermSpan> spans;
    parser.feed(QStringView(text).first(qMin<qsizetype>(qsizetype(cut), text.size())), &spans);
    parser.feed(QStringView(text).sliced(qMin<qsizetype>(qsizetype(cut), text.size())), &spans);
    for (const volley::TermSpan &span : spans) {
        for (const QChar c : span.text) {
            const char16_t u = c.unicode();
            const bool control =
                (u < 0x20 && u != u'\n' && u != u'\t') || u == 0x7f || (u >= 0x80 && u <= 0x9f);
            if (control)
                std::abort(); // a control character got through to the display
        }
    }
    return 0;
}
