#include "shift/NoiseReportBuilder.h"

#include "model/AlertJson.h"
#include "shift/RuleNoiseQuery.h"
#include "store/AlertStore.h"
#include "store/ReadOnlyStore.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace NoiseReportBuilder {

QString Report::neverAcknowledgedDefinition()
{
    return tr("share of the firings that no Alertmanager silence selecting the alert covered at any moment while it "
              "fired (acknowledgements are silences too)");
}

QString Report::flapsDefinition()
{
    return tr("starts and ends in the period, per hour of it");
}

QString cancelledText()
{
    return Report::tr("The noise report was cancelled.");
}

namespace {

// The store on its own read-only connection, closed and removed when this goes.
Result<> validWindow(const QDateTime &since, const QDateTime &until)
{
    if (!since.isValid() || !until.isValid() || since >= until)
        return Failure{Report::tr("The period must start before it ends.")};
    return {};
}

QSqlQuery prepared(const QSqlDatabase &db, const QString &sql, const QList<QVariant> &values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query;
}

const QString ruleName = u"coalesce(json_extract(a.data, '$.name'), '')"_s;

class Reader
{
public:
    Reader(const QSqlDatabase &db, const Request &request, const Progress &progress)
        : m_db(db)
        , m_from(request.since.toMSecsSinceEpoch())
        , m_to(request.until.toMSecsSinceEpoch())
        , m_request(request)
        , m_progress(progress)
    { }

    Result<> ranking(Report &report);
    Result<> trends(Report &report);
    Result<> expressions(Report &report);
    Result<> acknowledgements(Report &report);

    bool keepGoing(int done, int total) const { return !m_progress || m_progress(done, total); }

