// SPDX-License-Identifier: GPL-3.0-or-later
// OpenSSH client config (ssh_config(5)) into Volley targets.
#include "inventory/importer_p.h"

#include "trcontexts.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

namespace volley::detail {

namespace {

struct Setting
{
    QString key; ///< lower case
    QString keyAsWritten;
    QStringList args;
};

struct Block
{
    QStringList patterns; ///< empty: the settings before the first Host (apply to all)
    bool match = false;   ///< a Match block: its conditions are not evaluated
    QList<Setting> settings;
};

struct Candidate
{
    QString name;
    QString file;
    int line = 0;
};

/// Splits "Key value", "Key=value" and "Key = value"; quotes group words.
bool splitSetting(const QString &line, Setting *out)
{
    static const QRegularExpression keyRe(
        QStringLiteral("^([A-Za-z][A-Za-z0-9]*)\\s*(=\\s*|\\s+|$)"));
    const QRegularExpressionMatch m = keyRe.match(line);
    if (!m.hasMatch())
        return false;
    out->keyAsWritten = m.captured(1);
    out->key = out->keyAsWritten.toLower();
    const QString rest = line.mid(m.capturedEnd());
    QString word;
    bool inWord = false;
    bool quoted = false;
    for (const QChar c : rest) {
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
            inWord = true;
        } else if (c.isSpace() && !quoted) {
            if (inWord)
                out->args.append(word);
            word.clear();
            inWord = false;
        } else if (c == QLatin1Char('#') && !quoted && !inWord) {
            break;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        out->args.append(word);
    return !quoted;
}

bool wildcardMatch(QStringView pattern, QStringView text)
{
    // Iterative '*' / '?' matching with backtracking to the last star.
    qsizetype p = 0, t = 0, star = -1, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern.at(p) == QLatin1Char('?') ||
                                   pattern.at(p).toLower() == text.at(t).toLower())) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern.at(p) == QLatin1Char('*')) {
            star = p++;
            mark = t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

bool blockApplies(const Block &b, const QString &host)
{
    if (b.match)
        return false;
    if (b.patterns.isEmpty())
        return true;
    bool positive = false;
    for (const QString &p : b.patterns) {
        if (p.startsWith(QLatin1Char('!'))) {
            if (wildcardMatch(QStringView(p).mid(1), host))
                return false;
        } else if (wildcardMatch(p, host)) {
            positive = true;
        }
    }
    return positive;
}

bool isWildcard(const QString &p)
{
    return p.contains(QLatin1Char('*')) || p.contains(QLatin1Char('?')) ||
           p.startsWith(QLatin1Char('!'));
}

class SshConfigReader
{
public:
    explicit SshConfigReader(ImportResult *result)
        : m_result(result)
    {}

    void read(const QByteArray &data, const QString &file, int depth);
    void finish();

private:
    void include(const QStringList &args, const QString &file, int line, int depth);

    ImportResult *m_result;
    QList<Block> m_blocks{Block()};
    QList<Candidate> m_candidates;
    QHash<QString, int> m_seen;
    int m_files = 0;
};

void SshConfigReader::read(const QByteArray &data, const QString &file, int depth)
{
    const QStringList lines = splitLines(data);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i + 1);
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        Setting s;
        if (!splitSetting(line, &s)) {
            noteSkipped(
                m_result, file, lineNo,
                ImportMessages::tr("cannot read '%1' (expected 'Keyword value')").arg(line));
            continue;
        }
        if (s.key == QLatin1String("host")) {
            Block b;
            b.patterns = s.args;
            m_blocks.append(b);
            if (s.args.isEmpty())
                noteSkipped(m_result, file, lineNo, ImportMessages::tr("'Host' without a name"));
            for (const QString &p : std::as_const(s.args)) {
                if (isWildcard(p)) {
                    noteSkipped(m_result, file, lineNo,
                                ImportMessages::tr("'%1' is a wildcard pattern, not a machine; its "
                                                   "settings apply to the hosts it matches")
                                    .arg(p));
                } else if (!m_seen.contains(p)) {
                    m_seen.insert(p, int(m_candidates.size()));
                    m_candidates.append(Candidate{p, file, lineNo});
                }
            }
        } else if (s.key == QLatin1String("match")) {
            Block b;
            b.match = true;
            m_blocks.append(b);
            noteSkipped(
                m_result, file, lineNo,
                ImportMessages::tr("'Match %1' block skipped: Volley does not evaluate Match "
                                   "conditions; use Host blocks for machines to import")
                    .arg(s.args.join(QLatin1Char(' '))));
        } else if (s.key == QLatin1String("include")) {
            include(s.args, file, lineNo, depth);
        } else {
            m_blocks.last().settings.append(s);
        }
    }
}

