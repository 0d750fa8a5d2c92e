// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/outputstore.h"
#include "exec/utf8decoder.h"
#include "term/ansiparser.h"

#include <QFont>
#include <QList>
#include <QTextCharFormat>
#include <QTimer>
#include <QWidget>

#include <deque>

class QAction;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTextCursor;

namespace volley {

/// One target's live output: stdout plain, stderr in its own colour, Volley's
/// notes dimmed, ANSI colours rendered and every other control sequence
/// neutralised (AnsiParser). The view keeps a bounded scrollback; the exact
/// bytes stay in the engine's OutputStore and "Save output" asks the window to
/// write those.
///
/// Bytes for a hidden pane are only queued and laid out when the pane is
/// shown, so 1,000 streaming targets cost one visible document. The queue is a
/// ring of the chunks as they came (no copying, no shifting): a hidden pane
/// keeps a small tail, a shown one up to its scrollback. Laying out is cut
/// into time-boxed steps so a flood never holds the event loop for long.
class OutputPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutputPane)

public:
    explicit OutputPane(const QString &target, int scrollbackLines, QWidget *parent = nullptr);
    ~OutputPane() override;

    QString target() const { return m_target; }
    void appendOutput(Stream stream, const QByteArray &bytes);
    /// A note from Volley itself ("connecting", "exit 3 after 1.2 s"), on its own line.
    void appendMessage(const QString &text);
    /// Everything shown so far, pending bytes included (lays them out first).
    QString plainText();
    /// Bytes received but not laid out yet (bounded; see the class comment).
    qint64 pendingBytes() const { return m_pendingBytes; }
    /// Bytes that were not shown because the scrollback bound dropped them.
    qint64 skippedBytes() const { return m_skippedBytes; }
    qint64 receivedBytes() const { return m_receivedBytes; }

    /// The text view (built on first use, like the rest of the pane's widgets).
    QPlainTextEdit *view();
    void setOutputFont(const QFont &font);
    void setScrollbackLines(int lines);
    void setWrap(bool wrap);
    bool isFollowing() const { return m_follow; }

public slots:
    void showFind();
    void findNext();
    void findPrevious();
    void copyAll();

signals:
    void saveRequested(const QString &target);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    enum class Kind : quint8 { Stdout, Stderr, Message };
    struct Segment
    {
        Kind kind;
        QByteArray data;
        qsizetype offset = 0; // bytes of data already shown or dropped
        qsizetype size() const { return data.size() - offset; }
    };

    void ensureUi();
    void push(Kind kind, const QByteArray &data);
    qint64 pendingLimit() const;
    void trim();
    /// Lays out pending bytes for at most budgetMs (all of them when < 0) and
    /// schedules the rest for the next turn of the event loop.
    void flush(int budgetMs = -1);
    void render(QTextCursor &cursor, Kind kind, const QByteArray &bytes);
    void insertText(QTextCursor &cursor, const QString &text, const QTextCharFormat &format);
    void updateFormats();
    QTextCharFormat formatFor(const TermStyle &style, Kind kind) const;
    void find(bool backward);

    QString m_target;
    QPlainTextEdit *m_view = nullptr;
    QWidget *m_findBar = nullptr;
    QLineEdit *m_findEdit = nullptr;
    QLabel *m_findStatus = nullptr;
    QAction *m_wrapAction = nullptr;
    QAction *m_followAction = nullptr;

    std::deque<Segment> m_pending;
    qint64 m_pendingBytes = 0;
    qint64 m_scrollbackBytes = 0;
    int m_scrollbackLines = 0;
    bool m_wrap = false;
    bool m_hasFont = false;
    QFont m_font;
    QTimer m_flushTimer;
    qint64 m_skippedBytes = 0;
    qint64 m_skippedSinceFlush = 0;
    qint64 m_receivedBytes = 0;
    bool m_atLineStart = true;
    bool m_follow = true;
    bool m_inFlush = false;

    Utf8StreamDecoder m_decoders[2];
    AnsiParser m_parsers[2];
    QList<TermSpan> m_spans; // reused between segments

    QTextCharFormat m_plainFormat;
    QTextCharFormat m_stderrFormat;
    QTextCharFormat m_messageFormat;
};

} // namespace volley
