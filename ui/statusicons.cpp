// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusicons.h"

#include <QCoreApplication>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace volley {

namespace {

QPixmap paintStatus(Status s, int size)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor c = statusColor(s);
    const qreal m = size * 0.08;
    const QRectF r(m, m, size - 2 * m, size - 2 * m);
    const qreal pen = qMax<qreal>(1.5, size / 8.0);
    const QPointF mid = r.center();
    const qreal u = r.width() / 2;

    if (s == Status::Pending) {
        p.setPen(QPen(c, pen * 0.8));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(r.adjusted(pen / 2, pen / 2, -pen / 2, -pen / 2));
        return pm;
    }
    if (s == Status::Running) {
        p.setPen(QPen(c.lighter(160), pen));
        p.drawEllipse(r.adjusted(pen / 2, pen / 2, -pen / 2, -pen / 2));
        p.setPen(QPen(c, pen, Qt::SolidLine, Qt::RoundCap));
        p.drawArc(r.adjusted(pen / 2, pen / 2, -pen / 2, -pen / 2), 90 * 16, -270 * 16);
        return pm;
    }
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    p.drawEllipse(r);
    p.setPen(QPen(Qt::white, pen, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    switch (s) {
    case Status::Ok: {
        QPainterPath path;
        path.moveTo(mid + QPointF(-0.45 * u, 0.0));
        path.lineTo(mid + QPointF(-0.12 * u, 0.35 * u));
        path.lineTo(mid + QPointF(0.48 * u, -0.35 * u));
        p.drawPath(path);
        break;
    }
    case Status::Failed:
    case Status::Error:
        p.drawLine(mid + QPointF(-0.38 * u, -0.38 * u), mid + QPointF(0.38 * u, 0.38 * u));
        p.drawLine(mid + QPointF(0.38 * u, -0.38 * u), mid + QPointF(-0.38 * u, 0.38 * u));
        break;
    case Status::Timeout:
        p.drawLine(mid, mid + QPointF(0, -0.5 * u));
        p.drawLine(mid, mid + QPointF(0.38 * u, 0.2 * u));
        break;
    case Status::Unreachable:
        p.drawLine(mid + QPointF(-0.45 * u, 0), mid + QPointF(0.45 * u, 0));
        break;
    case Status::AuthFailed:
    case Status::HostKeyRejected:
        p.drawLine(mid + QPointF(0, -0.5 * u), mid + QPointF(0, 0.12 * u));
        p.drawPoint(mid + QPointF(0, 0.45 * u));
        break;
    case Status::Cancelled:
        p.drawLine(mid + QPointF(-0.4 * u, 0.4 * u), mid + QPointF(0.4 * u, -0.4 * u));
        break;
    case Status::Pending:
    case Status::Running:
        break;
    }
    return pm;
}

} // namespace

QColor statusColor(Status s)
{
    // Mid-tone colours: legible on white and on a dark grey background.
    switch (s) {
    case Status::Pending:
        return QColor(0x8a, 0x8f, 0x98);
    case Status::Running:
        return QColor(0x2f, 0x80, 0xed);
    case Status::Ok:
        return QColor(0x2e, 0xa0, 0x43);
    case Status::Failed:
        return QColor(0xd7, 0x3a, 0x49);
    case Status::Timeout:
        return QColor(0xe0, 0x8e, 0x0b);
    case Status::Unreachable:
        return QColor(0x80, 0x6a, 0x5a);
    case Status::AuthFailed:
        return QColor(0x9b, 0x51, 0xe0);
    case Status::HostKeyRejected:
        return QColor(0xb0, 0x2a, 0x6e);
    case Status::Cancelled:
        return QColor(0x70, 0x76, 0x80);
    case Status::Error:
        return QColor(0xb3, 0x1d, 0x28);
    }
    return QColor(Qt::gray);
}

QIcon statusIcon(Status s)
{
    static QHash<int, QIcon> cache;
    QIcon &icon = cache[int(s)];
    if (icon.isNull()) {
        for (int size : {16, 20, 24, 32, 48, 64})
            icon.addPixmap(paintStatus(s, size));
    }
    return icon;
}

QString statusText(Status s)
{
    // The words are the same as the CLI's and the JSON's on purpose; tr() still
    // lets a translation add a localised form.
    return QCoreApplication::translate("volley::Status", qPrintable(statusName(s)));
}

QString targetCountText(int n)
{
    return n == 1 ? QCoreApplication::translate("volley::Status", "1 target")
                  : QCoreApplication::translate("volley::Status", "%1 targets").arg(n);
}

} // namespace volley
