// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labprocess.h"

#include "trcontexts.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <new>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace volley::lab {

namespace {

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

WorkerState stateFromCode(const QByteArray &code)
{
    if (code == "w")
        return WorkerState::Wait;
    if (code == "s")
        return WorkerState::Sleep;
    return WorkerState::Run;
}

} // namespace

SharedMapping::~SharedMapping()
{
    if (m_state)
        ::munmap(m_state, sizeof(SharedState));
    if (m_owner && !m_path.isEmpty())
        ::unlink(QFile::encodeName(m_path).constData());
}

bool SharedMapping::create(QString *error)
{
    // tmpfs when there is one: the counter then never touches a disk.
    const QString dir = QFileInfo(QStringLiteral("/dev/shm")).isWritable()
                            ? QStringLiteral("/dev/shm")
                            : QDir::tempPath();
    QByteArray name = QFile::encodeName(dir + QStringLiteral("/volley-lab-XXXXXX"));
    const int fd = ::mkstemp(name.data());
    if (fd < 0) {
        *error = LabMessages::tr("cannot create shared memory in %1: %2").arg(dir, errnoText());
        return false;
    }
    m_path = QFile::decodeName(name);
    m_owner = true;
    if (::ftruncate(fd, sizeof(SharedState)) != 0) {
        *error = LabMessages::tr("cannot size shared memory %1: %2").arg(m_path, errnoText());
        ::close(fd);
        return false;
    }
    void *p = ::mmap(nullptr, sizeof(SharedState), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    ::close(fd);
    if (p == MAP_FAILED) {
        *error = LabMessages::tr("cannot map shared memory %1: %2").arg(m_path, errnoText());
        return false;
    }
    m_state = new (p) SharedState;
    initSharedState(m_state);
    return true;
}

bool SharedMapping::open(const QString &path, QString *error)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        *error = LabMessages::tr("cannot open shared memory %1: %2").arg(path, errnoText());
        return false;
    }
    void *p = ::mmap(nullptr, sizeof(SharedState), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    ::close(fd);
    if (p == MAP_FAILED) {
        *error = LabMessages::tr("cannot map shared memory %1: %2").arg(path, errnoText());
        return false;
    }
    // The parent constructed the state; the bytes are already a SharedState.
    m_state = static_cast<SharedState *>(p);
    m_path = path;
    return true;
}

WorkerProcesses::WorkerProcesses(const QString &program, LabContext *ctx, qint64 originUs)
    : m_program(program)
    , m_ctx(ctx)
    , m_origin(originUs)
{}

WorkerProcesses::~WorkerProcesses()
{
    killAll();
}

bool WorkerProcesses::start(int worker, const QStringList &args, QString *error)
{
    if (m_program.isEmpty()) {
        *error = LabMessages::tr("no volley-cli program is set for process workers");
        return false;
    }
    if (size_t(worker) >= m_processes.size()) {
        m_processes.resize(size_t(worker) + 1);
        m_reports.resize(size_t(worker) + 1);
        m_partial.resize(size_t(worker) + 1);
    }
    auto process = std::make_unique<QProcess>();
    QProcess *p = process.get();
    const pid_t parent = ::getpid();
    // Runs in the child between fork and exec: the worker must die with us,
    // even if we crash. If we are already gone, exit at once.
    p->setChildProcessModifier([parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
            ::_exit(127);
    });
    p->setProgram(m_program);
    p->setArguments(QStringList{QStringLiteral("lab-worker")}
                    << args << QStringLiteral("--index") << QString::number(worker)
                    << QStringLiteral("--parent") << QString::number(parent));
    QObject::connect(p, &QProcess::readyReadStandardOutput, p,
                     [this, worker] { readLines(worker); });
    QObject::connect(p, &QProcess::readyReadStandardError, p, [this, worker, p] {
        m_reports[size_t(worker)].errors += p->readAllStandardError();
    });
    QObject::connect(p, &QProcess::finished, p,
                     [this, worker, p](int code, QProcess::ExitStatus st) {
                         readLines(worker);
                         WorkerReport &r = m_reports[size_t(worker)];
                         r.exited = true;
                         r.exitCode = code;
                         r.crashed = st == QProcess::CrashExit;
                         r.finishedUs = monotonicUs();
                         r.errors += p->readAllStandardError();
                     });
    m_reports[size_t(worker)].spawnCallUs = monotonicUs();
    p->start();
    if (!p->waitForStarted(10000)) {
        *error =
            LabMessages::tr("cannot start process worker %1: %2").arg(m_program, p->errorString());
        return false;
    }
    m_reports[size_t(worker)].pid = p->processId();
    m_processes[size_t(worker)] = std::move(process);
    return true;
}

