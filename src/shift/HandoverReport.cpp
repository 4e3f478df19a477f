#include "shift/HandoverReport.h"

#include "incidents/IncidentCorrelator.h"
#include "incidents/ResolutionNote.h"
#include "model/AlertJson.h"
#include "shift/RuleNoiseQuery.h"
#include "store/AlertStore.h"
#include "store/ReadOnlyStore.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

QString HandoverReport::timeToResolveDefinition()
{
    return tr("from an occurrence's start to its end, over the occurrences that ended (resolved) in the window");
}

QString HandoverReport::timeToAcknowledgeDefinition()
{
    return tr("from an occurrence's start to the start of the first Alertmanager silence or acknowledgement whose "
              "matchers select the alert and that began while it fired; occurrences that started in the window; a "
              "silence made before the occurrence began does not count");
}

QString HandoverReport::firedDefinition()
{
    return tr("occurrences that started in the window");
}

QString HandoverReport::resolvedDefinition()
{
    return tr("occurrences that ended (resolved) in the window");
}

QString HandoverReport::openDefinition()
{
    return tr("occurrences started before the window's end and not resolved by then; age = window end − start");
}

QString HandoverReport::openIncidentsDefinition()
{
    return tr("incidents as AlertDeck grouped the alerts when they arrived, with an alert still firing at the "
              "window's end; members = their alerts started by then; age = window end − the first member's start; "
              "the title names the first member with the worst severity");
}

QString HandoverReport::OpenIncident::title() const
{
    const int others = members - 1;
    if (others <= 0)
        return worstName;
    return tr("%1 and %n related", nullptr, others).arg(worstName);
}

QString HandoverReport::OpenIncident::scopeText() const
{
    QStringList parts;
    if (scope)
        for (auto it = scope->cbegin(); it != scope->cend(); ++it)
            parts.append(it.key() + u'=' + it.value());
    return parts.join(u", "_s);
}

QString HandoverReport::noisiestDefinition()
{
    return tr("alert rules ranked by occurrences started in the window, then by starts and ends per hour");
}

QString HandoverReport::percentileDefinition()
{
    return tr("nearest rank: the median is the ⌈n/2⌉-th smallest value, p90 the ⌈0.9·n⌉-th");
}

namespace HandoverReportBuilder {
namespace {

// A cancelled build reports this; the caller says it plainly.
QString cancelledText()
{
    return HandoverReport::tr("The report was cancelled.");
}

int nearestRank(double share, int count)
{
    return std::max(1, int(std::ceil(share * count)));
}

QString firstLine(const QString &text, qsizetype maxLength = 200)
{
    for (const QString &line : text.split(u'\n')) {
        QString trimmed = line.trimmed();
        while (!trimmed.isEmpty() && (trimmed.front() == u'#' || trimmed.front() == u'*' || trimmed.front() == u'>'))
            trimmed = trimmed.mid(1).trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u"```"_s) || trimmed.startsWith(u"---"_s))
            continue;
        return trimmed.size() > maxLength ? trimmed.left(maxLength) + u'…' : trimmed;
    }
    return {};
}

int severityOrder(const QString &severity)
{
    return int(severityFromText(severity));
}

class Reader
{
public:
    Reader(const QSqlDatabase &db, const Request &request)
        : m_db(db)
        , m_from(request.since.toMSecsSinceEpoch())
        , m_to(request.until.toMSecsSinceEpoch())
        , m_request(request)
    { }

    Result<> counts(HandoverReport &report);
    Result<> openAlerts(HandoverReport &report);
    Result<> openIncidents(HandoverReport &report);
    Result<> timeToResolve(HandoverReport &report);
    Result<> analyses(HandoverReport &report);
    Result<> notes(HandoverReport &report);
    Result<> silences(HandoverReport &report);

private:
    std::optional<LabelMap> sharedScope(const HandoverReport::OpenIncident &incident, bool alone);

