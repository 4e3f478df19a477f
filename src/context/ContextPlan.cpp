#include "context/ContextPlan.h"

#include "context/LogLevel.h"
#include "context/PromQlSplit.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ContextPlan)
};

constexpr qint64 prometheusMaxPoints = 11'000;

QString withoutPort(const QString &value)
{
    // "db-1:9100" → "db-1"; "[::1]:9100" → "::1"; a bare IPv6 address stays whole.
    if (value.startsWith(u'[')) {
        const qsizetype close = value.indexOf(u']');
        return close > 0 ? value.mid(1, close - 1) : value;
    }
    if (value.count(u':') == 1)
        return value.left(value.indexOf(u':'));
    return value;
}

} // namespace

namespace ContextPlan {

int stepFor(qint64 seconds, int maxPoints)
{
    static const int steps[]
        = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};
    const qint64 limit = std::clamp<qint64>(maxPoints, 2, prometheusMaxPoints) - 1;
    for (const int step : steps)
        if (seconds / step <= limit)
            return step;
    // Longer than the table: whole days.
    return int((seconds / limit / 86400 + 1) * 86400);
}

Window window(const Alert &alert, const QDateTime &now, const WindowSettings &settings, const TimeRange &range)
{
    Window result;
    if (range.kind == TimeRange::Kind::Custom && range.customStart.isValid() && range.customEnd.isValid()) {
        result.start = range.customStart;
        result.end = std::min(range.customEnd, now);
    } else if (const qint64 seconds = range.lastSeconds(); seconds > 0) {
        result.start = now.addSecs(-seconds);
        result.end = now;
        result.following = true;
    } else {
        // What led up to the start, and how it went on: up to now while it fires.
        const QDateTime started = alert.startsAt.isValid() ? std::min(alert.startsAt, now) : now;
        result.start = started.addSecs(-60LL * settings.minutesBefore);
        const bool resolved = alert.state == AlertState::Resolved && alert.endsAt.isValid();
        const QDateTime after = resolved ? std::max(alert.endsAt, started).addSecs(60LL * settings.minutesAfter) : now;
        result.end = std::min(now, after);
        result.following = after >= now;
    }
    if (result.end <= result.start)
        result.end = result.start.addSecs(60);
    result.stepSeconds = stepFor(result.start.secsTo(result.end), settings.maxPointsPerSeries);
    return result;
}

QUrl grafanaExploreUrl(const QUrl &grafana, const QString &datasourceUid, const QString &logQl, const Window &window)
{
    const QJsonObject datasource{{u"type"_s, u"loki"_s}, {u"uid"_s, datasourceUid}};
    const QJsonObject left{
        {u"datasource"_s, datasourceUid},
        {u"queries"_s,
         QJsonArray{QJsonObject{{u"refId"_s, u"A"_s}, {u"expr"_s, logQl}, {u"datasource"_s, datasource}}}},
        {u"range"_s,
         QJsonObject{{u"from"_s, QString::number(window.start.toMSecsSinceEpoch())},
                     {u"to"_s, QString::number(window.end.toMSecsSinceEpoch())}}}};
    QUrl url = grafana;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/explore"_s);
    url.setQuery(u"orgId=1&left="_s
                     + QString::fromLatin1(QUrl::toPercentEncoding(
                         QString::fromUtf8(QJsonDocument(left).toJson(QJsonDocument::Compact)))),
                 QUrl::StrictMode);
    return url;
}

QString escapedForString(QStringView value, QChar quote)
{
    QString escaped;
    escaped.reserve(value.size() + 2);
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c.isHighSurrogate() && i + 1 < value.size() && value.at(i + 1).isLowSurrogate()) {
            escaped += c;
            escaped += value.at(++i);
            continue;
        }
        switch (c.unicode()) {
        case u'\\': escaped += u"\\\\"_s; continue;
        case u'\n': escaped += u"\\n"_s; continue;
        case u'\r': escaped += u"\\r"_s; continue;
        case u'\t': escaped += u"\\t"_s; continue;
        default: break;
        }
        if (c == quote) {
            escaped += u'\\';
            escaped += c;
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            escaped += u"\\u%1"_s.arg(int(c.unicode()), 4, 16, QChar(u'0'));
        } else if (c.isSurrogate() || c == QChar::ReplacementCharacter) {
            escaped += u"\\uFFFD"_s;
        } else {
            escaped += c;
        }
    }
    return escaped;
}

