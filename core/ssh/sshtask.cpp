// SPDX-License-Identifier: GPL-3.0-or-later
#include "ssh/sshtask.h"

#include "exec/secretcache.h"
#include "exec/targetcontext.h"
#include "ssh/knownhosts.h"
#include "ssh/proxyjump.h"
#include "trcontexts.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <openssl/crypto.h>

#include <cstring>
#include <memory>

namespace volley {

namespace {

constexpr int kPollMs = 50;        // cancel and timeout are checked this often
constexpr int kStopGraceMs = 1000; // after TERM, how long the remote gets to go

// libssh logs per thread and prints to stderr unless told otherwise.
void discardLog(int, const char *, const char *, void *) {}

struct SessionDeleter
{
    void operator()(ssh_session s) const
    {
        if (ssh_is_connected(s))
            ssh_disconnect(s);
        ssh_free(s);
    }
};
using Session = std::unique_ptr<ssh_session_struct, SessionDeleter>;

struct KeyDeleter
{
    void operator()(ssh_key k) const { ssh_key_free(k); }
};
using Key = std::unique_ptr<ssh_key_struct, KeyDeleter>;

QString sshError(ssh_session s)
{
    return QString::fromLocal8Bit(ssh_get_error(s)).trimmed();
}

QString fingerprintOf(ssh_key key)
{
    unsigned char *hash = nullptr;
    size_t len = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &len) != SSH_OK)
        return {};
    char *text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, len);
    const QString out = QString::fromLatin1(text);
    ssh_string_free_char(text);
    ssh_clean_pubkey_hash(&hash);
    return out;
}

// A connection reset while the handshake runs is what an sshd under MaxStartups
// pressure does: worth a bounded retry.
bool isHandshakeReset(const QString &error)
{
    return error.contains(QLatin1String("reset"), Qt::CaseInsensitive) ||
           error.contains(QLatin1String("disconnected"), Qt::CaseInsensitive) ||
           error.contains(QLatin1String("Connection closed"), Qt::CaseInsensitive) ||
           error.contains(QLatin1String("Remote host closed"), Qt::CaseInsensitive);
}

bool isProtocolError(const QString &error)
{
    return error.contains(QLatin1String("kex"), Qt::CaseInsensitive) ||
           error.contains(QLatin1String("algorithm"), Qt::CaseInsensitive) ||
           error.contains(QLatin1String("key exchange"), Qt::CaseInsensitive);
}

class SshWorker
{
public:
    explicit SshWorker(TargetContext &ctx)
        : m_ctx(ctx)
        , m_target(ctx.target())
        , m_spec(ctx.spec())
    {
        m_host = m_target.address;
    }

    void run();

private:
    Session newSession(QString *error);
    bool connectWithRetries();
    bool checkHostKey();
    bool authenticate();
    bool authWithIdentityFiles(const QStringList &files, QStringList *tried);
    bool authKeyboardInteractive();
    bool authPassword();
    void runCommands();
    /// Runs one command; returns its status.
    Status runCommand(int index, const QString &command);

    QString where() const
    {
        return m_port > 0 && m_port != 22 ? QStringLiteral("%1:%2").arg(m_host).arg(m_port)
                                          : m_host;
    }
    QString knownHostsFile() const
    {
        if (!m_target.knownHostsFile.isEmpty())
            return m_target.knownHostsFile;
        if (!m_spec.knownHostsFile.isEmpty())
            return m_spec.knownHostsFile;
        return QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
    }

    TargetContext &m_ctx;
    const Target &m_target;
    const RunSpec &m_spec;
    Session m_session;
    QString m_host;
    QString m_user;
    int m_port = 22;
};

