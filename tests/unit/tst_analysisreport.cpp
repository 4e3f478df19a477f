// AnalysisReport: an analysis as JSON, with its citations, claims and hypotheses counted.

#include "analysis/AnalysisReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

EvidenceSet evidence()
{
    return EvidenceSet({{{}, EvidenceKind::AlertField, u"alert name: \"DiskFull\""_s, {}},
                        {{}, EvidenceKind::MetricSeries, u"metric \"Disk used %\" {instance=\"db-1\"}: max 99.8"_s, {}},
                        {{}, EvidenceKind::LogLine, u"log line: \"No space left on device\""_s, {}}});
}

const QString answer = uR"(## Summary
The disk on db-1 is full [E2] and writes fail [E3, E2].

## Likely causes
The disk filled because of a runaway backup.
Log rotation stopped at 03:10 [E9].

```hypotheses
[{"title": "Backup filled the disk", "status": "likely", "confidence": 0.7, "for": ["E2", "E3"]},
 {"title": "Disk hardware failure", "status": "ruled_out", "confidence": 0.05, "against": ["E8"]}]
```
)"_s;

AnalysisReport::Input input()
{
    AnalysisReport::Input in;
    in.content = answer;
    in.reasoning = u"Disk at 99.8%…"_s;
    in.model = u"deepseek-flash"_s;
    in.outcome = AnalysisOutcome::Finished;
    in.evidence = evidence();
    in.promptTokens = 2410;
    in.completionTokens = 96;
    in.totalTokens = 2506;
    return in;
}

} // namespace

class TestAnalysisReport : public QObject
{
    Q_OBJECT

private slots:
    void countsCitationsClaimsAndHypotheses()
    {
        const AnalysisReport report(input());
        QVERIFY(!report.answer().contains(u"```hypotheses"_s));
        QVERIFY(report.answer().endsWith(u"[E9]."_s));
        QCOMPARE(report.citationCount(), 4);
        QCOMPARE(report.validCitationCount(), 3);
        QCOMPARE(report.citedIds().size(), 3);
        QCOMPARE(report.citedIds().at(0).id, u"E2"_s);
        QCOMPARE(report.citedIds().at(0).count, 2);
        QVERIFY(report.citedIds().at(0).valid());
        QCOMPARE(report.citedIds().at(0).item->kind, EvidenceKind::MetricSeries);
        QCOMPARE(report.citedIds().at(2).id, u"E9"_s);
        QVERIFY(!report.citedIds().at(2).valid());
        // Two cited sentences, one uncited cause, one with only an invalid citation.
        QCOMPARE(report.counts().claims, 3);
        QCOMPARE(report.counts().cited, 1);
        QCOMPARE(report.counts().unsupported, 1);
        QCOMPARE(report.unsupportedSentences(), QStringList{u"The disk filled because of a runaway backup."_s});
        QCOMPARE(report.hypotheses().hypotheses.size(), 2);
        QCOMPARE(report.topHypothesis()->title, u"Backup filled the disk"_s);
        // E8 is not in the evidence: named as a problem.
        QCOMPARE(report.hypotheses().problems.size(), 1);
        QVERIFY(report.hypotheses().problems.first().contains(u"E8"_s));
    }

