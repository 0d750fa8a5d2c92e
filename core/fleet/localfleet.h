// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/target.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace volley {

/// A private OpenSSH sshd answering on N loopback addresses (127.0.0.2, ...),
/// with its own host key, user key, known_hosts and ssh_config, on a free port.
/// Used by the demo fleet (`volley --demo-fleet N`, `volley-cli fleet up N`),
/// the tests and the benchmarks.
///
/// Run by root it logs in as an unprivileged account (Options::account,
/// kFleetUser unless told otherwise; created if absent), because sshd refuses to signal root
/// sessions. sshd and every child are stopped when the LocalFleet is destroyed; if the process
/// dies, sshd gets SIGTERM from the kernel (PR_SET_PDEATHSIG). Create and destroy it on one thread
/// that outlives it (the death signal follows the starting thread).
class LocalFleet final
{
public:
    static constexpr const char *kFleetUser = "volley-fleet";

    struct Options
    {
        int hosts = 3;
        int firstHost = 2;      ///< 127.0.0.<firstHost> is the first address
        bool listenAny = false; ///< one sshd on 0.0.0.0 (only inside a private netns)
        bool passwordAuth = false;
        QString password;        ///< set for the fleet user when passwordAuth (root only)
        QStringList extraConfig; ///< extra sshd_config lines (faults, limits)
        QString hostKeyType = QStringLiteral("ed25519");
        /// The login account when run by root (created if absent, home
        /// /var/lib/<account>). Fleets of several programs may share one.
        QString account = QString::fromLatin1(kFleetUser);
        /// Run sshd and all its sessions as one CPU group of low weight (a cpu
        /// cgroup: cpu.shares 128, or cpu.weight 12 on cgroup v2, an eighth of
        /// a process's group; needs a writable cgroup file system, as root has).
        /// The fleet stands in for remote machines: this way the program it
        /// serves on this machine keeps the CPU when it needs it. Nice alone
        /// cannot do it: each sshd session is its own autogroup, so 200 sessions
        /// outweigh a window 200 to 1. Not the idle class: a busy machine would
        /// starve the fleet into timeouts. Without the cgroup the fleet still
        /// starts (see cpuClass()).
        bool background = false;
    };

    LocalFleet();
    ~LocalFleet();
    Q_DISABLE_COPY_MOVE(LocalFleet)

    /// Starts sshd and waits until every address accepts connections.
    /// On failure returns false; error() names the missing package or step.
    bool start(const Options &options);
    /// Restarts sshd on the same port and addresses, with a new host key when
    /// newHostKey is set (known_hosts keeps the old one: "key changed" tests).
    bool restart(bool newHostKey, const QString &hostKeyType = QString());
    void stop();
    bool isRunning() const;
    QString error() const;

    int port() const;
    QString user() const;
    QStringList addresses() const; ///< "127.0.0.2", ...
    QString directory() const;
    QString userKeyPath() const;
    QString knownHostsPath() const;
    QString sshConfigPath() const; ///< for OpenSSH clients (ssh -F)
    QString hostKeyFingerprint() const;
    /// "background (cgroup …)" when Options::background took effect, else
    /// "nice 10" and why not.
    QString cpuClass() const;
    /// pids of every sshd process of this fleet (masters and connection children).
    QList<qint64> sshdPids() const;

    /// Ready-made targets named "fleet01".. with address, port, user, key and
    /// known_hosts filled in.
    QList<Target> targets(const QString &namePrefix = QStringLiteral("fleet")) const;

    /// Raises the soft open-files limit to the hard limit (many connections).
    static void raiseFileLimit();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace volley
