// SPDX-License-Identifier: GPL-3.0-or-later
// volley-cli run: the contract scripts and tests rely on (see --help).
#include "commands.h"
#include "terminal.h"

#include "exec/run.h"
#include "fleet/localfleet.h"
#include "inventory/targetselection.h"
#include "report/gather.h"
#include "report/runjournal.h"
#include "report/runjson.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

namespace volley::cli {

namespace {

QString description()
{
    return RunText::tr(R"(Run commands on SSH hosts and the local machine, concurrently, streaming
their output line by line as "target: line" (stderr lines go to stderr).

Targets: [user@]host[:port], [user@][v6addr]:port, local, local:NAME; ranges
and lists as in pdsh/clush (web[01-20].lab,db1 10.0.[1-2].[1-50]); @group for a
saved group; !pattern inside a list excludes. Host names go through
~/.ssh/config (HostName, User, Port, IdentityFile, ProxyJump, ConnectTimeout).

Exit status: 0 every target ok; 1 some command exited non-zero, was killed or
timed out; 3 some target could not run (unreachable, auth_failed,
host_key_rejected, error); 2 bad usage or input (nothing ran); 130 interrupted.
Ctrl-C cancels cleanly and still reports; a second Ctrl-C exits at once.

Examples:
  volley-cli run -H local -- uname -a
  volley-cli run -H 'web[01-20].lab' -x web07.lab -f 64 -b -- uptime
  volley-cli run -H db1,db2 -c 'systemctl is-active postgresql' -c 'df -h /' --stop-on-error
  volley-cli run --plan plan.json --json > results.json
  volley-cli run --hosts-file hosts.txt --outdir out/ --failed-file failed.txt -- apt-get -s upgrade
  volley-cli run --hosts-file failed.txt -- apt-get -s upgrade   # retry the failed ones)");
}

QString safeFileName(const QString &name)
{
    QString out = name;
    out.replace(QLatin1Char('/'), QLatin1Char('_'));
    if (out.startsWith(QLatin1Char('.')))
        out.prepend(QLatin1Char('_'));
    return out;
}

// Control characters would let a host drive the terminal (title, cursor,
// clipboard): show them as ^X / <U+XXXX> instead. The exact bytes are in --outdir.
// True when every byte is printable ASCII or a tab: nothing to neutralise.
// No early exit, so the compiler vectorises it (about an instruction a byte).
bool isPlainAscii(QByteArrayView line)
{
    unsigned bad = 0;
    for (const char c : line) {
        const auto u = static_cast<unsigned char>(c);
        bad |= unsigned(u < 0x20 && u != '\t') | unsigned(u >= 0x7f);
    }
    return bad == 0;
}

QByteArray sanitizeLine(const QByteArray &line)
{
    if (isPlainAscii(line))
        return line;
    const QString text = QString::fromUtf8(line);
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\t') {
            out += c;
        } else if (u < 0x20) {
            out += QLatin1Char('^');
            out += QChar(u + 64);
        } else if (u == 0x7f) {
            out += QStringLiteral("^?");
        } else if ((u >= 0x80 && u <= 0x9f) || u == 0x202e || u == 0x202d || u == 0x2066 ||
                   u == 0x2067 || u == 0x2068 || u == 0x2069) {
            out += QStringLiteral("<U+%1>").arg(int(u), 4, 16, QLatin1Char('0')).toUpper();
        } else {
            out += c;
        }
    }
    return out.toUtf8();
}

const char *const kColours[] = {"\033[36m", "\033[32m", "\033[33m",
                                "\033[35m", "\033[34m", "\033[96m"};

/// Prints chunks as "target: line", completing lines across chunks.
class LinePrinter
{
public:
    LinePrinter(const Run &run, bool colour)
        : m_run(run)
        , m_colour(colour)
    {}

    void add(const OutputChunk &chunk)
    {
        // Whole lines are copied straight from the chunk into one block, written
        // with a single call; only a line cut by the chunk's end is kept.
        QByteArray &partial = m_partial[key(chunk.target, chunk.stream)];
        const QByteArray &pre = prefix(chunk.target);
        const char *p = chunk.data.constData();
        const char *const end = p + chunk.data.size();
        m_block.resize(0); // keeps the allocation
        while (p < end) {
            const auto *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
            if (!nl) {
                partial.append(p, end - p);
                break;
            }
            if (partial.isEmpty()) {
                appendLine(pre, QByteArrayView(p, nl - p));
            } else {
                partial.append(p, nl - p);
                appendLine(pre, partial);
                partial.clear();
            }
            p = nl + 1;
        }
        write(chunk.stream);
    }

