// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputpane.h"

#include "palette.h"

#include <QAction>
#include <QClipboard>
#include <QElapsedTimer>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace volley {

namespace {

// Bytes kept for a shown pane between two layouts; beyond it the oldest are
// dropped from the view (never from the store). About the text the scrollback
// can show.
constexpr qint64 kBytesPerScrollbackLine = 160;
constexpr qint64 kMinPendingLimit = 64 * 1024;
// What a hidden pane keeps to show when it comes up: a few thousand lines.
constexpr qint64 kHiddenPendingLimit = 256 * 1024;
// Chunks below this are merged into the previous segment of the same stream.
constexpr qsizetype kMergeBelow = 16 * 1024;
// Layout work per step: slices of this size, steps of at most this long (half
// a frame), the rest on the next turn of the event loop.
constexpr qsizetype kRenderSlice = 16 * 1024;
constexpr int kFlushBudgetMs = 8;

QAction *makeAction(QWidget *owner, const QString &objectName, const QString &text,
                    const QString &tip)
{
    auto *a = new QAction(text, owner);
    a->setObjectName(objectName);
    a->setToolTip(tip);
    a->setStatusTip(tip);
    // Accessible names of toolbar buttons come from the action's text.
    return a;
}

} // namespace

OutputPane::OutputPane(const QString &target, int scrollbackLines, QWidget *parent)
    : QWidget(parent)
    , m_target(target)
{
    setObjectName(QStringLiteral("outputPane"));
    setAccessibleName(tr("Output of %1").arg(target));
    setScrollbackLines(scrollbackLines);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            flush(kFlushBudgetMs);
    });
    updateFormats();
}

void OutputPane::ensureUi()
{
    // Built on first use: a run of 200 targets makes 200 panes at once, and
    // a text view with its tool bar costs milliseconds each; most are never
    // looked at.
    if (m_view)
        return;
    m_view = new QPlainTextEdit(this);
    m_view->setObjectName(QStringLiteral("outputView"));
    m_view->setReadOnly(true);
    m_view->setUndoRedoEnabled(false);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setAccessibleName(tr("Output of %1").arg(m_target));
    m_view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_view->setMaximumBlockCount(m_scrollbackLines);
    if (m_hasFont)
        m_view->setFont(m_font);

    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("paneToolBar"));
    bar->setIconSize(QSize(16, 16));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    QAction *findAction = makeAction(this, QStringLiteral("findAction"), tr("Find"),
                                     tr("Find text in this output (Ctrl+F)"));
    connect(findAction, &QAction::triggered, this, &OutputPane::showFind);
    bar->addAction(findAction);

    m_wrapAction =
        makeAction(this, QStringLiteral("wrapAction"), tr("Wrap"), tr("Wrap long lines"));
    m_wrapAction->setCheckable(true);
    m_wrapAction->setChecked(m_wrap);
    m_view->setLineWrapMode(m_wrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    connect(m_wrapAction, &QAction::toggled, this, &OutputPane::setWrap);
    bar->addAction(m_wrapAction);

    m_followAction = makeAction(this, QStringLiteral("followAction"), tr("Follow"),
                                tr("Keep scrolling to new output; pauses when you scroll up"));
    m_followAction->setCheckable(true);
    m_followAction->setChecked(true);
    connect(m_followAction, &QAction::toggled, this, [this](bool on) {
        m_follow = on;
        if (on)
            m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->maximum());
    });
    bar->addAction(m_followAction);

    QAction *copyAction = makeAction(this, QStringLiteral("copyAction"), tr("Copy"),
                                     tr("Copy the selection, or all shown output"));
    connect(copyAction, &QAction::triggered, this, &OutputPane::copyAll);
    bar->addAction(copyAction);

    QAction *saveAction = makeAction(this, QStringLiteral("saveAction"), tr("Save output…"),
                                     tr("Save every byte this target wrote, exactly"));
    connect(saveAction, &QAction::triggered, this, [this] { emit saveRequested(m_target); });
    bar->addAction(saveAction);

    // Find bar, hidden until Ctrl+F.
    m_findBar = new QWidget(this);
    m_findBar->setObjectName(QStringLiteral("findBar"));
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(0, 0, 0, 0);
    m_findEdit = new QLineEdit(m_findBar);
    m_findEdit->setObjectName(QStringLiteral("findEdit"));
    m_findEdit->setPlaceholderText(tr("Find"));
    m_findEdit->setAccessibleName(tr("Find text"));
    m_findEdit->setClearButtonEnabled(true);
    connect(m_findEdit, &QLineEdit::returnPressed, this, &OutputPane::findNext);
    auto *prev = new QToolButton(m_findBar);
    prev->setObjectName(QStringLiteral("findPreviousButton"));
    prev->setText(tr("Previous"));
    prev->setToolTip(tr("Find the previous match"));
    prev->setAccessibleName(tr("Previous match"));
    connect(prev, &QToolButton::clicked, this, &OutputPane::findPrevious);
    auto *next = new QToolButton(m_findBar);
    next->setObjectName(QStringLiteral("findNextButton"));
    next->setText(tr("Next"));
    next->setToolTip(tr("Find the next match (Enter)"));
    next->setAccessibleName(tr("Next match"));
    connect(next, &QToolButton::clicked, this, &OutputPane::findNext);
    m_findStatus = new QLabel(m_findBar);
    m_findStatus->setObjectName(QStringLiteral("findStatus"));
    auto *close = new QToolButton(m_findBar);
    close->setObjectName(QStringLiteral("findCloseButton"));
    close->setText(tr("Close"));
    close->setToolTip(tr("Close the find bar"));
    close->setAccessibleName(tr("Close find"));
    connect(close, &QToolButton::clicked, m_findBar, &QWidget::hide);
    findLayout->addWidget(m_findEdit, 1);
    findLayout->addWidget(prev);
    findLayout->addWidget(next);
    findLayout->addWidget(m_findStatus);
    findLayout->addWidget(close);
    m_findBar->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_findBar);
    layout->addWidget(m_view, 1);

    // Auto-scroll follows the user: scrolling up pauses it, reaching the
    // bottom again resumes it. Changes made while inserting text don't count.
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (m_inFlush)
            return;
        const bool atBottom = value >= m_view->verticalScrollBar()->maximum();
        if (atBottom != m_follow) {
            m_follow = atBottom;
            const QSignalBlocker block(m_followAction);
            m_followAction->setChecked(atBottom);
        }
    });
    if (isVisible()) {
        // Built while being shown: the children would only appear a turn later.
        bar->show();
        m_view->show();
    }
}

