// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QVariantList>

namespace volley {

/// One past run in the history list.
struct HistoryEntry
{
    QDateTime when;
    QString command;
    int targets = 0;
    int ok = 0;
    int failed = 0; ///< every final status other than ok
    qint64 durationMs = 0;
    QString savedPath; ///< the run's journal or JSON, for reopening; may be empty
    /// False while the run goes on, and for ever if Volley died during it: the
    /// journal then holds the targets that had finished.
    bool finished = true;

    QVariantMap toVariant() const;
    static HistoryEntry fromVariant(const QVariantMap &map);
};

/// The last runs, newest first, with their command, time and counts.
class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)

public:
    enum Column { WhenColumn, CommandColumn, TargetsColumn, ResultColumn, ColumnCount };
    enum Role { RawRole = Qt::UserRole + 1, PathRole };
    static constexpr int kMaxEntries = 50;

    explicit HistoryModel(QObject *parent = nullptr);
    ~HistoryModel() override;

    void add(const HistoryEntry &entry);
    /// Replaces the entry kept at savedPath (a run that was listed when it
    /// started gets its counts when it ends); adds it when there is none.
    void update(const HistoryEntry &entry);
    const QList<HistoryEntry> &entries() const { return m_entries; }
    QVariantList toVariant() const;
    void setFromVariant(const QVariantList &list);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<HistoryEntry> m_entries;
};

} // namespace volley
