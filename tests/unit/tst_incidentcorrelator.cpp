#include "AlertBuilder.h"
#include "ResultAssert.h"
#include "TestData.h"
#include "incidents/IncidentCorrelator.h"
#include "ingest/PayloadParser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 11, 1), QTime(10, 0), QTimeZone::utc());

Alert resolvedAt(Alert alert, int secondsAfter)
{
    alert.state = AlertState::Resolved;
    alert.endsAt = t0.addSecs(secondsAfter);
    return alert;
}

// Pairwise precision and recall of a clustering against the labels: of the pairs put
// together, how many belong together; of the pairs that belong together, how many were.
struct PairScore {
    double precision = 0;
    double recall = 0;
};

PairScore score(const QHash<QString, QString> &truth, const QHash<QString, int> &predicted)
{
    const QStringList keys = truth.keys();
    qint64 together = 0, correct = 0, shouldBe = 0;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        for (qsizetype j = i + 1; j < keys.size(); ++j) {
            const bool same = truth.value(keys[i]) == truth.value(keys[j]);
            const bool put = predicted.value(keys[i], -1) == predicted.value(keys[j], -2);
            together += put;
            shouldBe += same;
            correct += put && same;
        }
    }
    return {together ? double(correct) / together : 1.0, shouldBe ? double(correct) / shouldBe : 1.0};
}

} // namespace

class IncidentCorrelatorTest : public QObject
{
    Q_OBJECT

private slots:
    void aHostIsTheSameWhateverLabelOrPortNamesIt()
    {
        IncidentCorrelator correlator;
        const auto a = correlator.add(
            AlertBuilder(u"a"_s).named(u"NodeDown"_s).label(u"instance"_s, u"db-1:9100"_s).startsAt(t0));
        const auto b = correlator.add(
            AlertBuilder(u"b"_s).named(u"ProcessDown"_s).label(u"instance"_s, u"db-1:9256"_s).startsAt(t0.addSecs(40)));
        const auto c = correlator.add(
            AlertBuilder(u"c"_s).named(u"HostUnreachable"_s).label(u"host"_s, u"db-1"_s).startsAt(t0.addSecs(90)));
        const auto d = correlator.add(
            AlertBuilder(u"d"_s).named(u"KubeNodeNotReady"_s).label(u"node"_s, u"db-1"_s).startsAt(t0.addSecs(120)));
        const auto other = correlator.add(
            AlertBuilder(u"e"_s).named(u"NodeDown"_s).label(u"instance"_s, u"db-2:9100"_s).startsAt(t0.addSecs(30)));
        QCOMPARE(b, a);
        QCOMPARE(c, a);
        QCOMPARE(d, a);
        QVERIFY(other != a);
        QCOMPARE(correlator.incident(a).members.size(), 4);
        QCOMPARE(correlator.incident(a).scope.value(u"instance"_s), u"db-1"_s);
    }

