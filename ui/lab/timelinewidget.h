// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QHash>
#include <QList>
#include <QWidget>

namespace volley {

/// A custom-painted timeline: labelled rows of coloured bars (one colour per
/// named phase: run/wait/sleep for the lab, queued/connecting/.../failed for
/// run phases), point markers, zoom and pan, and a cursor that reads times.
class TimelineWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineWidget)

public:
    explicit TimelineWidget(QWidget *parent = nullptr);
    ~TimelineWidget() override;

    void clear();
    /// Adds a row and returns its index.
    int addRow(const QString &label);
    void setRowLabel(int row, const QString &label);
    QString rowLabel(int row) const;
    int rowCount() const { return int(m_rows.size()); }

    /// Adds a bar; endUs < 0 means still open (drawn up to the latest time).
    /// Returns its index for setBarEnd().
    int addBar(int row, qint64 startUs, qint64 endUs, const QString &phase);
    void setBarEnd(int bar, qint64 endUs, const QString &phase = QString());
    int barCount() const { return int(m_bars.size()); }

    /// A point event, e.g. "read 41"; highlighted ones (a lost update) stand out.
    void addMarker(int row, qint64 timeUs, const QString &text, bool highlighted = false);
    int markerCount() const { return int(m_markers.size()); }
    int highlightedMarkerCount() const;

    void setPhaseColor(const QString &phase, const QColor &color);
    QColor phaseColor(const QString &phase) const;
    /// Display text of a phase in the legend (defaults to the phase name).
    void setPhaseLabel(const QString &phase, const QString &label);

    /// Larger fonts and thicker bars for a projector.
    void setPresentationMode(bool on);
    bool presentationMode() const { return m_presentation; }

    void zoomIn();
    void zoomOut();
    /// Shows everything and follows new data again.
    void zoomToFit();
    /// Zooms by factor around a time (µs).
    void zoomAt(qint64 centreUs, double factor);
    void panBy(qint64 deltaUs);
    qint64 viewStartUs() const;
    qint64 viewSpanUs() const;
    qint64 dataEndUs() const { return m_dataEnd; }

    /// The time under the cursor, or -1 when there is none.
    qint64 cursorUs() const { return m_cursorUs; }
    void setCursorUs(qint64 us);

    /// The timeline as an image (for PNG export), at its current size.
    QImage toImage() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static QString formatTime(qint64 us);

signals:
    void cursorMoved(qint64 us);
    void viewChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Bar
    {
        int row;
        qint64 startUs;
        qint64 endUs;
        QString phase;
    };
    struct Marker
    {
        int row;
        qint64 timeUs;
        QString text;
        bool highlighted;
    };

    void paint(QPainter &p, const QRect &area) const;
    int labelWidth() const;
    int rowHeight() const;
    int axisHeight() const;
    int legendHeight() const;
    QRect plotRect() const;
    double xOf(qint64 us, const QRect &plot) const;
    qint64 usAt(int x, const QRect &plot) const;
    void noteTime(qint64 us);
    int rowAt(int y) const;

    QStringList m_rows;
    QList<Bar> m_bars;
    QList<Marker> m_markers;
    QHash<QString, QColor> m_colors;
    QHash<QString, QString> m_phaseLabels;
    QStringList m_phaseOrder;
    qint64 m_dataEnd = 0;
    bool m_follow = true;
    double m_viewStart = 0;
    double m_viewSpan = 1000000;
    qint64 m_cursorUs = -1;
    bool m_presentation = false;
    bool m_dragging = false;
    int m_dragX = 0;
    double m_dragViewStart = 0;
};

} // namespace volley
