// SPDX-License-Identifier: GPL-3.0-or-later
// Security: a password used for a run is never written anywhere, never printed
// and never visible in a command line. Checked once in-process (the engine
// with a CredentialProvider double) and once end to end (`volley-cli run
// --ask-pass` on a pseudo-terminal), with HOME, XDG_* and TMPDIR pointing into
// a fresh folder that is searched afterwards.
#include "exec/credentialprovider.h"
#include "exec/run.h"
#include "faulthelpers.h"
#include "fleet/localfleet.h"
#include "report/runjson.h"
#include "runhelpers.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <mutex>
#include <poll.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <memory>

using namespace volley;

namespace {

class PasswordDouble final : public CredentialProvider
{
public:
    explicit PasswordDouble(QByteArray password)
        : m_password(std::move(password))
    {}

    QByteArray secret(const SecretRequest &request, const std::atomic_bool *) override
    {
        std::lock_guard lock(m_mutex);
        m_requests.append(request);
        return request.kind == SecretKind::Password ? m_password : QByteArray();
    }
    HostKeyAnswer hostKey(const HostKeyRequest &, const std::atomic_bool *) override
    {
        return HostKeyAnswer::Reject;
    }
    QList<SecretRequest> requests() const
    {
        std::lock_guard lock(m_mutex);
        return m_requests;
    }

private:
    QByteArray m_password;
    mutable std::mutex m_mutex;
    QList<SecretRequest> m_requests;
};

/// Files under dir (recursively, hidden ones too) whose bytes contain needle.
QStringList filesContaining(const QString &dir, const QByteArray &needle, int *searched)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        ++*searched;
        if (f.readAll().contains(needle))
            hits << f.fileName();
    }
    return hits;
}

} // namespace