    void scopeValuesLoseOnlyAPort()
    {
        QCOMPARE(IncidentCorrelator::scopeValue(u"db-1:9100"_s), u"db-1"_s);
        QCOMPARE(IncidentCorrelator::scopeValue(u"[::1]:9100"_s), u"[::1]"_s);
        QCOMPARE(IncidentCorrelator::scopeValue(u"::1"_s), u"::1"_s);
        QCOMPARE(IncidentCorrelator::scopeValue(u"urn:thing"_s), u"urn:thing"_s);
        QCOMPARE(IncidentCorrelator::scopeValue(u"db-1:"_s), u"db-1:"_s);
        // A huge value is cut but still tells two huge values apart.
        const QString huge(100'000, u'x');
        const QString cut = IncidentCorrelator::scopeValue(huge);
        QVERIFY(cut.size() < 400);
        QVERIFY(cut != IncidentCorrelator::scopeValue(huge + u'y'));
    }

    void scopesWithSeveralLabelsNeedThemAll()
    {
        IncidentCorrelator correlator;
        auto pod = [](const QString &fingerprint, const QString &ns, const QString &name, int at) {
            return Alert(AlertBuilder(fingerprint)
                             .named(u"KubePodCrashLooping"_s)
                             .label(u"namespace"_s, ns)
                             .label(u"pod"_s, name)
                             .startsAt(t0.addSecs(at)));
        };
        const auto a = correlator.add(pod(u"a"_s, u"shop"_s, u"api-1"_s, 0));
        QCOMPARE(correlator.add(pod(u"b"_s, u"shop"_s, u"api-1"_s, 60)), a);
        QVERIFY(correlator.add(pod(u"c"_s, u"data"_s, u"api-1"_s, 60)) != a); // same pod name, other namespace
        // A namespace alone fills no scope: nothing to join on.
        const auto lone
            = correlator.add(AlertBuilder(u"d"_s).named(u"Quota"_s).label(u"namespace"_s, u"shop"_s).startsAt(t0));
        QVERIFY(lone != a);
        QCOMPARE(correlator.incident(lone).members.size(), 1);
        // Empty values name nothing.
        const auto empty1 = correlator.add(AlertBuilder(u"e"_s).named(u"X"_s).label(u"instance"_s, {}).startsAt(t0));
        const auto empty2 = correlator.add(AlertBuilder(u"f"_s).named(u"Y"_s).label(u"instance"_s, {}).startsAt(t0));
        QVERIFY(empty1 != empty2);
    }

    void theWindowAndTheQuietTimeEndAnIncident()
    {
        IncidentCorrelator correlator; // 5 min window, 5 min quiet
        auto onHost = [](const QString &fingerprint, int at) {
            return Alert(
                AlertBuilder(fingerprint).named(u"HighLoad"_s).label(u"host"_s, u"web-1"_s).startsAt(t0.addSecs(at)));
        };
        const auto first = correlator.add(onHost(u"a"_s, 0));
        QCOMPARE(correlator.add(onHost(u"b"_s, 290)), first); // within 5 min of a
        QCOMPARE(correlator.add(onHost(u"c"_s, 580)), first); // within 5 min of b: chains
        QVERIFY(correlator.add(onHost(u"late"_s, 580 + 301 + 3600)) != first); // an hour later, firing still
        // Everything resolved: 2 min of quiet later the incident takes no one, even
        // within its window.
        IncidentRules rules;
        rules.window = 10min;
        rules.quiet = 2min;
        IncidentCorrelator quiet(rules);
        const auto q = quiet.add(onHost(u"a"_s, 0));
        quiet.add(resolvedAt(onHost(u"a"_s, 0), 60));
        QVERIFY(!quiet.incident(q).isFiring());
        QCOMPARE(quiet.add(onHost(u"b"_s, 170)), q); // 110 s after the end
        quiet.add(resolvedAt(onHost(u"b"_s, 170), 200));
        QVERIFY(quiet.add(onHost(u"c"_s, 200 + 130)) != q);
    }

    void aGroupKeyJoinsAlertsWithNothingElseInCommon()
    {
        IncidentCorrelator correlator;
        const QString key = u"{}:{alertname=\"CertificateExpiringSoon\"}"_s;
        const auto a = correlator.add(AlertBuilder(u"a"_s)
                                          .named(u"CertificateExpiringSoon"_s)
                                          .label(u"instance"_s, u"web-1:9100"_s)
                                          .groupKey(key)
                                          .startsAt(t0));
        const auto b = correlator.add(AlertBuilder(u"b"_s)
                                          .named(u"CertificateExpiringSoon"_s)
                                          .label(u"instance"_s, u"db-3:9100"_s)
                                          .groupKey(key)
                                          .startsAt(t0.addSecs(20)));
        QCOMPARE(b, a);
        QVERIFY(correlator.incident(a).scope.isEmpty()); // two hosts: no shared scope
        IncidentRules noGroupKeys;
        noGroupKeys.byGroupKey = false;
        IncidentCorrelator without(noGroupKeys);
        const auto c = without.add(
            AlertBuilder(u"a"_s).named(u"Cert"_s).label(u"instance"_s, u"web-1:9100"_s).groupKey(key).startsAt(t0));
        QVERIFY(
            without.add(
                AlertBuilder(u"b"_s).named(u"Cert"_s).label(u"instance"_s, u"db-3:9100"_s).groupKey(key).startsAt(t0))
            != c);
    }

    void aLaterDeliveryOnlyUpdatesTheResolution()
    {
        IncidentCorrelator correlator;
        const Alert alert = AlertBuilder(u"a"_s)
                                .named(u"NodeDown"_s)
                                .label(u"host"_s, u"db-1"_s)
                                .startsAt(t0)
                                .severity(Severity::Critical);
        const auto id = correlator.add(alert);
        QCOMPARE(correlator.add(alert), id);
        QCOMPARE(correlator.incident(id).members.size(), 1);
        QCOMPARE(correlator.incident(id).unresolved, 1);
        QCOMPARE(correlator.add(resolvedAt(alert, 600)), id);
        QCOMPARE(correlator.incident(id).unresolved, 0);
        QCOMPARE(correlator.incident(id).lastEndMs, t0.addSecs(600).toMSecsSinceEpoch());
        QCOMPARE(correlator.incident(id).worst, Severity::Critical);
        QCOMPARE(correlator.incident(id).worstName, u"NodeDown"_s);
    }

    void mergeAndSplitWinAndSurviveAReplay()
    {
        auto history = [] {
            QList<Alert> alerts;
            alerts << AlertBuilder(u"a"_s).named(u"NodeDown"_s).label(u"host"_s, u"db-1"_s).startsAt(t0);
            alerts << AlertBuilder(u"b"_s).named(u"HighLoad"_s).label(u"host"_s, u"db-1"_s).startsAt(t0.addSecs(30));
            alerts << AlertBuilder(u"c"_s).named(u"DiskFull"_s).label(u"host"_s, u"db-1"_s).startsAt(t0.addSecs(60));
            alerts << AlertBuilder(u"x"_s)
                          .named(u"HighErrorRate"_s)
                          .label(u"service"_s, u"checkout"_s)
                          .label(u"cluster"_s, u"eu1"_s)
                          .startsAt(t0.addSecs(45));
            return alerts;
        }();
        IncidentCorrelator live;
        for (const Alert &alert : history)
            live.add(alert);
        const auto host = *live.incidentOf(OccurrenceKey::of(history[0]));
        const auto service = *live.incidentOf(OccurrenceKey::of(history[3]));
        QVERIFY(host != service);
        QVERIFY(live.merge(host, {service}));
        QCOMPARE(live.incident(host).members.size(), 4);
        QVERIFY(live.incident(service).members.isEmpty());
        QCOMPARE(live.liveIncidents().size(), 1);
        QVERIFY(!live.merge(host, {service})); // nothing left to move
        // The anchor itself leaves: the rest stay together under a new anchor.
        QVERIFY(live.split(OccurrenceKey::of(history[0])));
        QCOMPARE(live.incident(host).members.size(), 3);
        QCOMPARE(live.liveIncidents().size(), 2);
        QVERIFY(!live.split(OccurrenceKey::of(history[0]))); // alone already

        // A restart: the same history with the stored pins gives the same incidents.
        IncidentCorrelator replayed;
        replayed.setPins(live.pins());
        for (const Alert &alert : history)
            replayed.add(alert);
        auto membersOf = [](const IncidentCorrelator &correlator, const Alert &alert) {
            QList<OccurrenceKey> members
                = correlator.incident(*correlator.incidentOf(OccurrenceKey::of(alert))).members;
            std::sort(members.begin(), members.end(), [](const OccurrenceKey &l, const OccurrenceKey &r) {
                return l.alert.fingerprint < r.alert.fingerprint;
            });
            return members;
        };
        for (const Alert &alert : history)
            QCOMPARE(membersOf(replayed, alert), membersOf(live, alert));
        QCOMPARE(replayed.liveIncidents().size(), 2);
    }

    void tenThousandAlertsOnOneHostStayOneIncident()
    {
        IncidentCorrelator correlator;
        IncidentCorrelator::IncidentId id = -1;
        for (int i = 0; i < 10'000; ++i) {
            const auto got = correlator.add(AlertBuilder(u"f"_s + QString::number(i))
                                                .named(u"Storm"_s)
                                                .label(u"instance"_s, u"db-1:9100"_s)
                                                .label(u"huge"_s, QString(2000, u'v'))
                                                .startsAt(t0.addMSecs(i * 10)));
            if (i == 0)
                id = got;
            QCOMPARE(got, id);
        }
        QCOMPARE(correlator.incident(id).members.size(), 10'000);
        QCOMPARE(correlator.incidents().size(), 1);
    }

    void rulesAreReadFromTheirText()
    {
        const Result<QStringList> read
            = IncidentRules::parseScopes(u" instance | host ; namespace + pod;;cluster+service "_s);
        QVERIFY_OK(read);
        QCOMPARE(*read, (QStringList{u"instance|host"_s, u"namespace+pod"_s, u"cluster+service"_s}));
        IncidentRules rules;
        rules.scopes = *read;
        QCOMPARE(rules.compiledScopes().size(), 3);
        QCOMPARE(rules.compiledScopes().at(0), (IncidentRules::Scope{{u"instance"_s, u"host"_s}}));
        const Result<QStringList> bad = IncidentRules::parseScopes(u"namespace+pod-name"_s);
        QVERIFY(!bad);
        QVERIFY2(bad.error().contains(u"pod-name"_s), qPrintable(bad.error()));
        QCOMPARE(IncidentRules::parseScopes(IncidentRules().scopesText()).value(), IncidentRules::defaultScopes());
    }

    // The labelled history (tools/gen-incident-history): real-format payloads with the
    // true incident of every alert, hard cases included.
    void theLabelledHistoryIsCorrelatedAsLabelled()
    {
        const QJsonObject truthJson = QJsonDocument::fromJson(TestData::file(u"incidents/truth.json"_s)).object();
        QHash<QString, QString> truth;
        for (auto it = truthJson.constBegin(); it != truthJson.constEnd(); ++it)
            truth.insert(it.key(), it.value().toString());
        QVERIFY(truth.size() >= 300);
        QVERIFY(QSet<QString>(truth.cbegin(), truth.cend()).size() >= 40);

        IncidentCorrelator correlator;
        QHash<QString, int> predicted;
        const QList<QByteArray> lines = TestData::file(u"incidents/history.jsonl"_s).split('\n');
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            const PayloadParseResult parsed = parsePayload(line, PayloadFormat::Alertmanager, t0);
            QVERIFY2(parsed.ok(), line.left(200).constData());
            for (const Alert &alert : parsed.payload.alerts) {
                const int id = correlator.add(alert);
                predicted.insert(
                    alert.fingerprint + u'@' + alert.startsAt.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s), id);
            }
        }
        QCOMPARE(predicted.size(), truth.size());
        const PairScore result = score(truth, predicted);
        qInfo("correlation over %lld occurrences: precision %.3f, recall %.3f", qint64(truth.size()), result.precision,
              result.recall);
        QVERIFY2(result.precision >= 0.9, qPrintable(QString::number(result.precision)));
        QVERIFY2(result.recall >= 0.9, qPrintable(QString::number(result.recall)));
    }
};

QTEST_GUILESS_MAIN(IncidentCorrelatorTest)
#include "tst_incidentcorrelator.moc"
