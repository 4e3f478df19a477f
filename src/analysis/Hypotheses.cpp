#include "analysis/Hypotheses.h"

#include "analysis/EvidenceSet.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr auto opening = u"```hypotheses";

struct Block {
    qsizetype start = -1; // the opening fence
    qsizetype bodyStart = -1;
    qsizetype bodyEnd = -1; // -1: not closed
};

bool atLineStart(QStringView text, qsizetype at)
{
    return at == 0 || text.at(at - 1) == u'\n';
}

Block findBlock(QStringView text)
{
    Block block;
    // The last opening fence that begins a line and whose info string is exactly the word.
    for (qsizetype from = text.size(); from >= 0;) {
        const qsizetype at = text.lastIndexOf(opening, from);
        if (at < 0)
            return block;
        const qsizetype after = at + qsizetype(std::char_traits<char16_t>::length(opening));
        if (atLineStart(text, at) && (after == text.size() || text.at(after).isSpace())) {
            block.start = at;
            break;
        }
        if (at == 0)
            return block;
        from = at - 1;
    }
    const qsizetype lineEnd = text.indexOf(u'\n', block.start);
    if (lineEnd < 0)
        return block; // the opening line itself is still arriving
    block.bodyStart = lineEnd + 1;
    for (qsizetype at = text.indexOf(u"```", block.bodyStart); at >= 0; at = text.indexOf(u"```", at + 3)) {
        if (atLineStart(text, at)) {
            block.bodyEnd = at;
            break;
        }
    }
    return block;
}

std::optional<HypothesisStatus> statusFrom(QString name)
{
    name = name.trimmed().toLower().replace(u' ', u'_').replace(u'-', u'_');
    for (const HypothesisStatus status :
         {HypothesisStatus::Likely, HypothesisStatus::Possible, HypothesisStatus::RuledOut})
        if (name == Hypotheses::statusName(status))
            return status;
    return std::nullopt;
}

// A title as shown and stored: one line, at most maxTitleCharacters, never a cut
// surrogate pair, and reading it back gives the same text.
QString titleFrom(const QJsonValue &value)
{
    QString title = QString::fromUtf8(value.toString().toUtf8()).simplified();
    if (title.size() > Hypotheses::maxTitleCharacters) {
        title.truncate(Hypotheses::maxTitleCharacters);
        if (title.back().isHighSurrogate())
            title.chop(1);
        title = title.trimmed();
    }
    return title;
}

// Evidence ids are letters and digits ("E3"); anything else is not an id.
bool isIdText(QStringView id)
{
    return !id.isEmpty() && id.size() <= 8
        && std::all_of(id.begin(), id.end(), [](QChar c) { return c.unicode() < 0x80 && c.isLetterOrNumber(); });
}

QStringList idsFrom(const QJsonValue &value)
{
    QStringList ids;
    for (const QJsonValue &entry : value.toArray()) {
        if (ids.size() >= Hypotheses::maxIds)
            break;
        QString id = entry.toString().trimmed();
        if (id.startsWith(u'[') && id.endsWith(u']'))
            id = id.mid(1, id.size() - 2).trimmed();
        if (isIdText(id))
            ids << id.toUpper();
    }
    return ids;
}

QString titled(int index, const QString &title)
{
    return title.isEmpty() ? Hypotheses::tr("Hypothesis %1").arg(index)
                           : Hypotheses::tr("Hypothesis %1 (“%2”)").arg(index).arg(title.left(60));
}

