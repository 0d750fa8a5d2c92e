// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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

/// Pids of processes whose command line contains needle (from /proc).
QList<qint64> processesMatching(const QString &needle);
bool processAlive(qint64 pid);

} // namespace volley::test
