#include "demo/DemoContext.h"

#include "context/LogQlQuery.h"
#include "core/JsonText.h"
#include "ingest/PayloadParser.h"
#include "logging/LogCategories.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

static void initDemoContextResource()
{
    Q_INIT_RESOURCE(demo);
}

namespace {

// Where an incident moves a series or a stream: from `from` (a lead before the alert
// started) until the alert ended (invalid: still firing).
struct Incident {
    QDateTime from;
    qint64 rampSeconds = 0;
    QDateTime until;
    double value = 0;
    bool covers(qint64 t) const
    {
        return from.isValid() && t >= from.toSecsSinceEpoch() && (!until.isValid() || t < until.toSecsSinceEpoch());
    }
};

struct DemoSeries {
    LabelMap labels;
    double base = 0;
    double noise = 0;
    double slopePerHour = 0;
    std::optional<Incident> incident;
    quint64 seed = 0;
};

struct MetricGroup {
    QString match;
    QList<DemoSeries> series;
};

struct StreamIncident {
    Incident window;
    qint64 silentAfterSeconds = -1; // the source stops logging this long after `from`… the alert's start
    QDateTime alertStart;
    int everySeconds = 10;
    QStringList lines;
};

struct DemoStream {
    LabelMap labels;
    int everySeconds = 60;
    QStringList lines;
    std::optional<StreamIncident> incident;
    quint64 seed = 0;
};

quint64 mix(quint64 x)
{
    // splitmix64: cheap, well spread, the same on every platform.
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// In [-1, 1], fixed for a series and a 15-second slot: a zoomed chart shows the same points.
double jitter(quint64 seed, qint64 t)
{
    return double(mix(seed ^ quint64(t / 15)) % 20001) / 10000.0 - 1.0;
}

LabelMap labelsOf(const QJsonObject &object)
{
    LabelMap labels;
    for (auto it = object.begin(); it != object.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

quint64 seedOf(const LabelMap &labels, const QString &salt)
{
    QString key = salt;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        key += it.key() + u'=' + it.value() + u',';
    return qHash(key, 0x5eed);
}

const Alert *alertNamed(const QList<Alert> &alerts, const QString &name)
{
    const auto it = std::find_if(alerts.cbegin(), alerts.cend(), [&name](const Alert &a) { return a.name == name; });
    return it == alerts.cend() ? nullptr : &*it;
}

std::optional<Incident> incidentOf(const QJsonObject &object, const QList<Alert> &alerts)
{
    if (object.isEmpty())
        return std::nullopt;
    const Alert *alert = alertNamed(alerts, object.value(u"alert"_s).toString());
    if (!alert)
        return std::nullopt;
    Incident incident;
    incident.from = alert->startsAt.addSecs(-qint64(object.value(u"leadMinutes"_s).toDouble() * 60));
    incident.rampSeconds = qint64(object.value(u"rampMinutes"_s).toDouble() * 60);
    incident.until = alert->state == AlertState::Resolved ? alert->endsAt : QDateTime();
    incident.value = object.value(u"value"_s).toDouble();
    return incident;
}

DemoSeries seriesOf(const QJsonObject &object, const QList<Alert> &alerts, const QString &salt)
{
    DemoSeries series;
    series.labels = labelsOf(object.value(u"labels"_s).toObject());
    series.base = object.value(u"base"_s).toDouble();
    series.noise = object.value(u"noise"_s).toDouble();
    series.slopePerHour = object.value(u"slopePerHour"_s).toDouble();
    series.incident = incidentOf(object.value(u"incident"_s).toObject(), alerts);
    series.seed = seedOf(series.labels, salt);
    return series;
}

double valueAt(const DemoSeries &series, qint64 t, qint64 anchor)
{
    double value = series.base + series.slopePerHour * double(t - anchor) / 3600.0;
    if (series.incident && series.incident->covers(t)) {
        const Incident &incident = *series.incident;
        const qint64 since = t - incident.from.toSecsSinceEpoch();
        const double share = incident.rampSeconds > 0 ? std::min(1.0, double(since) / double(incident.rampSeconds)) : 1;
        value += (incident.value - series.base) * share;
    }
    return value + series.noise * jitter(series.seed, t);
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 10);
}

QByteArray labelsJson(const LabelMap &labels)
{
    QByteArray json = "{";
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (json.size() > 1)
            json += ',';
        JsonText::appendString(json, it.key());
        json += ':';
        JsonText::appendString(json, it.value());
    }
    return json + '}';
}

DemoContext::Answer prometheusError(const QString &message)
{
    QByteArray body = R"({"status":"error","errorType":"bad_data","error":)";
    JsonText::appendString(body, message);
    return {400, body + '}'};
}

DemoContext::Answer lokiError(const QString &message)
{
    return {400, message.toUtf8() + '\n'}; // Loki answers errors as plain text
}

QString parameter(const DemoContext::Parameters &parameters, const QString &name)
{
    for (const auto &[key, value] : parameters)
        if (key == name)
            return value;
    return {};
}

// Unix seconds (with a fraction), Loki's nanoseconds, or RFC 3339.
std::optional<double> timeParameter(const QString &text, bool nanoseconds)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (ok)
        return nanoseconds && value > 1e14 ? value / 1e9 : value;
    const QDateTime time = parseRfc3339(text);
    if (time.isValid())
        return time.toMSecsSinceEpoch() / 1000.0;
    return std::nullopt;
}

// "15", "15s", "1m", "2h": Prometheus' step.
std::optional<double> durationSeconds(const QString &text)
{
    bool ok = false;
    const double plain = text.toDouble(&ok);
    if (ok)
        return plain;
    static const QRegularExpression unit(u"^(\\d+)(ms|s|m|h|d|w|y)$"_s);
    const QRegularExpressionMatch match = unit.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const double amount = match.captured(1).toDouble();
    const QString u = match.captured(2);
    const double factor = u == u"ms"_s ? 0.001
        : u == u"s"_s                  ? 1
        : u == u"m"_s                  ? 60
        : u == u"h"_s                  ? 3600
        : u == u"d"_s                  ? 86400
        : u == u"w"_s                  ? 7 * 86400
                                       : 365 * 86400;
    return amount * factor;
}

// `offset 1d` in an expression: the same series, that long ago.
qint64 offsetSeconds(const QString &query)
{
    static const QRegularExpression offset(u"\\boffset\\s+(\\d+(?:ms|s|m|h|d|w|y))"_s);
    const QRegularExpressionMatch match = offset.match(query);
    return match.hasMatch() ? qint64(durationSeconds(match.captured(1)).value_or(0)) : 0;
}

// The series of `group` a query's equality matchers (instance="db-01:9100") leave.
QList<const DemoSeries *> seriesFor(const QList<DemoSeries> &all, const QString &query)
{
    static const QRegularExpression equality(u"(\\w+)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\""_s);
    QList<const DemoSeries *> kept;
    for (const DemoSeries &series : all)
        kept.append(&series);
    QRegularExpressionMatchIterator it = equality.globalMatch(query);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString name = match.captured(1);
        const QString value = match.captured(2);
        const bool known = std::any_of(all.cbegin(), all.cend(),
                                       [&name](const DemoSeries &series) { return series.labels.contains(name); });
        if (!known)
            continue; // mode="idle", fstype…: not what tells the demo series apart
        kept.erase(std::remove_if(kept.begin(), kept.end(),
                                  [&](const DemoSeries *series) { return series->labels.value(name) != value; }),
                   kept.end());
    }
    return kept;
}

