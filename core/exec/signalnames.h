// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace volley {

/// "TERM" for SIGTERM, as SSH names signals; "SIG<n>" for unknown numbers.
QString signalName(int signalNumber);

} // namespace volley
