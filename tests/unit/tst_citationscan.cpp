#include "analysis/CitationScan.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

EvidenceSet evidenceOf(int count)
{
    QList<EvidenceItem> items;
    for (int i = 0; i < count; ++i)
        items.append({{}, EvidenceKind::AlertField, u"item"_s, {}});
    return EvidenceSet(items);
}

// The claims' texts, for readable comparisons.
QStringList texts(const QString &answer, const QList<Claim> &claims)
{
    QStringList list;
    for (const Claim &claim : claims)
        list << answer.mid(claim.start, claim.end - claim.start);
    return list;
}

QStringList ids(const Claim &claim)
{
    QStringList list;
    for (const CitationRef &citation : claim.citations)
        list << citation.id;
    return list;
}

} // namespace

class TestCitationScan : public QObject
{
    Q_OBJECT

private slots:
    void citationFormsAndClaims()
    {
        const QString answer = u"## Summary\n"
                               "The disk on db-1 is full [E3]. Writes fail since 03:58 [E3, E7]. Logs grew "
                               "fast.[E4][E5] It looks bad!\n"
                               "- Check the [runbook](http://x) first.\n"
                               "2. Rotation stopped 【E2】\n"_s;
        const CitationScanner scan = CitationScanner::scanned(answer, evidenceOf(10));
        QCOMPARE(texts(answer, scan.claims()),
                 (QStringList{u"The disk on db-1 is full [E3]."_s, u"Writes fail since 03:58 [E3, E7]."_s,
                              u"Logs grew fast.[E4][E5]"_s, u"Rotation stopped 【E2】"_s}));
        QCOMPARE(ids(scan.claims().at(1)), (QStringList{u"E3"_s, u"E7"_s}));
        QCOMPARE(ids(scan.claims().at(2)), (QStringList{u"E4"_s, u"E5"_s}));
        // Offsets name the id and its bracket, for chips.
        const CitationRef &e7 = scan.claims().at(1).citations.at(1);
        QCOMPARE(answer.mid(e7.start, e7.length), u"E7"_s);
        QCOMPARE(answer.mid(e7.bracketStart, e7.bracketLength), u"[E3, E7]"_s);
        QCOMPARE(scan.citations().size(), 6);
        const CitationCounts counts = scan.counts();
        QCOMPARE(counts.claims, 4);
        QCOMPARE(counts.cited, 4);
        QCOMPARE(counts.unsupported, 0);
        QCOMPARE(counts.footer(), u"4 claim(s), 4 cited, 0 unsupported"_s);
    }

    void unknownIdsAreInvalid()
    {
        const QString answer = u"Memory is at 99% [E99]. The pod restarted [e2, E0]."_s;
        const CitationScanner scan = CitationScanner::scanned(answer, evidenceOf(3));
        QCOMPARE(scan.claims().size(), 2);
        QVERIFY(!scan.claims().at(0).citations.first().valid);
        QVERIFY(!scan.claims().at(0).cited());
        QCOMPARE(ids(scan.claims().at(1)), (QStringList{u"E2"_s, u"E0"_s}));
        QVERIFY(scan.claims().at(1).citations.at(0).valid);
        QVERIFY(!scan.claims().at(1).citations.at(1).valid);
        QVERIFY(scan.claims().at(1).cited());
        QCOMPARE(scan.counts().invalidCitations, 2);
        QCOMPARE(scan.counts().cited, 1);
    }

    void earlierIncidentsAreCitedWithPIds()
    {
        QList<EvidenceItem> items;
        for (int i = 0; i < 3; ++i)
            items.append({{}, EvidenceKind::AlertField, u"item"_s, {}});
        for (int i = 0; i < 2; ++i)
            items.append({{}, EvidenceKind::PriorIncident, u"earlier incident"_s, {}});
        const EvidenceSet evidence(items);
        const QString answer = u"Last time the consumer was restarted [P2]. The lag grows because it is stuck "
                               "[E1, p1]. It was caused by a deploy [P7]. See [E4]."_s;
        const CitationScanner scan = CitationScanner::scanned(answer, evidence);
        QCOMPARE(scan.claims().size(), 4);
        QCOMPARE(ids(scan.claims().at(0)), QStringList{u"P2"_s});
        QVERIFY(scan.claims().at(0).citations.first().valid);
        QCOMPARE(answer.mid(scan.claims().at(0).citations.first().start, 2), u"P2"_s);
        QCOMPARE(ids(scan.claims().at(1)), (QStringList{u"E1"_s, u"P1"_s}));
        QVERIFY(scan.claims().at(1).citations.at(1).valid);
        // Unknown P ids are kept and marked, like unknown E ids; the cause is unsupported.
        QCOMPARE(ids(scan.claims().at(2)), QStringList{u"P7"_s});
        QVERIFY(!scan.claims().at(2).citations.first().valid);
        QVERIFY(scan.claims().at(2).unsupported());
        QVERIFY(!scan.claims().at(3).citations.first().valid); // E4: the E series has three
        QCOMPARE(scan.counts().invalidCitations, 2);
        QCOMPARE(scan.counts().cited, 2);
        QCOMPARE(scan.counts().unsupported, 1);
    }

