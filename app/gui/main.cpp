// SPDX-License-Identifier: GPL-3.0-or-later
// volley: the desktop application.
#include "fleet/localfleet.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Volley"));
    QApplication::setApplicationName(QStringLiteral("volley"));
    QApplication::setApplicationVersion(QStringLiteral(VOLLEY_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Run commands across a fleet of machines."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoFleet(QStringLiteral("demo-fleet"),
                                       QStringLiteral("Start a private sshd with N loopback hosts."),
                                       QStringLiteral("N"));
    parser.addOption(demoFleet);
    parser.process(app);

    QList<volley::Target> targets;
    volley::Target local;
    local.name = QStringLiteral("local");
    local.transport = volley::Transport::Local;
    targets << local;

    std::unique_ptr<volley::LocalFleet> fleet;
    if (parser.isSet(demoFleet)) {
        fleet = std::make_unique<volley::LocalFleet>();
        volley::LocalFleet::Options options;
        options.hosts = parser.value(demoFleet).toInt();
        if (!fleet->start(options)) {
            std::fprintf(stderr, "volley: demo fleet: %s\n", qPrintable(fleet->error()));
            return 3;
        }
        targets << fleet->targets(QStringLiteral("demo"));
    }

    volley::MainWindow window;
    window.setTargets(targets);
    window.show();
    return app.exec();
}
