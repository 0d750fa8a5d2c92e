// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/inventory.h"
#include "inventory/target.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace volley {

/// Turns what the user typed into targets, for `volley-cli run` and the GUI:
///  - patterns: -H values ("web[01-20].lab,db1", "root@[::1]:2222", "@group",
///    "!web07"); "@name" selects a saved group (children included) or, failing
///    that, a saved tag. A plain name found in the saved inventory takes its
///    saved address, port, user, key, jump host and groups; "user@" and
///    ":port" given on the command line override them.
///  - hostsFiles: files of any importable format (auto-detected); all their
///    targets are selected.
///  - excludes: -x values, patterns whose names (or host parts) are removed.
/// The result is in order, without duplicate names. Returns false with a
/// message naming the pattern or file:line and what to do; never a partial list.
bool selectTargets(const QStringList &patterns, const QStringList &hostsFiles,
                   const QStringList &excludes, QList<Target> *out, QString *error);

/// selectTargets() against a given inventory instead of the saved one.
/// notes (optional) receives lines worth showing, e.g. entries a hosts file skipped.
bool selectTargets(const Inventory &saved, const QStringList &patterns,
                   const QStringList &hostsFiles, const QStringList &excludes, QList<Target> *out,
                   QString *error, QStringList *notes = nullptr);

/// Expands one pattern against an inventory ("@group" resolved there).
bool expandWithInventory(const Inventory &inventory, const QString &pattern, QStringList *names,
                         QString *error);

} // namespace volley
