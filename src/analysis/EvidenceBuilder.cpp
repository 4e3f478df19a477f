#include "analysis/EvidenceBuilder.h"

#include "context/ContextSummary.h"
#include "context/LogLevel.h"

#include <QHash>

#include <cmath>
#include <set>

using namespace Qt::StringLiterals;

namespace {

using Limits = EvidenceBuilder::Limits;
using SeriesSummary = EvidenceBuilder::SeriesSummary;

// One line: control characters become spaces, and the text is cut with a marker.
QString oneLine(QStringView text, qsizetype max)
{
    QString out;
    const qsizetype keep = std::min(text.size(), max);
    out.reserve(keep + 2);
    for (qsizetype i = 0; i < keep; ++i) {
        const QChar c = text.at(i);
        out += c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator
            ? QChar(u' ')
            : c;
    }
    if (keep < text.size()) {
        if (out.back().isHighSurrogate())
            out.chop(1);
        out += u'…';
    }
    return out;
}

QString quoted(QStringView text, qsizetype max)
{
    QString line = oneLine(text, max);
    line.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u'"' + line + u'"';
}

QString utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QString utc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QString number(double value)
{
    return QString::number(value, 'g', 6);
}

QString labelsText(const LabelMap &labels, qsizetype max)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        parts << it.key() + u'=' + quoted(it.value(), 80);
    return oneLine(u'{' + parts.join(u", "_s) + u'}', max);
}

class Items
{
public:
    explicit Items(const Limits &limits)
        : m_limits(limits)
    { }
    void add(EvidenceKind kind, const QString &text, EvidenceLocator locator = {})
    {
        m_items.append({QString(), kind, text, std::move(locator)});
    }
    void field(const QString &field, const QString &value)
    {
        add(EvidenceKind::AlertField, u"alert %1: %2"_s.arg(field, quoted(value, m_limits.valueCharacters)),
            {.field = field});
    }
    QList<EvidenceItem> take() { return std::move(m_items); }

private:
    const Limits &m_limits;
    QList<EvidenceItem> m_items;
};

void addAlert(Items &items, const Alert &alert, const Limits &limits)
{
    items.field(u"name"_s, alert.name);
    items.field(u"state"_s, stateName(alert.state));
    items.field(u"severity"_s, alert.severityText.isEmpty() ? severityName(alert.severity) : alert.severityText);
    if (alert.startsAt.isValid())
        items.field(u"startsAt"_s, utc(alert.startsAt));
    if (alert.endsAt.isValid())
        items.field(u"endsAt"_s, utc(alert.endsAt));
    if (!alert.promQl.isEmpty())
        items.field(u"expression"_s, alert.promQl);
    if (!alert.valueString.isEmpty())
        items.field(u"value"_s, alert.valueString);
    int count = 0;
    for (auto it = alert.labels.cbegin(); it != alert.labels.cend() && count < limits.labels; ++it, ++count)
        items.field(u"labels."_s + oneLine(it.key(), 64), it.value());
    count = 0;
    for (auto it = alert.annotations.cbegin(); it != alert.annotations.cend() && count < limits.annotations;
         ++it, ++count) {
        const QString field = u"annotations."_s + oneLine(it.key(), 64);
        items.add(EvidenceKind::Annotation,
                  u"annotation %1: %2"_s.arg(field.mid(12), quoted(it.value(), limits.valueCharacters)),
                  {.field = field});
    }
}

void addOccurrences(Items &items, const Alert &alert, const QList<StoredOccurrence> &occurrences, int max)
{
    QList<const StoredOccurrence *> earlier;
    for (const StoredOccurrence &occurrence : occurrences)
        if (occurrence.startsAt != alert.startsAt && occurrence.startsAt.isValid())
            earlier << &occurrence;
    for (qsizetype i = std::max<qsizetype>(0, earlier.size() - max); i < earlier.size(); ++i) {
        const StoredOccurrence &occurrence = *earlier.at(i);
        const bool resolved = occurrence.state == AlertState::Resolved && occurrence.endsAt.isValid();
        const QString text = resolved ? u"earlier occurrence %1 → %2 (%3 min), resolved"_s.arg(
                                 utc(occurrence.startsAt), utc(occurrence.endsAt),
                                 QString::number(occurrence.startsAt.secsTo(occurrence.endsAt) / 60))
                                      : u"earlier occurrence %1, not resolved then"_s.arg(utc(occurrence.startsAt));
        items.add(EvidenceKind::Occurrence, text,
                  {.timeMs = occurrence.startsAt.toMSecsSinceEpoch(),
                   .endMs = resolved ? occurrence.endsAt.toMSecsSinceEpoch() : -1});
    }
}

