// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/gather.h"

#include "exec/run.h"
#include "inventory/hostpattern.h"

#include <QCryptographicHash>
#include <QHash>
#include <QIODevice>

#include <algorithm>

namespace volley {

namespace {

// Streams a spilled output into a hash without loading it whole.
class HashDevice final : public QIODevice
{
public:
    explicit HashDevice(QCryptographicHash *hash)
        : m_hash(hash)
    {
        open(QIODevice::WriteOnly);
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        m_hash->addData(QByteArrayView(data, size));
        return size;
    }

private:
    QCryptographicHash *m_hash;
};

} // namespace

QList<OutputGroup> groupIdenticalOutput(const Run &run)
{
    QHash<QByteArray, int> byDigest;
    QList<OutputGroup> groups;
    for (int i = 0; i < run.targetCount(); ++i) {
        const OutputStore &store = run.output(i);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        HashDevice device(&hash);
        const int commands = store.commandCount();
        for (int c = 0; c < commands; ++c) {
            for (Stream s : {Stream::Stdout, Stream::Stderr}) {
                // Lengths keep "ab"+"c" apart from "a"+"bc".
                const QByteArray header = QByteArray::number(c) + ':' + QByteArray::number(int(s)) +
                                          ':' + QByteArray::number(store.size(c, s)) + '\n';
                hash.addData(header);
                store.writeTo(c, s, &device);
            }
        }
        const QByteArray digest = hash.result();
        const auto it = byDigest.constFind(digest);
        if (it == byDigest.constEnd()) {
            byDigest.insert(digest, int(groups.size()));
            groups.append(OutputGroup{{i}, QString(), digest});
        } else {
            groups[*it].targets.append(i);
        }
    }
    for (OutputGroup &g : groups) {
        QStringList names;
        for (int i : std::as_const(g.targets))
            names << run.target(i).name;
        g.folded = HostPattern::fold(names);
    }
    std::stable_sort(groups.begin(), groups.end(), [](const OutputGroup &a, const OutputGroup &b) {
        return a.targets.size() > b.targets.size();
    });
    return groups;
}

} // namespace volley
