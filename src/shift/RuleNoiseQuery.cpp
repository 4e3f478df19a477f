#include "shift/RuleNoiseQuery.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

RuleNoiseQuery::RuleNoiseQuery(const QSqlDatabase &db, qint64 fromMs, qint64 toMs)
    : m_db(db)
    , m_from(fromMs)
    , m_to(toMs)
{ }

QString RuleNoiseQuery::readError(const QString &detail)
{
    return NoiseReport::tr("Cannot read the alert store: %1").arg(detail);
}

Result<QList<RuleNoiseQuery::Row>> RuleNoiseQuery::rows() const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"WITH w(f, t) AS (SELECT ?, ?),"
              " per_alert AS ("
              "  SELECT o.source, o.fingerprint,"
              "   sum(o.starts_at_ms >= w.f AND o.starts_at_ms < w.t) AS fired,"
              "   sum(o.resolved = 1 AND o.ends_at_ms >= w.f AND o.ends_at_ms < w.t) AS ended,"
              "   sum(o.starts_at_ms >= w.f AND o.starts_at_ms < w.t AND o.resolved = 1"
              "       AND o.ends_at_ms >= o.starts_at_ms) AS closed,"
              "   sum(o.starts_at_ms >= w.f AND o.starts_at_ms < w.t AND o.resolved = 1"
              "       AND o.ends_at_ms >= o.starts_at_ms AND o.ends_at_ms - o.starts_at_ms <= ?) AS quick,"
              "   max(CASE WHEN o.starts_at_ms >= w.f AND o.starts_at_ms < w.t THEN o.starts_at_ms END) AS latest"
              "  FROM occurrences o, w"
              "  WHERE (o.starts_at_ms >= w.f AND o.starts_at_ms < w.t)"
              "     OR (o.resolved = 1 AND o.ends_at_ms >= w.f AND o.ends_at_ms < w.t)"
              "  GROUP BY o.source, o.fingerprint)"
              " SELECT coalesce(json_extract(a.data, '$.name'), ''), coalesce(json_extract(a.data, '$.severity'), ''),"
              "  sum(p.fired), sum(p.ended), sum(p.closed), sum(p.quick), max(p.latest)"
              " FROM per_alert p LEFT JOIN alerts a ON a.source = p.source AND a.fingerprint = p.fingerprint"
              " GROUP BY 1, 2"_s);
    q.addBindValue(m_from);
    q.addBindValue(m_to);
    q.addBindValue(NoiseReport::quickResolveMs);
    if (!q.exec())
        return Failure{readError(q.lastError().text())};
    QList<Row> rows;
    while (q.next()) {
        Row row;
        row.rule = q.value(0).toString();
        row.severity = q.value(1).toString();
        row.fired = q.value(2).toInt();
        row.ended = q.value(3).toInt();
        row.closed = q.value(4).toInt();
        row.quick = q.value(5).toInt();
        row.latestStartMs = q.value(6).isNull() ? -1 : q.value(6).toLongLong();
        rows.append(row);
    }
    return rows;
}

RuleNoiseQuery::Ranking RuleNoiseQuery::rank(const QList<Row> &rows, int limit) const
{
    struct Rule {
        NoiseReport::RuleStats stats;
        int transitions = 0;
        int closed = 0;
        int quick = 0;
        qint64 latest = -1;
    };
    QHash<QString, Rule> rules;
    for (const Row &row : rows) {
        Rule &rule = rules[row.rule];
        rule.stats.rule = row.rule;
        rule.stats.firings += row.fired;
        rule.transitions += row.fired + row.ended;
        rule.closed += row.closed;
        rule.quick += row.quick;
        if (row.latestStartMs >= 0 && row.latestStartMs > rule.latest) {
            rule.latest = row.latestStartMs;
            rule.stats.severity = row.severity;
        }
    }
    const double hours = std::max<qint64>(1, m_to - m_from) / 3'600'000.0;
    QList<NoiseReport::RuleStats> ranked;
    QHash<QString, int> closedByRule;
    for (Rule &rule : rules) {
        if (rule.stats.firings == 0)
            continue; // only ended here: not noise of this window
        rule.stats.flapsPerHour = rule.transitions / hours;
        if (rule.closed > 0)
            rule.stats.resolvedWithin5Min = double(rule.quick) / rule.closed;
        closedByRule.insert(rule.stats.rule, rule.closed);
        ranked.append(std::move(rule.stats));
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
        if (a.firings != b.firings)
            return a.firings > b.firings;
        if (a.flapsPerHour != b.flapsPerHour)
            return a.flapsPerHour > b.flapsPerHour;
        return a.rule < b.rule;
    });
    Ranking ranking;
    ranking.rulesTotal = int(ranked.size());
    ranking.rules = ranked.mid(0, std::max(0, limit));
    for (const NoiseReport::RuleStats &rule : std::as_const(ranking.rules))
        ranking.closedByRule.insert(rule.rule, closedByRule.value(rule.rule));
    return ranking;
}

Result<> RuleNoiseQuery::medianDurations(Ranking &ranking) const
{
    // CROSS JOIN keeps the alerts as the outer loop: each alert's name is read once and its
    // occurrences come from the primary key, instead of reading a name per occurrence.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT o.ends_at_ms - o.starts_at_ms AS d FROM alerts a CROSS JOIN occurrences o"
              " ON o.source = a.source AND o.fingerprint = a.fingerprint"
              " WHERE coalesce(json_extract(a.data, '$.name'), '') = ?"
              " AND o.starts_at_ms >= ? AND o.starts_at_ms < ? AND o.resolved = 1"
              " AND o.ends_at_ms >= o.starts_at_ms ORDER BY d LIMIT 1 OFFSET ?"_s);
    for (NoiseReport::RuleStats &rule : ranking.rules) {
        const int closed = ranking.closedByRule.value(rule.rule);
        if (closed == 0)
            continue;
        for (const QVariant &value : {QVariant(rule.rule), QVariant(m_from), QVariant(m_to), QVariant(closed / 2)})
            q.addBindValue(value);
        if (!q.exec())
            return Failure{readError(q.lastError().text())};
        if (q.next())
            rule.medianDurationMs = q.value(0).toLongLong();
        q.finish();
    }
    return {};
}
