#include "analysis/EvidenceSet.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

constexpr EvidenceKind allKinds[] = {EvidenceKind::AlertField, EvidenceKind::Annotation,    EvidenceKind::MetricSeries,
                                     EvidenceKind::LogGroup,   EvidenceKind::LogLine,       EvidenceKind::Occurrence,
                                     EvidenceKind::Silence,    EvidenceKind::PriorIncident, EvidenceKind::RelatedAlert};

QJsonObject labelsObject(const LabelMap &labels)
{
    QJsonObject object;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QJsonObject locatorObject(const EvidenceLocator &locator)
{
    // Only what is set: a stored set stays small.
    QJsonObject object;
    if (!locator.field.isEmpty())
        object.insert(u"field"_s, locator.field);
    if (locator.queryIndex >= 0)
        object.insert(u"query"_s, locator.queryIndex);
    if (!locator.labels.isEmpty())
        object.insert(u"labels"_s, labelsObject(locator.labels));
    // Times as strings: a double would round nanoseconds.
    if (locator.timeMs >= 0)
        object.insert(u"timeMs"_s, QString::number(locator.timeMs));
    if (locator.endMs >= 0)
        object.insert(u"endMs"_s, QString::number(locator.endMs));
    if (locator.ns != 0)
        object.insert(u"ns"_s, QString::number(locator.ns));
    if (!locator.lineHash.isEmpty())
        object.insert(u"lineHash"_s, locator.lineHash);
    if (!locator.alert.isEmpty())
        object.insert(u"alert"_s, locator.alert);
    return object;
}

qint64 number(const QJsonValue &value, qint64 fallback)
{
    bool ok = false;
    const qint64 n = value.toString().toLongLong(&ok);
    return ok ? n : fallback;
}

EvidenceLocator locatorFrom(const QJsonObject &object)
{
    EvidenceLocator locator;
    locator.field = object.value(u"field"_s).toString().left(EvidenceSet::maxTextCharacters);
    locator.queryIndex = object.value(u"query"_s).toInt(-1);
    const QJsonObject labels = object.value(u"labels"_s).toObject();
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it)
        locator.labels.insert(it.key(), it.value().toString());
    locator.timeMs = number(object.value(u"timeMs"_s), -1);
    locator.endMs = number(object.value(u"endMs"_s), -1);
    locator.ns = number(object.value(u"ns"_s), 0);
    locator.lineHash = object.value(u"lineHash"_s).toString().left(64);
    locator.alert = object.value(u"alert"_s).toString().left(EvidenceSet::maxTextCharacters);
    return locator;
}

} // namespace

QString evidenceKindName(EvidenceKind kind)
{
    switch (kind) {
    case EvidenceKind::AlertField: return u"field"_s;
    case EvidenceKind::Annotation: return u"annotation"_s;
    case EvidenceKind::MetricSeries: return u"metric"_s;
    case EvidenceKind::LogGroup: return u"log-group"_s;
    case EvidenceKind::LogLine: return u"log-line"_s;
    case EvidenceKind::Occurrence: return u"occurrence"_s;
    case EvidenceKind::Silence: return u"silence"_s;
    case EvidenceKind::PriorIncident: return u"prior"_s;
    case EvidenceKind::RelatedAlert: return u"related"_s;
    }
    return u"field"_s;
}

std::optional<EvidenceKind> evidenceKindFromName(QStringView name)
{
    for (const EvidenceKind kind : allKinds)
        if (name == evidenceKindName(kind))
            return kind;
    return std::nullopt;
}

QString evidenceKindText(EvidenceKind kind)
{
    switch (kind) {
    case EvidenceKind::AlertField: return EvidenceSet::tr("alert field");
    case EvidenceKind::Annotation: return EvidenceSet::tr("annotation");
    case EvidenceKind::MetricSeries: return EvidenceSet::tr("metric series");
    case EvidenceKind::LogGroup: return EvidenceSet::tr("log line group");
    case EvidenceKind::LogLine: return EvidenceSet::tr("log line");
    case EvidenceKind::Occurrence: return EvidenceSet::tr("earlier occurrence");
    case EvidenceKind::Silence: return EvidenceSet::tr("silence");
    case EvidenceKind::PriorIncident: return EvidenceSet::tr("earlier incident");
    case EvidenceKind::RelatedAlert: return EvidenceSet::tr("related alert");
    }
    return {};
}