OutputPane::~OutputPane() = default;

QPlainTextEdit *OutputPane::view()
{
    ensureUi();
    return m_view;
}

void OutputPane::setOutputFont(const QFont &font)
{
    m_font = font;
    m_hasFont = true;
    if (m_view)
        m_view->setFont(font);
}

void OutputPane::setScrollbackLines(int lines)
{
    m_scrollbackLines = qMax(100, lines);
    if (m_view)
        m_view->setMaximumBlockCount(m_scrollbackLines);
    m_scrollbackBytes = qMax(kMinPendingLimit, qint64(qMax(100, lines)) * kBytesPerScrollbackLine);
}

void OutputPane::setWrap(bool wrap)
{
    m_wrap = wrap;
    ensureUi();
    m_view->setLineWrapMode(wrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    if (m_wrapAction->isChecked() != wrap)
        m_wrapAction->setChecked(wrap);
}

void OutputPane::updateFormats()
{
    const QPalette pal = palette();
    m_plainFormat = QTextCharFormat();
    m_stderrFormat = QTextCharFormat();
    m_stderrFormat.setForeground(errorColor(pal));
    m_messageFormat = QTextCharFormat();
    m_messageFormat.setForeground(pal.color(QPalette::PlaceholderText));
    m_messageFormat.setFontItalic(true);
}

void OutputPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        updateFormats();
    QWidget::changeEvent(event);
}

void OutputPane::showEvent(QShowEvent *event)
{
    ensureUi();
    QWidget::showEvent(event);
    flush(kFlushBudgetMs);
}

void OutputPane::appendOutput(Stream stream, const QByteArray &bytes)
{
    m_receivedBytes += bytes.size();
    push(stream == Stream::Stderr ? Kind::Stderr : Kind::Stdout, bytes);
}

void OutputPane::appendMessage(const QString &text)
{
    push(Kind::Message, text.toUtf8());
}