void addSilences(Items &items, const QList<AlertMute> &silences, const Limits &limits)
{
    int count = 0;
    for (const AlertMute &mute : silences) {
        if (!mute.isMuted() || count++ >= limits.silences)
            continue;
        QString text = u"active silence"_s;
        if (mute.kind == AlertMute::Kind::Inhibited)
            text = u"inhibited by another alert"_s;
        else if (mute.kind == AlertMute::Kind::Acknowledged)
            text = u"acknowledged"_s;
        if (!mute.by.isEmpty())
            text += u" by "_s + quoted(mute.by, 80);
        if (mute.until.isValid())
            text += u" until "_s + utc(mute.until);
        if (!mute.comment.isEmpty())
            text += u", comment "_s + quoted(mute.comment, limits.valueCharacters);
        items.add(EvidenceKind::Silence, text,
                  {.field = mute.by, .timeMs = mute.until.isValid() ? mute.until.toMSecsSinceEpoch() : -1});
    }
}

QString matchReason(SeenBefore::Reason reason)
{
    // Not translated: the model reads it.
    switch (reason) {
    case SeenBefore::Reason::SameFingerprint: return u"same alert (fingerprint)"_s;
    case SeenBefore::Reason::SameNameAndScope: return u"same alert name and scope"_s;
    case SeenBefore::Reason::SimilarText: return u"similar text"_s;
    }
    return {};
}

QString lasted(const QDateTime &start, const QDateTime &end)
{
    if (!start.isValid())
        return {};
    if (!end.isValid() || end < start)
        return u" at %1, not resolved then"_s.arg(utc(start));
    const qint64 minutes = start.secsTo(end) / 60;
    return u" %1 → %2 (%3 min)"_s.arg(utc(start), utc(end), QString::number(minutes));
}

// Earlier incidents with something learnt from them: what matched, when, for how long,
// the note's parts and the analysis summary, each quoted on one line and bounded.
void addPriors(Items &items, const QList<SeenBefore::Match> &priors, const Limits &limits)
{
    int count = 0;
    for (const SeenBefore::Match &match : priors) {
        if (count >= limits.priors)
            break;
        const ResolutionNote &note = match.note;
        if (note.isEmpty() && match.analysisSummary.trimmed().isEmpty())
            continue;
        ++count;
        QString text = u"earlier incident %1%2, matched by %3"_s.arg(
            quoted(match.name, 120), lasted(match.startsAt, match.endsAt), matchReason(match.reason));
        const auto part = [&text, &limits](const char *what, const QString &value) {
            if (!value.trimmed().isEmpty())
                text += u"; %1 %2"_s.arg(QLatin1StringView(what), quoted(value.trimmed(), limits.noteCharacters));
        };
        part("noted cause", note.cause);
        part("noted action", note.action);
        part("noted link", note.link);
        part("noted text", note.text);
        part("its analysis said", match.analysisSummary);
        // Escaping may have doubled the quoted parts: the whole stays readable back.
        items.add(EvidenceKind::PriorIncident, oneLine(text, EvidenceSet::maxTextCharacters - 1),
                  {.timeMs = match.startsAt.isValid() ? match.startsAt.toMSecsSinceEpoch() : -1,
                   .endMs = match.endsAt.isValid() ? match.endsAt.toMSecsSinceEpoch() : -1});
    }
}

QString seriesText(const ContextPlan::MetricQuery &query, const Series &series, const SeriesSummary &s)
{
    QString text
        = u"metric %1 %2 (%3 points): min %4, max %5, last %6 at %7"_s
              .arg(quoted(query.title.isEmpty() ? query.expression : query.title, 80), labelsText(series.labels, 300))
              .arg(s.points)
              .arg(number(s.min), number(s.max), number(s.last.value), utc(s.last.ms));
    if (s.atTrigger.isValid())
        text += u"; at trigger %1 (%2)"_s.arg(number(s.atTrigger.value), utc(s.atTrigger.ms));
    if (s.atRecovery.isValid())
        text += u"; at recovery %1 (%2)"_s.arg(number(s.atRecovery.value), utc(s.atRecovery.ms));
    if (s.changeTo.isValid()) {
        const double delta = s.changeTo.value - s.changeFrom.value;
        text += u"; largest change %1%2 at %3 (%4 → %5)"_s.arg(delta >= 0 ? u"+"_s : QString(), number(delta),
                                                               utc(s.changeTo.ms), number(s.changeFrom.value),
                                                               number(s.changeTo.value));
    }
    return text;
}