    void causesWithoutCitationsAreUnsupported_data()
    {
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<bool>("cause");
        QTest::newRow("because") << u"The service crashed because the disk filled up."_s << true;
        QTest::newRow("caused by") << u"The outage was Caused by a bad deploy."_s << true;
        QTest::newRow("due to") << u"Latency rose due to GC pauses."_s << true;
        QTest::newRow("root cause") << u"The root cause is a leaking connection pool."_s << true;
        QTest::newRow("led to") << u"A full queue led to dropped writes."_s << true;
        QTest::newRow("as a result of") << u"Pods restarted as a result of OOM kills."_s << true;
        QTest::newRow("triggered by") << u"The alert was triggered by a spike."_s << true;
        QTest::newRow("bold") << u"**Because** the cache was cold, reads were slow."_s << true;
        QTest::newRow("zh 因为") << u"因为磁盘写满，服务崩溃了。"_s << true;
        QTest::newRow("zh 由于") << u"由于连接池泄漏，延迟升高。"_s << true;
        QTest::newRow("zh 导致") << u"日志暴涨导致磁盘写满。"_s << true;
        QTest::newRow("zh 根本原因") << u"根本原因是配置错误。"_s << true;
        QTest::newRow("zh 原因是") << u"延迟升高的原因是GC停顿。"_s << true;
        QTest::newRow("zh 引起") << u"内存泄漏引起了重启。"_s << true;
        QTest::newRow("zh 造成") << u"网络抖动造成请求超时。"_s << true;
        QTest::newRow("in another word") << u"The oddue token appeared."_s << false;
        QTest::newRow("heading") << u"## Likely causes"_s << false;
        QTest::newRow("zh heading") << u"## 可能的原因"_s << false;
        QTest::newRow("bold heading") << u"**Likely causes (ranked)**"_s << false;
        QTest::newRow("bold heading with colon") << u"**Root cause:**"_s << false;
        QTest::newRow("zh bold heading") << u"**根本原因**："_s << false;
        QTest::newRow("bold start, a sentence") << u"**Root cause:** the disk filled up because of logs."_s << true;
        QTest::newRow("in inline code") << u"Run `grep because` now."_s << false;
        QTest::newRow("plain") << u"Check the dashboard."_s << false;
    }

    void causesWithoutCitationsAreUnsupported()
    {
        QFETCH(QString, sentence);
        QFETCH(bool, cause);
        const CitationScanner scan = CitationScanner::scanned(sentence, evidenceOf(5));
        QCOMPARE(scan.counts().unsupported, cause ? 1 : 0);
        QCOMPARE(scan.counts().claims, cause ? 1 : 0);
        if (cause) {
            QVERIFY(scan.claims().first().unsupported());
            // The same sentence with a citation is supported.
            const QString cited = sentence.chopped(1) + u" [E1]"_s + sentence.back();
            const CitationScanner supported = CitationScanner::scanned(cited, evidenceOf(5));
            QCOMPARE(supported.counts().unsupported, 0);
            QCOMPARE(supported.counts().cited, 1);
            QVERIFY(supported.claims().first().statesCause);
        }
    }

    void claimsAreSentencesWithACitationACauseOrANumber()
    {
        const QString answer = u"Check the disk. It is at 97 percent. Nothing else looks wrong. "
                               "It broke because of logs. See [E1]. Version 1.2.3 of node.js is fine."_s;
        const CitationScanner scan = CitationScanner::scanned(answer, evidenceOf(2));
        QCOMPARE(texts(answer, scan.claims()),
                 (QStringList{u"It is at 97 percent."_s, u"It broke because of logs."_s, u"See [E1]."_s,
                              u"Version 1.2.3 of node.js is fine."_s}));
        QCOMPARE(scan.counts(), (CitationCounts{4, 1, 1, 0}));
        QCOMPARE(scan.counts().footer(), u"4 claim(s), 1 cited, 1 unsupported"_s);

        // Digits in names are no numbers; numbers in Chinese text are.
        const QString names = u"Log in to db-1 and node_2 first. Watch p99 there.\n重启了3次。延迟 250ms。"_s;
        QCOMPARE(texts(names, CitationScanner::scanned(names, {}).claims()),
                 (QStringList{u"重启了3次。"_s, u"延迟 250ms。"_s}));
    }

