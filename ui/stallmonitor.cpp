// SPDX-License-Identifier: GPL-3.0-or-later
#include "stallmonitor.h"

#include <algorithm>

namespace volley {

StallMonitor::StallMonitor(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallMonitor::tick);
}

StallMonitor::~StallMonitor() = default;

void StallMonitor::start()
{
    m_latenessUs.clear();
    m_latenessUs.reserve(200000); // ~17 minutes of samples without reallocating
    m_clock.start();
    m_lastNs = m_clock.nsecsElapsed();
    m_timer.start();
}

void StallMonitor::stop()
{
    m_timer.stop();
}

void StallMonitor::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 lateNs = (now - m_lastNs) - qint64(kIntervalMs) * 1000000;
    m_lastNs = now;
    m_latenessUs.push_back(qint32(std::clamp<qint64>(lateNs / 1000, 0, INT32_MAX)));
}

QJsonObject StallMonitor::report(qint64 bytesShown) const
{
    std::vector<qint32> sorted = m_latenessUs;
    std::sort(sorted.begin(), sorted.end());
    auto pct = [&](double p) -> double {
        if (sorted.empty())
            return 0.0;
        const size_t i = std::min(sorted.size() - 1, size_t(p * double(sorted.size() - 1) + 0.5));
        return sorted[i] / 1000.0;
    };
    QJsonObject o;
    o.insert(QStringLiteral("p50_ms"), pct(0.50));
    o.insert(QStringLiteral("p99_ms"), pct(0.99));
    o.insert(QStringLiteral("max_ms"), sorted.empty() ? 0.0 : sorted.back() / 1000.0);
    o.insert(QStringLiteral("samples"), qint64(sorted.size()));
    o.insert(QStringLiteral("bytes_shown"), bytesShown);
    return o;
}

} // namespace volley