    void writesTheDocumentedJson()
    {
        const QJsonObject json = QJsonDocument::fromJson(AnalysisReport(input()).toJson()).object();
        QCOMPARE(json.value(u"version"_s).toInt(), 1);
        QCOMPARE(json.value(u"model"_s).toString(), u"deepseek-flash"_s);
        QCOMPARE(json.value(u"outcome"_s).toString(), u"finished"_s);
        QVERIFY(!json.contains(u"error"_s));
        QCOMPARE(json.value(u"reasoning"_s).toString(), u"Disk at 99.8%…"_s);
        QVERIFY(json.value(u"answer"_s).toString().startsWith(u"## Summary\nThe disk on db-1 is full [E2]"_s));
        QVERIFY(!json.value(u"answer"_s).toString().contains(u"hypotheses"_s));

        const QJsonArray items = json.value(u"evidence"_s).toArray();
        QCOMPARE(items.size(), 3);
        QCOMPARE(items.at(2).toObject(),
                 (QJsonObject{{u"id"_s, u"E3"_s},
                              {u"kind"_s, u"log-line"_s},
                              {u"text"_s, u"log line: \"No space left on device\""_s}}));

        const QJsonArray citations = json.value(u"citations"_s).toArray();
        QCOMPARE(citations.size(), 3);
        QCOMPARE(citations.at(0).toObject(),
                 (QJsonObject{{u"id"_s, u"E2"_s},
                              {u"count"_s, 2},
                              {u"valid"_s, true},
                              {u"kind"_s, u"metric"_s},
                              {u"text"_s, evidence().items().at(1).text}}));
        QCOMPARE(citations.at(2).toObject(), (QJsonObject{{u"id"_s, u"E9"_s}, {u"count"_s, 1}, {u"valid"_s, false}}));

        const QJsonObject claims = json.value(u"claims"_s).toObject();
        QCOMPARE(claims.value(u"claims"_s).toInt(), 3);
        QCOMPARE(claims.value(u"cited"_s).toInt(), 1);
        QCOMPARE(claims.value(u"unsupported"_s).toInt(), 1);
        QCOMPARE(claims.value(u"invalid_citations"_s).toInt(), 1);
        QCOMPARE(claims.value(u"unsupported_sentences"_s).toArray(),
                 QJsonArray{u"The disk filled because of a runaway backup."_s});

        const QJsonArray hypotheses = json.value(u"hypotheses"_s).toArray();
        QCOMPARE(hypotheses.size(), 2);
        QCOMPARE(hypotheses.at(1).toObject().value(u"status"_s).toString(), u"ruled_out"_s);
        QCOMPARE(json.value(u"top_hypothesis"_s).toObject().value(u"title"_s).toString(), u"Backup filled the disk"_s);
        QCOMPARE(json.value(u"hypotheses_problems"_s).toArray().size(), 1);
        QCOMPARE(json.value(u"tool_steps"_s), QJsonValue(QJsonArray{}));
        QCOMPARE(json.value(u"usage"_s).toObject(),
                 (QJsonObject{{u"prompt_tokens"_s, 2410}, {u"completion_tokens"_s, 96}, {u"total_tokens"_s, 2506}}));
    }

    // `alertdeck analyze --json`: earlier incidents are listed as evidence with their P ids,
    // and a citation of one resolves to it.
    void earlierIncidentsAreListedAndCited()
    {
        AnalysisReport::Input in = input();
        QList<EvidenceItem> items = evidence().items();
        items.insert(1, {{}, EvidenceKind::PriorIncident, u"earlier incident \"DiskFull\"; noted cause \"backup\""_s});
        in.evidence = EvidenceSet(items);
        in.content = u"Last time a backup filled it [P1]. Not [P3]."_s;
        const QJsonObject json = QJsonDocument::fromJson(AnalysisReport(in).toJson()).object();
        const QJsonArray listed = json.value(u"evidence"_s).toArray();
        QCOMPARE(listed.size(), 4);
        QCOMPARE(listed.at(1).toObject(),
                 (QJsonObject{{u"id"_s, u"P1"_s}, {u"kind"_s, u"prior"_s}, {u"text"_s, items.at(1).text}}));
        QCOMPARE(listed.at(2).toObject().value(u"id"_s).toString(), u"E2"_s);
        const QJsonArray citations = json.value(u"citations"_s).toArray();
        QCOMPARE(citations.size(), 2);
        QCOMPARE(citations.at(0).toObject().value(u"kind"_s).toString(), u"prior"_s);
        QVERIFY(citations.at(0).toObject().value(u"valid"_s).toBool());
        QCOMPARE(citations.at(1).toObject(), (QJsonObject{{u"id"_s, u"P3"_s}, {u"count"_s, 1}, {u"valid"_s, false}}));
    }