    void codeIsNotScanned()
    {
        const QString answer = u"Run this:\n```bash\ndf -h  # because [E9] 42\n```\n"
                               "Then `du -s [E8]. 7` and done.\n"
                               "~~~\ncaused by 5\n~~~\n"
                               "```hypotheses\n[{\"title\": \"x\", \"for\": [\"E1\"]}]\n```\n"_s;
        const CitationScanner scan = CitationScanner::scanned(answer, evidenceOf(2));
        QCOMPARE(scan.counts().claims, 0);
        QVERIFY(scan.citations().isEmpty());
    }

    void streamingGivesTheSameAsWhole()
    {
        const QString answer = u"## 摘要\n磁盘已满 [E1]。因为日志暴涨【E2】，写入失败。\n"
                               "1. The pod restarted 3 times [E3]. It failed due to OOM.\n"
                               "```\ncode [E1]\n```\nLatency is 250 ms [E4,E1] overall.[E9]"_s;
        const CitationScanner whole = CitationScanner::scanned(answer, evidenceOf(4));
        for (const int step : {1, 2, 3, 7, 64}) {
            CitationScanner pieces(evidenceOf(4));
            for (qsizetype at = 0; at < answer.size(); at += step) {
                pieces.update(QStringView(answer).first(std::min<qsizetype>(answer.size(), at + step)));
                // What is closed stays closed: the claims so far begin the final list.
                QVERIFY(pieces.claims().size() <= whole.claims().size());
                for (qsizetype i = 0; i < pieces.claims().size(); ++i)
                    QCOMPARE(pieces.claims().at(i), whole.claims().at(i));
            }
            pieces.finish();
            QCOMPARE(pieces.claims(), whole.claims());
            QCOMPARE(pieces.citations(), whole.citations());
            QCOMPARE(pieces.counts(), whole.counts());
        }
        QCOMPARE(whole.counts(), (CitationCounts{5, 4, 1, 1}));
    }

    void theOpenSentenceCountsWhileStreaming()
    {
        CitationScanner scan(evidenceOf(3));
        scan.append(u"The disk filled up because of lo");
        QVERIFY(scan.claims().isEmpty());
        QVERIFY(scan.openClaim());
        QCOMPARE(scan.counts().unsupported, 1);
        scan.append(u"gs [E2");
        QCOMPARE(scan.counts().unsupported, 1); // the bracket is not closed yet
        scan.append(u"]. Next");
        QCOMPARE(scan.counts(), (CitationCounts{1, 1, 0, 0}));
        QCOMPARE(scan.claims().size(), 1);
        // A shorter text starts over.
        scan.update(u"Because.");
        scan.finish();
        QCOMPARE(scan.counts(), (CitationCounts{1, 0, 1, 0}));
    }

    void aLongAnswerIsScannedInLinearTime()
    {
        // 60,000 characters, 500 citations, fed in small pieces as a stream would.
        QString answer;
        int n = 0;
        int valid = 0;
        while (answer.size() < 60'000) {
            valid += n % 40 + 1 <= 20 ? 1 : 0;
            answer += u"Sentence %1 says the cause is due to load [E%2]. "_s.arg(n).arg(n % 40 + 1);
            if (++n % 8 == 0)
                answer += QString(40, u'[') + u"\n"_s; // unclosed brackets, replayed as prose
        }
        QElapsedTimer timer;
        timer.start();
        CitationScanner scan(evidenceOf(20));
        for (qsizetype at = 0; at < answer.size(); at += 5) {
            scan.update(QStringView(answer).first(std::min<qsizetype>(answer.size(), at + 5)));
            (void)scan.counts();
        }
        scan.finish();
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(scan.citations().size() >= 500);
        QCOMPARE(scan.counts().claims, n);
        QCOMPARE(scan.counts().cited, valid); // E1…E20 of E1…E40
        QCOMPARE(scan.counts().unsupported, n - valid);

        // One endless sentence is cut, not rescanned.
        const CitationScanner endless = CitationScanner::scanned(QString(60'000, u'x') + u" 1"_s, {});
        QVERIFY(endless.claims().size() <= 1);
    }
};

QTEST_GUILESS_MAIN(TestCitationScan)
#include "tst_citationscan.moc"