    Result<> exec(QSqlQuery &query, const QList<QVariant> &values)
    {
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec())
            return Failure{HandoverReport::tr("Cannot read the alert store: %1").arg(query.lastError().text())};
        return {};
    }
    QSqlQuery query(const QString &sql)
    {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        query.prepare(sql);
        return query;
    }
    // The one number a `SELECT count(*) …` gives.
    Result<> count(const QString &sql, const QList<QVariant> &values, int &total)
    {
        QSqlQuery q = query(sql);
        if (Result<> done = exec(q, values); !done)
            return done;
        total = q.next() ? q.value(0).toInt() : 0;
        return {};
    }

    QSqlDatabase m_db;
    qint64 m_from;
    qint64 m_to;
    const Request &m_request;
};

Result<> Reader::counts(HandoverReport &report)
{
    // NoiseReport's measures per rule and severity (RuleNoiseQuery, shared with the noise report).
    const RuleNoiseQuery noise(m_db, m_from, m_to);
    const Result<QList<RuleNoiseQuery::Row>> rows = noise.rows();
    if (!rows)
        return rows.failure();
    QHash<QString, HandoverReport::SeverityCount> severities;
    for (const RuleNoiseQuery::Row &row : *rows) {
        QString severity = row.severity.trimmed();
        if (severity.isEmpty())
            severity = u"none"_s;
        HandoverReport::SeverityCount &count = severities[severity];
        count.severity = severity;
        count.fired += row.fired;
        count.resolved += row.ended;
        report.firedTotal += row.fired;
        report.resolvedTotal += row.ended;
    }
    report.bySeverity = severities.values();
    std::sort(report.bySeverity.begin(), report.bySeverity.end(), [](const auto &a, const auto &b) {
        const int left = severityOrder(a.severity);
        const int right = severityOrder(b.severity);
        return left != right ? left < right : a.severity < b.severity;
    });

    RuleNoiseQuery::Ranking ranking = noise.rank(*rows, HandoverReport::noisiestRules);
    if (Result<> done = noise.medianDurations(ranking); !done)
        return done;
    report.noisiest = ranking.rules;
    return {};
}

Result<> Reader::openAlerts(HandoverReport &report)
{
    const QString open = u"o.starts_at_ms < ? AND (o.resolved = 0 OR o.ends_at_ms >= ?)"_s;
    // "+": a scan, not the start index: the range is most of the table, and a lookup per
    // indexed row costs ten times a plain scan (4 s against 0.1 s over 1M occurrences).
    if (Result<> done
        = count(u"SELECT count(*) FROM occurrences o WHERE +"_s + open, {m_to, m_to}, report.openAlertsTotal);
        !done)
        return done;

    QSqlQuery q = query(u"SELECT o.source, o.fingerprint, o.starts_at_ms, a.data FROM occurrences o"
                        " LEFT JOIN alerts a ON a.source = o.source AND a.fingerprint = o.fingerprint WHERE "_s
                        + open + u" ORDER BY o.starts_at_ms, o.fingerprint LIMIT ?"_s);
    if (Result<> done = exec(q, {m_to, m_to, HandoverReport::maxListed}); !done)
        return done;
    while (q.next()) {
        const Alert alert = AlertJson::fromJson(QJsonDocument::fromJson(q.value(3).toByteArray()).object());
        HandoverReport::OpenAlert entry;
        entry.alert = {q.value(0).toString(), q.value(1).toString()};
        entry.name = alert.name.isEmpty() ? entry.alert.fingerprint : alert.name;
        entry.severity = alert.severityText.isEmpty() ? u"none"_s : alert.severityText;
        entry.target = alert.target();
        entry.summary = firstLine(alert.summary());
        entry.startsAt = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
        entry.ageMs = m_to - q.value(2).toLongLong();
        report.openAlerts.append(entry);
    }
    return {};
}