    // A run whose question needed tools: the question's whole text (not only its last
    // request's), its steps, the tool results as evidence the answer may cite, and the
    // token counts over every request, the reasoning's included.
    void inputOfARunTakesTheQuestionsStepsAndTotals()
    {
        AnalysisService::Run run;
        run.model = u"deepseek-flash"_s;
        QList<EvidenceItem> items = evidence().items();
        items << EvidenceItem{{}, EvidenceKind::MetricSeries, u"tool query_prometheus: node_memory 180 MiB"_s, {}};
        run.evidence = EvidenceSet(items);
        run.prompt.evidence = evidence();
        ConversationTurn analysis;
        analysis.answer = u"The first answer."_s;
        ConversationTurn question;
        question.question = u"Why?"_s;
        question.answer = u"Checking memory.\n\nMemory ran out [E4]."_s;
        question.reasoning = u"Look at memory."_s;
        question.steps << ToolStep{u"call_00_mem"_s,      u"query_prometheus"_s, u"{\"expr\": \"up\"}"_s,
                                   ToolStep::State::Done, u"up: 1 series"_s,     u"E4"_s}
                       << ToolStep{u"call_01_x"_s,           u"rm_rf"_s,        u"{}"_s,
                                   ToolStep::State::Refused, u"No such tool"_s, {}};
        run.turns << analysis << question;
        run.promptTokens = 4240;
        run.completionTokens = 237;
        run.reasoningTokens = 22;

        const QJsonObject json = AnalysisReport(AnalysisReport::inputOf(run)).toJsonObject();
        QCOMPARE(json.value(u"answer"_s).toString(), u"Checking memory.\n\nMemory ran out [E4]."_s);
        QCOMPARE(json.value(u"reasoning"_s).toString(), u"Look at memory."_s);
        QCOMPARE(json.value(u"evidence"_s).toArray().size(), 4);
        QCOMPARE(json.value(u"citations"_s).toArray().at(0).toObject().value(u"valid"_s).toBool(), true);
        QCOMPARE(json.value(u"tool_steps"_s).toArray(),
                 (QJsonArray{QJsonObject{{u"call_id"_s, u"call_00_mem"_s},
                                         {u"name"_s, u"query_prometheus"_s},
                                         {u"arguments"_s, u"{\"expr\": \"up\"}"_s},
                                         {u"state"_s, u"done"_s},
                                         {u"summary"_s, u"up: 1 series"_s},
                                         {u"evidence_id"_s, u"E4"_s}},
                             QJsonObject{{u"call_id"_s, u"call_01_x"_s},
                                         {u"name"_s, u"rm_rf"_s},
                                         {u"arguments"_s, u"{}"_s},
                                         {u"state"_s, u"refused"_s},
                                         {u"summary"_s, u"No such tool"_s},
                                         {u"evidence_id"_s, QJsonValue::Null}}}));
        QCOMPARE(json.value(u"usage"_s).toObject(),
                 (QJsonObject{{u"prompt_tokens"_s, 4240},
                              {u"completion_tokens"_s, 237},
                              {u"total_tokens"_s, 4477},
                              {u"reasoning_tokens"_s, 22}}));
    }

    // A failed run without text, a broken block, no usage: every field still there.
    void aFailedRunKeepsTheShape()
    {
        AnalysisReport::Input in;
        in.model = u"m"_s;
        in.outcome = AnalysisOutcome::CutOff;
        in.error = u"Cut off: the answer reached max_tokens"_s;
        in.content = u"The pool is exhausted [E1].\n\n```hypotheses\n[{\"title\": \"Pool\", \"status\": \"lik"_s
            + u"\n```\n"_s;
        in.evidence = evidence();
        const AnalysisReport report(std::move(in));
        const QJsonObject json = report.toJsonObject();
        QCOMPARE(json.value(u"outcome"_s).toString(), u"cut-off"_s);
        QCOMPARE(json.value(u"error"_s).toString(), u"Cut off: the answer reached max_tokens"_s);
        QVERIFY(!json.contains(u"reasoning"_s));
        QCOMPARE(json.value(u"answer"_s).toString(), u"The pool is exhausted [E1]."_s);
        QCOMPARE(json.value(u"hypotheses"_s), QJsonValue(QJsonArray{}));
        QCOMPARE(json.value(u"hypotheses_problems"_s).toArray().size(), 1);
        QVERIFY(json.value(u"hypotheses_problems"_s).toArray().at(0).toString().contains(u"not valid JSON"_s));
        QVERIFY(json.value(u"top_hypothesis"_s).isNull());
        QVERIFY(json.value(u"usage"_s).isNull());
        QCOMPARE(json.value(u"tool_steps"_s), QJsonValue(QJsonArray{}));
        QCOMPARE(report.validCitationCount(), 1);
    }

    // Hostile answers: a long one full of citations is read in one pass, each id once.
    void aLongAnswerStaysLinear()
    {
        AnalysisReport::Input in;
        in.evidence = evidence();
        QString content;
        for (int i = 0; i < 20'000; ++i)
            content += u"Claim %1 [E%2].\n"_s.arg(i).arg(i % 50 + 1);
        in.content = content;
        const AnalysisReport report(std::move(in));
        QCOMPARE(report.citationCount(), 20'000);
        QCOMPARE(report.citedIds().size(), 50);
        QCOMPARE(report.validCitationCount(), 3 * 400);
    }
};

QTEST_GUILESS_MAIN(TestAnalysisReport)
#include "tst_analysisreport.moc"
