// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/importer.h"

#include "trcontexts.h"

#include <QJsonDocument>
#include <QSet>

namespace volley::Exporter {

namespace {

/// Quotes an INI value the way Ansible's shlex reads it back.
QString iniValue(const QString &v)
{
    const bool plain = !v.isEmpty() && std::none_of(v.cbegin(), v.cend(), [](QChar c) {
        return c.isSpace() || c == QLatin1Char('\'') || c == QLatin1Char('"') ||
               c == QLatin1Char('#');
    });
    if (plain)
        return v;
    if (!v.contains(QLatin1Char('\'')))
        return QLatin1Char('\'') + v + QLatin1Char('\'');
    QString escaped = v;
    escaped.remove(QLatin1Char('"')); // shlex cannot hold both quote kinds here
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString hostLine(const Target &t)
{
    QStringList parts{t.name};
    auto add = [&](const QString &k, const QString &v) {
        parts.append(k + QLatin1Char('=') + iniValue(v));
    };
    if (t.isLocal())
        add(QStringLiteral("ansible_connection"), QStringLiteral("local"));
    else if (!t.address.isEmpty() && t.address != t.name)
        add(QStringLiteral("ansible_host"), t.address);
    if (t.port)
        add(QStringLiteral("ansible_port"), QString::number(t.port));
    if (!t.user.isEmpty())
        add(QStringLiteral("ansible_user"), t.user);
    if (!t.identityFiles.isEmpty())
        add(QStringLiteral("ansible_ssh_private_key_file"), t.identityFiles.first());
    // Vars first so a kept ansible_ssh_common_args is not written twice.
    for (auto it = t.vars.cbegin(); it != t.vars.cend(); ++it)
        add(it.key(), it.value());
    if (!t.proxyJump.isEmpty() && !t.vars.contains(QStringLiteral("ansible_ssh_common_args")))
        add(QStringLiteral("volley_proxy_jump"), t.proxyJump);
    if (!t.tags.isEmpty())
        add(QStringLiteral("volley_tags"), t.tags.join(QLatin1Char(',')));
    if (!t.note.isEmpty())
        add(QStringLiteral("volley_note"),
            QString(t.note).replace(QLatin1Char('\n'), QLatin1Char(' ')));
    return parts.join(QLatin1Char(' '));
}

} // namespace

QByteArray toJson(const Inventory &inventory)
{
    return QJsonDocument(inventory.toJson()).toJson(QJsonDocument::Indented);
}

QByteArray toAnsibleIni(const Inventory &inventory)
{
    QString out = QStringLiteral("# Ansible inventory written by Volley %1\n")
                      .arg(QStringLiteral(VOLLEY_VERSION));
    // Each host's vars are written once, where it first appears.
    QSet<QString> described;
    auto line = [&](const Target &t) {
        if (described.contains(t.name))
            return t.name;
        described.insert(t.name);
        return hostLine(t);
    };
    for (const Target &t : inventory.targets()) {
        if (t.groups.isEmpty())
            out += line(t) + QLatin1Char('\n');
    }
    for (const QString &g : inventory.groupNames()) {
        out += QStringLiteral("\n[%1]\n").arg(g);
        for (const Target &t : inventory.targets()) {
            if (t.groups.contains(g))
                out += line(t) + QLatin1Char('\n');
        }
        const QStringList children = inventory.children(g);
        if (!children.isEmpty())
            out += QStringLiteral("\n[%1:children]\n%2\n").arg(g, children.join(QLatin1Char('\n')));
    }
    return out.toUtf8();
}

QByteArray toList(const Inventory &inventory)
{
    QString out;
    for (const Target &t : inventory.targets()) {
        if (t.isLocal()) {
            out += t.name + QLatin1Char('\n');
            continue;
        }
        QString s;
        if (!t.user.isEmpty())
            s += t.user + QLatin1Char('@');
        const bool v6 = t.address.contains(QLatin1Char(':'));
        if (v6 && t.port)
            s += QLatin1Char('[') + t.address + QLatin1Char(']');
        else
            s += t.address.isEmpty() ? t.name : t.address;
        if (t.port)
            s += QLatin1Char(':') + QString::number(t.port);
        out += s + QLatin1Char('\n');
    }
    return out.toUtf8();
}

bool write(const Inventory &inventory, InventoryFormat format, QByteArray *out, QString *error)
{
    switch (format) {
    case InventoryFormat::Json:
        *out = toJson(inventory);
        return true;
    case InventoryFormat::AnsibleIni:
        *out = toAnsibleIni(inventory);
        return true;
    case InventoryFormat::List:
        *out = toList(inventory);
        return true;
    default:
        *error = InventoryMessages::tr("cannot export as %1; use json, ansible-ini or list")
                     .arg(formatName(format));
        return false;
    }
}

} // namespace volley::Exporter