void OutputPane::push(Kind kind, const QByteArray &data)
{
    if (data.isEmpty())
        return;
    if (kind != Kind::Message && !m_pending.empty() && m_pending.back().kind == kind &&
        m_pending.back().data.size() < kMergeBelow && data.size() < kMergeBelow) {
        // Small chunks of one stream become one segment: fewer insertions later.
        m_pending.back().data += data;
    } else {
        m_pending.push_back(Segment{kind, data});
    }
    m_pendingBytes += data.size();
    trim();
    if (isVisible() && !m_flushTimer.isActive())
        m_flushTimer.start();
}

qint64 OutputPane::pendingLimit() const
{
    // A shown pane may need up to its scrollback; a hidden one only a tail to
    // show when it comes up, so 1,000 hidden panes stay small.
    return isVisible() ? m_scrollbackBytes : qMin(m_scrollbackBytes, kHiddenPendingLimit);
}

void OutputPane::trim()
{
    // Drop the oldest output bytes beyond the limit (the store keeps them).
    // Notes from Volley are small and always kept. Segments are only advanced
    // (offset), never shifted: a flood costs O(bytes dropped), not O(kept).
    const qint64 limit = pendingLimit();
    if (m_pendingBytes <= limit)
        return;
    auto it = m_pending.begin();
    while (m_pendingBytes > limit) {
        while (it != m_pending.end() && it->kind == Kind::Message)
            ++it;
        if (it == m_pending.end())
            break;
        const qint64 excess = m_pendingBytes - limit;
        qsizetype cut = it->size();
        if (cut > excess) {
            // Cut at a line start so the view resumes on a whole line.
            const qsizetype nl = it->data.indexOf('\n', it->offset + excess);
            cut = nl < 0 ? it->size() : nl + 1 - it->offset;
        }
        it->offset += cut;
        m_pendingBytes -= cut;
        m_skippedBytes += cut;
        m_skippedSinceFlush += cut;
        if (it->size() == 0) {
            it = m_pending.erase(it);
        } else if (it->offset > it->data.size() / 2 && it->data.size() > kMergeBelow) {
            // Mostly dead: keep a copy of the live tail, free the big chunk.
            it->data = it->data.sliced(it->offset);
            it->offset = 0;
        }
    }
    // The decoder and colour state of a stream we cut into no longer apply.
    m_decoders[0] = Utf8StreamDecoder();
    m_decoders[1] = Utf8StreamDecoder();
    m_parsers[0].reset();
    m_parsers[1].reset();
}

QString OutputPane::plainText()
{
    ensureUi();
    flush();
    return m_view->toPlainText();
}

void OutputPane::flush(int budgetMs)
{
    m_flushTimer.stop();
    if (m_pending.empty() && m_skippedSinceFlush == 0)
        return;
    ensureUi();
    QElapsedTimer clock;
    clock.start();
    QScrollBar *sb = m_view->verticalScrollBar();
    const bool follow = m_follow;
    m_inFlush = true;
    QTextCursor cursor(m_view->document());
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();
    if (m_skippedSinceFlush > 0) {
        const QString note = tr("… %Ln byte(s) not shown here; Save output has every byte …",
                                nullptr, m_skippedSinceFlush);
        if (!m_atLineStart)
            insertText(cursor, QStringLiteral("\n"), m_messageFormat);
        insertText(cursor, note + QLatin1Char('\n'), m_messageFormat);
        m_skippedSinceFlush = 0;
    }
    while (!m_pending.empty()) {
        Segment &s = m_pending.front();
        // Slices keep each step short enough to look at the clock in between.
        const qsizetype n =
            budgetMs < 0 || s.kind == Kind::Message ? s.size() : qMin(s.size(), kRenderSlice);
        render(cursor, s.kind,
               s.offset == 0 && n == s.data.size() ? s.data : s.data.sliced(s.offset, n));
        s.offset += n;
        m_pendingBytes -= n;
        if (s.size() == 0)
            m_pending.pop_front();
        if (budgetMs >= 0 && clock.elapsed() >= budgetMs)
            break;
    }
    cursor.endEditBlock();
    if (follow)
        sb->setValue(sb->maximum());
    m_inFlush = false;
    if (!m_pending.empty())
        m_flushTimer.start(); // the rest after other events had their turn
}