    void flushTarget(int target)
    {
        for (Stream s : {Stream::Stdout, Stream::Stderr}) {
            QByteArray &buffer = m_partial[key(target, s)];
            if (!buffer.isEmpty()) {
                m_block.resize(0); // keeps the allocation
                appendLine(prefix(target), buffer);
                write(s);
            }
            buffer.clear();
        }
    }

private:
    static qint64 key(int target, Stream s) { return qint64(target) * 2 + int(s); }

    const QByteArray &prefix(int target)
    {
        QByteArray &p = m_prefix[target];
        if (p.isEmpty()) {
            const QByteArray name = m_run.target(target).name.toUtf8();
            if (m_colour)
                p = QByteArray(kColours[target % 6]) + name + "\033[0m: ";
            else
                p = name + ": ";
        }
        return p;
    }

    void appendLine(const QByteArray &pre, QByteArrayView line)
    {
        if (line.endsWith('\r'))
            line.chop(1);
        m_block.append(pre);
        if (isPlainAscii(line))
            m_block.append(line);
        else
            m_block.append(sanitizeLine(line.toByteArray()));
        m_block.append('\n');
    }

    // Straight to stdio, which buffers (a large buffer when not a terminal). Only
    // the owner's thread prints, so stdio's per-call locking is skipped.
    void write(Stream stream)
    {
        FILE *out = stream == Stream::Stdout ? stdout : stderr;
        ::fwrite_unlocked(m_block.constData(), 1, size_t(m_block.size()), out);
    }

    const Run &m_run;
    bool m_colour;
    QByteArray m_block; // the lines of one chunk, prefixed; reused
    QHash<qint64, QByteArray> m_partial;
    QHash<int, QByteArray> m_prefix;
};

bool readPlan(const QString &file, QList<Target> *targets, QString *error)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = RunText::tr("cannot read the plan %1: %2").arg(file, f.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = RunText::tr("the plan %1 is not valid JSON at byte %2: %3")
                     .arg(file)
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return false;
    }
    if (!doc.isArray()) {
        *error = RunText::tr("the plan %1 must be a JSON array of "
                             "{\"target\": \"...\", \"commands\": [\"...\"]}")
                     .arg(file);
        return false;
    }
    const QJsonArray entries = doc.array();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject o = entries.at(i).toObject();
        //: %1 is the plan file, %2 the entry's number (from 1).
        const QString where = RunText::tr("%1: entry %2").arg(file).arg(i + 1);
        if (!o.value(QStringLiteral("target")).isString() ||
            !o.value(QStringLiteral("commands")).isArray()) {
            *error = RunText::tr("%1 needs \"target\" (a string) and \"commands\" (an array of "
                                 "strings)")
                         .arg(where);
            return false;
        }
        QList<Target> selected;
        QString selectError;
        if (!selectTargets({o.value(QStringLiteral("target")).toString()}, {}, {}, &selected,
                           &selectError)) {
            *error = QStringLiteral("%1: %2").arg(where, selectError);
            return false;
        }
        QStringList commands;
        for (const QJsonValue &c : o.value(QStringLiteral("commands")).toArray()) {
            if (!c.isString() || c.toString().isEmpty()) {
                *error = RunText::tr("%1: every command must be a non-empty string").arg(where);
                return false;
            }
            commands << c.toString();
        }
        if (commands.isEmpty()) {
            *error = RunText::tr("%1 has no commands").arg(where);
            return false;
        }
        for (Target t : selected) {
            t.commands = commands;
            targets->append(t);
        }
    }
    return true;
}

// Where each target's files go in --outdir: its name made safe, and made
// unique (NAME~2, NAME~3, ...) when two targets would share it, e.g. a host
// listed twice in a plan with different commands.
struct OutdirLayout
{
    QString dir;
    QStringList bases;   // per target index
    QList<int> commands; // per target index

