// SPDX-License-Identifier: GPL-3.0-or-later
// One libFuzzer target per parser; VOLLEY_FUZZ_PARSER picks which. Beyond
// "no crash, no hang, no sanitizer report", each target checks a property:
// a failure always has a message, host patterns survive fold(expand(p)), and
// whatever an importer accepts survives a round trip through Volley JSON.
#include "inventory/hostpattern.h"
#include "inventory/importer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace volley;

namespace {

[[noreturn]] void broken(const char *what, const QString &detail)
{
    std::fprintf(stderr, "property violated: %s: %s\n", what, qPrintable(detail));
    std::abort();
}

void fuzzHostPattern(const QByteArray &bytes)
{
    HostPattern::Options options;
    options.maxNames = 5000; // keeps each run fast; the limit logic is what is tested
    options.resolveGroup = [](const QString &group, QStringList *names, QString *error) {
        if (group.size() > 3) {
            *error = QStringLiteral("no group '%1'").arg(group);
            return false;
        }
        *names = {group + QStringLiteral("-1"), group + QStringLiteral("-2")};
        return true;
    };
    const QString pattern = QString::fromUtf8(bytes);
    QStringList names;
    QString error;
    if (!HostPattern::expand(pattern, options, &names, &error)) {
        if (error.isEmpty() || !names.isEmpty())
            broken("expand failed without a message or left names", pattern);
        return;
    }
    if (names.isEmpty())
        return;
    const QString folded = HostPattern::fold(names);
    QStringList again;
    if (!HostPattern::expand(folded, options, &again, &error))
        broken("fold produced a pattern expand rejects", folded + QStringLiteral(" / ") + error);
    if (QSet<QString>(again.cbegin(), again.cend()) != QSet<QString>(names.cbegin(), names.cend()))
        broken("fold(expand(p)) is not the same set", pattern + QStringLiteral(" -> ") + folded);
}

void fuzzImporter(const QByteArray &bytes, InventoryFormat format)
{
    ImportResult result;
    QString error;
    // No file name: ssh "Include" is not followed, so the fuzzer reads no files.
    if (!Importer::parse(bytes, QString(), format, &result, &error)) {
        if (error.isEmpty())
            broken("import failed without a message", QString::fromUtf8(bytes.left(200)));
        return;
    }
    ImportResult back;
    if (!Importer::parse(Exporter::toJson(result.inventory), QStringLiteral("export.json"),
                         InventoryFormat::Json, &back, &error))
        broken("the JSON export of an import does not read back", error);
    if (!(back.inventory == result.inventory)) {
        // Name the first target that differs, so the report is readable.
        QString detail = QStringLiteral("groups or children differ");
        const QList<Target> &a = result.inventory.targets();
        const QList<Target> &b = back.inventory.targets();
        for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
            if (i >= a.size() || i >= b.size() || !(a.at(i) == b.at(i))) {
                detail = QString::fromUtf8(
                    QJsonDocument(QJsonArray{i < a.size() ? targetToJson(a.at(i)) : QJsonObject(),
                                             i < b.size() ? targetToJson(b.at(i)) : QJsonObject()})
                        .toJson(QJsonDocument::Compact));
                break;
            }
        }
        broken("the JSON export of an import reads back different", detail);
    }
    Exporter::toAnsibleIni(result.inventory);
    Exporter::toList(result.inventory);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const char *parser = VOLLEY_FUZZ_PARSER;
    if (std::strcmp(parser, "hostpattern") == 0) {
        fuzzHostPattern(bytes);
        return 0;
    }
    InventoryFormat format = InventoryFormat::Auto;
    if (!formatFromName(QString::fromLatin1(parser).replace(QLatin1Char('_'), QLatin1Char('-')),
                        &format))
        broken("unknown parser", QString::fromLatin1(parser));
    fuzzImporter(bytes, format);
    return 0;
}