void SshConfigReader::include(const QStringList &args, const QString &file, int line, int depth)
{
    if (file.isEmpty()) {
        noteSkipped(
            m_result, file, line,
            ImportMessages::tr("'Include' not followed: the text was not read from a file"));
        return;
    }
    if (depth >= Importer::kMaxIncludeDepth || m_files > 256) {
        noteSkipped(m_result, file, line,
                    ImportMessages::tr("'Include' nested more than %1 deep (a loop?); not followed")
                        .arg(Importer::kMaxIncludeDepth));
        return;
    }
    for (QString pattern : args) {
        // As ssh does: "~/" is home, other relative paths are relative to the
        // including file's folder (~/.ssh for the user's config).
        if (pattern.startsWith(QLatin1String("~/")))
            pattern = QDir::homePath() + pattern.mid(1);
        else if (QFileInfo(pattern).isRelative())
            pattern = QFileInfo(file).absolutePath() + QLatin1Char('/') + pattern;
        const QFileInfo info(pattern);
        QDir dir = info.absoluteDir();
        const QStringList matches =
            dir.entryList(QStringList{info.fileName()}, QDir::Files | QDir::Readable, QDir::Name);
        if (matches.isEmpty()) {
            noteSkipped(m_result, file, line,
                        ImportMessages::tr("'Include %1' matches no readable file").arg(pattern));
            continue;
        }
        for (const QString &m : matches) {
            QFile f(dir.filePath(m));
            if (!f.open(QIODevice::ReadOnly) || f.size() > Importer::kMaxFileSize) {
                noteSkipped(m_result, file, line,
                            ImportMessages::tr("cannot read included %1").arg(f.fileName()));
                continue;
            }
            ++m_files;
            read(f.readAll(), f.fileName(), depth + 1);
        }
    }
}

void SshConfigReader::finish()
{
    for (const Candidate &c : std::as_const(m_candidates)) {
        Target t;
        t.name = c.name;
        QString hostName;
        QString portText;
        QString bad;
        for (const Block &b : std::as_const(m_blocks)) {
            if (!blockApplies(b, c.name))
                continue;
            // Only blocks that name this host literally contribute vars: what
            // "Host *" sets is ssh's business at connect time, not this target's.
            const bool literal = b.patterns.contains(c.name);
            for (const Setting &s : b.settings) {
                const QString value = s.args.join(QLatin1Char(' '));
                // ssh_config: the first value obtained for a keyword wins.
                if (s.key == QLatin1String("hostname")) {
                    if (hostName.isNull())
                        hostName = value;
                } else if (s.key == QLatin1String("user")) {
                    if (t.user.isEmpty())
                        t.user = value;
                } else if (s.key == QLatin1String("port")) {
                    if (portText.isNull())
                        portText = value;
                } else if (s.key == QLatin1String("identityfile")) {
                    if (!value.isEmpty() && !t.identityFiles.contains(value))
                        t.identityFiles.append(value);
                } else if (s.key == QLatin1String("proxyjump")) {
                    if (t.proxyJump.isEmpty())
                        t.proxyJump = value;
                } else if (s.key == QLatin1String("userknownhostsfile")) {
                    if (t.knownHostsFile.isEmpty())
                        t.knownHostsFile = s.args.value(0);
                } else if (literal && !t.vars.contains(s.keyAsWritten)) {
                    t.vars.insert(s.keyAsWritten, value);
                }
            }
        }
        if (hostName.isEmpty()) {
            t.address = c.name;
        } else {
            hostName.replace(QLatin1String("%h"), c.name);
            hostName.replace(QLatin1String("%%"), QLatin1String("%"));
            t.address = hostName;
        }
        if (!portText.isEmpty()) {
            bool ok = false;
            t.port = portText.toInt(&ok);
            if (!ok || t.port < 1 || t.port > 65535)
                bad = ImportMessages::tr("host '%1': Port '%2' is not a number from 1 to 65535")
                          .arg(c.name, portText);
        }
        if (!bad.isEmpty()) {
            noteSkipped(m_result, c.file, c.line, bad);
            continue;
        }
        m_result->inventory.add(t);
        noteTaken(m_result, c.file, c.line, t);
    }
}

} // namespace

bool parseSshConfig(const QByteArray &data, const QString &fileName, ImportResult *result,
                    QString *)
{
    SshConfigReader reader(result);
    reader.read(data, fileName, 0);
    reader.finish();
    return true;
}

} // namespace volley::detail
