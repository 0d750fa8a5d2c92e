// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/inventory.h"

#include "trcontexts.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace volley {

namespace {

void unite(QStringList *into, const QStringList &more)
{
    for (const QString &s : more) {
        if (!into->contains(s))
            into->append(s);
    }
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

bool readStringList(const QJsonObject &json, const QString &key, QStringList *out, QString *error)
{
    const QJsonValue v = json.value(key);
    if (v.isUndefined())
        return true;
    if (!v.isArray()) {
        *error = InventoryMessages::tr("'%1' must be a list of strings").arg(key);
        return false;
    }
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString()) {
            *error = InventoryMessages::tr("'%1' must be a list of strings").arg(key);
            return false;
        }
        out->append(item.toString());
    }
    return true;
}

bool readString(const QJsonObject &json, const QString &key, QString *out, QString *error)
{
    const QJsonValue v = json.value(key);
    if (v.isUndefined())
        return true;
    if (!v.isString()) {
        *error = InventoryMessages::tr("'%1' must be a string").arg(key);
        return false;
    }
    *out = v.toString();
    return true;
}

} // namespace

const Target *Inventory::find(const QString &name) const
{
    const auto it = m_index.constFind(name);
    return it == m_index.constEnd() ? nullptr : &m_targets.at(*it);
}

Target *Inventory::find(const QString &name)
{
    const auto it = m_index.constFind(name);
    return it == m_index.constEnd() ? nullptr : &m_targets[*it];
}

bool Inventory::add(const Target &t)
{
    Target *old = find(t.name);
    if (!old) {
        m_index.insert(t.name, m_targets.size());
        m_targets.append(t);
        return false;
    }
    // A later source refines an earlier one: what it sets wins, lists are united.
    if (!t.address.isEmpty())
        old->address = t.address;
    if (t.port)
        old->port = t.port;
    if (!t.user.isEmpty())
        old->user = t.user;
    if (t.transport == Transport::Local)
        old->transport = Transport::Local;
    unite(&old->identityFiles, t.identityFiles);
    if (!t.proxyJump.isEmpty())
        old->proxyJump = t.proxyJump;
    if (!t.knownHostsFile.isEmpty())
        old->knownHostsFile = t.knownHostsFile;
    unite(&old->groups, t.groups);
    unite(&old->tags, t.tags);
    unite(&old->commands, t.commands);
    if (!t.note.isEmpty() && !old->note.contains(t.note))
        old->note = old->note.isEmpty() ? t.note : old->note + QLatin1Char('\n') + t.note;
    old->vars.insert(t.vars);
    return true;
}

void Inventory::merge(const Inventory &other)
{
    for (const Target &t : other.m_targets)
        add(t);
    for (auto it = other.m_children.cbegin(); it != other.m_children.cend(); ++it) {
        for (const QString &child : it.value())
            addChild(it.key(), child);
    }
    for (const QString &g : other.m_declared)
        addGroup(g);
}

bool Inventory::remove(const QString &name)
{
    if (m_targets.removeIf([&](const Target &t) { return t.name == name; }) == 0)
        return false;
    m_index.clear();
    for (qsizetype i = 0; i < m_targets.size(); ++i)
        m_index.insert(m_targets.at(i).name, i);
    return true;
}

void Inventory::addGroup(const QString &group)
{
    if (!group.isEmpty() && !m_declared.contains(group))
        m_declared.append(group);
}

void Inventory::addChild(const QString &parent, const QString &child)
{
    if (parent.isEmpty() || child.isEmpty() || parent == child)
        return;
    QStringList &list = m_children[parent];
    if (!list.contains(child))
        list.append(child);
}

QStringList Inventory::groupNames() const
{
    QSet<QString> names(m_declared.cbegin(), m_declared.cend());
    for (auto it = m_children.cbegin(); it != m_children.cend(); ++it) {
        names.insert(it.key());
        for (const QString &c : it.value())
            names.insert(c);
    }
    for (const Target &t : m_targets) {
        for (const QString &g : t.groups)
            names.insert(g);
    }
    QStringList out(names.cbegin(), names.cend());
    out.sort();
    return out;
}

bool Inventory::hasGroup(const QString &group) const
{
    return groupNames().contains(group);
}