Result<> Reader::openIncidents(HandoverReport &report)
{
    QSqlQuery columns = query(u"SELECT 1 FROM pragma_table_info('occurrences') WHERE name = 'anchor_source'"_s);
    if (Result<> done = exec(columns, {}); !done)
        return done;
    if (!columns.next())
        return {}; // written before schema 6: no incidents (openIncidentsTotal stays -1)
    columns.finish();
    // Every open incident's members, summed per incident and severity label in SQLite: one
    // scan for the open occurrences (which also counts the firing members), then each
    // incident's members through the anchor index alone (it holds every column needed).
    // Alerts stored without an anchor count as incidents of their own. `alone` and `firing`
    // are the same for all rows of an incident: grouped by, so that min(mt) is the only
    // aggregate that picks a row, and the name comes from that row (the first member).
    const QString open = u"o.starts_at_ms < ? AND (o.resolved = 0 OR o.ends_at_ms >= ?)"_s;
    QSqlQuery q = query(
        u"WITH open_keys AS MATERIALIZED ("
        "  SELECT coalesce(o.anchor_source, o.source) AS s, coalesce(o.anchor_fingerprint, o.fingerprint) AS f,"
        "  coalesce(o.anchor_starts_at_ms, o.starts_at_ms) AS t, o.anchor_source IS NULL AS alone, count(*) AS firing"
        "  FROM occurrences o WHERE +"_s // a scan, as for the open alerts' count
        + open
        + u"  GROUP BY s, f, t, alone), members AS ("
          "  SELECT k.s, k.f, k.t, k.alone, k.firing, m.source AS ms, m.fingerprint AS mf, m.starts_at_ms AS mt"
          "  FROM open_keys k JOIN occurrences m"
          "  ON m.anchor_starts_at_ms = k.t AND m.anchor_source = k.s AND m.anchor_fingerprint = k.f"
          "  WHERE NOT k.alone AND m.starts_at_ms < ?"
          "  UNION ALL SELECT s, f, t, alone, firing, s, f, t FROM open_keys WHERE alone)"
          " SELECT mem.s, mem.f, mem.t, mem.alone, mem.firing,"
          " coalesce(json_extract(a.data, '$.severity'), '') AS severity, count(*), min(mem.mt),"
          " coalesce(json_extract(a.data, '$.name'), mem.mf)"
          " FROM members mem LEFT JOIN alerts a ON a.source = mem.ms AND a.fingerprint = mem.mf"
          " GROUP BY mem.s, mem.f, mem.t, mem.alone, mem.firing, severity"_s);
    if (Result<> done = exec(q, {m_to, m_to, m_to}); !done)
        return done;
    struct Folded {
        HandoverReport::OpenIncident incident;
        Severity worst = Severity::Other;
        qint64 worstStart = 0;
        bool alone = false;
    };
    QHash<OccurrenceKey, Folded> incidents;
    while (q.next()) {
        const OccurrenceKey anchor{{q.value(0).toString(), q.value(1).toString()}, q.value(2).toLongLong()};
        const QString severity = q.value(5).toString();
        const Severity rank = severityFromText(severity);
        const qint64 firstStart = q.value(7).toLongLong();
        auto it = incidents.find(anchor);
        if (it == incidents.end()) {
            it = incidents.insert(anchor, {});
            it->incident.anchor = anchor;
            it->incident.startsAt = QDateTime::fromMSecsSinceEpoch(firstStart, Qt::UTC);
            it->worstStart = firstStart;
            it->worst = rank;
            it->incident.worstName = q.value(8).toString();
            it->incident.severity = severity.isEmpty() ? u"none"_s : severity;
        } else {
            it->incident.startsAt
                = std::min(it->incident.startsAt, QDateTime::fromMSecsSinceEpoch(firstStart, Qt::UTC));
            // The correlator names an incident after its first member with the worst severity.
            if (rank < it->worst || (rank == it->worst && firstStart < it->worstStart)) {
                it->worst = rank;
                it->worstStart = firstStart;
                it->incident.worstName = q.value(8).toString();
                it->incident.severity = severity.isEmpty() ? u"none"_s : severity;
            }
        }
        it->alone = it->alone || q.value(3).toBool();
        it->incident.firing = std::max(it->incident.firing, q.value(4).toInt()); // the same on each row
        it->incident.members += q.value(6).toInt();
    }
    q.finish();
    report.openIncidentsTotal = int(incidents.size());

    std::vector<const Folded *> ranked;
    ranked.reserve(incidents.size());
    for (const Folded &folded : std::as_const(incidents))
        ranked.push_back(&folded);
    const auto listed = ranked.begin() + std::min<qsizetype>(HandoverReport::maxIncidentsListed, ranked.size());
    std::partial_sort(ranked.begin(), listed, ranked.end(), [](const Folded *a, const Folded *b) {
        if (a->worst != b->worst)
            return a->worst < b->worst;
        if (a->incident.startsAt != b->incident.startsAt)
            return a->incident.startsAt < b->incident.startsAt;
        const OccurrenceKey &x = a->incident.anchor;
        const OccurrenceKey &y = b->incident.anchor;
        return std::tie(x.startsAtMs, x.alert.source, x.alert.fingerprint)
            < std::tie(y.startsAtMs, y.alert.source, y.alert.fingerprint);
    });
    for (auto it = ranked.begin(); it != listed; ++it) {
        HandoverReport::OpenIncident incident = (*it)->incident;
        incident.ageMs = m_to - incident.startsAt.toMSecsSinceEpoch();
        incident.scope = sharedScope(incident, (*it)->alone);
        report.openIncidents.append(incident);
    }
    return {};
}