Session SshWorker::newSession(QString *error)
{
    Session s(ssh_new());
    if (!s) {
        *error = SshMessages::tr("out of memory creating an SSH session");
        return {};
    }
    ssh_session raw = s.get();
    const QByteArray host = m_target.address.toUtf8();
    ssh_options_set(raw, SSH_OPTIONS_HOST, host.constData());

    // The default connect timeout goes in before the config file, so a
    // ConnectTimeout there wins as it does for OpenSSH; an explicit one is set again below.
    const long timeout = m_spec.connectTimeoutSec > 0 ? m_spec.connectTimeoutSec : 10;
    ssh_options_set(raw, SSH_OPTIONS_TIMEOUT, &timeout);

    // AES-GCM first: with AES-NI it moves a big stream with about a third less CPU
    // than libssh's ChaCha20. Set before the config file, so a Ciphers line there wins.
    const char *ciphers = "aes128-gcm@openssh.com,aes256-gcm@openssh.com,"
                          "chacha20-poly1305@openssh.com,aes256-ctr,aes192-ctr,aes128-ctr";
    ssh_options_set(raw, SSH_OPTIONS_CIPHERS_C_S, ciphers);
    ssh_options_set(raw, SSH_OPTIONS_CIPHERS_S_C, ciphers);

    // Order matters (libssh): host, then the config file, then explicit values,
    // because a config Port overwrites an explicit one.
    const QString config = m_spec.sshConfigFile;
    if (config == QLatin1String("none")) {
        const bool no = false;
        ssh_options_set(raw, SSH_OPTIONS_PROCESS_CONFIG, &no);
    } else if (!config.isEmpty()) {
        if (!QFileInfo(config).isReadable()) {
            *error = SshMessages::tr("cannot read the ssh config file %1; give a readable file or "
                                     "--ssh-config none")
                         .arg(config);
            return {};
        }
        if (ssh_options_parse_config(raw, config.toLocal8Bit().constData()) != SSH_OK) {
            *error = SshMessages::tr("cannot parse the ssh config file %1: %2")
                         .arg(config, sshError(raw));
            return {};
        }
    } else {
        ssh_options_parse_config(raw, nullptr); // ~/.ssh/config, then /etc/ssh/ssh_config
    }

    const int port = m_target.port > 0 ? m_target.port : m_spec.port;
    if (port > 0) {
        const unsigned int p = unsigned(port);
        ssh_options_set(raw, SSH_OPTIONS_PORT, &p);
    }
    const QString user = !m_target.user.isEmpty() ? m_target.user : m_spec.user;
    if (!user.isEmpty())
        ssh_options_set(raw, SSH_OPTIONS_USER, user.toUtf8().constData());
    if (m_spec.connectTimeoutExplicit)
        ssh_options_set(raw, SSH_OPTIONS_TIMEOUT, &timeout);
    const int nodelay = 1; // no Nagle stalls in the handshake
    ssh_options_set(raw, SSH_OPTIONS_NODELAY, &nodelay);
    if (!m_target.knownHostsFile.isEmpty() || !m_spec.knownHostsFile.isEmpty()) {
        ssh_options_set(raw, SSH_OPTIONS_KNOWNHOSTS, knownHostsFile().toLocal8Bit().constData());
        // An explicit file is the whole truth: no system-wide file beside it.
        ssh_options_set(raw, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
    }
    // "none" is ssh_config's word for no jump (it wins over later ProxyJump lines).
    if (!m_target.proxyJump.isEmpty() &&
        m_target.proxyJump.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0) {
        // The jump is carried by OpenSSH's client, with the run's settings.
        ProxyJumpOptions jump;
        jump.sshConfigFile = m_spec.sshConfigFile;
        jump.knownHostsFile =
            !m_target.knownHostsFile.isEmpty() ? m_target.knownHostsFile : m_spec.knownHostsFile;
        jump.identityFiles = m_target.identityFiles + m_spec.identityFiles;
        jump.policy = m_spec.hostKeyPolicy;
        jump.connectTimeoutSec = int(timeout);
        char *host = nullptr; // after the config file: a HostName there is what %h becomes
        if (ssh_options_get(raw, SSH_OPTIONS_HOST, &host) == SSH_OK) {
            jump.targetHost = QString::fromUtf8(host);
            ssh_string_free_char(host);
        }
        const QByteArray proxy = proxyCommand(m_target.proxyJump, jump, error);
        if (proxy.isEmpty())
            return {};
        ssh_options_set(raw, SSH_OPTIONS_PROXYCOMMAND, proxy.constData());
    }

    char *value = nullptr;
    if (ssh_options_get(raw, SSH_OPTIONS_HOST, &value) == SSH_OK) {
        m_host = QString::fromUtf8(value);
        ssh_string_free_char(value);
    }
    if (ssh_options_get(raw, SSH_OPTIONS_USER, &value) == SSH_OK) {
        m_user = QString::fromUtf8(value);
        ssh_string_free_char(value);
    }
    unsigned int realPort = 22;
    if (ssh_options_get_port(raw, &realPort) == SSH_OK)
        m_port = int(realPort);
    return s;
}

bool SshWorker::connectWithRetries()
{
    const int attempts = 1 + qMax(0, m_spec.handshakeRetries);
    QString error;
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        m_session = newSession(&error);
        if (!m_session) {
            m_ctx.finish(Status::Error, QStringLiteral("%1: %2").arg(m_target.name, error));
            return false;
        }
        if (m_ctx.cancelRequested()) {
            m_ctx.finish(Status::Cancelled, SshMessages::tr("cancelled before connecting"));
            return false;
        }
        if (attempt == 1)
            m_ctx.message(SshMessages::tr("connecting to %1@%2").arg(m_user, where()));
        if (ssh_connect(m_session.get()) == SSH_OK)
            return true;
        error = sshError(m_session.get());
        m_session.reset();
        if (!isHandshakeReset(error) || attempt == attempts || m_ctx.cancelRequested())
            break;
        m_ctx.message(
            SshMessages::tr("connection reset during the handshake (%1); retrying").arg(error));
        // Back off with jitter so a crowd of retries does not hit MaxStartups together.
        QThread::msleep(200 * attempt + QRandomGenerator::global()->bounded(200));
    }
    if (m_ctx.cancelRequested()) {
        m_ctx.finish(Status::Cancelled, SshMessages::tr("cancelled while connecting"));
        return false;
    }
    if (isProtocolError(error)) {
        m_ctx.finish(
            Status::Error,
            SshMessages::tr("SSH handshake with %1 failed: %2; the server and Volley share "
                            "no algorithm - check the server's KexAlgorithms and HostKey")
                .arg(where(), error));
        return false;
    }
    if (isHandshakeReset(error)) {
        m_ctx.finish(
            Status::Unreachable,
            SshMessages::tr("cannot reach %1 (%2): the server closed the connection during "
                            "the SSH handshake %3 times (last: %4); it is probably refusing "
                            "new connections under load (sshd MaxStartups): lower the "
                            "fanout (-f) or raise MaxStartups on the host")
                .arg(m_target.name, where())
                .arg(attempts)
                .arg(error));
        return false;
    }
    QString hint;
    if (error.contains(QLatin1String("resolve"), Qt::CaseInsensitive))
        hint = SshMessages::tr("check the name '%1' (DNS, /etc/hosts, ~/.ssh/config HostName)")
                   .arg(m_target.address);
    else if (error.contains(QLatin1String("refused"), Qt::CaseInsensitive))
        hint = SshMessages::tr(
                   "nothing listens on port %1: check that sshd runs and the port is right")
                   .arg(m_port);
    else if (error.contains(QLatin1String("Timeout"), Qt::CaseInsensitive))
        hint =
            SshMessages::tr("no SSH answer within %1 s: check that the host is up and reachable, "
                            "or raise the connect timeout")
                .arg(m_spec.connectTimeoutSec);
    else
        hint = SshMessages::tr("check that the host is up and runs sshd on port %1").arg(m_port);
    m_ctx.finish(
        Status::Unreachable,
        SshMessages::tr("cannot reach %1 (%2): %3; %4").arg(m_target.name, where(), error, hint));
    return false;
}

