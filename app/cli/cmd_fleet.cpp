// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "fleet/localfleet.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>
#include <cstdio>

namespace volley::cli {

int fleetCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Start a private OpenSSH sshd answering on N loopback addresses (127.0.0.2, ...),\n"
        "print how to reach it, and keep it up until Ctrl-C.\n\n"
        "Examples:\n"
        "  volley-cli fleet up 8\n"
        "  volley-cli fleet up 200 --json > fleet.json"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("up"), QStringLiteral("Start the fleet."));
    parser.addPositionalArgument(QStringLiteral("N"),
                                 QStringLiteral("Number of hosts (default 8)."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the details as JSON."));
    const QCommandLineOption any(
        QStringLiteral("listen-any"),
        QStringLiteral("One sshd on 0.0.0.0 (only inside a private network "
                       "namespace: unshare -n)."));
    parser.addOptions({json, any});
    if (!parser.parse(args)) {
        std::fprintf(stderr, "volley-cli fleet: %s\n", qPrintable(parser.errorText()));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(subcommandHelp(parser, QStringLiteral("fleet"))), stdout);
        return ExitOk;
    }
    const QStringList pos = parser.positionalArguments(); // args[0] "fleet" is the program name
    if (pos.isEmpty() || pos.first() != QLatin1String("up")) {
        std::fputs("volley-cli fleet: expected 'up [N]'; see volley-cli fleet --help\n", stderr);
        return ExitUsage;
    }
    int hosts = 8;
    if (pos.size() > 1) {
        bool ok = false;
        hosts = pos.at(1).toInt(&ok);
        if (!ok || hosts < 1 || hosts > 64000) {
            std::fprintf(stderr, "volley-cli fleet: '%s' is not a host count from 1 to 64000\n",
                         qPrintable(pos.at(1)));
            return ExitUsage;
        }
    }

    // Block the stop signals before any thread starts, then wait for one.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    LocalFleet fleet;
    LocalFleet::Options options;
    options.hosts = hosts;
    options.listenAny = parser.isSet(any);
    if (!fleet.start(options)) {
        std::fprintf(stderr, "volley-cli fleet: %s\n", qPrintable(fleet.error()));
        return ExitCouldNotRun;
    }
    if (parser.isSet(json)) {
        QJsonObject o;
        o[QStringLiteral("hosts")] = QJsonArray::fromStringList(fleet.addresses());
        o[QStringLiteral("port")] = fleet.port();
        o[QStringLiteral("user")] = fleet.user();
        o[QStringLiteral("identity_file")] = fleet.userKeyPath();
        o[QStringLiteral("known_hosts")] = fleet.knownHostsPath();
        o[QStringLiteral("ssh_config")] = fleet.sshConfigPath();
        o[QStringLiteral("host_key_sha256")] = fleet.hostKeyFingerprint();
        std::fputs(QJsonDocument(o).toJson(QJsonDocument::Compact).append('\n').constData(),
                   stdout);
    } else {
        const QStringList a = fleet.addresses();
        std::printf("fleet up: %d hosts (%s ... %s), port %d, user %s\n", int(a.size()),
                    qPrintable(a.first()), qPrintable(a.last()), fleet.port(),
                    qPrintable(fleet.user()));
        std::printf("identity file: %s\nknown_hosts:   %s\nssh_config:    %s\nhost key:      %s\n",
                    qPrintable(fleet.userKeyPath()), qPrintable(fleet.knownHostsPath()),
                    qPrintable(fleet.sshConfigPath()), qPrintable(fleet.hostKeyFingerprint()));
        std::printf("try: volley-cli run -H %s -p %d -l %s -i %s --known-hosts %s -- uname -a\n",
                    qPrintable(a.first()), fleet.port(), qPrintable(fleet.user()),
                    qPrintable(fleet.userKeyPath()), qPrintable(fleet.knownHostsPath()));
        std::printf("Press Ctrl-C to stop.\n");
    }
    std::fflush(stdout);
    int received = 0;
    sigwait(&stopSignals, &received);
    fleet.stop();
    std::fputs("fleet stopped\n", stderr);
    return ExitOk;
}

} // namespace volley::cli