QString EvidenceLocator::hashOf(QStringView line)
{
    return QString::fromLatin1(QCryptographicHash::hash(line.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

EvidenceSet::EvidenceSet(QList<EvidenceItem> items)
    : m_items(std::move(items))
{
    assignIds();
}

void EvidenceSet::assignIds()
{
    m_currentIndexes.clear();
    m_priorIndexes.clear();
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        QList<qsizetype> &series = seriesOf(m_items.at(i).kind) == u'P' ? m_priorIndexes : m_currentIndexes;
        m_items[i].id = idFor(m_items.at(i).kind, series.size());
        series << i;
    }
}

const EvidenceItem *EvidenceSet::find(QStringView id) const
{
    if (id.size() < 2 || id.size() > 6 || !isSeriesLetter(id.front()))
        return nullptr;
    const QList<qsizetype> &series = id.front().toUpper() == u'P' ? m_priorIndexes : m_currentIndexes;
    bool ok = false;
    const qsizetype number = id.sliced(1).toInt(&ok);
    // "E03" is not E3: an id is written exactly as the prompt listed it.
    if (!ok || number < 1 || number > series.size() || id.at(1) == u'0' || !id.at(1).isDigit())
        return nullptr;
    return &m_items.at(series.at(number - 1));
}

EvidenceSet EvidenceSet::first(qsizetype count) const
{
    // A prefix keeps every id: each series is numbered in order.
    return EvidenceSet(m_items.first(std::clamp<qsizetype>(count, 0, m_items.size())));
}

QByteArray EvidenceSet::toJson() const
{
    QJsonArray items;
    for (const EvidenceItem &item : m_items) {
        QJsonObject object{{u"id"_s, item.id}, {u"kind"_s, evidenceKindName(item.kind)}, {u"text"_s, item.text}};
        if (const QJsonObject locator = locatorObject(item.locator); !locator.isEmpty())
            object.insert(u"locator"_s, locator);
        items.append(object);
    }
    return QJsonDocument(QJsonObject{{u"version"_s, formatVersion}, {u"items"_s, items}})
        .toJson(QJsonDocument::Compact);
}

Result<EvidenceSet> EvidenceSet::fromJson(const QByteArray &json)
{
    if (json.trimmed().isEmpty())
        return EvidenceSet{};
    if (json.size() > maxJsonBytes)
        return Failure{tr("The stored evidence is too large to read (%L1 bytes; at most %L2).")
                           .arg(json.size())
                           .arg(maxJsonBytes)};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Failure{tr("The stored evidence is not valid JSON (%1).").arg(error.errorString())};
    const QJsonObject root = document.object();
    const int version = root.value(u"version"_s).toInt(0);
    if (version != formatVersion)
        return Failure{tr("The stored evidence has format version %1; this AlertDeck reads version %2.")
                           .arg(version)
                           .arg(formatVersion)};
    const QJsonArray array = root.value(u"items"_s).toArray();
    if (array.size() > maxItems)
        return Failure{tr("The stored evidence has %L1 items; at most %L2 are read.").arg(array.size()).arg(maxItems)};
    QList<EvidenceItem> items;
    items.reserve(array.size());
    qsizetype current = 0, prior = 0;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        const std::optional<EvidenceKind> kind = evidenceKindFromName(object.value(u"kind"_s).toString());
        const bool isPrior = kind && seriesOf(*kind) == u'P';
        if (!kind || object.value(u"id"_s).toString() != idFor(*kind, isPrior ? prior++ : current++))
            return Failure{tr("The stored evidence is damaged: item %1 has no valid id or kind.").arg(i + 1)};
        EvidenceItem item;
        item.kind = *kind;
        item.text = object.value(u"text"_s).toString().left(maxTextCharacters);
        item.locator = locatorFrom(object.value(u"locator"_s).toObject());
        items << item;
    }
    return EvidenceSet(std::move(items));
}