bool SshWorker::checkHostKey()
{
    ssh_session s = m_session.get();
    ssh_key rawKey = nullptr;
    if (ssh_get_server_publickey(s, &rawKey) != SSH_OK) {
        m_ctx.finish(Status::Error,
                     SshMessages::tr("%1 sent no host key: %2").arg(where(), sshError(s)));
        return false;
    }
    Key key(rawKey);
    const QString type = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key.get())));
    const QString fingerprint = fingerprintOf(key.get());
    m_ctx.hostKey(type, fingerprint);
    const QString file = knownHostsFile();

    char *base64 = nullptr;
    if (ssh_pki_export_pubkey_base64(key.get(), &base64) == SSH_OK) {
        const bool known = knownHostsHasExactKey(file, knownHostsName(m_host, m_port),
                                                 type.toLatin1(), QByteArray(base64));
        ssh_string_free_char(base64);
        if (known)
            return true;
    }
    const ssh_known_hosts_e state = ssh_session_is_known_server(s);
    switch (state) {
    case SSH_KNOWN_HOSTS_OK:
        return true;
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER: {
        const QString old = recordedHostKeys(file, m_host, m_port).join(QStringLiteral(", "));
        m_ctx.finish(Status::HostKeyRejected,
                     SshMessages::tr("host key for %1 changed: now %2 %3%4. This may be an attack "
                                     "(or the host was reinstalled). If you know why, remove the "
                                     "old key with: %5")
                         .arg(where(), type, fingerprint,
                              old.isEmpty() ? QString() : SshMessages::tr(" (known: %1)").arg(old),
                              forgetHostKeyCommand(m_host, m_port, file)));
        return false;
    }
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND: {
        bool record = false;
        switch (m_spec.hostKeyPolicy) {
        case HostKeyPolicy::Strict:
            m_ctx.finish(Status::HostKeyRejected,
                         SshMessages::tr("host key for %1 is not known (%2 %3) and the policy is "
                                         "strict; check the fingerprint, then run once with "
                                         "--host-key-policy accept-new (or add it to %4)")
                             .arg(where(), type, fingerprint, file));
            return false;
        case HostKeyPolicy::AcceptNew:
            record = true;
            break;
        case HostKeyPolicy::Ask: {
            HostKeyRequest request;
            request.target = m_target.name;
            request.host = m_host;
            request.port = m_port;
            request.keyType = type;
            request.fingerprint = fingerprint;
            const HostKeyAnswer answer = m_ctx.secrets().askHostKey(request, m_ctx.cancelFlag());
            if (answer == HostKeyAnswer::Reject) {
                m_ctx.finish(Status::HostKeyRejected,
                             SshMessages::tr("host key for %1 (%2 %3) was not accepted")
                                 .arg(where(), type, fingerprint));
                return false;
            }
            record = answer == HostKeyAnswer::AcceptAndRemember;
            break;
        }
        }
        if (record) {
            QDir().mkpath(QFileInfo(file).absolutePath());
            lockKnownHosts();
            const int rc = ssh_session_update_known_hosts(s);
            unlockKnownHosts();
            if (rc != SSH_OK) {
                m_ctx.finish(Status::Error,
                             SshMessages::tr("cannot record the host key of %1 in %2: %3")
                                 .arg(where(), file, sshError(s)));
                return false;
            }
            m_ctx.message(
                SshMessages::tr("recorded new host key %1 %2 in %3").arg(type, fingerprint, file));
        } else {
            m_ctx.message(
                SshMessages::tr("accepted host key %1 %2 for this run").arg(type, fingerprint));
        }
        return true;
    }
    case SSH_KNOWN_HOSTS_ERROR:
        break;
    }
    m_ctx.finish(Status::Error, SshMessages::tr("cannot check the host key of %1 against %2: %3")
                                    .arg(where(), file, sshError(s)));
    return false;
}

