#include "store/SeenBeforeQuery.h"

#include "incidents/IncidentCorrelator.h"
#include "logging/LogCategories.h"
#include "model/AlertJson.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 thirtyDaysMs = 30LL * 24 * 3600 * 1000;
constexpr int maxRecentStarts = 10;
constexpr int durationsForMedian = 101; // the latest resolved ones in the 30 days
constexpr int textCandidates = 10; // best ranked, per full-text search
constexpr int maxMembersAsked = 20; // of an incident, worst first
constexpr int maxTextSearches = 3; // the worst members
constexpr int maxScopeAlerts = 50; // alerts with the same name on the same target
constexpr int maxIncidentsCounted = 10'000;
constexpr qint64 minCommonDocuments = 1000; // a word in more alerts than this and 5 % of all is common
constexpr qsizetype maxSummaryCharacters = 400;
constexpr int summaryLines = 3;

void bindKey(QSqlQuery &query, const AlertKey &key)
{
    query.addBindValue(key.source);
    query.addBindValue(key.fingerprint);
}

void bindKey(QSqlQuery &query, const OccurrenceKey &key)
{
    bindKey(query, key.alert);
    query.addBindValue(key.startsAtMs);
}

void warn(const QSqlQuery &query)
{
    qCWarning(lcStore).noquote() << "seen-before query failed:" << query.lastError().text();
}

qint64 startOf(const Alert &alert)
{
    return alert.startsAt.isValid() ? alert.startsAt.toMSecsSinceEpoch()
                                    : QDateTime::currentDateTimeUtc().toMSecsSinceEpoch();
}

QDateTime fromMsecs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString firstLines(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(u'\n')) {
        if (const QString trimmed = line.trimmed(); !trimmed.isEmpty())
            lines.append(trimmed);
        if (lines.size() >= summaryLines)
            break;
    }
    QString summary = lines.join(u'\n');
    if (summary.size() > maxSummaryCharacters)
        summary = summary.left(maxSummaryCharacters - 1) + u'…';
    return summary;
}

} // namespace

QStringList SeenBeforeQuery::nameScopeTokens(const Alert &alert, const QList<IncidentRules::Scope> &scopes)
{
    QStringList tokens = IncidentCorrelator::scopeTokens(alert, scopes);
    const QString name = IncidentCorrelator::scopeValue(alert.name);
    for (QString &token : tokens)
        token = name + u'\x1f' + token;
    return tokens;
}

SeenBeforeQuery::SeenBeforeQuery(const QSqlDatabase &db, const IncidentRules &rules)
    : m_db(db)
    , m_scopes(rules.compiledScopes())
{ }

SeenBefore::Report SeenBeforeQuery::run(const QList<Alert> &alerts)
{
    SeenBefore::Report report;
    if (alerts.isEmpty())
        return report;
    const QList<Alert> members = alerts.mid(0, maxMembersAsked);
    for (const Alert &member : members) {
        const OccurrenceKey key = OccurrenceKey::of(member);
        m_currentOccurrences.insert(key);
        m_currentAlerts.insert(key.alert);
        if (const std::optional<OccurrenceKey> anchor = anchorOf(key))
            m_currentAnchors.insert(*anchor);
    }
    const Alert &lead = members.constFirst();
    countLead(lead, report);

    for (const Alert &member : members)
        sameFingerprint(member);
    m_candidateAlerts = m_currentAlerts;
    for (const Alert &member : members) {
        for (const AlertKey &alert : sameNameAndScope(member)) {
            if (m_candidateAlerts.contains(alert))
                continue;
            m_candidateAlerts.insert(alert);
            addLatestOf(SeenBefore::Reason::SameNameAndScope, alert, startOf(member), 0);
        }
    }
    int searches = 0;
    for (const Alert &member : members) {
        if (searches >= maxTextSearches)
            break;
        const QString text = SeenBefore::textQuery(member);
        if (text.isEmpty())
            continue; // nothing worth searching for (punctuation, numbers)
        ++searches;
        similarText(member, withoutCommonWords(text));
    }

    // Within a reason, what carries a note first: it tells the engineer what was done.
    // Then the newest, or for similar text the closest.
    std::stable_sort(m_candidates.begin(), m_candidates.end(), [](const Candidate &a, const Candidate &b) {
        if (a.reason != b.reason)
            return a.reason < b.reason;
        if (a.noted != b.noted)
            return a.noted;
        if (a.reason == SeenBefore::Reason::SimilarText && a.rank != b.rank)
            return a.rank < b.rank;
        return a.occurrence.startsAtMs > b.occurrence.startsAtMs;
    });
    // One match per earlier incident: five past events say more than five alerts of one.
    QSet<OccurrenceKey> shown;
    QSet<OccurrenceKey> shownIncidents;
    for (const Candidate &candidate : std::as_const(m_candidates)) {
        if (report.matches.size() >= SeenBefore::maxMatches)
            break;
        if (shown.contains(candidate.occurrence) || (candidate.anchor && shownIncidents.contains(*candidate.anchor)))
            continue;
        shown.insert(candidate.occurrence);
        if (candidate.anchor)
            shownIncidents.insert(*candidate.anchor);
        SeenBefore::Match match;
        match.reason = candidate.reason;
        match.alert = candidate.occurrence.alert;
        match.startsAt = QDateTime::fromMSecsSinceEpoch(candidate.occurrence.startsAtMs, Qt::UTC);
        match.rank = candidate.rank;
        fillIn(match);
        report.matches.append(match);
    }
    report.recurrence = recurrence(lead);
    return report;
}

