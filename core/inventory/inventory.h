// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/target.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace volley {

/// The saved set of targets with their groups. Groups are named by the
/// targets that carry them; a group may also list child groups (Ansible
/// "children"), so selecting a parent selects its children's targets too.
class Inventory final
{
public:
    /// Schema of toJson(); InventoryStore migrates older files up to it.
    static constexpr int kSchemaVersion = 2;

    const QList<Target> &targets() const { return m_targets; }
    bool isEmpty() const { return m_targets.isEmpty(); }
    qsizetype size() const { return m_targets.size(); }

    /// The target called name, or nullptr.
    const Target *find(const QString &name) const;
    Target *find(const QString &name);

    /// Adds t, or merges it into the target of the same name (fields that t
    /// sets win; groups, tags and vars are united). Returns true if it merged.
    bool add(const Target &t);
    /// Adds every target and group of other, merging as add() does.
    void merge(const Inventory &other);
    bool remove(const QString &name);

    /// Declares a group (so an empty one survives a save).
    void addGroup(const QString &group);
    /// Makes child a child group of parent.
    void addChild(const QString &parent, const QString &child);
    QStringList children(const QString &group) const { return m_children.value(group); }
    /// Every group: declared, parents, children and those named by targets; sorted.
    QStringList groupNames() const;
    bool hasGroup(const QString &group) const;

    /// Targets of group and of its child groups (recursively; cycles are
    /// cut), in inventory order. Returns false and sets *error if unknown.
    bool members(const QString &group, QList<Target> *out, QString *error) const;
    /// Targets carrying tag; "key=value" also matches a var.
    QList<Target> withTag(const QString &tag) const;
    /// Every tag used by a target; sorted.
    QStringList tagNames() const;

    /// Volley's JSON document (schema kSchemaVersion).
    QJsonObject toJson() const;
    /// Reads a document of the current schema; on error names the entry.
    static bool fromJson(const QJsonObject &json, Inventory *out, QString *error);

    /// Same targets, same child groups, same group names.
    friend bool operator==(const Inventory &a, const Inventory &b)
    {
        return a.m_targets == b.m_targets && a.m_children == b.m_children &&
               a.groupNames() == b.groupNames();
    }

private:
    QList<Target> m_targets;
    QHash<QString, qsizetype> m_index;     ///< name -> position in m_targets
    QMap<QString, QStringList> m_children; ///< group -> child groups
    QStringList m_declared;                ///< groups declared without targets
};

/// A target as one JSON object (only the fields that are set).
QJsonObject targetToJson(const Target &t);
/// Reads targetToJson()'s output; *error names the bad key.
bool targetFromJson(const QJsonObject &json, Target *out, QString *error);

} // namespace volley
