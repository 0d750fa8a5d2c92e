// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/status.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

#include <optional>

namespace volley {

/// One row of the summary: what a target did in the run shown.
struct SummaryRow
{
    QString target;
    Status status = Status::Pending;
    std::optional<int> exitCode; ///< of the last command that ran
    QString signal;
    qint64 durationMs = 0;
    qint64 bytes = 0; ///< stdout + stderr
    QString firstLine;
    QString error;
};

/// The summary table: one row per target of the run shown. Rows are updated
/// in place and published once per tick with commit() as one dataChanged
/// over the touched range.
class SummaryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SummaryModel)

public:
    enum Column {
        TargetColumn,
        StatusColumn,
        ExitCodeColumn,
        DurationColumn,
        BytesColumn,
        FirstLineColumn,
        ColumnCount
    };
    enum Role { RawRole = Qt::UserRole + 1, RunIndexRole };

    explicit SummaryModel(QObject *parent = nullptr);
    ~SummaryModel() override;

    void setRows(const QList<SummaryRow> &rows);
    const QList<SummaryRow> &rows() const { return m_rows; }
    const SummaryRow &row(int i) const { return m_rows.at(i); }
    /// Replaces a row; views learn of it at the next commit().
    void updateRow(int i, const SummaryRow &row);
    void commit();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString formatDuration(qint64 ms);
    static QString formatBytes(qint64 bytes);

private:
    QList<SummaryRow> m_rows;
    int m_dirtyFirst = -1;
    int m_dirtyLast = -1;
};

} // namespace volley
