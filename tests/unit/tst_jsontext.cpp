// Hand-written JSON on the hot paths must read back exactly as the QJson* classes
// would have written it.

#include "core/JsonText.h"
#include "ingest/HttpConnection.h"
#include "model/AlertJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

#include <limits>

using namespace Qt::StringLiterals;

namespace {

Alert richAlert()
{
    Alert alert;
    alert.fingerprint = u"00ff00ff00ff00ff"_s;
    alert.source = u"grafana"_s;
    alert.state = AlertState::Resolved;
    alert.severityText = u"critical"_s;
    alert.name = u"磁盘 \"full\" \\ 🔥\n\t\x01"_s;
    alert.labels
        = {{u"alertname"_s, alert.name}, {u"机房"_s, u"上海-01"_s}, {u"Zeta"_s, u""_s}, {u"a"_s, u"</script>"_s}};
    alert.annotations = {{u"summary"_s, u"line one\r\nline two \u2028 end"_s}};
    alert.startsAt = QDateTime(QDate(2026, 12, 6), QTime(3, 4, 5, 678), Qt::UTC);
    alert.endsAt = QDateTime(QDate(2026, 12, 6), QTime(11, 0), QTimeZone(8 * 3600));
    alert.lastUpdate = QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);
    alert.generatorUrl = u"http://grafana/alerting/grafana/abc/view?x=1&y=2"_s;
    alert.promQl = u"sum(rate(x{a=\"b\"}[5m])) > 0.5"_s;
    alert.receiver = u"ops"_s;
    alert.groupKey = u"{}:{alertname=\"A\"}"_s;
    alert.externalUrl = u"http://grafana"_s;
    alert.silenceUrl = u"http://grafana/silence"_s;
    alert.dashboardUrl = u"http://grafana/d/1"_s;
    alert.panelUrl = u"http://grafana/d/1?viewPanel=2"_s;
    alert.imageUrl = u"http://grafana/render.png"_s;
    alert.valueString = u"[ var='B' value=0.9 ]"_s;
    alert.values = {{u"B"_s, 0.9}, {u"C"_s, 1.0}, {u"D"_s, -1e-300}, {u"E"_s, 123456789012.5}, {u"F"_s, 1e21}};
    alert.count = 42;
    alert.demo = true;
    return alert;
}

} // namespace

class TestJsonText : public QObject
{
    Q_OBJECT

private slots:
    void alertTextIsWhatQJsonWrites_data()
    {
        QTest::addColumn<Alert>("alert");
        QTest::newRow("empty") << Alert();
        QTest::newRow("rich") << richAlert();
        Alert surrogates = richAlert();
        surrogates.name = u"lone "_s + QChar(0xd800) + u" and "_s + QChar(0xdc00) + u" 𝄞"_s;
        surrogates.demo = false;
        surrogates.values.clear();
        QTest::newRow("surrogates") << surrogates;
        // Longer than the slices the writer makes room for, with a surrogate pair and
        // escapes straddling each slice's end.
        Alert longValues;
        QString text;
        for (int i = 0; text.size() < 20'000; ++i)
            text += QString(4095 - (i % 3), u'x') + u"🔥\"\n"_s + QChar(0xd800);
        longValues.annotations = {{u"description"_s, text}};
        longValues.name = QString(70'000, QChar(0x00e9));
        QTest::newRow("long values") << longValues;
    }

    void alertTextIsWhatQJsonWrites()
    {
        QFETCH(Alert, alert);
        const QByteArray fast = AlertJson::toJsonText(alert);
        const QByteArray reference = QJsonDocument(AlertJson::toJson(alert)).toJson(QJsonDocument::Compact);
        QCOMPARE(QJsonDocument::fromJson(fast).object(), QJsonDocument::fromJson(reference).object());
        QCOMPARE(fast, reference);
        QCOMPARE(AlertJson::fromJson(QJsonDocument::fromJson(fast).object()).labels, alert.labels);
    }

    void stringsAreEscaped()
    {
        QByteArray out;
        JsonText::appendString(out, u"a\"b\\c\n\x1f\u00e9"_s);
        QCOMPARE(out, QByteArray("\"a\\\"b\\\\c\\n\\u001f\xc3\xa9\""));
        out.clear();
        JsonText::appendLatin1String(out, "x\xe9\"");
        QCOMPARE(out, QByteArray("\"x\xc3\xa9\\\"\""));
        out.clear();
        JsonText::appendNumber(out, std::numeric_limits<double>::quiet_NaN());
        QCOMPARE(out, QByteArray("null"));
    }

    void storedHeadersAreJsonWithoutCredentials()
    {
        HttpRequest request;
        request.headers = {{"host", "127.0.0.1"},
                           {"authorization", "Bearer secret-token"},
                           {"x-note", "caf\xe9 \"quoted\""},
                           {"x-twice", "first"},
                           {"cookie", "session=1"},
                           {"x-twice", "second"}};
        const QJsonObject headers = QJsonDocument::fromJson(HttpConnection::storableHeaders(request)).object();
        QCOMPARE(headers.size(), 5);
        QCOMPARE(headers.value(u"authorization"_s).toString(), u"<redacted>"_s);
        QCOMPARE(headers.value(u"cookie"_s).toString(), u"<redacted>"_s);
        QCOMPARE(headers.value(u"x-note"_s).toString(), u"café \"quoted\""_s);
        QCOMPARE(headers.value(u"x-twice"_s).toString(), u"second"_s); // the last one, as a JSON object keeps
        QVERIFY(!HttpConnection::storableHeaders(request).contains("secret-token"));

        // Thousands of tiny headers (a 16 KiB head allows them) are handled alike.
        HttpRequest many;
        for (int i = 0; i < 3000; ++i)
            many.headers.append({"h" + QByteArray::number(i % 1000), QByteArray::number(i)});
        const QJsonObject manyHeaders = QJsonDocument::fromJson(HttpConnection::storableHeaders(many)).object();
        QCOMPARE(manyHeaders.size(), 1000);
        QCOMPARE(manyHeaders.value(u"h7"_s).toString(), u"2007"_s);
    }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
