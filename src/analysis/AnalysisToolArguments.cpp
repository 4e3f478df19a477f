#include "analysis/AnalysisToolArguments.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace AnalysisToolArguments {

namespace {

constexpr qint64 prometheusMaxPoints = 11'000;
// Unix seconds beyond this (the year 2100) are not a time anyone means.
constexpr double latestUnixSeconds = 4'102'444'800.0;
constexpr qsizetype quotedValueLength = 120;

// `value` as a JSON string for a message, cut short: it is the model's own text.
QString quotedValue(const QString &value)
{
    const QString cut = value.size() > quotedValueLength ? value.left(quotedValueLength) + u'…' : value;
    return QString::fromUtf8(QJsonDocument(QJsonArray{cut}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
}

QString quotedValue(const QJsonValue &value)
{
    if (value.isString())
        return quotedValue(value.toString());
    const QJsonDocument document
        = value.isObject() ? QJsonDocument(value.toObject()) : QJsonDocument(QJsonArray{value});
    QString text = QString::fromUtf8(document.toJson(QJsonDocument::Compact));
    if (!value.isObject())
        text = text.chopped(1).mid(1);
    return text.size() > quotedValueLength ? text.left(quotedValueLength) + u'…' : text;
}

QString filled(const QString &pattern, const QStringList &args)
{
    QString result;
    result.reserve(pattern.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'%' && i + 1 < pattern.size() && pattern.at(i + 1) >= u'1' && pattern.at(i + 1) <= u'9') {
            const qsizetype index = pattern.at(i + 1).unicode() - u'1';
            result += index < args.size() ? args.at(index) : QString();
            ++i;
        } else {
            result += c;
        }
    }
    return result;
}

ToolMessage message(const char *text, QStringList args = {})
{
    return {text, std::move(args)};
}

Parsed refused(const char *text, QStringList args = {})
{
    return {std::nullopt, message(text, std::move(args))};
}

bool looksLikeUrl(const QString &text)
{
    static const QRegularExpression url(u"^\\s*[A-Za-z][A-Za-z0-9+.-]{0,20}://"_s);
    return url.match(text).hasMatch();
}

QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// An optional time argument; `fallback` when absent.
std::variant<QDateTime, ToolMessage> timeArgument(const QJsonObject &arguments, const QString &key,
                                                  const QDateTime &fallback, const QDateTime &now)
{
    if (!arguments.contains(key))
        return fallback;
    const QJsonValue value = arguments.value(key);
    if (const std::optional<QDateTime> time = parseTime(value, now))
        return *time;
    return message(QT_TRANSLATE_NOOP("AnalysisTools",
                                     "\"%1\" is not a time: %2. Use RFC 3339 (\"2026-12-06T19:00:00Z\"), Unix "
                                     "seconds, \"now\", or a time back from now such as \"-1h\" or \"-30m\"."),
                   {key, quotedValue(value)});
}

// Start and end, checked against each other, now and the longest range.
std::variant<ContextPlan::Window, ToolMessage> window(const QJsonObject &arguments, const QDateTime &now,
                                                      const Limits &limits)
{
    const auto end = timeArgument(arguments, u"end"_s, now, now);
    if (const auto *problem = std::get_if<ToolMessage>(&end))
        return *problem;
    const QDateTime endTime = std::get<QDateTime>(end);
    const auto start = timeArgument(arguments, u"start"_s, endTime.addSecs(-limits.defaultRangeSeconds), now);
    if (const auto *problem = std::get_if<ToolMessage>(&start))
        return *problem;
    const QDateTime startTime = std::get<QDateTime>(start);
    if (endTime.secsTo(now) < -limits.allowedClockSkewSeconds)
        return message(QT_TRANSLATE_NOOP("AnalysisTools", "The end %1 is in the future (now is %2)."),
                       {iso(endTime), iso(now)});
    if (startTime >= endTime)
        return message(QT_TRANSLATE_NOOP("AnalysisTools", "The start %1 is not before the end %2."),
                       {iso(startTime), iso(endTime)});
    const qint64 seconds = startTime.secsTo(endTime);
    if (seconds > limits.maxRangeSeconds)
        return message(QT_TRANSLATE_NOOP("AnalysisTools",
                                         "The range from %1 to %2 is %3 long; at most %4 can be asked for at once. "
                                         "Ask for a shorter range, e.g. start \"-%5\"."),
                       {iso(startTime), iso(endTime), durationText(seconds), durationText(limits.maxRangeSeconds),
                        u"%1h"_s.arg(limits.maxRangeSeconds / 3600)});
    return ContextPlan::Window{startTime, endTime, 0};
}

// A non-empty query string no longer than the limit.
std::variant<QString, ToolMessage> queryArgument(const QJsonObject &arguments, const QString &key, const Limits &limits)
{
    const QJsonValue value = arguments.value(key);
    if (value.isUndefined())
        return message(QT_TRANSLATE_NOOP("AnalysisTools", "The argument \"%1\" is required."), {key});
    if (!value.isString())
        return message(QT_TRANSLATE_NOOP("AnalysisTools", "\"%1\" must be a string, not %2."),
                       {key, quotedValue(value)});
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return message(QT_TRANSLATE_NOOP("AnalysisTools", "\"%1\" is empty."), {key});
    if (text.size() > limits.maxQueryLength)
        return message(QT_TRANSLATE_NOOP("AnalysisTools", "\"%1\" is %2 characters long; at most %3 are accepted."),
                       {key, QString::number(text.size()), QString::number(limits.maxQueryLength)});
    return text;
}

// An optional whole number within [1, max].
std::variant<int, ToolMessage> countArgument(const QJsonObject &arguments, const QString &key, int fallback, int max)
{
    if (!arguments.contains(key) || arguments.value(key).isNull())
        return fallback;
    const QJsonValue value = arguments.value(key);
    double number = std::nan("");
    if (value.isDouble())
        number = value.toDouble();
    else if (value.isString() && value.toString().size() <= 12) {
        bool ok = false;
        number = value.toString().trimmed().toDouble(&ok);
        if (!ok)
            number = std::nan("");
    }
    if (!std::isfinite(number) || number != std::floor(number) || number < 1 || number > max)
        return message(QT_TRANSLATE_NOOP("AnalysisTools", "\"%1\" must be a whole number from 1 to %2, not %3."),
                       {key, QString::number(max), quotedValue(value)});
    return int(number);
}

std::variant<int, ToolMessage> stepArgument(const QJsonObject &arguments, const ContextPlan::Window &window,
                                            const Limits &limits)
{
    const qint64 seconds = window.start.secsTo(window.end);
    if (!arguments.contains(u"step"_s) || arguments.value(u"step"_s).isNull())
        return ContextPlan::stepFor(seconds, limits.defaultPoints);
    const QJsonValue value = arguments.value(u"step"_s);
    std::optional<qint64> step;
    if (value.isDouble()) {
        if (const double number = value.toDouble();
            std::isfinite(number) && number >= 1 && number <= 1e9 && number == std::floor(number))
            step = qint64(number);
    } else if (value.isString()) {
        const QString text = value.toString().trimmed();
        bool digits = false;
        const qint64 number = text.size() <= 10 ? text.toLongLong(&digits) : 0;
        step = digits ? (number >= 1 ? std::optional<qint64>(number) : std::nullopt) : parseDuration(text);
    }
    if (!step)
        return message(QT_TRANSLATE_NOOP("AnalysisTools",
                                         "\"step\" must be a duration of at least one second such as \"15s\", "
                                         "\"1m\" or \"5m\", not %1."),
                       {quotedValue(value)});
    if (*step > seconds)
        return message(QT_TRANSLATE_NOOP("AnalysisTools", "The step %1 is longer than the range (%2)."),
                       {durationText(*step), durationText(seconds)});
    if (seconds / *step + 1 > prometheusMaxPoints) {
        const qint64 smallest = (seconds + prometheusMaxPoints - 2) / (prometheusMaxPoints - 1);
        return message(QT_TRANSLATE_NOOP("AnalysisTools",
                                         "A step of %1 over %2 gives %3 points; Prometheus allows at most %4. Use a "
                                         "step of at least %5 s."),
                       {durationText(*step), durationText(seconds), QString::number(seconds / *step + 1),
                        QString::number(prometheusMaxPoints), QString::number(smallest)});
    }
    return int(*step);
}

Parsed prometheusQuery(const QJsonObject &arguments, const QDateTime &now, const Limits &limits)
{
    const auto query = queryArgument(arguments, u"query"_s, limits);
    if (const auto *problem = std::get_if<ToolMessage>(&query))
        return {std::nullopt, *problem};
    auto range = window(arguments, now, limits);
    if (const auto *problem = std::get_if<ToolMessage>(&range))
        return {std::nullopt, *problem};
    ContextPlan::Window checked = std::get<ContextPlan::Window>(range);
    const auto step = stepArgument(arguments, checked, limits);
    if (const auto *problem = std::get_if<ToolMessage>(&step))
        return {std::nullopt, *problem};
    checked.stepSeconds = std::get<int>(step);
    return {PrometheusQuery{std::get<QString>(query), checked}, {}};
}

Parsed lokiQuery(const QJsonObject &arguments, const QDateTime &now, const Limits &limits)
{
    const auto query = queryArgument(arguments, u"query"_s, limits);
    if (const auto *problem = std::get_if<ToolMessage>(&query))
        return {std::nullopt, *problem};
    const auto range = window(arguments, now, limits);
    if (const auto *problem = std::get_if<ToolMessage>(&range))
        return {std::nullopt, *problem};
    const auto limit = countArgument(arguments, u"limit"_s, limits.defaultLokiLimit, limits.maxLokiLimit);
    if (const auto *problem = std::get_if<ToolMessage>(&limit))
        return {std::nullopt, *problem};
    return {LokiQuery{std::get<QString>(query), std::get<ContextPlan::Window>(range), std::get<int>(limit)}, {}};
}

Parsed seriesQuery(const QJsonObject &arguments, const QDateTime &now, const Limits &limits)
{
    const auto match = queryArgument(arguments, u"match"_s, limits);
    if (const auto *problem = std::get_if<ToolMessage>(&match))
        return {std::nullopt, *problem};
    const auto range = window(arguments, now, limits);
    if (const auto *problem = std::get_if<ToolMessage>(&range))
        return {std::nullopt, *problem};
    return {SeriesQuery{std::get<QString>(match), std::get<ContextPlan::Window>(range)}, {}};
}

Parsed historyQuery(const QJsonObject &arguments, const Limits &limits)
{
    const auto limit = countArgument(arguments, u"limit"_s, limits.defaultHistoryLimit, limits.maxHistoryLimit);
    if (const auto *problem = std::get_if<ToolMessage>(&limit))
        return {std::nullopt, *problem};
    return {HistoryQuery{std::get<int>(limit)}, {}};
}

QStringList argumentNames(Tool tool)
{
    switch (tool) {
    case Tool::QueryPrometheus: return {u"query"_s, u"start"_s, u"end"_s, u"step"_s};
    case Tool::QueryLoki: return {u"query"_s, u"start"_s, u"end"_s, u"limit"_s};
    case Tool::ListSeries: return {u"match"_s, u"start"_s, u"end"_s};
    case Tool::AlertHistory: return {u"limit"_s};
    }
    return {};
}

} // namespace

QString ToolMessage::forModel() const
{
    return text ? filled(QString::fromUtf8(text), args) : QString();
}

QString ToolMessage::forPeople() const
{
    return text ? filled(QCoreApplication::translate("AnalysisTools", text), args) : QString();
}

QString toolName(Tool tool)
{
    switch (tool) {
    case Tool::QueryPrometheus: return u"query_prometheus"_s;
    case Tool::QueryLoki: return u"query_loki"_s;
    case Tool::ListSeries: return u"list_series"_s;
    case Tool::AlertHistory: return u"alert_history"_s;
    }
    return {};
}

std::optional<Tool> toolFromName(const QString &name)
{
    for (const Tool tool : allTools)
        if (toolName(tool) == name)
            return tool;
    return std::nullopt;
}

std::optional<qint64> parseDuration(QStringView text)
{
    if (text.isEmpty() || text.size() > 32)
        return std::nullopt;
    qint64 total = 0;
    qsizetype i = 0;
    while (i < text.size()) {
        qint64 number = 0;
        qsizetype digits = 0;
        while (i < text.size() && text.at(i).isDigit() && text.at(i).unicode() < 128) {
            if (++digits > 9)
                return std::nullopt;
            number = number * 10 + (text.at(i).unicode() - u'0');
            ++i;
        }
        if (digits == 0 || i >= text.size())
            return std::nullopt;
        qint64 unit = 0;
        switch (text.at(i).unicode()) {
        case u's': unit = 1; break;
        case u'm': unit = 60; break;
        case u'h': unit = 3600; break;
        case u'd': unit = 86400; break;
        case u'w': unit = 7 * 86400; break;
        default: return std::nullopt;
        }
        ++i;
        total += number * unit; // at most 32 / 2 groups of 999,999,999 weeks: no overflow
    }
    return total > 0 ? std::optional<qint64>(total) : std::nullopt;
}

std::optional<QDateTime> parseTime(const QJsonValue &value, const QDateTime &now)
{
    const auto fromUnix = [](double seconds) -> std::optional<QDateTime> {
        if (!std::isfinite(seconds) || seconds < 0 || seconds > latestUnixSeconds)
            return std::nullopt;
        return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(seconds * 1000)), Qt::UTC);
    };
    if (value.isDouble())
        return fromUnix(value.toDouble());
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString().trimmed();
    if (text.isEmpty() || text.size() > 40 || looksLikeUrl(text))
        return std::nullopt;
    static const QRegularExpression unix(u"^[0-9]{1,10}(\\.[0-9]{1,9})?$"_s);
    if (unix.match(text).hasMatch())
        return fromUnix(text.toDouble());
    if (text == u"now"_s)
        return now;
    QStringView rest(text);
    if (rest.startsWith(u"now"_s))
        rest = rest.sliced(3).trimmed();
    if (rest.startsWith(u'-')) {
        const std::optional<qint64> back = parseDuration(rest.sliced(1).trimmed());
        if (!back || *back > qint64(latestUnixSeconds))
            return std::nullopt;
        return now.addSecs(-*back);
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC); // RFC 3339 always has a zone; a model that left it out meant UTC
    return fromUnix(double(time.toMSecsSinceEpoch()) / 1000.0);
}

