// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/credentialprovider.h"

#include <mutex>
#include <QHash>
#include <QSet>

namespace volley {

/// Secrets asked during one run, so each (kind, user@host or key file) is asked
/// once per run. Kept in memory only and wiped when the run ends.
class SecretCache final
{
public:
    explicit SecretCache(CredentialProvider *provider)
        : m_provider(provider)
    {}
    ~SecretCache() { clear(); }
    Q_DISABLE_COPY_MOVE(SecretCache)

    /// The secret for key, asking the provider the first time. Concurrent
    /// callers for the same key wait for one question. Empty = no answer.
    QByteArray get(const QString &key, const SecretRequest &request,
                   const std::atomic_bool *cancelled);
    /// Forgets a secret that turned out wrong, so the next call asks again.
    void reject(const QString &key);
    HostKeyAnswer askHostKey(const HostKeyRequest &request, const std::atomic_bool *cancelled);
    bool hasProvider() const { return m_provider != nullptr; }
    void clear();

private:
    CredentialProvider *m_provider;
    std::mutex m_mutex;    // guards the maps
    std::mutex m_askMutex; // one question at a time: prompts never interleave
    QHash<QString, QByteArray> m_secrets;
    QSet<QString> m_refused;
};

} // namespace volley
