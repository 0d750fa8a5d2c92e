// SPDX-License-Identifier: GPL-3.0-or-later
// Ansible inventories, INI and YAML, into Volley targets.
#include "inventory/importer_p.h"

#include "trcontexts.h"

#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <string>

namespace volley::detail {

namespace {

/// Splits an INI host line the way Ansible's shlex does: blanks separate,
/// quotes group, an unquoted '#' after a blank starts a comment.
QStringList shellWords(const QString &line, bool *unbalanced)
{
    QStringList words;
    QString word;
    bool inWord = false;
    QChar quote;
    *unbalanced = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else
                word += c;
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
        } else if (c == QLatin1Char('#') && !inWord) {
            break;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (!quote.isNull())
        *unbalanced = true;
    if (inWord)
        words.append(word);
    return words;
}

QString unquote(QString v)
{
    v = v.trimmed();
    if (v.size() >= 2 && ((v.startsWith(QLatin1Char('"')) && v.endsWith(QLatin1Char('"'))) ||
                          (v.startsWith(QLatin1Char('\'')) && v.endsWith(QLatin1Char('\'')))))
        return v.mid(1, v.size() - 2);
    return v;
}

} // namespace

bool parseAnsibleIni(const QByteArray &data, const QString &file, ImportResult *result, QString *)
{
    AnsibleInventory inv;
    enum class Kind { Hosts, Vars, Children, Ignored };
    QString group = QStringLiteral("ungrouped");
    Kind kind = Kind::Hosts;
    const QStringList lines = splitLines(data);
    static const QRegularExpression section(QStringLiteral("^\\[([^\\]]+)\\]\\s*(?:[#;].*)?$"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i + 1);
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) ||
            line.startsWith(QLatin1Char(';')))
            continue;
        const QRegularExpressionMatch m = section.match(line);
        if (m.hasMatch()) {
            const QString head = m.captured(1).trimmed();
            const qsizetype colon = head.lastIndexOf(QLatin1Char(':'));
            const QString suffix = colon < 0 ? QString() : head.mid(colon + 1);
            group = colon < 0 ? head : head.left(colon);
            if (suffix.isEmpty() || suffix == QLatin1String("hosts"))
                kind = Kind::Hosts;
            else if (suffix == QLatin1String("vars"))
                kind = Kind::Vars;
            else if (suffix == QLatin1String("children"))
                kind = Kind::Children;
            else {
                kind = Kind::Ignored;
                noteSkipped(result, file, lineNo,
                            ImportMessages::tr("section '[%1]': unknown kind ':%2' (expected :vars "
                                               "or :children); its lines are skipped")
                                .arg(head, suffix));
                continue;
            }
            if (group.isEmpty() || group.contains(QLatin1Char(' '))) {
                kind = Kind::Ignored;
                noteSkipped(result, file, lineNo,
                            ImportMessages::tr("'%1' is not a group name; its lines are skipped")
                                .arg(head));
                continue;
            }
            inv.addGroup(group);
            continue;
        }
        if (kind == Kind::Ignored)
            continue;
        if (kind == Kind::Children) {
            const QString child = line.section(QLatin1Char(' '), 0, 0);
            inv.addGroup(child);
            if (child != group && !inv.children[group].contains(child))
                inv.children[group].append(child);
            continue;
        }
        if (kind == Kind::Vars) {
            const qsizetype eq = line.indexOf(QLatin1Char('='));
            const qsizetype colon = line.indexOf(QLatin1Char(':'));
            const qsizetype at = eq >= 0 ? eq : colon;
            if (at <= 0) {
                noteSkipped(
                    result, file, lineNo,
                    ImportMessages::tr("'%1' in [%2:vars] is not key=value").arg(line, group));
                continue;
            }
            inv.groupVars[group].append({line.left(at).trimmed(), unquote(line.mid(at + 1))});
            continue;
        }
        bool unbalanced = false;
        const QStringList words = shellWords(line, &unbalanced);
        if (unbalanced) {
            noteSkipped(result, file, lineNo,
                        ImportMessages::tr("unbalanced quotes; line skipped"));
            continue;
        }
        if (words.isEmpty())
            continue;
        // "host:port" is allowed on INI host lines; the name is the host alone.
        QString hostWord = words.first();
        QList<QPair<QString, QString>> vars;
        static const QRegularExpression hostPort(QStringLiteral("^([^:\\[\\]]+):(\\d+)$"));
        const QRegularExpressionMatch hp = hostPort.match(hostWord);
        if (hp.hasMatch()) {
            hostWord = hp.captured(1);
            vars.append({QStringLiteral("ansible_port"), hp.captured(2)});
        }
        QStringList names;
        QString why;
        if (!expandAnsibleRange(hostWord, &names, &why)) {
            noteSkipped(result, file, lineNo, why);
            continue;
        }
        for (qsizetype w = 1; w < words.size(); ++w) {
            const qsizetype eq = words.at(w).indexOf(QLatin1Char('='));
            if (eq <= 0) {
                noteSkipped(result, file, lineNo,
                            ImportMessages::tr("'%1' after host '%2' is not key=value; ignored")
                                .arg(words.at(w), words.first()));
                continue;
            }
            vars.append({words.at(w).left(eq), words.at(w).mid(eq + 1)});
        }
        for (const QString &name : std::as_const(names)) {
            AnsibleInventory::Host *h = inv.host(name, lineNo);
            if (!h->groups.contains(group))
                h->groups.append(group);
            h->vars += vars;
        }
    }
    inv.finish(file, result);
    return true;
}

