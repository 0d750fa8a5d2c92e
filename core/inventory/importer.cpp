// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/importer.h"

#include "inventory/hostpattern.h"
#include "inventory/importer_p.h"
#include "inventory/inventorystore.h"
#include "trcontexts.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace volley {

namespace {

struct FormatEntry
{
    InventoryFormat format;
    const char *name;
};

constexpr FormatEntry kFormats[] = {
    {InventoryFormat::Auto, "auto"},
    {InventoryFormat::List, "list"},
    {InventoryFormat::SshConfig, "ssh-config"},
    {InventoryFormat::AnsibleIni, "ansible-ini"},
    {InventoryFormat::AnsibleYaml, "ansible-yaml"},
    {InventoryFormat::Csv, "csv"},
    {InventoryFormat::Json, "json"},
    {InventoryFormat::KnownHosts, "known-hosts"},
};

/// Drops a comment that starts a line or follows whitespace ("web1  # old box").
QString stripComment(const QString &line)
{
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line.at(i) == QLatin1Char('#') && (i == 0 || line.at(i - 1).isSpace()))
            return line.left(i);
    }
    return line;
}

// ---- plain list -----------------------------------------------------------

bool parseList(const QByteArray &data, const QString &file, ImportResult *result)
{
    const QStringList lines = detail::splitLines(data);
    QHash<QString, int> firstLine;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i + 1);
        const QString text = stripComment(lines.at(i)).trimmed();
        if (text.isEmpty())
            continue;
        // People also put several names on a line, separated by blanks.
        static const QRegularExpression blanks(QStringLiteral("\\s+"));
        for (const QString &pattern : text.split(blanks, Qt::SkipEmptyParts)) {
            QStringList names;
            QString why;
            if (!HostPattern::expand(pattern, &names, &why)) {
                detail::noteSkipped(result, file, lineNo, why);
                continue;
            }
            for (const QString &name : std::as_const(names)) {
                Target t;
                if (!Target::fromSpec(name, &t, &why)) {
                    detail::noteSkipped(result, file, lineNo, why);
                    continue;
                }
                if (firstLine.contains(t.name)) {
                    detail::noteSkipped(result, file, lineNo,
                                        ImportMessages::tr("'%1' is a duplicate of line %2")
                                            .arg(t.name)
                                            .arg(firstLine.value(t.name)));
                    continue;
                }
                firstLine.insert(t.name, lineNo);
                result->inventory.add(t);
                detail::noteTaken(result, file, lineNo, t);
            }
        }
    }
    return true;
}

// ---- CSV ------------------------------------------------------------------

struct CsvRecord
{
    int line = 0;
    QStringList fields;
};

/// RFC 4180 records: quoted fields may hold the separator, "" and line breaks.
QList<CsvRecord> readCsv(const QString &text, QChar sep)
{
    QList<CsvRecord> records;
    CsvRecord rec;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    int line = 1;
    rec.line = 1;
    auto endField = [&] {
        rec.fields.append(wasQuoted ? field : field.trimmed());
        field.clear();
        wasQuoted = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
        } else if (c == QLatin1Char('"') && field.trimmed().isEmpty()) {
            quoted = true;
            wasQuoted = true;
            field.clear();
        } else if (c == sep) {
            endField();
        } else if (c == QLatin1Char('\n')) {
            endField();
            records.append(rec);
            rec = CsvRecord();
            ++line;
            rec.line = line;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !rec.fields.isEmpty() || wasQuoted) {
        endField();
        records.append(rec);
    }
    return records;
}

QStringList splitWords(const QString &s)
{
    static const QRegularExpression seps(QStringLiteral("[,;\\s]+"));
    return s.split(seps, Qt::SkipEmptyParts);
}