QString quoted(const QString &value)
{
    return u'"' + escapedForString(value, u'"') + u'"';
}

QString regexEscaped(QStringView value)
{
    static constexpr QStringView special = u"\\.+*?()|[]{}^$";
    QString escaped;
    escaped.reserve(value.size() + 8);
    for (const QChar c : value) {
        if (special.contains(c))
            escaped += u'\\';
        escaped += c;
    }
    return escaped;
}

std::optional<QString> nodeInstance(const Alert &alert)
{
    const QString instance = alert.labels.value(u"instance"_s);
    if (instance.isEmpty())
        return std::nullopt;
    if (instance.endsWith(u":9100"_s) || alert.labels.value(u"job"_s) == u"node"_s)
        return instance;
    return std::nullopt;
}

QList<MetricQuery> metricQueries(const Alert &alert)
{
    return metricPlan(alert).queries;
}

MetricPlan metricPlan(const Alert &alert)
{
    MetricPlan plan;
    QList<MetricQuery> &queries = plan.queries;
    if (!alert.promQl.trimmed().isEmpty()) {
        const PromQlSplit split = PromQlSplitter::split(alert.promQl);
        // Not sent: a hostile or generated expression of megabytes is no chart anyone reads.
        if (split.tooLong)
            plan.notes << Text::tr("The alert's expression is too long to chart (%L1 characters).")
                              .arg(split.valueExpression.size());
        else
            plan.firstIsAlertExpression = true;
        if (!split.tooLong)
            queries.append({alert.name.isEmpty() ? Text::tr("Alert expression") : alert.name, split.valueExpression,
                            split.threshold, split.comparison});
    }
    if (const std::optional<QString> instance = nodeInstance(alert)) {
        const QString selector = u"instance=%1"_s.arg(quoted(*instance));
        queries.append(
            {Text::tr("CPU busy %"),
             u"100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{%1,mode=\"idle\"}[5m])))"_s.arg(selector)});
        queries.append(
            {Text::tr("Memory used %"),
             u"100 * (1 - node_memory_MemAvailable_bytes{%1} / node_memory_MemTotal_bytes{%1})"_s.arg(selector)});
        queries.append({Text::tr("Disk used %"),
                        u"100 * (1 - node_filesystem_avail_bytes{%1,fstype!~\"tmpfs|overlay|squashfs\"} / "
                        "node_filesystem_size_bytes{%1,fstype!~\"tmpfs|overlay|squashfs\"})"_s.arg(selector)});
        queries.append({Text::tr("Network bytes/s"),
                        u"sum by (instance) (rate(node_network_receive_bytes_total{%1,device!=\"lo\"}[5m])) + sum by "
                        "(instance) (rate(node_network_transmit_bytes_total{%1,device!=\"lo\"}[5m]))"_s.arg(selector)});
    }
    return plan;
}

QList<LabelRule> defaultLabelRules()
{
    return {
        {u"pod"_s, u"pod"_s, false, 0},
        {u"namespace"_s, u"namespace"_s, false, 0},
        {u"container"_s, u"container"_s, false, 0},
        {u"target_ident"_s, u"host"_s, false, 1}, // Nightingale
        {u"instance"_s, u"host"_s, true, 1},
        {u"instance"_s, u"instance"_s, false, 2},
        {u"service"_s, u"service"_s, false, 3},
        {u"job"_s, u"job"_s, false, 4},
    };
}

