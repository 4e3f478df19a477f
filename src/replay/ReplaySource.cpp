#include "replay/ReplaySource.h"

#include "ingest/PayloadParser.h"
#include "model/AlertFilter.h"
#include "store/PayloadExport.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ReplaySource)
};

QString originOf(const QString &fileName, int line)
{
    return line > 0 ? u"%1:%2"_s.arg(fileName).arg(line) : fileName;
}

// An export record ({"receivedAt", "path", "body"}) or a payload itself.
std::optional<ReplayItem> itemFrom(const QJsonValue &value, const QByteArray &raw, const QString &origin,
                                   QString *problem)
{
    const QJsonObject object = value.toObject();
    if (value.isObject() && object.value(u"body"_s).isString()) {
        ReplayItem item;
        item.body = object.value(u"body"_s).toString().toUtf8();
        item.origin = origin;
        item.receivedAt = parseRfc3339(object.value(u"receivedAt"_s).toString());
        if (object.contains(u"receivedAt"_s) && !item.receivedAt.isValid()) {
            *problem
                = Text::tr("receivedAt \"%1\" is not an RFC 3339 time").arg(object.value(u"receivedAt"_s).toString());
            return std::nullopt;
        }
        const QString path = object.value(u"path"_s).toString();
        if (path.startsWith(u'/'))
            item.path = path;
        return item;
    }
    if (!value.isObject() && !value.isArray()) {
        *problem = Text::tr("a JSON value that is not a webhook payload");
        return std::nullopt;
    }
    ReplayItem item;
    item.body = raw.trimmed();
    item.origin = origin;
    return item;
}

// Only what the listener would take is replayed; what it would refuse is reported now.
bool accept(ReplayItem &item, const PayloadLimits &limits, QString *problem)
{
    const PayloadFormat format = formatForEndpoint(item.path.toUtf8()).value_or(PayloadFormat::Auto);
    const PayloadParseResult parsed = parsePayload(item.body, format, QDateTime::currentDateTimeUtc(), limits);
    if (!parsed.ok()) {
        *problem = parsed.error->message;
        return false;
    }
    for (const Alert &alert : parsed.payload.alerts)
        if (alert.startsAt.isValid() && (!item.alertsStartAt.isValid() || alert.startsAt < item.alertsStartAt))
            item.alertsStartAt = alert.startsAt;
    return true;
}

void readNdjson(const QByteArray &content, const QString &fileName, const PayloadLimits &limits,
                ReplaySource::Result &result)
{
    int lineNumber = 0;
    for (const QByteArray &line : content.split('\n')) {
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        QString problem;
        if (error.error != QJsonParseError::NoError)
            problem = Text::tr("not JSON (%1 at character %2)").arg(error.errorString()).arg(error.offset + 1);
        else if (auto item
                 = itemFrom(document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()), line,
                            originOf(fileName, lineNumber), &problem);
                 item && accept(*item, limits, &problem))
            result.items.append(*item);
        if (!problem.isEmpty())
            result.problems.append({fileName, lineNumber, problem});
    }
}

} // namespace

QString ReplayProblem::text() const
{
    return u"%1: %2"_s.arg(originOf(file, line), message);
}

