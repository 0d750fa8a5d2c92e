// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleet/localfleet.h"

#include "trcontexts.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <shadow.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace volley {

namespace {

constexpr int kAddressesPerSshd = 16; // sshd refuses a 17th ListenAddress
const QString kSshd = QStringLiteral("/usr/sbin/sshd");

QString addressFor(int n)
{
    // n is 1-based over 127.0.0.1 ... 127.0.0.254, 127.0.1.1 ...
    return QStringLiteral("127.0.%1.%2").arg((n - 1) / 254).arg((n - 1) % 254 + 1);
}

bool runTool(const QString &program, const QStringList &args, QString *error,
             const QByteArray &input = {})
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        *error = FleetMessages::tr("could not start %1: %2").arg(program, p.errorString());
        return false;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = FleetMessages::tr("%1 %2 failed: %3")
                     .arg(program, args.join(QLatin1Char(' ')),
                          QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sa.sin_port = 0;
    int port = 0;
    socklen_t len = sizeof sa;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&sa), &len) == 0)
        port = ntohs(sa.sin_port);
    ::close(fd);
    return port;
}

bool canConnect(const QString &address, int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(quint16(port));
    ::inet_pton(AF_INET, address.toLatin1().constData(), &sa.sin_addr);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) == 0;
    ::close(fd);
    return ok;
}

// Children of each pid, read from /proc.
QList<qint64> descendantsOf(const QList<qint64> &roots)
{
    QMultiHash<qint64, qint64> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &e : entries) {
        bool ok = false;
        const qint64 pid = e.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // "pid (comm) state ppid ..." - comm may hold spaces, so split after ')'.
        const qsizetype close = line.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() > 1)
            children.insert(fields.at(1).toLongLong(), pid);
    }
    QList<qint64> out;
    QList<qint64> queue = roots;
    while (!queue.isEmpty()) {
        const qint64 pid = queue.takeFirst();
        const auto kids = children.values(pid);
        for (qint64 kid : kids) {
            out.append(kid);
            queue.append(kid);
        }
    }
    return out;
}

// A password field sshd refuses (useradd's '!'), or no shadow entry.
bool accountLocked(const QString &user)
{
    const spwd *entry = ::getspnam(user.toLocal8Bit().constData());
    return !entry || !entry->sp_pwdp || entry->sp_pwdp[0] == '!';
}

// Fleets started by several programs at once (parallel tests) share the
// account: creating it and changing its password is serialised across
// processes, or two useradds race and one fails with "already exists".
class AccountLock final
{
public:
    AccountLock()
        : m_fd(::open("/run/volley-fleet-account.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0600))
    {
        if (m_fd >= 0)
            while (::flock(m_fd, LOCK_EX) != 0 && errno == EINTR) {
            }
    }
    ~AccountLock()
    {
        if (m_fd >= 0)
            ::close(m_fd); // releases the lock
    }
    Q_DISABLE_COPY_MOVE(AccountLock)

private:
    int m_fd;
};

bool isZombie(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true; // gone
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close >= 0 && line.mid(close + 2, 1) == "Z";
}

QString commName(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/comm").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLocal8Bit(f.readAll()).trimmed();
}

// Where a new cpu cgroup can be made: the cgroup v1 cpu hierarchy, or the
// v2 root when this process sits in it (a v2 child elsewhere would need a
// delegated subtree). Empty when there is none.
QString cpuCgroupRoot(QString *why)
{
    QFile mounts(QStringLiteral("/proc/self/mounts"));
    if (mounts.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = mounts.readAll().split('\n');
        for (const QByteArray &line : lines) {
            const QList<QByteArray> f = line.split(' ');
            if (f.size() > 3 && f.at(2) == "cgroup" && f.at(3).split(',').contains("cpu"))
                return QString::fromLocal8Bit(f.at(1));
        }
    }
    QFile controllers(QStringLiteral("/sys/fs/cgroup/cgroup.controllers"));
    QFile own(QStringLiteral("/proc/self/cgroup"));
    if (controllers.open(QIODevice::ReadOnly) && own.open(QIODevice::ReadOnly)) {
        if (!controllers.readAll().trimmed().split(' ').contains("cpu"))
            *why = QStringLiteral("the cgroup v2 root has no cpu controller");
        else if (own.readAll().trimmed() != "0::/")
            *why = QStringLiteral("this process is not in the cgroup v2 root");
        else
            return QStringLiteral("/sys/fs/cgroup");
        return {};
    }
    *why = QStringLiteral("no cpu cgroup is mounted");
    return {};
}

} // namespace

struct LocalFleet::Private
{
    Options options;
    std::unique_ptr<QTemporaryDir> dir;
    QString error;
    QString user;
    int port = 0;
    QStringList addresses;
    QList<pid_t> masters;
    QString fingerprint;
    int generation = 0;
    QString cgroup;   ///< the fleet's background cpu cgroup, empty when none
    QString cpuClass; ///< what the fleet runs as, for people and benchmarks

