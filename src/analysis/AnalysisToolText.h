#pragma once

#include "analysis/AnalysisToolArguments.h"
#include "context/ContextClient.h"
#include "context/ContextData.h"
#include "store/StoredRecords.h"

#include <QCoreApplication>
#include <QString>

// A tool's result as the model reads it (English, like the prompt) and as the panel
// sums it up (translated). The text fits a budget of estimated tokens
// (AnalysisPrompt::estimateTokens): whole lines are left out past it, and a last line
// says so and how to ask for less. What a data source holds is anyone's to write, so
// labels, queries and log lines are JSON strings, never loose text.
class AnalysisToolText final
{
    Q_DECLARE_TR_FUNCTIONS(AnalysisTools)

public:
    struct Text {
        QString forModel;
        QString summary; // one line for the panel step, translated
        bool trimmed = false;
    };

    static constexpr int sampledPoints = 12; // per series, for the model
    static constexpr qsizetype maxLineCharacters = 1000; // a log line or label value is cut there
    static constexpr qsizetype maxEchoCharacters = 500; // the query, repeated in the result

    static Text prometheus(const AnalysisToolArguments::PrometheusQuery &request, const MetricResult &result,
                           int budgetTokens);
    static Text loki(const AnalysisToolArguments::LokiQuery &request, const LogResult &result, int budgetTokens);
    static Text series(const AnalysisToolArguments::SeriesQuery &request, const ContextClient::SeriesList &result,
                       int budgetTokens);
    // `occurrences` oldest first, as the store gives them; `current` marks the one analysed.
    static Text history(const AnalysisToolArguments::HistoryQuery &request, const QList<StoredOccurrence> &occurrences,
                        const QDateTime &current, int budgetTokens);
    // "<tool> refused: <why>": nothing was asked of a data source. `retry`: the model
    // can correct the call (its arguments), and is told so.
    static Text refusal(const QString &tool, const AnalysisToolArguments::ToolMessage &why, bool retry);
    static Text failure(const QString &tool, const QString &source, const QString &error);
};
