#include "HandoverFixture.h"
#include "ResultAssert.h"
#include "TestData.h"
#include "shift/NoiseReportBuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <numeric>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// The fixture's occurrences read straight from the payloads (no parser, no store):
// rule → (fingerprint@start → {start, end or -1}).
struct Span {
    qint64 start = 0;
    qint64 end = -1;
};
using History = std::map<QString, std::map<QString, Span>>;

History readHistory()
{
    History history;
    for (const QByteArray &line : TestData::file(u"incidents/history.jsonl"_s).split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        for (const QJsonValue &value : QJsonDocument::fromJson(line).object().value(u"alerts"_s).toArray()) {
            const QJsonObject alert = value.toObject();
            const QString startsAt = alert.value(u"startsAt"_s).toString();
            Span &span = history[alert.value(u"labels"_s).toObject().value(u"alertname"_s).toString()]
                                [alert.value(u"fingerprint"_s).toString() + u'@' + startsAt];
            span.start = QDateTime::fromString(startsAt, Qt::ISODateWithMs).toMSecsSinceEpoch();
            if (alert.value(u"status"_s).toString() == u"resolved"_s)
                span.end
                    = QDateTime::fromString(alert.value(u"endsAt"_s).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        }
    }
    return history;
}

const QDateTime november = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
const QDateTime december = QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC);

} // namespace

