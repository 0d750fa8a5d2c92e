// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>

namespace volley {

enum class SecretKind { Password, Passphrase, KeyboardInteractive };

struct SecretRequest
{
    SecretKind kind = SecretKind::Password;
    QString target; ///< target name
    QString user;
    QString host;
    QString keyFile; ///< for passphrases
    QString prompt;  ///< server's prompt for keyboard-interactive
    bool echo = false;
};

enum class HostKeyAnswer { Reject, AcceptOnce, AcceptAndRemember };

struct HostKeyRequest
{
    QString target;
    QString host;
    int port = 22;
    QString keyType;     ///< "ssh-ed25519"
    QString fingerprint; ///< "SHA256:..."
};

/// Questions the engine cannot answer alone. Called from worker threads; an
/// implementation may block until the answer is known, but must return early
/// (with an empty secret / Reject) once *cancelled becomes true.
/// The GUI answers with dialogs, the CLI on the terminal.
class CredentialProvider
{
public:
    virtual ~CredentialProvider() = default;
    /// Empty result = no answer (the method is skipped).
    virtual QByteArray secret(const SecretRequest &request, const std::atomic_bool *cancelled) = 0;
    virtual HostKeyAnswer hostKey(const HostKeyRequest &request,
                                  const std::atomic_bool *cancelled) = 0;
};

/// Overwrites a secret's bytes before releasing it.
void wipe(QByteArray &secret);

} // namespace volley
