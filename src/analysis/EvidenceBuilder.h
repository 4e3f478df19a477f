#pragma once

#include "analysis/AnalysisPrompt.h"
#include "analysis/EvidenceSet.h"

// Makes the evidence items of an analysis from what AnalysisService gathered, in a
// fixed order so the same inputs give the same ids: the alert's fields (name, state,
// severity, start, end, expression, value, each label), its annotations, earlier
// occurrences, active silences, earlier incidents like it with their notes (P items),
// one summary per metric series, log line groups, notable log lines, and for an incident its
// other alerts (worst first, the first few with their headline metrics and log groups). Each kind is capped (Limits),
// each text cut to one short line: the cost is linear in the inputs and the set's size does not grow with them.
namespace EvidenceBuilder {

struct Limits {
    int labels = 40;
    int annotations = 20;
    int occurrences = 10; // the latest earlier ones
    int silences = 5;
    int priors = SeenBefore::maxMatches; // earlier incidents with a note or an analysis summary
    int seriesPerQuery = 5;
    int queries = 10;
    int logGroups = 15;
    int notableLines = 5;
    // An incident's other alerts: how many are listed, and of the first how many their
    // metrics (queries, one series each) and log groups are added.
    int relatedAlerts = 20;
    int relatedWithContext = 3;
    int relatedQueries = 3;
    int relatedLogGroups = 3;
    qsizetype valueCharacters = 300; // per quoted value or log line
    // Per part of an earlier incident's note (cause, action, link, text) and for its
    // analysis summary: an item stays well under EvidenceSet::maxTextCharacters.
    qsizetype noteCharacters = 300;
};

// One metric series in one pass over its samples; gaps (NaN, ±Inf) are skipped.
struct SeriesSummary {
    struct Point {
        qint64 ms = -1;
        double value = 0;
        bool isValid() const { return ms >= 0; }
    };
    int points = 0; // finite samples
    double min = 0;
    double max = 0;
    Point last{};
    Point atTrigger{}; // the last sample at or before the trigger, else the first after it
    Point atRecovery{}; // the same for the alert's end; invalid while it fires
    // The largest jump between two consecutive finite samples (by absolute size).
    Point changeFrom{};
    Point changeTo{};
};
// `recoveryMs` < 0: the alert has not recovered.
SeriesSummary summarise(const Series &series, qint64 triggerMs, qint64 recoveryMs);

EvidenceSet build(const Alert &alert, const AnalysisPrompt::Evidence &gathered, const Limits &limits = {});

} // namespace EvidenceBuilder
