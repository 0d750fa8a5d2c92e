// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace volley {

class Run;

/// Targets whose output (every command's stdout and stderr) is byte-identical.
struct OutputGroup
{
    QList<int> targets; ///< indexes into the run, in run order
    QString folded;     ///< target names folded into ranges ("web[01-09]")
    QByteArray digest;  ///< SHA-256 of the output
};

/// Groups a run's targets by identical output, largest group first (like clush -b).
QList<OutputGroup> groupIdenticalOutput(const Run &run);

} // namespace volley
