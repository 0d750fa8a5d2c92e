// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/runjournal.h"

#include "exec/run.h"
#include "report/runjson.h"
#include "trcontexts.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

namespace volley {

namespace {
constexpr const char *kJournalKey = "volley_journal";
constexpr qint64 kMaxSavedRun = qint64(2) << 30; // refuse absurd files before reading them
} // namespace

RunJournal::RunJournal(Run *run, QString path, QObject *parent)
    : QObject(parent)
    , m_run(run)
    , m_path(std::move(path))
{
    connect(run, &Run::updated, this, &RunJournal::onUpdated);
}

RunJournal::~RunJournal() = default;

QString RunJournal::defaultPath()
{
    const QString dir =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/runs");
    return dir + QStringLiteral("/run-%1.jsonl")
                     .arg(QDateTime::currentDateTimeUtc().toString(
                         QStringLiteral("yyyyMMdd-HHmmss-zzz")));
}

bool RunJournal::open(QString *error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = ReportMessages::tr("cannot write the run journal %1: %2")
                     .arg(m_path, m_file.errorString());
        return false;
    }
    QStringList names;
    for (int i = 0; i < m_run->targetCount(); ++i)
        names << m_run->target(i).name;
    writeLine({{QLatin1String(kJournalKey), 1},
               {QStringLiteral("tool"), QStringLiteral("volley")},
               {QStringLiteral("version"), QStringLiteral(VOLLEY_VERSION)},
               {QStringLiteral("started_at"),
                QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
               {QStringLiteral("fanout"), m_run->spec().fanout},
               {QStringLiteral("commands"), QJsonArray::fromStringList(m_run->spec().commands)},
               {QStringLiteral("target_names"), QJsonArray::fromStringList(names)}});
    return true;
}

void RunJournal::onUpdated(const RunUpdate &update)
{
    if (!m_file.isOpen())
        return;
    for (int t : update.finished)
        writeLine(targetToJson(*m_run, t, kJournalStreamLimit));
}

void RunJournal::writeLine(const QJsonObject &object)
{
    // One write per line, flushed at once: a kill leaves at most a torn last line.
    m_file.write(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
    m_file.flush();
}

bool validateRunDocument(const QJsonObject &doc, QString *error)
{
    if (doc.value(QStringLiteral("tool")).toString() != QLatin1String("volley")) {
        *error = ReportMessages::tr("not a Volley run (no \"tool\": \"volley\")");
        return false;
    }
    if (!doc.value(QStringLiteral("targets")).isArray()) {
        *error = ReportMessages::tr("\"targets\" is missing or not an array");
        return false;
    }
    const QJsonArray targets = doc.value(QStringLiteral("targets")).toArray();
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const QJsonObject t = targets.at(i).toObject();
        const QString where = ReportMessages::tr("target %1").arg(i + 1);
        if (!t.value(QStringLiteral("target")).isString()) {
            *error = ReportMessages::tr("%1 has no \"target\" name").arg(where);
            return false;
        }
        Status status;
        if (!statusFromName(t.value(QStringLiteral("status")).toString(), &status)) {
            *error = ReportMessages::tr("%1 (%2) has an unknown status '%3'")
                         .arg(where, t.value(QStringLiteral("target")).toString(),
                              t.value(QStringLiteral("status")).toString());
            return false;
        }
        if (!t.value(QStringLiteral("commands")).isArray()) {
            *error = ReportMessages::tr("%1 has no \"commands\" array").arg(where);
            return false;
        }
        for (const QJsonValue &c : t.value(QStringLiteral("commands")).toArray()) {
            if (!c.isObject() || !c.toObject().value(QStringLiteral("command")).isString()) {
                *error =
                    ReportMessages::tr("%1 has a command entry without \"command\"").arg(where);
                return false;
            }
        }
    }
    return true;
}

namespace {

bool parseRunJournal(const QByteArray &bytes, const QString &path, QJsonObject *document,
                     QString *error)
{
    const QList<QByteArray> lines = bytes.split('\n');
    QJsonObject header;
    QJsonArray targets;
    int lineNo = 0;
    for (const QByteArray &line : lines) {
        ++lineNo;
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError e;
        const QJsonDocument d = QJsonDocument::fromJson(line, &e);
        const bool last =
            lineNo == lines.size() || (lineNo == lines.size() - 1 && lines.last().isEmpty());
        if (e.error != QJsonParseError::NoError || !d.isObject()) {
            if (last && lineNo > 1)
                break; // torn by a kill while writing: everything before it is whole
            *error = ReportMessages::tr("%1:%2: not a JSON object (%3)")
                         .arg(path)
                         .arg(lineNo)
                         .arg(e.errorString());
            return false;
        }
        if (header.isEmpty()) {
            header = d.object();
            if (!header.contains(QLatin1String(kJournalKey))) {
                *error = ReportMessages::tr("%1:1: not a Volley run journal (no \"%2\")")
                             .arg(path, QLatin1String(kJournalKey));
                return false;
            }
            continue;
        }
        targets.append(d.object());
    }
    if (header.isEmpty()) {
        *error = ReportMessages::tr("%1 is empty").arg(path);
        return false;
    }
    QJsonObject doc;
    doc[QStringLiteral("tool")] = QStringLiteral("volley");
    for (const char *k : {"version", "started_at", "fanout", "commands"})
        doc[QLatin1String(k)] = header.value(QLatin1String(k));
    QJsonObject summary;
    summary[QStringLiteral("targets")] =
        header.value(QStringLiteral("target_names")).toArray().size();
    for (Status s : kFinalStatuses) {
        int n = 0;
        for (const QJsonValue &t : std::as_const(targets))
            n += t.toObject().value(QStringLiteral("status")).toString() == statusName(s) ? 1 : 0;
        summary[statusName(s)] = n;
    }
    doc[QStringLiteral("summary")] = summary;
    doc[QStringLiteral("targets")] = targets;
    doc[QStringLiteral("journal")] = true;
    if (!validateRunDocument(doc, error)) {
        *error = QStringLiteral("%1: %2").arg(path, *error);
        return false;
    }
    *document = doc;
    return true;
}

} // namespace

bool readRunJournal(const QString &path, QJsonObject *document, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = ReportMessages::tr("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    if (f.size() > kMaxSavedRun) {
        *error = ReportMessages::tr("%1 is larger than 2 GiB; not a run journal").arg(path);
        return false;
    }
    return parseRunJournal(f.readAll(), path, document, error);
}

bool readSavedRun(const QString &path, QJsonObject *document, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = ReportMessages::tr("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    if (f.size() > kMaxSavedRun) {
        *error = ReportMessages::tr("%1 is larger than 2 GiB; not a saved run").arg(path);
        return false;
    }
    return parseSavedRun(f.readAll(), path, document, error);
}

bool parseSavedRun(const QByteArray &bytes, const QString &path, QJsonObject *document,
                   QString *error)
{
    // A journal's first line is its header; a saved run is one JSON document.
    const qsizetype nl = bytes.indexOf('\n');
    if (QByteArrayView(bytes).first(nl < 0 ? bytes.size() : nl).contains(kJournalKey))
        return parseRunJournal(bytes, path, document, error);
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(bytes, &e);
    if (e.error != QJsonParseError::NoError) {
        *error = ReportMessages::tr("%1 is not valid JSON at byte %2: %3")
                     .arg(path)
                     .arg(e.offset)
                     .arg(e.errorString());
        return false;
    }
    if (!d.isObject()) {
        *error = ReportMessages::tr("%1: a JSON object was expected").arg(path);
        return false;
    }
    if (!validateRunDocument(d.object(), error)) {
        *error = QStringLiteral("%1: %2").arg(path, *error);
        return false;
    }
    *document = d.object();
    return true;
}

} // namespace volley