namespace {

class YamlReader
{
public:
    YamlReader(const QString &file, ImportResult *result)
        : m_file(file)
        , m_result(result)
    {}

    AnsibleInventory inv;

    bool group(const QString &name, const YAML::Node &node, int depth);

private:
    static int lineOf(const YAML::Node &node) { return node.Mark().line + 1; }
    static QString text(const YAML::Node &node)
    {
        if (!node || node.IsNull())
            return QString(); // "key:" with no value, not the emitter's "~"
        if (node.IsScalar())
            return QString::fromStdString(node.Scalar());
        // Lists and maps are kept as compact YAML so nothing is lost.
        YAML::Emitter out;
        out << YAML::Flow << node;
        return QString::fromUtf8(out.c_str());
    }
    bool budget()
    {
        // Anchors and aliases can make a small file describe a huge tree.
        return ++m_visited < 200000;
    }
    void vars(const YAML::Node &node, QList<QPair<QString, QString>> *out, const QString &where);

    QString m_file;
    ImportResult *m_result;
    qint64 m_visited = 0;
};

void YamlReader::vars(const YAML::Node &node, QList<QPair<QString, QString>> *out,
                      const QString &where)
{
    if (!node || node.IsNull())
        return;
    if (!node.IsMap()) {
        noteSkipped(m_result, m_file, lineOf(node),
                    ImportMessages::tr("%1: vars must be a mapping of name: value").arg(where));
        return;
    }
    for (const auto &kv : node) {
        if (!budget())
            return;
        out->append({text(kv.first), text(kv.second)});
    }
}

bool YamlReader::group(const QString &name, const YAML::Node &node, int depth)
{
    if (!budget())
        return false;
    inv.addGroup(name);
    if (depth > 64) {
        noteSkipped(
            m_result, m_file, lineOf(node),
            ImportMessages::tr("group '%1' is nested more than 64 deep; skipped").arg(name));
        return true;
    }
    if (!node || node.IsNull())
        return true;
    if (!node.IsMap()) {
        noteSkipped(m_result, m_file, lineOf(node),
                    ImportMessages::tr("group '%1' must be a mapping with hosts, vars or children")
                        .arg(name));
        return true;
    }
    for (const auto &kv : node) {
        const QString key = text(kv.first);
        const YAML::Node &value = kv.second;
        if (key == QLatin1String("hosts")) {
            if (value.IsNull())
                continue;
            if (!value.IsMap()) {
                noteSkipped(m_result, m_file, lineOf(value),
                            ImportMessages::tr("'hosts' of group '%1' must be a mapping of host "
                                               "names")
                                .arg(name));
                continue;
            }
            for (const auto &h : value) {
                if (!budget())
                    return false;
                const QString pattern = text(h.first);
                QStringList names;
                QString why;
                if (!expandAnsibleRange(pattern, &names, &why)) {
                    noteSkipped(m_result, m_file, lineOf(h.first), why);
                    continue;
                }
                QList<QPair<QString, QString>> hostVars;
                vars(h.second, &hostVars, ImportMessages::tr("host '%1'").arg(pattern));
                for (const QString &n : std::as_const(names)) {
                    AnsibleInventory::Host *host = inv.host(n, lineOf(h.first));
                    if (!host->groups.contains(name))
                        host->groups.append(name);
                    host->vars += hostVars;
                }
            }
        } else if (key == QLatin1String("vars")) {
            vars(value, &inv.groupVars[name], ImportMessages::tr("group '%1'").arg(name));
        } else if (key == QLatin1String("children")) {
            if (value.IsNull())
                continue;
            if (!value.IsMap()) {
                noteSkipped(
                    m_result, m_file, lineOf(value),
                    ImportMessages::tr("'children' of group '%1' must be a mapping").arg(name));
                continue;
            }
            for (const auto &c : value) {
                const QString child = text(c.first);
                if (child != name && !inv.children[name].contains(child))
                    inv.children[name].append(child);
                if (!group(child, c.second, depth + 1))
                    return false;
            }
        } else {
            noteSkipped(
                m_result, m_file, lineOf(kv.first),
                ImportMessages::tr("unknown key '%1' in group '%2' (expected hosts, vars or "
                                   "children); skipped")
                    .arg(key, name));
        }
    }
    return true;
}

} // namespace

bool parseAnsibleYaml(const QByteArray &data, const QString &file, ImportResult *result,
                      QString *error)
{
    YamlReader reader(file, result);
    try {
        QByteArray bytes = data;
        bytes.replace("\xEF\xBB\xBF", ""); // BOMs, also from files glued together
        const YAML::Node root = YAML::Load(bytes.toStdString());
        if (root.IsNull()) {
            reader.inv.finish(file, result);
            return true;
        }
        if (!root.IsMap()) {
            *error = ImportMessages::tr("%1:%2: an Ansible YAML inventory is a mapping of groups "
                                        "(usually starting with 'all:')")
                         .arg(file)
                         .arg(root.Mark().line + 1);
            return false;
        }
        for (const auto &kv : root) {
            const QString name = QString::fromStdString(kv.first.Scalar());
            if (!reader.group(name, kv.second, 0)) {
                *error = ImportMessages::tr("%1: the inventory is too large or too deeply aliased "
                                            "to read")
                             .arg(file);
                return false;
            }
        }
    } catch (const YAML::Exception &e) {
        *error = ImportMessages::tr("%1:%2: not valid YAML: %3")
                     .arg(file)
                     .arg(e.mark.line + 1)
                     .arg(QString::fromStdString(e.msg));
        return false;
    }
    reader.inv.finish(file, result);
    return true;
}

} // namespace volley::detail
