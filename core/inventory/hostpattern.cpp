// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/hostpattern.h"

#include "trcontexts.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <utility>

namespace volley::HostPattern {

namespace {

// Range bounds stay well inside qint64 so products and widths never overflow.
constexpr int kMaxDigits = 18;

struct Range
{
    qint64 lo = 0;
    qint64 hi = 0;
    int width = 0; ///< zero-pad to this many digits; 0 = no padding
};

/// One piece of an element: literal text, or a set of numeric ranges.
struct Segment
{
    QString text;
    QList<Range> ranges; ///< empty for literal text
    qint64 count() const
    {
        qint64 n = 0;
        for (const Range &r : ranges)
            n += r.hi - r.lo + 1;
        return n;
    }
};

struct Element
{
    QString text;
    qsizetype column = 1; ///< 1-based column of the element in the whole pattern
};

bool hasLeadingZero(const QString &digits)
{
    return digits.size() > 1 && digits.front() == QLatin1Char('0');
}

bool allDigits(const QString &s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

QString padded(qint64 value, int width)
{
    return QString::number(value).rightJustified(width, QLatin1Char('0'));
}

class Expander
{
public:
    Expander(const QString &pattern, const Options &options)
        : m_pattern(pattern)
        , m_options(options)
    {}

    bool run(QStringList *out, QString *error);

private:
    bool fail(const QString &why, qsizetype column = -1)
    {
        if (column > 0)
            m_error = HostPatternMessages::tr("host pattern '%1': %2 (at column %3)")
                          .arg(m_pattern, why)
                          .arg(column);
        else
            m_error = HostPatternMessages::tr("host pattern '%1': %2").arg(m_pattern, why);
        return false;
    }
    bool split(QList<Element> *elements);
    bool parseElement(const Element &e, qsizetype from, QList<Segment> *segments);
    bool parseRanges(const QString &inner, qsizetype column, QList<Range> *ranges);
    bool generate(const QList<Segment> &segments, const Element &e, QStringList *names);
    bool expandElement(const Element &e, QStringList *names);

    const QString &m_pattern;
    const Options &m_options;
    QString m_error;
    qint64 m_produced = 0;
};

bool Expander::split(QList<Element> *elements)
{
    // Commas inside [ranges] belong to the range, so only top-level commas split.
    int depth = 0;
    qsizetype start = 0;
    auto push = [&](qsizetype end) {
        const QString raw = m_pattern.mid(start, end - start);
        qsizetype lead = 0;
        while (lead < raw.size() && raw.at(lead).isSpace())
            ++lead;
        Element e;
        e.text = raw.trimmed();
        e.column = start + lead + 1;
        if (e.text.isEmpty()) {
            return fail(HostPatternMessages::tr("empty element; remove the extra comma"),
                        start + 1);
        }
        elements->append(e);
        return true;
    };
    for (qsizetype i = 0; i < m_pattern.size(); ++i) {
        const QChar c = m_pattern.at(i);
        if (c == QLatin1Char('['))
            ++depth;
        else if (c == QLatin1Char(']') && depth > 0)
            --depth;
        else if (c == QLatin1Char(',') && depth == 0) {
            if (!push(i))
                return false;
            start = i + 1;
        }
    }
    return push(m_pattern.size());
}

bool Expander::parseRanges(const QString &inner, qsizetype column, QList<Range> *ranges)
{
    const QString quoted = QLatin1Char('[') + inner + QLatin1Char(']');
    if (inner.isEmpty())
        return fail(HostPatternMessages::tr("empty range '[]'; write e.g. [1-3]"), column);
    qsizetype offset = 0;
    for (const QString &part : inner.split(QLatin1Char(','))) {
        const qsizetype partColumn = column + 1 + offset;
        offset += part.size() + 1;
        if (part.isEmpty())
            return fail(HostPatternMessages::tr("empty item in range '%1'; remove the extra comma")
                            .arg(quoted),
                        partColumn);
        const qsizetype dash = part.indexOf(QLatin1Char('-'));
        const QString loText = dash < 0 ? part : part.left(dash);
        const QString hiText = dash < 0 ? part : part.mid(dash + 1);
        if (!allDigits(loText) || !allDigits(hiText))
            return fail(
                HostPatternMessages::tr("'%1' in range '%2' is not a number or low-high pair "
                                        "of numbers, e.g. [1-3,7]")
                    .arg(part, quoted),
                partColumn);
        if (loText.size() > kMaxDigits || hiText.size() > kMaxDigits)
            return fail(HostPatternMessages::tr("'%1' in range '%2' has more than %3 digits")
                            .arg(part, quoted)
                            .arg(kMaxDigits),
                        partColumn);
        Range r;
        r.lo = loText.toLongLong();
        r.hi = hiText.toLongLong();
        if (r.lo > r.hi)
            return fail(HostPatternMessages::tr(
                            "reversed range '%1'; write the low number first, e.g. [%2-%3]")
                            .arg(part, hiText, loText),
                        partColumn);
        if (hasLeadingZero(loText))
            r.width = int(loText.size());
        if (hasLeadingZero(hiText) && hiText.size() != loText.size())
            return fail(
                HostPatternMessages::tr("range '%1' pads its ends to different widths; write "
                                        "both with the same number of digits, e.g. [%2-%3]")
                    .arg(part, padded(r.lo, int(hiText.size())), hiText),
                partColumn);
        ranges->append(r);
    }
    return true;
}

bool Expander::parseElement(const Element &e, qsizetype from, QList<Segment> *segments)
{
    const QString &s = e.text;
    Segment literal;
    for (qsizetype i = from; i < s.size(); ++i) {
        const QChar c = s.at(i);
        const qsizetype column = e.column + i;
        if (c == QLatin1Char('[')) {
            const qsizetype close = s.indexOf(QLatin1Char(']'), i + 1);
            if (close < 0)
                return fail(HostPatternMessages::tr("'[' has no closing ']'"), column);
            const QString inner = s.mid(i + 1, close - i - 1);
            if (inner.contains(QLatin1Char('[')))
                return fail(HostPatternMessages::tr("ranges cannot nest ('[' inside '[...]')"),
                            column + inner.indexOf(QLatin1Char('[')) + 1);
            if (inner.contains(QLatin1Char(':'))) {
                // An IPv6 literal such as [::1] or [fe80::1]:2222, kept as written.
                literal.text += s.mid(i, close - i + 1);
                i = close;
                continue;
            }
            Segment range;
            if (!parseRanges(inner, column, &range.ranges))
                return false;
            if (!literal.text.isEmpty())
                segments->append(std::exchange(literal, Segment()));
            segments->append(range);
            i = close;
        } else if (c == QLatin1Char(']')) {
            return fail(HostPatternMessages::tr("']' without an opening '['"), column);
        } else if (c.isSpace()) {
            return fail(
                HostPatternMessages::tr("space inside '%1'; separate names with commas").arg(s),
                column);
        } else if (const QChar::Category cat = c.category();
                   cat == QChar::Other_Control || cat == QChar::Other_Format ||
                   cat == QChar::Other_Surrogate || cat == QChar::Other_NotAssigned) {
            return fail(HostPatternMessages::tr("invisible character U+%1; retype the pattern")
                            .arg(c.unicode(), 4, 16, QLatin1Char('0')),
                        column);
        } else {
            literal.text += c;
        }
    }
    if (!literal.text.isEmpty())
        segments->append(literal);
    return true;
}

bool Expander::generate(const QList<Segment> &segments, const Element &e, QStringList *names)
{
    qint64 total = 1;
    for (const Segment &seg : segments) {
        if (seg.ranges.isEmpty())
            continue;
        total *= seg.count();
        if (total > m_options.maxNames)
            break; // stop before the product can overflow
    }
    if (m_produced + total > m_options.maxNames)
        return fail(
            HostPatternMessages::tr("'%1' would expand past %2 names; split it into smaller "
                                    "patterns")
                .arg(e.text)
                .arg(m_options.maxNames),
            e.column);
    m_produced += total;

    // An odometer over the ranges: one index per range segment.
    QList<QStringList> choices;
    for (const Segment &seg : segments) {
        QStringList values;
        if (seg.ranges.isEmpty()) {
            values.append(seg.text);
        } else {
            for (const Range &r : seg.ranges) {
                for (qint64 v = r.lo; v <= r.hi; ++v)
                    values.append(padded(v, r.width));
            }
        }
        choices.append(values);
    }
    QList<qsizetype> index(choices.size(), 0);
    for (;;) {
        QString name;
        for (qsizetype k = 0; k < choices.size(); ++k)
            name += choices.at(k).at(index.at(k));
        names->append(name);
        qsizetype k = choices.size() - 1;
        while (k >= 0) {
            if (++index[k] < choices.at(k).size())
                break;
            index[k] = 0;
            --k;
        }
        if (k < 0)
            break;
    }
    return true;
}

bool Expander::expandElement(const Element &e, QStringList *names)
{
    const bool group = e.text.startsWith(QLatin1Char('@'));
    QList<Segment> segments;
    if (!parseElement(e, group ? 1 : 0, &segments))
        return false;
    if (group && segments.isEmpty())
        return fail(HostPatternMessages::tr("'@' needs a group name, e.g. @web"), e.column);
    if (group && !e.text.at(1).isLetterOrNumber() && e.text.at(1) != QLatin1Char('_') &&
        e.text.at(1) != QLatin1Char('['))
        return fail(
            HostPatternMessages::tr("a group name starts with a letter, digit or '_', e.g. @web"),
            e.column + 1);
    QStringList expanded;
    if (!generate(segments, e, &expanded))
        return false;
    if (!group) {
        *names += expanded;
        return true;
    }
    if (!m_options.resolveGroup)
        return fail(
            HostPatternMessages::tr("group '@%1' cannot be resolved here: groups come from the "
                                    "saved inventory (volley-cli inventory import)")
                .arg(expanded.first()),
            e.column);
    for (const QString &groupName : std::as_const(expanded)) {
        QStringList members;
        QString why;
        if (!m_options.resolveGroup(groupName, &members, &why))
            return fail(why, e.column);
        m_produced += members.size();
        if (m_produced > m_options.maxNames)
            return fail(HostPatternMessages::tr("'@%1' would take the list past %2 names")
                            .arg(groupName)
                            .arg(m_options.maxNames),
                        e.column);
        *names += members;
    }
    return true;
}

bool Expander::run(QStringList *out, QString *error)
{
    out->clear();
    QList<Element> elements;
    if (m_pattern.trimmed().isEmpty()) {
        *error =
            HostPatternMessages::tr("empty host pattern; give names such as web[01-20].lab,db1");
        return false;
    }
    if (!split(&elements)) {
        *error = m_error;
        return false;
    }
    QStringList included;
    QStringList excluded;
    for (Element e : std::as_const(elements)) {
        const bool exclusion = e.text.startsWith(QLatin1Char('!'));
        if (exclusion) {
            e.text.remove(0, 1);
            ++e.column;
            if (e.text.isEmpty() || e.text.startsWith(QLatin1Char('!'))) {
                fail(HostPatternMessages::tr(
                         "'!' must be followed by a name to exclude, e.g. !web07"),
                     e.column - 1);
                *error = m_error;
                return false;
            }
        }
        if (!expandElement(e, exclusion ? &excluded : &included)) {
            *error = m_error;
            return false;
        }
    }
    QSet<QString> seen;
    for (const QString &name : std::as_const(included)) {
        if (seen.contains(name))
            continue;
        seen.insert(name);
        const bool drop = std::any_of(excluded.cbegin(), excluded.cend(),
                                      [&](const QString &x) { return excludes(x, name); });
        if (!drop)
            out->append(name);
    }
    return true;
}

// ---- folding --------------------------------------------------------------

/// A name split into fixed text around its numbers: "web01.lab" -> ["web", ".lab"] + ["01"].
struct Shape
{
    QString key;         ///< the texts joined by a separator that cannot occur in names
    QStringList texts;   ///< numbers.size() + 1 entries
    QStringList numbers; ///< digit runs, as written
};

Shape shapeOf(const QString &name)
{
    Shape s;
    QString text;
    qsizetype i = 0;
    while (i < name.size()) {
        if (name.at(i).isDigit() && name.at(i).unicode() < 128) {
            qsizetype j = i;
            while (j < name.size() && name.at(j).unicode() < 128 && name.at(j).isDigit())
                ++j;
            const QString digits = name.mid(i, j - i);
            if (digits.size() > kMaxDigits) {
                text += digits; // too long to be a range bound: keep it as text
            } else {
                s.texts.append(text);
                s.numbers.append(digits);
                text.clear();
            }
            i = j;
        } else {
            text += name.at(i);
            ++i;
        }
    }
    s.texts.append(text);
    // Length-prefixed, so no name can make two different shapes share a key.
    for (const QString &t : std::as_const(s.texts))
        s.key += QString::number(t.size()) + QLatin1Char(':') + t;
    return s;
}

/// The values one dimension takes, sorted by number then width.
using ValueSet = QStringList;

void sortValues(ValueSet *values)
{
    std::sort(values->begin(), values->end(), [](const QString &a, const QString &b) {
        const qint64 x = a.toLongLong();
        const qint64 y = b.toLongLong();
        return x != y ? x < y : a.size() < b.size();
    });
    values->erase(std::unique(values->begin(), values->end()), values->end());
}

/// "[01-09,11]" for {01..09, 11}; a lone value stays bare.
QString renderValues(const ValueSet &values)
{
    if (values.size() == 1)
        return values.first();
    QStringList parts;
    QList<bool> used(values.size(), false);
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (used.at(i))
            continue;
        used[i] = true;
        const QString &first = values.at(i);
        QString last = first;
        qint64 hi = first.toLongLong();
        // A zero-padded value fixes the run's width; a bare value only needs the
        // width not to exceed its own length. Expansion reads the width from
        // the first value, so a run may only be padded if it starts padded.
        // Values of the same number but another width ("1" and "01") are left
        // for a later run.
        const int width = hasLeadingZero(first) ? int(first.size()) : -1;
        for (qsizetype j = i + 1; j < values.size(); ++j) {
            const QString &next = values.at(j);
            const qint64 n = next.toLongLong();
            if (n > hi + 1)
                break;
            if (used.at(j) || n != hi + 1)
                continue;
            if (hasLeadingZero(next) ? width != next.size() : width > next.size())
                continue;
            used[j] = true;
            hi = n;
            last = next;
        }
        parts.append(last == first ? first : first + QLatin1Char('-') + last);
    }
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

struct Item
{
    QList<ValueSet> dims;
};

QString dimsKey(const Item &item, qsizetype skip)
{
    QString key;
    for (qsizetype k = 0; k < item.dims.size(); ++k) {
        if (k == skip)
            continue;
        key += item.dims.at(k).join(QLatin1Char(',')) + QLatin1Char('|');
    }
    return key;
}

QStringList foldShape(const QStringList &texts, QList<Item> items)
{
    const qsizetype dims = texts.size() - 1;
    // Merge along the last dimension first, then outwards: each merge joins items
    // that agree on every other dimension, so each result is an exact product.
    for (qsizetype k = dims - 1; k >= 0; --k) {
        QList<Item> merged;
        QHash<QString, qsizetype> where;
        for (const Item &item : std::as_const(items)) {
            const QString key = dimsKey(item, k);
            const auto it = where.constFind(key);
            if (it == where.constEnd()) {
                where.insert(key, merged.size());
                merged.append(item);
            } else {
                merged[*it].dims[k] += item.dims.at(k);
            }
        }
        for (Item &item : merged)
            sortValues(&item.dims[k]);
        items = merged;
    }
    QStringList out;
    for (const Item &item : std::as_const(items)) {
        QString s = texts.first();
        for (qsizetype k = 0; k < dims; ++k)
            s += renderValues(item.dims.at(k)) + texts.at(k + 1);
        out.append(s);
    }
    return out;
}

} // namespace

bool expand(const QString &pattern, QStringList *out, QString *error)
{
    return expand(pattern, Options(), out, error);
}

bool expand(const QString &pattern, const Options &options, QStringList *out, QString *error)
{
    Expander expander(pattern, options);
    QStringList names;
    if (!expander.run(&names, error)) {
        out->clear();
        return false;
    }
    *out = names;
    return true;
}

QString fold(const QStringList &names)
{
    // Output slots in first-seen order: a literal name, or a shape to fold.
    struct Slot
    {
        QString literal;
        QString shape; ///< empty for a literal
    };
    QList<Slot> order;
    QHash<QString, QStringList> texts;
    QHash<QString, QList<Item>> items;
    QSet<QString> seen;
    for (const QString &name : names) {
        if (name.isEmpty() || seen.contains(name))
            continue;
        seen.insert(name);
        // Names with brackets (IPv6) or commas cannot be re-read inside a range form.
        if (name.contains(QLatin1Char('[')) || name.contains(QLatin1Char(']')) ||
            name.contains(QLatin1Char(','))) {
            order.append(Slot{name, QString()});
            continue;
        }
        const Shape s = shapeOf(name);
        if (!texts.contains(s.key)) {
            order.append(Slot{QString(), s.key});
            texts.insert(s.key, s.texts);
        }
        Item item;
        for (const QString &n : s.numbers)
            item.dims.append(ValueSet{n});
        items[s.key].append(item);
    }
    QStringList result;
    for (const Slot &slot : std::as_const(order)) {
        if (slot.shape.isEmpty())
            result.append(slot.literal);
        else
            result += foldShape(texts.value(slot.shape), items.value(slot.shape));
    }
    return result.join(QLatin1Char(','));
}

QString hostPart(const QString &name)
{
    if (name == QLatin1String("local") || name.startsWith(QLatin1String("local:")))
        return name;
    QString rest = name.mid(name.lastIndexOf(QLatin1Char('@')) + 1);
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        return close < 0 ? rest : rest.mid(1, close - 1);
    }
    if (rest.count(QLatin1Char(':')) == 1)
        return rest.section(QLatin1Char(':'), 0, 0);
    return rest;
}

bool excludes(const QString &exclusion, const QString &name)
{
    if (exclusion == name)
        return true;
    const bool bare = !exclusion.contains(QLatin1Char('@')) && hostPart(exclusion) == exclusion;
    return bare && hostPart(name) == exclusion;
}

} // namespace volley::HostPattern
