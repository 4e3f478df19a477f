#include "context/InstantValues.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(InstantValues)
};

// Prometheus writes a sample as [seconds, "value"], the value a string ("NaN", "+Inf" too).
double valueOf(const QJsonArray &pair)
{
    bool ok = false;
    const QString text = pair.at(1).toString();
    const double value = text == u"+Inf"_s ? qInf() : text == u"-Inf"_s ? -qInf() : text.toDouble(&ok);
    return ok || std::isinf(value) ? value : qQNaN();
}

} // namespace

namespace InstantValues {

InstantResult parse(int httpStatus, const QByteArray &body)
{
    InstantResult result;
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(body, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || !object.contains(u"status"_s)) {
        QString text = QString::fromUtf8(body.left(500)).trimmed();
        result.error = httpStatus >= 200 && httpStatus < 300
            ? Text::tr("the answer is not Prometheus's API (HTTP %1)").arg(httpStatus)
            : Text::tr("HTTP %1: %2").arg(httpStatus).arg(text);
        return result;
    }
    if (object.value(u"status"_s).toString() != u"success"_s) {
        result.error = object.value(u"error"_s).toString().left(500);
        return result;
    }
    const QJsonObject data = object.value(u"data"_s).toObject();
    const QString type = data.value(u"resultType"_s).toString();
    if (type == u"scalar"_s) {
        result.values.append({LabelMap{}, valueOf(data.value(u"result"_s).toArray())});
    } else if (type == u"vector"_s) {
        const QJsonArray series = data.value(u"result"_s).toArray();
        for (qsizetype i = 0; i < std::min(series.size(), maxSeries); ++i) {
            const QJsonObject entry = series.at(i).toObject();
            LabelMap labels;
            const QJsonObject metric = entry.value(u"metric"_s).toObject();
            for (auto it = metric.begin(); it != metric.end(); ++it)
                labels.insert(it.key(), it.value().toString());
            result.values.append({labels, valueOf(entry.value(u"value"_s).toArray())});
        }
    } else {
        result.error = Text::tr("expected an instant (vector) result, got \"%1\"").arg(type.left(50));
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace InstantValues