bool parseCsv(const QByteArray &data, const QString &file, ImportResult *result, QString *error)
{
    QString text = detail::splitLines(data).join(QLatin1Char('\n'));
    // Spreadsheets in many locales write ';' or tabs instead of commas.
    const QString header = text.section(QLatin1Char('\n'), 0, 0);
    QChar sep = QLatin1Char(',');
    if (header.count(QLatin1Char(';')) > header.count(sep))
        sep = QLatin1Char(';');
    if (header.count(QLatin1Char('\t')) > header.count(sep))
        sep = QLatin1Char('\t');
    QList<CsvRecord> records = readCsv(text, sep);
    while (!records.isEmpty() && (records.first().fields.join(QString()).trimmed().isEmpty() ||
                                  records.first().fields.first().startsWith(QLatin1Char('#'))))
        records.removeFirst();
    if (records.isEmpty()) {
        *error = ImportMessages::tr("%1: empty CSV file; the first line must be a header such as "
                                    "name,address,port,user,groups,tags,command")
                     .arg(file);
        return false;
    }
    enum Column {
        Name,
        Address,
        Port,
        User,
        Groups,
        Tags,
        Command,
        Identity,
        Jump,
        Note,
        TransportCol,
        Other
    };
    static const QHash<QString, Column> known = {
        {QStringLiteral("name"), Name},
        {QStringLiteral("address"), Address},
        {QStringLiteral("host"), Address},
        {QStringLiteral("hostname"), Address},
        {QStringLiteral("ip"), Address},
        {QStringLiteral("port"), Port},
        {QStringLiteral("user"), User},
        {QStringLiteral("username"), User},
        {QStringLiteral("groups"), Groups},
        {QStringLiteral("group"), Groups},
        {QStringLiteral("tags"), Tags},
        {QStringLiteral("tag"), Tags},
        {QStringLiteral("command"), Command},
        {QStringLiteral("commands"), Command},
        {QStringLiteral("identity"), Identity},
        {QStringLiteral("identityfile"), Identity},
        {QStringLiteral("key"), Identity},
        {QStringLiteral("proxyjump"), Jump},
        {QStringLiteral("jump"), Jump},
        {QStringLiteral("note"), Note},
        {QStringLiteral("notes"), Note},
        {QStringLiteral("comment"), Note},
        {QStringLiteral("transport"), TransportCol},
    };
    const CsvRecord head = records.takeFirst();
    QList<Column> columns;
    QStringList names;
    for (const QString &h : head.fields) {
        const QString key = h.trimmed().toLower();
        columns.append(known.value(key, Other));
        names.append(h.trimmed());
    }
    if (!columns.contains(Name) && !columns.contains(Address)) {
        *error = ImportMessages::tr("%1:%2: the header needs a 'name' or 'address' column, e.g. "
                                    "name,address,port,user,groups,tags,command (found: %3)")
                     .arg(file)
                     .arg(head.line)
                     .arg(names.join(QLatin1Char(',')));
        return false;
    }
    for (qsizetype c = 0; c < columns.size(); ++c) {
        if (columns.at(c) == Other && !names.at(c).isEmpty())
            detail::noteSkipped(result, file, head.line,
                                ImportMessages::tr("unknown column '%1': its values are kept as "
                                                   "vars")
                                    .arg(names.at(c)));
    }
    QHash<QString, int> firstLine;
    for (const CsvRecord &rec : std::as_const(records)) {
        if (rec.fields.join(QString()).trimmed().isEmpty())
            continue;
        if (rec.fields.first().trimmed().startsWith(QLatin1Char('#')))
            continue;
        Target t;
        QString name;
        QString address;
        QString bad;
        for (qsizetype c = 0; c < rec.fields.size() && bad.isEmpty(); ++c) {
            const QString v = rec.fields.at(c);
            if (c >= columns.size()) {
                if (!v.trimmed().isEmpty())
                    bad = ImportMessages::tr("more fields than the header has columns; quote "
                                             "values that contain '%1'")
                              .arg(sep);
                continue;
            }
            switch (columns.at(c)) {
            case Name:
                name = v.trimmed();
                break;
            case Address:
                address = v.trimmed();
                break;
            case Port:
                if (!v.trimmed().isEmpty()) {
                    bool ok = false;
                    t.port = v.trimmed().toInt(&ok);
                    if (!ok || t.port < 1 || t.port > 65535)
                        bad =
                            ImportMessages::tr("port '%1' is not a number from 1 to 65535").arg(v);
                }
                break;
            case User:
                t.user = v.trimmed();
                break;
            case Groups:
                t.groups = splitWords(v);
                break;
            case Tags:
                t.tags = splitWords(v);
                break;
            case Command:
                if (!v.trimmed().isEmpty())
                    t.commands.append(v.trimmed());
                break;
            case Identity:
                if (!v.trimmed().isEmpty())
                    t.identityFiles.append(v.trimmed());
                break;
            case Jump:
                t.proxyJump = v.trimmed();
                break;
            case Note:
                t.note = v.trimmed();
                break;
            case TransportCol:
                if (v.trimmed() == QLatin1String("local"))
                    t.transport = Transport::Local;
                else if (!v.trimmed().isEmpty() && v.trimmed() != QLatin1String("ssh"))
                    bad = ImportMessages::tr("transport '%1' is neither ssh nor local").arg(v);
                break;
            case Other:
                if (!v.isEmpty() && !names.at(c).isEmpty())
                    t.vars.insert(names.at(c), v);
                break;
            }
        }
        if (name.isEmpty())
            name = address;
        if (bad.isEmpty() && name.isEmpty())
            bad = ImportMessages::tr("no name and no address");
        if (bad.isEmpty()) {
            // "root@web01:2222" in one cell is read the way -H reads it.
            Target spec;
            const QString specText = address.isEmpty() ? name : address;
            if (t.transport == Transport::Local || name == QLatin1String("local") ||
                name.startsWith(QLatin1String("local:"))) {
                t.transport = Transport::Local;
                t.address.clear();
            } else if (Target::fromSpec(specText, &spec, &bad)) {
                t.address = spec.address;
                if (!spec.user.isEmpty() && t.user.isEmpty())
                    t.user = spec.user;
                if (spec.port && !t.port)
                    t.port = spec.port;
            }
            t.name = name;
        }
        if (!bad.isEmpty()) {
            detail::noteSkipped(result, file, rec.line, bad);
            continue;
        }
        if (firstLine.contains(t.name)) {
            detail::noteSkipped(result, file, rec.line,
                                ImportMessages::tr("'%1' is a duplicate of line %2")
                                    .arg(t.name)
                                    .arg(firstLine.value(t.name)));
            continue;
        }
        firstLine.insert(t.name, rec.line);
        result->inventory.add(t);
        detail::noteTaken(result, file, rec.line, t);
    }
    return true;
}

