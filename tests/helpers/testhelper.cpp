// SPDX-License-Identifier: GPL-3.0-or-later
// A program the tests drive. Each argument pair is one action, run in order:
//   out TEXT      write TEXT and a newline to stdout
//   err TEXT      write TEXT and a newline to stderr
//   flood N       write N bytes of lines ("0123...\n") to stdout
//   flooderr N    the same to stderr
//   bytes HEX     write raw bytes given as hex to stdout
//   sleep MS      sleep MS milliseconds
//   exit CODE     exit with CODE
//   signal NAME   raise TERM, KILL, SEGV, ABRT, INT or HUP at itself
//   pidfile PATH  write the process id to PATH
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <unistd.h>

namespace {

void writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            std::exit(120);
        }
        data += n;
        size -= size_t(n);
    }
}

void flood(int fd, long long bytes)
{
    std::string block;
    for (int i = 0; block.size() < 65536; ++i)
        block += "line " + std::to_string(i) + " abcdefghijklmnopqrstuvwxyz0123456789\n";
    while (bytes > 0) {
        const size_t n = size_t(std::min<long long>(bytes, (long long)block.size()));
        writeAll(fd, block.data(), n);
        bytes -= (long long)n;
    }
}

int signalNumber(const char *name)
{
    const struct { const char *name; int number; } table[] = {
        {"TERM", SIGTERM}, {"KILL", SIGKILL}, {"SEGV", SIGSEGV},
        {"ABRT", SIGABRT}, {"INT", SIGINT},   {"HUP", SIGHUP},
    };
    for (const auto &e : table)
        if (std::strcmp(e.name, name) == 0)
            return e.number;
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string action = argv[i];
        const char *arg = argv[i + 1];
        if (action == "out" || action == "err") {
            const std::string line = std::string(arg) + "\n";
            writeAll(action == "out" ? 1 : 2, line.data(), line.size());
        } else if (action == "flood" || action == "flooderr") {
            flood(action == "flood" ? 1 : 2, std::atoll(arg));
        } else if (action == "bytes") {
            std::string raw;
            for (size_t k = 0; arg[k] && arg[k + 1]; k += 2)
                raw += char(std::strtol(std::string(arg + k, 2).c_str(), nullptr, 16));
            writeAll(1, raw.data(), raw.size());
        } else if (action == "sleep") {
            const long ms = std::atol(arg);
            timespec ts{ms / 1000, (ms % 1000) * 1000000L};
            while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
            }
        } else if (action == "exit") {
            return std::atoi(arg);
        } else if (action == "signal") {
            const int sig = signalNumber(arg);
            std::signal(sig, SIG_DFL);
            std::raise(sig);
        } else if (action == "pidfile") {
            FILE *f = std::fopen(arg, "w");
            if (f) {
                std::fprintf(f, "%d\n", int(::getpid()));
                std::fclose(f);
            }
        } else {
            std::fprintf(stderr, "testhelper: unknown action '%s'\n", action.c_str());
            return 125;
        }
    }
    return 0;
}