std::optional<LabelMap> Reader::sharedScope(const HandoverReport::OpenIncident &incident, bool alone)
{
    if (incident.members > HandoverReport::maxScopeMembers)
        return std::nullopt;
    QSqlQuery q = alone
        ? query(u"SELECT a.fingerprint, a.data FROM alerts a WHERE a.source = ? AND a.fingerprint = ?"_s)
        : query(u"SELECT a.fingerprint, a.data FROM occurrences m"
                " JOIN alerts a ON a.source = m.source AND a.fingerprint = m.fingerprint"
                " WHERE m.anchor_starts_at_ms = ? AND m.anchor_source = ? AND m.anchor_fingerprint = ?"
                " AND m.starts_at_ms < ? LIMIT ?"_s);
    const Result<> done = alone ? exec(q, {incident.anchor.alert.source, incident.anchor.alert.fingerprint})
                                : exec(q,
                                       {incident.anchor.startsAtMs, incident.anchor.alert.source,
                                        incident.anchor.alert.fingerprint, m_to, HandoverReport::maxScopeMembers});
    if (!done)
        return std::nullopt;
    // The intersection of every member's scope labels, as IncidentCorrelator keeps it.
    const QList<IncidentRules::Scope> scopes = m_request.incidentRules.compiledScopes();
    std::optional<LabelMap> shared;
    QSet<QString> seen; // an alert that fired again has the same labels
    while (q.next()) {
        if (seen.contains(q.value(0).toString()))
            continue;
        seen.insert(q.value(0).toString());
        const Alert alert = AlertJson::fromJson(QJsonDocument::fromJson(q.value(1).toByteArray()).object());
        LabelMap labels;
        IncidentCorrelator::scopeTokens(alert, scopes, &labels);
        if (!shared) {
            shared = labels;
            continue;
        }
        for (auto it = shared->begin(); it != shared->end();)
            it = labels.value(it.key()) == it.value() ? std::next(it) : shared->erase(it);
    }
    return shared ? shared : LabelMap();
}