namespace {

// The selector of one rule group for the alert, or none.
std::optional<LogCandidate> candidateOf(const Alert &alert, const QList<LabelRule> &rules, int group)
{
    LogCandidate candidate;
    QStringList matchers;
    for (const LabelRule &rule : rules) {
        if (rule.group != group || candidate.lokiLabels.contains(rule.lokiLabel))
            continue;
        QString value = alert.labels.value(rule.alertLabel).trimmed();
        if (rule.stripPort)
            value = withoutPort(value);
        // Only non-empty values: a selector of empty-matching matchers is refused by Loki.
        if (value.isEmpty())
            continue;
        candidate.lokiLabels << rule.lokiLabel;
        candidate.rules << LabelRule{rule.alertLabel, rule.lokiLabel, rule.stripPort, 0};
        matchers << rule.lokiLabel + u'=' + quoted(value);
    }
    if (matchers.isEmpty())
        return std::nullopt;
    candidate.selector = u'{' + matchers.join(u", "_s) + u'}';
    return candidate;
}

QList<int> groupsOf(const QList<LabelRule> &rules)
{
    QList<int> groups;
    for (const LabelRule &rule : rules)
        if (!groups.contains(rule.group))
            groups.append(rule.group);
    std::sort(groups.begin(), groups.end());
    return groups;
}

bool isLokiLabelName(const QString &name)
{
    static const QRegularExpression valid(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    return name.size() <= 128 && valid.match(name).hasMatch();
}

} // namespace

QList<LogCandidate> logCandidates(const Alert &alert, const QList<LabelRule> &rules)
{
    QList<LogCandidate> candidates;
    const auto add = [&candidates](const std::optional<LogCandidate> &candidate) {
        if (candidate && candidates.size() < maxLogCandidates
            && std::none_of(candidates.cbegin(), candidates.cend(),
                            [&](const LogCandidate &known) { return known.selector == candidate->selector; }))
            candidates << *candidate;
    };
    for (const int group : groupsOf(rules))
        add(candidateOf(alert, rules, group));
    // Without configuration: the labels streams most often carry, most specific first,
    // under the alert's own names; then the instance's host under the usual names.
    static const QStringList sameName{u"pod"_s,  u"container"_s, u"instance"_s, u"host"_s, u"hostname"_s,
                                      u"node"_s, u"service"_s,   u"app"_s,      u"job"_s,  u"namespace"_s};
    for (const QString &name : sameName)
        add(candidateOf(alert, {{name, name, false, 0}}, 0));
    for (const QString &hostLabel : {u"host"_s, u"hostname"_s, u"node"_s})
        add(candidateOf(alert, {{u"instance"_s, hostLabel, true, 0}}, 0));
    // Then any other alert label Loki could hold by that name (bounded: hostile alerts
    // can carry thousands of labels).
    static const QStringList never{u"alertname"_s, u"severity"_s, u"__name__"_s, u"le"_s, u"quantile"_s};
    int looked = 0;
    for (auto it = alert.labels.cbegin(); it != alert.labels.cend() && looked < 64; ++it, ++looked)
        if (isLokiLabelName(it.key()) && !never.contains(it.key()) && !sameName.contains(it.key()))
            add(candidateOf(alert, {{it.key(), it.key(), false, 0}}, 0));
    return candidates;
}

LogQuery logQuery(const Alert &alert, const QList<LabelRule> &rules, bool filterLines)
{
    LogQuery query;
    // The first group whose labels the alert has.
    for (const int group : groupsOf(rules)) {
        if (const std::optional<LogCandidate> candidate = candidateOf(alert, rules, group)) {
            query.selector = candidate->selector;
            break;
        }
    }
    if (query.selector.isEmpty()) {
        QStringList labels;
        for (const LabelRule &rule : rules)
            if (!labels.contains(rule.alertLabel))
                labels << rule.alertLabel;
        query.problem = Text::tr("None of this alert's labels identifies a log stream (looked for %1).")
                            .arg(labels.join(u", "_s));
        return query;
    }
    if (filterLines)
        query.lineFilter = LogLevel::errorLineFilter();
    return query;
}

} // namespace ContextPlan