bool SshWorker::authWithIdentityFiles(const QStringList &files, QStringList *tried)
{
    ssh_session s = m_session.get();
    for (const QString &file : files) {
        const QByteArray path = QDir::cleanPath(file).toLocal8Bit();
        ssh_key raw = nullptr;
        int rc = ssh_pki_import_privkey_file(path.constData(), nullptr, nullptr, nullptr, &raw);
        if (rc != SSH_OK && QFileInfo(file).isReadable()) {
            // Most likely encrypted: ask for the passphrase once per key per run.
            SecretRequest request;
            request.kind = SecretKind::Passphrase;
            request.target = m_target.name;
            request.user = m_user;
            request.host = m_host;
            request.keyFile = file;
            const QString cacheKey =
                QStringLiteral("passphrase:") + QFileInfo(file).absoluteFilePath();
            QByteArray passphrase = m_ctx.secrets().get(cacheKey, request, m_ctx.cancelFlag());
            if (!passphrase.isEmpty()) {
                rc = ssh_pki_import_privkey_file(path.constData(), passphrase.constData(), nullptr,
                                                 nullptr, &raw);
                if (rc != SSH_OK)
                    m_ctx.secrets().reject(cacheKey);
            }
            wipe(passphrase);
        }
        if (rc != SSH_OK) {
            m_ctx.message(SshMessages::tr("cannot use identity file %1 (unreadable, not a private "
                                          "key, or the passphrase is wrong)")
                              .arg(file));
            tried->append(SshMessages::tr("publickey %1 (unusable)").arg(file));
            continue;
        }
        Key key(raw);
        tried->append(QStringLiteral("publickey %1").arg(file));
        rc = ssh_userauth_publickey(s, nullptr, key.get());
        if (rc == SSH_AUTH_SUCCESS)
            return true;
        if (rc == SSH_AUTH_ERROR)
            return false;
    }
    return false;
}

