// Acknowledge checks its matchers with Alertmanager before silencing: the filter that
// asks carries label values verbatim whatever they contain, the answer is sorted into
// "only this alert", "others too", "not there" and "could not ask", and nothing is
// silenced unless it is only this alert or the engineer agreed. After a restart only
// silences that mute exactly their alert are taken back.

#include "AlertBuilder.h"
#include "FakeHttpServer.h"
#include "alertmanager/Acknowledgements.h"
#include "alertmanager/AlertmanagerApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Alertmanager's classic matcher parser (pkg/labels ParseMatcher, the one Debian's
// 0.25 uses for `filter`), re-told: what it reads back from one filter item.
std::optional<std::pair<QString, QString>> classicParse(const QString &text)
{
    static const QRegularExpression re(u"^\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(=~|=|!=|!~)\\s*(.*?)\\s*\\z"_s,
                                       QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = re.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    QString raw = match.captured(3);
    bool expectTrailingQuote = false;
    if (raw.startsWith(u'"')) {
        raw.remove(0, 1);
        expectTrailingQuote = true;
    }
    QString value;
    bool escaped = false;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (escaped) {
            escaped = false;
            if (c == u'n')
                value += u'\n';
            else if (c == u'"' || c == u'\\')
                value += c;
            else
                value += u'\\' + QString(c);
            continue;
        }
        if (c == u'\\' && i < raw.size() - 1) {
            escaped = true;
        } else if (c == u'"') {
            if (!expectTrailingQuote || i < raw.size() - 1)
                return std::nullopt; // unescaped quote inside
            expectTrailingQuote = false;
        } else {
            value += c;
        }
    }
    if (expectTrailingQuote)
        return std::nullopt;
    return std::pair{match.captured(1), value};
}

// Go's url.ParseQuery for one key: '&'-separated, '+' is a space, then %XX.
QStringList goQueryValues(const QByteArray &query, const QByteArray &key)
{
    QStringList values;
    for (const QByteArray &pair : query.split('&')) {
        const qsizetype equals = pair.indexOf('=');
        if (pair.left(equals) != key)
            continue;
        QByteArray value = pair.mid(equals + 1);
        value.replace('+', ' ');
        values << QString::fromUtf8(QByteArray::fromPercentEncoding(value));
    }
    return values;
}

Alert alertWith(const QString &fingerprint, const LabelMap &labels)
{
    return AlertBuilder(fingerprint).labels(labels).name(labels.value(u"alertname"_s));
}

QJsonObject apiAlert(const Alert &alert, const QStringList &silencedBy = {})
{
    QJsonObject labels;
    for (auto it = alert.labels.cbegin(); it != alert.labels.cend(); ++it)
        labels.insert(it.key(), it.value());
    return {{u"fingerprint"_s, alert.fingerprint},
            {u"labels"_s, labels},
            {u"status"_s,
             QJsonObject{{u"state"_s, silencedBy.isEmpty() ? u"active"_s : u"suppressed"_s},
                         {u"silencedBy"_s, QJsonArray::fromStringList(silencedBy)},
                         {u"inhibitedBy"_s, QJsonArray{}}}}};
}

QByteArray apiAlerts(const QList<Alert> &alerts)
{
    QJsonArray list;
    for (const Alert &alert : alerts)
        list.append(apiAlert(alert));
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}

const QString hostile = u"a\", severity=~\".*\\\\\n},x+y&filter=job%3D\"z\"\\"_s;

} // namespace

