#include "ResultAssert.h"
#include "analysis/EvidenceSet.h"
#include "analysis/Hypotheses.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString prose = u"## Summary\nThe disk is full [E3].\n\n## Likely causes\n1. Logs grew [E4]."_s;

QString answerWith(const QString &block)
{
    return prose + u"\n\n```hypotheses\n"_s + block + u"\n```\n"_s;
}

EvidenceSet evidenceOf(int count)
{
    QList<EvidenceItem> items;
    for (int i = 0; i < count; ++i)
        items.append({{}, EvidenceKind::AlertField, u"item"_s, {}});
    return EvidenceSet(items);
}

} // namespace

class TestHypotheses : public QObject
{
    Q_OBJECT

private slots:
    void readsTheBlock()
    {
        const QString answer = answerWith(
            uR"([{"title": "Log files filled the disk", "status": "likely", "confidence": 0.8, "for": ["E3", "E4"], "against": ["E7"]},
                {"title": "A backup wrote to /", "status": "possible", "confidence": 0.3, "for": ["E5"]},
                {"title": "The disk is failing", "status": "ruled_out", "confidence": 0.05, "against": ["[E6]"]}])"_s);
        const Hypotheses::Parsed parsed = Hypotheses::parse(answer);
        QVERIFY(parsed.found);
        QVERIFY(parsed.complete);
        QVERIFY2(parsed.problems.isEmpty(), qPrintable(parsed.problems.join(u'\n')));
        QCOMPARE(parsed.hypotheses.size(), 3);
        const Hypothesis &first = parsed.hypotheses.first();
        QCOMPARE(first.title, u"Log files filled the disk"_s);
        QCOMPARE(first.status, HypothesisStatus::Likely);
        QCOMPARE(first.confidence, std::optional<double>(0.8));
        QCOMPARE(first.evidenceFor, (QStringList{u"E3"_s, u"E4"_s}));
        QCOMPARE(first.evidenceAgainst, QStringList{u"E7"_s});
        // Ruled-out ones stay; ids written as citations are read as ids.
        QCOMPARE(parsed.hypotheses.at(2).status, HypothesisStatus::RuledOut);
        QCOMPARE(parsed.hypotheses.at(2).evidenceAgainst, QStringList{u"E6"_s});
        // The answer as shown has no block and no trailing blank lines.
        QCOMPARE(Hypotheses::withoutBlock(answer), prose);
        QCOMPARE(Hypotheses::blockStart(answer), prose.size() + 2);
    }

    void theTopHypothesisIsTheMostConfidentLikelyOne()
    {
        const QList<Hypothesis> list = {
            {u"a"_s, HypothesisStatus::Possible, 0.9, {}, {}}, {u"b"_s, HypothesisStatus::Likely, 0.6, {}, {}},
            {u"c"_s, HypothesisStatus::RuledOut, 1.0, {}, {}}, {u"d"_s, HypothesisStatus::Likely, 0.7, {u"E1"_s}, {}},
            {u"e"_s, HypothesisStatus::Likely, 0.7, {}, {}},
        };
        QCOMPARE(Hypotheses::top(list)->title, u"d"_s);
        // None likely: the most confident possible one; never a ruled-out one.
        QCOMPARE(Hypotheses::top(list.first(1))->title, u"a"_s);
        QVERIFY(!Hypotheses::top({list.at(2)}));
        QVERIFY(!Hypotheses::top({}));
        QCOMPARE(Hypotheses::summaryLine(list.at(3)), u"Likely (70 %): d [E1]"_s);
    }

    void brokenJsonKeepsTheAnswer()
    {
        const QString answer = answerWith(u"[{\"title\": \"Disk\", \"status\": \"likely\",}"_s);
        const Hypotheses::Parsed parsed = Hypotheses::parse(answer);
        QVERIFY(parsed.found);
        QVERIFY(parsed.hypotheses.isEmpty());
        QCOMPARE(parsed.problems.size(), 1);
        QVERIFY2(parsed.problems.first().startsWith(u"The hypotheses block is not valid JSON"_s),
                 qPrintable(parsed.problems.first()));
        QCOMPARE(Hypotheses::withoutBlock(answer), prose);

        const Hypotheses::Parsed notAList = Hypotheses::parse(answerWith(u"{\"likely\": \"disk\"}"_s));
        QCOMPARE(notAList.problems,
                 QStringList{u"The hypotheses block is not a JSON array of hypotheses; the answer is shown without "
                             "the board."_s});
    }

    void invalidEntriesAreNamedAndLeftOut()
    {
        const QString answer = answerWith(uR"([
            {"title": "Disk full", "status": "likely", "confidence": 80},
            {"status": "possible"},
            {"title": "Gremlins", "status": "maybe"},
            42,
            {"title": "Cosmic rays", "status": "Ruled out", "confidence": "very"},
            {"title": "Bad deploy", "status": "possible", "for": ["E2", "E99"]}])"_s);
        const EvidenceSet evidence = evidenceOf(3);
        const Hypotheses::Parsed parsed = Hypotheses::parse(answer, &evidence);
        QCOMPARE(parsed.hypotheses.size(), 3);
        QCOMPARE(parsed.hypotheses.at(0).confidence, std::optional<double>(0.8)); // a percentage
        QCOMPARE(parsed.hypotheses.at(1).title, u"Cosmic rays"_s);
        QCOMPARE(parsed.hypotheses.at(1).status, HypothesisStatus::RuledOut);
        QVERIFY(!parsed.hypotheses.at(1).confidence);
        QCOMPARE(parsed.hypotheses.at(2).evidenceFor, (QStringList{u"E2"_s, u"E99"_s}));
        QCOMPARE(
            parsed.problems,
            (QStringList{
                u"Hypothesis 2 has no title; it is left out."_s,
                u"Hypothesis 3 (“Gremlins”): the status “maybe” is not likely, possible or ruled_out; it is left out."_s,
                u"Hypothesis 4 is not a JSON object; it is left out."_s,
                u"Hypothesis 5 (“Cosmic rays”): the confidence is not a number from 0 to 1; it is shown without one."_s,
                u"The hypothesis “Bad deploy” cites E99, which the evidence does not hold."_s}));
    }

    void sizesAreBounded()
    {
        QString many = u"["_s;
        for (int i = 0; i < 50; ++i)
            many += u"%1{\"title\": \"%2\", \"status\": \"possible\", \"for\": [%3]}"_s.arg(
                i ? u","_s : QString(), QString(400, u't'), QStringList(100, u"\"E1\""_s).join(u','));
        many += u']';
        const Hypotheses::Parsed parsed = Hypotheses::parse(answerWith(many));
        QCOMPARE(parsed.hypotheses.size(), Hypotheses::maxHypotheses);
        QCOMPARE(parsed.hypotheses.first().title.size(), Hypotheses::maxTitleCharacters);
        QCOMPARE(parsed.hypotheses.first().evidenceFor.size(), Hypotheses::maxIds);
        QCOMPARE(parsed.problems.first(), u"The answer lists 50 hypotheses; only the first 12 are shown."_s);

        const Hypotheses::Parsed huge
            = Hypotheses::parse(answerWith(u"[\""_s + QString(Hypotheses::maxBlockCharacters, u'x') + u"\"]"_s));
        QVERIFY(huge.hypotheses.isEmpty());
        QVERIFY(huge.problems.first().startsWith(u"The hypotheses block is too long"_s));
    }

    void whileStreamingTheOpenBlockIsHiddenAndNotJudged()
    {
        const QString partial = prose + u"\n\n```hypotheses\n[{\"title\": \"Log fi"_s;
        const Hypotheses::Parsed parsed = Hypotheses::parse(partial);
        QVERIFY(parsed.found);
        QVERIFY(!parsed.complete);
        QVERIFY(parsed.problems.isEmpty());
        QCOMPARE(Hypotheses::withoutBlock(partial), prose);
        // The opening line still arriving.
        QCOMPARE(Hypotheses::withoutBlock(prose + u"\n\n```hypotheses"_s), prose);
        // Other code blocks, and the word in prose, are not the block.
        const QString other = prose + u"\n```bash\necho ```hypotheses\n```\nThe ```hypotheses word."_s;
        QVERIFY(!Hypotheses::parse(other).found);
        QCOMPARE(Hypotheses::withoutBlock(other), other);
        QVERIFY(!Hypotheses::parse(prose + u"\n```hypothesesX\n[]\n```"_s).found);
    }

    void aLineAfterTheBlockIsKept()
    {
        const QString answer = answerWith(u"[]"_s) + u"Stay safe."_s;
        QCOMPARE(Hypotheses::withoutBlock(answer), prose + u"\n\nStay safe."_s);
        QVERIFY(Hypotheses::parse(answer).hypotheses.isEmpty());
        QVERIFY(Hypotheses::parse(answer).problems.isEmpty());
    }

    void storedJsonRoundTrips()
    {
        const QList<Hypothesis> list = {
            {u"Log files filled the disk"_s, HypothesisStatus::Likely, 0.8, {u"E3"_s}, {u"E7"_s}},
            {u"Disk failing"_s, HypothesisStatus::RuledOut, std::nullopt, {}, {u"E2"_s}},
        };
        const Result<QList<Hypothesis>> read = Hypotheses::fromJson(Hypotheses::toJson(list));
        QVERIFY_OK(read);
        QCOMPARE(*read, list);
        QVERIFY_OK(Hypotheses::fromJson({}));
        QVERIFY(!Hypotheses::fromJson("{"));
        QVERIFY(!Hypotheses::fromJson(R"([{"title":"x","status":"nope"}])"));
    }
};

QTEST_GUILESS_MAIN(TestHypotheses)
#include "tst_hypotheses.moc"