// One entry; `problems` gets what was wrong with it. Null when it cannot be shown.
std::optional<Hypothesis> entryFrom(const QJsonValue &value, int index, QStringList &problems)
{
    if (!value.isObject()) {
        problems << Hypotheses::tr("Hypothesis %1 is not a JSON object; it is left out.").arg(index);
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    Hypothesis hypothesis;
    hypothesis.title = titleFrom(object.value(u"title"_s));
    if (hypothesis.title.isEmpty()) {
        problems << Hypotheses::tr("Hypothesis %1 has no title; it is left out.").arg(index);
        return std::nullopt;
    }
    const QString statusText = object.value(u"status"_s).toString();
    const std::optional<HypothesisStatus> status = statusFrom(statusText);
    if (!status) {
        problems << Hypotheses::tr("%1: the status “%2” is not likely, possible or ruled_out; it is left out.")
                        .arg(titled(index, hypothesis.title), statusText.left(40));
        return std::nullopt;
    }
    hypothesis.status = *status;
    if (const QJsonValue confidence = object.value(u"confidence"_s);
        !confidence.isUndefined() && !confidence.isNull()) {
        bool ok = confidence.isDouble();
        double number = confidence.toDouble();
        if (confidence.isString())
            number = confidence.toString().trimmed().remove(u'%').toDouble(&ok);
        if (ok && std::isfinite(number) && number > 1 && number <= 100)
            number /= 100; // a percentage
        if (ok && std::isfinite(number) && number >= 0 && number <= 1)
            hypothesis.confidence = number;
        else
            problems << Hypotheses::tr("%1: the confidence is not a number from 0 to 1; it is shown without one.")
                            .arg(titled(index, hypothesis.title));
    }
    hypothesis.evidenceFor = idsFrom(object.value(u"for"_s));
    hypothesis.evidenceAgainst = idsFrom(object.value(u"against"_s));
    return hypothesis;
}

QList<Hypothesis> entriesFrom(const QJsonArray &array, QStringList &problems)
{
    QList<Hypothesis> list;
    if (array.size() > Hypotheses::maxHypotheses)
        problems << Hypotheses::tr("The answer lists %1 hypotheses; only the first %2 are shown.")
                        .arg(array.size())
                        .arg(Hypotheses::maxHypotheses);
    for (qsizetype i = 0; i < std::min<qsizetype>(array.size(), Hypotheses::maxHypotheses); ++i)
        if (std::optional<Hypothesis> hypothesis = entryFrom(array.at(i), int(i + 1), problems))
            list << *hypothesis;
    return list;
}

QJsonArray idsArray(const QStringList &ids)
{
    return QJsonArray::fromStringList(ids);
}

} // namespace

qsizetype Hypotheses::blockStart(QStringView answer)
{
    return findBlock(answer).start;
}

Hypotheses::Parsed Hypotheses::parse(QStringView answer, const EvidenceSet *evidence)
{
    Parsed parsed;
    const Block block = findBlock(answer);
    if (block.start < 0)
        return parsed;
    parsed.found = true;
    parsed.complete = block.bodyEnd >= 0;
    if (!parsed.complete)
        return parsed; // still streaming, or cut off: nothing to complain about yet
    const QStringView body = answer.sliced(block.bodyStart, block.bodyEnd - block.bodyStart);
    if (body.size() > maxBlockCharacters) {
        parsed.problems << tr("The hypotheses block is too long (%L1 characters; at most %L2); it is not shown.")
                               .arg(body.size())
                               .arg(maxBlockCharacters);
        return parsed;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        parsed.problems << tr("The hypotheses block is not valid JSON (%1 at character %2); the answer is shown "
                              "without the board.")
                               .arg(error.errorString())
                               .arg(error.offset);
        return parsed;
    }
    // A single object, or {"hypotheses": […]}, is read too.
    QJsonArray array;
    if (document.isArray())
        array = document.array();
    else if (document.object().value(u"hypotheses"_s).isArray())
        array = document.object().value(u"hypotheses"_s).toArray();
    else if (document.object().contains(u"title"_s))
        array = {document.object()};
    else {
        parsed.problems << tr("The hypotheses block is not a JSON array of hypotheses; the answer is shown without "
                              "the board.");
        return parsed;
    }
    parsed.hypotheses = entriesFrom(array, parsed.problems);
    if (evidence) {
        for (qsizetype i = 0; i < parsed.hypotheses.size(); ++i) {
            const Hypothesis &hypothesis = parsed.hypotheses.at(i);
            QStringList unknown;
            for (const QString &id : hypothesis.evidenceFor + hypothesis.evidenceAgainst)
                if (!evidence->contains(id) && !unknown.contains(id))
                    unknown << id;
            if (!unknown.isEmpty())
                parsed.problems << tr("The hypothesis “%1” cites %2, which the evidence does not hold.")
                                       .arg(hypothesis.title.left(60), unknown.join(u", "_s));
        }
    }
    return parsed;
}