// The series a query is answered with: the first group it names (narrowed by its
// labels), else the fallback.
QList<const DemoSeries *> seriesAnswering(const QList<MetricGroup> &groups, const DemoSeries &fallback,
                                          const QString &query)
{
    const auto group = std::find_if(groups.cbegin(), groups.cend(),
                                    [&query](const MetricGroup &g) { return query.contains(g.match); });
    return group == groups.cend() ? QList<const DemoSeries *>{&fallback} : seriesFor(group->series, query);
}

// Loki's answer for labels and label values: sorted, each once.
DemoContext::Answer stringList(QStringList texts)
{
    texts.sort();
    texts.removeDuplicates();
    QByteArray body = R"({"status":"success","data":[)";
    for (qsizetype i = 0; i < texts.size(); ++i) {
        if (i > 0)
            body += ',';
        JsonText::appendString(body, texts.at(i));
    }
    return {200, body + "]}"};
}

QString lineAt(const QStringList &lines, quint64 seed, qint64 t, const QDateTime &time)
{
    QString line = lines.at(int(mix(seed ^ quint64(t)) % quint64(lines.size())));
    return line.replace(u"{time}"_s, time.toString(Qt::ISODateWithMs));
}

} // namespace

struct DemoContext::Data {
    QList<MetricGroup> groups;
    DemoSeries fallback;
    QList<DemoStream> streams;
    qint64 anchor = 0; // when the demo was loaded: slopes are measured from it
};

