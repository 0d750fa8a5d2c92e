// SPDX-License-Identifier: GPL-3.0-or-later
// The process side of the lab: `volley-cli lab-worker <experiment> ...`.
#include "lab/lab.h"
#include "lab/labprocess.h"
#include "lab/labworkers.h"

#include <QHash>

#include <csignal>
#include <cstdio>

#include <sys/prctl.h>
#include <unistd.h>

namespace volley::lab {

namespace {

// Reports to the parent as one line per fact, flushed at once so the page can
// draw it live: "ev <r|w|s> <start> <end>", "mk <r|w> <time> <value> <lost>",
// "n <key> <value>", "l <key> <v,v,...>".
class StdoutSink final : public Sink
{
public:
    void event(WorkerState state, qint64 startUs, qint64 endUs) override
    {
        const char code = state == WorkerState::Wait    ? 'w'
                          : state == WorkerState::Sleep ? 's'
                                                        : 'r';
        std::printf("ev %c %lld %lld\n", code, static_cast<long long>(startUs),
                    static_cast<long long>(endUs));
        std::fflush(stdout);
    }
    void mark(MarkKind kind, qint64 timeUs, qint64 value, bool lost) override
    {
        std::printf("mk %c %lld %lld %d\n", kind == MarkKind::Write ? 'w' : 'r',
                    static_cast<long long>(timeUs), static_cast<long long>(value), lost ? 1 : 0);
        std::fflush(stdout);
    }
    void number(const char *key, qint64 value) override
    {
        std::printf("n %s %lld\n", key, static_cast<long long>(value));
        std::fflush(stdout);
    }
    void list(const char *key, const QList<qint64> &values) override
    {
        QByteArray joined;
        for (qint64 v : values) {
            if (!joined.isEmpty())
                joined += ',';
            joined += QByteArray::number(v);
        }
        std::printf("l %s %s\n", key, joined.constData());
        std::fflush(stdout);
    }
    // The parent stops a process worker by killing it, not by asking.
    bool cancelled() const override { return false; }
};

} // namespace

int runLabWorker(const QStringList &args)
{
    // Belt and braces: the parent sets this too, between fork and exec.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    QHash<QString, QString> opt;
    for (int i = 2; i + 1 < args.size(); i += 2)
        opt.insert(args.at(i), args.at(i + 1));
    Experiment experiment;
    if (args.size() < 2 || !parseExperiment(args.at(1), &experiment)) {
        std::fputs("volley-cli lab-worker: internal mode of the Concurrency Lab; "
                   "use 'volley-cli lab' instead\n",
                   stderr);
        return 2;
    }
    const qint64 parent = opt.value(QStringLiteral("--parent")).toLongLong();
    if (parent > 0 && ::getppid() != pid_t(parent))
        return 3; // the parent is already gone

    SharedMapping mapping;
    SharedState local;
    SharedState *state = &local;
    const QString shm = opt.value(QStringLiteral("--shm"));
    if (!shm.isEmpty()) {
        QString error;
        if (!mapping.open(shm, &error)) {
            std::fprintf(stderr, "volley-cli lab-worker: %s\n", qPrintable(error));
            return 3;
        }
        state = mapping.state();
    } else {
        initSharedState(state);
    }
    StdoutSink sink;
    std::printf("hi %lld %lld %lld\n", static_cast<long long>(monotonicUs()),
                static_cast<long long>(::getpid()), static_cast<long long>(currentTid()));
    std::fflush(stdout);

    Sync sync = Sync::None;
    parseSync(opt.value(QStringLiteral("--sync"), QStringLiteral("none")), &sync);
    PthreadLocker locker(&state->mutex);
    const int stepMs = opt.value(QStringLiteral("--step-ms")).toInt();

    switch (experiment) {
    case Experiment::Spawn:
        spawnWorker(opt.value(QStringLiteral("--seconds")).toDouble(), &sink);
        break;
    case Experiment::Counter:
        waitForGo(state, sink);
        counterWorker(state, &locker, sync, opt.value(QStringLiteral("--increments")).toLongLong(),
                      stepMs, &sink);
        break;
    case Experiment::Bank:
        waitForGo(state, sink);
        bankWorker(state, &locker, sync, opt.value(QStringLiteral("--sign")).toInt(),
                   opt.value(QStringLiteral("--steps")).toInt(), stepMs, &sink);
        break;
    case Experiment::Share: {
        // This process's own plain memory: the parent's copy never sees it.
        qint64 plainCounter = 0;
        QList<qint64> plainList;
        shareWorker(state, &plainCounter, &plainList, &sink);
        break;
    }
    case Experiment::Cpu:
        waitForGo(state, sink);
        cpuWorker(opt.value(QStringLiteral("--units")).toLongLong(), &sink);
        break;
    case Experiment::Stop:
        stopWorker(state, kStopCheckMs, &sink);
        break;
    }
    return 0;
}

} // namespace volley::lab