namespace ReplaySource {

Result readContent(const QByteArray &content, const QString &fileName, const PayloadLimits &limits)
{
    Result result;
    const QByteArray trimmed = content.trimmed();
    if (trimmed.isEmpty()) {
        result.problems.append({fileName, 0, Text::tr("the file is empty")});
        return result;
    }
    QJsonParseError error;
    const QJsonDocument whole = QJsonDocument::fromJson(trimmed, &error);
    if (error.error == QJsonParseError::NoError && whole.isArray()) {
        // One payload that is an array (a Nightingale batch), or an array of payloads.
        QString notABatch;
        if (ReplayItem batch{{}, u"/webhook"_s, trimmed, fileName}; accept(batch, limits, &notABatch)) {
            result.items.append(batch);
            return result;
        }
        const QJsonArray array = whole.array();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonValue value = array.at(i);
            const QByteArray raw = value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                                    : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
            QString problem;
            if (auto item = itemFrom(value, raw, u"%1[%2]"_s.arg(fileName).arg(i), &problem);
                item && accept(*item, limits, &problem))
                result.items.append(*item);
            else
                result.problems.append({u"%1[%2]"_s.arg(fileName).arg(i), 0, problem});
        }
        return result;
    }
    if (error.error == QJsonParseError::NoError && whole.isObject()) {
        QString problem;
        if (auto item = itemFrom(whole.object(), trimmed, fileName, &problem); item && accept(*item, limits, &problem))
            result.items.append(*item);
        else
            result.problems.append({fileName, 0, problem});
        return result;
    }
    // Several JSON documents, one per line; if none is, the file is not JSON at all.
    Result lines;
    readNdjson(content, fileName, limits, lines);
    if (lines.items.isEmpty()) {
        result.problems.append(
            {fileName, 0,
             Text::tr("not JSON: expected a webhook payload, a JSON array of payloads or NDJSON (%1 at character %2)")
                 .arg(error.errorString())
                 .arg(error.offset + 1)});
        return result;
    }
    return lines;
}

Result fromHistory(const QString &storePath, const QDateTime &since, const QDateTime &until, const QString &matchers,
                   const PayloadLimits &limits)
{
    Result result;
    const ::Result<AlertFilter> filter = AlertFilter::parse(matchers);
    if (!filter) {
        result.problems.append({matchers, 0, filter.error()});
        return result;
    }
    QBuffer exported;
    exported.open(QIODevice::WriteOnly);
    if (const ::Result<qint64> written = PayloadExport::run(storePath, {since, until}, exported); !written) {
        result.problems.append({storePath, 0, written.error()});
        return result;
    }
    result = readContent(exported.data(), Text::tr("history"), limits);
    if (result.items.isEmpty() && result.problems.size() == 1 && exported.data().isEmpty())
        result.problems.clear(); // nothing in the range is not a problem
    if (!filter->isEmpty()) {
        QList<ReplayItem> kept;
        for (const ReplayItem &item : std::as_const(result.items)) {
            const PayloadParseResult parsed = parsePayload(item.body, PayloadFormat::Auto, item.receivedAt, limits);
            if (std::any_of(parsed.payload.alerts.cbegin(), parsed.payload.alerts.cend(),
                            [&filter](const Alert &alert) { return filter->matches(alert); }))
                kept.append(item);
        }
        result.items = kept;
    }
    std::stable_sort(result.items.begin(), result.items.end(),
                     [](const ReplayItem &a, const ReplayItem &b) { return a.receivedAt < b.receivedAt; });
    return result;
}

Result read(const QStringList &paths, const PayloadLimits &limits)
{
    Result result;
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            const QStringList names
                = QDir(path).entryList({u"*.json"_s, u"*.ndjson"_s, u"*.jsonl"_s}, QDir::Files, QDir::Name);
            if (names.isEmpty())
                result.problems.append({path, 0, Text::tr("no .json, .ndjson or .jsonl files in this folder")});
            for (const QString &name : names)
                files << QDir(path).filePath(name);
        } else {
            files << path;
        }
    }
    for (const QString &file : std::as_const(files)) {
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly)) {
            result.problems.append({file, 0, Text::tr("cannot be read: %1").arg(input.errorString())});
            continue;
        }
        const Result one = readContent(input.readAll(), file, limits);
        result.items.append(one.items);
        result.problems.append(one.problems);
    }
    // Recorded times give the order; items without one keep their place after the previous.
    const bool allTimed = std::all_of(result.items.cbegin(), result.items.cend(),
                                      [](const ReplayItem &item) { return item.receivedAt.isValid(); });
    if (allTimed)
        std::stable_sort(result.items.begin(), result.items.end(),
                         [](const ReplayItem &a, const ReplayItem &b) { return a.receivedAt < b.receivedAt; });
    return result;
}

} // namespace ReplaySource