std::optional<OccurrenceKey> SeenBeforeQuery::anchorOf(const OccurrenceKey &occurrence) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT anchor_source, anchor_fingerprint, anchor_starts_at_ms FROM occurrences"
                  " WHERE source = ? AND fingerprint = ? AND starts_at_ms = ? AND anchor_starts_at_ms IS NOT NULL"_s);
    bindKey(query, occurrence);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return OccurrenceKey{{query.value(0).toString(), query.value(1).toString()}, query.value(2).toLongLong()};
}

bool SeenBeforeQuery::isCurrent(const OccurrenceKey &occurrence, std::optional<OccurrenceKey> *anchorFound) const
{
    if (m_currentOccurrences.contains(occurrence))
        return true;
    const std::optional<OccurrenceKey> anchor = anchorOf(occurrence);
    if (anchorFound)
        *anchorFound = anchor;
    return anchor && m_currentAnchors.contains(*anchor);
}

void SeenBeforeQuery::countLead(const Alert &lead, SeenBefore::Report &report)
{
    const qint64 until = startOf(lead);
    const qint64 from = until - thirtyDaysMs;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT count(*) FROM occurrences"
                  " WHERE source = ? AND fingerprint = ? AND starts_at_ms >= ? AND starts_at_ms < ?"_s);
    bindKey(query, AlertKey::of(lead));
    query.addBindValue(from);
    query.addBindValue(until);
    if (!query.exec() || !query.next())
        return warn(query);
    report.firedLast30Days = query.value(0).toInt();

    query.prepare(u"SELECT starts_at_ms FROM occurrences WHERE source = ? AND fingerprint = ? AND starts_at_ms >= ?"
                  " AND starts_at_ms < ? ORDER BY starts_at_ms DESC LIMIT ?"_s);
    bindKey(query, AlertKey::of(lead));
    query.addBindValue(from);
    query.addBindValue(until);
    query.addBindValue(maxRecentStarts);
    if (!query.exec())
        return warn(query);
    while (query.next())
        report.recentStarts.append(fromMsecs(query.value(0)));

    query.prepare(u"SELECT ends_at_ms - starts_at_ms FROM occurrences WHERE source = ? AND fingerprint = ?"
                  " AND starts_at_ms >= ? AND starts_at_ms < ? AND resolved = 1 AND ends_at_ms >= starts_at_ms"
                  " ORDER BY starts_at_ms DESC LIMIT ?"_s);
    bindKey(query, AlertKey::of(lead));
    query.addBindValue(from);
    query.addBindValue(until);
    query.addBindValue(durationsForMedian);
    if (!query.exec())
        return warn(query);
    QList<qint64> durations;
    while (query.next())
        durations.append(query.value(0).toLongLong());
    if (!durations.isEmpty()) {
        std::nth_element(durations.begin(), durations.begin() + durations.size() / 2, durations.end());
        report.typicalDurationMs = durations.at(durations.size() / 2);
    }
}

