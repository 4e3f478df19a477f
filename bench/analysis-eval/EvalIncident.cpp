#include "EvalIncident.h"

#include "cli/PayloadAlert.h"
#include "context/PromQlSplit.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 maxFileBytes = 8 * 1024 * 1024;

Result<QByteArray> readFile(const QString &path, bool optional = false)
{
    QFile file(path);
    if (!file.exists() && optional)
        return QByteArray();
    if (!file.open(QIODevice::ReadOnly))
        return Failure{u"cannot read %1: %2"_s.arg(path, file.errorString())};
    if (file.size() > maxFileBytes)
        return Failure{u"%1 is larger than %2 bytes"_s.arg(path).arg(maxFileBytes)};
    return file.readAll();
}

// The request's parameters, from its query and (a form POST) its body.
QUrlQuery parameters(const HttpRequest &request)
{
    QUrlQuery query;
    const auto add = [&query](const QByteArray &encoded) {
        // '+' is a space in a form; the clients encode a literal plus as %2B.
        const QUrlQuery part(QString::fromUtf8(encoded).replace(u'+', u' '));
        for (const auto &[key, value] : part.queryItems(QUrl::FullyDecoded))
            query.addQueryItem(key, value);
    };
    if (const qsizetype question = request.target.indexOf('?'); question >= 0)
        add(request.target.mid(question + 1));
    if (request.method == "POST")
        add(request.body);
    return query;
}

QJsonArray lokiStreams(const QByteArray &loki)
{
    return QJsonDocument::fromJson(loki).object().value(u"data"_s).toObject().value(u"result"_s).toArray();
}

// The name="value" matchers of a stream selector (what discovery sends: only equality).
QList<std::pair<QString, QString>> equalityMatchers(const QString &selector)
{
    static const QRegularExpression matcher(uR"re(([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)")re"_s);
    QList<std::pair<QString, QString>> matchers;
    for (auto it = matcher.globalMatch(selector); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        QString value = match.captured(2);
        value.replace(u"\\\""_s, u"\""_s).replace(u"\\\\"_s, u"\\"_s);
        matchers.append({match.captured(1), value});
    }
    return matchers;
}

bool matches(const QJsonObject &labels, const QList<std::pair<QString, QString>> &matchers)
{
    return !matchers.isEmpty() && std::all_of(matchers.cbegin(), matchers.cend(), [&labels](const auto &matcher) {
        return labels.value(matcher.first).toString() == matcher.second;
    });
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

Result<EvalIncident> EvalIncident::load(const QString &folder)
{
    const QDir dir(folder);
    EvalIncident incident;
    incident.name = dir.dirName();

    const PayloadAlert payload = PayloadAlert::load(dir.filePath(u"payload.json"_s), 1);
    if (!payload.error.isEmpty())
        return Failure{payload.error};
    incident.alert = payload.alert;

    const QDir prometheus(dir.filePath(u"prometheus"_s));
    for (const QString &file : prometheus.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        const Result<QByteArray> body = readFile(prometheus.filePath(file));
        if (!body)
            return body.failure();
        incident.prometheus.insert(file.chopped(5), *body);
    }
    const Result<QByteArray> loki = readFile(dir.filePath(u"loki.json"_s), true);
    if (!loki)
        return loki.failure();
    incident.loki = *loki;
    if (dir.exists(u"queries.txt"_s))
        incident.queriesFile = dir.absoluteFilePath(u"queries.txt"_s);

    const Result<QByteArray> cause = readFile(dir.filePath(u"cause.json"_s));
    if (!cause)
        return cause.failure();
    const QJsonObject causeObject = QJsonDocument::fromJson(*cause).object();
    incident.causeTitle = causeObject.value(u"title"_s).toString();
    for (const QJsonValue &keyword : causeObject.value(u"keywords"_s).toArray())
        incident.causeKeywords << keyword.toString().toLower();
    for (const QJsonValue &defect : causeObject.value(u"defects"_s).toArray())
        incident.defects << defect.toString();
    if (incident.causeTitle.isEmpty() || incident.causeKeywords.isEmpty())
        return Failure{u"%1: cause.json needs a title and keywords"_s.arg(dir.path())};

    const Result<QByteArray> answer = readFile(dir.filePath(u"answer.md"_s));
    if (!answer)
        return answer.failure();
    incident.answer = QString::fromUtf8(*answer);
    const Result<QByteArray> reasoning = readFile(dir.filePath(u"reasoning.md"_s), true);
    if (!reasoning)
        return reasoning.failure();
    incident.reasoning = QString::fromUtf8(*reasoning).trimmed();
    return incident;
}

Result<QList<EvalIncident>> EvalIncident::loadAll(const QString &root)
{
    const QDir dir(root);
    if (!dir.exists())
        return Failure{u"no incidents folder at %1"_s.arg(root)};
    QList<EvalIncident> incidents;
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        Result<EvalIncident> incident = load(dir.filePath(name));
        if (!incident)
            return incident.failure();
        incidents << std::move(incident).value();
    }
    return incidents;
}

