// parsePayload: every body is either refused with a reason (400 for bad JSON, 422 for
// a shape AlertDeck does not know) or read into alerts that the rest of the program
// can rely on, whichever format the endpoint asks for.
//
// Input: [format][the request body]

#include "FuzzSupport.h"
#include "ingest/PayloadParser.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput input(data, size);
    static constexpr PayloadFormat formats[]
        = {PayloadFormat::Auto, PayloadFormat::Alertmanager, PayloadFormat::Grafana, PayloadFormat::Nightingale};
    const PayloadFormat asked = formats[input.byte() % 4];
    const QByteArray body = input.rest().toByteArray();
    static const QDateTime receivedAt = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

    const PayloadParseResult result = parsePayload(body, asked, receivedAt);
    if (!result.ok()) {
        FUZZ_CHECK(!result.error->message.isEmpty());
        FUZZ_CHECK(result.error->httpStatus() == 400 || result.error->httpStatus() == 422);
        FUZZ_CHECK(result.payload.alerts.isEmpty());
    } else {
        const ParsedPayload &payload = result.payload;
        FUZZ_CHECK(payload.format != PayloadFormat::Auto);
        FUZZ_CHECK(asked == PayloadFormat::Auto || payload.format == asked);
        FUZZ_CHECK(payload.truncatedAlerts >= 0);
        for (const Alert &alert : payload.alerts) {
            FUZZ_CHECK(!alert.fingerprint.isEmpty());
            FUZZ_CHECK(!alert.source.isEmpty());
            FUZZ_CHECK(alert.lastUpdate == receivedAt);
            FUZZ_CHECK(alert.startsAt.isValid());
            FUZZ_CHECK(!alert.endsAt.isValid() || alert.endsAt.timeSpec() == Qt::UTC);
            FUZZ_CHECK(alert.count >= 1);
            FUZZ_CHECK(severityFromText(alert.severityText) == alert.severity || alert.severityText.isEmpty());
            // What the table and the filter read must not fail either.
            (void)alert.target();
            (void)alert.summary();
        }
    }
    // The same body gives the same answer (a pure function).
    const PayloadParseResult again = parsePayload(body, asked, receivedAt);
    FUZZ_CHECK(again.ok() == result.ok() && again.payload.alerts.size() == result.payload.alerts.size());

    // The timestamp reader on its own, with text taken from the body: its hand-written
    // reading of the common form and the general one read every text alike.
    const QString timeText = QString::fromUtf8(body.left(64));
    const QDateTime time = parseRfc3339(timeText);
    FUZZ_CHECK(!time.isValid() || time.timeSpec() == Qt::UTC);
    FUZZ_CHECK(time == parseRfc3339Generally(timeText));
    // The common form with fields from the input, in range or not.
    const auto field = [&](int digits) {
        QString text;
        for (int i = 0; i < digits; ++i)
            text += QChar(u'0' + input.byte() % 10);
        return text;
    };
    const QString offsets[]
        = {u"Z"_s, u"+"_s + field(2) + u':' + field(2), u"-"_s + field(2) + u':' + field(2), u"z"_s};
    QString common = field(4) + u'-' + field(2) + u'-' + field(2) + u'T' + field(2) + u':' + field(2) + u':' + field(2);
    if (const int fraction = input.byte() % 12)
        common += u'.' + field(fraction - 1);
    common += offsets[input.byte() % 4];
    const QDateTime commonTime = parseRfc3339(common);
    FUZZ_CHECK(commonTime == parseRfc3339Generally(common));
    FUZZ_CHECK(!commonTime.isValid() || commonTime.timeSpec() == Qt::UTC);
    return 0;
}
