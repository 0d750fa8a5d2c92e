// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace volley {

/// Host patterns in the pdsh / ClusterShell style: "web[01-20].lab,db1",
/// "10.0.[1-2].[1-50]", "n[1-3,7]", "user@host:port", "[::1]:2222".
namespace HostPattern {

constexpr int kMaxNames = 100000;

/// Expands a pattern into names (in order, duplicates removed). Elements
/// starting with '!' are exclusions. On error returns false and sets *error to
/// a message that quotes the pattern and points at the offending part.
bool expand(const QString &pattern, QStringList *out, QString *error);

/// The shortest range form of a list of names ("web[01-09,11]").
QString fold(const QStringList &names);

} // namespace HostPattern
} // namespace volley