    static constexpr int steps = 4;

private:
    QSqlDatabase m_db;
    qint64 m_from;
    qint64 m_to;
    const Request &m_request;
    const Progress &m_progress;
    QHash<QString, int> m_index; // rule → row in report.rules
};

Result<> Reader::ranking(Report &report)
{
    const RuleNoiseQuery noise(m_db, m_from, m_to);
    const Result<QList<RuleNoiseQuery::Row>> rows = noise.rows();
    if (!rows)
        return rows.failure();
    for (const RuleNoiseQuery::Row &row : *rows)
        report.firingsTotal += row.fired;
    RuleNoiseQuery::Ranking ranking = noise.rank(*rows, maxRules);
    if (Result<> done = noise.medianDurations(ranking); !done)
        return done;
    report.rules = std::move(ranking.rules);
    report.rulesTotal = ranking.rulesTotal;
    for (qsizetype i = 0; i < report.rules.size(); ++i) {
        report.rules[i].trend = QList<int>(NoiseReport::trendBuckets, 0);
        report.rules[i].neverAcknowledged = 1.0; // until a silence says otherwise
        m_index.insert(report.rules.at(i).rule, int(i));
    }
    return {};
}

// Firings per bucket, as NoiseReport::rank buckets them, per alert then per rule.
Result<> Reader::trends(Report &report)
{
    if (report.rules.isEmpty())
        return {};
    const qint64 span = std::max<qint64>(1, m_to - m_from);
    QSqlQuery q = prepared(m_db,
                           u"SELECT "_s + ruleName
                               + u", p.b, sum(p.n) FROM ("
                                 " SELECT source, fingerprint, (starts_at_ms - ?) * ? / ? AS b, count(*) AS n"
                                 " FROM occurrences WHERE starts_at_ms >= ? AND starts_at_ms < ?"
                                 " GROUP BY source, fingerprint, b) p"
                                 " LEFT JOIN alerts a ON a.source = p.source AND a.fingerprint = p.fingerprint"
                                 " GROUP BY 1, 2"_s,
                           {m_from, NoiseReport::trendBuckets, span, m_from, m_to});
    if (!q.exec())
        return Failure{RuleNoiseQuery::readError(q.lastError().text())};
    while (q.next()) {
        const auto row = m_index.constFind(q.value(0).toString());
        const int bucket = q.value(1).toInt();
        if (row != m_index.constEnd() && bucket >= 0 && bucket < NoiseReport::trendBuckets)
            report.rules[*row].trend[bucket] += q.value(2).toInt();
    }
    return {};
}

// The expression of each listed rule's latest alert that has one (for the rule snippet).
Result<> Reader::expressions(Report &report)
{
    QSqlQuery q = prepared(m_db,
                           u"SELECT json_extract(a.data, '$.promQL') FROM alerts a CROSS JOIN occurrences o"
                           " ON o.source = a.source AND o.fingerprint = a.fingerprint WHERE "_s
                               + ruleName
                               + u" = ? AND o.starts_at_ms >= ? AND o.starts_at_ms < ?"
                                 " AND coalesce(json_extract(a.data, '$.promQL'), '') <> ''"
                                 " ORDER BY o.starts_at_ms DESC LIMIT 1"_s,
                           {});
    for (NoiseReport::RuleStats &rule : report.rules) {
        for (const QVariant &value : {QVariant(rule.rule), QVariant(m_from), QVariant(m_to)})
            q.addBindValue(value);
        if (!q.exec())
            return Failure{RuleNoiseQuery::readError(q.lastError().text())};
        if (q.next())
            rule.expression = q.value(0).toString().left(20'000);
        q.finish();
    }
    return {};
}

// An occurrence counts as acknowledged when a silence selecting its alert was active at
// some moment while it fired. Only Alertmanager's alerts can be silenced by it, and only
// alerts some silence selects need their occurrences read.
Result<> Reader::acknowledgements(Report &report)
{
    if (!m_request.silences) {
        report.acknowledgementUnknownReason = m_request.silencesUnknownReason.isEmpty()
            ? Report::tr("Alertmanager was not asked for its silences.")
            : m_request.silencesUnknownReason;
        for (NoiseReport::RuleStats &rule : report.rules)
            rule.neverAcknowledged = -1;
        return {};
    }
    report.acknowledgementKnown = true;
    struct Interval {
        qint64 start;
        qint64 end;
    };
    QList<const Silence *> relevant;
    for (const Silence &silence : *m_request.silences)
        if (silence.startsAt.isValid() && silence.endsAt.isValid() && silence.startsAt.toMSecsSinceEpoch() < m_to
            && silence.endsAt.toMSecsSinceEpoch() > m_from)
            relevant.append(&silence);
    if (relevant.isEmpty() || report.rules.isEmpty())
        return {};

    QSqlQuery alerts
        = prepared(m_db,
                   u"SELECT a.fingerprint, a.data FROM alerts a WHERE a.source = 'alertmanager' AND EXISTS ("
                   " SELECT 1 FROM occurrences o WHERE o.source = a.source AND o.fingerprint = a.fingerprint"
                   " AND o.starts_at_ms >= ? AND o.starts_at_ms < ?) LIMIT ?"_s,
                   {m_from, m_to, maxAcknowledgeAlerts + 1});
    if (!alerts.exec())
        return Failure{RuleNoiseQuery::readError(alerts.lastError().text())};
    QSqlQuery occurrences = prepared(m_db,
                                     u"SELECT starts_at_ms, CASE WHEN resolved = 1 THEN ends_at_ms END FROM occurrences"
                                     " WHERE source = 'alertmanager' AND fingerprint = ?"
                                     " AND starts_at_ms >= ? AND starts_at_ms < ?"_s,
                                     {});
    QList<int> acknowledged(report.rules.size(), 0);
    int alertCount = 0;
    std::vector<Interval> covering;
    while (alerts.next()) {
        if (++alertCount > maxAcknowledgeAlerts) {
            report.acknowledgementLimited = true;
            break;
        }
        if (alertCount % 500 == 0 && !keepGoing(steps - 1, steps))
            return Failure{cancelledText()};
        const Alert alert = AlertJson::fromJson(QJsonDocument::fromJson(alerts.value(1).toByteArray()).object());
        const auto row = m_index.constFind(alert.name);
        if (row == m_index.constEnd())
            continue;
        covering.clear();
        for (const Silence *silence : std::as_const(relevant))
            if (AlertmanagerApi::matches(silence->matchers, alert.labels))
                covering.push_back({silence->startsAt.toMSecsSinceEpoch(), silence->endsAt.toMSecsSinceEpoch()});
        if (covering.empty())
            continue;
        for (const QVariant &value : {alerts.value(0), QVariant(m_from), QVariant(m_to)})
            occurrences.addBindValue(value);
        if (!occurrences.exec())
            return Failure{RuleNoiseQuery::readError(occurrences.lastError().text())};
        while (occurrences.next()) {
            const qint64 start = occurrences.value(0).toLongLong();
            const qint64 end = occurrences.value(1).isNull() ? m_to : occurrences.value(1).toLongLong();
            const bool covered = std::any_of(covering.begin(), covering.end(), [&](const Interval &silence) {
                return silence.start <= end && silence.end > start;
            });
            acknowledged[*row] += covered ? 1 : 0;
        }
        occurrences.finish();
    }
    for (qsizetype i = 0; i < report.rules.size(); ++i) {
        NoiseReport::RuleStats &rule = report.rules[i];
        if (rule.firings > 0)
            rule.neverAcknowledged = double(rule.firings - acknowledged.at(i)) / rule.firings;
    }
    return {};
}

} // namespace

Result<Report> build(const Request &request, const Progress &progress)
{
    if (Result<> valid = validWindow(request.since, request.until); !valid)
        return valid.failure();
    // One read transaction: every step sees the same moment of the store.
    const Result<std::unique_ptr<ReadOnlyStore>> store
        = ReadOnlyStore::open(request.storePath, ReadOnlyStore::Schema::Any);
    if (!store)
        return store.failure();
    QSqlDatabase connection = (*store)->database();
    Report report;
    report.since = request.since.toUTC();
    report.until = request.until.toUTC();
    Reader reader(connection, request, progress);
    using Step = Result<> (Reader::*)(Report &);
    const Step steps[] = {&Reader::ranking, &Reader::trends, &Reader::expressions, &Reader::acknowledgements};
    static_assert(std::size(steps) == Reader::steps);
    for (int step = 0; step < Reader::steps; ++step) {
        if (!reader.keepGoing(step, Reader::steps)) {
            connection.rollback();
            return Failure{cancelledText()};
        }
        if (Result<> done = (reader.*steps[step])(report); !done) {
            connection.rollback();
            return done.failure();
        }
    }
    reader.keepGoing(Reader::steps, Reader::steps);
    connection.rollback();
    return report;
}

Result<WhatIfResult> whatIf(const WhatIfRequest &request, const Progress &progress)
{
    if (Result<> valid = validWindow(request.since, request.until); !valid)
        return valid.failure();
    if (request.extraFor.count() < 0)
        return Failure{Report::tr("The added `for:` cannot be negative.")};
    const Result<std::unique_ptr<ReadOnlyStore>> store
        = ReadOnlyStore::open(request.storePath, ReadOnlyStore::Schema::Any);
    if (!store)
        return store.failure();
    const QSqlDatabase db = (*store)->database();
    if (progress && !progress(0, 2))
        return Failure{cancelledText()};
    const qint64 from = request.since.toMSecsSinceEpoch();
    const qint64 to = request.until.toMSecsSinceEpoch();
    QSqlQuery q
        = prepared(db,
                   u"SELECT o.starts_at_ms, CASE WHEN o.resolved = 1 THEN o.ends_at_ms END"
                   " FROM alerts a CROSS JOIN occurrences o ON o.source = a.source AND o.fingerprint = a.fingerprint"
                   " WHERE "_s
                       + ruleName + u" = ? AND o.starts_at_ms >= ? AND o.starts_at_ms < ? LIMIT ?"_s,
                   {request.rule, from, to, maxWhatIfOccurrences + 1});
    if (!q.exec())
        return Failure{RuleNoiseQuery::readError(q.lastError().text())};
    WhatIfResult result;
    QList<NoiseReport::Occurrence> occurrences;
    while (q.next()) {
        if (occurrences.size() == maxWhatIfOccurrences) {
            result.capped = true;
            break;
        }
        if (occurrences.size() % 20'000 == 0 && progress && !progress(1, 2))
            return Failure{cancelledText()};
        NoiseReport::Occurrence occurrence;
        occurrence.rule = request.rule;
        occurrence.startMs = q.value(0).toLongLong();
        occurrence.endMs = q.value(1).isNull() ? -1 : q.value(1).toLongLong();
        occurrences.append(occurrence);
    }
    result.occurrencesLoaded = int(occurrences.size());
    result.whatIf = NoiseReport::whatIf(occurrences, request.rule, request.extraFor, from, to);
    if (progress)
        progress(2, 2);
    return result;
}

} // namespace NoiseReportBuilder
