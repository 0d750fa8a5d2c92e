// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/inventorystore.h"

#include "trcontexts.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace volley {

namespace {

/// path, or path-2, path-3, ... whichever does not exist yet: nothing is overwritten.
QString unusedName(const QString &path)
{
    QString candidate = path;
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = path + QLatin1Char('-') + QString::number(n);
    return candidate;
}

bool writeAtomically(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error =
            InventoryMessages::tr("cannot write %1: %2; check the folder's permissions and free "
                                  "space")
                .arg(path, file.errorString());
        return false;
    }
    return true;
}

/// Schema 1 (before release): {"version": 1, "hosts": [{"name", "host", "port", "user",
/// "groups"}]}.
bool migrateFrom1(const QJsonObject &doc, QJsonObject *out, QString *error)
{
    const QJsonValue hosts = doc.value(QStringLiteral("hosts"));
    if (!hosts.isArray()) {
        *error = InventoryMessages::tr("schema 1 file without a 'hosts' list");
        return false;
    }
    QJsonArray targets;
    for (const QJsonValue &h : hosts.toArray()) {
        QJsonObject o = h.toObject();
        if (o.contains(QStringLiteral("host"))) {
            o.insert(QStringLiteral("address"), o.value(QStringLiteral("host")));
            o.remove(QStringLiteral("host"));
        }
        targets.append(o);
    }
    QJsonObject next;
    next.insert(QStringLiteral("format"), QStringLiteral("volley-inventory"));
    next.insert(QStringLiteral("schemaVersion"), 2);
    next.insert(QStringLiteral("targets"), targets);
    *out = next;
    return true;
}

} // namespace

InventoryStore::InventoryStore()
    : InventoryStore(defaultPath())
{}

InventoryStore::InventoryStore(const QString &path)
    : m_path(path)
{}

QString InventoryStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/inventory.json");
}

bool InventoryStore::parse(const QByteArray &dataIn, Inventory *out, int *fromSchema,
                           QString *error)
{
    *fromSchema = 0;
    QByteArray data = dataIn;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &pe);
    if (pe.error != QJsonParseError::NoError) {
        const int line = int(data.left(pe.offset).count('\n')) + 1;
        *error =
            InventoryMessages::tr("not valid JSON at line %1: %2").arg(line).arg(pe.errorString());
        return false;
    }
    if (!doc.isObject()) {
        *error = InventoryMessages::tr("the document is not a JSON object");
        return false;
    }
    QJsonObject o = doc.object();
    if (o.contains(QStringLiteral("schemaVersion")))
        *fromSchema = o.value(QStringLiteral("schemaVersion")).toInt(-1);
    else if (o.value(QStringLiteral("version")).toInt() == 1 && o.contains(QStringLiteral("hosts")))
        *fromSchema = 1;
    else {
        *error = InventoryMessages::tr("no 'schemaVersion': not a Volley inventory");
        return false;
    }
    if (*fromSchema > Inventory::kSchemaVersion) {
        *error = InventoryMessages::tr("schema %1 is newer than this Volley reads (up to %2)")
                     .arg(*fromSchema)
                     .arg(Inventory::kSchemaVersion);
        return false;
    }
    if (*fromSchema < 1) {
        *error = InventoryMessages::tr("'schemaVersion' must be a positive whole number");
        return false;
    }
    if (*fromSchema == 1 && !migrateFrom1(o, &o, error))
        return false;
    return Inventory::fromJson(o, out, error);
}