// ---- Volley JSON ----------------------------------------------------------

bool parseJson(const QByteArray &data, const QString &file, ImportResult *result, QString *error)
{
    QByteArray bytes = data;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    // A bare list of names or target objects is accepted too (handy from scripts).
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    Inventory inv;
    if (pe.error == QJsonParseError::NoError && doc.isArray()) {
        const QJsonArray list = doc.array();
        for (qsizetype i = 0; i < list.size(); ++i) {
            Target t;
            QString why;
            bool ok = false;
            if (list.at(i).isString())
                ok = Target::fromSpec(list.at(i).toString(), &t, &why);
            else if (list.at(i).isObject())
                ok = targetFromJson(list.at(i).toObject(), &t, &why);
            else
                why = ImportMessages::tr("an entry must be a name or an object");
            if (!ok) {
                detail::noteSkipped(result, file, 0,
                                    ImportMessages::tr("entry #%1: %2").arg(i + 1).arg(why));
                continue;
            }
            inv.add(t);
        }
    } else {
        int schema = 0;
        QString why;
        if (!InventoryStore::parse(bytes, &inv, &schema, &why)) {
            *error = QStringLiteral("%1: %2").arg(file, why);
            return false;
        }
    }
    for (const Target &t : inv.targets())
        detail::noteTaken(result, file, 0, t);
    result->inventory.merge(inv);
    return true;
}

// ---- known_hosts ----------------------------------------------------------

