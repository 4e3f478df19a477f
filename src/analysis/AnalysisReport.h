#pragma once

#include "analysis/AnalysisService.h"
#include "analysis/CitationScan.h"
#include "analysis/EvidenceSet.h"
#include "analysis/Hypotheses.h"
#include "store/StoredRecords.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One finished (or failed) analysis as a machine reads it: what `alertdeck analyze
// --json` prints, what the evaluation bench (bench/analysis-eval) scores. Built once
// from the answer and the evidence it was given; every count is worked out here, in
// one linear pass over the answer (CitationScanner, Hypotheses::parse).
//
// JSON (toJson(); keys are stable, texts are as the model or AlertDeck wrote them):
//   {
//     "version": 1,
//     "model": "deepseek-flash",
//     "outcome": "finished" | "cut-off" | "failed" | "stopped",
//     "error": "…",                      // only when there is one
//     "answer": "## Summary …",          // the answer without its ```hypotheses block
//     "reasoning": "…",                  // only when the model sent some
//     "evidence": [{"id": "E1", "kind": "field", "text": "alert name: \"DiskFull\""}, …],
//     "citations": [                     // each id the answer cites, in order of first use
//       {"id": "E3", "count": 2, "valid": true, "kind": "metric", "text": "metric …"},
//       {"id": "E97", "count": 1, "valid": false}],
//     "claims": {"claims": 12, "cited": 9, "unsupported": 2, "invalid_citations": 1,
//                "unsupported_sentences": ["The disk filled because of a backup."]},
//     "hypotheses": [ …as Hypotheses::toJson writes them… ],
//     "hypotheses_problems": ["…"],      // only when the block was missing ids, broken…
//     "top_hypothesis": {…} | null,      // Hypotheses::top(), the one a message carries
//     "tool_steps": [                    // the tool calls made for the answer, in order
//       {"call_id": "call_00_mem", "name": "query_prometheus", "arguments": "{\"expr\": …}",
//        "state": "done" | "refused" | "failed" | "stopped" | "running",
//        "summary": "…", "evidence_id": "E12" | null}],
//     "usage": {"prompt_tokens": 4240, "completion_tokens": 237, "total_tokens": 4477,
//               "reasoning_tokens": 22} | null // over all of the answer's requests;
//   }                                            // reasoning_tokens only when reported
// "kind" is evidenceKindName(); citations and claims are read from the answer shown
// (the block's own "for"/"against" ids are not citations).
class AnalysisReport final
{
public:
    static constexpr int formatVersion = 1;

    struct Input {
        QString content{}; // the whole answer, hypotheses block included
        QString reasoning{};
        QString model{};
        AnalysisOutcome outcome = AnalysisOutcome::Failed;
        QString error{};
        EvidenceSet evidence{};
        std::optional<int> promptTokens{}; // set when the provider sent usage
        std::optional<int> completionTokens{};
        std::optional<int> totalTokens{};
        std::optional<int> reasoningTokens{}; // of completionTokens, spent thinking
        // One object per tool call the loop made; written out as it is.
        QJsonArray toolSteps{};
    };

    // What an ended run of AnalysisService holds: the latest question's answer and
    // reasoning (all of its requests), the evidence (tool results included), the outcome,
    // the tool steps and the token counts over all of the run's requests.
    static Input inputOf(const AnalysisService::Run &run);
    // The "tool_steps" array: one object per step (see above).
    static QJsonArray toolStepsJson(const QList<ToolStep> &steps);

    struct CitedId {
        QString id; // upper-case, as written: "E3"
        int count = 0;
        std::optional<EvidenceItem> item{}; // the item it names; none: the evidence does not hold it
        bool valid() const { return item.has_value(); }
    };

    explicit AnalysisReport(Input input);

    const Input &input() const { return m_input; }
    // The answer as shown: without the hypotheses block.
    const QString &answer() const { return m_answer; }
    const QList<CitedId> &citedIds() const { return m_cited; }
    // Every citation, and those whose id the evidence holds (a repeated id counts each time).
    int citationCount() const { return m_citations; }
    int validCitationCount() const { return m_validCitations; }
    const CitationCounts &counts() const { return m_counts; }
    // The sentences that state a cause without a valid citation, trimmed.
    const QStringList &unsupportedSentences() const { return m_unsupported; }
    const Hypotheses::Parsed &hypotheses() const { return m_hypotheses; }
    std::optional<Hypothesis> topHypothesis() const { return Hypotheses::top(m_hypotheses.hypotheses); }

    QJsonObject toJsonObject() const;
    QByteArray toJson() const; // indented, ends with a newline

private:
    Input m_input;
    QString m_answer;
    QList<CitedId> m_cited;
    int m_citations = 0;
    int m_validCitations = 0;
    CitationCounts m_counts;
    QStringList m_unsupported;
    Hypotheses::Parsed m_hypotheses;
};
