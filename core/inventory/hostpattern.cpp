// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/hostpattern.h"

namespace volley::HostPattern {

// Placeholder until the inventory work lands: comma lists only.
bool expand(const QString &pattern, QStringList *out, QString *error)
{
    out->clear();
    for (const QString &part : pattern.split(QLatin1Char(','))) {
        if (part.trimmed().isEmpty()) {
            *error = QStringLiteral("empty element in host pattern '%1'").arg(pattern);
            return false;
        }
        if (!out->contains(part.trimmed()))
            out->append(part.trimmed());
    }
    return true;
}

QString fold(const QStringList &names)
{
    return names.join(QLatin1Char(','));
}

} // namespace volley::HostPattern