class TestFaultsSecrets final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_base; // HOME, XDG_* and TMPDIR of everything Volley runs here
    std::unique_ptr<LocalFleet> m_fleet;
    QByteArray m_password;

    QString knownHostsCopy(const QString &name) const
    {
        const QString file = m_base.filePath(name);
        QFile::remove(file);
        QFile::copy(m_fleet->knownHostsPath(), file);
        return file;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_base.isValid());
        for (const char *sub : {"home", "config", "data", "cache", "state", "runtime", "tmp"})
            QVERIFY(QDir(m_base.path()).mkpath(QLatin1String(sub)));
        qputenv("HOME", m_base.filePath(QStringLiteral("home")).toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", m_base.filePath(QStringLiteral("config")).toLocal8Bit());
        qputenv("XDG_DATA_HOME", m_base.filePath(QStringLiteral("data")).toLocal8Bit());
        qputenv("XDG_CACHE_HOME", m_base.filePath(QStringLiteral("cache")).toLocal8Bit());
        qputenv("XDG_STATE_HOME", m_base.filePath(QStringLiteral("state")).toLocal8Bit());
        qputenv("XDG_RUNTIME_DIR", m_base.filePath(QStringLiteral("runtime")).toLocal8Bit());
        qputenv("TMPDIR", m_base.filePath(QStringLiteral("tmp")).toLocal8Bit());
        qunsetenv("SSH_AUTH_SOCK"); // the password must be what lets us in
        QFile::setPermissions(m_base.filePath(QStringLiteral("runtime")),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                  QFileDevice::ExeOwner);

        m_password =
            "Vly-" + QByteArray::number(QRandomGenerator::global()->generate64(), 36) + "-pw";
        m_fleet = std::make_unique<LocalFleet>();
        LocalFleet::Options options;
        options.hosts = 2;
        options.passwordAuth = true;
        options.password = QString::fromLatin1(m_password);
        QVERIFY2(m_fleet->start(options), qPrintable(m_fleet->error()));
    }

    void cleanupTestCase() { m_fleet.reset(); }

    void init() { test::failOnQtWarnings(); }

    void engineUsesThePasswordAndKeepsItNowhere()
    {
        PasswordDouble provider(m_password);
        RunSpec spec;
        spec.targets = m_fleet->targets();
        for (Target &t : spec.targets) {
            t.identityFiles.clear();
            t.knownHostsFile.clear();
        }
        spec.knownHostsFile = knownHostsCopy(QStringLiteral("home/engine_known_hosts"));
        spec.commands = {QStringLiteral("echo ok; echo err >&2")};
        spec.sshConfigFile = QStringLiteral("none");
        spec.credentials = &provider;

        // Whatever the engine (or libssh) prints to stderr lands in a file we search.
        const QString stderrFile = m_base.filePath(QStringLiteral("tmp/engine-stderr"));
        const int saved = ::dup(2);
        const int capture = ::open(QFile::encodeName(stderrFile).constData(),
                                   O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        QVERIFY(saved >= 0 && capture >= 0);
        ::dup2(capture, 2);
        QStringList messages;
        QByteArray json;
        {
            Run run(spec);
            test::UpdateLog log;
            log.attach(&run);
            QSignalSpy done(&run, &Run::finished);
            run.start();
            const bool finished = run.isFinished() || done.wait(30000);
            ::dup2(saved, 2);
            ::close(saved);
            ::close(capture);
            QVERIFY(finished);
            QVERIFY2(test::notOk(run, {0, 1}).isEmpty(), qPrintable(test::notOk(run, {0, 1})));
            for (int i = 0; i < 2; ++i)
                QCOMPARE(run.output(i).read(0, Stream::Stdout), QByteArray("ok\n"));
            for (const QStringList &m : std::as_const(log.messages))
                messages += m;
            json = QJsonDocument(runToJson(run)).toJson();
        }
        // Asked once per user@host, as a password, with who and where.
        const QList<SecretRequest> asked = provider.requests();
        QCOMPARE(asked.size(), 2);
        for (const SecretRequest &r : asked) {
            QCOMPARE(r.kind, SecretKind::Password);
            QCOMPARE(r.user, m_fleet->user());
            QVERIFY(m_fleet->addresses().contains(r.host));
        }
        QVERIFY2(!json.contains(m_password), json.constData());
        QVERIFY(!messages.join(QLatin1Char('\n')).toUtf8().contains(m_password));
        int searched = 0;
        const QStringList hits = filesContaining(m_base.path(), m_password, &searched);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
        QVERIFY(searched >= 2); // at least known_hosts and the captured stderr
    }

    void cliAskPassOnATerminalKeepsItNowhere()
    {
        const QString outdir = m_base.filePath(QStringLiteral("data/outdir"));
        const QString journal = m_base.filePath(QStringLiteral("state/run.jsonl"));
        const QString failed = m_base.filePath(QStringLiteral("data/failed.txt"));
        const QString outFile = m_base.filePath(QStringLiteral("tmp/cli.stdout"));
        const QString errFile = m_base.filePath(QStringLiteral("tmp/cli.stderr"));
        const QStringList args = {test::volleyCli(),
                                  QStringLiteral("run"),
                                  QStringLiteral("--ask-pass"),
                                  QStringLiteral("-H"),
                                  m_fleet->addresses().join(QLatin1Char(',')),
                                  QStringLiteral("-p"),
                                  QString::number(m_fleet->port()),
                                  QStringLiteral("-l"),
                                  m_fleet->user(),
                                  QStringLiteral("--known-hosts"),
                                  knownHostsCopy(QStringLiteral("home/cli_known_hosts")),
                                  QStringLiteral("--ssh-config"),
                                  QStringLiteral("none"),
                                  QStringLiteral("--json"),
                                  QStringLiteral("--outdir"),
                                  outdir,
                                  QStringLiteral("--journal"),
                                  journal,
                                  QStringLiteral("--failed-file"),
                                  failed,
                                  QStringLiteral("--"),
                                  QStringLiteral("echo ok")};
        // Everything the child needs, prepared before fork (only exec-safe calls after).
        QList<QByteArray> argBytes;
        for (const QString &a : args)
            argBytes << a.toLocal8Bit();
        std::vector<char *> argv;
        for (QByteArray &a : argBytes)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        QList<QByteArray> envBytes;
        for (const QString &e : QProcessEnvironment::systemEnvironment().toStringList())
            envBytes << e.toLocal8Bit();
        std::vector<char *> envp;
        for (QByteArray &e : envBytes)
            envp.push_back(e.data());
        envp.push_back(nullptr);
        const int outFd = ::open(QFile::encodeName(outFile).constData(),
                                 O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        const int errFd = ::open(QFile::encodeName(errFile).constData(),
                                 O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        const int nullFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        int master = -1;
        int slave = -1;
        QVERIFY(outFd >= 0 && errFd >= 0 && nullFd >= 0);
        QVERIFY(::openpty(&master, &slave, nullptr, nullptr, nullptr) == 0);
        const pid_t pid = ::fork();
        QVERIFY(pid >= 0);
        if (pid == 0) {
            // The pty becomes the controlling terminal (/dev/tty); stdout and stderr are files.
            ::setsid();
            ::ioctl(slave, TIOCSCTTY, 0);
            ::dup2(nullFd, 0);
            ::dup2(outFd, 1);
            ::dup2(errFd, 2);
            ::close(master);
            ::close(slave);
            ::execve(argv[0], argv.data(), envp.data());
            ::_exit(127);
        }
        ::close(slave);
        ::close(outFd);
        ::close(errFd);
        ::close(nullFd);

        QByteArray transcript; // what the terminal showed
        bool answered = false;
        int samplesAfterAnswer = 0;
        QStringList leaks;
        int status = -1;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 60000) {
            pollfd p{master, POLLIN, 0};
            if (::poll(&p, 1, 20) > 0) {
                char buf[4096];
                const ssize_t n = ::read(master, buf, sizeof buf);
                if (n > 0)
                    transcript.append(buf, n);
            }
            if (!answered && transcript.contains("Password: ")) {
                const QByteArray line = m_password + '\n';
                QCOMPARE(::write(master, line.constData(), size_t(line.size())),
                         ssize_t(line.size()));
                answered = true;
            }
            if (answered) {
                // What ps shows: every process's command line, and volley-cli's environment.
                if (!test::processesMatching(QString::fromLatin1(m_password)).isEmpty())
                    leaks << QStringLiteral("a process command line");
                QFile env(QStringLiteral("/proc/%1/environ").arg(pid));
                if (env.open(QIODevice::ReadOnly) && env.readAll().contains(m_password))
                    leaks << QStringLiteral("volley-cli's environment");
                ++samplesAfterAnswer;
            }
            int ws = 0;
            if (::waitpid(pid, &ws, WNOHANG) == pid) {
                status = WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
                break;
            }
        }
        if (status == -1 && ::waitpid(pid, nullptr, WNOHANG) == 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
        for (;;) { // what is left on the terminal
            char buf[4096];
            pollfd p{master, POLLIN, 0};
            if (::poll(&p, 1, 0) <= 0)
                break;
            const ssize_t n = ::read(master, buf, sizeof buf);
            if (n <= 0)
                break;
            transcript.append(buf, n);
        }
        ::close(master);

        QFile errText(errFile);
        errText.open(QIODevice::ReadOnly);
        const QByteArray err = errText.readAll();
        QVERIFY2(answered, transcript.constData());
        QVERIFY2(
            status == 0,
            qPrintable(QStringLiteral("exit status %1 (-1: killed or hung); stderr: %2; "
                                      "terminal: %3")
                           .arg(status)
                           .arg(QString::fromLocal8Bit(err), QString::fromLocal8Bit(transcript))));
        QVERIFY(samplesAfterAnswer > 0);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QStringLiteral(", "))));
        // Echo was off: the terminal never showed the password.
        QVERIFY2(!transcript.contains(m_password), transcript.constData());
        QFile outText(outFile);
        QVERIFY(outText.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(outText.readAll()).object();
        QCOMPARE(
            doc.value(QStringLiteral("summary")).toObject().value(QStringLiteral("ok")).toInt(), 2);
        QVERIFY(QFile::exists(journal));
        QVERIFY(QFile::exists(
            QDir(outdir).filePath(m_fleet->addresses().first() + QStringLiteral(".out"))));
        // Nothing volley-cli wrote or printed holds it: HOME, XDG_*, TMPDIR, the
        // journal, --outdir, --failed-file, known_hosts, stdout and stderr.
        int searched = 0;
        const QStringList hits = filesContaining(m_base.path(), m_password, &searched);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
        QVERIFY(searched >= 6);
    }
};

QTEST_GUILESS_MAIN(TestFaultsSecrets)
#include "tst_faults_secrets.moc"
