// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/status.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace volley {

/// A status as an icon: painted at several sizes (crisp at 200 % scaling) in
/// colours that read on light and dark palettes, with a shape per status so
/// the icon does not rely on colour alone.
QIcon statusIcon(Status s);
/// The colour of a status' icon; also used for the summary's status text.
QColor statusColor(Status s);
/// The status word shown to people: the same word as the CLI and the JSON.
QString statusText(Status s);
/// "1 target", "12 targets": English plurals without needing a translation file.
QString targetCountText(int n);

} // namespace volley