// The metric series of `alert` (the analysed one, or a related alert: `fingerprint` set).
void addMetrics(Items &items, const Alert &alert, const QList<ContextPlan::MetricQuery> &queries,
                const QList<MetricResult> &metrics, int maxQueries, int seriesPerQuery, const QString &fingerprint = {},
                const QString &prefix = {})
{
    const qint64 triggerMs = alert.startsAt.isValid() ? alert.startsAt.toMSecsSinceEpoch() : -1;
    const qint64 recoveryMs
        = alert.state == AlertState::Resolved && alert.endsAt.isValid() ? alert.endsAt.toMSecsSinceEpoch() : -1;
    const qsizetype count = std::min<qsizetype>({queries.size(), metrics.size(), maxQueries});
    for (qsizetype q = 0; q < count; ++q) {
        const MetricResult &result = metrics.at(q);
        int kept = 0;
        for (const Series &series : result.series) {
            if (kept >= seriesPerQuery)
                break;
            const SeriesSummary summary = EvidenceBuilder::summarise(series, triggerMs, recoveryMs);
            if (summary.points == 0)
                continue;
            ++kept;
            const qint64 pointMs = summary.changeTo.isValid() ? summary.changeTo.ms
                : summary.atTrigger.isValid()                 ? summary.atTrigger.ms
                                                              : summary.last.ms;
            items.add(EvidenceKind::MetricSeries, prefix + seriesText(queries.at(q), series, summary),
                      {.queryIndex = int(q), .labels = series.labels, .timeMs = pointMs, .alert = fingerprint});
        }
    }
}

EvidenceLocator lineLocator(const LogLine &line)
{
    return {.labels = line.stream, .ns = line.ns, .lineHash = EvidenceLocator::hashOf(line.line)};
}

QString lineTime(qint64 ns)
{
    return utc(ns / 1'000'000);
}

void addLogGroups(Items &items, const QList<LogLine> &lines, int maxGroups, const Limits &limits,
                  const QString &fingerprint = {}, const QString &prefix = {})
{
    struct Group {
        QString pattern;
        qsizetype count = 0;
        qsizetype first = 0;
        qsizetype newest = 0;
    };
    QList<Group> groups;
    QHash<QString, qsizetype> byPattern;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString pattern = ContextSummary::logTemplate(lines.at(i).line);
        auto it = byPattern.constFind(pattern);
        if (it == byPattern.cend()) {
            it = byPattern.insert(pattern, groups.size());
            groups.append({pattern, 0, i, i});
        }
        Group &group = groups[*it];
        ++group.count;
        group.newest = i;
    }
    // The most frequent kinds first; equal counts in order of first appearance.
    std::stable_sort(groups.begin(), groups.end(), [](const Group &a, const Group &b) { return a.count > b.count; });
    for (qsizetype g = 0; g < std::min<qsizetype>(groups.size(), maxGroups); ++g) {
        const Group &group = groups.at(g);
        const LogLine &example = lines.at(group.newest);
        // The newest example, not the masked pattern: redaction works on the line as written.
        EvidenceLocator locator = lineLocator(example);
        locator.alert = fingerprint;
        items.add(EvidenceKind::LogGroup,
                  prefix
                      + u"log group of %1 similar lines %2, latest at %3: %4"_s.arg(
                          QString::number(group.count), labelsText(example.stream, 200), lineTime(example.ns),
                          quoted(example.line, limits.valueCharacters)),
                  locator);
    }
}

// Error-like lines that tell the story: the first, the last before the trigger, the
// first after it and the last one; the line nearest the trigger when none is error-like.
void addNotableLines(Items &items, const QList<LogLine> &lines, qint64 triggerNs, const Limits &limits)
{
    qsizetype first = -1, lastBefore = -1, firstAfter = -1, last = -1, nearest = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const bool before = lines.at(i).ns <= triggerNs;
        if (before)
            nearest = i;
        else if (nearest < 0)
            nearest = i;
        if (!LogLevel::isErrorLike(lines.at(i).line))
            continue;
        if (first < 0)
            first = i;
        if (before)
            lastBefore = i;
        else if (firstAfter < 0)
            firstAfter = i;
        last = i;
    }
    std::set<qsizetype> chosen;
    for (const qsizetype i : {first, lastBefore, firstAfter, last})
        if (i >= 0)
            chosen.insert(i);
    if (chosen.empty() && nearest >= 0)
        chosen.insert(nearest);
    int count = 0;
    for (const qsizetype i : chosen) {
        if (count++ >= limits.notableLines)
            break;
        const LogLine &line = lines.at(i);
        items.add(EvidenceKind::LogLine,
                  u"log line at %1 %2: %3"_s.arg(lineTime(line.ns), labelsText(line.stream, 200),
                                                 quoted(line.line, limits.valueCharacters)),
                  lineLocator(line));
    }
}

} // namespace

