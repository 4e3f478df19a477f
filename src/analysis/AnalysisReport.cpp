#include "analysis/AnalysisReport.h"

#include <QHash>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

AnalysisReport::Input AnalysisReport::inputOf(const AnalysisService::Run &run)
{
    Input input;
    input.model = run.model;
    input.outcome = run.outcome();
    // The prompt's items and every tool result: the answer may cite either.
    input.evidence = run.evidence.isEmpty() ? run.prompt.evidence : run.evidence;
    input.error = run.error;
    input.content = run.content();
    input.reasoning = run.reasoning();
    if (input.error.isEmpty() && run.completion)
        input.error = run.completion->error();
    input.toolSteps = toolStepsJson(run.steps());
    if (run.promptTokens >= 0)
        input.promptTokens = run.promptTokens;
    if (run.completionTokens >= 0)
        input.completionTokens = run.completionTokens;
    if (run.promptTokens >= 0 && run.completionTokens >= 0)
        input.totalTokens = run.promptTokens + run.completionTokens;
    if (run.reasoningTokens >= 0)
        input.reasoningTokens = run.reasoningTokens;
    return input;
}

QJsonArray AnalysisReport::toolStepsJson(const QList<ToolStep> &steps)
{
    QJsonArray array;
    for (const ToolStep &step : steps)
        array.append(QJsonObject{
            {u"call_id"_s, step.callId},
            {u"name"_s, step.name},
            {u"arguments"_s, step.argumentsJson},
            {u"state"_s, toolStepStateName(step.state)},
            {u"summary"_s, step.summary},
            {u"evidence_id"_s, step.evidenceId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(step.evidenceId)},
        });
    return array;
}

AnalysisReport::AnalysisReport(Input input)
    : m_input(std::move(input))
    , m_answer(Hypotheses::withoutBlock(m_input.content))
{
    // The answer as shown: its offsets are the scanner's, and the block's ids are no citations.
    const CitationScanner scanner = CitationScanner::scanned(m_answer, m_input.evidence);
    QHash<QString, qsizetype> indexOf;
    for (const CitationRef &citation : scanner.citations()) {
        ++m_citations;
        if (citation.valid)
            ++m_validCitations;
        const auto it = indexOf.constFind(citation.id);
        if (it != indexOf.cend()) {
            ++m_cited[*it].count;
            continue;
        }
        indexOf.insert(citation.id, m_cited.size());
        CitedId cited{citation.id, 1, std::nullopt};
        if (const EvidenceItem *item = m_input.evidence.find(citation.id))
            cited.item = *item;
        m_cited << cited;
    }
    m_counts = scanner.counts();
    for (const Claim &claim : scanner.claims())
        if (claim.unsupported())
            m_unsupported << m_answer.mid(claim.start, claim.end - claim.start).trimmed();
    m_hypotheses = Hypotheses::parse(m_input.content, &m_input.evidence);
}

QJsonObject AnalysisReport::toJsonObject() const
{
    QJsonObject root{{u"version"_s, formatVersion},
                     {u"model"_s, m_input.model},
                     {u"outcome"_s, analysisOutcomeName(m_input.outcome)},
                     {u"answer"_s, m_answer}};
    if (!m_input.error.isEmpty())
        root.insert(u"error"_s, m_input.error);
    if (!m_input.reasoning.isEmpty())
        root.insert(u"reasoning"_s, m_input.reasoning);

    QJsonArray evidence;
    for (const EvidenceItem &item : m_input.evidence.items())
        evidence.append(
            QJsonObject{{u"id"_s, item.id}, {u"kind"_s, evidenceKindName(item.kind)}, {u"text"_s, item.text}});
    root.insert(u"evidence"_s, evidence);

    QJsonArray citations;
    for (const CitedId &cited : m_cited) {
        QJsonObject object{{u"id"_s, cited.id}, {u"count"_s, cited.count}, {u"valid"_s, cited.valid()}};
        if (cited.item) {
            object.insert(u"kind"_s, evidenceKindName(cited.item->kind));
            object.insert(u"text"_s, cited.item->text);
        }
        citations.append(object);
    }
    root.insert(u"citations"_s, citations);

    root.insert(u"claims"_s,
                QJsonObject{{u"claims"_s, m_counts.claims},
                            {u"cited"_s, m_counts.cited},
                            {u"unsupported"_s, m_counts.unsupported},
                            {u"invalid_citations"_s, m_counts.invalidCitations},
                            {u"unsupported_sentences"_s, QJsonArray::fromStringList(m_unsupported)}});

    root.insert(u"hypotheses"_s, QJsonDocument::fromJson(Hypotheses::toJson(m_hypotheses.hypotheses)).array());
    if (!m_hypotheses.problems.isEmpty())
        root.insert(u"hypotheses_problems"_s, QJsonArray::fromStringList(m_hypotheses.problems));
    if (const std::optional<Hypothesis> top = topHypothesis())
        root.insert(u"top_hypothesis"_s, QJsonDocument::fromJson(Hypotheses::toJson({*top})).array().at(0));
    else
        root.insert(u"top_hypothesis"_s, QJsonValue::Null);

    root.insert(u"tool_steps"_s, m_input.toolSteps);

    if (m_input.promptTokens || m_input.completionTokens || m_input.totalTokens || m_input.reasoningTokens) {
        QJsonObject usage;
        if (m_input.promptTokens)
            usage.insert(u"prompt_tokens"_s, *m_input.promptTokens);
        if (m_input.completionTokens)
            usage.insert(u"completion_tokens"_s, *m_input.completionTokens);
        if (m_input.totalTokens)
            usage.insert(u"total_tokens"_s, *m_input.totalTokens);
        if (m_input.reasoningTokens)
            usage.insert(u"reasoning_tokens"_s, *m_input.reasoningTokens);
        root.insert(u"usage"_s, usage);
    } else {
        root.insert(u"usage"_s, QJsonValue::Null);
    }
    return root;
}

QByteArray AnalysisReport::toJson() const
{
    return QJsonDocument(toJsonObject()).toJson(QJsonDocument::Indented);
}