void SeenBeforeQuery::sameFingerprint(const Alert &member)
{
    const AlertKey key = AlertKey::of(member);
    QSet<qint64> noted;
    QList<qint64> starts;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    for (const QString &table : {u"occurrence_notes"_s, u"occurrences"_s}) {
        query.prepare(u"SELECT starts_at_ms FROM %1 WHERE source = ? AND fingerprint = ? AND starts_at_ms < ?"
                      " ORDER BY starts_at_ms DESC LIMIT ?"_s.arg(table));
        bindKey(query, key);
        query.addBindValue(startOf(member));
        query.addBindValue(perAlert + maxMembersAsked); // some may be in this incident
        if (!query.exec())
            return warn(query);
        while (query.next()) {
            const qint64 start = query.value(0).toLongLong();
            if (table == u"occurrence_notes")
                noted.insert(start);
            if (!starts.contains(start))
                starts.append(start);
        }
    }
    int added = 0;
    for (const qint64 start : std::as_const(starts)) {
        const OccurrenceKey occurrence{key, start};
        std::optional<OccurrenceKey> anchor;
        if (added >= 2 * perAlert || isCurrent(occurrence, &anchor))
            continue;
        m_candidates.append({SeenBefore::Reason::SameFingerprint, occurrence, noted.contains(start), 0, anchor});
        ++added;
    }
}

QList<AlertKey> SeenBeforeQuery::sameNameAndScope(const Alert &member) const
{
    QList<AlertKey> alerts;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT source, fingerprint FROM alert_scopes WHERE token = ? LIMIT ?"_s);
    for (const QString &token : nameScopeTokens(member, m_scopes)) {
        query.addBindValue(token);
        query.addBindValue(maxScopeAlerts + 1);
        if (!query.exec()) {
            warn(query);
            break;
        }
        while (query.next() && alerts.size() < maxScopeAlerts) {
            const AlertKey alert{query.value(0).toString(), query.value(1).toString()};
            if (alert != AlertKey::of(member) && !alerts.contains(alert))
                alerts.append(alert);
        }
    }
    return alerts;
}

QString SeenBeforeQuery::withoutCommonWords(const QString &text) const
{
    // The terms are quoted words of letters and digits joined by OR (SeenBefore::textQuery).
    QStringList terms = text.split(u" OR "_s);
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT count(*) FROM alert_word_rows"_s) || !query.next())
        return text;
    const qint64 common = std::max<qint64>(minCommonDocuments, query.value(0).toLongLong() / 20);
    query.prepare(u"SELECT doc FROM alert_words_vocabulary WHERE term = ?"_s);
    QList<std::pair<qint64, QString>> counted;
    for (const QString &term : std::as_const(terms)) {
        query.addBindValue(term.mid(1, term.size() - 2));
        counted.append({query.exec() && query.next() ? query.value(0).toLongLong() : 0, term});
    }
    // A word in most alerts ranks nothing and costs a look at each of them; the rarest
    // two stay whatever their count.
    std::stable_sort(counted.begin(), counted.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList kept;
    for (const auto &[documents, term] : std::as_const(counted))
        if (kept.size() < 2 || documents <= common)
            kept.append(term);
    return kept.join(u" OR "_s);
}

void SeenBeforeQuery::similarText(const Alert &member, const QString &text)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT r.source, r.fingerprint, w.rank FROM (SELECT rowid, bm25(alert_words) AS rank"
                  " FROM alert_words WHERE alert_words MATCH ? ORDER BY rank LIMIT ?) w"
                  " JOIN alert_word_rows r ON r.id = w.rowid ORDER BY w.rank"_s);
    query.addBindValue(text);
    query.addBindValue(textCandidates + int(m_currentAlerts.size()));
    if (!query.exec())
        return warn(query);
    QList<std::pair<AlertKey, double>> found;
    while (query.next())
        found.append({{query.value(0).toString(), query.value(1).toString()}, query.value(2).toDouble()});
    query.finish();
    for (const auto &[alert, rank] : std::as_const(found)) {
        if (m_candidateAlerts.contains(alert))
            continue;
        m_candidateAlerts.insert(alert);
        addLatestOf(SeenBefore::Reason::SimilarText, alert, startOf(member), rank);
    }
}

void SeenBeforeQuery::addLatestOf(SeenBefore::Reason reason, const AlertKey &alert, qint64 beforeMs, double rank)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    for (const QString &table : {u"occurrence_notes"_s, u"occurrences"_s}) {
        query.prepare(u"SELECT starts_at_ms FROM %1 WHERE source = ? AND fingerprint = ? AND starts_at_ms < ?"
                      " ORDER BY starts_at_ms DESC LIMIT 3"_s.arg(table));
        bindKey(query, alert);
        query.addBindValue(beforeMs);
        if (!query.exec())
            return warn(query);
        QList<qint64> starts;
        while (query.next())
            starts.append(query.value(0).toLongLong());
        query.finish();
        for (const qint64 start : std::as_const(starts)) {
            const OccurrenceKey occurrence{alert, start};
            std::optional<OccurrenceKey> anchor;
            if (isCurrent(occurrence, &anchor))
                continue;
            m_candidates.append({reason, occurrence, table == u"occurrence_notes", rank, anchor});
            return;
        }
    }
}

