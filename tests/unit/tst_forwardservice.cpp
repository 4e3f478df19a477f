#include "FakeHttpServer.h"
#include "ResultAssert.h"
#include "TestData.h"
#include "analysis/AnalysisService.h"
#include "context/ContextService.h"
#include "forward/ForwardService.h"
#include "secrets/MemorySecretStore.h"
#include "store/StoreService.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Type = ChatDestination::Type;
using Response = FakeHttpServer::Response;

namespace {

const QString signingSecret = u"SECabc123"_s;

QJsonObject json(const HttpRequest &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

Response jsonAnswer(const QByteArray &body, int status = 200)
{
    return {status, body};
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// What the real services check, done independently of AlertDeck's code.
Response dingTalk(const HttpRequest &request)
{
    const QUrlQuery query{QUrl(u"http://x"_s + QString::fromUtf8(request.target))};
    const QString timestamp = query.queryItemValue(u"timestamp"_s);
    const QByteArray sign
        = QUrl::fromPercentEncoding(query.queryItemValue(u"sign"_s, QUrl::FullyEncoded).toLatin1()).toLatin1();
    const QByteArray expected = QMessageAuthenticationCode::hash((timestamp + u'\n' + signingSecret).toUtf8(),
                                                                 signingSecret.toUtf8(), QCryptographicHash::Sha256)
                                    .toBase64();
    if (query.queryItemValue(u"access_token"_s).isEmpty())
        return jsonAnswer("{\"errcode\":300001,\"errmsg\":\"token is not exist\"}");
    if (std::abs(nowMs() - timestamp.toLongLong()) > 3600'000 || sign != expected)
        return jsonAnswer("{\"errcode\":310000,\"errmsg\":\"sign not match, more: [https://ding-doc]\"}");
    if (json(request).value(u"msgtype"_s).toString() != u"markdown"_s
        || json(request).value(u"markdown"_s).toObject().value(u"text"_s).toString().isEmpty())
        return jsonAnswer("{\"errcode\":40035,\"errmsg\":\"missing parameter\"}");
    return jsonAnswer("{\"errcode\":0,\"errmsg\":\"ok\"}");
}

Response feishu(const HttpRequest &request)
{
    const QJsonObject body = json(request);
    const QString timestamp = body.value(u"timestamp"_s).toString();
    const QByteArray expected
        = QMessageAuthenticationCode::hash({}, (timestamp + u'\n' + signingSecret).toUtf8(), QCryptographicHash::Sha256)
              .toBase64();
    if (std::abs(nowMs() / 1000 - timestamp.toLongLong()) > 3600
        || body.value(u"sign"_s).toString().toLatin1() != expected)
        return jsonAnswer("{\"code\":19021,\"data\":{},\"msg\":\"sign match fail or timestamp is not within one hour "
                          "from current time\"}");
    if (request.body.size() > 20 * 1024)
        return jsonAnswer("{\"code\":9499,\"msg\":\"request body too large\"}");
    if (body.value(u"msg_type"_s).toString() != u"interactive"_s || !body.value(u"card"_s).isObject())
        return jsonAnswer("{\"code\":9499,\"msg\":\"Bad Request\"}");
    return jsonAnswer("{\"code\":0,\"data\":{},\"msg\":\"success\"}");
}

Response weCom(const HttpRequest &request)
{
    const QString content = json(request).value(u"markdown"_s).toObject().value(u"content"_s).toString();
    if (!request.target.contains("key="))
        return jsonAnswer("{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
    if (content.toUtf8().size() > 4096)
        return jsonAnswer("{\"errcode\":40058,\"errmsg\":\"markdown.content exceed max length 4096\"}");
    return jsonAnswer("{\"errcode\":0,\"errmsg\":\"ok\"}");
}

Response slack(const HttpRequest &request)
{
    const QJsonObject body = json(request);
    if (body.value(u"text"_s).toString().isEmpty() || !body.value(u"blocks"_s).isArray())
        return {400, "invalid_blocks", "text/plain"};
    for (const QJsonValue &block : body.value(u"blocks"_s).toArray())
        if (block.toObject().value(u"text"_s).toObject().value(u"text"_s).toString().size() > 3000)
            return {400, "invalid_blocks", "text/plain"};
    return {200, "ok", "text/plain"};
}

Response teams(const HttpRequest &request)
{
    const QJsonObject attachment = json(request).value(u"attachments"_s).toArray().first().toObject();
    if (attachment.value(u"contentType"_s).toString() != u"application/vnd.microsoft.card.adaptive"_s
        || attachment.value(u"content"_s).toObject().value(u"type"_s).toString() != u"AdaptiveCard"_s)
        return jsonAnswer("{\"error\":{\"code\":\"InvalidRequestContent\",\"message\":\"The card is invalid.\"}}", 400);
    return {202, {}};
}

Response mattermost(const HttpRequest &request)
{
    if (json(request).value(u"text"_s).toString().isEmpty())
        return {400, "{\"id\":\"web.incoming_webhook.text.app_error\",\"message\":\"No text specified.\"}"};
    return {200, "ok", "text/plain"};
}

Response telegram(const HttpRequest &request)
{
    const QJsonObject body = json(request);
    const QString text = body.value(u"text"_s).toString();
    QXmlStreamReader reader(u"<r>"_s + text + u"</r>"_s);
    while (!reader.atEnd())
        reader.readNext();
    if (reader.hasError() || body.value(u"parse_mode"_s).toString() != u"HTML"_s)
        return {400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: can't parse entities\"}"};
    if (body.value(u"chat_id"_s).toString() != u"-1001"_s)
        return {400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}"};
    return jsonAnswer("{\"ok\":true,\"result\":{\"message_id\":7}}");
}

Response discord(const HttpRequest &request)
{
    const QJsonObject body = json(request);
    if (body.value(u"content"_s).toString().size() > 2000 || body.value(u"embeds"_s).toArray().isEmpty())
        return {400, "{\"message\":\"Invalid Form Body\",\"code\":50035}"};
    return {204, {}};
}

Response webhook(const HttpRequest &request)
{
    const QByteArray expected = "sha256="
        + QMessageAuthenticationCode::hash(request.body, signingSecret.toUtf8(), QCryptographicHash::Sha256).toHex();
    if (request.header("x-alertdeck-signature") != expected)
        return {401, "{\"error\":\"bad signature\"}"};
    return {200, "{\"received\":true}"};
}

} // namespace

class TestForwardService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<StoreService> m_store;
    QList<ChatDestination> m_destinations;

    ChatDestination addDestination(Type type, const QString &path, const QString &query = {})
    {
        ChatDestination destination;
        destination.id = u"d%1"_s.arg(m_destinations.size() + 1);
        destination.name = ChatDestination::typeName(type) + u" #ops"_s;
        destination.type = type;
        destination.chatId = u"-1001"_s;
        const QString target = type == Type::Telegram ? u"4242424:AAtoken-secret_abcdefghijklmnopq"_s
                                                      : m_server->url().toString() + path + query;
        m_secrets->set(destination.targetSecret(), target);
        if (ChatDestination::usesSigningSecret(type))
            m_secrets->set(destination.signingSecret(), signingSecret);
        m_destinations << destination;
        return destination;
    }

    ForwardService::Settings settings() const
    {
        ForwardService::Settings settings;
        settings.destinations = m_destinations;
        settings.firstBackoff = 20ms;
        settings.telegramApi = m_server->url().toString();
        return settings;
    }

    std::unique_ptr<ForwardService> service(AnalysisService *analysis = nullptr)
    {
        auto service = std::make_unique<ForwardService>(m_store.get(), m_secrets.get(), analysis);
        service->setSettings(settings());
        return service;
    }

    Alert storedAlert(const QString &fixture = u"alertmanager/firing-single.json"_s)
    {
        QSignalSpy changed(m_store.get(), &StoreService::alertsChanged);
        WebhookDelivery delivery{QDateTime::currentDateTimeUtc(), u"/webhook"_s, PayloadFormat::Auto, "{}",
                                 TestData::fixture(fixture)};
        bool stored = false;
        m_store->submit(delivery, this, [&stored](const IngestResult &) { stored = true; });
        [&] { QTRY_VERIFY(stored && changed.size() == 1); }();
        return changed.first().at(0).value<QList<AlertChange>>().first().alert;
    }

    // `count` firing alerts of one storm in one Alertmanager delivery, as the store
    // reports them: "<prefix>-<n>" on node-<n>, in that order; number 1 is critical, the
    // others are warnings.
    QList<Alert> storedStorm(const QString &prefix, int count, int first = 1)
    {
        QJsonArray alerts;
        for (int i = first; i < first + count; ++i)
            alerts.append(QJsonObject{
                {u"status"_s, u"firing"_s},
                {u"labels"_s,
                 QJsonObject{{u"alertname"_s, u"%1-%2"_s.arg(prefix).arg(i)},
                             {u"instance"_s, u"node-%1"_s.arg(i)},
                             {u"severity"_s, i == 1 ? u"critical"_s : u"warning"_s}}},
                {u"annotations"_s, QJsonObject{{u"summary"_s, u"%1 number %2 is down"_s.arg(prefix).arg(i)}}},
                {u"startsAt"_s, u"2026-11-22T03:55:59Z"_s},
                {u"endsAt"_s, u"0001-01-01T00:00:00Z"_s},
                {u"fingerprint"_s, u"%1%2"_s.arg(prefix).arg(i, 4, 10, QChar(u'0'))}});
        const QJsonObject payload{{u"receiver"_s, u"console"_s},
                                  {u"status"_s, u"firing"_s},
                                  {u"alerts"_s, alerts},
                                  {u"version"_s, u"4"_s},
                                  {u"groupLabels"_s, QJsonObject{}},
                                  {u"externalURL"_s, u"http://am.example:9093"_s}};
        QSignalSpy changed(m_store.get(), &StoreService::alertsChanged);
        WebhookDelivery delivery{QDateTime::currentDateTimeUtc(), u"/webhook"_s, PayloadFormat::Auto, "{}",
                                 QJsonDocument(payload).toJson(QJsonDocument::Compact)};
        bool stored = false;
        m_store->submit(delivery, this, [&stored](const IngestResult &) { stored = true; });
        [&] { QTRY_VERIFY(stored && changed.size() == 1); }();
        QList<Alert> result;
        for (const AlertChange &change : changed.first().at(0).value<QList<AlertChange>>())
            result << change.alert;
        std::sort(result.begin(), result.end(), [](const Alert &a, const Alert &b) {
            return a.name.section(u'-', -1).toInt() < b.name.section(u'-', -1).toInt();
        });
        return result;
    }

    static QList<AlertChange> started(const QList<Alert> &alerts)
    {
        QList<AlertChange> changes;
        for (const Alert &alert : alerts)
            changes.append({alert, AlertMerge::Outcome::NewAlert});
        return changes;
    }

    static IncidentSnapshot incidentOf(const QList<Alert> &members)
    {
        return {OccurrenceKey::of(members.first()), members, members.first().name};
    }

    // What the Incidents view would answer: the incident whose members include the alert.
    static IncidentLookup lookupIn(const QList<IncidentSnapshot> *incidents)
    {
        return [incidents](const Alert &alert) -> std::optional<IncidentSnapshot> {
            for (const IncidentSnapshot &incident : *incidents)
                for (const Alert &member : incident.members)
                    if (AlertKey::of(member) == AlertKey::of(alert))
                        return incident;
            return std::nullopt;
        };
    }

    static QStringList relatedNames(const QJsonObject &body)
    {
        QStringList names;
        for (const QJsonValue &related : body.value(u"related"_s).toArray())
            names << related.toObject().value(u"name"_s).toString();
        return names;
    }

    QList<StoredForward> forwardLog(const Alert &alert)
    {
        std::optional<QList<StoredForward>> log;
        m_store->fetchForwards(AlertKey::of(alert), this,
                               [&log](const QList<StoredForward> &entries) { log = entries; });
        [&] { QTRY_VERIFY(log); }();
        return log.value_or(QList<StoredForward>());
    }

    const ForwardService::Job *finished(ForwardService &service, quint64 id)
    {
        [&] { QTRY_VERIFY_WITH_TIMEOUT(service.job(id) && service.job(id)->isDone(), 15'000); }();
        return service.job(id);
    }

private slots:
    void init()
    {
        m_server = std::make_unique<FakeHttpServer>();
        QVERIFY(m_server->listen());
        m_secrets = std::make_unique<MemorySecretStore>();
        QFile::remove(m_dir.filePath(u"alerts.sqlite"_s));
        m_store = std::make_unique<StoreService>();
        QVERIFY_OK(m_store->open(m_dir.filePath(u"alerts.sqlite"_s)));
        m_destinations.clear();
        m_server->handle("/dingtalk/robot/send", dingTalk);
        m_server->handle("/feishu/hook/x", feishu);
        m_server->handle("/wecom/send", weCom);
        m_server->handle("/slack/services/T/B/x", slack);
        m_server->handle("/teams/invoke", teams);
        m_server->handle("/mattermost/hooks/h", mattermost);
        m_server->handle("/bot4242424:AAtoken-secret_abcdefghijklmnopq/sendMessage", telegram);
        m_server->handle("/discord/webhooks/1/t", discord);
        m_server->handle("/generic/hook", webhook);
    }

    void cleanup() { m_store.reset(); }

    void everyToolAcceptsWhatItIsSent_data()
    {
        QTest::addColumn<Type>("type");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");
        QTest::newRow("slack") << Type::Slack << u"/slack/services/T/B/x"_s << QString();
        QTest::newRow("dingtalk") << Type::DingTalk << u"/dingtalk/robot/send"_s << u"?access_token=tok1"_s;
        QTest::newRow("feishu") << Type::Feishu << u"/feishu/hook/x"_s << QString();
        QTest::newRow("wecom") << Type::WeCom << u"/wecom/send"_s << u"?key=k1"_s;
        QTest::newRow("teams") << Type::Teams << u"/teams/invoke"_s << u"?sig=s1"_s;
        QTest::newRow("mattermost") << Type::Mattermost << u"/mattermost/hooks/h"_s << QString();
        QTest::newRow("telegram") << Type::Telegram << QString() << QString();
        QTest::newRow("discord") << Type::Discord << u"/discord/webhooks/1/t"_s << QString();
        QTest::newRow("generic") << Type::Webhook << u"/generic/hook"_s << QString();
    }

    void everyToolAcceptsWhatItIsSent()
    {
        QFETCH(Type, type);
        QFETCH(QString, path);
        QFETCH(QString, query);
        const ChatDestination destination = addDestination(type, path, query);
        const Alert alert = storedAlert();
        auto forwarder = service();
        QSignalSpy stored(forwarder.get(), &ForwardService::forwardStored);
        // A long Chinese analysis: each tool's limit and markup checks apply.
        QString analysis;
        while (analysis.size() < 20'000)
            analysis
                += u"## 原因\n\n- **磁盘**已满：`df -h` 显示 99%。<b>not a tag</b> & more\n\n```\nrm -rf /tmp/x\n```\n\n"_s;
        const quint64 id = forwarder->forward(alert, destination.id, ForwardService::AnalysisText{analysis, u"m"_s});
        QVERIFY(id > 0);
        const ForwardService::Job *job = finished(*forwarder, id);
        QVERIFY2(job->result.ok, qPrintable(job->result.message));
        QCOMPARE(job->tries, 1);
        QCOMPARE(m_server->requests.size(), 1);
        QCOMPARE(m_server->requests.first().header("content-type"), QByteArray("application/json; charset=utf-8"));
        QTRY_COMPARE(stored.size(), 1);
        const QList<StoredForward> log = forwardLog(alert);
        QCOMPARE(log.size(), 1);
        QVERIFY(log.first().ok);
        QCOMPARE(log.first().destinationName, destination.name);
        QVERIFY(log.first().withAnalysis);
        QVERIFY(!log.first().automatic);
    }

    // The analysis' top hypothesis leads its part of the message, escaped as the rest of
    // the tool's text; the hypotheses block itself is not sent.
    void theTopHypothesisGoesAlong_data() { everyToolAcceptsWhatItIsSent_data(); }

    void theTopHypothesisGoesAlong()
    {
        QFETCH(Type, type);
        QFETCH(QString, path);
        QFETCH(QString, query);
        const ChatDestination destination = addDestination(type, path, query);
        const Alert alert = storedAlert();
        auto forwarder = service();
        const QString analysis = u"## Summary\n\nThe disk is full [E2].\n\n```hypotheses\n"
                                 u"[{\"title\": \"A DNS outage\", \"status\": \"ruled_out\", \"confidence\": 0.9},\n"
                                 u" {\"title\": \"Logs filled <b>disk</b> & more\", \"status\": \"likely\", "
                                 u"\"confidence\": 0.8, \"for\": [\"E2\"], \"against\": [\"E7\"]},\n"
                                 u" {\"title\": \"A backup\", \"status\": \"possible\", \"confidence\": 0.95}]\n"
                                 u"```\n"_s;
        const quint64 id = forwarder->forward(alert, destination.id, ForwardService::AnalysisText{analysis, u"m"_s});
        const ForwardService::Job *job = finished(*forwarder, id);
        QVERIFY2(job->result.ok, qPrintable(job->result.message));
        const QString body = QString::fromUtf8(m_server->requests.last().body);
        QVERIFY2(body.contains(u"Top hypothesis:"_s) && body.contains(u"Likely, 80 % confidence: Logs filled"_s),
                 qPrintable(body));
        QVERIFY(!body.contains(u"```hypotheses"_s) && !body.contains(u"ruled_out"_s) && !body.contains(u"A backup"_s));
        QVERIFY(body.contains(u"The disk is full"_s));
        // Markup in the title is the tool's text, as markup in the rest of the analysis is.
        if (type == Type::Slack || type == Type::Telegram)
            QVERIFY2(!body.contains(u"<b>disk"_s) && body.contains(u"&lt;b&gt;disk"_s), qPrintable(body));
        if (type == Type::Webhook) {
            const QJsonObject top = json(m_server->requests.last()).value(u"topHypothesis"_s).toObject();
            QCOMPARE(top.value(u"title"_s).toString(), u"Logs filled <b>disk</b> & more"_s);
            QCOMPARE(top.value(u"status"_s).toString(), u"likely"_s);
            QCOMPARE(top.value(u"confidence"_s).toDouble(), 0.8);
        }
    }

    void signatureAndToolErrorsAreExplained()
    {
        const ChatDestination ding = addDestination(Type::DingTalk, u"/dingtalk/robot/send"_s, u"?access_token=t"_s);
        const ChatDestination lark = addDestination(Type::Feishu, u"/feishu/hook/x"_s);
        const ChatDestination bot = addDestination(Type::Telegram, {});
        m_secrets->set(ding.signingSecret(), u"wrong"_s);
        m_secrets->set(lark.signingSecret(), u"wrong"_s);
        m_destinations[2].chatId = u"-5"_s;
        const Alert alert = storedAlert();
        auto forwarder = service();
        const ForwardService::Job *job = finished(*forwarder, forwarder->forward(alert, ding.id, {{}}));
        QVERIFY(!job->result.ok);
        QCOMPARE(job->tries, 1); // not retried: it would fail the same way
        QVERIFY2(job->result.message.contains(u"sign not match"_s), qPrintable(job->result.message));
        QVERIFY(job->result.message.contains(u"DingTalk rejected the signature"_s));
        job = finished(*forwarder, forwarder->forward(alert, lark.id, {{}}));
        QVERIFY(job->result.message.contains(u"Feishu rejected the signature"_s));
        job = finished(*forwarder, forwarder->forward(alert, bot.id, {{}}));
        QVERIFY(job->result.message.contains(u"chat not found"_s));
        // A tool that quotes the secret URL back: the message and the log never show it.
        const ChatDestination robot = addDestination(Type::WeCom, u"/wecom/send"_s, u"?key=wk-leak-marker-77"_s);
        m_server->queue("/wecom/send",
                        jsonAnswer("{\"errcode\":93000,\"errmsg\":\"invalid webhook url "
                                   + (m_server->url().toString() + u"/wecom/send?key=wk-leak-marker-77"_s).toUtf8()
                                   + "\"}"));
        auto again = service();
        job = finished(*again, again->forward(alert, robot.id, {{}}));
        QVERIFY(job->result.message.contains(u"the robot's key is invalid"_s));
        QVERIFY2(!job->result.message.contains(u"leak-marker"_s), qPrintable(job->result.message));
        // The log has the failures, without the bot token or the key.
        const QList<StoredForward> log = forwardLog(alert);
        QCOMPARE(log.size(), 4);
        for (const StoredForward &entry : log) {
            QVERIFY(!entry.ok);
            QVERIFY(!entry.message.contains(u"AAtoken"_s));
            QVERIFY(!entry.message.contains(u"leak-marker"_s));
        }
    }

    void retriesHonourTheToolsHints()
    {
        const ChatDestination bot = addDestination(Type::Telegram, {});
        const ChatDestination hook = addDestination(Type::Slack, u"/slack/services/T/B/x"_s);
        const Alert alert = storedAlert();
        auto forwarder = service();
        m_server->queue("/bot4242424:AAtoken-secret_abcdefghijklmnopq/sendMessage",
                        {429,
                         "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry "
                         "after 1\",\"parameters\":{\"retry_after\":1}}"});
        // What the status bar would have shown along the way (recorded, not polled).
        QStringList statuses;
        QStringList summaries;
        connect(forwarder.get(), &ForwardService::jobChanged, this,
                [&](quint64 changed) { statuses << forwarder->statusOf(changed); });
        connect(forwarder.get(), &ForwardService::queueChanged, this, [&] { summaries << forwarder->queueSummary(); });
        const quint64 id = forwarder->forward(alert, bot.id, {{}});
        QElapsedTimer clock;
        clock.start();
        const ForwardService::Job *job = finished(*forwarder, id);
        QVERIFY2(job->result.ok, qPrintable(job->result.message));
        QCOMPARE(job->tries, 2);
        QVERIFY(clock.elapsed() >= 800); // Telegram's retry_after (1 s), not the 20 ms backoff
        QVERIFY2(
            statuses.filter(u"Too Many Requests: retry after 1"_s).filter(u"— retrying in 1 s (try 2 of 3)…"_s).size()
                == 1,
            qPrintable(statuses.join(u'\n')));
        QVERIFY(summaries.contains(u"Forwards waiting: 1 (Telegram #ops); next in 1 s"_s));

        Response busy{503, "upstream busy", "text/plain"};
        for (int i = 0; i < 3; ++i)
            m_server->queue("/slack/services/T/B/x", busy);
        job = finished(*forwarder, forwarder->forward(alert, hook.id, {{}}));
        QVERIFY(!job->result.ok);
        QCOMPARE(job->tries, 3);
        QVERIFY(job->result.message.contains(u"HTTP 503: upstream busy"_s));
        QVERIFY(forwarder->queueSummary().isEmpty());
    }

    void rateLimitsQueueInOrder()
    {
        const ChatDestination hook = addDestination(Type::Mattermost, u"/mattermost/hooks/h"_s);
        QList<qint64> arrivals;
        QElapsedTimer clock;
        clock.start();
        m_server->handle("/mattermost/hooks/h", [&](const HttpRequest &request) {
            arrivals << clock.elapsed();
            return mattermost(request);
        });
        const Alert alert = storedAlert();
        auto forwarder = service();
        ForwardService::Settings limited = settings();
        limited.rateLimitOverride = RateLimit{2, 1000ms};
        forwarder->setSettings(limited);
        // The queue as the status bar would have shown it (recorded, not polled).
        QStringList summaries;
        QStringList lastStatuses;
        connect(forwarder.get(), &ForwardService::queueChanged, this, [&] { summaries << forwarder->queueSummary(); });
        QList<quint64> ids;
        connect(forwarder.get(), &ForwardService::jobChanged, this, [&](quint64 changed) {
            if (ids.size() == 5 && changed == ids.last())
                lastStatuses << forwarder->statusOf(changed);
        });
        for (int i = 1; i <= 5; ++i) {
            Alert numbered = alert;
            numbered.name = u"Alert-%1"_s.arg(i);
            ids << forwarder->forward(numbered, hook.id, {{}});
        }
        QTRY_COMPARE_WITH_TIMEOUT(arrivals.size(), 5, 10'000);
        for (quint64 id : ids)
            QTRY_VERIFY(forwarder->job(id)->isDone() && forwarder->job(id)->result.ok);
        for (int i = 0; i < 5; ++i) // in the order they were asked for
            QVERIFY(m_server->requests.at(i).body.contains(u"Alert-%1"_s.arg(i + 1).toUtf8()));
        // The service spaces its sends by a second; arrivals here also carry the network's
        // jitter (a first request that waited for its connection arrives late), so some
        // slack. Unlimited, the five would arrive within milliseconds.
        QVERIFY2(arrivals.at(2) - arrivals.at(0) >= 900, qPrintable(QString::number(arrivals.at(2) - arrivals.at(0))));
        QVERIFY2(arrivals.at(4) - arrivals.at(2) >= 900, qPrintable(QString::number(arrivals.at(4) - arrivals.at(2))));
        // Held by the limit, and visible while held.
        QVERIFY2(!summaries.filter(u"Forwards waiting: 3 (Mattermost #ops); next in 1 s"_s).isEmpty(),
                 qPrintable(summaries.join(u'\n')));
        QVERIFY2(!lastStatuses.filter(u"Waiting for Mattermost #ops's rate limit: sending in"_s).isEmpty()
                     || !summaries.filter(u"Forwards waiting: 1 "_s).isEmpty(),
                 qPrintable(lastStatuses.join(u'\n')));
        QVERIFY(forwarder->queueSummary().isEmpty());
    }

    void theLatestAnalysisGoesAlong()
    {
        const ChatDestination hook = addDestination(Type::Webhook, u"/generic/hook"_s);
        const Alert alert = storedAlert();
        auto forwarder = service();
        // Without an analysis.
        const ForwardService::Job *job = finished(*forwarder, forwarder->forward(alert, hook.id));
        QVERIFY2(job->result.ok, qPrintable(job->result.message));
        QVERIFY(json(m_server->requests.last()).value(u"analysis"_s).isNull());

        for (const QString &content : {u"## Older answer"_s, u"## Newest answer"_s, QString()}) {
            StoredAnalysis analysis;
            analysis.source = alert.source;
            analysis.fingerprint = alert.fingerprint;
            analysis.occurrenceStartsAt = alert.startsAt;
            analysis.createdAt = QDateTime::currentDateTimeUtc();
            analysis.model = u"deepseek-chat"_s;
            analysis.outcome = content.isEmpty() ? AnalysisOutcome::Failed : AnalysisOutcome::Finished;
            analysis.content = content;
            bool saved = false;
            m_store->saveAnalysis(analysis, this, [&saved](const StoredAnalysis &, const QString &) { saved = true; });
            QTRY_VERIFY(saved);
        }
        job = finished(*forwarder, forwarder->forward(alert, hook.id));
        QVERIFY(job->result.ok);
        QCOMPARE(json(m_server->requests.last()).value(u"analysis"_s).toString(), u"## Newest answer"_s);
        QCOMPARE(json(m_server->requests.last()).value(u"analysisModel"_s).toString(), u"deepseek-chat"_s);
        QCOMPARE(forwardLog(alert).size(), 2);
        QVERIFY(forwardLog(alert).first().withAnalysis);
    }

    void previewShowsTheMessageButNotTheSecret()
    {
        const ChatDestination ding = addDestination(Type::DingTalk, u"/dingtalk/robot/send"_s, u"?access_token=tok9"_s);
        ChatDestination missing;
        missing.id = u"nourl"_s;
        missing.name = u"No URL yet"_s;
        missing.type = Type::WeCom;
        m_destinations << missing;
        const Alert alert = storedAlert();
        auto forwarder = service();
        std::optional<ForwardService::Preview> preview;
        forwarder->preview(alert, ding.id, ForwardService::AnalysisText{u"**why**"_s}, this,
                           [&](const ForwardService::Preview &p) { preview = p; });
        QTRY_VERIFY(preview);
        QVERIFY(preview->warning.isEmpty());
        QCOMPARE(preview->shownUrl, u"http://127.0.0.1:%1/…"_s.arg(m_server->port()));
        QVERIFY(!preview->shownUrl.contains(u"tok9"_s));
        QVERIFY(json({{}, {}, {}, {}, {}, preview->request.body})
                    .value(u"markdown"_s)
                    .toObject()
                    .value(u"text"_s)
                    .toString()
                    .contains(u"**why**"_s));
        QVERIFY(m_server->requests.isEmpty()); // nothing sent

        preview.reset();
        forwarder->preview(alert, missing.id, std::nullopt, this,
                           [&](const ForwardService::Preview &p) { preview = p; });
        QTRY_VERIFY(preview);
        QVERIFY(preview->warning.contains(u"No webhook URL"_s));
        QVERIFY(!preview->request.body.isEmpty());
        // A bot without its token yet: the message still shows.
        ChatDestination bot;
        bot.id = u"notoken"_s;
        bot.name = u"Bot"_s;
        bot.type = Type::Telegram;
        bot.chatId = u"-1"_s;
        m_destinations << bot;
        forwarder->setSettings(settings());
        preview.reset();
        forwarder->preview(alert, bot.id, std::nullopt, this, [&](const ForwardService::Preview &p) { preview = p; });
        QTRY_VERIFY(preview);
        QVERIFY(preview->warning.contains(u"No webhook URL or token"_s));
        QVERIFY2(preview->request.error.isEmpty(), qPrintable(preview->request.error));
        QVERIFY(!preview->request.body.isEmpty());
    }

    void aPreviewIsSentByteForByte()
    {
        // Feishu signs a timestamp inside the body: the body is only the same if it is
        // composed at the preview's time.
        const ChatDestination lark = addDestination(Type::Feishu, u"/feishu/hook/x"_s);
        const Alert alert = storedAlert();
        auto forwarder = service();
        QDateTime now = QDateTime::currentDateTimeUtc();
        forwarder->setWallClock([&now] { return now; });
        std::optional<ForwardService::Preview> preview;
        forwarder->preview(alert, lark.id, ForwardService::AnalysisText{u"## Why\nDisk full."_s, u"m1"_s}, this,
                           [&](const ForwardService::Preview &p) { preview = p; });
        QTRY_VERIFY(preview);
        QVERIFY(preview->request.body.contains("\"sign\""));

        now = now.addSecs(7); // the engineer reads the preview, then sends it
        const ForwardService::Job *job = finished(*forwarder, forwarder->forwardAsPreviewed(alert, *preview));
        QVERIFY2(job->result.ok, qPrintable(job->result.message));
        QCOMPARE(m_server->requests.size(), 1);
        QCOMPARE(m_server->requests.first().body, preview->request.body);

        // A preview left open past the signature's lifetime is composed afresh (and accepted).
        now = now.addSecs(ForwardService::maxPreviewAgeSecs);
        job = finished(*forwarder, forwarder->forwardAsPreviewed(alert, *preview));
        QVERIFY(m_server->requests.last().body != preview->request.body);
    }

    void rulesForwardNewFiringAlertsOnce()
    {
        const ChatDestination hook = addDestination(Type::Webhook, u"/generic/hook"_s);
        const Alert alert = storedAlert(); // severity warning
        ForwardService::Settings ruled = settings();
        ruled.rules = {{u"severity=\"critical\""_s, hook.id}, {u"severity=\"warning\""_s, hook.id}};
        ruled.rulePerHour = 2;
        auto forwarder = std::make_unique<ForwardService>(m_store.get(), m_secrets.get(), nullptr);
        forwarder->setSettings(ruled);
        QSignalSpy stored(forwarder.get(), &ForwardService::forwardStored);
        QSignalSpy limited(forwarder.get(), &ForwardService::ruleLimited);

        forwarder->handleAlertChanges({{alert, AlertMerge::Outcome::NewAlert}});
        QTRY_COMPARE(stored.size(), 1);
        QCOMPARE(m_server->requests.size(), 1); // two rules matched, one destination: one message
        QVERIFY(stored.first().first().value<StoredForward>().automatic);
        // The same occurrence again, and an update: nothing new.
        forwarder->handleAlertChanges({{alert, AlertMerge::Outcome::Reopened}});
        forwarder->handleAlertChanges({{alert, AlertMerge::Outcome::Updated}});
        Alert info = alert;
        info.fingerprint = u"other"_s;
        info.severity = Severity::Info;
        info.labels.insert(u"severity"_s, u"info"_s);
        forwarder->handleAlertChanges({{info, AlertMerge::Outcome::NewAlert}}); // no rule for info
        // A new occurrence is forwarded; the next one is over the hourly limit.
        Alert again = alert;
        again.startsAt = alert.startsAt.addSecs(600);
        forwarder->handleAlertChanges({{again, AlertMerge::Outcome::NewOccurrence}});
        QTRY_COMPARE(stored.size(), 2);
        Alert third = alert;
        third.startsAt = alert.startsAt.addSecs(1200);
        forwarder->handleAlertChanges({{third, AlertMerge::Outcome::NewOccurrence}});
        QTRY_COMPARE(limited.size(), 1);
        QCOMPARE(m_server->requests.size(), 2);

        // After a restart, the log keeps the first occurrence from going twice.
        forwarder = std::make_unique<ForwardService>(m_store.get(), m_secrets.get(), nullptr);
        forwarder->setSettings(ruled);
        QSignalSpy jobs(forwarder.get(), &ForwardService::jobChanged);
        forwarder->handleAlertChanges({{alert, AlertMerge::Outcome::Reopened}});
        // The store answers in order: once this read is back, the service's check is too.
        QCOMPARE(forwardLog(alert).size(), 2);
        QVERIFY(jobs.isEmpty());
        QCOMPARE(m_server->requests.size(), 2);
    }

    void aRuleWaitsForTheAutomaticAnalysis()
    {
        FakeHttpServer llm;
        QVERIFY(llm.listen());
        Response streamed;
        for (const QByteArray &event : TestData::fixture(u"llm/deepseek-chat.sse"_s).split('\n'))
            if (!event.isEmpty())
                streamed.chunks << event + "\n\n";
        streamed.chunkInterval = 5ms;
        streamed.contentType = "text/event-stream";
        llm.route("/chat/completions", streamed);
        ContextService context;
        AnalysisService analysis(&context, m_store.get(), m_secrets.get());
        AnalysisService::Settings analysisSettings;
        analysisSettings.request.baseUrl = llm.url();
        analysisSettings.request.model = u"deepseek-chat"_s;
        analysisSettings.contextWait = 1s;
        analysisSettings.autoRule = AlertFilter::parse(u"severity=\"warning\""_s).value();
        analysis.setSettings(analysisSettings);

        const ChatDestination hook = addDestination(Type::Webhook, u"/generic/hook"_s);
        ForwardService::Settings ruled = settings();
        ruled.rules = {{u"severity=\"warning\""_s, hook.id}};
        ForwardService forwarder(m_store.get(), m_secrets.get(), &analysis);
        forwarder.setSettings(ruled);
        QSignalSpy stored(&forwarder, &ForwardService::forwardStored);

        const Alert alert = storedAlert();
        analysis.handleAlertChanges({{alert, AlertMerge::Outcome::NewAlert}});
        forwarder.handleAlertChanges({{alert, AlertMerge::Outcome::NewAlert}});
        QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, 15'000);
        const QJsonObject body = json(m_server->requests.last());
        QVERIFY2(body.value(u"analysis"_s).toString().startsWith(u"#### AI fault analysis"_s),
                 qPrintable(QString::fromUtf8(m_server->requests.last().body.left(400))));
        QVERIFY(stored.first().first().value<StoredForward>().withAnalysis);
    }

    // Forward on an incident: one message with the primary's facts and the others listed,
    // logged with the primary; its preview is sent byte for byte, members included.
    void anIncidentGoesAsOneMessage()
    {
        const ChatDestination hook = addDestination(Type::Webhook, u"/generic/hook"_s);
        const ChatDestination lark = addDestination(Type::Feishu, u"/feishu/hook/x"_s);
        const QList<Alert> members = storedStorm(u"Disk"_s, 3);
        const IncidentSnapshot incident = incidentOf(members);
        StoredAnalysis analysis;
        analysis.source = members.first().source;
        analysis.fingerprint = members.first().fingerprint;
        analysis.occurrenceStartsAt = members.first().startsAt;
        analysis.createdAt = QDateTime::currentDateTimeUtc();
        analysis.model = u"m"_s;
        analysis.outcome = AnalysisOutcome::Finished;
        analysis.content = u"## The primary's answer"_s;
        bool saved = false;
        m_store->saveAnalysis(analysis, this, [&saved](const StoredAnalysis &, const QString &) { saved = true; });
        QTRY_VERIFY(saved);
        auto forwarder = service();

        const ForwardService::Job *job = finished(*forwarder, forwarder->forwardIncident(incident, hook.id));
        QVERIFY2(job->result.ok, qPrintable(job->result.message));
        QCOMPARE(job->incidentAnchor, std::optional(incident.anchor));
        QCOMPARE(job->related.size(), 2);
        QCOMPARE(m_server->requests.size(), 1);
        const QJsonObject body = json(m_server->requests.first());
        QCOMPARE(body.value(u"title"_s).toString(), u"[FIRING] Disk-1 on node-1 and 2 related"_s);
        QCOMPARE(body.value(u"alert"_s).toObject().value(u"name"_s).toString(), u"Disk-1"_s);
        QCOMPARE(relatedNames(body), (QStringList{u"Disk-2"_s, u"Disk-3"_s}));
        QCOMPARE(body.value(u"relatedCount"_s).toInt(), 2);
        QCOMPARE(body.value(u"analysis"_s).toString(), u"## The primary's answer"_s); // the primary's latest
        QCOMPARE(forwardLog(members.at(0)).size(), 1);
        QVERIFY(!forwardLog(members.at(0)).first().automatic);
        QVERIFY(forwardLog(members.at(1)).isEmpty());

        QDateTime now = QDateTime::currentDateTimeUtc();
        forwarder->setWallClock([&now] { return now; });
        std::optional<ForwardService::Preview> preview;
        forwarder->previewIncident(incident, lark.id, ForwardService::AnalysisText{u"Why"_s, u"m"_s}, this,
                                   [&](const ForwardService::Preview &p) { preview = p; });
        QTRY_VERIFY(preview);
        const QString shown = QString::fromUtf8(preview->request.body);
        QVERIFY2(shown.contains(u"Related alerts (2)"_s) && shown.contains(u"Disk-3"_s), qPrintable(shown));
        now = now.addSecs(5);
        // Sent as previewed, even if the selection has moved to another alert since.
        job = finished(*forwarder, forwarder->forwardAsPreviewed(members.at(2), *preview));
        QVERIFY2(job->result.ok, qPrintable(job->result.message));
        QCOMPARE(m_server->requests.last().body, preview->request.body);
        QCOMPARE(AlertKey::of(job->alert), AlertKey::of(members.at(0)));
    }

    // A rule that targets incidents: a storm is one message per incident, however many of
    // its alerts match and however they arrive; the hourly limit counts incidents.
    void anIncidentRuleSendsOneMessagePerIncident()
    {
        const ChatDestination hook = addDestination(Type::Webhook, u"/generic/hook"_s);
        ForwardService::Settings ruled = settings();
        ruled.rules = {{u"severity=~\"critical|warning\""_s, hook.id, RuleTarget::Incident}};
        ruled.rulePerHour = 2;
        ruled.incidentSettle = 0ms;
        QList<IncidentSnapshot> incidents;
        auto forwarder = service();
        forwarder->setSettings(ruled);
        forwarder->setIncidentLookup(lookupIn(&incidents));
        QSignalSpy stored(forwarder.get(), &ForwardService::forwardStored);
        QSignalSpy limited(forwarder.get(), &ForwardService::ruleLimited);

        // Twelve alerts in two deliveries, both before the incident has settled.
        const QList<Alert> first = storedStorm(u"Node"_s, 7);
        const QList<Alert> second = storedStorm(u"Node"_s, 5, 8);
        incidents = {incidentOf(first)};
        forwarder->handleAlertChanges(started(first));
        incidents = {incidentOf(first + second)};
        forwarder->handleAlertChanges(started(second));
        QTRY_COMPARE(stored.size(), 1);
        QCOMPARE(m_server->requests.size(), 1);
        QJsonObject body = json(m_server->requests.first());
        QCOMPARE(body.value(u"title"_s).toString(), u"[FIRING] Node-1 on node-1 and 11 related"_s);
        QCOMPARE(body.value(u"relatedCount"_s).toInt(), 11);
        QStringList expected;
        for (int i = 2; i <= 11; ++i) // at most ten listed, then "and 1 more"
            expected << u"Node-%1"_s.arg(i);
        QCOMPARE(relatedNames(body), expected);
        QVERIFY(body.value(u"text"_s).toString().contains(u"and 1 more"_s));
        const StoredForward logged = stored.first().first().value<StoredForward>();
        QVERIFY(logged.automatic);
        QCOMPARE(logged.fingerprint, first.first().fingerprint);
        QVERIFY(limited.isEmpty()); // twelve matches took one start

        // A second incident: a second message.
        const QList<Alert> other = storedStorm(u"Db"_s, 3);
        incidents << incidentOf(other);
        forwarder->handleAlertChanges(started(other));
        QTRY_COMPARE(stored.size(), 2);
        QCOMPARE(m_server->requests.size(), 2);
        QCOMPARE(relatedNames(json(m_server->requests.last())), (QStringList{u"Db-2"_s, u"Db-3"_s}));
        // Both starts are used: more of the first incident takes none (or it would be held
        // back now), a third incident is held back, and is said once.
        forwarder->handleAlertChanges({{first.at(3), AlertMerge::Outcome::Reopened}});
        QVERIFY(limited.isEmpty());
        const QList<Alert> third = storedStorm(u"Web"_s, 2);
        incidents << incidentOf(third);
        forwarder->handleAlertChanges(started(third));
        QCOMPARE(limited.size(), 1);
        // An alert in no incident: the rule forwards it as an alert (here: held back too).
        const QList<Alert> lone = storedStorm(u"Lone"_s, 1);
        forwarder->handleAlertChanges(started(lone));
        QCOMPARE(limited.size(), 2);
        QCOMPARE(limited.last().first().value<Alert>().name, u"Lone-1"_s);

        // After a restart, the first incident is not sent again (its primary's log says so);
        // a new one is. The store answers in order: the first check ends before the new
        // incident's message can go, and the two would queue in that order.
        forwarder = service();
        ruled.rulePerHour = 10;
        forwarder->setSettings(ruled);
        forwarder->setIncidentLookup(lookupIn(&incidents));
        QSignalSpy storedAgain(forwarder.get(), &ForwardService::forwardStored);
        const QList<Alert> fresh = storedStorm(u"Cache"_s, 2);
        incidents << incidentOf(fresh);
        forwarder->handleAlertChanges({{second.at(2), AlertMerge::Outcome::Reopened}});
        forwarder->handleAlertChanges(started(fresh));
        QTRY_COMPARE(storedAgain.size(), 1);
        QCOMPARE(m_server->requests.size(), 3);
        QCOMPARE(json(m_server->requests.last()).value(u"alert"_s).toObject().value(u"name"_s).toString(),
                 u"Cache-1"_s);
    }

    // With incident analysis on, an incident rule's message waits for the incident's
    // analysis (here: its hourly limit ending the wait), at most analysisWait.
    void anIncidentRuleWaitsForTheIncidentAnalysis()
    {
        ContextService context;
        AnalysisService analysis(&context, m_store.get(), m_secrets.get());
        AnalysisService::Settings analysisSettings;
        analysisSettings.autoRule = AlertFilter::parse(u"severity=\"critical\""_s).value();
        analysisSettings.autoTarget = RuleTarget::Incident;
        analysis.setSettings(analysisSettings);

        const ChatDestination hook = addDestination(Type::Webhook, u"/generic/hook"_s);
        ForwardService::Settings ruled = settings();
        ruled.rules = {{u"severity=~\"critical|warning\""_s, hook.id, RuleTarget::Incident}};
        ruled.incidentSettle = 0ms;
        ruled.analysisWait = 10min;
        QList<IncidentSnapshot> incidents;
        ForwardService forwarder(m_store.get(), m_secrets.get(), &analysis);
        forwarder.setSettings(ruled);
        forwarder.setIncidentLookup(lookupIn(&incidents));
        QSignalSpy waiting(&forwarder, &ForwardService::ruleWaitingForAnalysis);
        QSignalSpy jobs(&forwarder, &ForwardService::jobChanged);
        QSignalSpy stored(&forwarder, &ForwardService::forwardStored);

        const QList<Alert> members = storedStorm(u"Api"_s, 3);
        incidents = {incidentOf(members)};
        forwarder.handleAlertChanges(started(members));
        QTRY_COMPARE(waiting.size(), 1);
        QCOMPARE(waiting.first().first().value<Alert>().name, u"Api-1"_s);
        // Another alert's analysis ending, or a run that is not the incident's: still waiting.
        emit analysis.autoAnalysisLimited(storedAlert());
        emit analysis.runFinished(AlertKey::of(members.at(1)));
        QVERIFY(jobs.isEmpty());
        emit analysis.autoAnalysisLimited(members.at(2));
        QTRY_COMPARE(stored.size(), 1);
        QCOMPARE(relatedNames(json(m_server->requests.last())), (QStringList{u"Api-2"_s, u"Api-3"_s}));

        // The wait is bounded.
        ruled.analysisWait = 50ms;
        forwarder.setSettings(ruled);
        const QList<Alert> more = storedStorm(u"Queue"_s, 2);
        incidents << incidentOf(more);
        forwarder.handleAlertChanges(started(more));
        QTRY_COMPARE(stored.size(), 2);
        QCOMPARE(waiting.size(), 2);
    }

    void ruleJsonKeepsItsTarget()
    {
        // Saved before rules had a target: alerts.
        QCOMPARE(ForwardRules::fromJson(u"[{\"matcher\":\"a=\\\"b\\\"\",\"destination\":\"ops\"}]"_s),
                 (QList<ForwardRule>{{u"a=\"b\""_s, u"ops"_s, RuleTarget::Alert}}));
        const QList<ForwardRule> rules{{u"a=\"b\""_s, u"ops"_s, RuleTarget::Incident},
                                       {u"c=\"d\""_s, u"ops"_s, RuleTarget::Alert}};
        const QString saved = ForwardRules::toJson(rules);
        QVERIFY2(saved.contains(u"\"target\":\"incident\""_s), qPrintable(saved));
        QCOMPARE(ForwardRules::fromJson(saved), rules);
        QVERIFY(ForwardRules::problem(saved).isEmpty());
        // A target this version does not know is not guessed at.
        const QString bogus = u"[{\"matcher\":\"a=\\\"b\\\"\",\"destination\":\"ops\",\"target\":\"bogus\"}]"_s;
        QVERIFY(ForwardRules::fromJson(bogus).isEmpty());
        QVERIFY2(ForwardRules::problem(bogus).contains(u"\"bogus\" is not one of alert, incident"_s),
                 qPrintable(ForwardRules::problem(bogus)));
    }
};

QTEST_GUILESS_MAIN(TestForwardService)
#include "tst_forwardservice.moc"
