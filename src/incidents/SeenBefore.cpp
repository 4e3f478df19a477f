#include "incidents/SeenBefore.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Words that every alert text has; matching on them ranks noise.
bool isCommonWord(const QString &word)
{
    static const QSet<QString> common{
        u"the"_s,   u"and"_s,   u"for"_s,     u"with"_s,    u"from"_s,  u"this"_s,  u"that"_s, u"than"_s, u"are"_s,
        u"was"_s,   u"has"_s,   u"have"_s,    u"not"_s,     u"above"_s, u"below"_s, u"more"_s, u"less"_s, u"over"_s,
        u"under"_s, u"alert"_s, u"firing"_s,  u"is"_s,      u"on"_s,    u"in"_s,    u"of"_s,   u"to"_s,   u"at"_s,
        u"by"_s,    u"an"_s,    u"be"_s,      u"or"_s,      u"it"_s,    u"its"_s,   u"per"_s,  u"http"_s, u"https"_s,
        u"www"_s,   u"com"_s,   u"minutes"_s, u"seconds"_s, u"value"_s, u"job"_s};
    return common.contains(word);
}

} // namespace

void SeenBefore::termsOf(const QString &text, QStringList &into, int limit)
{
    QString word;
    auto flush = [&] {
        const bool digitsOnly = std::all_of(word.cbegin(), word.cend(), [](QChar c) { return c.isDigit(); });
        if (word.size() >= 2 && !digitsOnly && !isCommonWord(word) && !into.contains(word))
            into.append(word.left(maxTermLength));
        word.clear();
    };
    for (const QChar c : text) {
        if (into.size() >= limit)
            return;
        if (c.isLetterOrNumber()) {
            if (word.size() <= maxTermLength)
                word.append(c.toLower());
        } else if (!word.isEmpty()) {
            flush();
        }
    }
    if (!word.isEmpty() && into.size() < limit)
        flush();
}

QString SeenBefore::textQuery(const Alert &alert)
{
    // Names and summaries say most; label values come last, so a label-heavy alert
    // cannot crowd the words out.
    QStringList terms;
    termsOf(alert.name, terms, maxQueryTerms);
    termsOf(alert.summary(), terms, maxQueryTerms);
    termsOf(alert.annotations.value(u"description"_s), terms, maxQueryTerms);
    for (auto it = alert.labels.cbegin(); it != alert.labels.cend() && terms.size() < maxQueryTerms; ++it)
        if (it.key() != u"alertname")
            termsOf(it.value(), terms, maxQueryTerms);
    QStringList quoted;
    quoted.reserve(terms.size());
    for (const QString &term : std::as_const(terms))
        quoted.append(u'"' + term + u'"'); // letters and digits only: nothing to escape
    return quoted.join(u" OR "_s);
}

QString SeenBefore::indexedText(const Alert &alert)
{
    QStringList words;
    constexpr int indexLimit = 256;
    termsOf(alert.name, words, indexLimit);
    termsOf(alert.summary(), words, indexLimit);
    termsOf(alert.annotations.value(u"description"_s), words, indexLimit);
    for (auto it = alert.labels.cbegin(); it != alert.labels.cend(); ++it)
        if (it.key() != u"alertname")
            termsOf(it.value(), words, indexLimit);
    return words.join(u' ');
}

SeenBefore::Recurrence SeenBefore::classify(int incidentsWithIt, int incidentsInAll)
{
    if (incidentsWithIt <= 0 || incidentsInAll <= 0)
        return Recurrence::New;
    const double share = double(incidentsWithIt) / incidentsInAll;
    if (share >= 0.20)
        return Recurrence::Frequent;
    if (share <= 0.05)
        return Recurrence::Rare;
    return Recurrence::Occasional;
}

QString SeenBefore::recurrenceText(Recurrence recurrence)
{
    switch (recurrence) {
    case Recurrence::New: return tr("new");
    case Recurrence::Rare: return tr("rare");
    case Recurrence::Occasional: return tr("occasional");
    case Recurrence::Frequent: return tr("frequent");
    }
    return {};
}

QString SeenBefore::reasonText(Reason reason)
{
    switch (reason) {
    case Reason::SameFingerprint: return tr("the same alert");
    case Reason::SameNameAndScope: return tr("the same alert name on the same target");
    case Reason::SimilarText: return tr("similar text");
    }
    return {};
}