QString durationText(qint64 seconds)
{
    // Days from two days on, hours from one hour on: "24 h" reads better than "1 d".
    if (seconds >= 2 * 86400)
        return seconds % 86400 < 3600 ? u"%1 d"_s.arg(seconds / 86400)
                                      : u"%1 d %2 h"_s.arg(seconds / 86400).arg(seconds % 86400 / 3600);
    if (seconds >= 3600)
        return seconds % 3600 < 60 ? u"%1 h"_s.arg(seconds / 3600)
                                   : u"%1 h %2 min"_s.arg(seconds / 3600).arg(seconds % 3600 / 60);
    if (seconds >= 60 && seconds % 60 == 0)
        return u"%1 min"_s.arg(seconds / 60);
    return u"%1 s"_s.arg(seconds);
}

Parsed parse(const QString &name, const QString &argumentsJson, const QDateTime &now, const Limits &limits)
{
    const std::optional<Tool> tool = toolFromName(name);
    if (!tool) {
        QStringList names;
        for (const Tool known : allTools)
            names << toolName(known);
        return refused(QT_TRANSLATE_NOOP("AnalysisTools", "There is no tool named %1. The tools are: %2."),
                       {quotedValue(name), names.join(u", "_s)});
    }
    if (argumentsJson.size() > limits.maxArgumentBytes)
        return refused(QT_TRANSLATE_NOOP("AnalysisTools",
                                         "The arguments are %1 characters long; at most %2 are "
                                         "accepted."),
                       {QString::number(argumentsJson.size()), QString::number(limits.maxArgumentBytes)});
    QJsonObject arguments;
    if (!argumentsJson.trimmed().isEmpty()) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(argumentsJson.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            return refused(QT_TRANSLATE_NOOP("AnalysisTools",
                                             "The arguments are not valid JSON (%1 at character %2). Send one JSON "
                                             "object such as {\"query\": \"up\"}."),
                           {error.errorString(), QString::number(error.offset)});
        if (!document.isObject())
            return refused(QT_TRANSLATE_NOOP("AnalysisTools", "The arguments must be a JSON object, not %1."),
                           {quotedValue(QString::fromUtf8(document.toJson(QJsonDocument::Compact)))});
        arguments = document.object();
    }
    const QStringList known = argumentNames(*tool);
    for (auto it = arguments.begin(); it != arguments.end(); ++it) {
        if (!known.contains(it.key()))
            return refused(QT_TRANSLATE_NOOP("AnalysisTools",
                                             "%1 takes no argument %2 (only %3). The data source is the one "
                                             "AlertDeck is configured with; no host or URL can be chosen."),
                           {toolName(*tool), quotedValue(it.key()), known.join(u", "_s)});
        if (it.value().isString() && looksLikeUrl(it.value().toString()))
            return refused(QT_TRANSLATE_NOOP("AnalysisTools",
                                             "%1 is a URL. The tools ask only the data sources AlertDeck is "
                                             "configured with; give \"%2\" without a host."),
                           {quotedValue(it.value().toString()), it.key()});
    }
    switch (*tool) {
    case Tool::QueryPrometheus: return prometheusQuery(arguments, now, limits);
    case Tool::QueryLoki: return lokiQuery(arguments, now, limits);
    case Tool::ListSeries: return seriesQuery(arguments, now, limits);
    case Tool::AlertHistory: return historyQuery(arguments, limits);
    }
    return {};
}

} // namespace AnalysisToolArguments
