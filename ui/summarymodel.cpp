// SPDX-License-Identifier: GPL-3.0-or-later
#include "summarymodel.h"

#include "statusicons.h"

#include <QLocale>

namespace volley {

SummaryModel::SummaryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

SummaryModel::~SummaryModel() = default;

void SummaryModel::setRows(const QList<SummaryRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    m_dirtyFirst = m_dirtyLast = -1;
    endResetModel();
}

void SummaryModel::updateRow(int i, const SummaryRow &row)
{
    m_rows[i] = row;
    m_dirtyFirst = m_dirtyFirst < 0 ? i : qMin(m_dirtyFirst, i);
    m_dirtyLast = qMax(m_dirtyLast, i);
}

void SummaryModel::commit()
{
    if (m_dirtyFirst < 0)
        return;
    emit dataChanged(index(m_dirtyFirst, 0), index(m_dirtyLast, ColumnCount - 1));
    m_dirtyFirst = m_dirtyLast = -1;
}

int SummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SummaryModel::formatDuration(qint64 ms)
{
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 60000)
        return tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
    return tr("%1 min %2 s").arg(ms / 60000).arg((ms / 1000) % 60);
}

QString SummaryModel::formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QVariant SummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const SummaryRow &r = m_rows.at(index.row());
    if (role == RunIndexRole)
        return index.row();
    switch (index.column()) {
    case TargetColumn:
        if (role == Qt::DisplayRole || role == RawRole)
            return r.target;
        if (role == Qt::DecorationRole)
            return statusIcon(r.status);
        break;
    case StatusColumn:
        if (role == Qt::DisplayRole)
            return statusText(r.status);
        if (role == RawRole)
            return int(r.status);
        if (role == Qt::ForegroundRole)
            return statusColor(r.status);
        if (role == Qt::ToolTipRole && !r.error.isEmpty())
            return r.error;
        break;
    case ExitCodeColumn:
        if (role == Qt::DisplayRole) {
            if (!r.signal.isEmpty())
                return tr("signal %1").arg(r.signal);
            return r.exitCode ? QVariant(*r.exitCode) : QVariant();
        }
        if (role == RawRole)
            return r.exitCode ? *r.exitCode : (r.signal.isEmpty() ? -1 : 1000);
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case DurationColumn:
        if (role == Qt::DisplayRole)
            return isFinal(r.status) || r.status == Status::Running ? formatDuration(r.durationMs)
                                                                    : QString();
        if (role == RawRole)
            return r.durationMs;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case BytesColumn:
        if (role == Qt::DisplayRole)
            return formatBytes(r.bytes);
        if (role == RawRole)
            return r.bytes;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case FirstLineColumn:
        if (role == Qt::DisplayRole || role == RawRole)
            return r.firstLine.isEmpty() && !r.error.isEmpty() ? r.error : r.firstLine;
        if (role == Qt::ToolTipRole)
            return r.error.isEmpty() ? r.firstLine : r.error;
        break;
    default:
        break;
    }
    return {};
}

QVariant SummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TargetColumn:
        return tr("Target");
    case StatusColumn:
        return tr("Status");
    case ExitCodeColumn:
        return tr("Exit");
    case DurationColumn:
        return tr("Duration");
    case BytesColumn:
        return tr("Bytes");
    case FirstLineColumn:
        return tr("First line of output");
    default:
        return {};
    }
}

} // namespace volley
