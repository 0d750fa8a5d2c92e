// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/timelinewidget.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace volley {

namespace {

constexpr int kPad = 6;
constexpr double kMinSpanUs = 20; // zooming further shows nothing new

// A "nice" tick step (1, 2 or 5 × 10^k µs) giving about `ticks` ticks.
qint64 tickStep(double spanUs, int ticks)
{
    const double raw = spanUs / qMax(1, ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(qMax(raw, 1.0))));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * magnitude >= raw)
            return qMax<qint64>(1, qint64(m * magnitude));
    }
    return qint64(10 * magnitude);
}

} // namespace

TimelineWidget::TimelineWidget(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    // Colours that stay apart for colour-blind viewers and on a projector.
    setPhaseColor(QStringLiteral("run"), QColor(0x2e, 0x9d, 0x5b));
    setPhaseColor(QStringLiteral("wait"), QColor(0xd9, 0x4a, 0x38));
    setPhaseColor(QStringLiteral("sleep"), QColor(0x5b, 0x8d, 0xd6));
    setPhaseColor(QStringLiteral("queued"), QColor(0xb0, 0xb0, 0xb0));
    setPhaseColor(QStringLiteral("connecting"), QColor(0xe8, 0xb0, 0x3c));
    setPhaseColor(QStringLiteral("authenticating"), QColor(0xa0, 0x6c, 0xd5));
    setPhaseColor(QStringLiteral("running"), QColor(0x2e, 0x9d, 0x5b));
    setPhaseColor(QStringLiteral("done"), QColor(0x3a, 0x6e, 0x3a));
    setPhaseColor(QStringLiteral("failed"), QColor(0xc0, 0x20, 0x20));
    setPhaseLabel(QStringLiteral("run"), tr("running"));
    setPhaseLabel(QStringLiteral("wait"), tr("waiting for the lock"));
    setPhaseLabel(QStringLiteral("sleep"), tr("sleeping"));
}

TimelineWidget::~TimelineWidget() = default;

void TimelineWidget::clear()
{
    m_rows.clear();
    m_bars.clear();
    m_markers.clear();
    m_dataEnd = 0;
    m_cursorUs = -1;
    zoomToFit();
    updateGeometry();
}

int TimelineWidget::addRow(const QString &label)
{
    m_rows.append(label);
    updateGeometry();
    update();
    return int(m_rows.size()) - 1;
}

void TimelineWidget::setRowLabel(int row, const QString &label)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row] = label;
    update();
}

QString TimelineWidget::rowLabel(int row) const
{
    return m_rows.value(row);
}

int TimelineWidget::addBar(int row, qint64 startUs, qint64 endUs, const QString &phase)
{
    m_bars.append(Bar{row, startUs, endUs, phase});
    noteTime(qMax(startUs, endUs));
    if (!m_phaseOrder.contains(phase))
        m_phaseOrder.append(phase);
    update();
    return int(m_bars.size()) - 1;
}

void TimelineWidget::setBarEnd(int bar, qint64 endUs, const QString &phase)
{
    if (bar < 0 || bar >= m_bars.size())
        return;
    m_bars[bar].endUs = endUs;
    if (!phase.isEmpty()) {
        m_bars[bar].phase = phase;
        if (!m_phaseOrder.contains(phase))
            m_phaseOrder.append(phase);
    }
    noteTime(endUs);
    update();
}

void TimelineWidget::addMarker(int row, qint64 timeUs, const QString &text, bool highlighted)
{
    m_markers.append(Marker{row, timeUs, text, highlighted});
    noteTime(timeUs);
    update();
}

int TimelineWidget::highlightedMarkerCount() const
{
    return int(std::count_if(m_markers.cbegin(), m_markers.cend(),
                             [](const Marker &m) { return m.highlighted; }));
}

void TimelineWidget::setPhaseColor(const QString &phase, const QColor &color)
{
    m_colors.insert(phase, color);
    update();
}

QColor TimelineWidget::phaseColor(const QString &phase) const
{
    return m_colors.value(phase, QColor(0x88, 0x88, 0x88));
}

void TimelineWidget::setPhaseLabel(const QString &phase, const QString &label)
{
    m_phaseLabels.insert(phase, label);
    update();
}

void TimelineWidget::setPresentationMode(bool on)
{
    m_presentation = on;
    updateGeometry();
    update();
}