bool parseKnownHosts(const QByteArray &data, const QString &file, ImportResult *result)
{
    const QStringList lines = detail::splitLines(data);
    QHash<QString, int> firstLine;
    static const QRegularExpression blanks(QStringLiteral("\\s+"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i + 1);
        const QString text = lines.at(i).trimmed();
        if (text.isEmpty() || text.startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = text.split(blanks, Qt::SkipEmptyParts);
        if (fields.first().startsWith(QLatin1Char('@'))) {
            detail::noteSkipped(result, file, lineNo,
                                ImportMessages::tr("'%1' line: not a host").arg(fields.first()));
            continue;
        }
        if (fields.size() < 3) {
            detail::noteSkipped(result, file, lineNo,
                                ImportMessages::tr("expected 'HOSTS KEYTYPE KEY'"));
            continue;
        }
        QStringList names;
        QStringList left;
        for (const QString &entry : fields.first().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (entry.startsWith(QLatin1String("|1|"))) {
                left.append(
                    ImportMessages::tr("a hashed name (HashKnownHosts) cannot be read back"));
                continue;
            }
            if (entry.contains(QLatin1Char('*')) || entry.contains(QLatin1Char('?')) ||
                entry.startsWith(QLatin1Char('!'))) {
                left.append(ImportMessages::tr("'%1' is a wildcard pattern").arg(entry));
                continue;
            }
            // "[host]:port" is how known_hosts writes non-default ports.
            static const QRegularExpression withPort(QStringLiteral("^\\[(.+)\\]:(\\d+)$"));
            const QRegularExpressionMatch m = withPort.match(entry);
            if (m.hasMatch()) {
                const QString host = m.captured(1);
                names.append(host.contains(QLatin1Char(':'))
                                 ? QStringLiteral("[%1]:%2").arg(host, m.captured(2))
                                 : QStringLiteral("%1:%2").arg(host, m.captured(2)));
            } else {
                names.append(entry);
            }
        }
        for (const QString &why : std::as_const(left))
            detail::noteSkipped(result, file, lineNo, why);
        if (names.isEmpty())
            continue;
        // One machine per line: the first name; the others are its aliases.
        Target t;
        QString why;
        if (!Target::fromSpec(names.first(), &t, &why)) {
            detail::noteSkipped(result, file, lineNo, why);
            continue;
        }
        if (names.size() > 1)
            t.note = ImportMessages::tr("also known as %1")
                         .arg(names.mid(1).join(ImportMessages::tr(", ")));
        if (firstLine.contains(t.name)) {
            detail::noteSkipped(result, file, lineNo,
                                ImportMessages::tr("'%1' is a duplicate of line %2 (another key)")
                                    .arg(t.name)
                                    .arg(firstLine.value(t.name)));
            continue;
        }
        firstLine.insert(t.name, lineNo);
        result->inventory.add(t);
        detail::noteTaken(result, file, lineNo, t);
    }
    return true;
}

} // namespace

QString formatName(InventoryFormat format)
{
    for (const FormatEntry &e : kFormats) {
        if (e.format == format)
            return QLatin1String(e.name);
    }
    return QString();
}

bool formatFromName(const QString &name, InventoryFormat *out)
{
    for (const FormatEntry &e : kFormats) {
        if (name == QLatin1String(e.name)) {
            *out = e.format;
            return true;
        }
    }
    return false;
}

QStringList formatNames()
{
    QStringList out;
    for (const FormatEntry &e : kFormats)
        out.append(QLatin1String(e.name));
    return out;
}

QString ImportNote::toString() const
{
    if (line > 0)
        return QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(text);
    return QStringLiteral("%1: %2").arg(file, text);
}

