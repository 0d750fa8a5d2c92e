// SPDX-License-Identifier: GPL-3.0-or-later
// A userspace TCP proxy for fault tests (the kernel here has no netem).
//   volley-faultproxy --to HOST:PORT [--delay-ms N] [--rate BYTES_PER_S]
// Listens on 127.0.0.1 on a free port, prints that port and a newline on stdout,
// then forwards every connection to HOST:PORT, holding each chunk back by
// --delay-ms (latency) and pacing each direction at --rate bytes a second
// (throttling). Chunks are small (at most rate / 50 bytes) so a throttled stream
// arrives as a trickle, not in bursts. Runs until killed.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Settings
{
    std::string host;
    int port = 0;
    long delayMs = 0;
    long rate = 0; // bytes per second; 0 = unlimited
};

struct Chunk
{
    Clock::time_point arrived;
    std::string bytes; // empty = end of stream
};

// One direction of one connection: a reader thread queues chunks with their
// arrival time, a writer thread releases them after the delay at the rate.
struct Pipe
{
    int from = -1;
    int to = -1;
    std::mutex mutex;
    std::condition_variable ready;
    std::deque<Chunk> queue;
};

bool writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= size_t(n);
    }
    return true;
}

void readLoop(const std::shared_ptr<Pipe> &pipe, size_t chunkSize)
{
    std::vector<char> buffer(chunkSize);
    for (;;) {
        const ssize_t n = ::recv(pipe->from, buffer.data(), buffer.size(), 0);
        if (n < 0 && errno == EINTR)
            continue;
        Chunk c{Clock::now(), n > 0 ? std::string(buffer.data(), size_t(n)) : std::string()};
        {
            std::lock_guard<std::mutex> lock(pipe->mutex);
            pipe->queue.push_back(std::move(c));
        }
        pipe->ready.notify_one();
        if (n <= 0)
            return;
    }
}

void writeLoop(const std::shared_ptr<Pipe> &pipe, const Settings &settings)
{
    const Clock::time_point start = Clock::now();
    long long sent = 0;
    for (;;) {
        Chunk c;
        {
            std::unique_lock<std::mutex> lock(pipe->mutex);
            pipe->ready.wait(lock, [&] { return !pipe->queue.empty(); });
            c = std::move(pipe->queue.front());
            pipe->queue.pop_front();
        }
        std::this_thread::sleep_until(c.arrived + std::chrono::milliseconds(settings.delayMs));
        if (c.bytes.empty()) {
            ::shutdown(pipe->to, SHUT_WR);
            ::shutdown(pipe->from, SHUT_RD);
            return;
        }
        if (settings.rate > 0) {
            const auto due = start + std::chrono::microseconds((sent + (long long)c.bytes.size()) *
                                                               1000000 / settings.rate);
            std::this_thread::sleep_until(due);
        }
        if (!writeAll(pipe->to, c.bytes.data(), c.bytes.size())) {
            ::shutdown(pipe->from, SHUT_RDWR);
            ::shutdown(pipe->to, SHUT_RDWR);
            return;
        }
        sent += (long long)c.bytes.size();
    }
}

int connectTo(const Settings &s)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(uint16_t(s.port));
    ::inet_pton(AF_INET, s.host.c_str(), &sa.sin_addr);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0) {
        if (fd >= 0)
            ::close(fd);
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

void serve(int client, const Settings &settings)
{
    const int server = connectTo(settings);
    if (server < 0) {
        ::close(client);
        return;
    }
    const size_t chunkSize =
        settings.rate > 0 ? size_t(std::clamp<long>(settings.rate / 50, 64, 16384)) : 16384;
    auto up = std::make_shared<Pipe>();
    up->from = client;
    up->to = server;
    auto down = std::make_shared<Pipe>();
    down->from = server;
    down->to = client;
    std::vector<std::thread> threads;
    threads.emplace_back(readLoop, up, chunkSize);
    threads.emplace_back(writeLoop, up, std::cref(settings));
    threads.emplace_back(readLoop, down, chunkSize);
    threads.emplace_back(writeLoop, down, std::cref(settings));
    for (std::thread &t : threads)
        t.join();
    ::close(client);
    ::close(server);
}

[[noreturn]] void usage(const char *why)
{
    std::fprintf(stderr,
                 "volley-faultproxy: %s\nusage: volley-faultproxy --to HOST:PORT [--delay-ms N] "
                 "[--rate BYTES_PER_S]\n",
                 why);
    std::exit(2);
}

} // namespace

int main(int argc, char **argv)
{
    static Settings settings;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc)
            usage("an option lacks its value");
        const std::string value = argv[++i];
        if (arg == "--to") {
            const size_t colon = value.rfind(':');
            if (colon == std::string::npos)
                usage("--to needs HOST:PORT");
            settings.host = value.substr(0, colon);
            settings.port = std::atoi(value.c_str() + colon + 1);
        } else if (arg == "--delay-ms") {
            settings.delayMs = std::atol(value.c_str());
        } else if (arg == "--rate") {
            settings.rate = std::atol(value.c_str());
        } else {
            usage("unknown option");
        }
    }
    if (settings.host.empty() || settings.port <= 0)
        usage("--to HOST:PORT is required");
    std::signal(SIGPIPE, SIG_IGN);

    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof sa;
    if (listener < 0 || ::bind(listener, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0 ||
        ::listen(listener, 64) != 0 ||
        ::getsockname(listener, reinterpret_cast<sockaddr *>(&sa), &len) != 0) {
        std::perror("volley-faultproxy: listen");
        return 1;
    }
    std::printf("%d\n", int(ntohs(sa.sin_port)));
    std::fflush(stdout);
    for (;;) {
        const int client = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) {
            if (errno == EINTR)
                continue;
            std::perror("volley-faultproxy: accept");
            return 1;
        }
        const int one = 1;
        ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        std::thread(serve, client, std::cref(settings)).detach();
    }
}