void TimelineWidget::noteTime(qint64 us)
{
    if (us > m_dataEnd)
        m_dataEnd = us;
    if (m_follow) {
        m_viewStart = 0;
        m_viewSpan = qMax<double>(kMinSpanUs, double(m_dataEnd) * 1.05);
    }
}

void TimelineWidget::zoomIn()
{
    zoomAt(m_cursorUs >= 0 ? m_cursorUs : qint64(m_viewStart + m_viewSpan / 2), 0.5);
}

void TimelineWidget::zoomOut()
{
    zoomAt(m_cursorUs >= 0 ? m_cursorUs : qint64(m_viewStart + m_viewSpan / 2), 2.0);
}

void TimelineWidget::zoomToFit()
{
    m_follow = true;
    m_viewStart = 0;
    m_viewSpan = qMax<double>(kMinSpanUs, m_dataEnd > 0 ? double(m_dataEnd) * 1.05 : 1000000.0);
    update();
    emit viewChanged();
}

void TimelineWidget::zoomAt(qint64 centreUs, double factor)
{
    m_follow = false;
    const double newSpan = qMax(kMinSpanUs, m_viewSpan * factor);
    // Keep the time under the centre where it is on screen.
    const double fraction = m_viewSpan > 0 ? (double(centreUs) - m_viewStart) / m_viewSpan : 0.5;
    m_viewStart = double(centreUs) - fraction * newSpan;
    m_viewSpan = newSpan;
    update();
    emit viewChanged();
}

void TimelineWidget::panBy(qint64 deltaUs)
{
    m_follow = false;
    m_viewStart += double(deltaUs);
    update();
    emit viewChanged();
}

qint64 TimelineWidget::viewStartUs() const
{
    return qint64(m_viewStart);
}

qint64 TimelineWidget::viewSpanUs() const
{
    return qint64(m_viewSpan);
}

void TimelineWidget::setCursorUs(qint64 us)
{
    if (m_cursorUs == us)
        return;
    m_cursorUs = us;
    update();
    emit cursorMoved(us);
}

QString TimelineWidget::formatTime(qint64 us)
{
    const qint64 a = qAbs(us);
    if (a < 1000)
        return tr("%1 µs").arg(us);
    if (a < 1000000)
        return tr("%1 ms").arg(double(us) / 1000.0, 0, 'f', a < 10000 ? 2 : 1);
    return tr("%1 s").arg(double(us) / 1e6, 0, 'f', a < 10000000 ? 3 : 2);
}

int TimelineWidget::rowHeight() const
{
    return m_presentation ? 44 : 24;
}

int TimelineWidget::axisHeight() const
{
    return fontMetrics().height() * (m_presentation ? 2 : 1) + 2 * kPad;
}

int TimelineWidget::legendHeight() const
{
    return fontMetrics().height() * (m_presentation ? 2 : 1) + 2 * kPad;
}

int TimelineWidget::labelWidth() const
{
    QFont f = font();
    if (m_presentation)
        f.setPointSizeF(f.pointSizeF() * 1.6);
    const QFontMetrics fm(f);
    int w = fm.horizontalAdvance(tr("worker 00"));
    for (const QString &label : m_rows)
        w = qMax(w, fm.horizontalAdvance(label));
    return qMin(w + 2 * kPad, qMax(120, width() / 3));
}

QRect TimelineWidget::plotRect() const
{
    const int lw = labelWidth();
    return QRect(lw, axisHeight(), qMax(10, width() - lw - kPad),
                 qMax(1, height() - axisHeight() - legendHeight()));
}

double TimelineWidget::xOf(qint64 us, const QRect &plot) const
{
    return plot.left() + (double(us) - m_viewStart) / m_viewSpan * plot.width();
}

qint64 TimelineWidget::usAt(int x, const QRect &plot) const
{
    return qint64(m_viewStart + double(x - plot.left()) / plot.width() * m_viewSpan);
}

int TimelineWidget::rowAt(int y) const
{
    const int row = (y - axisHeight()) / rowHeight();
    return y >= axisHeight() && row < m_rows.size() ? row : -1;
}

QSize TimelineWidget::sizeHint() const
{
    return QSize(640, axisHeight() + legendHeight() + rowHeight() * qMax(4, int(m_rows.size())));
}

QSize TimelineWidget::minimumSizeHint() const
{
    return QSize(240, axisHeight() + legendHeight() + rowHeight() * 2);
}

