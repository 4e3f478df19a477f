#include "analysis/AnalysisToolText.h"

#include "analysis/AnalysisPrompt.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace AnalysisToolArguments;

namespace {

QString cut(const QString &text, qsizetype length)
{
    return text.size() > length ? text.left(length) + u'…' : text;
}

// A JSON string literal.
QString quoted(const QString &text)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject labelsJson(const LabelMap &labels)
{
    QJsonObject object;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        object.insert(cut(it.key(), 200), cut(it.value(), AnalysisToolText::maxLineCharacters / 4));
    return object;
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QJsonValue number(double value)
{
    if (!std::isfinite(value))
        return QJsonValue::Null;
    return QString::number(value, 'g', 6).toDouble();
}

// The header, then as many lines as the budget holds (in the order given), then a note
// when some were left out. Each line is bounded, so this is linear in what is kept.
struct Assembled {
    QString text;
    int kept = 0;
};

Assembled assemble(const QStringList &header, const QStringList &lines, int budgetTokens, const QString &leftOutNote)
{
    Assembled result;
    result.text = header.join(u'\n');
    int used = AnalysisPrompt::estimateTokens(result.text);
    for (const QString &line : lines) {
        const int cost = AnalysisPrompt::estimateTokens(line) + 1;
        if (used + cost > budgetTokens)
            break;
        used += cost;
        result.text += u'\n' + line;
        ++result.kept;
    }
    if (result.kept < lines.size())
        result.text += u'\n' + leftOutNote.arg(result.kept).arg(lines.size()).arg(budgetTokens);
    return result;
}

QString rangeLine(const ContextPlan::Window &window)
{
    return u"range: %1 to %2"_s.arg(iso(window.start), iso(window.end));
}

} // namespace

AnalysisToolText::Text AnalysisToolText::prometheus(const PrometheusQuery &request, const MetricResult &result,
                                                    int budgetTokens)
{
    const QString tool = toolName(Tool::QueryPrometheus);
    if (!result.ok)
        return failure(tool, u"Prometheus"_s,
                       result.errorType.isEmpty() || result.errorType == u"network"_s
                           ? result.error
                           : result.errorType + u": "_s + result.error);
    qsizetype points = 0;
    QStringList lines;
    for (const Series &series : result.series) {
        double min = INFINITY, max = -INFINITY, sum = 0, last = NAN;
        qsizetype values = 0;
        for (const Sample &sample : series.samples) {
            if (std::isnan(sample.value))
                continue;
            min = std::min(min, sample.value);
            max = std::max(max, sample.value);
            sum += sample.value;
            last = sample.value;
            ++values;
        }
        points += series.samples.size();
        QJsonArray sampled;
        const qsizetype n = series.samples.size();
        const qsizetype shown = std::min<qsizetype>(n, sampledPoints);
        for (qsizetype i = 0; i < shown; ++i) {
            const Sample &sample = series.samples.at(shown == 1 ? 0 : i * (n - 1) / (shown - 1));
            sampled.append(QJsonArray{iso(sample.ms), number(sample.value)});
        }
        QJsonObject line{{u"labels"_s, labelsJson(series.labels)}, {u"samples"_s, qint64(n)}};
        if (values > 0) {
            line.insert(u"min"_s, number(min));
            line.insert(u"max"_s, number(max));
            line.insert(u"mean"_s, number(sum / double(values)));
            line.insert(u"last"_s, number(last));
        }
        line.insert(u"points"_s, sampled);
        lines << compact(line);
    }
    const QStringList header{
        tool + u" result from the configured Prometheus"_s,
        u"query: "_s + quoted(cut(request.query, maxEchoCharacters)),
        rangeLine(request.window) + u", step %1s"_s.arg(request.window.stepSeconds),
        u"series: %1 (each with its label set, statistics and up to %2 evenly sampled points [time, value]; null "
        "is a gap)"_s.arg(result.series.size())
            .arg(sampledPoints)};
    QStringList complete = header;
    if (result.series.isEmpty())
        complete << u"Nothing matched in this range: check metric and label names with list_series."_s;
    const Assembled text = assemble(complete, lines, budgetTokens,
                                    u"[trimmed: %1 of %2 series shown, to stay within about %3 tokens. Narrow the "
                                    "query (more label matchers, aggregate with sum/topk) to see the rest.]"_s);
    return {text.text, tr("%n series, %1 points", nullptr, int(result.series.size())).arg(points),
            text.kept < lines.size()};
}

AnalysisToolText::Text AnalysisToolText::loki(const LokiQuery &request, const LogResult &result, int budgetTokens)
{
    const QString tool = toolName(Tool::QueryLoki);
    if (!result.ok)
        return failure(tool, u"Loki"_s, result.error);
    // Newest first until the budget is spent, each stream's labels listed once.
    QHash<QString, int> streamIndex; // by the labels' JSON
    QStringList streams;
    QStringList kept; // newest first
    const QStringList header{tool + u" result from the configured Loki"_s,
                             u"query: "_s + quoted(cut(request.query, maxEchoCharacters)),
                             rangeLine(request.window) + u", limit %1 (the newest lines)"_s.arg(request.limit),
                             u"lines: %1, oldest first, as: time stream-number line"_s.arg(result.lines.size())};
    int used = AnalysisPrompt::estimateTokens(header.join(u'\n')) + 40; // the note
    for (qsizetype i = result.lines.size() - 1; i >= 0; --i) {
        const LogLine &line = result.lines.at(i);
        const QString labels = compact(labelsJson(line.stream));
        QString streamLine;
        int index = streamIndex.value(labels, -1);
        if (index < 0) {
            index = int(streams.size()) + 1;
            streamLine = u"stream %1: "_s.arg(index) + labels;
        }
        const QString text = iso(line.ns / 1'000'000) + u" s"_s + QString::number(index) + u' '
            + quoted(cut(line.line, maxLineCharacters));
        const int cost = AnalysisPrompt::estimateTokens(text) + 1
            + (streamLine.isEmpty() ? 0 : AnalysisPrompt::estimateTokens(streamLine) + 1);
        if (used + cost > budgetTokens)
            break;
        used += cost;
        if (!streamLine.isEmpty()) {
            streamIndex.insert(labels, index);
            streams << streamLine;
        }
        kept << text;
    }
    std::reverse(kept.begin(), kept.end());
    QString text = header.join(u'\n');
    for (const QString &line : std::as_const(streams))
        text += u'\n' + line;
    for (const QString &line : std::as_const(kept))
        text += u'\n' + line;
    const bool trimmed = kept.size() < result.lines.size();
    if (trimmed)
        text += u"\n[trimmed: the newest %1 of %2 lines shown, to stay within about %3 tokens. Add line filters "
                "(|= \"error\") or shorten the range to see others.]"_s.arg(kept.size())
                    .arg(result.lines.size())
                    .arg(budgetTokens);
    return {text, tr("%n log line(s)", nullptr, int(result.lines.size())), trimmed};
}

AnalysisToolText::Text AnalysisToolText::series(const SeriesQuery &request, const ContextClient::SeriesList &result,
                                                int budgetTokens)
{
    const QString tool = toolName(Tool::ListSeries);
    if (!result.ok)
        return failure(tool, u"Prometheus"_s, result.error);
    QStringList lines;
    for (const LabelMap &labels : result.series)
        lines << compact(labelsJson(labels));
    QStringList header{tool + u" result from the configured Prometheus"_s,
                       u"match: "_s + quoted(cut(request.match, maxEchoCharacters)), rangeLine(request.window),
                       u"series: %1"_s.arg(result.series.size())};
    if (result.more)
        header.last() += u" (there are more: narrow the selector to see them)"_s;
    const Assembled text = assemble(header, lines, budgetTokens,
                                    u"[trimmed: %1 of %2 series shown, to stay within about %3 tokens. Narrow the "
                                    "selector to see the rest.]"_s);
    const QString summary = result.more ? tr("more than %n series", nullptr, int(result.series.size()))
                                        : tr("%n series", nullptr, int(result.series.size()));
    return {text.text, summary, text.kept < lines.size() || result.more};
}

AnalysisToolText::Text AnalysisToolText::history(const HistoryQuery &request,
                                                 const QList<StoredOccurrence> &occurrences, const QDateTime &current,
                                                 int budgetTokens)
{
    const QString tool = toolName(Tool::AlertHistory);
    QStringList lines;
    for (qsizetype i = occurrences.size() - 1; i >= 0 && lines.size() < request.limit; --i) {
        const StoredOccurrence &occurrence = occurrences.at(i);
        QJsonObject line{{u"startsAt"_s, iso(occurrence.startsAt)}, {u"state"_s, stateName(occurrence.state)}};
        if (occurrence.endsAt.isValid()) {
            line.insert(u"endsAt"_s, iso(occurrence.endsAt));
            line.insert(u"minutes"_s, double(occurrence.startsAt.secsTo(occurrence.endsAt) / 6) / 10.0);
        }
        if (current.isValid() && occurrence.startsAt == current)
            line.insert(u"current"_s, true);
        lines << compact(line);
    }
    const QStringList header{
        tool + u" result from AlertDeck's store"_s,
        u"occurrences stored: %1; newest first, at most %2 shown"_s.arg(occurrences.size()).arg(request.limit)};
    const Assembled text = assemble(header, lines, budgetTokens,
                                    u"[trimmed: %1 of %2 occurrences shown, to stay within about %3 tokens.]"_s);
    return {text.text, tr("%n occurrence(s)", nullptr, int(occurrences.size())), text.kept < lines.size()};
}

AnalysisToolText::Text AnalysisToolText::refusal(const QString &tool, const ToolMessage &why, bool retry)
{
    const QString next = retry ? u" Nothing was queried; correct the call or answer with the evidence you have."_s
                               : u" Nothing was queried."_s;
    return {tool + u" refused: "_s + why.forModel() + next, tr("Refused: %1").arg(why.forPeople()), false};
}

AnalysisToolText::Text AnalysisToolText::failure(const QString &tool, const QString &source, const QString &error)
{
    return {u"%1 failed, asking the configured %2: %3"_s.arg(tool, source, quoted(cut(error, maxLineCharacters))),
            tr("Failed: %1").arg(cut(error, 200)), false};
}
