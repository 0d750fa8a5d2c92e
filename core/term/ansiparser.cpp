// SPDX-License-Identifier: GPL-3.0-or-later
#include "term/ansiparser.h"

namespace volley {

namespace {

// Bounds that keep a hostile stream from growing the parser's memory or from
// hiding the rest of the output behind a sequence that never ends.
constexpr int kMaxParams = 32;
constexpr int kMaxParamValue = 65535;
constexpr int kMaxCsiLength = 256;
constexpr int kMaxStringLength = 4096;

constexpr char16_t kEsc = 0x1b;
constexpr char16_t kBel = 0x07;
constexpr char16_t kCan = 0x18;
constexpr char16_t kSub = 0x1a;

bool isBidiControl(char16_t c)
{
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

} // namespace

void AnsiParser::reset()
{
    m_state = State::Ground;
    m_pendingCr = false;
    m_params.clear();
    m_paramIsSub.clear();
    m_paramStarted = false;
    m_csiPrivate = QChar();
    m_style = TermStyle();
    m_text.clear();
}

void AnsiParser::flushText(QList<TermSpan> *out)
{
    if (m_text.isEmpty())
        return;
    if (!out->isEmpty() && out->last().style == m_style)
        out->last().text += m_text;
    else
        out->append(TermSpan{m_text, m_style});
    m_text.clear();
}

void AnsiParser::emitChar(QChar c, QList<TermSpan> *out)
{
    Q_UNUSED(out)
    m_text += c;
}

void AnsiParser::feed(QStringView text, QList<TermSpan> *out)
{
    for (const QChar qc : text) {
        const char16_t c = qc.unicode();

        // CAN and SUB abort any sequence (ECMA-48), and are themselves dropped.
        if (c == kCan || c == kSub) {
            if (m_state != State::Ground)
                ++m_neutralised;
            m_state = State::Ground;
            ++m_neutralised;
            continue;
        }

        switch (m_state) {
        case State::Ground:
            if (m_pendingCr) {
                // A lone '\r' would let a host draw over a line already shown
                // ("rm -rf /\rls      "): show it as a line break instead.
                m_pendingCr = false;
                if (c != u'\n') {
                    emitChar(QLatin1Char('\n'), out);
                    ++m_neutralised;
                }
            }
            if (c == kEsc) {
                m_state = State::Escape;
            } else if (c == u'\n' || c == u'\t') {
                emitChar(qc, out);
            } else if (c == u'\r') {
                m_pendingCr = true;
            } else if (c < 0x20 || c == 0x7f) {
                ++m_neutralised; // BEL, BS, FF, VT, NUL, ...: never acted on
            } else if (c == 0x9b) {
                m_state = State::Csi;
                m_params.clear();
                m_paramIsSub.clear();
                m_paramStarted = false;
                m_csiPrivate = QChar();
                m_csiLength = 0;
                m_nextIsSub = false;
            } else if (c == 0x9d || c == 0x90 || c == 0x98 || c == 0x9e || c == 0x9f) {
                m_state = State::String;
                m_stringEndsOnBel = (c == 0x9d);
                m_stringLength = 0;
            } else if (c >= 0x80 && c <= 0x9f) {
                ++m_neutralised; // other C1 controls
            } else if (isBidiControl(c)) {
                ++m_neutralised;
            } else {
                emitChar(qc, out);
            }
            break;

        case State::Escape:
            if (c == u'[') {
                m_state = State::Csi;
                m_params.clear();
                m_paramIsSub.clear();
                m_paramStarted = false;
                m_csiPrivate = QChar();
                m_csiLength = 0;
                m_nextIsSub = false;
            } else if (c == u']' || c == u'P' || c == u'X' || c == u'^' || c == u'_') {
                m_state = State::String;
                m_stringEndsOnBel = (c == u']');
                m_stringLength = 0;
            } else if (c == kEsc) {
                ++m_neutralised; // ESC ESC: the first one is dropped
            } else if (c >= 0x20 && c <= 0x2f) {
                m_state = State::EscIntermediate; // charset designation etc.
            } else if (c >= 0x30 && c <= 0x7e) {
                m_state = State::Ground; // ESC c, ESC 7, ESC M ...: dropped
                ++m_neutralised;
            } else {
                // Not a valid escape: drop the ESC and treat the character as text.
                m_state = State::Ground;
                ++m_neutralised;
                feed(QStringView(&qc, 1), out);
            }
            break;

        case State::EscIntermediate:
            if (c >= 0x30 && c <= 0x7e) {
                m_state = State::Ground;
                ++m_neutralised;
            } else if (c < 0x20 || c > 0x7e) {
                m_state = State::Ground;
                ++m_neutralised;
                feed(QStringView(&qc, 1), out);
            }
            break;

        case State::Csi:
        case State::CsiIgnore:
            if (++m_csiLength > kMaxCsiLength) {
                m_state = State::Ground;
                ++m_neutralised;
                break;
            }
            if (c == kEsc) {
                m_state = State::Escape; // a new sequence interrupts this one
                ++m_neutralised;
            } else if (c == u'\n' || c == u'\t') {
                emitChar(qc, out); // executed inside a CSI, as terminals do
            } else if (c < 0x20) {
                ++m_neutralised;
            } else if (m_state == State::CsiIgnore) {
                if (c >= 0x40 && c <= 0x7e) {
                    m_state = State::Ground;
                    ++m_neutralised;
                }
            } else if (c >= u'0' && c <= u'9') {
                if (!m_paramStarted) {
                    if (m_params.size() >= kMaxParams) {
                        m_state = State::CsiIgnore;
                        break;
                    }
                    m_params.append(0);
                    m_paramIsSub.append(m_nextIsSub);
                    m_paramStarted = true;
                }
                int &v = m_params.last();
                v = qMin(kMaxParamValue, v * 10 + int(c - u'0'));
            } else if (c == u';' || c == u':') {
                if (!m_paramStarted) {
                    if (m_params.size() >= kMaxParams) {
                        m_state = State::CsiIgnore;
                        break;
                    }
                    m_params.append(-1); // omitted parameter
                    m_paramIsSub.append(m_nextIsSub);
                }
                m_paramStarted = false;
                m_nextIsSub = (c == u':');
            } else if (c >= 0x3c && c <= 0x3f) {
                if (m_params.isEmpty() && !m_paramStarted && m_csiPrivate.isNull())
                    m_csiPrivate = qc;
                else
                    m_state = State::CsiIgnore;
            } else if (c >= 0x20 && c <= 0x2f) {
                m_state = State::CsiIgnore; // intermediates: never SGR
            } else if (c >= 0x40 && c <= 0x7e) {
                m_state = State::Ground;
                if (c == u'm' && m_csiPrivate.isNull()) {
                    flushText(out);
                    applySgr();
                } else {
                    ++m_neutralised; // cursor moves, erase, modes, reports ...
                }
                m_nextIsSub = false;
            } else {
                m_state = State::CsiIgnore;
            }
            break;

        case State::String:
            if (c == kBel && m_stringEndsOnBel) {
                m_state = State::Ground;
                ++m_neutralised;
            } else if (c == kEsc) {
                m_state = State::StringEscape;
            } else if (c == 0x9c) {
                m_state = State::Ground;
                ++m_neutralised;
            } else if (++m_stringLength > kMaxStringLength) {
                // Unterminated: give the rest of the output back to the reader.
                m_state = State::Ground;
                ++m_neutralised;
            }
            break;

        case State::StringEscape:
            m_state = State::Ground;
            ++m_neutralised;
            if (c != u'\\') {
                // ESC inside a string cancels it and starts a new sequence.
                m_state = State::Escape;
                feed(QStringView(&qc, 1), out);
            }
            break;
        }
    }
    flushText(out);
}

void AnsiParser::applySgr()
{
    QList<int> p = m_params;
    QList<bool> sub = m_paramIsSub;
    if (p.isEmpty()) {
        p.append(0);
        sub.append(false);
    }
    auto value = [&](qsizetype i) { return i < p.size() && p[i] >= 0 ? p[i] : 0; };

    // Parses an extended colour starting after the 38/48 at index i; returns
    // the index of the next unread parameter.
    auto extended = [&](qsizetype i, TermColor *color) -> qsizetype {
        if (i < p.size() && sub[i]) {
            // Colon form: 38:5:n or 38:2:[colourspace]:r:g:b
            qsizetype end = i;
            while (end < p.size() && sub[end])
                ++end;
            const qsizetype n = end - i;
            if (value(i) == 5 && n >= 2)
                *color = TermColor::indexed(qMin(255, value(i + 1)));
            else if (value(i) == 2 && n >= 5)
                *color = TermColor::rgb(value(i + 2), value(i + 3), value(i + 4));
            else if (value(i) == 2 && n == 4)
                *color = TermColor::rgb(value(i + 1), value(i + 2), value(i + 3));
            return end;
        }
        if (value(i) == 5) {
            if (i + 1 < p.size())
                *color = TermColor::indexed(qMin(255, value(i + 1)));
            return i + 2;
        }
        if (value(i) == 2) {
            if (i + 3 < p.size())
                *color = TermColor::rgb(value(i + 1), value(i + 2), value(i + 3));
            return i + 4;
        }
        return i + 1;
    };

    for (qsizetype i = 0; i < p.size();) {
        const int code = value(i);
        ++i;
        switch (code) {
        case 0:
            m_style = TermStyle();
            break;
        case 1:
            m_style.bold = true;
            break;
        case 2:
            m_style.dim = true;
            break;
        case 3:
            m_style.italic = true;
            break;
        case 4:
        case 21:
            m_style.underline = true;
            break;
        case 7:
            m_style.inverse = true;
            break;
        case 9:
            m_style.strike = true;
            break;
        case 22:
            m_style.bold = m_style.dim = false;
            break;
        case 23:
            m_style.italic = false;
            break;
        case 24:
            m_style.underline = false;
            break;
        case 27:
            m_style.inverse = false;
            break;
        case 29:
            m_style.strike = false;
            break;
        case 38:
            i = extended(i, &m_style.fg);
            break;
        case 39:
            m_style.fg = TermColor();
            break;
        case 48:
            i = extended(i, &m_style.bg);
            break;
        case 49:
            m_style.bg = TermColor();
            break;
        default:
            if (code >= 30 && code <= 37)
                m_style.fg = TermColor::indexed(code - 30);
            else if (code >= 40 && code <= 47)
                m_style.bg = TermColor::indexed(code - 40);
            else if (code >= 90 && code <= 97)
                m_style.fg = TermColor::indexed(code - 90 + 8);
            else if (code >= 100 && code <= 107)
                m_style.bg = TermColor::indexed(code - 100 + 8);
            // blink, fonts, overline ...: ignored, harmless
            break;
        }
        // Skip colon sub-parameters of codes that do not use them (4:3 ...).
        while (i < p.size() && sub[i])
            ++i;
    }
}

QString AnsiParser::stripped(QStringView text)
{
    AnsiParser parser;
    QString out;
    for (const TermSpan &s : parser.feed(text))
        out += s.text;
    return out;
}

quint32 termPaletteRgb(int index)
{
    static constexpr quint32 base[16] = {
        0x000000, 0xcd3131, 0x0dbc79, 0xe5e510, 0x2472c8, 0xbc3fbc, 0x11a8cd, 0xe5e5e5,
        0x666666, 0xf14c4c, 0x23d18b, 0xf5f543, 0x3b8eea, 0xd670d6, 0x29b8db, 0xffffff,
    };
    if (index < 0)
        return 0;
    if (index < 16)
        return base[index];
    if (index < 232) {
        const int i = index - 16;
        auto level = [](int v) { return v == 0 ? 0 : 55 + v * 40; };
        return (quint32(level(i / 36)) << 16) | (quint32(level((i / 6) % 6)) << 8) |
               quint32(level(i % 6));
    }
    if (index < 256) {
        const quint32 g = quint32(8 + (index - 232) * 10);
        return (g << 16) | (g << 8) | g;
    }
    return 0;
}

} // namespace volley
