// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/inventory.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace volley {

/// The file formats Volley reads hosts from (and, for some, writes).
enum class InventoryFormat {
    Auto,
    List,        ///< one host pattern per line, '#' comments
    SshConfig,   ///< OpenSSH client config (~/.ssh/config)
    AnsibleIni,  ///< Ansible INI inventory
    AnsibleYaml, ///< Ansible YAML inventory
    Csv,         ///< name,address,port,user,groups,tags,command
    Json,        ///< Volley's own JSON
    KnownHosts,  ///< OpenSSH known_hosts (unhashed entries)
};

/// "list", "ssh-config", ... as used on the command line.
QString formatName(InventoryFormat format);
/// Parses formatName()'s output; false for an unknown name.
bool formatFromName(const QString &name, InventoryFormat *out);
/// Every name formatFromName() accepts, for help texts.
QStringList formatNames();

/// One line of an import report: where, and what was taken or why it was skipped.
struct ImportNote
{
    QString file;
    int line = 0; ///< 1-based; 0 when the note is about the whole file
    QString text;
    /// "file:line: text"
    QString toString() const;
    friend bool operator==(const ImportNote &, const ImportNote &) = default;
};

/// What an import understood.
struct ImportResult
{
    Inventory inventory;
    InventoryFormat format = InventoryFormat::Auto; ///< the format actually read
    QString detectedBecause;   ///< why auto-detection chose it (empty if given)
    QList<ImportNote> taken;   ///< one per target: "web01 (10.0.0.5:2222, groups web)"
    QList<ImportNote> skipped; ///< each entry left out, with the reason
};

/// Reads and parses text that came from outside: never crashes, never throws,
/// reports every skipped entry with its file:line.
namespace Importer {

/// Guesses the format from the file name and the first meaningful lines.
/// *because says what decided it ("the file name ends in .yml").
InventoryFormat detect(const QString &fileName, const QByteArray &data, QString *because);

/// Parses data (read from fileName, used in notes and to resolve ssh
/// "Include"s relative to its folder). Returns false and sets *error only when
/// the whole file is unusable (e.g. broken JSON or YAML); bad entries are
/// skipped and reported in result->skipped.
bool parse(const QByteArray &data, const QString &fileName, InventoryFormat format,
           ImportResult *result, QString *error);

/// Reads the file and parses it. *error names the file when it cannot be read.
bool importFile(const QString &path, InventoryFormat format, ImportResult *result, QString *error);

/// Limits that keep hostile input cheap.
constexpr qint64 kMaxFileSize = 64 * 1024 * 1024;
constexpr int kMaxIncludeDepth = 16;

} // namespace Importer

/// Writes inventories in the formats other tools read.
namespace Exporter {

/// Volley JSON (indented), the store's own format.
QByteArray toJson(const Inventory &inventory);
/// An Ansible INI inventory: groups, [g:children], connection vars, kept vars.
QByteArray toAnsibleIni(const Inventory &inventory);
/// One "[user@]host[:port]" per line, re-readable by the list importer.
QByteArray toList(const Inventory &inventory);
/// Exports in format (Json, AnsibleIni or List); false with *error otherwise.
bool write(const Inventory &inventory, InventoryFormat format, QByteArray *out, QString *error);

} // namespace Exporter

} // namespace volley