// Encrypted default keys during publickey_auto: the passphrase comes from the front end.
int authCallback(const char *prompt, char *buf, size_t len, int echo, int, void *userdata)
{
    auto *ctx = static_cast<TargetContext *>(userdata);
    SecretRequest request;
    request.kind = SecretKind::Passphrase;
    request.target = ctx->target().name;
    request.host = ctx->target().address;
    request.prompt = QString::fromLocal8Bit(prompt);
    request.echo = echo != 0;
    QByteArray secret = ctx->secrets().get(QStringLiteral("passphrase:default-identities"), request,
                                           ctx->cancelFlag());
    if (secret.isEmpty() || size_t(secret.size()) >= len) {
        wipe(secret);
        return -1;
    }
    std::memcpy(buf, secret.constData(), size_t(secret.size()));
    buf[secret.size()] = '\0';
    wipe(secret);
    return 0;
}

bool SshWorker::authKeyboardInteractive()
{
    ssh_session s = m_session.get();
    int rc = ssh_userauth_kbdint(s, nullptr, nullptr);
    for (int round = 0; rc == SSH_AUTH_INFO && round < 10; ++round) {
        const int prompts = ssh_userauth_kbdint_getnprompts(s);
        for (int i = 0; i < prompts; ++i) {
            char echo = 0;
            const char *prompt = ssh_userauth_kbdint_getprompt(s, unsigned(i), &echo);
            SecretRequest request;
            request.kind = SecretKind::KeyboardInteractive;
            request.target = m_target.name;
            request.user = m_user;
            request.host = m_host;
            request.prompt = QString::fromLocal8Bit(prompt);
            request.echo = echo != 0;
            // Password-like prompts share the password's cache entry.
            const QString cacheKey =
                QStringLiteral("kbdint:%1@%2:%3").arg(m_user, m_host, request.prompt);
            QByteArray answer = m_ctx.secrets().get(cacheKey, request, m_ctx.cancelFlag());
            if (answer.isEmpty())
                return false;
            ssh_userauth_kbdint_setanswer(s, unsigned(i), answer.constData());
            wipe(answer);
        }
        rc = ssh_userauth_kbdint(s, nullptr, nullptr);
    }
    return rc == SSH_AUTH_SUCCESS;
}

