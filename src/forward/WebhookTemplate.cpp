#include "forward/WebhookTemplate.h"

#include "forward/tools/MessageLayout.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(WebhookTemplate)
};

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(u"\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*\\}\\}"_s);
    return pattern;
}

const QStringList fixedNames{u"title"_s,           u"text"_s,          u"alert.name"_s,     u"alert.state"_s,
                             u"alert.severity"_s,  u"alert.target"_s,  u"alert.summary"_s,  u"alert.startsAt"_s,
                             u"alert.endsAt"_s,    u"analysis"_s,      u"analysis.model"_s, u"links.source"_s,
                             u"links.dashboard"_s, u"links.runbook"_s, u"links.silence"_s,  u"related"_s,
                             u"related.count"_s,   u"related.alerts"_s};
const QString relatedAlertsName = u"related.alerts"_s;
const QString labelPrefix = u"alert.labels."_s;

bool known(const QString &name)
{
    return fixedNames.contains(name) || (name.startsWith(labelPrefix) && name.size() > labelPrefix.size());
}

QString rawState(const ForwardMessage &message)
{
    if (!message.state)
        return {};
    return message.isResolved() ? u"resolved"_s : u"firing"_s;
}

QString rawSeverity(Severity severity, const QString &severityText)
{
    if (!severityText.isEmpty())
        return severityText;
    switch (severity) {
    case Severity::Critical: return u"critical"_s;
    case Severity::Warning: return u"warning"_s;
    case Severity::Info: return u"info"_s;
    case Severity::None:
    case Severity::Other: break;
    }
    return {};
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QJsonArray relatedAlerts(const ForwardMessage &message)
{
    QJsonArray alerts;
    for (const ForwardMessage::Related &related : message.related)
        alerts.append(QJsonObject{{u"name"_s, related.name},
                                  {u"state"_s, related.state == AlertState::Resolved ? u"resolved"_s : u"firing"_s},
                                  {u"severity"_s, rawSeverity(related.severity, related.severityText)},
                                  {u"target"_s, related.target},
                                  {u"summary"_s, related.summary},
                                  {u"startsAt"_s, isoTime(related.startsAt)}});
    return alerts;
}

// One line per listed member, then "and N more"; empty for a single alert.
QString relatedText(const ForwardMessage &message)
{
    QStringList lines;
    for (const ForwardMessage::Related &related : message.related)
        lines << MessageLayout::relatedLine(related);
    if (const QString more = message.moreRelatedText(message.related.size()); !more.isEmpty())
        lines << more;
    return lines.join(u'\n');
}

QString value(const QString &name, const ForwardMessage &message)
{
    if (name == u"title"_s)
        return message.title;
    if (name == u"text"_s)
        return WebhookTemplate::plainText(message);
    if (name == u"alert.name"_s)
        return message.name;
    if (name == u"alert.state"_s)
        return rawState(message);
    if (name == u"alert.severity"_s)
        return rawSeverity(message.severity, message.severityText);
    if (name == u"alert.target"_s)
        return message.target;
    if (name == u"alert.summary"_s)
        return message.summary;
    if (name == u"alert.startsAt"_s)
        return isoTime(message.startsAt);
    if (name == u"alert.endsAt"_s)
        return isoTime(message.endsAt);
    if (name == u"analysis"_s)
        return message.analysis;
    if (name == u"analysis.model"_s)
        return message.analysisModel;
    if (name == u"related"_s)
        return relatedText(message);
    if (name == u"related.count"_s)
        return QString::number(message.relatedCount);
    if (name == relatedAlertsName)
        return QString::fromUtf8(QJsonDocument(relatedAlerts(message)).toJson(QJsonDocument::Compact));
    if (name.startsWith(u"links."_s)) {
        const QString key = name.mid(6);
        for (const ForwardMessage::Link &link : message.links)
            if (link.key == key)
                return link.url;
        return {};
    }
    if (name.startsWith(labelPrefix))
        return message.allLabels.value(name.mid(labelPrefix.size()));
    return {};
}

QString substitute(const QString &text, const ForwardMessage &message)
{
    QString result;
    qsizetype at = 0;
    for (auto it = placeholderPattern().globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        result += text.mid(at, match.capturedStart() - at) + value(match.captured(1), message);
        at = match.capturedEnd();
    }
    return result + text.mid(at);
}

QJsonValue substituteAll(const QJsonValue &value, const ForwardMessage &message)
{
    // A string that is only {{related.alerts}} becomes the array itself, not its JSON text.
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        const QRegularExpressionMatch only = placeholderPattern().match(text);
        if (only.hasMatch() && only.capturedLength() == text.size() && only.captured(1) == relatedAlertsName)
            return relatedAlerts(message);
    }
    if (value.isString())
        return substitute(value.toString(), message);
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(substituteAll(item, message));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object;
        const QJsonObject source = value.toObject();
        for (auto it = source.begin(); it != source.end(); ++it)
            object.insert(it.key(), substituteAll(it.value(), message));
        return object;
    }
    return value;
}