    OutdirLayout(const QString &folder, const RunSpec &spec)
        : dir(folder)
    {
        QSet<QString> taken;
        for (const Target &t : spec.targets)
            taken.insert(safeFileName(t.name));
        QSet<QString> used;
        for (const Target &t : spec.targets) {
            const QString safe = safeFileName(t.name);
            QString base = safe;
            // A made-up name never takes one a target has.
            for (int n = 2; used.contains(base) || (base != safe && taken.contains(base)); ++n)
                base = QStringLiteral("%1~%2").arg(safe).arg(n);
            used.insert(base);
            bases << base;
            commands << int(spec.commandsFor(t).size());
        }
    }

    // NAME.out and NAME.err, or NAME.N.out and NAME.N.err for several commands.
    QString file(int target, int command, Stream stream) const
    {
        const QString base = QDir(dir).filePath(bases.at(target));
        const QString ext =
            stream == Stream::Stdout ? QStringLiteral("out") : QStringLiteral("err");
        return commands.at(target) > 1
                   ? QStringLiteral("%1.%2.%3").arg(base).arg(command + 1).arg(ext)
                   : QStringLiteral("%1.%2").arg(base, ext);
    }
};

bool writeOutdir(Run &run, const OutdirLayout &layout, QString *error)
{
    for (int i = 0; i < run.targetCount(); ++i) {
        OutputStore &store = run.output(i);
        for (int c = 0; c < qMax(1, layout.commands.at(i)); ++c) {
            for (Stream s : {Stream::Stdout, Stream::Stderr}) {
                if (!store.writeFile(c, s, layout.file(i, c, s), error))
                    return false;
            }
        }
    }
    return true;
}

// Prints a stream line by line as it is written to it, so a gathered output of
// any size never sits in memory whole.
class SanitizingLineWriter final : public QIODevice
{
public:
    SanitizingLineWriter() { open(QIODevice::WriteOnly); }
    ~SanitizingLineWriter() override { finish(); }
    Q_DISABLE_COPY_MOVE(SanitizingLineWriter)

    void finish()
    {
        if (!m_partial.isEmpty())
            printLine(m_partial);
        m_partial.clear();
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        m_partial.append(data, size);
        qsizetype start = 0;
        qsizetype nl;
        while ((nl = m_partial.indexOf('\n', start)) >= 0) {
            printLine(m_partial.mid(start, nl - start));
            start = nl + 1;
        }
        m_partial.remove(0, start);
        return size;
    }

private:
    static void printLine(QByteArray line)
    {
        if (line.endsWith('\r'))
            line.chop(1);
        const QByteArray clean = sanitizeLine(line);
        std::fwrite(clean.constData(), 1, size_t(clean.size()), stdout);
        std::fputc('\n', stdout);
    }

    QByteArray m_partial;
};

void printGathered(const Run &run, bool colour)
{
    const QList<OutputGroup> groups = groupIdenticalOutput(run);
    for (const OutputGroup &g : groups) {
        const QByteArray title =
            QStringLiteral("%1 (%2)").arg(g.folded).arg(g.targets.size()).toUtf8();
        const QByteArray rule(qMin<qsizetype>(qMax<qsizetype>(title.size(), 15), 79), '-');
        std::printf("%s\n%s%s%s\n%s\n", rule.constData(), colour ? "\033[36m" : "",
                    title.constData(), colour ? "\033[0m" : "", rule.constData());
        const OutputStore &store = run.output(g.targets.first());
        for (int c = 0; c < store.commandCount(); ++c) {
            for (Stream s : {Stream::Stdout, Stream::Stderr}) {
                SanitizingLineWriter writer;
                store.writeTo(c, s, &writer);
            }
        }
    }
}

QJsonObject chunkEvent(const Run &run, const OutputChunk &chunk)
{
    QJsonObject e{{QStringLiteral("event"), QStringLiteral("output")},
                  {QStringLiteral("target"), run.target(chunk.target).name},
                  {QStringLiteral("command"), chunk.command},
                  {QStringLiteral("stream"), chunk.stream == Stream::Stdout
                                                 ? QStringLiteral("stdout")
                                                 : QStringLiteral("stderr")}};
    putBytes(e, QStringLiteral("data"), chunk.data);
    return e;
}