bool SshWorker::authPassword()
{
    SecretRequest request;
    request.kind = SecretKind::Password;
    request.target = m_target.name;
    request.user = m_user;
    request.host = m_host;
    const QString cacheKey = QStringLiteral("password:%1@%2").arg(m_user, m_host);
    QByteArray password = m_ctx.secrets().get(cacheKey, request, m_ctx.cancelFlag());
    if (password.isEmpty())
        return false;
    const int rc = ssh_userauth_password(m_session.get(), nullptr, password.constData());
    wipe(password);
    if (rc != SSH_AUTH_SUCCESS)
        m_ctx.secrets().reject(cacheKey);
    return rc == SSH_AUTH_SUCCESS;
}

bool SshWorker::authenticate()
{
    ssh_session s = m_session.get();
    m_ctx.authenticating();
    int rc = ssh_userauth_none(s, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return true;
    if (rc == SSH_AUTH_ERROR) {
        m_ctx.finish(Status::Error,
                     SshMessages::tr("connection to %1 failed while authenticating: %2")
                         .arg(where(), sshError(s)));
        return false;
    }
    const int methods = ssh_userauth_list(s, nullptr);
    QStringList tried;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY) {
        const QStringList files = m_target.identityFiles + m_spec.identityFiles;
        if (!files.isEmpty()) {
            // Explicit identities only, as IdentitiesOnly would: a full agent must
            // not use up the server's MaxAuthTries.
            if (authWithIdentityFiles(files, &tried))
                return true;
        } else {
            ssh_callbacks_struct callbacks{};
            callbacks.userdata = &m_ctx;
            callbacks.auth_function = authCallback;
            ssh_callbacks_init(&callbacks);
            ssh_set_callbacks(s, &callbacks);
            rc = ssh_userauth_publickey_auto(s, nullptr, nullptr);
            ssh_set_callbacks(s, nullptr);
            tried << SshMessages::tr("publickey (agent and default keys)");
            if (rc == SSH_AUTH_SUCCESS)
                return true;
        }
    }
    if (m_ctx.cancelRequested()) {
        m_ctx.finish(Status::Cancelled, SshMessages::tr("cancelled while authenticating"));
        return false;
    }
    const bool canAsk = m_ctx.secrets().hasProvider();
    if ((methods & SSH_AUTH_METHOD_INTERACTIVE) && canAsk) {
        tried << QStringLiteral("keyboard-interactive");
        if (authKeyboardInteractive())
            return true;
    }
    if ((methods & SSH_AUTH_METHOD_PASSWORD) && canAsk) {
        tried << QStringLiteral("password");
        if (authPassword())
            return true;
    }
    if (!ssh_is_connected(s)) {
        m_ctx.finish(
            Status::AuthFailed,
            SshMessages::tr("%1 closed the connection during authentication as %2 (tried: %3): "
                            "%4; the server may limit attempts (MaxAuthTries)")
                .arg(where(), m_user, tried.join(QStringLiteral(", ")), sshError(s)));
        return false;
    }
    QStringList offered;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY)
        offered << QStringLiteral("publickey");
    if (methods & SSH_AUTH_METHOD_PASSWORD)
        offered << QStringLiteral("password");
    if (methods & SSH_AUTH_METHOD_INTERACTIVE)
        offered << QStringLiteral("keyboard-interactive");
    m_ctx.finish(
        Status::AuthFailed,
        SshMessages::tr("authentication as %1 on %2 failed (tried: %3; the server offers: %4); "
                        "check the user name, and that your public key is in the user's "
                        "~/.ssh/authorized_keys on the host")
            .arg(m_user, where(),
                 tried.isEmpty() ? SshMessages::tr("nothing") : tried.join(QStringLiteral(", ")),
                 offered.isEmpty() ? SshMessages::tr("nothing")
                                   : offered.join(QStringLiteral(", "))));
    return false;
}