bool Inventory::members(const QString &group, QList<Target> *out, QString *error) const
{
    out->clear();
    if (!hasGroup(group)) {
        QStringList known = groupNames();
        *error =
            known.isEmpty()
                ? InventoryMessages::tr("no group '%1': the saved inventory has no groups; import "
                                        "some with volley-cli inventory import FILE")
                      .arg(group)
                : InventoryMessages::tr("no group '%1' in the saved inventory (groups: %2)")
                      .arg(group, known.join(QStringLiteral(", ")));
        return false;
    }
    // Collect the group and its descendants; a cycle (a child of itself) just stops.
    QSet<QString> all;
    QStringList queue{group};
    while (!queue.isEmpty()) {
        const QString g = queue.takeFirst();
        if (all.contains(g))
            continue;
        all.insert(g);
        queue += m_children.value(g);
    }
    for (const Target &t : m_targets) {
        if (std::any_of(t.groups.cbegin(), t.groups.cend(),
                        [&](const QString &g) { return all.contains(g); }))
            out->append(t);
    }
    return true;
}

QList<Target> Inventory::withTag(const QString &tag) const
{
    QList<Target> out;
    const qsizetype eq = tag.indexOf(QLatin1Char('='));
    for (const Target &t : m_targets) {
        const bool var =
            eq > 0 && t.vars.value(tag.left(eq), QStringLiteral("\x01")) == tag.mid(eq + 1);
        if (t.tags.contains(tag) || var)
            out.append(t);
    }
    return out;
}

QStringList Inventory::tagNames() const
{
    QSet<QString> names;
    for (const Target &t : m_targets) {
        for (const QString &tag : t.tags)
            names.insert(tag);
    }
    QStringList out(names.cbegin(), names.cend());
    out.sort();
    return out;
}

QJsonObject targetToJson(const Target &t)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), t.name);
    if (t.isLocal())
        o.insert(QStringLiteral("transport"), transportName(t.transport));
    if (!t.address.isEmpty())
        o.insert(QStringLiteral("address"), t.address);
    if (t.port)
        o.insert(QStringLiteral("port"), t.port);
    if (!t.user.isEmpty())
        o.insert(QStringLiteral("user"), t.user);
    if (!t.identityFiles.isEmpty())
        o.insert(QStringLiteral("identityFiles"), toArray(t.identityFiles));
    if (!t.proxyJump.isEmpty())
        o.insert(QStringLiteral("proxyJump"), t.proxyJump);
    if (!t.knownHostsFile.isEmpty())
        o.insert(QStringLiteral("knownHostsFile"), t.knownHostsFile);
    if (!t.groups.isEmpty())
        o.insert(QStringLiteral("groups"), toArray(t.groups));
    if (!t.tags.isEmpty())
        o.insert(QStringLiteral("tags"), toArray(t.tags));
    if (!t.commands.isEmpty())
        o.insert(QStringLiteral("commands"), toArray(t.commands));
    if (!t.note.isEmpty())
        o.insert(QStringLiteral("note"), t.note);
    if (!t.vars.isEmpty()) {
        QJsonObject vars;
        for (auto it = t.vars.cbegin(); it != t.vars.cend(); ++it)
            vars.insert(it.key(), it.value());
        o.insert(QStringLiteral("vars"), vars);
    }
    return o;
}