QImage TimelineWidget::toImage() const
{
    QImage image(size() * devicePixelRatioF(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatioF());
    QPainter p(&image);
    paint(p, rect());
    return image;
}

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    paint(p, rect());
}

void TimelineWidget::paint(QPainter &p, const QRect &area) const
{
    p.setRenderHint(QPainter::Antialiasing, false);
    const QPalette pal = palette();
    p.fillRect(area, pal.color(QPalette::Base));
    QFont f = font();
    if (m_presentation)
        f.setPointSizeF(f.pointSizeF() * 1.6);
    p.setFont(f);
    const QFontMetrics fm(f);
    const QRect plot = plotRect();
    const int rh = rowHeight();

    // Row stripes and labels.
    for (int r = 0; r < m_rows.size(); ++r) {
        const QRect rowRect(0, plot.top() + r * rh, area.width(), rh);
        if (r % 2)
            p.fillRect(rowRect, pal.color(QPalette::AlternateBase));
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(kPad, rowRect.top(), plot.left() - 2 * kPad, rh),
                   Qt::AlignVCenter | Qt::AlignLeft,
                   fm.elidedText(m_rows.at(r), Qt::ElideRight, plot.left() - 2 * kPad));
    }

    // Time axis with nice ticks.
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(plot.left(), plot.top() - 1, plot.right(), plot.top() - 1);
    const qint64 step =
        tickStep(m_viewSpan,
                 qMax(2, plot.width() / (fm.horizontalAdvance(QStringLiteral("000.0 ms")) + 24)));
    const qint64 first = qint64(std::ceil(m_viewStart / double(step))) * step;
    for (qint64 t = first; double(t) <= m_viewStart + m_viewSpan; t += step) {
        const int x = int(xOf(t, plot));
        p.setPen(pal.color(QPalette::Midlight));
        p.drawLine(x, plot.top(), x, plot.top() + rh * int(m_rows.size()));
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(x - 60, kPad / 2, 120, axisHeight() - kPad), Qt::AlignCenter,
                   formatTime(t));
    }

    // Bars: open bars run to the latest time seen.
    p.setClipRect(plot);
    const int inset = m_presentation ? 4 : 3;
    for (const Bar &b : m_bars) {
        const qint64 end = b.endUs < 0 ? m_dataEnd : b.endUs;
        double x0 = xOf(b.startUs, plot);
        double x1 = xOf(end, plot);
        if (x1 < plot.left() || x0 > plot.right())
            continue;
        x0 = qMax(x0, double(plot.left() - 1));
        x1 = qMin(x1, double(plot.right() + 1));
        const QRectF r(x0, plot.top() + b.row * rh + inset, qMax(1.5, x1 - x0), rh - 2 * inset);
        p.fillRect(r, phaseColor(b.phase));
    }

    // Markers: a tick with its value; lost updates in a red ring.
    p.setRenderHint(QPainter::Antialiasing, true);
    QFont small = f;
    small.setPointSizeF(f.pointSizeF() * 0.8);
    p.setFont(small);
    const QFontMetrics sfm(small);
    int lastRight = -1000;
    for (const Marker &m : m_markers) {
        const double x = xOf(m.timeUs, plot);
        if (x < plot.left() - 40 || x > plot.right() + 40)
            continue;
        const int top = plot.top() + m.row * rh;
        const QColor c = m.highlighted ? QColor(0xe0, 0x10, 0x10) : pal.color(QPalette::Text);
        p.setPen(QPen(c, m.highlighted ? (m_presentation ? 4 : 2.5) : 1));
        p.drawLine(QPointF(x, top + 1), QPointF(x, top + rh - 1));
        if (m.highlighted) {
            const double rad = rh * 0.42;
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(QPointF(x, top + rh / 2.0), rad, rad);
        }
        // Skip labels that would overlap the previous one; the tooltip has them all.
        const int w = sfm.horizontalAdvance(m.text);
        if (int(x) + 2 > lastRight || m.highlighted) {
            p.setPen(c);
            p.drawText(QPointF(x + 2, top + sfm.ascent()), m.text);
            lastRight = int(x) + 2 + w;
        }
    }
    p.setClipping(false);

    // Cursor with its time.
    if (m_cursorUs >= 0) {
        const double x = xOf(m_cursorUs, plot);
        if (x >= plot.left() && x <= plot.right()) {
            p.setPen(QPen(pal.color(QPalette::Highlight), m_presentation ? 2 : 1));
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
            const QString text = formatTime(m_cursorUs);
            const int w = fm.horizontalAdvance(text) + 2 * kPad;
            const QRectF box(qMin(x + 2, double(plot.right() - w)), plot.top() + 2, w,
                             fm.height() + 2);
            p.fillRect(box, pal.color(QPalette::Highlight));
            p.setFont(f);
            p.setPen(pal.color(QPalette::HighlightedText));
            p.drawText(box, Qt::AlignCenter, text);
        }
    }

    // Legend of the phases in use.
    p.setFont(f);
    int x = kPad;
    const int ly = area.height() - legendHeight() + kPad;
    const int sw = fm.height();
    for (const QString &phase : m_phaseOrder) {
        p.fillRect(QRect(x, ly, sw, sw), phaseColor(phase));
        x += sw + kPad;
        const QString label = m_phaseLabels.value(phase, phase);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QPoint(x, ly + fm.ascent()), label);
        x += fm.horizontalAdvance(label) + 3 * kPad;
    }
    if (!m_markers.isEmpty()) {
        p.setPen(QPen(QColor(0xe0, 0x10, 0x10), 2));
        p.drawEllipse(QRect(x, ly, sw, sw));
        x += sw + kPad;
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QPoint(x, ly + fm.ascent()), tr("lost update"));
    }
}

