// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/lab.h"

#include <QAbstractTableModel>

namespace volley {

/// Every lab run of the session, one row each, so a trainer can compare
/// "threads, none" with "threads, mutex" and "processes, mutex" side by side.
class LabResultsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabResultsModel)

public:
    enum Column {
        NumberColumn,
        ExperimentColumn,
        KindColumn,
        ParamsColumn,
        ResultColumn,
        DurationColumn,
        ColumnCount
    };
    /// The LabResult's index in results(), for views that need the raw data.
    static constexpr int ResultIndexRole = Qt::UserRole + 1;

    explicit LabResultsModel(QObject *parent = nullptr);

    void append(const lab::LabResult &result);
    void clear();
    const QList<lab::LabResult> &results() const { return m_results; }

    /// Tab-separated text of the whole table, with a header line.
    QString toText() const;

    static QString paramsText(const lab::LabOptions &o);
    static QString resultText(const lab::LabResult &r);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<lab::LabResult> m_results;
};

} // namespace volley
