#include "context/ContextData.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ContextResponse)
};

LabelMap labelsOf(const QJsonObject &object)
{
    LabelMap labels;
    for (auto it = object.begin(); it != object.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

QString plainText(const QByteArray &body)
{
    QString text = QString::fromUtf8(body).trimmed();
    return text.size() > 500 ? text.left(500) + u'…' : text;
}

} // namespace

namespace ContextResponse {

MetricResult parsePrometheus(int httpStatus, const QByteArray &body)
{
    MetricResult result;
    result.httpStatus = httpStatus;
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(body, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || !object.contains(u"status"_s)) {
        result.errorType = u"response"_s;
        result.error = httpStatus >= 200 && httpStatus < 300
            ? Text::tr("the answer is not Prometheus's API (HTTP %1)").arg(httpStatus)
            : Text::tr("HTTP %1: %2").arg(httpStatus).arg(plainText(body));
        return result;
    }
    if (object.value(u"status"_s).toString() != u"success"_s) {
        result.errorType = object.value(u"errorType"_s).toString();
        result.error = object.value(u"error"_s).toString();
        return result;
    }
    const QJsonObject data = object.value(u"data"_s).toObject();
    if (data.value(u"resultType"_s).toString() != u"matrix"_s) {
        result.errorType = u"response"_s;
        result.error
            = Text::tr("expected a range (matrix) result, got \"%1\"").arg(data.value(u"resultType"_s).toString());
        return result;
    }
    for (const QJsonValue &entry : data.value(u"result"_s).toArray()) {
        Series series;
        series.labels = labelsOf(entry.toObject().value(u"metric"_s).toObject());
        const QJsonArray values = entry.toObject().value(u"values"_s).toArray();
        series.samples.reserve(values.size());
        for (const QJsonValue &pair : values) {
            const QJsonArray sample = pair.toArray();
            // Values are strings: "NaN", "+Inf" and "-Inf" become gaps.
            bool ok = false;
            double value = sample.at(1).toString().toDouble(&ok);
            if (!ok || std::isinf(value))
                value = std::numeric_limits<double>::quiet_NaN();
            series.samples.append({qint64(std::llround(sample.at(0).toDouble() * 1000)), value});
        }
        result.series.append(series);
    }
    result.ok = true;
    return result;
}

LogResult parseLoki(int httpStatus, const QByteArray &body)
{
    LogResult result;
    result.httpStatus = httpStatus;
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(body, &parseError).object();
    if (httpStatus < 200 || httpStatus >= 300 || parseError.error != QJsonParseError::NoError) {
        // Loki's errors are plain text: shown as they are.
        result.error = httpStatus >= 200 && httpStatus < 300
            ? Text::tr("the answer is not Loki's API (HTTP %1)").arg(httpStatus)
            : Text::tr("HTTP %1: %2").arg(httpStatus).arg(plainText(body));
        return result;
    }
    if (object.value(u"status"_s).toString() != u"success"_s) {
        result.error = object.value(u"error"_s).toString(plainText(body));
        return result;
    }
    const QJsonObject data = object.value(u"data"_s).toObject();
    for (const QJsonValue &entry : data.value(u"result"_s).toArray()) {
        const LabelMap stream = labelsOf(entry.toObject().value(u"stream"_s).toObject());
        for (const QJsonValue &pair : entry.toObject().value(u"values"_s).toArray()) {
            const QJsonArray value = pair.toArray();
            result.lines.append({value.at(0).toString().toLongLong(), value.at(1).toString(), stream});
        }
    }
    std::stable_sort(result.lines.begin(), result.lines.end(),
                     [](const LogLine &a, const LogLine &b) { return a.ns < b.ns; });
    result.ok = true;
    return result;
}

namespace {

// The "data" of a Loki answer, or why there is none.
std::optional<QJsonValue> lokiData(int httpStatus, const QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(body, &parseError).object();
    if (httpStatus < 200 || httpStatus >= 300 || parseError.error != QJsonParseError::NoError) {
        *error = httpStatus >= 200 && httpStatus < 300
            ? Text::tr("the answer is not Loki's API (HTTP %1)").arg(httpStatus)
            : Text::tr("HTTP %1: %2").arg(httpStatus).arg(plainText(body));
        return std::nullopt;
    }
    if (object.value(u"status"_s).toString() != u"success"_s) {
        *error = object.value(u"error"_s).toString(plainText(body));
        return std::nullopt;
    }
    return object.value(u"data"_s);
}

} // namespace

LokiLabelNames parseLokiLabels(int httpStatus, const QByteArray &body)
{
    LokiLabelNames result;
    const std::optional<QJsonValue> data = lokiData(httpStatus, body, &result.error);
    if (!data)
        return result;
    static const QRegularExpression valid(u"^[A-Za-z_][A-Za-z0-9_]{0,127}$"_s);
    for (const QJsonValue &name : data->toArray()) {
        if (result.names.size() >= maxLokiLabelNames)
            break;
        // Names only ever go into a selector after this check.
        if (const QString text = name.toString(); valid.match(text).hasMatch())
            result.names << text;
    }
    result.ok = true;
    return result;
}

LokiSeries parseLokiSeries(int httpStatus, const QByteArray &body)
{
    LokiSeries result;
    const std::optional<QJsonValue> data = lokiData(httpStatus, body, &result.error);
    if (!data)
        return result;
    const QJsonArray streams = data->toArray();
    for (const QJsonValue &stream : streams) {
        if (result.streams.size() >= maxLokiSeries) {
            result.more = true;
            break;
        }
        result.streams << labelsOf(stream.toObject());
    }
    result.ok = true;
    return result;
}

} // namespace ContextResponse
