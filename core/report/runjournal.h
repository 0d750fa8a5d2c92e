// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QJsonObject>
#include <QObject>
#include <QString>

namespace volley {

class Run;
struct RunUpdate;

/// Appends a run's results to a JSON Lines file as targets finish, so a crash
/// or a kill loses nothing that had finished. The first line describes the
/// run; each further line is one target, the same object as an element of
/// "targets" in `volley-cli run --json`.
class RunJournal final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunJournal)

public:
    RunJournal(Run *run, QString path, QObject *parent = nullptr);
    ~RunJournal() override;

    /// Creates the file and writes the header; call before Run::start().
    bool open(QString *error);
    QString path() const { return m_path; }

    /// A fresh journal path under the user's data folder (runs/run-<time>.jsonl).
    static QString defaultPath();

private:
    void onUpdated(const RunUpdate &update);
    void writeLine(const QJsonObject &object);

    Run *m_run;
    QString m_path;
    QFile m_file;
};

/// Reads a journal back as a run document in the --json schema (only the
/// targets that finished). A torn last line, as a kill mid-write leaves, is
/// skipped; anything else malformed is an error naming the line.
bool readRunJournal(const QString &path, QJsonObject *document, QString *error);

/// Reads a run saved by --json / the GUI's export, or a journal (by content).
bool readSavedRun(const QString &path, QJsonObject *document, QString *error);

/// readSavedRun() on bytes already read; source names them in errors.
bool parseSavedRun(const QByteArray &bytes, const QString &source, QJsonObject *document,
                   QString *error);

/// Checks a run document's shape (fields and types that readers rely on).
bool validateRunDocument(const QJsonObject &document, QString *error);

} // namespace volley