struct ChannelState
{
    TargetContext *ctx = nullptr;
    int command = 0;
    CommandResult *result = nullptr;
    bool eof = false;
    bool closed = false;
    std::optional<int> exitStatus;
    QString signal;
};

int onData(ssh_session, ssh_channel, void *data, uint32_t len, int isStderr, void *userdata)
{
    auto *st = static_cast<ChannelState *>(userdata);
    const Stream stream = isStderr ? Stream::Stderr : Stream::Stdout;
    (isStderr ? st->result->stderrBytes : st->result->stdoutBytes) += len;
    st->ctx->output(st->command, stream, static_cast<const char *>(data), qint64(len));
    return int(len); // all consumed: both streams are always drained
}

void onEof(ssh_session, ssh_channel, void *userdata)
{
    static_cast<ChannelState *>(userdata)->eof = true;
}

void onClose(ssh_session, ssh_channel, void *userdata)
{
    static_cast<ChannelState *>(userdata)->closed = true;
}

void onExitStatus(ssh_session, ssh_channel, int status, void *userdata)
{
    static_cast<ChannelState *>(userdata)->exitStatus = status;
}

void onExitSignal(ssh_session, ssh_channel, const char *signal, int, const char *, const char *,
                  void *userdata)
{
    static_cast<ChannelState *>(userdata)->signal = QString::fromLatin1(signal);
}

Status SshWorker::runCommand(int index, const QString &command)
{
    ssh_session s = m_session.get();
    CommandResult result;
    result.command = command;
    m_ctx.commandStarted(index);
    QElapsedTimer clock;
    clock.start();
    auto finishWith = [&](Status status) {
        result.status = status;
        result.durationMs = clock.elapsed();
        m_ctx.commandFinished(index, result);
        return status;
    };

    ssh_channel channel = ssh_channel_new(s);
    if (!channel)
        return finishWith(Status::Error);
    ChannelState state;
    state.ctx = &m_ctx;
    state.command = index;
    state.result = &result;
    ssh_channel_callbacks_struct callbacks{};
    callbacks.userdata = &state;
    callbacks.channel_data_function = onData;
    callbacks.channel_eof_function = onEof;
    callbacks.channel_close_function = onClose;
    callbacks.channel_exit_status_function = onExitStatus;
    callbacks.channel_exit_signal_function = onExitSignal;
    ssh_callbacks_init(&callbacks);

    auto fail = [&](const QString &what) {
        const QString error = sshError(s);
        ssh_channel_free(channel);
        m_ctx.message(QStringLiteral("%1: %2").arg(what, error));
        return finishWith(Status::Error);
    };
    if (ssh_channel_open_session(channel) != SSH_OK)
        return fail(SshMessages::tr("cannot open a channel on %1").arg(where()));
    // Registered for the channel's whole life, or exit codes get lost.
    ssh_set_channel_callbacks(channel, &callbacks);
    const QByteArray commandBytes = command.toUtf8();
    if (ssh_channel_request_exec(channel, commandBytes.constData()) != SSH_OK)
        return fail(SshMessages::tr("%1 refused to run the command").arg(where()));
    // Volley gives no input: commands that read stdin see its end at once.
    ssh_channel_send_eof(channel);

    ssh_event event = ssh_event_new();
    ssh_event_add_session(event, s);
    const qint64 timeoutMs = qint64(m_spec.commandTimeoutSec) * 1000;
    Status stopReason = Status::Ok;
    QDeadlineTimer stopDeadline;
    bool dropped = false;
    while (!state.closed && !ssh_channel_is_closed(channel)) {
        if (ssh_event_dopoll(event, kPollMs) == SSH_ERROR || !ssh_is_connected(s)) {
            dropped = true;
            break;
        }
        if (stopReason == Status::Ok) {
            if (m_ctx.cancelRequested())
                stopReason = Status::Cancelled;
            else if (timeoutMs > 0 && clock.elapsed() > timeoutMs)
                stopReason = Status::Timeout;
            if (stopReason != Status::Ok) {
                m_ctx.message(stopReason == Status::Timeout
                                  ? SshMessages::tr("command timed out after %1 s; sending TERM")
                                        .arg(m_spec.commandTimeoutSec)
                                  : SshMessages::tr("cancelled; sending TERM"));
                ssh_channel_request_send_signal(channel, "TERM");
                stopDeadline.setRemainingTime(kStopGraceMs);
            }
        } else if (stopDeadline.hasExpired()) {
            break; // the remote ignored TERM (or the login is root): close the channel
        }
    }
    ssh_event_remove_session(event, s);
    ssh_event_free(event);

    result.exitCode = state.exitStatus;
    result.signal = state.signal;
    if (dropped) {
        const QString error = sshError(s);
        ssh_channel_free(channel);
        m_ctx.message(SshMessages::tr("connection to %1 dropped while running the command: %2; the "
                                      "output received so far is kept")
                          .arg(where(), error));
        return finishWith(Status::Error);
    }
    if (!ssh_channel_is_closed(channel))
        ssh_channel_close(channel);
    ssh_channel_free(channel);

    if (stopReason != Status::Ok)
        return finishWith(stopReason);
    if (!state.signal.isEmpty())
        return finishWith(Status::Failed);
    if (!state.exitStatus)
        return finishWith(Status::Error);
    return finishWith(*state.exitStatus == 0 ? Status::Ok : Status::Failed);
}

