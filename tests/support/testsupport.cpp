// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

namespace volley::test {

void failOnQtWarnings()
{
    static const char *const patterns[] = {
        "QProcess: Destroyed while process",
        "QThread: Destroyed while thread",
        "QObject::killTimer",
        "QObject::startTimer",
        "QObject::connect",
        "QObject: Cannot create children",
        "QSocketNotifier",
        "QBasicTimer",
        "QtConcurrent",
        "QAbstractItemModelTester",
        "QSortFilterProxyModel",
    };
    for (const char *p : patterns)
        QTest::failOnWarning(QRegularExpression(QRegularExpression::escape(QLatin1String(p))));
}

QString testHelper()
{
    return QStringLiteral(VOLLEY_TESTHELPER);
}

QString volleyCli()
{
    return QStringLiteral(VOLLEY_CLI);
}

QString testData(const QString &name)
{
    return QStringLiteral(VOLLEY_TEST_DATA) + QLatin1Char('/') + name;
}

CliResult runCli(const QStringList &args, int timeoutMs, const QByteArray &input,
                 const QProcessEnvironment &env)
{
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.start(volleyCli(), args);
    CliResult r;
    if (!p.waitForStarted())
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.status = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    if (r.err.contains("Sanitizer"))
        qInfo().noquote() << "volley-cli stderr:" << r.err;
    return r;
}

QString commandLine(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QByteArray cmd = f.readAll();
    cmd.replace('\0', ' ');
    return QString::fromLocal8Bit(cmd);
}

QList<qint64> processesMatching(const QString &needle)
{
    QList<qint64> out;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &e : entries) {
        bool ok = false;
        const qint64 pid = e.toLongLong(&ok);
        if (ok && commandLine(pid).contains(needle))
            out.append(pid);
    }
    return out;
}

bool processAlive(qint64 pid)
{
    if (::kill(pid_t(pid), 0) != 0)
        return false;
    // A zombie is gone for our purposes.
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray stat = f.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    return close < 0 || stat.mid(close + 2, 1) != "Z";
}

} // namespace volley::test
