#include "incidents/ResolutionNote.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype maxJsonBytes = 128 * 1024;

QString oneLine(const QString &text)
{
    return text.simplified();
}
} // namespace

Result<> ResolutionNote::validate() const
{
    for (const auto &[field, value] :
         {std::pair{tr("cause"), &cause}, std::pair{tr("action"), &action}, std::pair{tr("link"), &link}}) {
        if (value->size() > maxFieldCharacters)
            return Failure{tr("The %1 is longer than %2 characters.").arg(field).arg(maxFieldCharacters)};
    }
    if (text.size() > maxTextCharacters)
        return Failure{tr("The note is longer than %1 characters.").arg(maxTextCharacters)};
    if (!link.isEmpty()) {
        const QUrl url(link, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty())
            return Failure{tr("The link must be a web address (http:// or https://).")};
    }
    return {};
}

QString ResolutionNote::summary() const
{
    QStringList parts;
    if (!cause.isEmpty())
        parts.append(tr("Cause: %1").arg(oneLine(cause)));
    if (!action.isEmpty())
        parts.append(tr("Action: %1").arg(oneLine(action)));
    if (parts.isEmpty() && !text.isEmpty())
        parts.append(oneLine(text).left(200));
    return parts.join(u' ');
}

QByteArray ResolutionNote::toJson() const
{
    QJsonObject object{{u"cause"_s, cause}, {u"action"_s, action}, {u"link"_s, link}, {u"text"_s, text}};
    if (writtenAt.isValid())
        object.insert(u"writtenAt"_s, writtenAt.toUTC().toString(Qt::ISODateWithMs));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<ResolutionNote> ResolutionNote::fromJson(const QByteArray &json)
{
    if (json.size() > maxJsonBytes)
        return Failure{tr("The stored note is larger than %1 KiB.").arg(maxJsonBytes / 1024)};
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Failure{tr("The stored note is not a JSON object.")};
    const QJsonObject object = document.object();
    ResolutionNote note;
    note.cause = object.value(u"cause"_s).toString().left(maxFieldCharacters);
    note.action = object.value(u"action"_s).toString().left(maxFieldCharacters);
    note.link = object.value(u"link"_s).toString().left(maxFieldCharacters);
    note.text = object.value(u"text"_s).toString().left(maxTextCharacters);
    note.writtenAt = QDateTime::fromString(object.value(u"writtenAt"_s).toString(), Qt::ISODateWithMs);
    if (!note.link.isEmpty() && !ResolutionNote{{}, {}, note.link, {}, {}}.validate())
        note.link.clear(); // never hand on a link that is not a web address
    return note;
}
