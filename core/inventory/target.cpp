// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/target.h"

#include "trcontexts.h"

namespace volley {

QString transportName(Transport t)
{
    return t == Transport::Local ? QStringLiteral("local") : QStringLiteral("ssh");
}

bool Target::fromSpec(const QString &specIn, Target *out, QString *error)
{
    const QString spec = specIn.trimmed();
    *out = Target();
    auto bad = [&](const QString &why) {
        *error = InventoryMessages::tr("bad target '%1': %2").arg(specIn, why);
        return false;
    };
    if (spec.isEmpty())
        return bad(InventoryMessages::tr("empty name"));
    for (const QChar c : spec) {
        // Control and format characters (NUL, BOM, ...) are invisible in every
        // listing and never part of a real host or user name.
        const QChar::Category cat = c.category();
        if (cat == QChar::Other_Control || cat == QChar::Other_Format ||
            cat == QChar::Other_Surrogate || cat == QChar::Other_NotAssigned)
            return bad(
                InventoryMessages::tr("it contains the invisible character U+%1; retype the name")
                    .arg(c.unicode(), 4, 16, QLatin1Char('0')));
    }
    if (spec.startsWith(QLatin1Char('!')))
        return bad(InventoryMessages::tr("a name cannot start with '!' (in host patterns it means "
                                         "\"exclude\")"));
    if (spec == QLatin1String("local") || spec.startsWith(QLatin1String("local:"))) {
        out->transport = Transport::Local;
        out->name = spec;
        if (spec.size() == 6 && spec.endsWith(QLatin1Char(':')))
            return bad(
                InventoryMessages::tr("'local:' needs a name after the colon, e.g. local:build"));
        return true;
    }
    QString rest = spec;
    const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
    if (at == 0)
        return bad(InventoryMessages::tr("empty user before '@'"));
    if (at > 0) {
        out->user = rest.left(at);
        rest = rest.mid(at + 1);
    }
    QString host = rest;
    QString portText;
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        if (close < 0)
            return bad(InventoryMessages::tr("'[' without a closing ']' around an IPv6 address"));
        host = rest.mid(1, close - 1);
        const QString tail = rest.mid(close + 1);
        if (!tail.isEmpty()) {
            if (!tail.startsWith(QLatin1Char(':')))
                return bad(InventoryMessages::tr("unexpected '%1' after ']'").arg(tail));
            portText = tail.mid(1);
        }
    } else if (rest.count(QLatin1Char(':')) == 1) {
        host = rest.section(QLatin1Char(':'), 0, 0);
        portText = rest.section(QLatin1Char(':'), 1);
    } else if (rest.count(QLatin1Char(':')) > 1) {
        // A bare IPv6 address without a port.
        host = rest;
    }
    if (host.isEmpty())
        return bad(InventoryMessages::tr("empty host name"));
    for (const QChar c : host) {
        if (c.isSpace() || c == QLatin1Char('/') || c == QLatin1Char('\''))
            return bad(InventoryMessages::tr("the host name contains '%1'").arg(c));
    }
    if (!portText.isNull()) {
        bool ok = false;
        const int port = portText.toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return bad(
                InventoryMessages::tr("port '%1' is not a number from 1 to 65535").arg(portText));
        out->port = port;
    }
    out->transport = Transport::Ssh;
    out->address = host;
    out->name = spec;
    return true;
}

} // namespace volley