class TestAcknowledgements : public QObject
{
    Q_OBJECT

private slots:
    void filterItemsQuoteAndEscape_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << u"alertname"_s << u"DiskFull"_s << u"alertname=\"DiskFull\""_s;
        QTest::newRow("quote") << u"summary"_s << u"say \"hi\""_s << u"summary=\"say \\\"hi\\\"\""_s;
        QTest::newRow("backslash") << u"path"_s << u"C:\\dir\\"_s << u"path=\"C:\\\\dir\\\\\""_s;
        QTest::newRow("newline") << u"msg"_s << u"one\ntwo"_s << u"msg=\"one\\ntwo\""_s;
        QTest::newRow("comma and brace") << u"x"_s << u"a,b}"_s << u"x=\"a,b}\""_s;
        QTest::newRow("injection") << u"severity"_s << u"critical\", alertname=~\".*"_s
                                   << u"severity=\"critical\\\", alertname=~\\\".*\""_s;
        QTest::newRow("odd name") << u"a=\"b\",c"_s << u"v"_s << u"\"a=\\\"b\\\",c\"=\"v\""_s;
    }

    void filterItemsQuoteAndEscape()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QCOMPARE(AlertmanagerApi::filterMatcher({name, value}), expected);
    }

    // Whatever a label value holds, Alertmanager reads back one equality matcher with
    // exactly that value.
    void hostileValuesReadBackVerbatim_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("hostile") << hostile;
        QTest::newRow("trailing backslash") << u"x\\"_s;
        QTest::newRow("backslash n") << u"\\n"_s;
        QTest::newRow("only a quote") << u"\""_s;
        QTest::newRow("spaces around") << u"  padded \t"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("unicode") << u"磁盘满 😀"_s;
    }

    void hostileValuesReadBackVerbatim()
    {
        QFETCH(QString, value);
        const QString item = AlertmanagerApi::filterMatcher({u"severity"_s, value});
        const auto parsed = classicParse(item);
        QVERIFY2(parsed, qPrintable(item));
        QCOMPARE(parsed->first, u"severity"_s);
        QCOMPARE(parsed->second, value);
        QVERIFY(item.endsWith(u'"')); // no trailing brace for the UTF-8 parser to refuse
    }

    // On the wire: each matcher is one `filter` parameter that Go's query parsing gives
    // back whole ('+', '&', '%', '=' included), with every state asked for.
    void filterOnTheWire()
    {
        FakeHttpServer alertmanager;
        QVERIFY(alertmanager.listen());
        alertmanager.route("/api/v2/alerts", {200, "[]"});
        const QList<SilenceMatcher> matchers{{u"alertname"_s, u"Disk Full+1"_s}, {u"label"_s, hostile}};
        AlertmanagerClient client;
        std::optional<AlertmanagerApi::AlertsResult> answer;
        client.fetchAlertsMatching({alertmanager.url()}, matchers, this,
                                   [&](const AlertmanagerApi::AlertsResult &result) { answer = result; });
        QTRY_VERIFY(answer);
        QVERIFY2(answer->error.isEmpty(), qPrintable(answer->error));
        QCOMPARE(alertmanager.requests.size(), 1);
        const QByteArray target = alertmanager.requests.first().target;
        const QByteArray query = target.mid(target.indexOf('?') + 1);
        QCOMPARE(goQueryValues(query, "filter"),
                 (QStringList{AlertmanagerApi::filterMatcher(matchers.at(0)),
                              AlertmanagerApi::filterMatcher(matchers.at(1))}));
        for (const QByteArray key : {"active", "silenced", "inhibited", "unprocessed"})
            QCOMPARE(goQueryValues(query, key), QStringList{u"true"_s});
        const auto parsed = classicParse(goQueryValues(query, "filter").at(1));
        QVERIFY(parsed);
        QCOMPARE(parsed->second, hostile);
    }

    void theAnswerIsSorted()
    {
        using Outcome = AcknowledgeCheck::Outcome;
        const Alert mine = alertWith(u"aaaa"_s, {{u"severity"_s, u"critical"_s}});
        const Alert other = alertWith(u"bbbb"_s, {{u"alertname"_s, u"DiskFull"_s}, {u"severity"_s, u"critical"_s}});
        const QList<SilenceMatcher> matchers = AlertmanagerApi::matchersFor(mine);
        auto classify = [&](const QList<Alert> &selected, const QString &error = {}) {
            AlertmanagerApi::AlertsResult answer;
            for (const Alert &alert : selected)
                answer.alerts.append({alert, u"active"_s, {}, {}});
            answer.error = error;
            return AcknowledgeCheck::classify(mine, {}, matchers, answer);
        };
        QCOMPARE(classify({mine}).outcome, Outcome::OnlyThisAlert);
        const AcknowledgeCheck both = classify({mine, other});
        QCOMPARE(both.outcome, Outcome::OtherAlertsToo);
        QVERIFY(both.alertFound);
        QCOMPARE(both.otherCount, 1);
        QCOMPARE(both.others.first().fingerprint, u"bbbb"_s);
        QCOMPARE(both.matchers, matchers);
        const AcknowledgeCheck othersOnly = classify({other});
        QCOMPARE(othersOnly.outcome, Outcome::OtherAlertsToo);
        QVERIFY(!othersOnly.alertFound);
        QCOMPARE(classify({}).outcome, Outcome::NotInAlertmanager);
        const AcknowledgeCheck down = classify({}, u"Connection refused"_s);
        QCOMPARE(down.outcome, Outcome::NotAsked);
        QCOMPARE(down.error, u"Connection refused"_s);
        // The fingerprint came with the webhook: a real alert that has it but other labels is another alert.
        Alert lookalike = other;
        lookalike.fingerprint = mine.fingerprint;
        const AcknowledgeCheck borrowed = classify({lookalike});
        QCOMPARE(borrowed.outcome, Outcome::OtherAlertsToo);
        QVERIFY(!borrowed.alertFound);
        // Many others: all counted, a few kept for the question.
        QList<Alert> many{mine};
        for (int i = 0; i < 500; ++i)
            many << alertWith(u"f%1"_s.arg(i), {{u"severity"_s, u"critical"_s}, {u"i"_s, QString::number(i)}});
        const AcknowledgeCheck crowd = classify(many);
        QCOMPARE(crowd.otherCount, 500);
        QCOMPARE(crowd.others.size(), AcknowledgeCheck::listedOthers);
    }

    // Against a stand-in: nothing is POSTed until the check says "only this alert" or
    // the engineer agreed; no Alertmanager answer means no silence.
    void nothingIsSilencedUntilAgreed()
    {
        FakeHttpServer alertmanager;
        QVERIFY(alertmanager.listen());
        const Alert stray = alertWith(u"aaaa"_s, {{u"severity"_s, u"critical"_s}});
        const Alert real = alertWith(u"bbbb"_s, {{u"alertname"_s, u"DiskFull"_s}, {u"severity"_s, u"critical"_s}});
        alertmanager.route("/api/v2/alerts", {200, apiAlerts({real})});
        alertmanager.route("/api/v2/silences", {200, "{\"silenceID\":\"s-1\"}"});
        auto posted = [&alertmanager] {
            return std::count_if(alertmanager.requests.cbegin(), alertmanager.requests.cend(),
                                 [](const HttpRequest &r) { return r.path == "/api/v2/silences"; });
        };
        Acknowledgements acks([](const QString &) { return true; });
        QSignalSpy heldBack(&acks, &Acknowledgements::heldBack);
        QSignalSpy acknowledged(&acks, &Acknowledgements::acknowledged);
        acks.acknowledge(stray, {alertmanager.url()}, u"oncall"_s);
        QVERIFY(acks.isChecking(stray.fingerprint));
        acks.acknowledge(stray, {alertmanager.url()}, u"oncall"_s); // a second Ctrl+K while asking: ignored
        QVERIFY(heldBack.wait(10'000));
        QCOMPARE(heldBack.size(), 1);
        QVERIFY(!acks.isChecking(stray.fingerprint));
        const auto check = heldBack.first().first().value<AcknowledgeCheck>();
        QCOMPARE(check.outcome, AcknowledgeCheck::Outcome::OtherAlertsToo);
        QCOMPARE(check.others.first().name, u"DiskFull"_s);
        QCOMPARE(posted(), 0);
        QVERIFY(!acks.isAcknowledged(stray.fingerprint));

        acks.acknowledgeChecked(check, u"oncall"_s); // "Silence all 1"
        QVERIFY(acknowledged.wait(10'000));
        QCOMPARE(posted(), 1);
        QVERIFY(acks.isAcknowledged(stray.fingerprint));

        // Alertmanager failing: said, nothing made.
        alertmanager.route("/api/v2/alerts", {500, "storage on fire"});
        const Alert load = alertWith(u"cccc"_s, {{u"alertname"_s, u"HighLoad"_s}});
        acks.acknowledge(load, {alertmanager.url()}, u"oncall"_s);
        QVERIFY(heldBack.wait(10'000));
        const auto failed = heldBack.last().first().value<AcknowledgeCheck>();
        QCOMPARE(failed.outcome, AcknowledgeCheck::Outcome::NotAsked);
        QVERIFY2(failed.error.contains(u"HTTP 500"_s), qPrintable(failed.error));
        QCOMPARE(posted(), 1);
    }

    // After a restart an "ack" silence is taken back only when Alertmanager says it
    // mutes exactly its alert: one made for a stand-in labelled severity="critical"
    // that mutes every critical alert is left to run out.
    void onlySilencesThatMuteExactlyTheirAlertAreTakenBack()
    {
        const Alert stray = alertWith(u"aaaa"_s, {{u"severity"_s, u"critical"_s}});
        const Alert disk = alertWith(u"bbbb"_s, {{u"alertname"_s, u"DiskFull"_s}, {u"severity"_s, u"critical"_s}});
        const Alert load = alertWith(u"cccc"_s, {{u"alertname"_s, u"HighLoad"_s}, {u"severity"_s, u"critical"_s}});
        auto ack = [](const QString &id, const Alert &alert) {
            Silence silence;
            silence.id = id;
            silence.matchers = AlertmanagerApi::matchersFor(alert);
            silence.comment = u"ack"_s;
            silence.state = u"active"_s;
            silence.endsAt = QDateTime::currentDateTimeUtc().addSecs(600);
            return silence;
        };
        const QList<Silence> silences{ack(u"broad"_s, stray), ack(u"exact"_s, load)};
        const QList<AlertmanagerAlert> inAlertmanager{{disk, u"suppressed"_s, {u"broad"_s}, {}},
                                                      {load, u"suppressed"_s, {u"broad"_s, u"exact"_s}, {}}};
        Acknowledgements acks([](const QString &) { return true; });
        QCOMPARE(acks.adopt(silences, inAlertmanager, {stray, disk, load}, {}), 1);
        QVERIFY(acks.isAcknowledged(load.fingerprint));
        QCOMPARE(acks.silenceId(load.fingerprint), u"exact"_s);
        QVERIFY(!acks.isAcknowledged(stray.fingerprint));
    }
};

QTEST_GUILESS_MAIN(TestAcknowledgements)
#include "tst_acknowledgements.moc"
