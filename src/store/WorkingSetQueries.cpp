#include "store/WorkingSetQueries.h"

#include "model/AlertJson.h"

#include <QAtomicInteger>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace WorkingSetQueries {

namespace {

// The indexed expressions. Queries must spell them exactly so for SQLite to use the index.
// An alert without a last update falls back to its end (as retention does).
#define STATE_EXPRESSION "json_extract(data, '$.state')"
#define UPDATED_EXPRESSION "coalesce(json_extract(data, '$.lastUpdate'), json_extract(data, '$.endsAt'))"

Alert alertFrom(const QVariant &data)
{
    return AlertJson::fromJson(QJsonDocument::fromJson(data.toByteArray()).object());
}

// A word the JSON holds exactly as typed (printable ASCII without the characters JSON
// escapes), so that LIKE, which ignores ASCII case only, can narrow the candidates
// without ever losing a match. Anything else is checked after reading only.
bool likeSafe(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() >= 0x7f || c == u'"' || c == u'\\')
            return false;
    return true;
}

QString likePattern(QString text)
{
    text.replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + text + u'%';
}

// At most this many LIKE terms: each one reads the row's text again.
constexpr int maxLikeTerms = 8;

} // namespace

QString storedTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

Result<> createIndex(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(u"CREATE INDEX IF NOT EXISTS alerts_by_state_updated ON alerts(" STATE_EXPRESSION
                    ", " UPDATED_EXPRESSION ")"_s))
        return Failure{query.lastError().text()};
    return {};
}

Result<QList<Alert>> workingSet(const QSqlDatabase &db, const QDateTime &cutoff)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // Two index ranges; an OR of both would make SQLite read the whole table.
    query.prepare(u"SELECT data FROM alerts WHERE " STATE_EXPRESSION " = 'firing'"
                  " UNION ALL"
                  " SELECT data FROM alerts WHERE " STATE_EXPRESSION " = 'resolved' AND " UPDATED_EXPRESSION " >= ?"_s);
    query.addBindValue(storedTime(cutoff));
    if (!query.exec())
        return Failure{query.lastError().text()};
    QList<Alert> alerts;
    while (query.next())
        alerts.append(alertFrom(query.value(0)));
    return alerts;
}

Result<QList<AlertKey>> resolvedBefore(const QSqlDatabase &db, const QDateTime &cutoff, int limit)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT source, fingerprint FROM alerts WHERE " STATE_EXPRESSION
                  " = 'resolved' AND " UPDATED_EXPRESSION " < ? LIMIT ?"_s);
    query.addBindValue(storedTime(cutoff));
    query.addBindValue(limit);
    if (!query.exec())
        return Failure{query.lastError().text()};
    QList<AlertKey> keys;
    while (query.next())
        keys.append({query.value(0).toString(), query.value(1).toString()});
    return keys;
}

Result<HistoryPage> searchResolvedBefore(const QSqlDatabase &db, const AlertFilter &filter, const QDateTime &cutoff,
                                         int limit)
{
    QStringList patterns;
    for (const QString &word : filter.words)
        if (likeSafe(word))
            patterns << likePattern(word);
    for (const LabelMatcher &matcher : filter.matchers)
        if (matcher.op == LabelMatcher::Op::Equal && likeSafe(matcher.value))
            patterns << likePattern(matcher.value);
    patterns = patterns.mid(0, maxLikeTerms);

    QString sql = u"SELECT data FROM alerts WHERE " STATE_EXPRESSION " = 'resolved' AND " UPDATED_EXPRESSION " < ?"_s;
    for (qsizetype i = 0; i < patterns.size(); ++i)
        sql += u" AND data LIKE ? ESCAPE '\\'"_s;
    sql += u" ORDER BY " UPDATED_EXPRESSION " DESC"_s;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(sql);
    query.addBindValue(storedTime(cutoff));
    for (const QString &pattern : std::as_const(patterns))
        query.addBindValue(pattern);
    if (!query.exec())
        return Failure{query.lastError().text()};
    HistoryPage page;
    int examined = 0;
    while (query.next()) {
        if (++examined > maxExamined) {
            page.more = true;
            break;
        }
        Alert alert = alertFrom(query.value(0));
        if (!filter.matches(alert))
            continue;
        if (page.alerts.size() >= limit) {
            page.more = true;
            break;
        }
        page.alerts.append(std::move(alert));
    }
    return page;
}

Result<HistoryPage> searchStoreFile(const QString &filePath, const AlertFilter &filter, const QDateTime &cutoff,
                                    int limit)
{
    static QAtomicInteger<int> counter;
    const QString name = u"alertdeck-history-%1"_s.arg(counter.fetchAndAddRelaxed(1));
    Result<HistoryPage> page = Failure{QString()};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(filePath);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"_s);
        page = db.open() ? searchResolvedBefore(db, filter, cutoff, limit)
                         : Result<HistoryPage>(Failure{db.lastError().text()});
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return page;
}

#undef STATE_EXPRESSION
#undef UPDATED_EXPRESSION

} // namespace WorkingSetQueries
