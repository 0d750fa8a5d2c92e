// SPDX-License-Identifier: GPL-3.0-or-later
// volley-cli hosts (expand/fold patterns) and volley-cli inventory (import,
// list, export the saved inventory).
#include "commands.h"

#include "inventory/hostpattern.h"
#include "inventory/importer.h"
#include "inventory/inventorystore.h"
#include "inventory/targetselection.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

#include <cstdio>

namespace volley::cli {

namespace {

void out(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

int fail(const char *command, const QString &why, int code = ExitUsage)
{
    std::fprintf(stderr, "volley-cli %s: %s\n", command, qPrintable(why));
    return code;
}

/// Parses args; returns -1 to go on, otherwise the exit status (help or error).
int parse(QCommandLineParser *parser, const QStringList &args, const char *command)
{
    parser->addHelpOption();
    if (!parser->parse(args))
        return fail(command, InventoryText::tr("%1; see volley-cli %2 --help")
                                 .arg(parser->errorText(), QLatin1String(command)));
    if (parser->isSet(QStringLiteral("help"))) {
        out(subcommandHelp(*parser, QLatin1String(command)));
        return ExitOk;
    }
    return -1;
}

/// Loads the saved inventory, telling the user about anything the store had to repair.
bool loadSaved(InventoryStore *store, Inventory *inv, QString *error)
{
    InventoryStore::LoadReport report;
    if (!store->load(inv, &report, error))
        return false;
    if (!report.problem.isEmpty())
        std::fprintf(stderr, "volley-cli: %s\n",
                     qPrintable(InventoryText::tr("warning: %1").arg(report.problem)));
    if (report.migrated)
        std::fprintf(
            stderr, "volley-cli: %s\n",
            qPrintable(InventoryText::tr("the inventory was upgraded from schema %1; "
                                         "the old file is kept as %2")
                           .arg(QString::number(report.fromSchema), report.migrationBackup)));
    return true;
}

QString withBrackets(const QString &address)
{
    return address.contains(QLatin1Char(':')) ? QLatin1Char('[') + address + QLatin1Char(']')
                                              : address;
}

int hostsExpand(const QStringList &patterns, const QStringList &excludes)
{
    Inventory saved;
    const bool needsInventory =
        std::any_of(patterns.cbegin(), patterns.cend(),
                    [](const QString &p) { return p.contains(QLatin1Char('@')); }) ||
        std::any_of(excludes.cbegin(), excludes.cend(),
                    [](const QString &p) { return p.contains(QLatin1Char('@')); });
    if (needsInventory) {
        InventoryStore store;
        QString error;
        if (!loadSaved(&store, &saved, &error))
            return fail("hosts", error, ExitCouldNotRun);
    }
    QStringList names;
    QStringList excluded;
    for (const QString &p : patterns) {
        QStringList more;
        QString error;
        if (!expandWithInventory(saved, p, &more, &error))
            return fail("hosts", error);
        names += more;
    }
    for (const QString &x : excludes) {
        QStringList more;
        QString error;
        if (!expandWithInventory(saved, x, &more, &error))
            return fail("hosts", QStringLiteral("-x: ") + error);
        excluded += more;
    }
    if (names.size() > HostPattern::kMaxNames)
        return fail("hosts", InventoryText::tr("the patterns expand past %1 names together; split "
                                               "them")
                                 .arg(HostPattern::kMaxNames));
    names.removeDuplicates();
    QString text;
    for (const QString &n : std::as_const(names)) {
        const bool drop = std::any_of(excluded.cbegin(), excluded.cend(), [&](const QString &x) {
            return HostPattern::excludes(x, n);
        });
        if (!drop)
            text += n + QLatin1Char('\n');
    }
    out(text);
    return ExitOk;
}

int hostsFold(QStringList names)
{
    if (names.isEmpty()) {
        // Names from a pipe: one per line, or separated by blanks or commas.
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return fail("hosts", InventoryText::tr("cannot read names from standard input"));
        names.append(QString::fromUtf8(in.readAll()));
    }
    static const QRegularExpression seps(QStringLiteral("[\\s,]+"));
    QStringList all;
    for (const QString &n : std::as_const(names))
        all += n.split(seps, Qt::SkipEmptyParts);
    if (all.isEmpty())
        return fail("hosts",
                    InventoryText::tr("fold needs names, as arguments or on standard input"));
    out(HostPattern::fold(all) + QLatin1Char('\n'));
    return ExitOk;
}

int inventoryImport(const QCommandLineParser &parser, const QStringList &files)
{
    InventoryFormat format = InventoryFormat::Auto;
    const QString formatText = parser.value(QStringLiteral("format"));
    if (!formatText.isEmpty() && !formatFromName(formatText, &format))
        return fail("inventory", InventoryText::tr("unknown --format '%1'; use one of %2")
                                     .arg(formatText, formatNames().join(QStringLiteral(", "))));
    if (files.isEmpty())
        return fail("inventory", InventoryText::tr("import needs a FILE; see volley-cli inventory "
                                                   "--help"));
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    Inventory imported;
    int taken = 0;
    int skipped = 0;
    for (const QString &file : files) {
        ImportResult result;
        QString error;
        if (!Importer::importFile(file, format, &result, &error))
            return fail("inventory", error);
        QString text = InventoryText::tr("%1: read as %2").arg(file, formatName(result.format));
        if (!result.detectedBecause.isEmpty())
            text += QStringLiteral(" (%1)").arg(result.detectedBecause);
        text += QLatin1Char('\n');
        for (const ImportNote &n : std::as_const(result.taken))
            text += InventoryText::tr("  took    %1").arg(n.toString()) + QLatin1Char('\n');
        for (const ImportNote &n : std::as_const(result.skipped))
            text += InventoryText::tr("  skipped %1").arg(n.toString()) + QLatin1Char('\n');
        out(text);
        taken += int(result.taken.size());
        skipped += int(result.skipped.size());
        imported.merge(result.inventory);
    }
    if (imported.isEmpty())
        return fail("inventory", InventoryText::tr("no targets found in %1; nothing imported (try "
                                                   "--format to name the format)")
                                     .arg(files.join(QStringLiteral(", "))));
    if (dryRun) {
        out(InventoryText::tr("dry run: %1 targets understood, %2 entries skipped; nothing saved")
                .arg(imported.size())
                .arg(skipped) +
            QLatin1Char('\n'));
        return ExitOk;
    }
    InventoryStore store;
    Inventory saved;
    QString error;
    if (!loadSaved(&store, &saved, &error))
        return fail("inventory", error, ExitCouldNotRun);
    const qsizetype before = saved.size();
    saved.merge(imported);
    if (!store.save(saved, &error))
        return fail("inventory", error, ExitCouldNotRun);
    out(InventoryText::tr("saved %1 targets (%2 new, %3 updated, %4 skipped) to %5")
            .arg(taken)
            .arg(saved.size() - before)
            .arg(imported.size() - (saved.size() - before))
            .arg(skipped)
            .arg(store.path()) +
        QLatin1Char('\n'));
    return ExitOk;
}

int inventoryList(const QCommandLineParser &parser)
{
    InventoryStore store;
    Inventory saved;
    QString error;
    if (!loadSaved(&store, &saved, &error))
        return fail("inventory", error, ExitCouldNotRun);
    QList<Target> targets = saved.targets();
    if (parser.isSet(QStringLiteral("group"))) {
        if (!saved.members(parser.value(QStringLiteral("group")), &targets, &error))
            return fail("inventory", error);
    }
    if (parser.isSet(QStringLiteral("tag"))) {
        const QString tag = parser.value(QStringLiteral("tag"));
        const QList<Target> tagged = saved.withTag(tag);
        targets.removeIf([&](const Target &t) {
            return std::none_of(tagged.cbegin(), tagged.cend(),
                                [&](const Target &x) { return x.name == t.name; });
        });
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const Target &t : std::as_const(targets))
            list.append(targetToJson(t));
        out(QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    QList<QStringList> rows{{InventoryText::tr("NAME"), InventoryText::tr("ADDRESS"),
                             InventoryText::tr("PORT"), InventoryText::tr("USER"),
                             InventoryText::tr("GROUPS"), InventoryText::tr("TAGS")}};
    for (const Target &t : std::as_const(targets)) {
        rows.append({t.name, t.isLocal() ? InventoryText::tr("(local)") : withBrackets(t.address),
                     t.port ? QString::number(t.port) : QStringLiteral("-"),
                     t.user.isEmpty() ? QStringLiteral("-") : t.user,
                     t.groups.isEmpty() ? QStringLiteral("-") : t.groups.join(QLatin1Char(',')),
                     t.tags.isEmpty() ? QStringLiteral("-") : t.tags.join(QLatin1Char(','))});
    }
    QList<qsizetype> widths(rows.first().size(), 0);
    for (const QStringList &r : std::as_const(rows)) {
        for (qsizetype c = 0; c < r.size(); ++c)
            widths[c] = std::max(widths[c], r.at(c).size());
    }
    QString text;
    for (const QStringList &r : std::as_const(rows)) {
        QString line;
        for (qsizetype c = 0; c < r.size(); ++c)
            line += r.at(c).leftJustified(widths.at(c) + 2);
        text += line.trimmed() + QLatin1Char('\n');
    }
    if (targets.isEmpty() && saved.isEmpty())
        text += InventoryText::tr("(the inventory is empty; add hosts with volley-cli "
                                  "inventory import FILE)") +
                QLatin1Char('\n');
    out(text);
    return ExitOk;
}

int inventoryExport(const QCommandLineParser &parser)
{
    InventoryFormat format = InventoryFormat::Json;
    const QString formatText = parser.value(QStringLiteral("format"));
    if (!formatText.isEmpty() &&
        (!formatFromName(formatText, &format) ||
         (format != InventoryFormat::Json && format != InventoryFormat::AnsibleIni &&
          format != InventoryFormat::List)))
        return fail("inventory",
                    InventoryText::tr("cannot export as '%1'; use json, ansible-ini or "
                                      "list")
                        .arg(formatText));
    InventoryStore store;
    Inventory saved;
    QString error;
    if (!loadSaved(&store, &saved, &error))
        return fail("inventory", error, ExitCouldNotRun);
    QByteArray bytes;
    if (!Exporter::write(saved, format, &bytes, &error))
        return fail("inventory", error);
    const QString path = parser.value(QStringLiteral("output"));
    if (path.isEmpty() || path == QLatin1String("-")) {
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
        return ExitOk;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail("inventory",
                    InventoryText::tr("cannot write %1: %2").arg(path, file.errorString()),
                    ExitCouldNotRun);
    return ExitOk;
}

int inventoryRemove(const QStringList &names)
{
    if (names.isEmpty())
        return fail("inventory", InventoryText::tr("remove needs target names"));
    InventoryStore store;
    Inventory saved;
    QString error;
    if (!loadSaved(&store, &saved, &error))
        return fail("inventory", error, ExitCouldNotRun);
    for (const QString &n : names) {
        if (!saved.find(n))
            return fail("inventory", InventoryText::tr("no target '%1' in the inventory; see "
                                                       "volley-cli inventory list")
                                         .arg(n));
    }
    for (const QString &n : names)
        saved.remove(n);
    if (!store.save(saved, &error))
        return fail("inventory", error, ExitCouldNotRun);
    return ExitOk;
}

} // namespace

int hostsCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(InventoryText::tr(
        "Expand host patterns into names, or fold names into patterns.\n\n"
        "Patterns: web[01-20].lab,db1  10.0.[1-2].[1-50]  n[1-3,7]  root@host:2222\n"
        "          [::1]:2222  @group (saved inventory)  !web07 (exclude)\n\n"
        "Examples:\n"
        "  volley-cli hosts expand 'web[01-04].lab,!web03.lab'\n"
        "  volley-cli hosts expand @prod -x @db\n"
        "  volley-cli hosts fold web01 web02 web03 web05\n"
        "  printf 'n1\\nn2\\nn3\\n' | volley-cli hosts fold"));
    parser.addPositionalArgument(QStringLiteral("expand|fold"), InventoryText::tr("What to do."));
    parser.addPositionalArgument(
        QStringLiteral("ARGS"),
        InventoryText::tr("Patterns to expand, or names to fold (read from "
                          "standard input when none)."),
        QStringLiteral("[ARGS...]"));
    parser.addOption(QCommandLineOption({QStringLiteral("x"), QStringLiteral("exclude")},
                                        InventoryText::tr("Leave out names matching PATTERN."),
                                        QStringLiteral("PATTERN")));
    if (const int status = parse(&parser, args, "hosts"); status >= 0)
        return status;
    QStringList pos = parser.positionalArguments();
    if (pos.isEmpty())
        return fail("hosts",
                    InventoryText::tr("expected 'expand PATTERN...' or 'fold NAME...'; see "
                                      "volley-cli hosts --help"));
    const QString action = pos.takeFirst();
    if (action == QLatin1String("expand")) {
        if (pos.isEmpty())
            return fail("hosts", InventoryText::tr("expand needs a PATTERN, e.g. 'web[01-04]'"));
        return hostsExpand(pos, parser.values(QStringLiteral("x")));
    }
    if (action == QLatin1String("fold"))
        return hostsFold(pos);
    return fail("hosts", InventoryText::tr("unknown action '%1'; use expand or fold").arg(action));
}

int inventoryCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        InventoryText::tr("Import, list and export the saved inventory (%1).\n\n"
                          "Actions:\n"
                          "  import FILE... [--format F] [--dry-run]   add hosts from files\n"
                          "  list [--group G] [--tag T] [--json]       show saved targets\n"
                          "  export [--format json|ansible-ini|list] [-o FILE]\n"
                          "  remove NAME...                            forget targets\n"
                          "  path                                      print the file's path\n\n"
                          "Import formats: %2 (auto detects from the name and content).\n\n"
                          "Examples:\n"
                          "  volley-cli inventory import ~/.ssh/config --dry-run\n"
                          "  volley-cli inventory import hosts.yml\n"
                          "  volley-cli inventory list --group web\n"
                          "  volley-cli inventory export --format ansible-ini > hosts.ini")
            .arg(InventoryStore::defaultPath(), formatNames().join(QStringLiteral(", "))));
    parser.addPositionalArgument(QStringLiteral("action"),
                                 InventoryText::tr("import, list, export, remove or path."));
    parser.addOptions({
        QCommandLineOption(QStringLiteral("format"),
                           InventoryText::tr("File format (import: auto by default; export: json "
                                             "by default)."),
                           QStringLiteral("F")),
        QCommandLineOption(QStringLiteral("dry-run"),
                           InventoryText::tr("Show what import understood; save nothing.")),
        QCommandLineOption(QStringLiteral("group"), InventoryText::tr("Only targets of group G."),
                           QStringLiteral("G")),
        QCommandLineOption(QStringLiteral("tag"), InventoryText::tr("Only targets with tag T."),
                           QStringLiteral("T")),
        QCommandLineOption(QStringLiteral("json"), InventoryText::tr("List as JSON.")),
        QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                           InventoryText::tr("Export to FILE instead of standard output."),
                           QStringLiteral("FILE")),
    });
    if (const int status = parse(&parser, args, "inventory"); status >= 0)
        return status;
    QStringList pos = parser.positionalArguments();
    if (pos.isEmpty())
        return fail("inventory",
                    InventoryText::tr("expected an action: import, list, export, "
                                      "remove or path; see volley-cli inventory --help"));
    const QString action = pos.takeFirst();
    if (action == QLatin1String("import"))
        return inventoryImport(parser, pos);
    if (!pos.isEmpty() && action != QLatin1String("remove"))
        return fail("inventory",
                    InventoryText::tr("unexpected '%1' after '%2'").arg(pos.first(), action));
    if (action == QLatin1String("list"))
        return inventoryList(parser);
    if (action == QLatin1String("export"))
        return inventoryExport(parser);
    if (action == QLatin1String("remove"))
        return inventoryRemove(pos);
    if (action == QLatin1String("path")) {
        out(InventoryStore::defaultPath() + QLatin1Char('\n'));
        return ExitOk;
    }
    return fail("inventory", InventoryText::tr("unknown action '%1'; use import, list, export, "
                                               "remove or path")
                                 .arg(action));
}

} // namespace volley::cli