class NoiseReportBuilderTest final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_store;

    NoiseReportBuilder::Request request(const QDateTime &since = november, const QDateTime &until = december) const
    {
        NoiseReportBuilder::Request request;
        request.storePath = m_store;
        request.since = since;
        request.until = until;
        return request;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(u"alerts.sqlite"_s);
        const QString written = HandoverFixture::write(m_store);
        QVERIFY2(written.isEmpty(), qPrintable(written));
    }

    void theNoisiestRuleRanksFirstWithItsCountFromThePayloads()
    {
        const History history = readHistory();
        QString noisiest;
        int most = 0;
        int all = 0;
        for (const auto &[rule, occurrences] : history) {
            all += int(occurrences.size());
            if (int(occurrences.size()) > most) {
                most = int(occurrences.size());
                noisiest = rule;
            }
        }
        const Result<NoiseReportBuilder::Report> report = NoiseReportBuilder::build(request());
        QVERIFY_OK(report);
        QVERIFY(!report->rules.isEmpty());
        QCOMPARE(report->rules.first().rule, noisiest);
        QCOMPARE(report->rules.first().firings, most);
        QCOMPARE(report->firingsTotal, all);
        QCOMPARE(report->rulesTotal, int(history.size()));
        for (int i = 1; i < report->rules.size(); ++i)
            QVERIFY(report->rules.at(i - 1).firings >= report->rules.at(i).firings);
        for (const NoiseReport::RuleStats &rule : report->rules) {
            QCOMPARE(rule.trend.size(), NoiseReport::trendBuckets);
            QCOMPARE(std::accumulate(rule.trend.begin(), rule.trend.end(), 0), rule.firings);
            QVERIFY(rule.medianDurationMs >= 0);
            QCOMPARE(rule.expression, u"up"_s); // the generatorURL's g0.expr
        }
    }

    void neverAcknowledgedIsUnknownWithoutSilencesAndCountsThemWithSome()
    {
        const Result<NoiseReportBuilder::Report> unknown = NoiseReportBuilder::build(request());
        QVERIFY_OK(unknown);
        QVERIFY(!unknown->acknowledgementKnown);
        QVERIFY(!unknown->acknowledgementUnknownReason.isEmpty());
        QCOMPARE(unknown->rules.first().neverAcknowledged, -1.0);

        // One silence over the whole month for the noisiest rule: none of its firings is
        // unacknowledged, every other rule's all are.
        const QString noisiest = unknown->rules.first().rule;
        NoiseReportBuilder::Request withSilences = request();
        Silence silence;
        silence.matchers = {{u"alertname"_s, noisiest}};
        silence.startsAt = november.addDays(-1);
        silence.endsAt = december;
        withSilences.silences = QList<Silence>{silence};
        const Result<NoiseReportBuilder::Report> known = NoiseReportBuilder::build(withSilences);
        QVERIFY_OK(known);
        QVERIFY(known->acknowledgementKnown);
        for (const NoiseReport::RuleStats &rule : known->rules)
            QCOMPARE(rule.neverAcknowledged, rule.rule == noisiest ? 0.0 : 1.0);
    }

    void whatIfCountsEqualAReferenceComputation_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("minutes");
        for (const auto &[rule, occurrences] : readHistory())
            for (int minutes : {0, 5, 10, 30, 120})
                QTest::addRow("%s-%dm", qPrintable(rule), minutes) << rule << minutes;
    }

    void whatIfCountsEqualAReferenceComputation()
    {
        QFETCH(QString, rule);
        QFETCH(int, minutes);
        // Reference: the ones that vanish are those that lasted less than the added time
        // (a still firing one lasts until the period's end); the others remain.
        const std::map<QString, Span> occurrences = readHistory().at(rule);
        const qint64 extraMs = qint64(minutes) * 60'000;
        int vanished = 0;
        for (const auto &[key, span] : occurrences) {
            const qint64 lasted = (span.end < 0 ? december.toMSecsSinceEpoch() : span.end) - span.start;
            vanished += lasted < extraMs ? 1 : 0;
        }
        const int before = int(occurrences.size());

        NoiseReportBuilder::WhatIfRequest whatIf;
        whatIf.storePath = m_store;
        whatIf.rule = rule;
        whatIf.since = november;
        whatIf.until = december;
        whatIf.extraFor = std::chrono::minutes(minutes);
        const Result<NoiseReportBuilder::WhatIfResult> result = NoiseReportBuilder::whatIf(whatIf);
        QVERIFY_OK(result);
        QVERIFY(!result->capped);
        QCOMPARE(result->occurrencesLoaded, before);
        QCOMPARE(result->whatIf.notificationsBefore, before);
        QCOMPARE(result->whatIf.notificationsAfter, before - vanished);
        QCOMPARE(result->whatIf.delayCostMs, (before - vanished) * extraMs);
    }

    void anEmptyWindowIsAnEmptyReport()
    {
        const Result<NoiseReportBuilder::Report> report = NoiseReportBuilder::build(request(
            QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC), QDateTime(QDate(2020, 2, 1), QTime(0, 0), Qt::UTC)));
        QVERIFY_OK(report);
        QVERIFY(report->rules.isEmpty());
        QCOMPARE(report->rulesTotal, 0);
        QCOMPARE(report->firingsTotal, 0);
    }

    void aBackwardsPeriodOrAMissingStoreIsAnError()
    {
        const Result<NoiseReportBuilder::Report> backwards = NoiseReportBuilder::build(request(december, november));
        QVERIFY(!backwards);
        QVERIFY(backwards.error().contains(u"start before"_s));
        NoiseReportBuilder::Request missing = request();
        missing.storePath = m_dir.filePath(u"none.sqlite"_s);
        const Result<NoiseReportBuilder::Report> absent = NoiseReportBuilder::build(missing);
        QVERIFY(!absent);
        QVERIFY(absent.error().contains(missing.storePath));
    }

    void cancellingStopsTheBuild()
    {
        int calls = 0;
        const Result<NoiseReportBuilder::Report> report = NoiseReportBuilder::build(request(), [&](int done, int) {
            ++calls;
            return done < 2;
        });
        QVERIFY(!report);
        QCOMPARE(report.error(), NoiseReportBuilder::cancelledText());
        QCOMPARE(calls, 3);
    }
};

QTEST_GUILESS_MAIN(NoiseReportBuilderTest)
#include "tst_noisereportbuilder.moc"