bool targetFromJson(const QJsonObject &o, Target *out, QString *error)
{
    Target t;
    if (!o.value(QStringLiteral("name")).isString() ||
        o.value(QStringLiteral("name")).toString().trimmed().isEmpty()) {
        *error = InventoryMessages::tr("a target needs a non-empty string 'name'");
        return false;
    }
    t.name = o.value(QStringLiteral("name")).toString();
    QString transport = QStringLiteral("ssh");
    if (!readString(o, QStringLiteral("transport"), &transport, error))
        return false;
    if (transport == QLatin1String("local"))
        t.transport = Transport::Local;
    else if (transport != QLatin1String("ssh")) {
        *error = InventoryMessages::tr("'transport' is '%1'; use 'ssh' or 'local'").arg(transport);
        return false;
    }
    const QJsonValue port = o.value(QStringLiteral("port"));
    if (!port.isUndefined()) {
        const double p = port.toDouble(-1);
        if (!port.isDouble() || p < 1 || p > 65535 || p != int(p)) {
            *error = InventoryMessages::tr("'port' must be a number from 1 to 65535");
            return false;
        }
        t.port = int(p);
    }
    if (!readString(o, QStringLiteral("address"), &t.address, error) ||
        !readString(o, QStringLiteral("user"), &t.user, error) ||
        !readStringList(o, QStringLiteral("identityFiles"), &t.identityFiles, error) ||
        !readString(o, QStringLiteral("proxyJump"), &t.proxyJump, error) ||
        !readString(o, QStringLiteral("knownHostsFile"), &t.knownHostsFile, error) ||
        !readStringList(o, QStringLiteral("groups"), &t.groups, error) ||
        !readStringList(o, QStringLiteral("tags"), &t.tags, error) ||
        !readStringList(o, QStringLiteral("commands"), &t.commands, error) ||
        !readString(o, QStringLiteral("note"), &t.note, error))
        return false;
    const QJsonValue vars = o.value(QStringLiteral("vars"));
    if (!vars.isUndefined()) {
        if (!vars.isObject()) {
            *error = InventoryMessages::tr("'vars' must be an object of strings");
            return false;
        }
        const QJsonObject v = vars.toObject();
        for (auto it = v.constBegin(); it != v.constEnd(); ++it) {
            // Numbers and booleans from hand-written files are kept as text.
            const QJsonValue val = it.value();
            if (val.isString())
                t.vars.insert(it.key(), val.toString());
            else if (val.isDouble() || val.isBool())
                t.vars.insert(it.key(), val.toVariant().toString());
            else {
                *error = InventoryMessages::tr("var '%1' must be a string, number or boolean")
                             .arg(it.key());
                return false;
            }
        }
    }
    if (!t.isLocal() && t.address.isEmpty())
        t.address = t.name;
    *out = t;
    return true;
}

QJsonObject Inventory::toJson() const
{
    QJsonObject doc;
    doc.insert(QStringLiteral("format"), QStringLiteral("volley-inventory"));
    doc.insert(QStringLiteral("schemaVersion"), kSchemaVersion);
    QJsonArray targets;
    for (const Target &t : m_targets)
        targets.append(targetToJson(t));
    doc.insert(QStringLiteral("targets"), targets);
    QJsonObject groups;
    for (const QString &g : groupNames()) {
        QJsonObject group;
        if (m_children.contains(g))
            group.insert(QStringLiteral("children"), toArray(m_children.value(g)));
        groups.insert(g, group);
    }
    doc.insert(QStringLiteral("groups"), groups);
    return doc;
}

bool Inventory::fromJson(const QJsonObject &doc, Inventory *out, QString *error)
{
    Inventory inv;
    const QJsonValue version = doc.value(QStringLiteral("schemaVersion"));
    if (version.toInt(-1) != kSchemaVersion) {
        *error = InventoryMessages::tr("schemaVersion is %1, expected %2")
                     .arg(version.isUndefined() ? QStringLiteral("missing")
                                                : version.toVariant().toString())
                     .arg(kSchemaVersion);
        return false;
    }
    const QJsonValue targets = doc.value(QStringLiteral("targets"));
    if (!targets.isArray()) {
        *error = InventoryMessages::tr("'targets' must be a list");
        return false;
    }
    const QJsonArray list = targets.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        Target t;
        QString why;
        if (!list.at(i).isObject() || !targetFromJson(list.at(i).toObject(), &t, &why)) {
            *error = InventoryMessages::tr("target #%1: %2")
                         .arg(i + 1)
                         .arg(why.isEmpty() ? InventoryMessages::tr("must be an object") : why);
            return false;
        }
        inv.add(t);
    }
    const QJsonValue groups = doc.value(QStringLiteral("groups"));
    if (!groups.isUndefined() && !groups.isObject()) {
        *error = InventoryMessages::tr("'groups' must be an object");
        return false;
    }
    const QJsonObject g = groups.toObject();
    for (auto it = g.constBegin(); it != g.constEnd(); ++it) {
        inv.addGroup(it.key());
        QStringList children;
        QString why;
        if (!it.value().isObject() ||
            !readStringList(it.value().toObject(), QStringLiteral("children"), &children, &why)) {
            *error = InventoryMessages::tr("group '%1': %2")
                         .arg(it.key(),
                              why.isEmpty() ? InventoryMessages::tr("must be an object") : why);
            return false;
        }
        for (const QString &c : std::as_const(children))
            inv.addChild(it.key(), c);
    }
    *out = inv;
    return true;
}

} // namespace volley