void OutputPane::insertText(QTextCursor &cursor, const QString &text, const QTextCharFormat &format)
{
    if (text.isEmpty())
        return;
    cursor.insertText(text, format);
    m_atLineStart = text.endsWith(QLatin1Char('\n'));
}

void OutputPane::render(QTextCursor &cursor, Kind kind, const QByteArray &bytes)
{
    if (kind == Kind::Message) {
        if (!m_atLineStart)
            insertText(cursor, QStringLiteral("\n"), m_messageFormat);
        QString text = AnsiParser::stripped(QString::fromUtf8(bytes));
        if (!text.endsWith(QLatin1Char('\n')))
            text += QLatin1Char('\n');
        insertText(cursor, text, m_messageFormat);
        return;
    }
    const int s = kind == Kind::Stderr ? 1 : 0;
    const QString text = m_decoders[s].decode(bytes);
    m_spans.clear();
    m_parsers[s].feed(text, &m_spans);
    for (const TermSpan &span : std::as_const(m_spans))
        insertText(cursor, span.text, formatFor(span.style, kind));
}

QTextCharFormat OutputPane::formatFor(const TermStyle &style, Kind kind) const
{
    const QTextCharFormat &base = kind == Kind::Stderr ? m_stderrFormat : m_plainFormat;
    if (style.isDefault())
        return base;
    QTextCharFormat f = base;
    auto toColor = [](const TermColor &c) {
        return c.kind == TermColor::Kind::Rgb ? QColor::fromRgb(QRgb(c.value))
                                              : QColor::fromRgb(QRgb(termPaletteRgb(int(c.value))));
    };
    const QPalette pal = palette();
    QColor fg = style.fg.kind == TermColor::Kind::Default
                    ? (base.hasProperty(QTextFormat::ForegroundBrush) ? base.foreground().color()
                                                                      : pal.color(QPalette::Text))
                    : toColor(style.fg);
    QColor bg = style.bg.kind == TermColor::Kind::Default ? QColor() : toColor(style.bg);
    if (style.inverse) {
        const QColor oldFg = fg;
        fg = bg.isValid() ? bg : pal.color(QPalette::Base);
        bg = oldFg;
    }
    const QColor page = bg.isValid() ? bg : pal.color(QPalette::Base);
    if (style.dim) { // faint: part of the way to the page
        constexpr float kInk = 0.6f;
        fg = QColor::fromRgbF(fg.redF() * kInk + page.redF() * (1 - kInk),
                              fg.greenF() * kInk + page.greenF() * (1 - kInk),
                              fg.blueF() * kInk + page.blueF() * (1 - kInk));
    }
    // Keep the classic ANSI colours, and faint text, legible on either
    // palette: yellow on a white page or blue on a dark one would be close to
    // invisible.
    if ((style.fg.kind != TermColor::Kind::Default || style.dim) && !style.inverse)
        fg = legibleOn(fg, page);
    f.setForeground(fg);
    if (bg.isValid())
        f.setBackground(bg);
    if (style.bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(style.italic);
    f.setFontUnderline(style.underline);
    f.setFontStrikeOut(style.strike);
    return f;
}

void OutputPane::showFind()
{
    ensureUi();
    m_findBar->show();
    m_findEdit->setFocus(Qt::ShortcutFocusReason);
    m_findEdit->selectAll();
}

void OutputPane::find(bool backward)
{
    flush();
    const QString needle = m_findEdit->text();
    if (needle.isEmpty())
        return;
    QTextDocument::FindFlags flags;
    if (backward)
        flags |= QTextDocument::FindBackward;
    if (m_view->find(needle, flags)) {
        m_findStatus->clear();
        return;
    }
    // Wrap around once.
    QTextCursor c = m_view->textCursor();
    c.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
    m_view->setTextCursor(c);
    m_findStatus->setText(m_view->find(needle, flags) ? tr("wrapped") : tr("not found"));
}

void OutputPane::findNext()
{
    find(false);
}

void OutputPane::findPrevious()
{
    find(true);
}

void OutputPane::copyAll()
{
    ensureUi();
    const QTextCursor c = m_view->textCursor();
    QGuiApplication::clipboard()->setText(
        c.hasSelection() ? c.selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'))
                         : plainText());
}

} // namespace volley
