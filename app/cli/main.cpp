// SPDX-License-Identifier: GPL-3.0-or-later
// volley-cli: the headless twin of Volley, on the same engine.
#include "commands.h"
#include "identity.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

QByteArray usage()
{
    return volley::cli::MainText::tr(R"(Usage: volley-cli <command> [options]

Run commands across a fleet of machines (SSH hosts and the local machine),
and run the Concurrency Lab's experiments headless.

Commands:
  run         run commands on targets, streaming their output
  hosts       expand or fold host patterns
  inventory   import, list and export the saved inventory
  fleet       start a private sshd on loopback addresses (demo and tests)
  lab         run a Concurrency Lab experiment

Options:
  -h, --help     show this help (each command has its own --help)
  -v, --version  show the version

Examples:
  volley-cli run -H local -- uname -a
  volley-cli run -H 'web[01-20].lab,db1' -x web07.lab -f 64 -b -- uptime
  volley-cli fleet up 8
  volley-cli lab counter --kind threads --workers 4 --increments 100000 --sync none
)")
        .toUtf8();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    volley::applyIdentity();
    volley::installTranslations();

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        std::fputs(usage().constData(), stderr);
        return volley::cli::ExitUsage;
    }
    const QString command = args.first();
    if (command == QLatin1String("-h") || command == QLatin1String("--help") ||
        command == QLatin1String("help")) {
        std::fputs(usage().constData(), stdout);
        return 0;
    }
    if (command == QLatin1String("-v") || command == QLatin1String("--version")) {
        std::printf("volley-cli %s\n", VOLLEY_VERSION);
        return 0;
    }
    using namespace volley::cli;
    if (command == QLatin1String("run"))
        return runCommand(args);
    if (command == QLatin1String("fleet"))
        return fleetCommand(args);
    if (command == QLatin1String("hosts"))
        return hostsCommand(args);
    if (command == QLatin1String("inventory"))
        return inventoryCommand(args);
    if (command == QLatin1String("lab"))
        return labCommand(args);
    if (command == QLatin1String("lab-worker"))
        return labWorkerCommand(args);
    std::fprintf(
        stderr, "volley-cli: %s\n",
        qPrintable(MainText::tr("unknown command '%1'; see volley-cli --help").arg(command)));
    return ExitUsage;
}
