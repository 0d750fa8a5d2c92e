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

/// Output kept per stream in a run journal: enough to read, without a
/// thousand-host run writing gigabytes under the user's data folder.
constexpr qint64 kJournalStreamLimit = 64 * 1024;

/// One target's entry of the "targets" array; each stream's text is cut at
/// maxBytes (and marked "*_truncated").
QJsonObject targetToJson(const Run &run, int index, qint64 maxBytes = kJsonStreamLimit);

/// Adds "<prefix>": text, or "<prefix>_base64" when bytes are not valid UTF-8.
void putBytes(QJsonObject &object, const QString &prefix, const QByteArray &bytes);

/// The phases as
/// {"queued_ms":…,"connect_ms":…,"auth_ms":…,"first_byte_ms":…,"end_ms":…,"worker":N}.
QJsonObject phasesToJson(const Phases &phases);

} // namespace volley
