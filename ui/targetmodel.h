// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/status.h"
#include "inventory/target.h"

#include <QAbstractItemModel>
#include <QList>
#include <QSet>

#include <optional>

namespace volley {

/// The inventory as a two-level tree: groups, then their targets, each with a
/// checkbox (groups are tri-state) and the status from the current run.
/// A target sits under its first group; the local machine under "local".
/// Status changes are collected and published in one dataChanged per group by
/// commitStatusChanges(), so a run of 1,000 targets costs a few signals per tick.
class TargetModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetModel)

public:
    enum Column { NameColumn, AddressColumn, StatusColumn, ColumnCount };
    enum Role {
        RawRole = Qt::UserRole + 1, ///< sortable raw value of the cell
        TargetIndexRole,            ///< index into targets(), -1 on a group
        SearchTextRole,             ///< name, address, groups, tags and status, for the filter
        StatusRole,                 ///< int(Status) of a target
    };

    explicit TargetModel(QObject *parent = nullptr);
    ~TargetModel() override;

    void setTargets(const QList<Target> &targets);
    const QList<Target> &targets() const { return m_targets; }
    const Target &target(int index) const { return m_targets.at(index); }
    int indexOfName(const QString &name) const;
    void addTarget(const Target &t);
    void replaceTarget(int index, const Target &t);
    void removeTarget(int index);

    QModelIndex indexForTarget(int target, int column = NameColumn) const;

    bool isChecked(int target) const { return m_checked.at(target); }
    void setChecked(int target, bool checked);
    void setAllChecked(bool checked);
    /// Checks exactly the targets whose last status is final and not ok.
    void checkFailed();
    QList<int> checkedTargets() const;
    int checkedCount() const;

    Status status(int target) const { return m_status.at(target); }
    /// Records a status; views learn of it at the next commitStatusChanges().
    void setStatus(int target, Status s);
    void resetStatuses();
    void commitStatusChanges();

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void checkedCountChanged(int count);

private:
    struct Group
    {
        QString name;
        QList<int> members; // target indexes, in inventory order
    };

    void rebuildGroups();
    QString groupOf(const Target &t) const;
    Qt::CheckState groupCheckState(int group) const;
    void emitGroupChanged(int group, int firstColumn, int lastColumn);

    QList<Target> m_targets;
    QList<bool> m_checked;
    QList<Status> m_status;
    QList<Group> m_groups;
    QList<int> m_groupOf; // target -> group
    QList<int> m_rowOf;   // target -> row in its group
    QSet<int> m_dirty;    // targets whose status changed since the last commit
};

} // namespace volley
