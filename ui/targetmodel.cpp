// SPDX-License-Identifier: GPL-3.0-or-later
#include "targetmodel.h"

#include "statusicons.h"

#include <QHash>

namespace volley {

namespace {
// internalId of a group index; a target index stores its group + 1.
constexpr quintptr kGroupId = 0;
} // namespace

TargetModel::TargetModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

TargetModel::~TargetModel() = default;

QString TargetModel::groupOf(const Target &t) const
{
    if (t.isLocal())
        return tr("local");
    return t.groups.isEmpty() ? tr("ungrouped") : t.groups.first();
}

void TargetModel::rebuildGroups()
{
    m_groups.clear();
    m_groupOf.resize(m_targets.size());
    m_rowOf.resize(m_targets.size());
    QHash<QString, int> byName;
    for (int i = 0; i < m_targets.size(); ++i) {
        const QString g = groupOf(m_targets.at(i));
        auto it = byName.find(g);
        if (it == byName.end()) {
            it = byName.insert(g, int(m_groups.size()));
            m_groups.append(Group{g, {}});
        }
        m_groupOf[i] = *it;
        m_rowOf[i] = int(m_groups[*it].members.size());
        m_groups[*it].members.append(i);
    }
}

void TargetModel::setTargets(const QList<Target> &targets)
{
    beginResetModel();
    m_targets = targets;
    m_checked = QList<bool>(targets.size(), true);
    m_status = QList<Status>(targets.size(), Status::Pending);
    m_dirty.clear();
    rebuildGroups();
    endResetModel();
    emit checkedCountChanged(checkedCount());
}

int TargetModel::indexOfName(const QString &name) const
{
    for (int i = 0; i < m_targets.size(); ++i) {
        if (m_targets.at(i).name == name)
            return i;
    }
    return -1;
}

void TargetModel::addTarget(const Target &t)
{
    // Adding can create a group or move rows; a reset keeps it simple and is
    // rare (a person adding a host).
    beginResetModel();
    m_targets.append(t);
    m_checked.append(true);
    m_status.append(Status::Pending);
    rebuildGroups();
    endResetModel();
    emit checkedCountChanged(checkedCount());
}

void TargetModel::replaceTarget(int index, const Target &t)
{
    beginResetModel();
    m_targets[index] = t;
    rebuildGroups();
    endResetModel();
}

void TargetModel::removeTarget(int index)
{
    beginResetModel();
    m_targets.removeAt(index);
    m_checked.removeAt(index);
    m_status.removeAt(index);
    m_dirty.clear();
    rebuildGroups();
    endResetModel();
    emit checkedCountChanged(checkedCount());
}

QModelIndex TargetModel::indexForTarget(int target, int column) const
{
    if (target < 0 || target >= m_targets.size())
        return {};
    return createIndex(m_rowOf.at(target), column, quintptr(m_groupOf.at(target) + 1));
}

void TargetModel::emitGroupChanged(int group, int firstColumn, int lastColumn)
{
    const Group &g = m_groups.at(group);
    if (g.members.isEmpty())
        return;
    const QModelIndex parentIndex = createIndex(group, 0, kGroupId);
    emit dataChanged(index(0, firstColumn, parentIndex),
                     index(int(g.members.size()) - 1, lastColumn, parentIndex));
    emit dataChanged(createIndex(group, 0, kGroupId), createIndex(group, 0, kGroupId),
                     {Qt::CheckStateRole});
}

void TargetModel::setChecked(int target, bool checked)
{
    if (m_checked.at(target) == checked)
        return;
    m_checked[target] = checked;
    const QModelIndex idx = indexForTarget(target);
    emit dataChanged(idx, idx, {Qt::CheckStateRole});
    const QModelIndex g = createIndex(m_groupOf.at(target), 0, kGroupId);
    emit dataChanged(g, g, {Qt::CheckStateRole});
    emit checkedCountChanged(checkedCount());
}

void TargetModel::setAllChecked(bool checked)
{
    m_checked.fill(checked);
    for (int g = 0; g < m_groups.size(); ++g)
        emitGroupChanged(g, NameColumn, NameColumn);
    emit checkedCountChanged(checkedCount());
}

void TargetModel::checkFailed()
{
    for (int i = 0; i < m_targets.size(); ++i)
        m_checked[i] = isFinal(m_status.at(i)) && m_status.at(i) != Status::Ok;
    for (int g = 0; g < m_groups.size(); ++g)
        emitGroupChanged(g, NameColumn, NameColumn);
    emit checkedCountChanged(checkedCount());
}

QList<int> TargetModel::checkedTargets() const
{
    QList<int> out;
    for (int i = 0; i < m_checked.size(); ++i) {
        if (m_checked.at(i))
            out.append(i);
    }
    return out;
}

int TargetModel::checkedCount() const
{
    return int(std::count(m_checked.cbegin(), m_checked.cend(), true));
}

void TargetModel::setStatus(int target, Status s)
{
    if (m_status.at(target) == s)
        return;
    m_status[target] = s;
    m_dirty.insert(target);
}

void TargetModel::resetStatuses()
{
    for (int i = 0; i < m_status.size(); ++i)
        setStatus(i, Status::Pending);
    commitStatusChanges();
}

void TargetModel::commitStatusChanges()
{
    if (m_dirty.isEmpty())
        return;
    // One dataChanged per touched group, spanning its changed rows.
    QHash<int, std::pair<int, int>> ranges;
    for (int t : std::as_const(m_dirty)) {
        const int g = m_groupOf.at(t);
        const int row = m_rowOf.at(t);
        auto it = ranges.find(g);
        if (it == ranges.end())
            ranges.insert(g, {row, row});
        else
            *it = {qMin(it->first, row), qMax(it->second, row)};
    }
    m_dirty.clear();
    for (auto it = ranges.cbegin(); it != ranges.cend(); ++it) {
        const QModelIndex parentIndex = createIndex(it.key(), 0, kGroupId);
        emit dataChanged(index(it->first, 0, parentIndex),
                         index(it->second, ColumnCount - 1, parentIndex));
    }
}

int TargetModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

int TargetModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() == kGroupId && parent.column() == 0)
        return int(m_groups.at(parent.row()).members.size());
    return 0;
}

