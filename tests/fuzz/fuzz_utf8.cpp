// SPDX-License-Identifier: GPL-3.0-or-later
// The UTF-8 stream decoder: cut anywhere, it must decode exactly as the whole
// does, and its validity check must agree with a strict round trip.
#include "exec/utf8decoder.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const qsizetype cut = bytes.isEmpty() ? 0 : data[0] % bytes.size();
    volley::Utf8StreamDecoder decoder;
    QString got = decoder.decode(bytes.left(cut));
    got += decoder.decode(bytes.mid(cut));
    got += decoder.flush();
    if (volley::isValidUtf8(bytes)) {
        // Valid input: exactly the text, and it encodes back to the same bytes.
        if (got != QString::fromUtf8(bytes) || got.toUtf8() != bytes)
            std::abort();
    } else if (got.isEmpty() && !bytes.isEmpty()) {
        std::abort(); // invalid bytes are replaced, never dropped silently
    }
    return 0;
}
