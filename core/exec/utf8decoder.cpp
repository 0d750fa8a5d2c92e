// SPDX-License-Identifier: GPL-3.0-or-later
#include "exec/utf8decoder.h"

namespace volley {

namespace {

// Length of the incomplete UTF-8 sequence at the end of data (0 if none).
qsizetype incompleteTail(const QByteArray &data)
{
    const qsizetype n = data.size();
    // A sequence is at most 4 bytes: look back at most 3 for its lead byte.
    for (qsizetype back = 1; back <= 3 && back <= n; ++back) {
        const auto c = static_cast<unsigned char>(data.at(n - back));
        if ((c & 0xC0) == 0x80)
            continue; // continuation byte: keep looking for the lead
        qsizetype need = 0;
        if ((c & 0xE0) == 0xC0)
            need = 2;
        else if ((c & 0xF0) == 0xE0)
            need = 3;
        else if ((c & 0xF8) == 0xF0)
            need = 4;
        return need > back ? back : 0;
    }
    return 0;
}

} // namespace

QString Utf8StreamDecoder::decode(const QByteArray &chunk)
{
    QByteArray data = m_pending + chunk;
    const qsizetype tail = incompleteTail(data);
    m_pending = data.right(tail);
    data.chop(tail);
    return QString::fromUtf8(data);
}

QString Utf8StreamDecoder::flush()
{
    const QString out = QString::fromUtf8(m_pending);
    m_pending.clear();
    return out;
}

bool isValidUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        qsizetype len = 0;
        char32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > n)
            return false;
        for (qsizetype k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are invalid.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

} // namespace volley
