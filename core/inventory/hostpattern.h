// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace volley {

/// Host patterns in the pdsh / ClusterShell style: "web[01-20].lab,db1",
/// "10.0.[1-2].[1-50]", "n[1-3,7]", "user@host:port", "[::1]:2222".
namespace HostPattern {

constexpr int kMaxNames = 100000;

/// Resolves a group name (without the '@') to the names it stands for.
/// Returns false and sets *error when the group is unknown.
using GroupResolver = std::function<bool(const QString &group, QStringList *names, QString *error)>;

/// How expand() treats "@group" elements and how many names it may produce.
struct Options
{
    GroupResolver resolveGroup; ///< unset: "@group" is an error naming the group
    int maxNames = kMaxNames;
};

/// Expands a pattern into names (in order, duplicates removed). Elements
/// starting with '!' are exclusions. On error returns false and sets *error to
/// a message that quotes the pattern and points at the offending part.
bool expand(const QString &pattern, QStringList *out, QString *error);

/// expand() with "@group" resolution and a custom limit.
bool expand(const QString &pattern, const Options &options, QStringList *out, QString *error);

/// The shortest range form of a list of names ("web[01-09,11]").
QString fold(const QStringList &names);

/// The host part of a name: "root@web01:22" -> "web01", "[::1]:22" -> "::1".
/// "local" and "local:NAME" are returned whole.
QString hostPart(const QString &name);

/// True when an exclusion such as "web01" removes name: equal strings, or an
/// exclusion without user/port that equals the name's host part.
bool excludes(const QString &exclusion, const QString &name);

} // namespace HostPattern
} // namespace volley
