// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/outputstore.h"
#include "exec/result.h"

#include <QJsonObject>

namespace volley {

class Run;

/// Past this many bytes per stream the JSON text is cut (the full bytes are in --outdir).
constexpr qint64 kJsonStreamLimit = 1024 * 1024;

/// The whole run in the fixed schema of `volley-cli run --json` (also the GUI's export).
QJsonObject runToJson(const Run &run);

/// One target's entry of the "targets" array.
QJsonObject targetToJson(const Run &run, int index);

/// Adds "<prefix>": text, or "<prefix>_base64" when bytes are not valid UTF-8.
void putBytes(QJsonObject &object, const QString &prefix, const QByteArray &bytes);

/// The phases as
/// {"queued_ms":…,"connect_ms":…,"auth_ms":…,"first_byte_ms":…,"end_ms":…,"worker":N}.
QJsonObject phasesToJson(const Phases &phases);

} // namespace volley
