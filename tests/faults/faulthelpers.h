// SPDX-License-Identifier: GPL-3.0-or-later
// Small pieces the fault tests share: reading /proc, a spy on a run's updates,
// and volley-cli as a child process.
#pragma once

#include "exec/run.h"
#include "fleet/localfleet.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <sys/resource.h>

namespace volley::test {

/// Path of the fault proxy helper (delay, throttle).
inline QString faultProxy()
{
    return QStringLiteral(VOLLEY_FAULTPROXY);
}

/// A field of /proc/<pid>/status in kB ("VmHWM", "VmRSS"); -1 when unreadable.
inline qint64 procStatusKb(qint64 pid, const char *field)
{
    QFile f(pid > 0 ? QStringLiteral("/proc/%1/status").arg(pid)
                    : QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

/// Largest resident set of any child this process has waited for, in MB.
inline qint64 childrenPeakMb()
{
    rusage ru{};
    getrusage(RUSAGE_CHILDREN, &ru);
    return qint64(ru.ru_maxrss) / 1024;
}

/// The parent pid of pid, from /proc; -1 when it is gone.
inline qint64 parentOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = f.readAll();
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return -1;
    return line.mid(close + 2).split(' ').value(1).toLongLong();
}

/// Records, for every target, when its output chunks arrived (ms since the run
/// started) and how many bytes each update carried.
struct UpdateLog
{
    struct Batch
    {
        qint64 atMs = 0;
        qint64 bytes = 0;
    };
    QHash<int, QList<Batch>> batches;
    QHash<int, qint64> finishedAtMs;
    QHash<int, QStringList> messages; ///< engine notes per target
    QElapsedTimer clock;

    void attach(Run *run)
    {
        clock.start();
        QObject::connect(run, &Run::updated, run, [this](const RunUpdate &u) {
            QHash<int, qint64> bytes;
            for (const OutputChunk &c : u.chunks)
                bytes[c.target] += c.data.size();
            for (auto it = bytes.cbegin(); it != bytes.cend(); ++it)
                batches[it.key()].append({clock.elapsed(), it.value()});
            for (int t : u.finished)
                finishedAtMs.insert(t, clock.elapsed());
            for (qsizetype k = 0; k < u.messages.size() && k < u.messageTargets.size(); ++k)
                messages[u.messageTargets.at(k)].append(u.messages.at(k));
        });
    }
};

/// Everything a target ended with, for failure messages.
inline QString describe(const Run &run, int i)
{
    return QStringLiteral("%1: %2: %3")
        .arg(run.target(i).name, statusName(run.result(i).status), run.result(i).error);
}

/// Targets of the run not ending ok, one per line (empty when all are ok).
inline QString notOk(const Run &run, const QList<int> &indexes)
{
    QStringList bad;
    for (int i : indexes)
        if (run.result(i).status != Status::Ok)
            bad << describe(run, i);
    return bad.join(QLatin1Char('\n'));
}

/// The fleet's known_hosts line for its first address, rewritten for host:port
/// (a proxy in front of the fleet is another host to the client).
inline QByteArray knownHostsLineFor(const LocalFleet &fleet, const QString &host, int port)
{
    QFile f(fleet.knownHostsPath());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray first = f.readLine().trimmed();
    const QByteArray key = first.mid(first.indexOf(' ') + 1);
    return QStringLiteral("[%1]:%2 ").arg(host).arg(port).toLatin1() + key + '\n';
}

/// volley-cli's arguments for the fleet's key, user, port and known_hosts.
inline QStringList fleetCliArgs(const LocalFleet &fleet)
{
    return {QStringLiteral("-p"),
            QString::number(fleet.port()),
            QStringLiteral("-l"),
            fleet.user(),
            QStringLiteral("-i"),
            fleet.userKeyPath(),
            QStringLiteral("--known-hosts"),
            fleet.knownHostsPath(),
            QStringLiteral("--ssh-config"),
            QStringLiteral("none")};
}

} // namespace volley::test