std::optional<QJsonDocument> parse(const QString &text, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = Text::tr("The template is not valid JSON (at character %1: %2).")
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    return document;
}

} // namespace

namespace WebhookTemplate {

QStringList placeholders()
{
    return fixedNames + QStringList{labelPrefix + u"NAME"_s};
}

QString problem(const QString &text)
{
    if (text.trimmed().isEmpty())
        return {};
    QString error;
    if (!parse(text, &error))
        return error;
    QStringList unknown;
    for (auto it = placeholderPattern().globalMatch(text); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!known(name) && !unknown.contains(name))
            unknown << name;
    }
    if (!unknown.isEmpty())
        return Text::tr("Unknown placeholders: %1. Known: %2.")
            .arg(unknown.join(u", "_s), placeholders().join(u", "_s));
    return {};
}

Body render(const QString &text, const ForwardMessage &message)
{
    if (text.trimmed().isEmpty())
        return {defaultBody(message), {}};
    if (const QString error = problem(text); !error.isEmpty())
        return {{}, error};
    QString error;
    const std::optional<QJsonDocument> document = parse(text, &error);
    const QJsonValue filled
        = substituteAll(document->isArray() ? QJsonValue(document->array()) : QJsonValue(document->object()), message);
    const QJsonDocument result = filled.isArray() ? QJsonDocument(filled.toArray()) : QJsonDocument(filled.toObject());
    return {result.toJson(QJsonDocument::Compact), {}};
}

QByteArray defaultBody(const ForwardMessage &message)
{
    QJsonObject body{{u"source"_s, u"alertdeck"_s}, {u"title"_s, message.title}, {u"text"_s, plainText(message)}};
    if (message.state) {
        QJsonObject labels;
        for (auto it = message.allLabels.cbegin(); it != message.allLabels.cend(); ++it)
            labels.insert(it.key(), it.value());
        body.insert(
            u"alert"_s,
            QJsonObject{{u"name"_s, message.name},
                        {u"state"_s, rawState(message)},
                        {u"severity"_s, rawSeverity(message.severity, message.severityText)},
                        {u"target"_s, message.target},
                        {u"summary"_s, message.summary},
                        {u"labels"_s, labels},
                        {u"startsAt"_s, isoTime(message.startsAt)},
                        {u"endsAt"_s, message.endsAt.isValid() ? QJsonValue(isoTime(message.endsAt)) : QJsonValue()}});
        QJsonArray links;
        for (const ForwardMessage::Link &link : message.links)
            links.append(QJsonObject{{u"key"_s, link.key}, {u"label"_s, link.label}, {u"url"_s, link.url}});
        body.insert(u"links"_s, links);
        if (message.isIncident()) {
            body.insert(u"related"_s, relatedAlerts(message));
            body.insert(u"relatedCount"_s, message.relatedCount);
        }
        body.insert(u"analysis"_s, message.analysis.isEmpty() ? QJsonValue() : QJsonValue(message.analysis));
        body.insert(u"analysisModel"_s,
                    message.analysisModel.isEmpty() ? QJsonValue() : QJsonValue(message.analysisModel));
        if (const std::optional<Hypothesis> &top = message.topHypothesis) {
            QJsonObject hypothesis{{u"title"_s, top->title}, {u"status"_s, Hypotheses::statusName(top->status)}};
            hypothesis.insert(u"confidence"_s, top->confidence ? QJsonValue(*top->confidence) : QJsonValue());
            body.insert(u"topHypothesis"_s, hypothesis);
        }
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString plainText(const ForwardMessage &message)
{
    QStringList lines{MessageLayout::oneLine(message)};
    if (message.state) {
        lines << message.stateText();
        for (const auto &[name, value] : MessageLayout::facts(message))
            lines << u"%1: %2"_s.arg(name, value);
        for (const ForwardMessage::Link &link : message.links)
            lines << u"%1: %2"_s.arg(link.label, link.url);
        if (message.isIncident())
            lines << QString() << message.relatedHeading() << relatedText(message);
    }
    if (!message.analysis.isEmpty())
        lines << QString() << MessageLayout::analysisHeading(message) << message.analysis;
    return lines.join(u'\n');
}

} // namespace WebhookTemplate