void emitJsonLine(const QJsonObject &o)
{
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

QString summaryLine(const Run &run)
{
    QStringList parts;
    for (Status s : kFinalStatuses) {
        const int n = run.countWithStatus(s);
        if (n > 0)
            parts << QStringLiteral("%1 %2").arg(n).arg(statusName(s));
    }
    // The status words are the ones of --json and the exit status: not translated.
    const QString counts = parts.join(QStringLiteral(", "));
    const QString seconds = QString::number(double(run.elapsedMs()) / 1000.0, 'f', 1);
    if (run.targetCount() == 1) {
        //: %1 counts the targets per status ("1 ok": the status words stay English), %2 is
        //: the run's time in seconds.
        return QStringLiteral("volley: ") + RunText::tr("1 target: %1 (%2 s)").arg(counts, seconds);
    }
    //: %1 targets, %2 counts them per status ("3 ok, 1 failed": the status words stay
    //: English), %3 is the run's time in seconds.
    return QStringLiteral("volley: ") +
           RunText::tr("%1 targets: %2 (%3 s)")
               .arg(QString::number(run.targetCount()), counts, seconds);
}

int usage(const QString &message)
{
    std::fprintf(stderr, "volley-cli run: %s\n", qPrintable(message));
    return ExitUsage;
}

} // namespace

