// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace volley {

/// A colour as a terminal names it: the default, one of 256 palette entries
/// (0-15 are the classic ANSI colours), or a 24-bit value.
struct TermColor
{
    enum class Kind : quint8 { Default, Indexed, Rgb };
    Kind kind = Kind::Default;
    quint32 value = 0; ///< palette index, or 0xRRGGBB

    static TermColor indexed(int i) { return {Kind::Indexed, quint32(i)}; }
    static TermColor rgb(int r, int g, int b)
    {
        return {Kind::Rgb,
                (quint32(r & 0xff) << 16) | (quint32(g & 0xff) << 8) | quint32(b & 0xff)};
    }
    friend bool operator==(const TermColor &, const TermColor &) = default;
};

/// The SGR attributes in effect for a run of text.
struct TermStyle
{
    TermColor fg;
    TermColor bg;
    bool bold = false;
    bool dim = false;
    bool italic = false;
    bool underline = false;
    bool inverse = false;
    bool strike = false;

    bool isDefault() const { return *this == TermStyle(); }
    friend bool operator==(const TermStyle &, const TermStyle &) = default;
};

/// Text to show with one style. Text holds only printable characters, '\n'
/// and '\t'.
struct TermSpan
{
    QString text;
    TermStyle style;
    friend bool operator==(const TermSpan &, const TermSpan &) = default;
};

/// Turns a host's output into styled text that is safe to show.
///
/// Only SGR (colour and attributes) is honoured. Everything else a terminal
/// would act on is dropped, because a remote host must not be able to change
/// what the user sees elsewhere: OSC (window title, OSC 52 clipboard, hyperlinks),
/// DCS/SOS/PM/APC strings, cursor movement, erase and every other CSI, C0
/// controls except '\n' and '\t' (a lone '\r' could overwrite a line, a
/// backspace could hide characters), the C1 controls U+0080..U+009F and the
/// bidirectional overrides that can reorder what is shown (U+202A..U+202E,
/// U+2066..U+2069). "\r\n" becomes "\n".
///
/// Streaming: feed text in chunks of any size; a sequence split across chunks
/// is carried over. Input is already-decoded text (see Utf8StreamDecoder).
/// Memory is bounded: parameters and string contents are not accumulated past
/// small limits.
class AnsiParser final
{
public:
    /// Appends the spans for text to *out, merging with out's last span when
    /// the style is unchanged.
    void feed(QStringView text, QList<TermSpan> *out);
    QList<TermSpan> feed(QStringView text)
    {
        QList<TermSpan> out;
        feed(text, &out);
        return out;
    }
    /// The style that the next printable character would get.
    const TermStyle &style() const { return m_style; }
    /// Forgets any partial sequence and the current style.
    void reset();

    /// Number of control sequences (or characters) dropped so far; for tests
    /// and for a "n control sequences hidden" hint.
    qint64 neutralised() const { return m_neutralised; }

    /// Plain text with every sequence removed; convenience for one-shot use.
    static QString stripped(QStringView text);

private:
    enum class State : quint8 {
        Ground,
        Escape,          // after ESC
        EscIntermediate, // ESC followed by 0x20-0x2F bytes
        Csi,             // parameters and intermediates of a CSI
        CsiIgnore,       // malformed CSI: skip to its final byte
        String,          // OSC, DCS, SOS, PM, APC: skip until BEL or ST
        StringEscape,    // ESC seen inside a string (ST is ESC \)
    };

    void applySgr();
    void emitChar(QChar c, QList<TermSpan> *out);
    void flushText(QList<TermSpan> *out);

    State m_state = State::Ground;
    bool m_stringEndsOnBel = false; // OSC may end on BEL, the others only on ST
    bool m_pendingCr = false;       // '\r' seen; dropped unless a '\n' follows
    QChar m_csiPrivate;             // '?', '>', '<', '=' introducing private CSI
    QList<int> m_params;
    bool m_paramStarted = false;
    bool m_nextIsSub = false; // the parameter being started follows a ':'
    int m_csiLength = 0;
    int m_stringLength = 0;
    QList<bool> m_paramIsSub; // ':' separated sub-parameter (38:2:r:g:b)
    TermStyle m_style;
    QString m_text; // printable text not yet emitted
    qint64 m_neutralised = 0;
};

/// The 256-colour palette's RGB value for index (xterm's standard cube and
/// grey ramp for 16-255; a conventional choice for 0-15).
quint32 termPaletteRgb(int index);

} // namespace volley
