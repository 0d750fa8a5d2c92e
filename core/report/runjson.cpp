// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/runjson.h"

#include "exec/run.h"
#include "exec/utf8decoder.h"

#include <QJsonArray>

namespace volley {

namespace {

QJsonValue msOrNull(qint64 ms)
{
    return ms < 0 ? QJsonValue() : QJsonValue(ms);
}

// Cut text at the limit without splitting a UTF-8 sequence.
QByteArray cutUtf8(const QByteArray &bytes, bool truncated)
{
    if (!truncated)
        return bytes;
    qsizetype end = bytes.size();
    for (int back = 0; back < 3 && end > 0; ++back) {
        const auto c = static_cast<unsigned char>(bytes.at(end - 1));
        if ((c & 0xC0) == 0x80) {
            --end;
            continue;
        }
        if (c >= 0xC0)
            --end; // a lead byte whose sequence was cut
        break;
    }
    return isValidUtf8(bytes.left(end)) ? bytes.left(end) : bytes;
}

} // namespace

void putBytes(QJsonObject &object, const QString &prefix, const QByteArray &bytes)
{
    if (isValidUtf8(bytes))
        object[prefix] = QString::fromUtf8(bytes);
    else
        object[prefix + QStringLiteral("_base64")] = QString::fromLatin1(bytes.toBase64());
}

QJsonObject phasesToJson(const Phases &p)
{
    return QJsonObject{{QStringLiteral("queued_ms"), p.queuedMs},
                       {QStringLiteral("connect_ms"), msOrNull(p.connectMs)},
                       {QStringLiteral("auth_ms"), msOrNull(p.authMs)},
                       {QStringLiteral("first_byte_ms"), msOrNull(p.firstByteMs)},
                       {QStringLiteral("end_ms"), msOrNull(p.endMs)},
                       {QStringLiteral("worker"), p.worker}};
}

QJsonObject targetToJson(const Run &run, int index, qint64 maxBytes)
{
    const Target &t = run.target(index);
    const TargetResult r = run.result(index);
    const OutputStore &store = run.output(index);
    QJsonObject o;
    o[QStringLiteral("target")] = t.name;
    o[QStringLiteral("transport")] = transportName(t.transport);
    o[QStringLiteral("address")] = t.isLocal() ? QStringLiteral("localhost") : t.address;
    const int port = t.port > 0 ? t.port : (run.spec().port > 0 ? run.spec().port : 22);
    o[QStringLiteral("port")] = t.isLocal() ? QJsonValue() : QJsonValue(port);
    const QString user = !t.user.isEmpty() ? t.user : run.spec().user;
    o[QStringLiteral("user")] = user.isEmpty() ? QJsonValue() : QJsonValue(user);
    o[QStringLiteral("status")] = statusName(r.status);
    o[QStringLiteral("error")] = r.error.isEmpty() ? QJsonValue() : QJsonValue(r.error);
    if (r.hostKeySha256.isEmpty())
        o[QStringLiteral("host_key")] = QJsonValue();
    else
        o[QStringLiteral("host_key")] = QJsonObject{{QStringLiteral("type"), r.hostKeyType},
                                                    {QStringLiteral("sha256"), r.hostKeySha256}};
    o[QStringLiteral("started_at")] = r.startedAt.toString(Qt::ISODateWithMs);
    o[QStringLiteral("duration_ms")] = r.durationMs;
    o[QStringLiteral("phases")] = phasesToJson(r.phases);
    QJsonArray commands;
    for (int c = 0; c < r.commands.size(); ++c) {
        const CommandResult &cr = r.commands.at(c);
        QJsonObject co;
        co[QStringLiteral("command")] = cr.command;
        co[QStringLiteral("status")] = statusName(cr.status);
        co[QStringLiteral("exit_code")] = cr.exitCode ? QJsonValue(*cr.exitCode) : QJsonValue();
        co[QStringLiteral("signal")] = cr.signal.isEmpty() ? QJsonValue() : QJsonValue(cr.signal);
        for (Stream s : {Stream::Stdout, Stream::Stderr}) {
            const QString name =
                s == Stream::Stdout ? QStringLiteral("stdout") : QStringLiteral("stderr");
            const qint64 size = store.size(c, s);
            const bool truncated = size > maxBytes;
            putBytes(co, name, cutUtf8(store.read(c, s, maxBytes), truncated));
            co[name + QStringLiteral("_bytes")] = size;
            co[name + QStringLiteral("_truncated")] = truncated;
        }
        co[QStringLiteral("duration_ms")] = cr.durationMs;
        commands.append(co);
    }
    o[QStringLiteral("commands")] = commands;
    return o;
}

QJsonObject runToJson(const Run &run)
{
    QJsonObject doc;
    doc[QStringLiteral("tool")] = QStringLiteral("volley");
    doc[QStringLiteral("version")] = QStringLiteral(VOLLEY_VERSION);
    doc[QStringLiteral("started_at")] = run.startedAt().toString(Qt::ISODateWithMs);
    doc[QStringLiteral("duration_ms")] = run.elapsedMs();
    doc[QStringLiteral("fanout")] = run.spec().fanout;
    doc[QStringLiteral("commands")] = QJsonArray::fromStringList(run.spec().commands);
    QJsonObject summary;
    summary[QStringLiteral("targets")] = run.targetCount();
    for (Status s : kFinalStatuses)
        summary[statusName(s)] = run.countWithStatus(s);
    doc[QStringLiteral("summary")] = summary;
    QJsonArray targets;
    for (int i = 0; i < run.targetCount(); ++i)
        targets.append(targetToJson(run, i));
    doc[QStringLiteral("targets")] = targets;
    return doc;
}

} // namespace volley
