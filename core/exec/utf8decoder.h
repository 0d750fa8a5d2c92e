// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace volley {

/// Decodes a UTF-8 byte stream that arrives in arbitrary chunks: a sequence
/// split across two chunks is held back until it completes; invalid bytes
/// become U+FFFD. Never throws away or duplicates a byte.
class Utf8StreamDecoder final
{
public:
    QString decode(const QByteArray &chunk);
    /// Whatever is held back, decoded (an incomplete sequence becomes U+FFFD).
    QString flush();

private:
    QByteArray m_pending;
};

/// Whether bytes are entirely valid UTF-8.
bool isValidUtf8(const QByteArray &bytes);

} // namespace volley
