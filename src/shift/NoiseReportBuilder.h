#pragma once

#include "alertmanager/AlertmanagerApi.h"
#include "core/Result.h"
#include "shift/NoiseReport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

// The noise report from the store: NoiseReport's measures per alert rule over a period,
// aggregated in SQL on the builder's own read-only connection (any thread, while AlertDeck
// writes), for the noisiest `maxRules` rules; and the what-if of one rule, computed by
// NoiseReport::whatIf from that rule's occurrences only (at most `maxWhatIfOccurrences`).
namespace NoiseReportBuilder {

inline constexpr int maxRules = 50;
inline constexpr int maxWhatIfOccurrences = 200'000;
// Alerts matched against silences for "never acknowledged", at most.
inline constexpr int maxAcknowledgeAlerts = 20'000;

// Called after each step with (done, total); returning false cancels the build.
using Progress = std::function<bool(int done, int total)>;

struct Request {
    QString storePath;
    QDateTime since; // inclusive
    QDateTime until; // exclusive
    // Alertmanager's silences (expired ones included); none: "never acknowledged" is unknown.
    std::optional<QList<Silence>> silences;
    QString silencesUnknownReason;
};

struct Report {
    Q_DECLARE_TR_FUNCTIONS(NoiseReportBuilder)

public:
    QDateTime since;
    QDateTime until;
    // Noisiest first, at most maxRules; trend filled; neverAcknowledged is -1 when unknown.
    QList<NoiseReport::RuleStats> rules;
    int rulesTotal = 0; // rules that fired in the period
    int firingsTotal = 0; // of all of them
    // "Never acknowledged" needs Alertmanager's silences; without them it is unknown (why).
    bool acknowledgementKnown = false;
    QString acknowledgementUnknownReason;
    bool acknowledgementLimited = false; // more alerts than maxAcknowledgeAlerts: the rest count as never

    static QString neverAcknowledgedDefinition();
    static QString flapsDefinition();
};

struct WhatIfRequest {
    QString storePath;
    QString rule;
    QDateTime since;
    QDateTime until;
    std::chrono::seconds extraFor{};
};

struct WhatIfResult {
    NoiseReport::WhatIf whatIf;
    int occurrencesLoaded = 0;
    bool capped = false; // the rule had more than maxWhatIfOccurrences: counted over the first ones
};

Result<Report> build(const Request &request, const Progress &progress = {});
Result<WhatIfResult> whatIf(const WhatIfRequest &request, const Progress &progress = {});

QString cancelledText();

} // namespace NoiseReportBuilder