bool WorkerProcesses::anyRunning() const
{
    for (const auto &p : m_processes) {
        if (p && p->state() != QProcess::NotRunning)
            return true;
    }
    return false;
}

bool WorkerProcesses::waitAll(const std::function<void()> &tick)
{
    QEventLoop loop;
    QTimer timer;
    bool cancelled = false;
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        if (m_ctx && m_ctx->isCancelled()) {
            cancelled = true;
            killAll();
        }
        if (tick && !cancelled)
            tick();
        if (!anyRunning())
            loop.quit();
    });
    timer.start(1);
    if (anyRunning())
        loop.exec();
    return !cancelled;
}

bool WorkerProcesses::waitStarted(int worker, int timeoutMs)
{
    QProcess *p = m_processes.at(size_t(worker)).get();
    const qint64 deadline = monotonicUs() + qint64(timeoutMs) * 1000;
    while (m_reports[size_t(worker)].startedUs == 0 && monotonicUs() < deadline) {
        if (m_ctx && m_ctx->isCancelled())
            return false;
        if (p->state() == QProcess::NotRunning)
            return false;
        p->waitForReadyRead(10);
    }
    return m_reports[size_t(worker)].startedUs != 0;
}

void WorkerProcesses::kill(int worker)
{
    QProcess *p = m_processes.at(size_t(worker)).get();
    if (!p || p->state() == QProcess::NotRunning)
        return;
    p->kill();
    p->waitForFinished(5000);
}

void WorkerProcesses::killAll()
{
    for (size_t i = 0; i < m_processes.size(); ++i)
        if (m_processes[i] && m_processes[i]->state() != QProcess::NotRunning)
            m_processes[i]->kill();
    for (size_t i = 0; i < m_processes.size(); ++i)
        if (m_processes[i] && m_processes[i]->state() != QProcess::NotRunning)
            m_processes[i]->waitForFinished(5000);
}

void WorkerProcesses::readLines(int worker)
{
    QProcess *p = m_processes.at(size_t(worker)).get();
    if (!p)
        return;
    QByteArray &buf = m_partial[size_t(worker)];
    buf += p->readAllStandardOutput();
    qsizetype nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
        handleLine(worker, buf.left(nl));
        buf.remove(0, nl + 1);
    }
}

void WorkerProcesses::handleLine(int worker, const QByteArray &line)
{
    const QList<QByteArray> f = line.split(' ');
    WorkerReport &r = m_reports[size_t(worker)];
    const QByteArray &tag = f.value(0);
    if (tag == "hi" && f.size() >= 4) {
        r.startedUs = f[1].toLongLong();
        r.tid = f[3].toLongLong();
    } else if (tag == "ev" && f.size() >= 4) {
        TimelineEvent e{worker,
                        r.pid,
                        r.tid ? r.tid : r.pid,
                        stateFromCode(f[1]),
                        f[2].toLongLong() - m_origin,
                        f[3].toLongLong() - m_origin};
        events.append(e);
        if (m_ctx)
            m_ctx->emitEvent(e);
    } else if (tag == "mk" && f.size() >= 5) {
        TimelineMark m{worker, f[2].toLongLong() - m_origin,
                       f[1] == "w" ? MarkKind::Write : MarkKind::Read, f[3].toLongLong(),
                       f[4] == "1"};
        marks.append(m);
        if (m_ctx)
            m_ctx->emitMark(m);
    } else if (tag == "n" && f.size() >= 3) {
        r.numbers.insert(f[1], f[2].toLongLong());
    } else if (tag == "l" && f.size() >= 2) {
        QList<qint64> values;
        if (f.size() >= 3 && !f[2].isEmpty()) {
            for (const QByteArray &v : f[2].split(','))
                values.append(v.toLongLong());
        }
        r.lists.insert(f[1], values);
    }
}

} // namespace volley::lab
