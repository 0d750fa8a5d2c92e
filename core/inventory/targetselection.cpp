// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/targetselection.h"

#include "inventory/hostpattern.h"
#include "inventory/importer.h"
#include "inventory/inventorystore.h"
#include "trcontexts.h"

#include <QSet>

#include <algorithm>

namespace volley {

namespace {

/// A name from a pattern: a saved target (with what the pattern overrides) or a spec.
bool resolveName(const Inventory &saved, const QString &name, Target *out, QString *error)
{
    if (const Target *known = saved.find(name)) {
        *out = *known;
        return true;
    }
    Target spec;
    if (!Target::fromSpec(name, &spec, error))
        return false;
    const Target *known = spec.isLocal() ? nullptr : saved.find(spec.address);
    if (!known) {
        *out = spec;
        return true;
    }
    // "root@web01" where web01 is saved: the saved details plus the override.
    Target t = *known;
    t.name = spec.name;
    if (!spec.user.isEmpty())
        t.user = spec.user;
    if (spec.port)
        t.port = spec.port;
    *out = t;
    return true;
}

bool mentionsGroup(const QStringList &patterns)
{
    return std::any_of(patterns.cbegin(), patterns.cend(), [](const QString &p) {
        return p.trimmed().startsWith(QLatin1Char('@')) || p.contains(QLatin1String(",@")) ||
               p.contains(QLatin1String("!@"));
    });
}

} // namespace

bool expandWithInventory(const Inventory &inventory, const QString &pattern, QStringList *names,
                         QString *error)
{
    HostPattern::Options options;
    options.resolveGroup = [&inventory](const QString &group, QStringList *members, QString *why) {
        QList<Target> targets;
        if (!inventory.members(group, &targets, why)) {
            // Not a group: "@tag" selects the targets carrying that tag.
            targets = inventory.withTag(group);
            if (targets.isEmpty())
                return false;
        }
        if (targets.isEmpty()) {
            *why =
                TargetSelectionMessages::tr("group '@%1' has no targets; add some with volley-cli "
                                            "inventory import")
                    .arg(group);
            return false;
        }
        for (const Target &t : std::as_const(targets))
            members->append(t.name);
        return true;
    };
    return HostPattern::expand(pattern, options, names, error);
}

bool selectTargets(const QStringList &patterns, const QStringList &hostsFiles,
                   const QStringList &excludes, QList<Target> *out, QString *error)
{
    InventoryStore store;
    Inventory saved;
    InventoryStore::LoadReport report;
    QString why;
    if (!store.load(&saved, &report, &why) &&
        (mentionsGroup(patterns) || mentionsGroup(excludes))) {
        *error = why;
        return false;
    }
    return selectTargets(saved, patterns, hostsFiles, excludes, out, error);
}

bool selectTargets(const Inventory &saved, const QStringList &patterns,
                   const QStringList &hostsFiles, const QStringList &excludes, QList<Target> *out,
                   QString *error, QStringList *notes)
{
    out->clear();
    if (patterns.isEmpty() && hostsFiles.isEmpty()) {
        *error = TargetSelectionMessages::tr(
            "no targets: give -H PATTERN (e.g. -H 'web[01-04],local') or "
            "--hosts-file FILE");
        return false;
    }
    QList<Target> result;
    QSet<QString> seen;
    auto add = [&](const Target &t) {
        if (seen.contains(t.name))
            return;
        seen.insert(t.name);
        result.append(t);
    };
    for (const QString &file : hostsFiles) {
        ImportResult imported;
        QString why;
        if (!Importer::importFile(file, InventoryFormat::Auto, &imported, &why)) {
            *error = why;
            return false;
        }
        if (notes) {
            for (const ImportNote &n : std::as_const(imported.skipped))
                notes->append(TargetSelectionMessages::tr("skipped %1").arg(n.toString()));
        }
        if (imported.inventory.isEmpty()) {
            QString detail;
            if (!imported.skipped.isEmpty())
                detail = TargetSelectionMessages::tr("; first problem: ") +
                         imported.skipped.first().toString();
            *error = TargetSelectionMessages::tr("hosts file '%1' (read as %2) has no targets%3")
                         .arg(file, formatName(imported.format), detail);
            return false;
        }
        for (const Target &t : imported.inventory.targets())
            add(t);
    }
    for (const QString &pattern : patterns) {
        QStringList names;
        if (!expandWithInventory(saved, pattern, &names, error))
            return false;
        for (const QString &name : std::as_const(names)) {
            Target t;
            QString why;
            if (!resolveName(saved, name, &t, &why)) {
                *error = TargetSelectionMessages::tr("host pattern '%1': %2").arg(pattern, why);
                return false;
            }
            add(t);
        }
    }
    for (const QString &exclude : excludes) {
        QStringList names;
        if (!expandWithInventory(saved, exclude, &names, error))
            return false;
        result.removeIf([&](const Target &t) {
            return std::any_of(names.cbegin(), names.cend(), [&](const QString &x) {
                return HostPattern::excludes(x, t.name) || (!t.isLocal() && t.address == x);
            });
        });
    }
    if (result.isEmpty()) {
        *error = excludes.isEmpty() ? TargetSelectionMessages::tr(
                                          "no targets selected by '%1': every name was excluded")
                                          .arg(patterns.join(QStringLiteral("' '")))
                                    : TargetSelectionMessages::tr(
                                          "no targets left: the exclusions (-x %1) removed every "
                                          "selected target")
                                          .arg(excludes.join(QStringLiteral(", -x ")));
        return false;
    }
    *out = result;
    return true;
}

} // namespace volley
