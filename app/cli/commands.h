// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

// Each subcommand of volley-cli lives in its own cmd_*.cpp. args[0] is the
// subcommand name; the return value is the process exit status.
namespace volley::cli {

// Translation contexts for what volley-cli says to people, one per source file: it has
// no QObjects to carry tr(), and lupdate files RunText::tr("...") under
// "volley::cli::Run". Option names, JSON, status words (ok, failed, ...) and other
// text that scripts read are not translated.
struct MainText
{
    Q_DECLARE_TR_FUNCTIONS(volley::cli::Main)
};
struct RunText
{
    Q_DECLARE_TR_FUNCTIONS(volley::cli::Run)
};
struct FleetText
{
    Q_DECLARE_TR_FUNCTIONS(volley::cli::Fleet)
};
struct InventoryText
{
    Q_DECLARE_TR_FUNCTIONS(volley::cli::Inventory)
};
struct LabText
{
    Q_DECLARE_TR_FUNCTIONS(volley::cli::Lab)
};
struct TerminalText
{
    Q_DECLARE_TR_FUNCTIONS(volley::cli::Terminal)
};

int runCommand(const QStringList &args);
int fleetCommand(const QStringList &args);
int hostsCommand(const QStringList &args);
int inventoryCommand(const QStringList &args);
int labCommand(const QStringList &args);
/// Hidden: a Concurrency Lab process worker (started by the lab itself).
int labWorkerCommand(const QStringList &args);

/// The parser's help with the subcommand in its usage line
/// ("Usage: volley-cli run [options] ..." rather than "volley-cli [options] ...").
inline QString subcommandHelp(const QCommandLineParser &parser, const QString &subcommand)
{
    // Qt writes argv[0] as typed ("./build/app/volley-cli"): name the program plainly.
    QString text = parser.helpText();
    const qsizetype options = text.indexOf(QLatin1String(" [options]"));
    if (text.startsWith(QLatin1String("Usage: ")) && options > 0 &&
        options < text.indexOf(QLatin1Char('\n')))
        text.replace(7, options - 7, QStringLiteral("volley-cli ") + subcommand);
    return text;
}

/// Exit statuses shared by every subcommand.
enum ExitCode {
    ExitOk = 0,
    ExitFailed = 1,
    ExitUsage = 2,
    ExitCouldNotRun = 3,
    ExitInterrupted = 130
};

} // namespace volley::cli