EvidenceBuilder::SeriesSummary EvidenceBuilder::summarise(const Series &series, qint64 triggerMs, qint64 recoveryMs)
{
    SeriesSummary s;
    const auto nearest = [](SeriesSummary::Point &point, const Sample &sample, qint64 at) {
        // The last sample at or before `at`; until there is one, the first after it.
        if (at < 0)
            return;
        if (sample.ms <= at || !point.isValid())
            point = {sample.ms, sample.value};
    };
    double largest = -1;
    for (const Sample &sample : series.samples) {
        if (!std::isfinite(sample.value))
            continue;
        if (s.points == 0) {
            s.min = s.max = sample.value;
        } else {
            s.min = std::min(s.min, sample.value);
            s.max = std::max(s.max, sample.value);
            const double jump = std::abs(sample.value - s.last.value);
            if (jump > largest) {
                largest = jump;
                s.changeFrom = s.last;
                s.changeTo = {sample.ms, sample.value};
            }
        }
        nearest(s.atTrigger, sample, triggerMs);
        nearest(s.atRecovery, sample, recoveryMs);
        s.last = {sample.ms, sample.value};
        ++s.points;
    }
    return s;
}

namespace {

// The incident's other alerts, worst first: each one's facts, and for the first few their
// headline series and most frequent log groups, after all of the analysed alert's own
// items (a budget that cuts from the end leaves out the least severe first).
void addRelated(Items &items, const AnalysisPrompt::Evidence &gathered, const Limits &limits)
{
    const qsizetype count = std::min<qsizetype>(gathered.related.size(), limits.relatedAlerts);
    for (qsizetype i = 0; i < count; ++i) {
        const AnalysisPrompt::Evidence::Member &member = gathered.related.at(i);
        const Alert &alert = member.alert;
        const QString severity = alert.severityText.isEmpty() ? severityName(alert.severity) : alert.severityText;
        QString text = u"related alert %1 (%2, %3) since %4"_s.arg(quoted(alert.name, 120), oneLine(severity, 40),
                                                                   stateName(alert.state), utc(alert.startsAt));
        if (alert.state == AlertState::Resolved && alert.endsAt.isValid())
            text += u" until %1"_s.arg(utc(alert.endsAt));
        text += u" labels %1"_s.arg(labelsText(alert.labels, 400));
        if (const QString summary = alert.annotations.value(u"summary"_s); !summary.isEmpty())
            text += u": %1"_s.arg(quoted(summary, limits.valueCharacters));
        items.add(EvidenceKind::RelatedAlert, oneLine(text, EvidenceSet::maxTextCharacters - 1),
                  {.labels = alert.labels,
                   .timeMs = alert.startsAt.isValid() ? alert.startsAt.toMSecsSinceEpoch() : -1,
                   .endMs = alert.state == AlertState::Resolved && alert.endsAt.isValid()
                       ? alert.endsAt.toMSecsSinceEpoch()
                       : -1,
                   .alert = alert.fingerprint});
        if (i >= limits.relatedWithContext)
            continue;
        const QString of = u"of related alert %1: "_s.arg(quoted(alert.name, 120));
        addMetrics(items, alert, member.queries, member.metrics, limits.relatedQueries, 1, alert.fingerprint, of);
        addLogGroups(items, member.logs, limits.relatedLogGroups, limits, alert.fingerprint, of);
    }
}

} // namespace

EvidenceSet EvidenceBuilder::build(const Alert &alert, const AnalysisPrompt::Evidence &gathered, const Limits &limits)
{
    Items items(limits);
    addAlert(items, alert, limits);
    addOccurrences(items, alert, gathered.occurrences, limits.occurrences);
    addSilences(items, gathered.silences, limits);
    addPriors(items, gathered.priors, limits);
    addMetrics(items, alert, gathered.queries, gathered.metrics, limits.queries, limits.seriesPerQuery);
    addLogGroups(items, gathered.logs, limits.logGroups, limits);
    const qint64 triggerNs = alert.startsAt.isValid() ? alert.startsAt.toMSecsSinceEpoch() * 1'000'000 : 0;
    addNotableLines(items, gathered.logs, triggerNs, limits);
    addRelated(items, gathered, limits);
    return EvidenceSet(items.take());
}
