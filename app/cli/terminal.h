// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/credentialprovider.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

class QSocketNotifier;

namespace volley::cli {

bool isTerminal(int fd);

/// Reads a line from /dev/tty with echo off. Empty when there is no terminal.
QByteArray readSecret(const QString &prompt);

/// Turns SIGINT/SIGTERM into a call on the event loop (self-pipe). The first
/// signal calls onInterrupt; a second one exits at once with status 130.
class InterruptWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InterruptWatcher)

public:
    explicit InterruptWatcher(std::function<void()> onInterrupt, QObject *parent = nullptr);
    ~InterruptWatcher() override;
    bool interrupted() const { return m_interrupted; }

private:
    std::function<void()> m_onInterrupt;
    QSocketNotifier *m_notifier = nullptr;
    bool m_interrupted = false;
};

/// Answers the engine's questions on the terminal: a password given once with
/// --ask-pass, key passphrases asked on /dev/tty. Host keys are never asked in
/// the CLI (its policies are strict and accept-new).
class TerminalCredentials final : public CredentialProvider
{
public:
    explicit TerminalCredentials(QByteArray password)
        : m_password(std::move(password))
    {}
    ~TerminalCredentials() override { wipe(m_password); }
    Q_DISABLE_COPY_MOVE(TerminalCredentials)

    QByteArray secret(const SecretRequest &request, const std::atomic_bool *cancelled) override;
    HostKeyAnswer hostKey(const HostKeyRequest &, const std::atomic_bool *) override
    {
        return HostKeyAnswer::Reject;
    }

private:
    QByteArray m_password;
};

} // namespace volley::cli
