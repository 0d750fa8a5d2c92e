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
    parser.setApplicationDescription(FleetText::tr(
        "Start a private OpenSSH sshd answering on N loopback addresses (127.0.0.2, ...),\n"
        "print how to reach it, and keep it up until Ctrl-C.\n\n"
        "Examples:\n"
        "  volley-cli fleet up 8\n"
        "  volley-cli fleet up 200 --json > fleet.json"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("up"), FleetText::tr("Start the fleet."));
    parser.addPositionalArgument(QStringLiteral("N"),
                                 FleetText::tr("Number of hosts (default 8)."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  FleetText::tr("Print the details as JSON."));
    const QCommandLineOption any(QStringLiteral("listen-any"),
                                 FleetText::tr("One sshd on 0.0.0.0 (only inside a private network "
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
        std::fprintf(stderr, "volley-cli fleet: %s\n",
                     qPrintable(FleetText::tr("expected 'up [N]'; see volley-cli fleet --help")));
        return ExitUsage;
    }
    int hosts = 8;
    if (pos.size() > 1) {
        bool ok = false;
        hosts = pos.at(1).toInt(&ok);
        if (!ok || hosts < 1 || hosts > 64000) {
            std::fprintf(
                stderr, "volley-cli fleet: %s\n",
                qPrintable(
                    FleetText::tr("'%1' is not a host count from 1 to 64000").arg(pos.at(1))));
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
        const QString port = QString::number(fleet.port());
        const QString tryIt =
            QStringLiteral("volley-cli run -H %1 -p %2 -l %3 -i %4 --known-hosts %5 -- uname -a")
                .arg(a.first(), port, fleet.user(), fleet.userKeyPath(), fleet.knownHostsPath());
        QString text =
            FleetText::tr("fleet up: %1 hosts (%2 ... %3), port %4, user %5")
                .arg(QString::number(a.size()), a.first(), a.last(), port, fleet.user()) +
            QLatin1Char('\n');
        //: The labels are padded so the values line up.
        text += FleetText::tr("identity file: %1\nknown_hosts:   %2\nssh_config:    %3\n"
                              "host key:      %4\n")
                    .arg(fleet.userKeyPath(), fleet.knownHostsPath(), fleet.sshConfigPath(),
                         fleet.hostKeyFingerprint());
        text += FleetText::tr("try: %1").arg(tryIt) + QLatin1Char('\n');
        text += FleetText::tr("Press Ctrl-C to stop.") + QLatin1Char('\n');
        std::fputs(qPrintable(text), stdout);
    }
    std::fflush(stdout);
    int received = 0;
    sigwait(&stopSignals, &received);
    fleet.stop();
    std::fprintf(stderr, "%s\n", qPrintable(FleetText::tr("fleet stopped")));
    return ExitOk;
}

} // namespace volley::cli
