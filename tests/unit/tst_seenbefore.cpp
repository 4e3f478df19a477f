#include "AlertBuilder.h"
#include "ResultAssert.h"
#include "incidents/SeenBefore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

class SeenBeforeTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s);
        db.setDatabaseName(u":memory:"_s);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY2(query.exec(u"CREATE VIRTUAL TABLE texts USING fts5(words)"_s), qPrintable(query.lastError().text()));
        const QList<Alert> stored{
            AlertBuilder(u"1"_s)
                .named(u"DiskFull"_s)
                .summary(u"Filesystem /var on db-1 is 95% full"_s)
                .label(u"instance"_s, u"db-1:9100"_s),
            AlertBuilder(u"2"_s)
                .named(u"HighErrorRate"_s)
                .summary(u"5xx ratio of checkout above 5%"_s)
                .label(u"service"_s, u"checkout"_s),
            AlertBuilder(u"3"_s).named(u"ContainerOOMKilled"_s).summary(u"Container in data/consumer was OOM killed"_s),
        };
        for (const Alert &alert : stored) {
            query.prepare(u"INSERT INTO texts (rowid, words) VALUES (?, ?)"_s);
            query.addBindValue(alert.fingerprint.toInt());
            query.addBindValue(SeenBefore::indexedText(alert));
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
    }

    void theQueryIsTheAlertsWordsQuoted()
    {
        const Alert alert = AlertBuilder(u"x"_s)
                                .named(u"DiskFull"_s)
                                .summary(u"Filesystem /data on db-7 is 99% full"_s)
                                .label(u"instance"_s, u"db-7:9100"_s);
        const QString query = SeenBefore::textQuery(alert);
        QCOMPARE(query, uR"("diskfull" OR "filesystem" OR "data" OR "db" OR "full")"_s);
    }

    void theBestMatchRanksFirst()
    {
        const Alert alert = AlertBuilder(u"x"_s).named(u"DiskFull"_s).summary(u"Filesystem /srv on db-9 is 97% full"_s);
        QSqlQuery query;
        query.prepare(u"SELECT rowid FROM texts WHERE texts MATCH ? ORDER BY bm25(texts) LIMIT 3"_s);
        query.addBindValue(SeenBefore::textQuery(alert));
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    }

    // Punctuation, FTS syntax and huge values: a valid query or none, never an error.
    void hostileTextMakesAValidQueryOrNone_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<bool>("empty");
        QTest::newRow("punctuation") << u"!!!"_s << u"*** ... ;;; \"\" () {} ^ : -"_s << true;
        QTest::newRow("fts syntax") << u"NEAR(a b)"_s << u"x* AND \"y OR z\" NOT col:w ^start"_s << false;
        QTest::newRow("quotes") << u"\"\"\"disk\""_s << u"'; DROP TABLE texts; --"_s << false;
        QTest::newRow("numbers only") << u"404"_s << u"500 503 1.5"_s << true;
        QTest::newRow("chinese") << u"磁盘已满"_s << u"数据库 db-1 磁盘使用率 95%"_s << false;
        QTest::newRow("huge") << QString(200'000, u'a') << QString(50'000, u'b') + u' ' + QString(50'000, u'c')
                              << false;
        QTest::newRow("control") << u"\x01\x02\x1f"_s << QString(u"\0x"_s) << true;
    }

    void hostileTextMakesAValidQueryOrNone()
    {
        QFETCH(QString, name);
        QFETCH(QString, summary);
        QFETCH(bool, empty);
        Alert alert = AlertBuilder(u"x"_s).named(name).summary(summary);
        for (int i = 0; i < 1000; ++i) // many labels: still a bounded query
            alert.labels.insert(u"l"_s + QString::number(i), u"value"_s + QString::number(i));
        const QString text = SeenBefore::textQuery(alert);
        QCOMPARE(text.isEmpty(), empty && alert.labels.size() <= 1);
        QVERIFY(text.count(u" OR "_s) < SeenBefore::maxQueryTerms);
        QVERIFY(text.size() < SeenBefore::maxQueryTerms * (SeenBefore::maxTermLength + 8));
        Alert bare = AlertBuilder(u"x"_s).named(name).summary(summary);
        const QString bareText = SeenBefore::textQuery(bare);
        QCOMPARE(bareText.isEmpty(), empty);
        for (const QString &match : {text, bareText}) {
            if (match.isEmpty())
                continue;
            QSqlQuery query;
            query.prepare(u"SELECT rowid FROM texts WHERE texts MATCH ? ORDER BY bm25(texts)"_s);
            query.addBindValue(match);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text() + u" for "_s + match.left(200)));
        }
    }

    void notesKeepOnlyWebLinksAndStayBounded()
    {
        ResolutionNote note{u"Memory limit too low"_s, u"Raised it to 2 GiB"_s, u"https://wiki.example.com/oom"_s,
                            u"Restarted the consumer."_s, QDateTime(QDate(2026, 11, 3), QTime(4, 5), QTimeZone::utc())};
        QVERIFY_OK(note.validate());
        QCOMPARE(note.summary(), u"Cause: Memory limit too low Action: Raised it to 2 GiB"_s);
        const Result<ResolutionNote> back = ResolutionNote::fromJson(note.toJson());
        QVERIFY_OK(back);
        QCOMPARE(*back, note);

        for (const QString &bad : {u"javascript:alert(1)"_s, u"file:///etc/passwd"_s, u"wiki/page"_s, u"http://"_s}) {
            note.link = bad;
            const Result<> checked = note.validate();
            QVERIFY2(!checked, qPrintable(bad));
            QVERIFY(checked.error().contains(u"http"_s));
            // A bad link in a stored note is dropped, never handed on.
            QVERIFY(ResolutionNote::fromJson(note.toJson())->link.isEmpty());
        }
        note.link.clear();
        note.cause = QString(ResolutionNote::maxFieldCharacters + 1, u'x');
        QVERIFY(!note.validate());
        QVERIFY(ResolutionNote::fromJson(note.toJson())->cause.size() == ResolutionNote::maxFieldCharacters);
        QVERIFY(!ResolutionNote::fromJson("[1,2]"));
        QVERIFY(!ResolutionNote::fromJson(QByteArray(200'000, '{')));
    }

    void recurrenceFollowsPagerDutysThresholds()
    {
        QCOMPARE(SeenBefore::classify(0, 100), SeenBefore::Recurrence::New);
        QCOMPARE(SeenBefore::classify(3, 0), SeenBefore::Recurrence::New);
        QCOMPARE(SeenBefore::classify(5, 100), SeenBefore::Recurrence::Rare);
        QCOMPARE(SeenBefore::classify(6, 100), SeenBefore::Recurrence::Occasional);
        QCOMPARE(SeenBefore::classify(19, 100), SeenBefore::Recurrence::Occasional);
        QCOMPARE(SeenBefore::classify(20, 100), SeenBefore::Recurrence::Frequent);
        QCOMPARE(SeenBefore::classify(1, 1), SeenBefore::Recurrence::Frequent);
        QCOMPARE(SeenBefore::recurrenceText(SeenBefore::Recurrence::Rare), u"rare"_s);
    }
};

QTEST_GUILESS_MAIN(SeenBeforeTest)
#include "tst_seenbefore.moc"
