// SPDX-License-Identifier: GPL-3.0-or-later
#include "exec/secretcache.h"

namespace volley {

void wipe(QByteArray &secret)
{
    if (secret.isEmpty())
        return;
    // volatile writes are not optimised away, unlike a memset before free.
    volatile char *p = secret.data();
    for (qsizetype i = 0; i < secret.size(); ++i)
        p[i] = 0;
    secret.clear();
}

QByteArray SecretCache::get(const QString &key, const SecretRequest &request,
                            const std::atomic_bool *cancelled)
{
    if (!m_provider)
        return {};
    std::lock_guard ask(m_askMutex);
    {
        std::lock_guard lock(m_mutex);
        if (m_refused.contains(key))
            return {};
        const auto it = m_secrets.constFind(key);
        if (it != m_secrets.constEnd())
            return *it;
    }
    if (cancelled && cancelled->load())
        return {};
    QByteArray secret = m_provider->secret(request, cancelled);
    std::lock_guard lock(m_mutex);
    if (secret.isEmpty())
        m_refused.insert(key);
    else
        m_secrets.insert(key, secret);
    return secret;
}

void SecretCache::reject(const QString &key)
{
    std::lock_guard lock(m_mutex);
    auto it = m_secrets.find(key);
    if (it != m_secrets.end()) {
        wipe(*it);
        m_secrets.erase(it);
    }
}

HostKeyAnswer SecretCache::askHostKey(const HostKeyRequest &request,
                                      const std::atomic_bool *cancelled)
{
    if (!m_provider)
        return HostKeyAnswer::Reject;
    // Not serialised here: a GUI gathers simultaneous questions into one dialog.
    if (cancelled && cancelled->load())
        return HostKeyAnswer::Reject;
    return m_provider->hostKey(request, cancelled);
}

void SecretCache::clear()
{
    std::lock_guard lock(m_mutex);
    for (QByteArray &s : m_secrets)
        wipe(s);
    m_secrets.clear();
    m_refused.clear();
}

} // namespace volley
