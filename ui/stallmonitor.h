// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <vector>

namespace volley {

/// Measures how late the GUI thread's event loop is: a 5 ms timer notes how
/// much later than due each tick arrives. A busy GUI thread shows up as
/// lateness, whatever it was busy with.
class StallMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StallMonitor)

public:
    static constexpr int kIntervalMs = 5;

    explicit StallMonitor(QObject *parent = nullptr);
    ~StallMonitor() override;

    void start();
    void stop();
    /// {"p50_ms":…,"p99_ms":…,"max_ms":…,"samples":…,"bytes_shown":…}
    QJsonObject report(qint64 bytesShown) const;
    qsizetype sampleCount() const { return qsizetype(m_latenessUs.size()); }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    std::vector<qint32> m_latenessUs;
};

} // namespace volley