void SshWorker::runCommands()
{
    const QStringList commands = m_ctx.commands();
    Status worst = Status::Ok;
    QString error;
    for (int i = 0; i < commands.size(); ++i) {
        const Status st = runCommand(i, commands.at(i));
        if (st == Status::Error) {
            worst = Status::Error;
            error = SshMessages::tr("command %1 on %2 could not complete; see the messages above")
                        .arg(i + 1)
                        .arg(where());
            if (!ssh_is_connected(m_session.get()))
                error = SshMessages::tr("the connection to %1 dropped during command %2 (%3); the "
                                        "output received so far is kept")
                            .arg(where())
                            .arg(i + 1)
                            .arg(sshError(m_session.get()));
            break;
        }
        if (st == Status::Cancelled) {
            worst = Status::Cancelled;
            error = SshMessages::tr("cancelled");
            break;
        }
        if (st == Status::Timeout) {
            worst = Status::Timeout;
            error = SshMessages::tr("command %1 ran past the %2 s timeout and was ended")
                        .arg(i + 1)
                        .arg(m_spec.commandTimeoutSec);
            break;
        }
        if (st == Status::Failed) {
            worst = Status::Failed;
            if (m_spec.stopOnError)
                break;
        }
    }
    m_ctx.finish(worst, error);
}

void SshWorker::run()
{
    m_ctx.connecting();
    if (!connectWithRetries())
        return;
    if (!checkHostKey())
        return;
    if (m_ctx.cancelRequested()) {
        m_ctx.finish(Status::Cancelled, SshMessages::tr("cancelled"));
        return;
    }
    if (!authenticate())
        return;
    runCommands();
}

} // namespace

void runSshTarget(TargetContext &context)
{
    ssh_set_log_level(SSH_LOG_NOLOG);
    ssh_set_log_callback(discardLog);
    SshWorker(context).run();
    // OpenSSL keeps per-thread state (DRBGs, thread-stop handlers) that it
    // frees from a thread-exit handler, and frees again from its atexit
    // cleanup: a pool thread still exiting as the process ends (Qt's threads
    // are detached, QThread::wait() returns before their TLS destructors run)
    // is a double free or a leak. Release it here, while the run still waits
    // for this task, so an idle or exiting pool thread holds none.
    OPENSSL_thread_stop();
}

} // namespace volley