Result<> Reader::timeToResolve(HandoverReport &report)
{
    const int count = report.resolvedTotal;
    report.timeToResolve.count = count;
    if (count == 0)
        return {};
    // One sort in SQLite; only the two ranks come back.
    QSqlQuery q = query(u"SELECT d FROM (SELECT d, row_number() OVER (ORDER BY d) AS rank FROM ("
                        "  SELECT max(ends_at_ms - starts_at_ms, 0) AS d FROM occurrences"
                        "  WHERE resolved = 1 AND ends_at_ms >= ? AND ends_at_ms < ?))"
                        " WHERE rank IN (?, ?) ORDER BY rank"_s);
    const int medianRank = nearestRank(0.5, count);
    const int p90Rank = nearestRank(0.9, count);
    if (Result<> done = exec(q, {m_from, m_to, medianRank, p90Rank}); !done)
        return done;
    if (q.next())
        report.timeToResolve.medianMs = q.value(0).toLongLong();
    report.timeToResolve.p90Ms = medianRank == p90Rank ? report.timeToResolve.medianMs
        : q.next()                                     ? q.value(0).toLongLong()
                                                       : -1;
    return {};
}

Result<> Reader::analyses(HandoverReport &report)
{
    if (Result<> done = count(u"SELECT count(*) FROM analyses WHERE created_at_ms >= ? AND created_at_ms < ?"_s,
                              {m_from, m_to}, report.analysesTotal);
        !done)
        return done;
    QSqlQuery q = query(u"SELECT n.created_at_ms, n.model, n.outcome, substr(n.error, 1, 500),"
                        " substr(n.content, 1, 4000), coalesce(json_extract(a.data, '$.name'), n.fingerprint)"
                        " FROM analyses n LEFT JOIN alerts a ON a.source = n.source AND a.fingerprint = n.fingerprint"
                        " WHERE n.created_at_ms >= ? AND n.created_at_ms < ?"
                        " ORDER BY n.created_at_ms DESC, n.id DESC LIMIT ?"_s);
    if (Result<> done = exec(q, {m_from, m_to, HandoverReport::maxListed}); !done)
        return done;
    while (q.next()) {
        HandoverReport::AnalysisEntry entry;
        entry.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC);
        entry.model = q.value(1).toString();
        const QString outcome = q.value(2).toString();
        const QString content = firstLine(q.value(4).toString());
        if (outcome == analysisOutcomeName(AnalysisOutcome::Failed) || content.isEmpty())
            entry.line
                = HandoverReport::tr("no answer (%1): %2")
                      .arg(analysisOutcomeText(analysisOutcomeFromName(outcome).value_or(AnalysisOutcome::Failed)),
                           firstLine(q.value(3).toString()));
        else
            entry.line = content;
        entry.alertName = q.value(5).toString();
        report.analyses.append(entry);
    }
    return {};
}

Result<> Reader::notes(HandoverReport &report)
{
    QSqlQuery exists = query(u"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'occurrence_notes'"_s);
    if (Result<> done = exec(exists, {}); !done)
        return done;
    report.notesAvailable = exists.next();
    if (!report.notesAvailable)
        return {};
    if (Result<> done = count(u"SELECT count(*) FROM occurrence_notes WHERE updated_at_ms >= ? AND updated_at_ms < ?"_s,
                              {m_from, m_to}, report.notesTotal);
        !done)
        return done;
    QSqlQuery q = query(u"SELECT substr(n.note, 1, 50000), n.updated_at_ms, n.starts_at_ms,"
                        " coalesce(json_extract(a.data, '$.name'), n.fingerprint) FROM occurrence_notes n"
                        " LEFT JOIN alerts a ON a.source = n.source AND a.fingerprint = n.fingerprint"
                        " WHERE n.updated_at_ms >= ? AND n.updated_at_ms < ?"
                        " ORDER BY n.updated_at_ms DESC LIMIT ?"_s);
    if (Result<> done = exec(q, {m_from, m_to, HandoverReport::maxListed}); !done)
        return done;
    while (q.next()) {
        const Result<ResolutionNote> note = ResolutionNote::fromJson(q.value(0).toString().toUtf8());
        HandoverReport::NoteEntry entry;
        entry.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
        entry.occurrenceStartsAt = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
        entry.alertName = q.value(3).toString();
        if (note) {
            const QString summary = note->summary().trimmed();
            entry.summary = firstLine(summary.isEmpty() ? note->text : summary, 300);
            entry.link = note->link;
        } else {
            entry.summary = note.error();
        }
        report.notes.append(entry);
    }
    return {};
}