void SeenBeforeQuery::fillIn(SeenBefore::Match &match) const
{
    const OccurrenceKey occurrence{match.alert, match.startsAt.toMSecsSinceEpoch()};
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT data FROM alerts WHERE source = ? AND fingerprint = ?"_s);
    bindKey(query, match.alert);
    if (query.exec() && query.next()) {
        const Alert alert = AlertJson::fromJson(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object());
        match.name = alert.name;
        match.labels = alert.labels;
    }
    query.prepare(u"SELECT ends_at_ms FROM occurrences WHERE source = ? AND fingerprint = ? AND starts_at_ms = ?"
                  " AND resolved = 1"_s);
    bindKey(query, occurrence);
    if (query.exec() && query.next())
        match.endsAt = fromMsecs(query.value(0));
    query.prepare(u"SELECT note FROM occurrence_notes WHERE source = ? AND fingerprint = ? AND starts_at_ms = ?"_s);
    bindKey(query, occurrence);
    if (query.exec() && query.next())
        match.note = ResolutionNote::fromJson(query.value(0).toString().toUtf8()).valueOr(ResolutionNote{});
    // Its own occurrence's analysis first, else the alert's latest.
    query.prepare(u"SELECT content FROM analyses WHERE source = ? AND fingerprint = ? AND content <> ''"
                  " ORDER BY starts_at_ms IS ? DESC, created_at_ms DESC, id DESC LIMIT 1"_s);
    bindKey(query, occurrence);
    if (query.exec() && query.next())
        match.analysisSummary = firstLines(query.value(0).toString());
}

SeenBefore::Recurrence SeenBeforeQuery::recurrence(const Alert &lead)
{
    const qint64 until = startOf(lead);
    const qint64 from = until - thirtyDaysMs;
    auto inWindow = [&](const OccurrenceKey &anchor) { return anchor.startsAtMs >= from && anchor.startsAtMs < until; };
    int currentInWindow = 0;
    for (const OccurrenceKey &anchor : std::as_const(m_currentAnchors))
        currentInWindow += inWindow(anchor);

    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // Each incident once: by the occurrence that started it (its anchor is itself).
    query.prepare(
        u"SELECT count(*) FROM occurrences WHERE starts_at_ms >= ? AND starts_at_ms < ? AND"
        " anchor_starts_at_ms = starts_at_ms AND anchor_source = source AND anchor_fingerprint = fingerprint"_s);
    query.addBindValue(from);
    query.addBindValue(until);
    if (!query.exec() || !query.next()) {
        warn(query);
        return SeenBefore::Recurrence::New;
    }
    const int all = query.value(0).toInt() - currentInWindow;

    // Incidents (by their stored anchor) with this alert, or the same name on the same target.
    QList<AlertKey> alerts = sameNameAndScope(lead);
    alerts.prepend(AlertKey::of(lead));
    QSet<OccurrenceKey> with;
    query.prepare(u"SELECT DISTINCT anchor_source, anchor_fingerprint, anchor_starts_at_ms FROM occurrences"
                  " WHERE source = ? AND fingerprint = ? AND starts_at_ms >= ? AND starts_at_ms < ?"
                  " AND anchor_starts_at_ms >= ? AND anchor_starts_at_ms < ? LIMIT ?"_s);
    for (const AlertKey &alert : std::as_const(alerts)) {
        bindKey(query, alert);
        for (int i = 0; i < 2; ++i) {
            query.addBindValue(from);
            query.addBindValue(until);
        }
        query.addBindValue(maxIncidentsCounted);
        if (!query.exec()) {
            warn(query);
            break;
        }
        while (query.next() && with.size() < maxIncidentsCounted) {
            const OccurrenceKey anchor{{query.value(0).toString(), query.value(1).toString()},
                                       query.value(2).toLongLong()};
            if (!m_currentAnchors.contains(anchor))
                with.insert(anchor);
        }
    }
    return SeenBefore::classify(int(with.size()), all);
}