DemoContext::DemoContext(const QList<Alert> &alerts)
{
    initDemoContextResource();
    auto data = std::make_unique<Data>();
    data->anchor = QDateTime::currentSecsSinceEpoch();
    QFile file(u":/demo/sample-context.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        qCWarning(lcApp) << "demo context missing from the build:" << file.errorString();
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    for (const QJsonValue &groupValue : root.value(u"metrics"_s).toArray()) {
        const QJsonObject group = groupValue.toObject();
        MetricGroup metrics{group.value(u"match"_s).toString(), {}};
        for (const QJsonValue &series : group.value(u"series"_s).toArray())
            metrics.series.append(seriesOf(series.toObject(), alerts, metrics.match));
        data->groups.append(metrics);
    }
    data->fallback = seriesOf(root.value(u"fallback"_s).toObject(), alerts, u"fallback"_s);
    for (const QJsonValue &streamValue : root.value(u"streams"_s).toArray()) {
        const QJsonObject object = streamValue.toObject();
        DemoStream stream;
        stream.labels = labelsOf(object.value(u"labels"_s).toObject());
        stream.everySeconds = std::max(1, object.value(u"everySeconds"_s).toInt(60));
        for (const QJsonValue &line : object.value(u"lines"_s).toArray())
            stream.lines << line.toString();
        stream.seed = seedOf(stream.labels, u"stream"_s);
        const QJsonObject incidentObject = object.value(u"incident"_s).toObject();
        if (const std::optional<Incident> window = incidentOf(incidentObject, alerts)) {
            StreamIncident incident;
            incident.window = *window;
            incident.alertStart = alertNamed(alerts, incidentObject.value(u"alert"_s).toString())->startsAt;
            incident.everySeconds = std::max(1, incidentObject.value(u"everySeconds"_s).toInt(10));
            if (incidentObject.contains(u"silentAfterMinutes"_s))
                incident.silentAfterSeconds = qint64(incidentObject.value(u"silentAfterMinutes"_s).toDouble() * 60);
            for (const QJsonValue &line : incidentObject.value(u"lines"_s).toArray())
                incident.lines << line.toString();
            if (!incident.lines.isEmpty())
                stream.incident = incident;
        }
        if (!stream.lines.isEmpty())
            data->streams.append(stream);
    }
    m_data = std::move(data);
}

DemoContext::~DemoContext() = default;

DemoContext::Answer DemoContext::answer(const QByteArray &path, const Parameters &parameters,
                                        const QDateTime &now) const
{
    if (path == "/api/v1/query_range")
        return queryRange(parameters);
    if (path == "/api/v1/query")
        return queryInstant(parameters, now);
    if (path == "/api/v1/status/buildinfo")
        return {200, R"({"status":"success","data":{"version":"demo","revision":"AlertDeck --demo"}})"};
    if (path == "/loki/api/v1/query_range")
        return logRange(parameters);
    if (path == "/loki/api/v1/labels" || path == "/loki/api/v1/label")
        return labels();
    if (path.startsWith("/loki/api/v1/label/") && path.endsWith("/values"))
        return labelValues(QString::fromUtf8(path.mid(19, path.size() - 19 - 7)));
    if (path == "/loki/api/v1/series")
        return series(parameters);
    if (path == "/ready" || path == "/-/ready")
        return {200, "ready"};
    return {404, R"({"status":"error","errorType":"not_found","error":"no such demo endpoint"})"};
}

DemoContext::Answer DemoContext::queryRange(const Parameters &parameters) const
{
    const QString query = parameter(parameters, u"query"_s);
    const std::optional<double> start = timeParameter(parameter(parameters, u"start"_s), false);
    const std::optional<double> end = timeParameter(parameter(parameters, u"end"_s), false);
    const std::optional<double> step = durationSeconds(parameter(parameters, u"step"_s));
    if (query.trimmed().isEmpty())
        return prometheusError(
            u"invalid parameter \"query\": unknown position: parse error: no expression found in input"_s);
    if (!start || !end)
        return prometheusError(u"invalid parameter \"start\" or \"end\": cannot parse to a valid timestamp"_s);
    if (!step || *step <= 0)
        return prometheusError(
            u"invalid parameter \"step\": zero or negative query resolution step widths are not accepted. Try a positive integer"_s);
    if (*end < *start)
        return prometheusError(u"invalid parameter \"end\": end timestamp must not be before start time"_s);
    if ((*end - *start) / *step > maxPointsPerSeries)
        return prometheusError(u"exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query "
                               "resolution (?step=XX)"_s);

    const QList<const DemoSeries *> chosen = seriesAnswering(m_data->groups, m_data->fallback, query);
    const qint64 shift = offsetSeconds(query);
    QByteArray body = R"({"status":"success","data":{"resultType":"matrix","result":[)";
    for (qsizetype i = 0; i < chosen.size(); ++i) {
        if (i > 0)
            body += ',';
        body += R"({"metric":)" + labelsJson(chosen.at(i)->labels) + R"(,"values":[)";
        bool first = true;
        for (double t = *start; t <= *end; t += *step) {
            if (!first)
                body += ',';
            first = false;
            body += '[' + number(t) + ",\"" + number(valueAt(*chosen.at(i), qint64(t) - shift, m_data->anchor)) + "\"]";
        }
        body += "]}";
    }
    return {200, body + "]}}"};
}

DemoContext::Answer DemoContext::queryInstant(const Parameters &parameters, const QDateTime &now) const
{
    const QString query = parameter(parameters, u"query"_s);
    if (query.trimmed().isEmpty())
        return prometheusError(
            u"invalid parameter \"query\": unknown position: parse error: no expression found in input"_s);
    const QString timeText = parameter(parameters, u"time"_s);
    const std::optional<double> time
        = timeText.isEmpty() ? std::optional<double>(now.toMSecsSinceEpoch() / 1000.0) : timeParameter(timeText, false);
    if (!time)
        return prometheusError(u"invalid parameter \"time\": cannot parse to a valid timestamp"_s);
    const QList<const DemoSeries *> chosen = seriesAnswering(m_data->groups, m_data->fallback, query);
    const qint64 shift = offsetSeconds(query);
    QByteArray body = R"({"status":"success","data":{"resultType":"vector","result":[)";
    for (qsizetype i = 0; i < chosen.size(); ++i) {
        if (i > 0)
            body += ',';
        body += R"({"metric":)" + labelsJson(chosen.at(i)->labels) + R"(,"value":[)" + number(*time) + ",\""
            + number(valueAt(*chosen.at(i), qint64(*time) - shift, m_data->anchor)) + "\"]}";
    }
    return {200, body + "]}}"};
}

DemoContext::Answer DemoContext::logRange(const Parameters &parameters) const
{
    const Result<LogQlQuery> query = LogQlQuery::parse(parameter(parameters, u"query"_s));
    if (!query)
        return lokiError(query.error());
    const std::optional<double> start = timeParameter(parameter(parameters, u"start"_s), true);
    const std::optional<double> end = timeParameter(parameter(parameters, u"end"_s), true);
    if (!start || !end || *end < *start)
        return lokiError(u"invalid start or end: they must be timestamps and end must not be before start"_s);
    const int limit = std::clamp(parameter(parameters, u"limit"_s).toInt(), 1, maxLogLines);
    const bool forward = parameter(parameters, u"direction"_s) == u"forward"_s;

    struct Line {
        qint64 t;
        qsizetype stream;
        QString text;
    };
    QList<Line> lines;
    const qint64 from = qint64(std::ceil(*start));
    const qint64 to = qint64(*end);
    for (qsizetype s = 0; s < m_data->streams.size(); ++s) {
        const DemoStream &stream = m_data->streams.at(s);
        if (!query->matchesStream(stream.labels))
            continue;
        // Each stream logs on its own beat; an incident adds its lines on a faster one.
        // Walked from the end the answer keeps (the newest, unless `forward`), and no
        // further than `limit` kept lines: a day's window costs no more than a minute's.
        auto emitLines = [&](int every, const QStringList &texts, quint64 seed, auto keep) {
            const qint64 first = from + (every - from % every) % every;
            const qint64 last = to - to % every;
            int kept = 0;
            for (qint64 t = forward ? first : last; first <= last && t >= first && t <= last;
                 t += forward ? every : -every) {
                if (!keep(t))
                    continue;
                const QString text = lineAt(texts, seed, t, QDateTime::fromSecsSinceEpoch(t, Qt::UTC));
                if (!query->matchesLine(text))
                    continue;
                lines.append({t, s, text});
                if (++kept >= limit)
                    return;
            }
        };
        const std::optional<StreamIncident> &incident = stream.incident;
        auto silent = [&incident](qint64 t) {
            return incident && incident->silentAfterSeconds >= 0
                && t >= incident->alertStart.toSecsSinceEpoch() + incident->silentAfterSeconds
                && incident->window.covers(t);
        };
        emitLines(stream.everySeconds, stream.lines, stream.seed, [&](qint64 t) { return !silent(t); });
        if (incident)
            emitLines(incident->everySeconds, incident->lines, stream.seed ^ 0x1ull,
                      [&](qint64 t) { return incident->window.covers(t) && !silent(t); });
    }
    std::sort(lines.begin(), lines.end(), [forward](const Line &a, const Line &b) {
        return forward ? std::tie(a.t, a.stream) < std::tie(b.t, b.stream)
                       : std::tie(a.t, a.stream) > std::tie(b.t, b.stream);
    });
    if (lines.size() > limit)
        lines.resize(limit);

    QByteArray body = R"({"status":"success","data":{"resultType":"streams","result":[)";
    bool firstStream = true;
    for (qsizetype s = 0; s < m_data->streams.size(); ++s) {
        QByteArray values;
        for (const Line &line : std::as_const(lines)) {
            if (line.stream != s)
                continue;
            if (!values.isEmpty())
                values += ',';
            values += "[\"" + QByteArray::number(line.t * 1'000'000'000) + "\",";
            JsonText::appendString(values, line.text);
            values += ']';
        }
        if (values.isEmpty())
            continue;
        if (!firstStream)
            body += ',';
        firstStream = false;
        body += R"({"stream":)" + labelsJson(m_data->streams.at(s).labels) + R"(,"values":[)" + values + "]}";
    }
    return {200, body + "]}}"};
}

DemoContext::Answer DemoContext::labels() const
{
    QStringList names;
    for (const DemoStream &stream : m_data->streams)
        names += stream.labels.keys();
    return stringList(names);
}

DemoContext::Answer DemoContext::labelValues(const QString &label) const
{
    QStringList values;
    for (const DemoStream &stream : m_data->streams)
        if (stream.labels.contains(label))
            values << stream.labels.value(label);
    return stringList(values);
}

DemoContext::Answer DemoContext::series(const Parameters &parameters) const
{
    QList<LogQlQuery> selectors;
    for (const auto &[key, value] : parameters) {
        if (key != u"match[]"_s && key != u"match"_s)
            continue;
        const Result<LogQlQuery> query = LogQlQuery::parse(value);
        if (!query)
            return lokiError(query.error());
        selectors.append(*query);
    }
    if (selectors.isEmpty())
        return lokiError(u"at least one match[] argument is required"_s);
    QByteArray body = R"({"status":"success","data":[)";
    bool first = true;
    for (const DemoStream &stream : m_data->streams) {
        if (std::none_of(selectors.cbegin(), selectors.cend(),
                         [&stream](const LogQlQuery &selector) { return selector.matchesStream(stream.labels); }))
            continue;
        if (!first)
            body += ',';
        first = false;
        body += labelsJson(stream.labels);
    }
    return {200, body + "]}"};
}
