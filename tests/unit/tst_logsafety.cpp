// Log lines carry text that clients choose: they must stay one line each, bounded, and
// a flood of bad requests must not flood the log.

#include "HttpTestClient.h"
#include "ResultAssert.h"
#include "ingest/HttpListener.h"
#include "logging/LogSafety.h"
#include "logging/LogSetup.h"
#include "store/StoreService.h"

#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QStringList captured;
QMutex capturedLock;
void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    const QMutexLocker locker(&capturedLock);
    captured << message;
}

QStringList takeCaptured()
{
    const QMutexLocker locker(&capturedLock);
    return std::exchange(captured, {});
}

bool anyCaptured(const QString &part)
{
    const QMutexLocker locker(&capturedLock);
    return std::any_of(captured.cbegin(), captured.cend(), [&](const QString &line) { return line.contains(part); });
}

bool hasControlCharacters(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x20 && c != u'\t'; });
}

} // namespace

class TestLogSafety : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qInstallMessageHandler(capture);
        LogSetup::apply(LogSetup::Level::Info); // puts the safe handler in front of `capture`
    }

    void init() { takeCaptured(); }

    void controlCharactersAreEscaped()
    {
        QCOMPARE(LogSafety::clean(u"a\nb\r\x1b[2J\tc\x7f"_s), u"a\\nb\\r\\x1b[2J\tc\\x7f"_s);
        QCOMPARE(LogSafety::clean(u"line\u2028next\u0085"_s), u"line\\x2028next\\x85"_s);
        QCOMPARE(LogSafety::clean(u"plain text, ünïcode 中文"_s), u"plain text, ünïcode 中文"_s);
    }

    void longTextIsCut()
    {
        const QString cut = LogSafety::clean(QString(5000, u'x'), 100);
        QVERIFY(cut.startsWith(QString(100, u'x') + u" …[4900 more characters]"_s));
    }

    void rateLimiterAllowsABurstThenARate()
    {
        LogSafety::RateLimiter limiter(3, 1.0);
        int suppressed = -1;
        for (int i = 0; i < 3; ++i)
            QVERIFY(limiter.admit(u"k"_s, 0, &suppressed));
        QVERIFY(!limiter.admit(u"k"_s, 10, &suppressed));
        QVERIFY(!limiter.admit(u"k"_s, 20, &suppressed));
        QVERIFY(limiter.admit(u"other"_s, 20, &suppressed)); // keys apart
        QVERIFY(limiter.admit(u"k"_s, 1020, &suppressed));
        QCOMPARE(suppressed, 2);
        QVERIFY(!limiter.admit(u"k"_s, 1030, &suppressed));
    }

    void loggedMessagesAreOneLineAndBounded()
    {
        const QLoggingCategory category("alertdeck.test.lines");
        qCWarning(category).noquote() << "status \"x\n2026-12-06T00:00:00.000 W alertdeck.ingest: forged\x1b[2J\"";
        qCWarning(category).noquote() << QString(7 * 1024 * 1024, u'y');
        const QStringList lines = takeCaptured();
        QCOMPARE(lines.size(), 2);
        QVERIFY2(!hasControlCharacters(lines.at(0)), qPrintable(lines.at(0)));
        QVERIFY(lines.at(0).contains(u"\\n2026-12-06"_s));
        QVERIFY2(lines.at(1).size() < LogSafety::maxMessageChars + 100,
                 qPrintable(QString::number(lines.at(1).size())));
        QVERIFY(lines.at(1).endsWith(u"more characters]"_s));
    }

    void repeatedWarningsAreRateLimited()
    {
        const QLoggingCategory category("alertdeck.test.flood");
        for (int i = 0; i < 1000; ++i)
            qCWarning(category) << "rejected credentials from 127.0.0.1";
        const QStringList lines = takeCaptured();
        QVERIFY2(lines.size() <= 21, qPrintable(QString::number(lines.size())));
        QVERIFY(lines.size() >= 10);
        // Criticals always get through.
        qCCritical(category) << "store failed";
        QCOMPARE(takeCaptured().size(), 1);
    }

    // End to end: a payload whose status holds a line break and an escape sequence.
    void refusedPayloadsCannotForgeLogLines()
    {
        QTemporaryDir dir;
        StoreService ingest;
        QVERIFY_OK(ingest.open(dir.filePath(u"alerts.sqlite"_s)));
        HttpListener listener;
        listener.setStore(&ingest);
        QVERIFY(listener.start({QHostAddress(QHostAddress::LocalHost), 0}));
        takeCaptured();
        const QByteArray body = "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[{\"status\":"
                                "\"x\\nW alertdeck.ingest: forged\\u001b[2J\",\"labels\":{\"alertname\":\"A\"},"
                                "\"startsAt\":\"2026-12-06T00:00:00Z\"}]}";
        QCOMPARE(HttpTestClient::postJson(listener.boundAddress().port, "/webhook/alertmanager", body).status, 422);
        QTRY_VERIFY(anyCaptured(u"refused"_s));
        for (const QString &line : takeCaptured())
            QVERIFY2(!hasControlCharacters(line), qPrintable(line));
    }
};

QTEST_GUILESS_MAIN(TestLogSafety)
#include "tst_logsafety.moc"