namespace detail {

QStringList splitLines(const QByteArray &data)
{
    QString text = QString::fromUtf8(data);
    // A BOM is only meaningful first, but files glued together carry more;
    // none of them is ever part of a name.
    text.remove(QChar(0xfeff));
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QStringList lines = text.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

QString describe(const Target &t)
{
    QString s;
    if (t.isLocal()) {
        s = QStringLiteral("local");
    } else {
        if (!t.user.isEmpty())
            s += t.user + QLatin1Char('@');
        s += t.address.contains(QLatin1Char(':')) ? QLatin1Char('[') + t.address + QLatin1Char(']')
                                                  : t.address;
        if (t.port)
            s += QLatin1Char(':') + QString::number(t.port);
    }
    QStringList extra;
    if (!t.groups.isEmpty())
        extra.append(ImportMessages::tr("groups %1").arg(t.groups.join(QLatin1Char(','))));
    if (!t.tags.isEmpty())
        extra.append(ImportMessages::tr("tags %1").arg(t.tags.join(QLatin1Char(','))));
    if (!t.identityFiles.isEmpty())
        extra.append(ImportMessages::tr("key %1").arg(t.identityFiles.join(QLatin1Char(','))));
    if (!t.proxyJump.isEmpty())
        extra.append(ImportMessages::tr("via %1").arg(t.proxyJump));
    if (!t.vars.isEmpty())
        extra.append(ImportMessages::tr("vars %1").arg(t.vars.keys().join(QLatin1Char(','))));
    QString out = t.name + QStringLiteral(" -> ") + s;
    if (!extra.isEmpty())
        out += QStringLiteral(" (") + extra.join(QStringLiteral("; ")) + QLatin1Char(')');
    return out;
}

void noteTaken(ImportResult *result, const QString &file, int line, const Target &t)
{
    result->taken.append(ImportNote{file, line, describe(t)});
}

void noteSkipped(ImportResult *result, const QString &file, int line, const QString &why)
{
    result->skipped.append(ImportNote{file, line, why});
}

bool applyAnsibleVar(Target *t, const QString &key, const QString &value, QString *why)
{
    if (key == QLatin1String("ansible_host") || key == QLatin1String("ansible_ssh_host")) {
        t->address = value;
    } else if (key == QLatin1String("ansible_port") || key == QLatin1String("ansible_ssh_port")) {
        bool ok = false;
        const int port = value.toInt(&ok);
        if (!ok || port < 1 || port > 65535) {
            *why = ImportMessages::tr("%1=%2 is not a port from 1 to 65535").arg(key, value);
            return false;
        }
        t->port = port;
    } else if (key == QLatin1String("ansible_user") || key == QLatin1String("ansible_ssh_user")) {
        t->user = value;
    } else if (key == QLatin1String("ansible_ssh_private_key_file") ||
               key == QLatin1String("ansible_private_key_file")) {
        t->identityFiles = QStringList{value};
    } else if (key == QLatin1String("ansible_connection") &&
               (value == QLatin1String("local") || value == QLatin1String("ssh") ||
                value == QLatin1String("smart") || value == QLatin1String("paramiko"))) {
        t->transport = value == QLatin1String("local") ? Transport::Local : Transport::Ssh;
    } else if (key == QLatin1String("volley_tags")) {
        t->tags = splitWords(value);
    } else if (key == QLatin1String("volley_note")) {
        t->note = value;
    } else if (key == QLatin1String("volley_proxy_jump")) {
        t->proxyJump = value;
    } else {
        if (key == QLatin1String("ansible_ssh_common_args") ||
            key == QLatin1String("ansible_ssh_extra_args")) {
            static const QRegularExpression jump(
                QStringLiteral("(?:-J\\s*|ProxyJump[= ]\\s*)([^\\s'\"]+)"));
            const QRegularExpressionMatch m = jump.match(value);
            if (m.hasMatch())
                t->proxyJump = m.captured(1);
        }
        // Unknown to Volley but not lost: exported back as it came.
        t->vars.insert(key, value);
    }
    return true;
}

bool expandAnsibleRange(const QString &pattern, QStringList *out, QString *error)
{
    out->clear();
    const qsizetype open = pattern.indexOf(QLatin1Char('['));
    if (open < 0) {
        out->append(pattern);
        return true;
    }
    const qsizetype close = pattern.indexOf(QLatin1Char(']'), open);
    if (close < 0) {
        *error = ImportMessages::tr("'%1': '[' without ']'").arg(pattern);
        return false;
    }
    const QStringList parts = pattern.mid(open + 1, close - open - 1).split(QLatin1Char(':'));
    if (parts.size() < 2 || parts.size() > 3) {
        *error = ImportMessages::tr("'%1': a range is [start:end] or [start:end:step], e.g. "
                                    "web[01:20]")
                     .arg(pattern);
        return false;
    }
    QStringList values;
    int step = 1;
    if (parts.size() == 3) {
        bool ok = false;
        step = parts.at(2).toInt(&ok);
        if (!ok || step < 1) {
            *error = ImportMessages::tr("'%1': the step must be a positive number").arg(pattern);
            return false;
        }
    }
    const QString &a = parts.at(0);
    const QString &b = parts.at(1);
    bool okA = false;
    bool okB = false;
    const qint64 lo = a.toLongLong(&okA);
    const qint64 hi = b.toLongLong(&okB);
    if (okA && okB && a.size() <= 9 && b.size() <= 9) {
        if (lo > hi || lo < 0) {
            *error =
                ImportMessages::tr("'%1': reversed range; write the low end first").arg(pattern);
            return false;
        }
        if ((hi - lo) / step >= HostPattern::kMaxNames) {
            *error = ImportMessages::tr("'%1' would expand past %2 names")
                         .arg(pattern)
                         .arg(HostPattern::kMaxNames);
            return false;
        }
        // Ansible pads to the start's width when it has leading zeros.
        const int width = a.startsWith(QLatin1Char('0')) ? int(a.size()) : 0;
        for (qint64 v = lo; v <= hi; v += step)
            values.append(QString::number(v).rightJustified(width, QLatin1Char('0')));
    } else if (a.size() == 1 && b.size() == 1 && a.at(0).isLetter() && b.at(0).isLetter() &&
               a.at(0) <= b.at(0)) {
        for (char16_t c = a.at(0).unicode(); c <= b.at(0).unicode(); c += char16_t(step))
            values.append(QString(QChar(c)));
    } else {
        *error = ImportMessages::tr("'%1': '[%2]' is not a numeric or letter range")
                     .arg(pattern, parts.join(QLatin1Char(':')));
        return false;
    }
    QStringList tails;
    if (!expandAnsibleRange(pattern.mid(close + 1), &tails, error))
        return false;
    if (qint64(values.size()) * tails.size() > HostPattern::kMaxNames) {
        *error = ImportMessages::tr("'%1' would expand past %2 names")
                     .arg(pattern)
                     .arg(HostPattern::kMaxNames);
        return false;
    }
    const QString head = pattern.left(open);
    for (const QString &v : std::as_const(values)) {
        for (const QString &tail : std::as_const(tails))
            out->append(head + v + tail);
    }
    return true;
}

AnsibleInventory::Host *AnsibleInventory::host(const QString &name, int line)
{
    const auto it = hostIndex.constFind(name);
    if (it != hostIndex.constEnd())
        return &hosts[*it];
    hostIndex.insert(name, hosts.size());
    Host h;
    h.name = name;
    h.line = line;
    hosts.append(h);
    return &hosts.last();
}

void AnsibleInventory::addGroup(const QString &group)
{
    if (!groups.contains(group))
        groups.append(group);
}

void AnsibleInventory::finish(const QString &file, ImportResult *result) const
{
    // Depth of each group below "all": vars of outer groups apply first so
    // that inner (more specific) groups override them, as in Ansible.
    QHash<QString, int> depth;
    for (const QString &g : groups)
        depth.insert(g, g == QLatin1String("all") ? 0 : 1);
    for (int pass = 0; pass < 32; ++pass) {
        bool changed = false;
        for (auto it = children.cbegin(); it != children.cend(); ++it) {
            for (const QString &c : it.value()) {
                const int d = depth.value(it.key(), 1) + 1;
                if (c != QLatin1String("all") && depth.value(c, 1) < d && d < 64) {
                    depth.insert(c, d);
                    changed = true;
                }
            }
        }
        if (!changed)
            break;
    }
    // Ancestors of each group, for deciding which group vars reach a host.
    auto ancestors = [&](const QString &group) {
        QSet<QString> all{group, QStringLiteral("all")};
        QStringList queue{group};
        while (!queue.isEmpty()) {
            const QString g = queue.takeFirst();
            for (auto it = children.cbegin(); it != children.cend(); ++it) {
                if (it.value().contains(g) && !all.contains(it.key())) {
                    all.insert(it.key());
                    queue.append(it.key());
                }
            }
        }
        return all;
    };
    QStringList byDepth = groupVars.keys();
    std::stable_sort(byDepth.begin(), byDepth.end(), [&](const QString &a, const QString &b) {
        return depth.value(a, 1) < depth.value(b, 1);
    });
    QHash<QString, QSet<QString>> ancestorCache;
    static const QRegularExpression blank(QStringLiteral("\\s"));
    for (const Host &h : hosts) {
        if (h.name.isEmpty() || h.name.contains(blank)) {
            noteSkipped(
                result, file, h.line,
                ImportMessages::tr("'%1' is not a host name (empty or with blanks)").arg(h.name));
            continue;
        }
        QSet<QString> reach{QStringLiteral("all")};
        for (const QString &g : h.groups) {
            if (!ancestorCache.contains(g))
                ancestorCache.insert(g, ancestors(g));
            reach.unite(ancestorCache.value(g));
        }
        Target t;
        t.name = h.name;
        t.address = h.name;
        for (const QString &g : h.groups) {
            if (g != QLatin1String("all") && g != QLatin1String("ungrouped"))
                t.groups.append(g);
        }
        QString bad;
        for (const QString &g : std::as_const(byDepth)) {
            if (!reach.contains(g))
                continue;
            for (const auto &kv : groupVars.value(g)) {
                QString why;
                if (!applyAnsibleVar(&t, kv.first, kv.second, &why) && bad.isEmpty())
                    bad = ImportMessages::tr("group '%1': %2").arg(g, why);
            }
        }
        for (const auto &kv : h.vars) {
            QString why;
            if (!applyAnsibleVar(&t, kv.first, kv.second, &why) && bad.isEmpty())
                bad = why;
        }
        if (t.isLocal())
            t.address.clear();
        else if (t.address.isEmpty()) // "ansible_host:" with no value
            t.address = t.name;
        if (!bad.isEmpty()) {
            noteSkipped(result, file, h.line, ImportMessages::tr("host '%1': %2").arg(h.name, bad));
            continue;
        }
        result->inventory.add(t);
        noteTaken(result, file, h.line, t);
    }
    for (const QString &g : groups) {
        if (g != QLatin1String("all") && g != QLatin1String("ungrouped"))
            result->inventory.addGroup(g);
    }
    for (auto it = children.cbegin(); it != children.cend(); ++it) {
        if (it.key() == QLatin1String("all"))
            continue;
        for (const QString &c : it.value())
            result->inventory.addChild(it.key(), c);
    }
}

} // namespace detail

namespace Importer {

InventoryFormat detect(const QString &fileName, const QByteArray &data, QString *because)
{
    const QFileInfo info(fileName);
    const QString suffix = info.suffix().toLower();
    const QString base = info.fileName().toLower();
    auto by = [&](InventoryFormat f, const QString &why) {
        *because = why;
        return f;
    };
    if (suffix == QLatin1String("json"))
        return by(InventoryFormat::Json, ImportMessages::tr("the file name ends in .json"));
    if (suffix == QLatin1String("csv") || suffix == QLatin1String("tsv"))
        return by(InventoryFormat::Csv,
                  ImportMessages::tr("the file name ends in .%1").arg(suffix));
    if (suffix == QLatin1String("yml") || suffix == QLatin1String("yaml"))
        return by(InventoryFormat::AnsibleYaml,
                  ImportMessages::tr("the file name ends in .%1").arg(suffix));
    if (suffix == QLatin1String("ini"))
        return by(InventoryFormat::AnsibleIni, ImportMessages::tr("the file name ends in .ini"));
    if (base.startsWith(QLatin1String("known_hosts")))
        return by(InventoryFormat::KnownHosts,
                  ImportMessages::tr("the file is called known_hosts"));
    if (base == QLatin1String("ssh_config") ||
        (base == QLatin1String("config") && info.absolutePath().endsWith(QLatin1String(".ssh"))))
        return by(InventoryFormat::SshConfig,
                  ImportMessages::tr("the file is called %1").arg(info.fileName()));

    static const QRegularExpression sshKeyword(
        QStringLiteral("^(host|match|include|hostname|user|port|identityfile|proxyjump)(\\s|=)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression iniSection(
        QStringLiteral("^\\[[A-Za-z_][A-Za-z0-9_.-]*(:vars|:children)?\\]$"));
    static const QRegularExpression yamlKey(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.-]*:$"));
    static const QRegularExpression keyType(QStringLiteral("^(ssh-|ecdsa-|sk-)"));
    static const QRegularExpression blanks(QStringLiteral("\\s+"));
    const QStringList lines = detail::splitLines(data.left(64 * 1024));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) ||
            line.startsWith(QLatin1Char(';')))
            continue;
        const QString where = ImportMessages::tr("line %1 ('%2')").arg(i + 1).arg(line.left(40));
        if (line.startsWith(QLatin1Char('{')) ||
            (line.startsWith(QLatin1Char('[')) && QStringView(line).mid(1).trimmed().size() > 0 &&
             QStringLiteral("\"{]").contains(QStringView(line).mid(1).trimmed().at(0))))
            return by(InventoryFormat::Json,
                      ImportMessages::tr("%1 starts a JSON document").arg(where));
        if (line == QLatin1String("---") || yamlKey.match(line).hasMatch())
            return by(InventoryFormat::AnsibleYaml,
                      ImportMessages::tr("%1 looks like YAML").arg(where));
        if (sshKeyword.match(line).hasMatch())
            return by(InventoryFormat::SshConfig,
                      ImportMessages::tr("%1 is an ssh_config keyword").arg(where));
        if (iniSection.match(line).hasMatch())
            return by(InventoryFormat::AnsibleIni,
                      ImportMessages::tr("%1 is an INI section").arg(where));
        const QStringList fields = line.split(blanks, Qt::SkipEmptyParts);
        if (line.startsWith(QLatin1String("|1|")) ||
            line.startsWith(QLatin1String("@cert-authority")) ||
            line.startsWith(QLatin1String("@revoked")) ||
            (fields.size() >= 3 && keyType.match(fields.at(1)).hasMatch()))
            return by(InventoryFormat::KnownHosts,
                      ImportMessages::tr("%1 is a known_hosts entry").arg(where));
        if (line.contains(QLatin1String("ansible_")))
            return by(InventoryFormat::AnsibleIni,
                      ImportMessages::tr("%1 sets Ansible variables").arg(where));
        const QString lower = line.toLower();
        static const QRegularExpression headerWord(
            QStringLiteral("(^|[,;\\t\"])\\s*(name|address|host|hostname)\\s*\"?($|[,;\\t])"));
        if (headerWord.match(lower).hasMatch() &&
            (line.contains(QLatin1Char(',')) || line.contains(QLatin1Char(';')) ||
             line.contains(QLatin1Char('\t'))))
            return by(InventoryFormat::Csv, ImportMessages::tr("%1 is a CSV header").arg(where));
        return by(InventoryFormat::List,
                  ImportMessages::tr("%1 is not in a structured format, so one pattern per line")
                      .arg(where));
    }
    return by(InventoryFormat::List, ImportMessages::tr("the file has no entries"));
}