HandoverReport::SilenceEntry entryOf(const Silence &silence)
{
    return {silence.createdBy, silence.comment, AlertmanagerApi::describe(silence.matchers), silence.startsAt,
            silence.endsAt};
}

void addCapped(QList<HandoverReport::SilenceEntry> &list, int &total, const Silence &silence)
{
    ++total;
    if (list.size() < HandoverReport::maxListed)
        list.append(entryOf(silence));
}

Result<> Reader::silences(HandoverReport &report)
{
    if (!m_request.silences) {
        report.silencesUnknownReason = m_request.silencesUnknownReason.isEmpty()
            ? HandoverReport::tr("Alertmanager was not asked for its silences.")
            : m_request.silencesUnknownReason;
        return {};
    }
    report.silencesKnown = true;
    QList<Silence> relevant; // could cover an occurrence that started in the window
    for (const Silence &silence : *m_request.silences) {
        if (!silence.startsAt.isValid() || !silence.endsAt.isValid())
            continue;
        const qint64 start = silence.startsAt.toMSecsSinceEpoch();
        const qint64 end = silence.endsAt.toMSecsSinceEpoch();
        if (start < m_to && end > m_from) {
            const bool ack = silence.comment == u"ack"_s;
            addCapped(ack ? report.acknowledgements : report.silences,
                      ack ? report.acknowledgementsTotal : report.silencesTotal, silence);
            relevant.append(silence);
        }
        if (start <= m_to && end > m_to && end - m_to <= HandoverReport::endingSoonMs)
            addCapped(report.endingSoon, report.endingSoonTotal, silence);
    }
    auto byEnd = [](const auto &a, const auto &b) { return a.endsAt < b.endsAt; };
    std::sort(report.endingSoon.begin(), report.endingSoon.end(), byEnd);
    auto byStart = [](const auto &a, const auto &b) { return a.startsAt > b.startsAt; };
    std::sort(report.acknowledgements.begin(), report.acknowledgements.end(), byStart);
    std::sort(report.silences.begin(), report.silences.end(), byStart);
    if (relevant.isEmpty())
        return {};
    std::sort(relevant.begin(), relevant.end(),
              [](const Silence &a, const Silence &b) { return a.startsAt < b.startsAt; });

    // Only Alertmanager's alerts can be silenced by it; each alert's labels are read once.
    QSqlQuery alerts = query(u"SELECT a.fingerprint, a.data FROM alerts a WHERE a.source = 'alertmanager' AND EXISTS ("
                             " SELECT 1 FROM occurrences o WHERE o.source = a.source AND o.fingerprint = a.fingerprint"
                             " AND o.starts_at_ms >= ? AND o.starts_at_ms < ?) LIMIT ?"_s);
    if (Result<> done = exec(alerts, {m_from, m_to, maxAcknowledgeAlerts + 1}); !done)
        return done;
    QSqlQuery occurrences = query(u"SELECT starts_at_ms, CASE WHEN resolved = 1 THEN ends_at_ms END FROM occurrences"
                                  " WHERE source = 'alertmanager' AND fingerprint = ?"
                                  " AND starts_at_ms >= ? AND starts_at_ms < ?"_s);
    std::vector<qint64> waits;
    int alertCount = 0;
    while (alerts.next()) {
        if (++alertCount > maxAcknowledgeAlerts) {
            report.acknowledgeLimited = true;
            break;
        }
        const LabelMap labels
            = AlertJson::fromJson(QJsonDocument::fromJson(alerts.value(1).toByteArray()).object()).labels;
        std::vector<qint64> starts; // of the silences that select it, ascending
        for (const Silence &silence : std::as_const(relevant))
            if (AlertmanagerApi::matches(silence.matchers, labels))
                starts.push_back(silence.startsAt.toMSecsSinceEpoch());
        if (starts.empty())
            continue;
        if (Result<> done = exec(occurrences, {alerts.value(0), m_from, m_to}); !done)
            return done;
        while (occurrences.next()) {
            const qint64 start = occurrences.value(0).toLongLong();
            const qint64 end = occurrences.value(1).isNull() ? m_to : occurrences.value(1).toLongLong();
            const auto first = std::lower_bound(starts.begin(), starts.end(), start);
            if (first != starts.end() && *first <= end)
                waits.push_back(*first - start);
        }
        occurrences.finish();
    }
    report.timeToAcknowledge.count = int(waits.size());
    if (!waits.empty()) {
        for (auto [share, target] :
             {std::pair{0.5, &report.timeToAcknowledge.medianMs}, std::pair{0.9, &report.timeToAcknowledge.p90Ms}}) {
            const auto at = waits.begin() + (nearestRank(share, int(waits.size())) - 1);
            std::nth_element(waits.begin(), at, waits.end());
            *target = *at;
        }
    }
    return {};
}

} // namespace