bool InventoryStore::load(Inventory *out, LoadReport *reportOut, QString *error)
{
    LoadReport report;
    QString ignored;
    if (!error)
        error = &ignored;
    *out = Inventory();
    auto finish = [&](bool ok) {
        if (reportOut)
            *reportOut = report;
        return ok;
    };
    QFile file(m_path);
    if (!file.exists())
        return finish(true);
    if (!file.open(QIODevice::ReadOnly)) {
        // Unreadable is not corrupt: leave it alone and refuse to overwrite it.
        m_readOnly = true;
        *error = InventoryMessages::tr("cannot read the inventory %1: %2; check its permissions")
                     .arg(m_path, file.errorString());
        return finish(false);
    }
    const QByteArray data = file.readAll();
    file.close();
    int schema = 0;
    QString why;
    Inventory inv;
    if (parse(data, &inv, &schema, &why)) {
        if (schema < Inventory::kSchemaVersion) {
            // Keep the file exactly as it was before rewriting it in the new schema.
            const QString backup = unusedName(m_path + QStringLiteral(".schema%1.bak").arg(schema));
            if (!QFile::copy(m_path, backup)) {
                m_readOnly = true;
                *error = InventoryMessages::tr("cannot back up %1 to %2 before migrating it from "
                                               "schema %3; check the folder's permissions")
                             .arg(m_path, backup)
                             .arg(schema);
                return finish(false);
            }
            report.migrated = true;
            report.fromSchema = schema;
            report.migrationBackup = backup;
            if (!save(inv, error))
                return finish(false);
        }
        *out = inv;
        return finish(true);
    }
    if (schema > Inventory::kSchemaVersion) {
        m_readOnly = true;
        *error =
            InventoryMessages::tr("the inventory %1 was written by a newer Volley: %2; it is left "
                                  "untouched and will not be saved over; upgrade Volley")
                .arg(m_path, why);
        return finish(false);
    }
    // Corrupt: move it aside (never overwrite it), then fall back to the backup.
    const QString aside =
        unusedName(m_path + QStringLiteral(".corrupt-") +
                   QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss")));
    if (!QFile::rename(m_path, aside)) {
        m_readOnly = true;
        *error =
            InventoryMessages::tr("the inventory %1 is corrupt (%2) and could not be moved aside; "
                                  "move it away by hand")
                .arg(m_path, why);
        return finish(false);
    }
    report.corruptKeptAs = aside;
    report.problem = InventoryMessages::tr("the inventory %1 is corrupt (%2); kept it as %3")
                         .arg(m_path, why, aside);
    QFile backup(backupPath());
    Inventory fromBackup;
    int backupSchema = 0;
    QString backupWhy;
    if (backup.open(QIODevice::ReadOnly) &&
        parse(backup.readAll(), &fromBackup, &backupSchema, &backupWhy)) {
        report.usedBackup = true;
        report.problem += InventoryMessages::tr("; loaded the backup %1").arg(backupPath());
        *out = fromBackup;
    } else {
        report.problem += InventoryMessages::tr("; starting with an empty inventory");
    }
    return finish(true);
}

bool InventoryStore::save(const Inventory &inventory, QString *error)
{
    if (m_readOnly) {
        *error = InventoryMessages::tr("not saving over %1: it could not be read safely (see the "
                                       "earlier message)")
                     .arg(m_path);
        return false;
    }
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir)) {
        *error = InventoryMessages::tr("cannot create the folder %1").arg(dir);
        return false;
    }
    QFile current(m_path);
    if (current.open(QIODevice::ReadOnly)) {
        const QByteArray old = current.readAll();
        current.close();
        Inventory ignored;
        int schema = 0;
        QString why;
        if (parse(old, &ignored, &schema, &why)) {
            if (!writeAtomically(backupPath(), old, error))
                return false;
        } else if (schema > Inventory::kSchemaVersion) {
            *error = InventoryMessages::tr("not saving over %1: %2").arg(m_path, why);
            return false;
        } else {
            // Someone broke the file since it was loaded: keep it for them.
            const QString aside = unusedName(m_path + QStringLiteral(".corrupt"));
            if (!QFile::rename(m_path, aside)) {
                *error =
                    InventoryMessages::tr("not saving over the corrupt %1 (%2)").arg(m_path, why);
                return false;
            }
        }
    }
    return writeAtomically(
        m_path, QJsonDocument(inventory.toJson()).toJson(QJsonDocument::Indented), error);
}

} // namespace volley
