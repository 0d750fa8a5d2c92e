// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the importers; not part of the public API.

#include "inventory/importer.h"

#include <QHash>
#include <QMap>

namespace volley::detail {

/// The lines of a text file: UTF-8 BOM dropped, CRLF and CR line ends accepted.
QStringList splitLines(const QByteArray &data);

/// Records that t was taken at file:line ("web01: deploy@10.0.0.5:2222, groups web").
void noteTaken(ImportResult *result, const QString &file, int line, const Target &t);
void noteSkipped(ImportResult *result, const QString &file, int line, const QString &why);
/// A one-line description of what Volley understood about t.
QString describe(const Target &t);

/// Sets the field an Ansible variable maps to, or keeps it in t->vars.
/// Returns false with *why for a value that cannot be used (a bad port).
bool applyAnsibleVar(Target *t, const QString &key, const QString &value, QString *why);
/// Ansible's host ranges: "web[01:20]", "db-[a:f]", "n[0:10:2]".
bool expandAnsibleRange(const QString &pattern, QStringList *out, QString *error);

bool parseSshConfig(const QByteArray &data, const QString &fileName, ImportResult *result,
                    QString *error);
bool parseAnsibleIni(const QByteArray &data, const QString &fileName, ImportResult *result,
                     QString *error);
bool parseAnsibleYaml(const QByteArray &data, const QString &fileName, ImportResult *result,
                      QString *error);

/// Ansible's group tree, collected by both Ansible parsers and turned into targets at the end.
struct AnsibleInventory
{
    struct Host
    {
        QString name;
        int line = 0;
        QStringList groups;
        QList<QPair<QString, QString>> vars; ///< in file order
    };
    QList<Host> hosts;
    QHash<QString, qsizetype> hostIndex;
    QMap<QString, QList<QPair<QString, QString>>> groupVars;
    QMap<QString, QStringList> children;
    QStringList groups;

    Host *host(const QString &name, int line);
    void addGroup(const QString &group);
    /// Applies group vars (outermost first) then host vars; fills result.
    void finish(const QString &file, ImportResult *result) const;
};

} // namespace volley::detail
