// The inbox between the listener's thread and the store thread: what the listener
// posts arrives parsed (the store thread only writes), under the limits of its time.

#include "ingest/HttpServer.h"
#include "ingest/IngestInbox.h"

#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {

WebhookDelivery delivery(int alerts)
{
    QByteArray body = R"({"version":"4","status":"firing","alerts":[)";
    for (int i = 0; i < alerts; ++i)
        body += QByteArray(i ? "," : "") + R"({"status":"firing","labels":{"alertname":"A)" + QByteArray::number(i)
            + R"("}})";
    body += "]}";
    return {QDateTime::currentDateTimeUtc(), u"/webhook"_s, PayloadFormat::Auto, "{}", body};
}

} // namespace

class TestIngestInbox : public QObject
{
    Q_OBJECT

private slots:
    void postParsedArrivesParsedFromTheListenersThread()
    {
        int wakes = 0;
        IngestInbox inbox([&wakes] { ++wakes; });
        std::unique_ptr<QThread> listener(QThread::create([&inbox] { inbox.postParsed(delivery(2)); }));
        listener->start();
        QVERIFY(listener->wait(10'000));
        inbox.post(delivery(1)); // e.g. replay, from the UI thread: parsed by the store thread

        const QList<IngestInbox::Entry> entries = inbox.takeAll();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(wakes, 1); // one wake-up for the batch
        QVERIFY(entries.at(0).parsed.has_value());
        QVERIFY(entries.at(0).parsed->ok());
        QCOMPARE(entries.at(0).parsed->payload.alerts.size(), 2);
        QVERIFY(!entries.at(1).parsed.has_value());
        QVERIFY(entries.at(0).ticket != entries.at(1).ticket);
    }

    void onlySmallBodiesAreParsedByTheListener()
    {
        // A webhook of a few alerts is parsed by the listener; one of thousands (megabytes,
        // a tenth of a second) by the store thread, so the listener keeps answering.
        QVERIFY(HttpServer::parsesHere(delivery(50)));
        WebhookDelivery large = delivery(1);
        large.body.resize(HttpServer::parseHereMaxBytes + 1, ' ');
        QVERIFY(!HttpServer::parsesHere(large));
    }

    void limitsAreThoseOfWhenItWasPosted()
    {
        IngestInbox inbox([] {});
        PayloadLimits two;
        two.maxAlerts = 2;
        inbox.setLimits(two);
        inbox.postParsed(delivery(3));
        inbox.post(delivery(3));
        inbox.setLimits({}); // later: does not apply to what waits
        const QList<IngestInbox::Entry> entries = inbox.takeAll();
        QCOMPARE(entries.size(), 2);
        QVERIFY(!entries.at(0).parsed->ok());
        QCOMPARE(entries.at(0).parsed->error->httpStatus(), 413);
        QCOMPARE(entries.at(1).limits.maxAlerts, 2);
    }

    void closedInboxRefusesEveryPost()
    {
        IngestInbox inbox([] {});
        inbox.close();
        QCOMPARE(inbox.postParsed(delivery(1)), 0u);
        QCOMPARE(inbox.post(delivery(1)), 0u);
        QVERIFY(inbox.takeAll().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestIngestInbox)
#include "tst_ingestinbox.moc"
