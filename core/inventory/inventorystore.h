// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/inventory.h"

#include <QString>

namespace volley {

/// Keeps the inventory in Volley's JSON file under the user's data folder.
/// Saves are atomic (QSaveFile): a crash leaves the old file or the new one.
/// A file from an older schema is backed up before it is migrated; a corrupt
/// file is moved aside, never overwritten, and the last good backup is used.
class InventoryStore final
{
public:
    /// Uses defaultPath().
    InventoryStore();
    explicit InventoryStore(const QString &path);

    /// <AppDataLocation>/inventory.json
    static QString defaultPath();
    QString path() const { return m_path; }
    /// The copy of the last good file, written before each save replaces it.
    QString backupPath() const { return m_path + QStringLiteral(".bak"); }

    /// What load() had to do besides reading.
    struct LoadReport
    {
        bool migrated = false;
        int fromSchema = 0;      ///< the schema migrated from
        QString migrationBackup; ///< copy of the file as it was before migrating
        QString corruptKeptAs;   ///< where a broken file was moved
        bool usedBackup = false; ///< the backup was loaded instead of the broken file
        QString problem;         ///< what was wrong, for the user; empty if nothing
    };

    /// Loads the inventory; a missing file is an empty inventory. Returns false
    /// only if the file is from a newer Volley (it is then left untouched and
    /// save() refuses to overwrite it). A corrupt file still returns true with
    /// the backup or an empty inventory, and report->problem says what happened.
    bool load(Inventory *out, LoadReport *report = nullptr, QString *error = nullptr);

    /// Writes atomically; the previous good file becomes backupPath().
    bool save(const Inventory &inventory, QString *error);

    /// Reads a Volley JSON document of any known schema, migrating it in memory.
    /// *fromSchema is the document's schema.
    static bool parse(const QByteArray &data, Inventory *out, int *fromSchema, QString *error);

private:
    QString m_path;
    bool m_readOnly = false; ///< the file is newer than this Volley: never overwrite it
};

} // namespace volley