void TimelineWidget::wheelEvent(QWheelEvent *event)
{
    const QRect plot = plotRect();
    const int steps = event->angleDelta().y() / 120;
    if (steps == 0) {
        event->ignore();
        return;
    }
    // Ctrl + wheel zooms around the mouse; the plain wheel pans.
    if (event->modifiers() & Qt::ControlModifier) {
        zoomAt(usAt(int(event->position().x()), plot), std::pow(0.8, steps));
    } else {
        panBy(qint64(-steps * m_viewSpan / 10));
    }
    event->accept();
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragging = true;
        m_dragX = int(event->position().x());
        m_dragViewStart = m_viewStart;
        setCursor(Qt::ClosedHandCursor);
    }
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    const QRect plot = plotRect();
    const int x = int(event->position().x());
    if (m_dragging) {
        m_follow = false;
        m_viewStart = m_dragViewStart - double(x - m_dragX) / plot.width() * m_viewSpan;
        update();
        emit viewChanged();
    }
    if (x >= plot.left())
        setCursorUs(qMax<qint64>(0, usAt(x, plot)));
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent *)
{
    m_dragging = false;
    unsetCursor();
}

void TimelineWidget::mouseDoubleClickEvent(QMouseEvent *)
{
    zoomToFit();
}

void TimelineWidget::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_0:
    case Qt::Key_Home:
        zoomToFit();
        break;
    case Qt::Key_Left:
        panBy(-qint64(m_viewSpan / 10));
        break;
    case Qt::Key_Right:
        panBy(qint64(m_viewSpan / 10));
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

void TimelineWidget::leaveEvent(QEvent *)
{
    setCursorUs(-1);
}

bool TimelineWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QRect plot = plotRect();
        const int row = rowAt(help->pos().y());
        if (row < 0 || help->pos().x() < plot.left()) {
            QToolTip::hideText();
            return true;
        }
        const qint64 t = usAt(help->pos().x(), plot);
        const qint64 slack = qint64(m_viewSpan / plot.width() * 4);
        QStringList lines{m_rows.at(row) + QStringLiteral(" · ") + formatTime(t)};
        for (const Bar &b : m_bars) {
            const qint64 end = b.endUs < 0 ? m_dataEnd : b.endUs;
            if (b.row == row && t >= b.startUs && t <= end) {
                lines << tr("%1: %2 → %3 (%4)")
                             .arg(m_phaseLabels.value(b.phase, b.phase), formatTime(b.startUs),
                                  formatTime(end), formatTime(end - b.startUs));
            }
        }
        for (const Marker &m : m_markers) {
            if (m.row == row && qAbs(m.timeUs - t) <= slack)
                lines << (m.highlighted ? tr("%1 — lost update").arg(m.text) : m.text);
        }
        QToolTip::showText(help->globalPos(), lines.join(QLatin1Char('\n')), this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace volley