int runCommand(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(description());
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("COMMAND"),
                            RunText::tr("The command to run (after --), unless -c or --plan."));
    using O = QCommandLineOption;
    const O hosts({QStringLiteral("H"), QStringLiteral("hosts")},
                  RunText::tr("Targets: a comma list with ranges; repeatable."),
                  QStringLiteral("PATTERN"));
    const O hostsFile(QStringLiteral("hosts-file"),
                      RunText::tr("Targets from a file (one per line, '#' comments, or any "
                                  "inventory format); repeatable."),
                      QStringLiteral("FILE"));
    const O exclude({QStringLiteral("x"), QStringLiteral("exclude")},
                    RunText::tr("Leave out targets matching PATTERN; repeatable."),
                    QStringLiteral("PATTERN"));
    const O command({QStringLiteral("c"), QStringLiteral("command")},
                    RunText::tr("A command; repeatable: run in order on each target over one "
                                "connection."),
                    QStringLiteral("CMD"));
    const O plan(QStringLiteral("plan"),
                 RunText::tr("JSON plan: [{\"target\": \"...\", \"commands\": [\"...\"]}, ...]."),
                 QStringLiteral("FILE"));
    const O stopOnError(QStringLiteral("stop-on-error"),
                        RunText::tr("Stop a target's command list at its first failure."));
    const O fanout({QStringLiteral("f"), QStringLiteral("fanout")},
                   RunText::tr("Targets at once (default 32)."), QStringLiteral("N"),
                   QStringLiteral("32"));
    const O connectTimeout(QStringLiteral("connect-timeout"),
                           RunText::tr("Seconds to connect (default 10)."), QStringLiteral("S"),
                           QStringLiteral("10"));
    const O timeout({QStringLiteral("t"), QStringLiteral("timeout")},
                    RunText::tr("Seconds per command; 0 = none (default)."), QStringLiteral("S"),
                    QStringLiteral("0"));
    const O user({QStringLiteral("l"), QStringLiteral("user")},
                 RunText::tr("User for targets that name none."), QStringLiteral("USER"));
    const O port({QStringLiteral("p"), QStringLiteral("port")},
                 RunText::tr("Port for targets that name none."), QStringLiteral("PORT"));
    const O identity({QStringLiteral("i"), QStringLiteral("identity")},
                     RunText::tr("Private key file; repeatable (only these keys are tried)."),
                     QStringLiteral("FILE"));
    const O sshConfig(QStringLiteral("ssh-config"),
                      RunText::tr("ssh_config file to read, or 'none' (default ~/.ssh/config)."),
                      QStringLiteral("FILE|none"));
    const O knownHosts(QStringLiteral("known-hosts"),
                       RunText::tr("known_hosts file (default ~/.ssh/known_hosts)."),
                       QStringLiteral("FILE"));
    const O policy(QStringLiteral("host-key-policy"),
                   RunText::tr("strict (only known keys, default) or accept-new (record unknown "
                               "keys; a changed key is always refused)."),
                   QStringLiteral("POLICY"), QStringLiteral("strict"));
    const O askPass(QStringLiteral("ask-pass"),
                    RunText::tr("Ask for a password once on the terminal."));
    const O gather(
        {QStringLiteral("b"), QStringLiteral("gather")},
        RunText::tr("After the run, group targets with identical output (like clush -b)."));
    const O json(QStringLiteral("json"), RunText::tr("One JSON document on stdout at the end."));
    const O jsonStream(QStringLiteral("json-stream"),
                       RunText::tr("JSON Lines events as they happen."));
    const O outdir(QStringLiteral("outdir"),
                   RunText::tr("Write DIR/<target>.out and .err (exact bytes; <target>.<n>.out per "
                               "command, from 1, when there are several)."),
                   QStringLiteral("DIR"));
    const O failedFile(QStringLiteral("failed-file"),
                       RunText::tr("Write the targets that did not end ok, one per line."),
                       QStringLiteral("FILE"));
    const O journal(QStringLiteral("journal"),
                    RunText::tr("Append each finished target to FILE as it ends (JSON Lines), so "
                                "a crash loses nothing that finished."),
                    QStringLiteral("FILE"));
    const O quiet({QStringLiteral("q"), QStringLiteral("quiet")},
                  RunText::tr("No summary or per-target notes from Volley itself."));
    const O noColor(QStringLiteral("no-color"), RunText::tr("No colours, even on a terminal."));
    const O progress(QStringLiteral("progress"),
                     RunText::tr("A progress line on stderr (when it is a terminal)."));
    p.addOptions({hosts,          hostsFile, exclude, command, plan,       stopOnError, fanout,
                  connectTimeout, timeout,   user,    port,    identity,   sshConfig,   knownHosts,
                  policy,         askPass,   gather,  json,    jsonStream, outdir,      failedFile,
                  journal,        quiet,     noColor, progress});
    if (!p.parse(args))
        return usage(RunText::tr("%1; see volley-cli run --help").arg(p.errorText()));
    if (p.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(subcommandHelp(p, QStringLiteral("run"))), stdout);
        return ExitOk;
    }

    RunSpec spec;
    // Targets.
    QString error;
    if (p.isSet(hosts) || p.isSet(hostsFile)) {
        if (!selectTargets(p.values(hosts), p.values(hostsFile), p.values(exclude), &spec.targets,
                           &error))
            return usage(error);
    }
    if (p.isSet(plan)) {
        QList<Target> planned;
        if (!readPlan(p.value(plan), &planned, &error))
            return usage(error);
        spec.targets += planned;
    }
    if (spec.targets.isEmpty())
        return usage(RunText::tr("no targets: give -H PATTERN, --hosts-file FILE or --plan FILE"));

    // Commands.
    // parse() takes args[0] ("run") as the program name: the rest is the command.
    const QStringList positional = p.positionalArguments();
    spec.commands = p.values(command);
    if (!positional.isEmpty()) {
        if (!spec.commands.isEmpty())
            return usage(RunText::tr("give the command either after -- or with -c, not both"));
        // Like ssh: the words are joined with spaces into one command line.
        spec.commands << positional.join(QLatin1Char(' '));
    }
    for (const QString &c : std::as_const(spec.commands))
        if (c.trimmed().isEmpty())
            return usage(RunText::tr("an empty command; give one after -- or with -c CMD"));
    bool everyTargetHasCommands = true;
    for (const Target &t : std::as_const(spec.targets))
        everyTargetHasCommands = everyTargetHasCommands && !t.commands.isEmpty();
    if (spec.commands.isEmpty() && !everyTargetHasCommands)
        return usage(RunText::tr("no command: give it after --, with -c CMD, or in a --plan"));

    // Numbers.
    auto number = [&](const O &o, int min, int max, int *out) {
        bool ok = false;
        const int v = p.value(o).toInt(&ok);
        if (!ok || v < min || v > max) {
            error = RunText::tr("--%1 '%2' must be a whole number from %3 to %4")
                        .arg(o.names().constLast(), p.value(o))
                        .arg(min)
                        .arg(max);
            return false;
        }
        *out = v;
        return true;
    };
    if (!number(fanout, 1, 4096, &spec.fanout) ||
        !number(connectTimeout, 1, 3600, &spec.connectTimeoutSec) ||
        !number(timeout, 0, 864000, &spec.commandTimeoutSec) ||
        (p.isSet(port) && !number(port, 1, 65535, &spec.port)))
        return usage(error);
    if (!hostKeyPolicyFromName(p.value(policy), &spec.hostKeyPolicy) ||
        spec.hostKeyPolicy == HostKeyPolicy::Ask)
        return usage(RunText::tr("--host-key-policy '%1' must be strict or accept-new")
                         .arg(p.value(policy)));
    spec.connectTimeoutExplicit = p.isSet(connectTimeout);
    spec.stopOnError = p.isSet(stopOnError);
    spec.user = p.value(user);
    spec.identityFiles = p.values(identity);
    for (const QString &f : std::as_const(spec.identityFiles))
        if (!QFile::exists(f))
            return usage(RunText::tr("identity file %1 does not exist").arg(f));
    spec.sshConfigFile = p.value(sshConfig);
    if (!spec.sshConfigFile.isEmpty() && spec.sshConfigFile != QLatin1String("none") &&
        !QFile::exists(spec.sshConfigFile))
        return usage(
            RunText::tr("ssh config file %1 does not exist (use --ssh-config none for no file)")
                .arg(spec.sshConfigFile));
    spec.knownHostsFile = p.value(knownHosts);
    if (p.isSet(json) && p.isSet(jsonStream))
        return usage(RunText::tr("--json and --json-stream exclude each other"));

    QByteArray password;
    if (p.isSet(askPass)) {
        password = readSecret(RunText::tr("Password: "));
        if (password.isEmpty())
            return usage(RunText::tr("--ask-pass needs a terminal to read the password from"));
    }
    TerminalCredentials credentials(password);
    wipe(password);
    spec.credentials = &credentials;

    LocalFleet::raiseFileLimit(); // one descriptor per session: 1,000 hosts need more than 1,024
    const bool colour =
        !p.isSet(noColor) && isTerminal(1) && qEnvironmentVariableIsEmpty("NO_COLOR");
    const bool streamText = !p.isSet(json) && !p.isSet(jsonStream) && !p.isSet(gather);
    const bool showProgress = p.isSet(progress) && isTerminal(2);

    // Printed text only: nothing reads the bytes back, so none are kept.
    spec.keepOutput = !streamText || p.isSet(outdir) || p.isSet(journal);
    std::optional<OutdirLayout> layout;
    if (p.isSet(outdir)) {
        // Made before anything runs: a typo in the folder must not cost a run.
        if (!QDir().mkpath(p.value(outdir))) {
            usage(RunText::tr("cannot create the output folder %1").arg(p.value(outdir)));
            return ExitCouldNotRun;
        }
        // A stream that outgrows memory spills straight into its --outdir file,
        // so its bytes are written once; writeOutdir() adds only what is left.
        layout.emplace(p.value(outdir), spec);
        spec.spillPath = [l = *layout](int target, int command, Stream stream) {
            return l.file(target, command, stream);
        };
    }
    Run run(spec);
    std::unique_ptr<RunJournal> journalWriter;
    if (p.isSet(journal)) {
        journalWriter = std::make_unique<RunJournal>(&run, p.value(journal));
        if (!journalWriter->open(&error))
            return usage(error);
    }
    LinePrinter printer(run, colour);
    // Into a pipe or a file, output goes in large blocks; a terminal keeps line buffering.
    static char stdoutBuffer[1 << 20];
    if (!isTerminal(1))
        std::setvbuf(stdout, stdoutBuffer, _IOFBF, sizeof stdoutBuffer);
    //: The --progress line: [finished/all targets], then how many ended how.
    const QString progressText = RunText::tr("[%1/%2] %3 ok, %4 failed, %5 not run");
    QEventLoop loop;
    QObject::connect(&run, &Run::updated, &loop, [&](const RunUpdate &u) {
        if (streamText) {
            for (const OutputChunk &c : u.chunks)
                printer.add(c);
            for (int t : u.finished)
                printer.flushTarget(t);
            std::fflush(stdout);
        } else if (p.isSet(jsonStream)) {
            for (int t : u.started)
                emitJsonLine({{QStringLiteral("event"), QStringLiteral("started")},
                              {QStringLiteral("target"), run.target(t).name}});
            for (const OutputChunk &c : u.chunks)
                emitJsonLine(chunkEvent(run, c));
            for (int t : u.finished) {
                const TargetResult r = run.result(t);
                QJsonObject e = targetToJson(run, t);
                e[QStringLiteral("event")] = QStringLiteral("finished");
                QJsonArray cmds = e.value(QStringLiteral("commands")).toArray();
                for (auto it = cmds.begin(); it != cmds.end(); ++it) {
                    // Output went out as events already.
                    QJsonObject c = it->toObject();
                    for (const char *k : {"stdout", "stderr", "stdout_base64", "stderr_base64"})
                        c.remove(QLatin1String(k));
                    *it = c;
                }
                e[QStringLiteral("commands")] = cmds;
                emitJsonLine(e);
            }
        }
        if (showProgress) {
            const int ok = run.countWithStatus(Status::Ok);
            const int failed =
                run.countWithStatus(Status::Failed) + run.countWithStatus(Status::Timeout);
            const QString line = progressText.arg(
                QString::number(run.finishedCount()), QString::number(run.targetCount()),
                QString::number(ok), QString::number(failed),
                QString::number(run.finishedCount() - ok - failed));
            std::fprintf(stderr, "\r\033[K%s", qPrintable(line));
            std::fflush(stderr);
        }
    });
    QObject::connect(&run, &Run::finished, &loop, &QEventLoop::quit);
    InterruptWatcher interrupt([&run] {
        std::fprintf(
            stderr, "\nvolley: %s\n",
            qPrintable(RunText::tr("interrupted; cancelling (Ctrl-C again to exit at once)")));
        run.cancel();
    });
    run.start();
    if (!run.isFinished())
        loop.exec();
    if (showProgress)
        std::fputs("\r\033[K", stderr);

    int status = run.exitCode();
    if (interrupt.interrupted())
        status = ExitInterrupted;

    if (p.isSet(gather))
        printGathered(run, colour);
    if (p.isSet(json)) {
        const QByteArray doc = QJsonDocument(runToJson(run)).toJson(QJsonDocument::Compact);
        std::fwrite(doc.constData(), 1, size_t(doc.size()), stdout);
        std::fputc('\n', stdout);
    }
    if (p.isSet(jsonStream)) {
        QJsonObject summary = runToJson(run);
        summary.remove(QStringLiteral("targets"));
        summary[QStringLiteral("event")] = QStringLiteral("summary");
        summary[QStringLiteral("exit_status")] = status;
        emitJsonLine(summary);
    }
    std::fflush(stdout);
    if (layout && !writeOutdir(run, *layout, &error)) {
        std::fprintf(stderr, "volley: %s\n", qPrintable(error));
        status = qMax(status, int(ExitCouldNotRun));
    }
    if (p.isSet(failedFile)) {
        QSaveFile f(p.value(failedFile));
        QByteArray lines;
        for (int i = 0; i < run.targetCount(); ++i)
            if (run.result(i).status != Status::Ok)
                lines += run.target(i).name.toUtf8() + '\n';
        if (!f.open(QIODevice::WriteOnly) || f.write(lines) != lines.size() || !f.commit()) {
            std::fprintf(
                stderr, "volley: %s\n",
                qPrintable(
                    RunText::tr("cannot write %1: %2").arg(p.value(failedFile), f.errorString())));
            status = qMax(status, int(ExitCouldNotRun));
        }
    }
    if (!p.isSet(quiet) && !p.isSet(json) && !p.isSet(jsonStream)) {
        for (int i = 0; i < run.targetCount(); ++i) {
            const TargetResult r = run.result(i);
            if (r.status == Status::Ok)
                continue;
            QString detail = r.error;
            if (detail.isEmpty()) {
                for (const CommandResult &c : r.commands) {
                    if (c.status == Status::Ok)
                        continue;
                    detail = !c.signal.isEmpty() ? RunText::tr("killed by signal %1").arg(c.signal)
                             : c.exitCode        ? RunText::tr("exit %1").arg(*c.exitCode)
                                                 : statusName(c.status);
                    if (r.commands.size() > 1)
                        detail += QStringLiteral(" (%1)").arg(c.command);
                    break;
                }
            }
            std::fprintf(stderr, "%s: %s: %s\n", qPrintable(run.target(i).name),
                         qPrintable(statusName(r.status)), qPrintable(detail));
        }
        std::fprintf(stderr, "%s\n", qPrintable(summaryLine(run)));
    }
    return status;
}

} // namespace volley::cli