bool parse(const QByteArray &data, const QString &fileName, InventoryFormat format,
           ImportResult *result, QString *error)
{
    *result = ImportResult();
    if (format == InventoryFormat::Auto)
        format = detect(fileName, data, &result->detectedBecause);
    result->format = format;
    switch (format) {
    case InventoryFormat::Auto:
    case InventoryFormat::List:
        return parseList(data, fileName, result);
    case InventoryFormat::SshConfig:
        return detail::parseSshConfig(data, fileName, result, error);
    case InventoryFormat::AnsibleIni:
        return detail::parseAnsibleIni(data, fileName, result, error);
    case InventoryFormat::AnsibleYaml:
        return detail::parseAnsibleYaml(data, fileName, result, error);
    case InventoryFormat::Csv:
        return parseCsv(data, fileName, result, error);
    case InventoryFormat::Json:
        return parseJson(data, fileName, result, error);
    case InventoryFormat::KnownHosts:
        return parseKnownHosts(data, fileName, result);
    }
    return false;
}

bool importFile(const QString &path, InventoryFormat format, ImportResult *result, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error =
            ImportMessages::tr("cannot read hosts file '%1': %2").arg(path, file.errorString());
        return false;
    }
    if (file.size() > kMaxFileSize) {
        *error = ImportMessages::tr("hosts file '%1' is larger than %2 MiB; is it the right file?")
                     .arg(path)
                     .arg(kMaxFileSize / (1024 * 1024));
        return false;
    }
    return parse(file.readAll(), path, format, result, error);
}

} // namespace Importer

} // namespace volley
