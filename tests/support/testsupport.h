// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace volley::test {

/// Call from each test class's init(): Qt warnings that reveal a bug
/// ("QProcess: Destroyed while process is still running", a QObject used from
/// the wrong thread, ...) fail the running test.
void failOnQtWarnings();

/// Path of the helper program that prints, floods, sleeps, crashes or exits.
QString testHelper();
/// Path of the built volley-cli.
QString volleyCli();
/// tests/data/<name>
QString testData(const QString &name);

/// What a run of volley-cli gave back; status -1 when it crashed or hung.
struct CliResult
{
    int status = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs the built volley-cli with args (input on its stdin, env if given), bounded
/// by timeoutMs. A sanitizer's report on its stderr is shown in the test log.
CliResult runCli(const QStringList &args, int timeoutMs = 60000, const QByteArray &input = {},
                 const QProcessEnvironment &env = QProcessEnvironment());

/// Pids of processes whose command line contains needle (from /proc).
QList<qint64> processesMatching(const QString &needle);
/// A process's arguments joined by spaces (from /proc); empty when it is gone.
QString commandLine(qint64 pid);
bool processAlive(qint64 pid);

} // namespace volley::test
