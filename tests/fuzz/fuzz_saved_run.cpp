// SPDX-License-Identifier: GPL-3.0-or-later
// The reader of saved runs and run journals: hostile files give an error, not a
// crash, and whatever it accepts passes the document check.
#include "report/runjournal.h"

#include <QByteArray>
#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QJsonObject doc;
    QString error;
    if (volley::parseSavedRun(bytes, QStringLiteral("fuzz"), &doc, &error)) {
        QString again;
        if (!volley::validateRunDocument(doc, &again))
            std::abort();
    } else if (error.isEmpty()) {
        std::abort(); // a refusal always says why
    }
    return 0;
}
