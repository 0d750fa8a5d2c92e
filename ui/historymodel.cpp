// SPDX-License-Identifier: GPL-3.0-or-later
#include "historymodel.h"

#include <QLocale>

namespace volley {

QVariantMap HistoryEntry::toVariant() const
{
    return {{QStringLiteral("when"), when},       {QStringLiteral("command"), command},
            {QStringLiteral("targets"), targets}, {QStringLiteral("ok"), ok},
            {QStringLiteral("failed"), failed},   {QStringLiteral("duration_ms"), durationMs},
            {QStringLiteral("path"), savedPath},  {QStringLiteral("finished"), finished}};
}

HistoryEntry HistoryEntry::fromVariant(const QVariantMap &map)
{
    HistoryEntry e;
    e.when = map.value(QStringLiteral("when")).toDateTime();
    e.command = map.value(QStringLiteral("command")).toString();
    e.targets = map.value(QStringLiteral("targets")).toInt();
    e.ok = map.value(QStringLiteral("ok")).toInt();
    e.failed = map.value(QStringLiteral("failed")).toInt();
    e.durationMs = map.value(QStringLiteral("duration_ms")).toLongLong();
    e.savedPath = map.value(QStringLiteral("path")).toString();
    e.finished = map.value(QStringLiteral("finished"), true).toBool();
    return e;
}

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

HistoryModel::~HistoryModel() = default;

void HistoryModel::add(const HistoryEntry &entry)
{
    beginInsertRows({}, 0, 0);
    m_entries.prepend(entry);
    endInsertRows();
    if (m_entries.size() > kMaxEntries) {
        beginRemoveRows({}, kMaxEntries, int(m_entries.size()) - 1);
        m_entries.resize(kMaxEntries);
        endRemoveRows();
    }
}

void HistoryModel::update(const HistoryEntry &entry)
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (!entry.savedPath.isEmpty() && m_entries.at(i).savedPath == entry.savedPath) {
            m_entries[i] = entry;
            emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
            return;
        }
    }
    add(entry);
}

QVariantList HistoryModel::toVariant() const
{
    QVariantList out;
    for (const HistoryEntry &e : m_entries)
        out.append(e.toVariant());
    return out;
}

void HistoryModel::setFromVariant(const QVariantList &list)
{
    beginResetModel();
    m_entries.clear();
    for (const QVariant &v : list) {
        if (m_entries.size() >= kMaxEntries)
            break;
        m_entries.append(HistoryEntry::fromVariant(v.toMap()));
    }
    endResetModel();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const HistoryEntry &e = m_entries.at(index.row());
    if (role == PathRole)
        return e.savedPath;
    switch (index.column()) {
    case WhenColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(e.when.toLocalTime(), QLocale::ShortFormat);
        if (role == RawRole)
            return e.when;
        break;
    case CommandColumn:
        if (role == Qt::DisplayRole)
            return QString(e.command).replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
        if (role == RawRole || role == Qt::ToolTipRole)
            return e.command;
        break;
    case TargetsColumn:
        if (role == Qt::DisplayRole || role == RawRole)
            return e.targets;
        break;
    case ResultColumn:
        if (role == Qt::DisplayRole && !e.finished)
            return tr("did not finish; reopen for the targets that did");
        if (role == Qt::DisplayRole)
            return tr("%1 ok, %2 not ok").arg(e.ok).arg(e.failed);
        if (role == RawRole)
            return e.failed;
        break;
    default:
        break;
    }
    if (role == Qt::ToolTipRole && !e.savedPath.isEmpty())
        return tr("Double-click to reopen this run");
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case CommandColumn:
        return tr("Command");
    case TargetsColumn:
        return tr("Targets");
    case ResultColumn:
        return tr("Result");
    default:
        return {};
    }
}

} // namespace volley
