#pragma once

#include "analysis/ChatCompletion.h"
#include "analysis/EvidenceSet.h"
#include "analysis/PromptRedaction.h"
#include "context/ContextData.h"
#include "context/ContextPlan.h"
#include "incidents/SeenBefore.h"
#include "model/Alert.h"
#include "model/AlertMute.h"
#include "store/StoredRecords.h"

#include <QCoreApplication>

// The request an analysis sends: a system message with the instructions (the
// user's template or the built-in one) and a user message carrying the alert and
// its evidence as quoted data. Labels, annotations and log lines come from systems
// anyone can write to, so they are JSON strings or fenced text between data
// markers, never loose text the model could take for instructions.
class AnalysisPrompt final
{
    Q_DECLARE_TR_FUNCTIONS(AnalysisPrompt)

public:
    // What the context issue gathered for the alert; any part may be missing.
    struct Evidence {
        ContextPlan::Window window{};
        QList<ContextPlan::MetricQuery> queries{};
        QList<MetricResult> metrics{}; // parallel to queries
        QString metricsUnavailable{}; // why there are none ("Prometheus is not set up")
        QList<LogLine> logs{};
        QString logsUnavailable{};
        QList<StoredOccurrence> occurrences{}; // oldest first, the current one included
        QList<AlertMute> silences{}; // active silences (or inhibitions) of the alert
        // Earlier incidents like this one, best first ("seen before"): those with a
        // resolution note or an analysis summary become P items.
        QList<SeenBefore::Match> priors{};

        // An incident's other alerts (the analysed alert is its worst), worst first; the
        // first few with their own metrics and logs as far as they were gathered.
        struct Member {
            Alert alert;
            QList<ContextPlan::MetricQuery> queries{};
            QList<MetricResult> metrics{}; // parallel to queries
            QList<LogLine> logs{};
        };
        QList<Member> related{};
        // How many other alerts the incident has (`related` may list fewer).
        int relatedTotal = 0;
    };

    struct Options {
        QString instructions{}; // empty: defaultInstructions()
        QString language = QStringLiteral("en"); // "en" or "zh_CN"
        int contextTokens = 12'000; // budget for everything but the alert itself
        PromptRedaction redaction{};
        int maxOccurrences = 10;
    };

    struct Result {
        QList<ChatMessage> messages;
        int estimatedTokens = 0;
        // What the budget left out, for the preview: "log lines: 40 of 212 kinds kept".
        QStringList trimmed;
        // The evidence items the request listed, with their ids, as sent (redacted):
        // frozen and stored with the analysis. Items the budget had no room for are
        // not in it, so the model can cite only what it saw.
        EvidenceSet evidence;
        // Names the exact request (model and messages): stored with the analysis.
        QString hash(const QString &model) const;
    };

    static Result build(const Alert &alert, const Evidence &evidence, const Options &options);
    // For continuing an analysis whose original request was not kept (a stored one): the
    // same system message, and a user message with the alert and `evidence` listed by
    // id as it was stored (redacted when it was first sent; the alert is redacted now).
    static Result fromEvidence(const Alert &alert, const EvidenceSet &evidence, const Options &options);
    // Evidence items listed by id ("E41 …" per line), fenced and between the data
    // markers as the prompt has them: what a follow-up question adds when its evidence
    // was gathered again.
    static QString evidenceBlock(const QList<EvidenceItem> &items);

    static QString defaultInstructions();
    // Added to every system message, the user's own instructions included: cite the
    // evidence ids on every factual claim, and end with the ```hypotheses block that
    // Hypotheses::parse reads (see Hypotheses.h for its format).
    static QString evidenceInstructions();
    // Added when the evidence holds earlier incidents (P1…): what they are, how to cite
    // them, and that they prove nothing about this alert.
    static QString priorInstructions();
    // The placeholder in instructions replaced with the answer-language sentence.
    static constexpr auto languagePlaceholder = "{{language}}";
    static QString languageInstruction(const QString &language);
    // "auto" resolved against the UI language.
    static QString resolveLanguage(const QString &setting, const QString &uiLanguage);

    // A rough count for budgets: ~4 characters per token for Latin text, one per
    // CJK character (tokenizers differ; this errs on the generous side).
    static int estimateTokens(const QString &text);
    // The alert as the model sees it: JSON with every label and annotation. Long texts
    // are cut (see the limits below) with a marker; what was cut is added to `cut`.
    static QString alertJson(const Alert &alert, const Evidence &evidence, QStringList *cut = nullptr);

    // The sender chooses how long an alert's texts are, and every analysis of it pays
    // for them: the expression is kept up to the length AlertDeck analyses at all
    // (PromQlSplitter::maxExpressionLength), a label, annotation or link up to a few
    // pages; the rest is replaced by a marker naming the full length.
    static constexpr qsizetype maxExpressionCharacters = 16 * 1024;
    static constexpr qsizetype maxValueCharacters = 4 * 1024;
};