bool EvalIncident::causeMatches(const QString &hypothesisTitle) const
{
    const QString title = hypothesisTitle.toLower();
    return std::any_of(causeKeywords.cbegin(), causeKeywords.cend(),
                       [&title](const QString &keyword) { return title.contains(keyword); });
}

LoopbackServer::Response EvalIncident::serve(const HttpRequest &request) const
{
    const QUrlQuery query = parameters(request);
    if (request.path == "/api/v1/query_range") {
        const QString expression = query.queryItemValue(u"query"_s, QUrl::FullyDecoded);
        const PromQlSplit split = PromQlSplitter::split(alert.promQl);
        if (!alert.promQl.isEmpty() && expression == split.valueExpression && prometheus.contains(u"alert"_s))
            return {200, prometheus.value(u"alert"_s)};
        QString best;
        for (auto it = prometheus.cbegin(); it != prometheus.cend(); ++it)
            if (it.key() != u"alert"_s && expression.contains(it.key()) && it.key().size() > best.size())
                best = it.key();
        if (!best.isEmpty())
            return {200, prometheus.value(best)};
        return {200, R"({"status":"success","data":{"resultType":"matrix","result":[]}})"};
    }
    if (request.path == "/api/v1/query")
        return {200, R"({"status":"success","data":{"resultType":"vector","result":[]}})"};
    if (request.path == "/api/v1/series")
        return {200, R"({"status":"success","data":[]})"};
    if (request.path == "/loki/api/v1/query_range") {
        // As Loki would: only the streams the query's selector matches (its name="value"
        // matchers; the stand-in reads no others), the rest of the answer as recorded.
        const QString logQl = query.queryItemValue(u"query"_s, QUrl::FullyDecoded);
        const auto matchers = equalityMatchers(logQl.left(logQl.indexOf(u'}') + 1));
        QJsonObject answer = QJsonDocument::fromJson(loki).object();
        QJsonObject data = answer.value(u"data"_s).toObject();
        QJsonArray kept;
        for (const QJsonValue &stream : data.value(u"result"_s).toArray())
            if (matches(stream.toObject().value(u"stream"_s).toObject(), matchers))
                kept.append(stream);
        data.insert(u"resultType"_s, u"streams"_s);
        data.insert(u"result"_s, kept);
        answer.insert(u"status"_s, u"success"_s);
        answer.insert(u"data"_s, data);
        return {200, json(answer)};
    }
    if (request.path == "/loki/api/v1/labels") {
        QSet<QString> names;
        for (const QJsonValue &stream : lokiStreams(loki))
            for (const QString &name : stream.toObject().value(u"stream"_s).toObject().keys())
                names.insert(name);
        QStringList sorted(names.cbegin(), names.cend());
        sorted.sort();
        return {200, json({{u"status"_s, u"success"_s}, {u"data"_s, QJsonArray::fromStringList(sorted)}})};
    }
    if (request.path == "/loki/api/v1/series") {
        const auto matchers = equalityMatchers(query.queryItemValue(u"match[]"_s, QUrl::FullyDecoded));
        QJsonArray found;
        for (const QJsonValue &stream : lokiStreams(loki))
            if (const QJsonObject labels = stream.toObject().value(u"stream"_s).toObject(); matches(labels, matchers))
                found.append(labels);
        return {200, json({{u"status"_s, u"success"_s}, {u"data"_s, found}})};
    }
    return {404, "404 page not found\n", "text/plain; charset=utf-8"};
}
