// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labresultsmodel.h"

#include <QJsonArray>

namespace volley {

namespace {

QString ints(const QJsonValue &v)
{
    QStringList parts;
    const QJsonArray a = v.toArray();
    for (const QJsonValue &x : a)
        parts << QString::number(x.toInteger());
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

} // namespace

LabResultsModel::LabResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void LabResultsModel::append(const lab::LabResult &result)
{
    const int row = int(m_results.size());
    beginInsertRows({}, row, row);
    m_results.append(result);
    endInsertRows();
}

void LabResultsModel::clear()
{
    beginResetModel();
    m_results.clear();
    endResetModel();
}

QString LabResultsModel::paramsText(const lab::LabOptions &o)
{
    using lab::Experiment;
    QStringList parts;
    switch (o.experiment) {
    case Experiment::Spawn:
        parts << tr("%n worker(s)", nullptr, o.workers) << tr("%1 s each").arg(o.seconds);
        break;
    case Experiment::Counter:
        parts << tr("%n worker(s)", nullptr, o.workers) << tr("%1 increments").arg(o.increments)
              << tr("sync %1").arg(lab::syncName(o.sync)) << tr("×%1").arg(o.repeat);
        break;
    case Experiment::Bank:
        parts << tr("sync %1").arg(lab::syncName(o.sync)) << tr("×%1").arg(o.repeat);
        break;
    case Experiment::Share:
    case Experiment::Stop:
        break;
    case Experiment::Cpu:
        parts << tr("1..%1 workers").arg(o.workers) << tr("%1 units").arg(o.work);
        break;
    }
    if (o.stepDelayMs > 0)
        parts << tr("slow motion %1 ms").arg(o.stepDelayMs);
    return parts.join(QStringLiteral(", "));
}

QString LabResultsModel::resultText(const lab::LabResult &r)
{
    if (!r.error.isEmpty())
        return tr("error: %1").arg(r.error);
    if (r.cancelled)
        return tr("stopped");
    if (r.runs.isEmpty())
        return {};
    using lab::Experiment;
    const QJsonObject first = r.runs.first();
    auto num = [](const QJsonObject &o, const char *key) {
        return o.value(QLatin1String(key)).toInteger();
    };
    switch (r.options.experiment) {
    case Experiment::Spawn:
        return tr("took %1 ms (sequential ≈ %2 ms)")
            .arg(num(first, "duration_ms"))
            .arg(qint64(r.options.workers * r.options.seconds * 1000));
    case Experiment::Counter: {
        QStringList parts;
        int lossy = 0;
        for (const QJsonObject &run : r.runs) {
            parts << tr("%1/%2").arg(num(run, "actual")).arg(num(run, "expected"));
            lossy += num(run, "lost_updates") > 0 ? 1 : 0;
        }
        return tr("lost updates in %1 of %2 runs: %3")
            .arg(lossy)
            .arg(r.runs.size())
            .arg(parts.join(QStringLiteral(", ")));
    }
    case Experiment::Bank: {
        QStringList parts;
        int exact = 0;
        for (const QJsonObject &run : r.runs) {
            parts << QString::number(num(run, "final_balance"));
            exact += num(run, "final_balance") == 500 ? 1 : 0;
        }
        return tr("ended at 500 in %1 of %2 runs: %3")
            .arg(exact)
            .arg(r.runs.size())
            .arg(parts.join(QStringLiteral(", ")));
    }
    case Experiment::Share:
        return tr("plain: counter %1, list %2 | shared: counter %3, array %4")
            .arg(num(first, "parent_plain_counter"))
            .arg(ints(first.value(QStringLiteral("parent_plain_list"))))
            .arg(num(first, "parent_shared_counter"))
            .arg(ints(first.value(QStringLiteral("parent_shared_array"))));
    case Experiment::Cpu: {
        QStringList parts;
        for (const QJsonObject &run : r.runs) {
            parts << tr("%1×: %2 ms, speed-up %3, start %4 µs, %5 kB")
                         .arg(num(run, "workers"))
                         .arg(num(run, "duration_ms"))
                         .arg(run.value(QStringLiteral("speedup")).toDouble(), 0, 'f', 2)
                         .arg(num(run, "spawn_us"))
                         .arg(num(run, "rss_kb"));
        }
        return parts.join(QStringLiteral("; "));
    }
    case Experiment::Stop:
        return tr("stopped %1 ms after the request (%2)")
            .arg(first.value(QStringLiteral("stop_ms")).toDouble(), 0, 'f', 2)
            .arg(first.value(QStringLiteral("how")).toString());
    }
    return {};
}

int LabResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int LabResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LabResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const lab::LabResult &r = m_results.at(index.row());
    if (role == ResultIndexRole)
        return index.row();
    if (role == Qt::ToolTipRole && index.column() == ResultColumn)
        return resultText(r);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case NumberColumn:
        return index.row() + 1;
    case ExperimentColumn:
        return lab::experimentName(r.options.experiment);
    case KindColumn:
        return lab::kindName(r.options.kind);
    case ParamsColumn:
        return paramsText(r.options);
    case ResultColumn:
        return resultText(r);
    case DurationColumn:
        return tr("%1 ms").arg(r.durationUs / 1000);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant LabResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NumberColumn:
        return tr("#");
    case ExperimentColumn:
        return tr("Experiment");
    case KindColumn:
        return tr("Kind");
    case ParamsColumn:
        return tr("Parameters");
    case ResultColumn:
        return tr("Result");
    case DurationColumn:
        return tr("Time");
    case ColumnCount:
        break;
    }
    return {};
}

QString LabResultsModel::toText() const
{
    QStringList lines;
    QStringList header;
    for (int c = 0; c < ColumnCount; ++c)
        header << headerData(c, Qt::Horizontal).toString();
    lines << header.join(QLatin1Char('\t'));
    for (int r = 0; r < rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < ColumnCount; ++c)
            cells << data(index(r, c)).toString();
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace volley