    QString path(const QString &name) const { return dir->filePath(name); }

    bool fail(const QString &message)
    {
        error = message;
        return false;
    }

    bool prepareAccount();
    bool makeKeys(bool hostOnly, const QString &type);
    bool writeConfigs();
    bool launch();
    void killAll();
    void makeBackgroundCgroup();
    void removeCgroup();
};

bool LocalFleet::Private::prepareAccount()
{
    if (::geteuid() != 0) {
        const passwd *pw = ::getpwuid(::geteuid());
        user = pw ? QString::fromLocal8Bit(pw->pw_name) : QString();
        return true;
    }
    user = options.account;
    static const QRegularExpression accountName(QStringLiteral("^[a-z_][a-z0-9_-]{0,31}$"));
    if (!accountName.match(user).hasMatch())
        return fail(FleetMessages::tr("the fleet account name %1 is not a valid user name "
                                      "(lower-case letters, digits, '-' and '_')")
                        .arg(user));
    const AccountLock lock;
    if (!::getpwnam(user.toLocal8Bit().constData())) {
        QString err;
        if (!runTool(QStringLiteral("useradd"),
                     {QStringLiteral("--system"), QStringLiteral("--create-home"),
                      QStringLiteral("--home-dir"), QStringLiteral("/var/lib/") + user,
                      QStringLiteral("--shell"), QStringLiteral("/bin/sh"), user},
                     &err))
            return fail(FleetMessages::tr("cannot create the fleet account %1 (%2); install the "
                                          "passwd package or create the account by hand")
                            .arg(user, err));
    }
    // A useradd account has a locked password ('!'), which sshd refuses with UsePAM no.
    QString err;
    if (options.passwordAuth && !options.password.isEmpty()) {
        if (!runTool(QStringLiteral("chpasswd"), {}, &err,
                     (user + QLatin1Char(':') + options.password).toUtf8()))
            return fail(FleetMessages::tr("cannot set the fleet password: %1").arg(err));
    } else if (accountLocked(user) &&
               !runTool(QStringLiteral("usermod"),
                        {QStringLiteral("-p"), QStringLiteral("*"), user}, &err)) {
        // Only a locked account is touched: a fleet started meanwhile by another
        // program must not wipe the password a password-auth fleet has set.
        return fail(FleetMessages::tr("cannot unlock the fleet account %1: %2").arg(user, err));
    }
    if (!QDir().mkpath(QStringLiteral("/run/sshd")))
        return fail(FleetMessages::tr("cannot create /run/sshd, sshd's privilege separation "
                                      "directory; create it (mode 0755, owner root)"));
    return true;
}

bool LocalFleet::Private::makeKeys(bool hostOnly, const QString &type)
{
    QString err;
    const QString hostKey = path(QStringLiteral("hostkey"));
    QFile::remove(hostKey);
    QFile::remove(hostKey + QStringLiteral(".pub"));
    if (!runTool(QStringLiteral("ssh-keygen"),
                 {QStringLiteral("-q"), QStringLiteral("-t"), type, QStringLiteral("-N"), QString(),
                  QStringLiteral("-C"), QStringLiteral("volley-fleet-host"), QStringLiteral("-f"),
                  hostKey},
                 &err))
        return fail(FleetMessages::tr("ssh-keygen failed (%1); install openssh-client").arg(err));
    QProcess fp;
    fp.start(QStringLiteral("ssh-keygen"),
             {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"),
              QStringLiteral("-f"), hostKey + QStringLiteral(".pub")});
    fp.waitForFinished(10000);
    fingerprint = QString::fromLatin1(fp.readAllStandardOutput()).section(QLatin1Char(' '), 1, 1);
    if (hostOnly)
        return true;

    const QString userKey = path(QStringLiteral("id_ed25519"));
    if (!runTool(QStringLiteral("ssh-keygen"),
                 {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                  QStringLiteral("-N"), QString(), QStringLiteral("-C"),
                  QStringLiteral("volley-fleet-user"), QStringLiteral("-f"), userKey},
                 &err))
        return fail(FleetMessages::tr("ssh-keygen failed (%1); install openssh-client").arg(err));
    QDir().mkpath(path(QStringLiteral("authorized_keys")));
    const QString authorized = path(QStringLiteral("authorized_keys/") + user);
    QFile::remove(authorized);
    if (!QFile::copy(userKey + QStringLiteral(".pub"), authorized))
        return fail(FleetMessages::tr("cannot write %1").arg(authorized));
    // sshd reads authorized_keys with the user's identity: let the fleet account in.
    QFile::setPermissions(dir->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                           QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                           QFileDevice::ExeGroup);
    QFile::setPermissions(path(QStringLiteral("authorized_keys")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                              QFileDevice::ReadOther | QFileDevice::ExeOther |
                              QFileDevice::ReadGroup | QFileDevice::ExeGroup);
    QFile::setPermissions(authorized, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ReadOther | QFileDevice::ReadGroup);
    return true;
}

bool LocalFleet::Private::writeConfigs()
{
    QFile pub(path(QStringLiteral("hostkey.pub")));
    if (!pub.open(QIODevice::ReadOnly))
        return fail(FleetMessages::tr("host key missing"));
    const QByteArray hostPub = pub.readAll().trimmed().split(' ').mid(0, 2).join(' ');

    QFile known(path(QStringLiteral("known_hosts")));
    if (!known.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(FleetMessages::tr("cannot write %1").arg(known.fileName()));
    for (const QString &a : std::as_const(addresses))
        known.write(QStringLiteral("[%1]:%2 ").arg(a).arg(port).toLatin1() + hostPub + '\n');
    known.close();

    QFile client(path(QStringLiteral("ssh_config")));
    if (!client.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(FleetMessages::tr("cannot write %1").arg(client.fileName()));
    client.write(QStringLiteral("Host *\n"
                                "    Port %1\n"
                                "    User %2\n"
                                "    IdentityFile %3\n"
                                "    IdentitiesOnly yes\n"
                                "    BatchMode yes\n"
                                "    UserKnownHostsFile %4\n"
                                "    GlobalKnownHostsFile /dev/null\n"
                                "    StrictHostKeyChecking yes\n"
                                "    ControlMaster no\n"
                                "    LogLevel ERROR\n")
                     .arg(port)
                     .arg(user, path(QStringLiteral("id_ed25519")), known.fileName())
                     .toUtf8());

    QStringList listen;
    if (options.listenAny)
        listen << QStringLiteral("0.0.0.0");
    else
        listen = addresses;
    int index = 0;
    for (qsizetype first = 0; first < listen.size(); first += kAddressesPerSshd, ++index) {
        QFile cfg(path(QStringLiteral("sshd_config.%1").arg(index)));
        if (!cfg.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(FleetMessages::tr("cannot write %1").arg(cfg.fileName()));
        QStringList lines;
        lines << QStringLiteral("Port %1").arg(port);
        for (const QString &a : listen.mid(first, kAddressesPerSshd))
            lines << QStringLiteral("ListenAddress %1").arg(a);
        lines << QStringLiteral("HostKey %1").arg(path(QStringLiteral("hostkey")))
              << QStringLiteral("PidFile none")
              << QStringLiteral("AuthorizedKeysFile %1/authorized_keys/%u").arg(dir->path())
              << QStringLiteral("UsePAM no") << QStringLiteral("StrictModes no")
              << QStringLiteral("PasswordAuthentication %1")
                     .arg(options.passwordAuth ? QStringLiteral("yes") : QStringLiteral("no"))
              << QStringLiteral("KbdInteractiveAuthentication no") << QStringLiteral("PrintMotd no")
              << QStringLiteral("PrintLastLog no") << QStringLiteral("MaxSessions 100")
              << QStringLiteral("LoginGraceTime 30") << QStringLiteral("LogLevel ERROR")
              << QStringLiteral("Subsystem sftp internal-sftp");
        // Later lines lose to earlier ones in sshd_config: put test overrides first.
        lines = options.extraConfig + lines;
        if (!options.extraConfig.join(QLatin1Char('\n'))
                 .contains(QLatin1String("MaxStartups"), Qt::CaseInsensitive))
            lines << QStringLiteral("MaxStartups 1000");
        cfg.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    }
    return true;
}

void LocalFleet::Private::makeBackgroundCgroup()
{
    cpuClass = QStringLiteral("nice 10");
    if (!options.background)
        return;
    QString why;
    const QString root = cpuCgroupRoot(&why);
    if (root.isEmpty()) {
        cpuClass += QStringLiteral(" (%1)").arg(why);
        return;
    }
    // Groups left by a fleet whose process died (rmdir only takes empty ones).
    const QStringList old = QDir(root).entryList({QStringLiteral("volley-fleet-*")}, QDir::Dirs);
    for (const QString &name : old) {
        const QString pid = name.section(QLatin1Char('-'), 2, 2);
        if (!QFileInfo::exists(QStringLiteral("/proc/") + pid))
            QDir(root).rmdir(name);
    }
    const QString dir = QStringLiteral("%1/volley-fleet-%2-%3")
                            .arg(root)
                            .arg(::getpid())
                            .arg(quintptr(this), 0, 16);
    // cgroup v1 cpu.shares (default 1024), or v2 cpu.weight (default 100).
    const bool v1 = QFileInfo::exists(root + QStringLiteral("/cpu.shares"));
    QFile weight(dir + (v1 ? QStringLiteral("/cpu.shares") : QStringLiteral("/cpu.weight")));
    const QByteArray value = v1 ? "128\n" : "12\n";
    if (!QDir().mkpath(dir) || !weight.open(QIODevice::WriteOnly) ||
        weight.write(value) != value.size() || !weight.flush()) {
        cpuClass += QStringLiteral(" (cannot make a cpu cgroup under %1: %2)")
                        .arg(root, QString::fromLocal8Bit(strerror(errno)));
        QDir().rmdir(dir);
        return;
    }
    cgroup = dir;
    cpuClass = QStringLiteral("background (cgroup %1, %2 %3)")
                   .arg(dir, QFileInfo(weight).fileName(), QString::fromLatin1(value.trimmed()));
}

void LocalFleet::Private::removeCgroup()
{
    if (cgroup.isEmpty())
        return;
    // Whatever is still in the group (a command a session left running in the
    // background, one forked after killAll() looked) goes too; the kernel
    // refuses the rmdir while a killed process is on its way out. One left
    // behind is removed by a later fleet's start.
    const QByteArray dir = QFile::encodeName(cgroup);
    for (int attempt = 0; attempt < 400; ++attempt) {
        QFile procs(cgroup + QStringLiteral("/cgroup.procs"));
        if (procs.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> pids = procs.readAll().split('\n');
            for (const QByteArray &pid : pids)
                if (pid.toInt() > 0)
                    ::kill(pid.toInt(), SIGKILL);
        }
        if (::rmdir(dir.constData()) == 0 || errno != EBUSY)
            break;
        QThread::msleep(5);
    }
    cgroup.clear();
}

bool LocalFleet::Private::launch()
{
    if (cgroup.isEmpty())
        makeBackgroundCgroup();
    const QByteArray procs = cgroup.isEmpty()
                                 ? QByteArray()
                                 : QFile::encodeName(cgroup + QStringLiteral("/cgroup.procs"));
    const int configs =
        options.listenAny ? 1 : int((addresses.size() + kAddressesPerSshd - 1) / kAddressesPerSshd);
    const pid_t parent = ::getpid();
    for (int i = 0; i < configs; ++i) {
        const QByteArray cfg = path(QStringLiteral("sshd_config.%1").arg(i)).toLocal8Bit();
        const QByteArray log = path(QStringLiteral("sshd.%1.log").arg(i)).toLocal8Bit();
        const QByteArray program = kSshd.toLocal8Bit();
        const char *argv[] = {program.constData(), "-D",   "-f", cfg.constData(), "-E",
                              log.constData(),     nullptr};
        const pid_t pid = ::fork();
        if (pid < 0)
            return fail(
                FleetMessages::tr("fork failed: %1").arg(QString::fromLocal8Bit(strerror(errno))));
        if (pid == 0) {
            // Only async-signal-safe calls between fork and exec.
            ::setpgid(0, 0);
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            // The fleet stands in for remote machines: it must not starve the
            // program that talks to it on this one.
            ::setpriority(PRIO_PROCESS, 0, 10);
            if (!procs.isEmpty()) {
                const int fd = ::open(procs.constData(), O_WRONLY | O_CLOEXEC);
                if (fd >= 0) {
                    [[maybe_unused]] const ssize_t n = ::write(fd, "0\n", 2);
                    ::close(fd);
                }
            }
            if (::getppid() != parent)
                ::_exit(127);
            const int devnull = ::open("/dev/null", O_RDWR);
            ::dup2(devnull, 0);
            ::dup2(devnull, 1);
            ::dup2(devnull, 2);
            ::execv(argv[0], const_cast<char *const *>(argv));
            ::_exit(127);
        }
        ::setpgid(pid, pid);
        masters.append(pid);
    }

    const QDeadlineTimer deadline(15000);
    for (const QString &a : std::as_const(addresses)) {
        while (!canConnect(a, port)) {
            for (qsizetype i = 0; i < masters.size(); ++i) {
                int status = 0;
                if (::waitpid(masters.at(i), &status, WNOHANG) == masters.at(i)) {
                    masters.removeAt(i);
                    QFile log(path(QStringLiteral("sshd.%1.log").arg(i)));
                    log.open(QIODevice::ReadOnly);
                    killAll();
                    return fail(FleetMessages::tr("sshd exited at start-up: %1")
                                    .arg(QString::fromLocal8Bit(log.readAll()).trimmed()));
                }
            }
            if (deadline.hasExpired()) {
                killAll();
                return fail(
                    FleetMessages::tr("sshd did not listen on %1:%2 within 15 s").arg(a).arg(port));
            }
            QThread::msleep(10);
        }
    }
    return true;
}

void LocalFleet::Private::killAll()
{
    if (masters.isEmpty())
        return;
    QList<qint64> roots;
    for (pid_t p : std::as_const(masters))
        roots.append(p);
    // Connection children and the commands they started (in their own sessions).
    const QList<qint64> all = descendantsOf(roots);
    for (pid_t p : std::as_const(masters))
        ::kill(-p, SIGTERM);
    for (qint64 p : all)
        ::kill(pid_t(p), SIGTERM);
    const QDeadlineTimer deadline(3000);
    for (pid_t p : std::as_const(masters)) {
        while (::waitpid(p, nullptr, WNOHANG) == 0) {
            if (deadline.hasExpired()) {
                ::kill(-p, SIGKILL);
                ::waitpid(p, nullptr, 0);
                break;
            }
            QThread::msleep(5);
        }
    }
    for (qint64 p : all)
        ::kill(pid_t(p), SIGKILL);
    // Gone before stop() returns, also on a loaded machine where a killed
    // process waits for a core to exit (a zombie counts as gone).
    const QDeadlineTimer exited(2000);
    for (qint64 p : all) {
        while (::kill(pid_t(p), 0) == 0 && !isZombie(p) && !exited.hasExpired())
            QThread::msleep(2);
    }
    masters.clear();
}

LocalFleet::LocalFleet()
    : d(std::make_unique<Private>())
{}

LocalFleet::~LocalFleet()
{
    stop();
}

bool LocalFleet::start(const Options &options)
{
    stop();
    d->options = options;
    d->error.clear();
    if (!QFileInfo(kSshd).isExecutable())
        return d->fail(FleetMessages::tr("%1 not found; install the openssh-server package "
                                         "(apt-get install openssh-server)")
                           .arg(kSshd));
    if (QStandardPaths::findExecutable(QStringLiteral("ssh-keygen")).isEmpty())
        return d->fail(FleetMessages::tr("ssh-keygen not found; install the openssh-client package "
                                         "(apt-get install openssh-client)"));
    if (options.hosts < 1 || options.firstHost < 1 || options.firstHost + options.hosts > 65000)
        return d->fail(FleetMessages::tr("a fleet needs 1 to 64,000 hosts"));
    raiseFileLimit();

    d->dir =
        std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/volley-fleet-XXXXXX"));
    if (!d->dir->isValid())
        return d->fail(
            FleetMessages::tr("cannot create a temporary folder: %1").arg(d->dir->errorString()));
    if (!d->prepareAccount() || !d->makeKeys(false, options.hostKeyType))
        return false;
    d->addresses.clear();
    for (int i = 0; i < options.hosts; ++i)
        d->addresses << addressFor(options.firstHost + i);

    for (int attempt = 0; attempt < 5; ++attempt) {
        d->port = freePort();
        if (d->port == 0)
            return d->fail(FleetMessages::tr("no free TCP port on 127.0.0.1"));
        if (d->writeConfigs() && d->launch())
            return true;
        if (!d->error.contains(QLatin1String("Address already in use")))
            return false;
    }
    return false;
}

bool LocalFleet::restart(bool newHostKey, const QString &hostKeyType)
{
    if (!d->dir)
        return d->fail(FleetMessages::tr("the fleet was never started"));
    d->killAll();
    if (newHostKey) {
        // Keep known_hosts as it was: clients must now see a changed key.
        const QString known = d->path(QStringLiteral("known_hosts"));
        QFile::rename(known, known + QStringLiteral(".keep"));
        if (!d->makeKeys(true, hostKeyType.isEmpty() ? d->options.hostKeyType : hostKeyType))
            return false;
        if (!d->writeConfigs())
            return false;
        QFile::remove(known);
        QFile::rename(known + QStringLiteral(".keep"), known);
    }
    return d->launch();
}

void LocalFleet::stop()
{
    d->killAll();
    d->removeCgroup();
    if (::geteuid() == 0 && d->options.passwordAuth && !d->user.isEmpty()) {
        const AccountLock lock;
        QString ignored;
        runTool(QStringLiteral("usermod"), {QStringLiteral("-p"), QStringLiteral("*"), d->user},
                &ignored);
    }
}

bool LocalFleet::isRunning() const
{
    return !d->masters.isEmpty();
}

QString LocalFleet::cpuClass() const
{
    return d->cpuClass;
}

QString LocalFleet::error() const
{
    return d->error;
}

int LocalFleet::port() const
{
    return d->port;
}

QString LocalFleet::user() const
{
    return d->user;
}

QStringList LocalFleet::addresses() const
{
    return d->addresses;
}

QString LocalFleet::directory() const
{
    return d->dir ? d->dir->path() : QString();
}

QString LocalFleet::userKeyPath() const
{
    return d->dir ? d->path(QStringLiteral("id_ed25519")) : QString();
}

QString LocalFleet::knownHostsPath() const
{
    return d->dir ? d->path(QStringLiteral("known_hosts")) : QString();
}

QString LocalFleet::sshConfigPath() const
{
    return d->dir ? d->path(QStringLiteral("ssh_config")) : QString();
}

QString LocalFleet::hostKeyFingerprint() const
{
    return d->fingerprint;
}

QList<qint64> LocalFleet::sshdPids() const
{
    QList<qint64> roots;
    for (pid_t p : std::as_const(d->masters))
        roots.append(p);
    QList<qint64> out = roots;
    for (qint64 p : descendantsOf(roots))
        if (commName(p).startsWith(QLatin1String("sshd")))
            out.append(p);
    return out;
}

QList<Target> LocalFleet::targets(const QString &namePrefix) const
{
    QList<Target> out;
    const int width = d->addresses.size() >= 100 ? (d->addresses.size() >= 1000 ? 4 : 3) : 2;
    for (qsizetype i = 0; i < d->addresses.size(); ++i) {
        Target t;
        t.name = namePrefix + QStringLiteral("%1").arg(i + 1, width, 10, QLatin1Char('0'));
        t.transport = Transport::Ssh;
        t.address = d->addresses.at(i);
        t.port = d->port;
        t.user = d->user;
        t.identityFiles = {userKeyPath()};
        t.knownHostsFile = knownHostsPath();
        t.groups = {QStringLiteral("demo")};
        out.append(t);
    }
    return out;
}

void LocalFleet::raiseFileLimit()
{
    rlimit rl{};
    if (::getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &rl);
    }
}

} // namespace volley
