// SPDX-License-Identifier: GPL-3.0-or-later
#include "savedrun.h"

#include <QJsonArray>

namespace volley {

namespace {

QByteArray streamBytes(const QJsonObject &o, const QString &prefix)
{
    const QJsonValue b64 = o.value(prefix + QStringLiteral("_base64"));
    if (b64.isString())
        return QByteArray::fromBase64(b64.toString().toLatin1());
    return o.value(prefix).toString().toUtf8();
}

Status statusOf(const QJsonValue &v)
{
    Status s = Status::Error;
    statusFromName(v.toString(), &s);
    return s;
}

} // namespace

SavedRun SavedRun::fromDocument(const QJsonObject &json)
{
    SavedRun run;
    run.startedAt = QDateTime::fromString(json.value(QStringLiteral("started_at")).toString(),
                                          Qt::ISODateWithMs);
    run.durationMs = json.value(QStringLiteral("duration_ms")).toInteger();
    run.fanout = json.value(QStringLiteral("fanout")).toInt();
    const QJsonArray targets = json.value(QStringLiteral("targets")).toArray();
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const QJsonObject t = targets.at(i).toObject();
        Entry e;
        e.target.name = t.value(QStringLiteral("target")).toString();
        e.target.transport =
            t.value(QStringLiteral("transport")).toString() == QLatin1String("local")
                ? Transport::Local
                : Transport::Ssh;
        e.target.address = t.value(QStringLiteral("address")).toString();
        e.target.port = t.value(QStringLiteral("port")).toInt();
        e.target.user = t.value(QStringLiteral("user")).toString();
        e.result.status = statusOf(t.value(QStringLiteral("status")));
        e.result.error = t.value(QStringLiteral("error")).toString();
        const QJsonObject hk = t.value(QStringLiteral("host_key")).toObject();
        e.result.hostKeyType = hk.value(QStringLiteral("type")).toString();
        e.result.hostKeySha256 = hk.value(QStringLiteral("sha256")).toString();
        e.result.durationMs = t.value(QStringLiteral("duration_ms")).toInteger();
        const QJsonObject ph = t.value(QStringLiteral("phases")).toObject();
        if (!ph.isEmpty()) {
            e.result.phases.queuedMs = ph.value(QStringLiteral("queued_ms")).toInteger(0);
            e.result.phases.connectMs = ph.value(QStringLiteral("connect_ms")).toInteger(-1);
            e.result.phases.authMs = ph.value(QStringLiteral("auth_ms")).toInteger(-1);
            e.result.phases.runMs = ph.value(QStringLiteral("run_ms")).toInteger(-1);
            e.result.phases.firstByteMs = ph.value(QStringLiteral("first_byte_ms")).toInteger(-1);
            e.result.phases.endMs = ph.value(QStringLiteral("end_ms")).toInteger(-1);
            e.result.phases.worker = ph.value(QStringLiteral("worker")).toInt(-1);
        }
        const QJsonArray cmds = t.value(QStringLiteral("commands")).toArray();
        for (const QJsonValue &cv : cmds) {
            const QJsonObject c = cv.toObject();
            Command cmd;
            cmd.result.command = c.value(QStringLiteral("command")).toString();
            cmd.result.status = statusOf(c.value(QStringLiteral("status")));
            if (c.value(QStringLiteral("exit_code")).isDouble())
                cmd.result.exitCode = c.value(QStringLiteral("exit_code")).toInt();
            cmd.result.signal = c.value(QStringLiteral("signal")).toString();
            cmd.result.durationMs = c.value(QStringLiteral("duration_ms")).toInteger();
            cmd.stdoutBytes = streamBytes(c, QStringLiteral("stdout"));
            cmd.stderrBytes = streamBytes(c, QStringLiteral("stderr"));
            cmd.result.stdoutBytes =
                c.value(QStringLiteral("stdout_bytes")).toInteger(cmd.stdoutBytes.size());
            cmd.result.stderrBytes =
                c.value(QStringLiteral("stderr_bytes")).toInteger(cmd.stderrBytes.size());
            cmd.stdoutTruncated = c.value(QStringLiteral("stdout_truncated")).toBool();
            cmd.stderrTruncated = c.value(QStringLiteral("stderr_truncated")).toBool();
            e.result.commands.append(cmd.result);
            e.commands.append(cmd);
        }
        run.targets.append(e);
    }
    return run;
}

QString SavedRun::commandText() const
{
    if (targets.isEmpty())
        return {};
    QStringList cmds;
    for (const Command &c : targets.first().commands)
        cmds.append(c.result.command);
    return cmds.join(QLatin1Char('\n'));
}

} // namespace volley
