// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/run.h"

#include <QSignalSpy>
#include <QTest>

namespace volley::test {

/// Runs spec to the end (bounded by timeoutMs) and returns the finished run.
inline std::unique_ptr<Run> runToEnd(const RunSpec &spec, int timeoutMs = 60000)
{
    auto run = std::make_unique<Run>(spec);
    QSignalSpy done(run.get(), &Run::finished);
    run->start();
    if (!run->isFinished())
        done.wait(timeoutMs);
    return run;
}

inline Target localTarget(const QString &name = QStringLiteral("local"))
{
    Target t;
    t.name = name;
    t.transport = Transport::Local;
    return t;
}

/// Shell-quotes a word for the tests' own command lines.
inline QString shq(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

} // namespace volley::test
