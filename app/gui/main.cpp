// SPDX-License-Identifier: GPL-3.0-or-later
// volley: the desktop application. Parses the command line and wires the
// window to the demo fleet, the exports and the scripted-session options.
#include "fleet/localfleet.h"
#include "identity_gui.h"
#include "inventory/targetselection.h"
#include "mainwindow.h"
#include "palette.h"
#include "stallmonitor.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

// The translation context of what the window's command line says (--help, errors):
// lupdate files MainText::tr("...") under "volley::gui::Main". Option names and value
// names stay as they are.
struct MainText
{
    Q_DECLARE_TR_FUNCTIONS(volley::gui::Main)
};

constexpr int kExitUsage = 2;
constexpr int kExitCannotRun = 3;

// Errors, and facts a benchmark records, go to stderr.
void say(const QString &message)
{
    std::fprintf(stderr, "volley: %s\n", qPrintable(message));
}

bool writeJson(const QString &path, const QJsonObject &json)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        say(MainText::tr("cannot write %1: %2").arg(path, f.errorString()));
        return false;
    }
    f.write(QJsonDocument(json).toJson(QJsonDocument::Indented));
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    // --help and --version answer without a display: only a core application
    // is created for them (parser.process() exits before any widget exists).
    bool infoOnly = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        infoOnly = infoOnly || a == "-h" || a == "--help" || a == "--help-all" || a == "-v" ||
                   a == "--version";
    }
    std::unique_ptr<QCoreApplication> appHolder =
        infoOnly ? std::make_unique<QCoreApplication>(argc, argv)
                 : std::make_unique<QApplication>(argc, argv);
    QCoreApplication &app = *appHolder;
    // The window icon needs a GUI application; --help and --version only need the names.
    if (infoOnly)
        volley::applyIdentity();
    else
        volley::applyGuiIdentity();
    volley::installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(MainText::tr(
        "Run commands across a fleet of machines and watch every target's output live.\n"
        "\n"
        "Examples:\n"
        "  volley --demo-fleet 8\n"
        "      the local machine and 8 SSH hosts on loopback, ready to run\n"
        "  volley --hosts 'web[01-10].lab,db1' --command uptime --run\n"
        "      run uptime on 11 hosts as soon as the window opens\n"
        "  volley --hosts-file hosts.txt --command 'df -h' --run --export df.json "
        "--quit-when-done\n"
        "      a scripted session: run, save the JSON, exit with volley-cli's exit status\n"
        "  volley --demo-fleet 8 --command 'uname -a' --run --screenshot shot.png "
        "--quit-when-done\n"
        "      a picture of the finished run, for documentation\n"
        "  volley --lab\n"
        "      open on the Concurrency Lab\n"
        "  volley --demo-fleet 8 --palette dark\n"
        "      dark colours, whatever the desktop theme"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption hosts(QStringLiteral("hosts"),
                                   MainText::tr("Targets to check, as host patterns "
                                                "(\"web[01-20].lab,db1\", \"@group\", \"local\")."),
                                   QStringLiteral("PATTERN"));
    const QCommandLineOption hostsFile(QStringLiteral("hosts-file"),
                                       MainText::tr("Targets to check, from a hosts file "
                                                    "(any format volley-cli imports)."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption command(QStringLiteral("command"),
                                     MainText::tr("The command to put in the command bar; "
                                                  "repeat for several commands run in order."),
                                     QStringLiteral("CMD"));
    const QCommandLineOption run(QStringLiteral("run"),
                                 MainText::tr("Start the run as soon as the window opens."));
    const QCommandLineOption fanout(QStringLiteral("fanout"),
                                    MainText::tr("How many targets run at once (default 32)."),
                                    QStringLiteral("N"));
    const QCommandLineOption demoFleet(QStringLiteral("demo-fleet"),
                                       MainText::tr("Start a private sshd with N loopback hosts "
                                                    "and list them as targets."),
                                       QStringLiteral("N"));
    const QCommandLineOption lab(QStringLiteral("lab"),
                                 MainText::tr("Open on the Concurrency Lab page."));
    const QCommandLineOption exportJson(QStringLiteral("export"),
                                        MainText::tr("Write the run's JSON (volley-cli --json "
                                                     "schema) to FILE when it ends."),
                                        QStringLiteral("FILE.json"));
    const QCommandLineOption quitWhenDone(
        QStringLiteral("quit-when-done"),
        MainText::tr("Exit when the run ends, with volley-cli run's exit status "
                     "(0 ok, 1 a command failed, 3 a target could not run, 130 cancelled)."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        MainText::tr("Save a picture of the window when the run "
                                                     "ends (or after start-up if nothing runs)."),
                                        QStringLiteral("FILE.png"));
    const QCommandLineOption stallReport(
        QStringLiteral("stall-report"),
        MainText::tr("Write the GUI thread's event-loop latency as JSON at the end: "
                     "p50_ms, p99_ms, max_ms, samples, bytes_shown."),
        QStringLiteral("FILE.json"));
    const QCommandLineOption palette(
        QStringLiteral("palette"),
        MainText::tr("light or dark: Volley's own colours instead of the desktop theme's "
                     "(for a desktop Qt does not follow, or a projector)."),
        QStringLiteral("light|dark"));
    parser.addOptions({hosts, hostsFile, command, run, fanout, demoFleet, lab, exportJson,
                       quitWhenDone, screenshot, stallReport, palette});
    parser.process(app);

    if (parser.isSet(palette)) {
        QPalette colours;
        if (!volley::paletteFromName(parser.value(palette), &colours)) {
            say(MainText::tr("--palette wants light or dark, not \"%1\"")
                    .arg(parser.value(palette)));
            return kExitUsage;
        }
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(colours);
    }

    int fanoutValue = 0;
    if (parser.isSet(fanout)) {
        bool ok = false;
        fanoutValue = parser.value(fanout).toInt(&ok);
        if (!ok || fanoutValue < 1) {
            say(MainText::tr("--fanout wants a number of at least 1, not \"%1\"")
                    .arg(parser.value(fanout)));
            return kExitUsage;
        }
    }

    volley::StallMonitor stalls;

    QList<volley::Target> targets;
    volley::Target local;
    local.name = QStringLiteral("local");
    local.transport = volley::Transport::Local;
    targets << local;

    std::unique_ptr<volley::LocalFleet> fleet;
    if (parser.isSet(demoFleet)) {
        bool ok = false;
        const int n = parser.value(demoFleet).toInt(&ok);
        if (!ok || n < 1) {
            say(MainText::tr("--demo-fleet wants a number of hosts, not \"%1\"")
                    .arg(parser.value(demoFleet)));
            return kExitUsage;
        }
        volley::LocalFleet::raiseFileLimit();
        fleet = std::make_unique<volley::LocalFleet>();
        volley::LocalFleet::Options options;
        options.hosts = n;
        // On this machine the demo hosts compete with the window for the CPU;
        // real remote hosts do not. Keep them in the background.
        options.background = true;
        if (!fleet->start(options)) {
            say(MainText::tr("demo fleet: %1").arg(fleet->error()));
            return kExitCannotRun;
        }
        targets << fleet->targets(QStringLiteral("demo"));
        say(MainText::tr("demo fleet of %1 hosts, CPU class %2").arg(n).arg(fleet->cpuClass()));
    }

    // --hosts / --hosts-file pick targets: names already listed (local, the
    // demo fleet) are checked as they are; others are added.
    QStringList checked;
    const bool picked = parser.isSet(hosts) || parser.isSet(hostsFile);
    if (picked) {
        QList<volley::Target> selected;
        QString error;
        if (!volley::selectTargets(parser.values(hosts), parser.values(hostsFile), {}, &selected,
                                   &error)) {
            say(error);
            return kExitUsage;
        }
        for (const volley::Target &t : std::as_const(selected)) {
            const bool known =
                std::any_of(targets.cbegin(), targets.cend(),
                            [&](const volley::Target &k) { return k.name == t.name; });
            if (!known)
                targets << t;
            checked << t.name;
        }
    }

    QGuiApplication::setApplicationDisplayName(QStringLiteral("Volley"));
    volley::MainWindow window;
    window.setTargets(targets);
    if (picked)
        window.checkOnly(checked);
    if (parser.isSet(command))
        window.setCommandText(parser.values(command).join(QLatin1Char('\n')));
    if (fanoutValue > 0)
        window.setFanout(fanoutValue);
    if (parser.isSet(lab))
        window.showLabPage();
    window.show();
    // Measured from the moment the window is up: the demo fleet's start-up
    // (which waits for sshd before any window exists) is not GUI latency.
    if (parser.isSet(stallReport))
        stalls.start();

    const QString screenshotPath = parser.value(screenshot);
    const QString stallPath = parser.value(stallReport);
    const bool quit = parser.isSet(quitWhenDone);
    auto writeStalls = [&] {
        if (!stallPath.isEmpty())
            writeJson(stallPath, stalls.report(window.bytesShown()));
    };
    auto grab = [&] {
        if (!screenshotPath.isEmpty() && !window.grab().save(screenshotPath))
            say(MainText::tr("cannot write the screenshot %1").arg(screenshotPath));
    };

    int exitStatus = 0;
    // Let the last update paint before the picture is taken.
    auto finish = [&](int code) {
        QTimer::singleShot(200, &app, [&, code] {
            grab();
            if (quit) {
                writeStalls();
                QApplication::exit(code);
            }
        });
    };
    QObject::connect(&window, &volley::MainWindow::runFinished, &app, [&](int code) {
        exitStatus = code;
        if (parser.isSet(exportJson))
            // Written off the GUI thread; the window stays responsive meanwhile.
            window.exportJsonInBackground(parser.value(exportJson));
        else
            finish(code);
    });
    QObject::connect(&window, &volley::MainWindow::jsonExported, &app,
                     [&](const QString &, const QString &error) {
                         if (!error.isEmpty())
                             say(error);
                         finish(exitStatus);
                     });

    if (parser.isSet(run)) {
        QTimer::singleShot(0, &window, [&] {
            if (!window.startRun()) {
                say(MainText::tr("nothing to run: give --command and at least one target"));
                if (quit)
                    QApplication::exit(kExitUsage);
            }
        });
    } else if (!screenshotPath.isEmpty() || quit) {
        QTimer::singleShot(500, &window, [&] {
            grab();
            if (quit) {
                writeStalls();
                QApplication::exit(0);
            }
        });
    }

    const int rc = app.exec();
    if (!quit)
        writeStalls();
    return rc != 0 ? rc : (quit ? exitStatus : 0);
}