QModelIndex TargetModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupId);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex TargetModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kGroupId);
}

Qt::CheckState TargetModel::groupCheckState(int group) const
{
    int on = 0;
    const QList<int> &members = m_groups.at(group).members;
    for (int t : members)
        on += m_checked.at(t) ? 1 : 0;
    if (on == 0)
        return Qt::Unchecked;
    return on == members.size() ? Qt::Checked : Qt::PartiallyChecked;
}

QVariant TargetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kGroupId) {
        const Group &g = m_groups.at(index.row());
        if (index.column() == NameColumn) {
            switch (role) {
            case Qt::DisplayRole:
                return g.name;
            case RawRole:
                return g.name;
            case Qt::CheckStateRole:
                return groupCheckState(index.row());
            case TargetIndexRole:
                return -1;
            case SearchTextRole:
                return g.name;
            case Qt::ToolTipRole:
                return tr("%1 in %2").arg(targetCountText(int(g.members.size())), g.name);
            default:
                break;
            }
        } else if (index.column() == AddressColumn && role == Qt::DisplayRole) {
            return targetCountText(int(g.members.size()));
        } else if (role == TargetIndexRole) {
            return -1;
        }
        return {};
    }

    const int ti = m_groups.at(int(index.internalId() - 1)).members.at(index.row());
    const Target &t = m_targets.at(ti);
    const Status s = m_status.at(ti);
    if (role == TargetIndexRole)
        return ti;
    if (role == StatusRole)
        return int(s);
    if (role == SearchTextRole) {
        return QStringList{t.name, t.address, t.groups.join(u' '), t.tags.join(u' '), statusName(s)}
            .join(u' ');
    }
    switch (index.column()) {
    case NameColumn:
        switch (role) {
        case Qt::DisplayRole:
        case RawRole:
            return t.name;
        case Qt::CheckStateRole:
            return m_checked.at(ti) ? Qt::Checked : Qt::Unchecked;
        case Qt::DecorationRole:
            return statusIcon(s);
        case Qt::ToolTipRole:
            return t.note.isEmpty() ? t.name : t.name + QLatin1Char('\n') + t.note;
        default:
            break;
        }
        break;
    case AddressColumn:
        if (role == Qt::DisplayRole || role == RawRole) {
            if (t.isLocal())
                return tr("this machine");
            QString a = t.address;
            if (!t.user.isEmpty())
                a = t.user + QLatin1Char('@') + a;
            if (t.port > 0)
                a += QLatin1Char(':') + QString::number(t.port);
            return a;
        }
        break;
    case StatusColumn:
        if (role == Qt::DisplayRole)
            return statusText(s);
        if (role == RawRole)
            return int(s);
        if (role == Qt::ForegroundRole)
            return statusColor(s);
        break;
    default:
        break;
    }
    return {};
}

bool TargetModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !checkIndex(index, CheckIndexOption::IndexIsValid) ||
        index.column() != NameColumn)
        return false;
    const bool on = value.value<Qt::CheckState>() != Qt::Unchecked;
    if (index.internalId() == kGroupId) {
        const QList<int> members = m_groups.at(index.row()).members;
        const bool target = groupCheckState(index.row()) != Qt::Checked;
        Q_UNUSED(on)
        for (int t : members)
            m_checked[t] = target;
        emitGroupChanged(index.row(), NameColumn, NameColumn);
        emit checkedCountChanged(checkedCount());
        return true;
    }
    setChecked(m_groups.at(int(index.internalId() - 1)).members.at(index.row()), on);
    return true;
}

Qt::ItemFlags TargetModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == NameColumn)
        f |= Qt::ItemIsUserCheckable;
    // Group check states are computed from their members in data(), and a
    // click on a group is handled in setData(): no ItemIsAutoTristate, which
    // only QTreeWidget/QStandardItem implement.
    if (index.internalId() != kGroupId)
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QVariant TargetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Target");
    case AddressColumn:
        return tr("Address");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace volley
