// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/outputstore.h"
#include "exec/utf8decoder.h"
#include "term/ansiparser.h"

#include <QList>
#include <QTextCharFormat>
#include <QWidget>

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
/// Bytes for a hidden pane are only queued (bounded) and laid out when the
/// pane is shown, so 1,000 streaming targets cost one visible document.
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
    /// Bytes that were not shown because the scrollback bound dropped them.
    qint64 skippedBytes() const { return m_skippedBytes; }
    qint64 receivedBytes() const { return m_receivedBytes; }

    QPlainTextEdit *view() const { return m_view; }
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
    };

    void push(Kind kind, const QByteArray &data);
    void flush();
    void render(QTextCursor &cursor, const Segment &segment);
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

    QList<Segment> m_pending;
    qint64 m_pendingBytes = 0;
    qint64 m_pendingLimit = 0;
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