Result<HandoverReport> build(const Request &request, const Progress &progress)
{
    if (!request.since.isValid() || !request.until.isValid() || request.since >= request.until)
        return Failure{HandoverReport::tr("The report's window must start before it ends.")};
    // One read transaction: every section sees the same moment of the store.
    const Result<std::unique_ptr<ReadOnlyStore>> store
        = ReadOnlyStore::open(request.storePath, ReadOnlyStore::Schema::Any);
    if (!store)
        return store.failure();
    QSqlDatabase db = (*store)->database();
    HandoverReport report;
    report.since = request.since.toUTC();
    report.until = request.until.toUTC();
    report.generatedAt = QDateTime::currentDateTimeUtc();
    Reader reader(db, request);
    using Step = Result<> (Reader::*)(HandoverReport &);
    // timeToResolve needs the counts before it.
    const Step steps[] = {&Reader::counts,   &Reader::timeToResolve, &Reader::openAlerts, &Reader::openIncidents,
                          &Reader::analyses, &Reader::notes,         &Reader::silences};
    const int total = int(std::size(steps));
    for (int step = 0; step < total; ++step) {
        if (progress && !progress(step, total))
            return Failure{cancelledText()};
        if (Result<> done = (reader.*steps[step])(report); !done)
            return done.failure();
    }
    if (progress)
        progress(total, total);
    return report;
}

} // namespace HandoverReportBuilder

namespace HandoverReportWindow {

QString fileName()
{
    return u"last-handover-report"_s;
}

QDateTime defaultSince(const QString &dataDir, const QDateTime &until)
{
    QFile file(QDir(dataDir).filePath(fileName()));
    if (file.open(QIODevice::ReadOnly)) {
        const QDateTime last
            = QDateTime::fromString(QString::fromUtf8(file.read(64)).trimmed(), Qt::ISODateWithMs).toUTC();
        if (last.isValid() && last < until && last.secsTo(until) <= longestSinceLastSecs)
            return last;
    }
    return until.addSecs(-defaultSpanSecs);
}

bool remember(const QString &dataDir, const QDateTime &until)
{
    if (!QFileInfo(dataDir).isDir())
        return false;
    QSaveFile file(QDir(dataDir).filePath(fileName()));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(until.toUTC().toString(Qt::ISODateWithMs).toUtf8() + '\n');
    return file.commit();
}

} // namespace HandoverReportWindow