QString Hypotheses::withoutBlock(const QString &answer)
{
    const Block block = findBlock(answer);
    if (block.start < 0)
        return answer;
    QString shown = answer.left(block.start);
    if (block.bodyEnd >= 0) {
        // What follows the closing fence stays (the prompt asks for nothing, but a model may add a line).
        const qsizetype lineEnd = answer.indexOf(u'\n', block.bodyEnd);
        const QString after = lineEnd < 0 ? QString() : answer.mid(lineEnd + 1).trimmed();
        while (shown.endsWith(u'\n') || shown.endsWith(u' '))
            shown.chop(1);
        if (!after.isEmpty())
            shown += u"\n\n"_s + after;
        return shown;
    }
    while (shown.endsWith(u'\n') || shown.endsWith(u' '))
        shown.chop(1);
    return shown;
}

std::optional<Hypothesis> Hypotheses::top(const QList<Hypothesis> &hypotheses)
{
    for (const HypothesisStatus status : {HypothesisStatus::Likely, HypothesisStatus::Possible}) {
        const Hypothesis *best = nullptr;
        for (const Hypothesis &hypothesis : hypotheses)
            if (hypothesis.status == status
                && (!best || hypothesis.confidence.value_or(-1) > best->confidence.value_or(-1)))
                best = &hypothesis;
        if (best)
            return *best;
    }
    return std::nullopt;
}

QByteArray Hypotheses::toJson(const QList<Hypothesis> &hypotheses)
{
    QJsonArray array;
    for (const Hypothesis &hypothesis : hypotheses) {
        QJsonObject object{{u"title"_s, hypothesis.title},
                           {u"status"_s, statusName(hypothesis.status)},
                           {u"for"_s, idsArray(hypothesis.evidenceFor)},
                           {u"against"_s, idsArray(hypothesis.evidenceAgainst)}};
        if (hypothesis.confidence)
            object.insert(u"confidence"_s, *hypothesis.confidence);
        array.append(object);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

Result<QList<Hypothesis>> Hypotheses::fromJson(const QByteArray &json)
{
    if (json.trimmed().isEmpty())
        return QList<Hypothesis>{};
    if (json.size() > maxBlockCharacters * 4)
        return Failure{tr("The stored hypotheses are too large to read.")};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return Failure{tr("The stored hypotheses are damaged (%1).").arg(error.errorString())};
    QStringList problems;
    QList<Hypothesis> list = entriesFrom(document.array(), problems);
    if (!problems.isEmpty())
        return Failure{tr("The stored hypotheses are damaged: %1").arg(problems.first())};
    return list;
}

QString Hypotheses::statusName(HypothesisStatus status)
{
    switch (status) {
    case HypothesisStatus::Likely: return u"likely"_s;
    case HypothesisStatus::Possible: return u"possible"_s;
    case HypothesisStatus::RuledOut: return u"ruled_out"_s;
    }
    return u"possible"_s;
}

QString Hypotheses::statusText(HypothesisStatus status)
{
    switch (status) {
    case HypothesisStatus::Likely: return tr("Likely");
    case HypothesisStatus::Possible: return tr("Possible");
    case HypothesisStatus::RuledOut: return tr("Ruled out");
    }
    return {};
}

QString Hypotheses::summaryLine(const Hypothesis &hypothesis)
{
    QString line = hypothesis.confidence ? tr("%1 (%2 %): %3")
                                               .arg(statusText(hypothesis.status))
                                               .arg(qRound(*hypothesis.confidence * 100))
                                               .arg(hypothesis.title)
                                         : tr("%1: %2").arg(statusText(hypothesis.status), hypothesis.title);
    if (!hypothesis.evidenceFor.isEmpty())
        line += u" ["_s + hypothesis.evidenceFor.join(u", "_s) + u']';
    return line;
}
