// SPDX-License-Identifier: GPL-3.0-or-later
// volley-cli lab: the Concurrency Lab's experiments, headless.
#include "commands.h"

#include "lab/lab.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <csignal>
#include <cstdio>

namespace volley::cli {

namespace {

QByteArray labUsage()
{
    return LabText::tr(R"(Usage: volley-cli lab <experiment> [options]

Run a Concurrency Lab experiment for real and print what happened.

Experiments:
  spawn    N workers each wait S seconds: concurrent ≈ S, sequential ≈ N×S
           --kind threads|processes|sequential|event-loop --workers N --seconds S
  counter  W workers each add 1 to one counter K times; without a lock updates are lost
           --kind threads|processes --workers N --increments K --sync none|mutex|atomic
           [--repeat R] [--step-ms MS]
  bank     balance 500; one worker deposits 1 a hundred times, one withdraws 1 a
           hundred times; only with a lock does it always end at 500
           --kind threads|processes --sync none|mutex [--repeat R] [--step-ms MS]
  share    plain vs shared memory: a process changes only its own copy
           --kind threads|processes
  cpu      the same work split over 1..N workers: speed-up, start-up cost, memory
           --kind threads|processes --workers N --work UNITS
  stop     a process is killed at once; a thread must notice a flag
           --kind threads|processes

Options:
  --json         print one JSON document (numbers and the timeline)
  --step-ms MS   slow motion: pause so each read and write is a marked event
  -h, --help     show this help

Examples:
  volley-cli lab spawn --kind threads --workers 4 --seconds 1
  volley-cli lab spawn --kind sequential --workers 4 --seconds 0.5
  volley-cli lab counter --kind threads --workers 4 --increments 100000 --sync none --repeat 3
  volley-cli lab counter --kind processes --workers 4 --increments 100000 --sync mutex --json
  volley-cli lab bank --kind threads --sync none --repeat 10
  volley-cli lab share --kind processes
  volley-cli lab cpu --kind processes --workers 4 --work 400
  volley-cli lab stop --kind threads

Exit status: 0 done, 2 bad usage, 3 an experiment could not run, 130 interrupted.
)")
        .toUtf8();
}

lab::LabContext *g_context = nullptr;

extern "C" void onInterrupt(int)
{
    // Only an atomic store: safe in a signal handler. Process workers are
    // then killed and reaped by the experiment itself.
    if (g_context)
        g_context->cancel();
}

int usageError(const QString &message)
{
    std::fprintf(stderr, "volley-cli lab: %s\n%s\n", qPrintable(message),
                 qPrintable(LabText::tr("See 'volley-cli lab --help'.")));
    return ExitUsage;
}

// The workers, as the reports below fill them in.
QString kindWord(const lab::LabOptions &o, int n)
{
    switch (o.kind) {
    case lab::Kind::Threads:
        return n == 1 ? LabText::tr("thread") : LabText::tr("threads");
    case lab::Kind::Processes:
        return n == 1 ? LabText::tr("process") : LabText::tr("processes");
    case lab::Kind::Sequential:
        return LabText::tr("sequential steps");
    case lab::Kind::EventLoop:
        return LabText::tr("timers on one event loop");
    }
    return {};
}

QString listText(const QJsonValue &v)
{
    QStringList parts;
    const QJsonArray a = v.toArray();
    for (const QJsonValue &x : a)
        parts << QString::number(x.toInteger());
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

void printText(const lab::LabResult &result)
{
    const lab::LabOptions &o = result.options;
    QString out;
    switch (o.experiment) {
    case lab::Experiment::Spawn:
        for (const QJsonObject &run : result.runs) {
            out += LabText::tr("spawn: %1 %2 each waiting %3 s took %4 ms "
                               "(one after another: about %5 ms)\n")
                       .arg(o.workers)
                       .arg(kindWord(o, o.workers))
                       .arg(o.seconds)
                       .arg(run.value(QStringLiteral("duration_ms")).toInteger())
                       .arg(qint64(o.workers * o.seconds * 1000));
            if (run.contains(QStringLiteral("spawn_us")))
                out += LabText::tr("start-up: %1 µs per worker\n")
                           .arg(run.value(QStringLiteral("spawn_us")).toInteger());
        }
        break;
    case lab::Experiment::Counter: {
        int lossy = 0;
        for (int i = 0; i < result.runs.size(); ++i) {
            const QJsonObject &run = result.runs.at(i);
            const qint64 expected = run.value(QStringLiteral("expected")).toInteger();
            const qint64 lost = run.value(QStringLiteral("lost_updates")).toInteger();
            lossy += lost > 0 ? 1 : 0;
            out += LabText::tr("run %1: expected %2, actual %3, lost updates %4 (%5 %), %6 ms\n")
                       .arg(i + 1)
                       .arg(expected)
                       .arg(run.value(QStringLiteral("actual")).toInteger())
                       .arg(lost)
                       .arg(expected ? 100.0 * double(lost) / double(expected) : 0.0, 0, 'f', 1)
                       .arg(run.value(QStringLiteral("duration_ms")).toInteger());
        }
        out += LabText::tr("counter: %1 %2, sync %3: updates lost in %4 of %5 runs\n")
                   .arg(o.workers)
                   .arg(kindWord(o, o.workers), lab::syncName(o.sync))
                   .arg(lossy)
                   .arg(result.runs.size());
        break;
    }
    case lab::Experiment::Bank: {
        int exact = 0;
        for (int i = 0; i < result.runs.size(); ++i) {
            const QJsonObject &run = result.runs.at(i);
            const qint64 balance = run.value(QStringLiteral("final_balance")).toInteger();
            exact += balance == 500 ? 1 : 0;
            out += LabText::tr("run %1: final balance %2 (drift %3), %4 ms\n")
                       .arg(i + 1)
                       .arg(balance)
                       .arg(run.value(QStringLiteral("drift")).toInteger())
                       .arg(run.value(QStringLiteral("duration_ms")).toInteger());
        }
        out += LabText::tr("bank: %1, sync %2: balance ended at 500 in %3 of %4 runs\n")
                   .arg(kindWord(o, 2), lab::syncName(o.sync))
                   .arg(exact)
                   .arg(result.runs.size());
        break;
    }
    case lab::Experiment::Share:
        for (const QJsonObject &run : result.runs) {
            out +=
                LabText::tr("share with %1: what the parent sees afterwards\n").arg(kindWord(o, 1));
            out += LabText::tr("  plain counter   %1   (the worker counted to %2)\n")
                       .arg(run.value(QStringLiteral("parent_plain_counter")).toInteger())
                       .arg(run.value(QStringLiteral("worker_plain_counter")).toInteger());
            out += LabText::tr("  plain list      %1\n")
                       .arg(listText(run.value(QStringLiteral("parent_plain_list"))));
            out += LabText::tr("  shared counter  %1\n")
                       .arg(run.value(QStringLiteral("parent_shared_counter")).toInteger());
            out += LabText::tr("  shared array    %1\n")
                       .arg(listText(run.value(QStringLiteral("parent_shared_array"))));
        }
        break;
    case lab::Experiment::Cpu:
        out += LabText::tr("cpu: %1 work units over 1..%2 %3\n")
                   .arg(o.work)
                   .arg(o.workers)
                   .arg(kindWord(o, 2));
        //: Column headings: the numbers below are right-aligned to 7, 7, 8, 11 and 13 characters.
        out += LabText::tr("workers  time ms  speed-up  start-up µs  RSS kB/worker\n");
        for (const QJsonObject &run : result.runs) {
            out += QStringLiteral("%1  %2  %3  %4  %5\n")
                       .arg(run.value(QStringLiteral("workers")).toInt(), 7)
                       .arg(run.value(QStringLiteral("duration_ms")).toInteger(), 7)
                       .arg(run.value(QStringLiteral("speedup")).toDouble(), 8, 'f', 2)
                       .arg(run.value(QStringLiteral("spawn_us")).toInteger(), 11)
                       .arg(run.value(QStringLiteral("rss_kb")).toInteger(), 13);
        }
        break;
    case lab::Experiment::Stop:
        for (const QJsonObject &run : result.runs) {
            out += LabText::tr("stop: the %1 stopped %2 ms after it was asked (%3)\n")
                       .arg(kindWord(o, 1))
                       .arg(run.value(QStringLiteral("stop_ms")).toDouble(), 0, 'f', 3)
                       .arg(run.value(QStringLiteral("how")).toString());
        }
        break;
    }
    std::fputs(out.toUtf8().constData(), stdout);
}

} // namespace

int labCommand(const QStringList &args)
{
    if (args.size() < 2) {
        std::fputs(labUsage().constData(), stderr);
        return ExitUsage;
    }
    const QString name = args.at(1);
    if (name == QLatin1String("-h") || name == QLatin1String("--help") ||
        name == QLatin1String("help")) {
        std::fputs(labUsage().constData(), stdout);
        return ExitOk;
    }
    lab::LabOptions o;
    if (!lab::parseExperiment(name, &o.experiment))
        return usageError(LabText::tr("unknown experiment '%1'; choose one of "
                                      "spawn, counter, bank, share, cpu, stop")
                              .arg(name));

    QCommandLineParser parser;
    const QCommandLineOption kind(QStringLiteral("kind"), QString(), QStringLiteral("kind"));
    const QCommandLineOption workers(QStringLiteral("workers"), QString(), QStringLiteral("n"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QString(), QStringLiteral("s"));
    const QCommandLineOption increments(QStringLiteral("increments"), QString(),
                                        QStringLiteral("k"));
    const QCommandLineOption sync(QStringLiteral("sync"), QString(), QStringLiteral("sync"));
    const QCommandLineOption repeat(QStringLiteral("repeat"), QString(), QStringLiteral("r"));
    const QCommandLineOption work(QStringLiteral("work"), QString(), QStringLiteral("units"));
    const QCommandLineOption stepMs(QStringLiteral("step-ms"), QString(), QStringLiteral("ms"));
    const QCommandLineOption json(QStringLiteral("json"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOptions({kind, workers, seconds, increments, sync, repeat, work, stepMs, json, help});
    if (!parser.parse(args.mid(1)))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        std::fputs(labUsage().constData(), stdout);
        return ExitOk;
    }
    if (!parser.positionalArguments().mid(1).isEmpty())
        return usageError(
            LabText::tr("unexpected argument '%1'").arg(parser.positionalArguments().at(1)));

    // Options an experiment does not take are a mistake worth reporting.
    using E = lab::Experiment;
    QSet<QString> allowed{QStringLiteral("kind"), QStringLiteral("json"), QStringLiteral("h"),
                          QStringLiteral("help")};
    if (o.experiment == E::Spawn)
        allowed += {QStringLiteral("workers"), QStringLiteral("seconds")};
    if (o.experiment == E::Counter)
        allowed += {QStringLiteral("workers"), QStringLiteral("increments"), QStringLiteral("sync"),
                    QStringLiteral("repeat"), QStringLiteral("step-ms")};
    if (o.experiment == E::Bank)
        allowed += {QStringLiteral("sync"), QStringLiteral("repeat"), QStringLiteral("step-ms")};
    if (o.experiment == E::Cpu)
        allowed += {QStringLiteral("workers"), QStringLiteral("work")};
    const QStringList given = parser.optionNames();
    for (const QString &opt : given) {
        if (!allowed.contains(opt))
            return usageError(LabText::tr("%1 does not take --%2").arg(name, opt));
    }

    if (!parser.isSet(kind))
        return usageError(LabText::tr("%1 needs --kind").arg(name));
    if (!lab::parseKind(parser.value(kind), &o.kind))
        return usageError(LabText::tr("unknown --kind '%1'; choose threads, processes, "
                                      "sequential or event-loop")
                              .arg(parser.value(kind)));
    if (parser.isSet(sync) && !lab::parseSync(parser.value(sync), &o.sync))
        return usageError(LabText::tr("unknown --sync '%1'; choose none, mutex or atomic")
                              .arg(parser.value(sync)));

    auto number = [&](const QCommandLineOption &opt, qint64 *out) {
        if (!parser.isSet(opt))
            return true;
        bool ok = false;
        *out = parser.value(opt).toLongLong(&ok);
        return ok;
    };
    qint64 n = o.workers;
    if (!number(workers, &n))
        return usageError(LabText::tr("--workers needs a whole number"));
    o.workers = int(qBound(qint64(-1), n, qint64(1000000)));
    if (!number(increments, &o.increments))
        return usageError(LabText::tr("--increments needs a whole number"));
    n = o.repeat;
    if (!number(repeat, &n))
        return usageError(LabText::tr("--repeat needs a whole number"));
    o.repeat = int(qBound(qint64(-1), n, qint64(1000000)));
    if (!number(work, &o.work))
        return usageError(LabText::tr("--work needs a whole number"));
    n = 0;
    if (!number(stepMs, &n))
        return usageError(LabText::tr("--step-ms needs a whole number"));
    o.stepDelayMs = int(qBound(qint64(-1), n, qint64(1000000)));
    if (parser.isSet(seconds)) {
        bool ok = false;
        o.seconds = parser.value(seconds).toDouble(&ok);
        if (!ok)
            return usageError(LabText::tr("--seconds needs a number, such as 1 or 0.5"));
    }
    if (const QString problem = lab::validate(o); !problem.isEmpty())
        return usageError(problem);

    // Process workers are this very program in its lab-worker mode.
    o.workerProgram = QCoreApplication::applicationFilePath();
    lab::LabContext ctx;
    g_context = &ctx;
    auto previousInt = std::signal(SIGINT, onInterrupt);
    auto previousTerm = std::signal(SIGTERM, onInterrupt);
    const lab::LabResult result = lab::runExperiment(o, &ctx);
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);
    g_context = nullptr;

    if (result.cancelled) {
        std::fprintf(stderr, "volley-cli lab: %s\n",
                     qPrintable(LabText::tr("interrupted; every worker was stopped")));
        return ExitInterrupted;
    }
    if (!result.error.isEmpty()) {
        std::fprintf(stderr, "volley-cli lab: %s: %s\n", qPrintable(name),
                     qPrintable(result.error));
        return ExitCouldNotRun;
    }
    if (parser.isSet(json)) {
        std::fputs(QJsonDocument(result.toJson()).toJson(QJsonDocument::Compact).constData(),
                   stdout);
        std::fputs("\n", stdout);
    } else {
        printText(result);
    }
    return ExitOk;
}

int labWorkerCommand(const QStringList &args)
{
    return lab::runLabWorker(args);
}

} // namespace volley::cli
