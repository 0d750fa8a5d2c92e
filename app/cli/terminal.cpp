// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminal.h"

#include "commands.h"

#include <QSocketNotifier>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace volley::cli {

namespace {
int g_pipe[2] = {-1, -1};
std::atomic_int g_signals{0}; // lock-free: safe in a signal handler

void onSignal(int)
{
    if (g_signals.fetch_add(1) > 0)
        ::_exit(130); // a second Ctrl-C exits at once
    const char c = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_pipe[1], &c, 1);
}
} // namespace

bool isTerminal(int fd)
{
    return ::isatty(fd) == 1;
}

QByteArray readSecret(const QString &prompt)
{
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return {};
    // Echo goes off before the prompt appears: an answer typed (or sent) as soon as
    // the prompt shows must neither be echoed nor flushed away by the mode change.
    termios old{};
    const bool haveTermios = ::tcgetattr(fd, &old) == 0;
    if (haveTermios) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    const QByteArray p = prompt.toLocal8Bit();
    [[maybe_unused]] ssize_t w = ::write(fd, p.constData(), size_t(p.size()));
    QByteArray secret;
    char c = 0;
    while (::read(fd, &c, 1) == 1 && c != '\n')
        secret.append(c);
    if (haveTermios)
        ::tcsetattr(fd, TCSANOW, &old);
    w = ::write(fd, "\n", 1);
    ::close(fd);
    return secret;
}

InterruptWatcher::InterruptWatcher(std::function<void()> onInterrupt, QObject *parent)
    : QObject(parent)
    , m_onInterrupt(std::move(onInterrupt))
{
    if (::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char buf[16];
        while (::read(g_pipe[0], buf, sizeof buf) > 0) {
        }
        if (!m_interrupted) {
            m_interrupted = true;
            m_onInterrupt();
        }
    });
    struct sigaction sa
    {
    };
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
}

InterruptWatcher::~InterruptWatcher()
{
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    delete m_notifier;
    if (g_pipe[0] >= 0) {
        ::close(g_pipe[0]);
        ::close(g_pipe[1]);
        g_pipe[0] = g_pipe[1] = -1;
    }
}

QByteArray TerminalCredentials::secret(const SecretRequest &request, const std::atomic_bool *)
{
    switch (request.kind) {
    case SecretKind::Password:
        return m_password;
    case SecretKind::KeyboardInteractive:
        // A server asking "Password:" through keyboard-interactive gets the same password.
        if (!request.echo && !m_password.isEmpty())
            return m_password;
        return readSecret(QStringLiteral("%1 (%2@%3): ")
                              .arg(request.prompt.trimmed(), request.user, request.host));
    case SecretKind::Passphrase:
        return readSecret(request.keyFile.isEmpty()
                              ? TerminalText::tr("Passphrase for your SSH key: ")
                              : TerminalText::tr("Passphrase for %1: ").arg(request.keyFile));
    }
    return {};
}

} // namespace volley::cli
