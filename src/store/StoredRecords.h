#pragma once

#include "model/Alert.h"
#include "model/AlertKey.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// What the store keeps about an alert besides the alert itself: its occurrences, the
// AI analyses and the forwards made of it, as the detail view shows them.

// How an analysis ended.
enum class AnalysisOutcome { Finished, CutOff, Failed, Stopped };

// As written in the store: "finished", "cut-off", "failed", "stopped".
QString analysisOutcomeName(AnalysisOutcome outcome);
std::optional<AnalysisOutcome> analysisOutcomeFromName(const QString &name);
// As a person reads it, translated: "finished", "cut off"…
QString analysisOutcomeText(AnalysisOutcome outcome);

struct StoredOccurrence {
    QDateTime startsAt;
    QDateTime endsAt;
    AlertState state = AlertState::Firing;
};

// One AI analysis of an alert, as it ended (finished, cut off, failed or stopped).
struct StoredAnalysis {
    qint64 id = 0; // set when stored
    QString source{};
    QString fingerprint{};
    QDateTime occurrenceStartsAt{}; // which firing it was about
    QDateTime createdAt{};
    qint64 durationMs = 0;
    QString model{};
    QString promptHash{};
    AnalysisOutcome outcome = AnalysisOutcome::Failed;
    QString error{};
    QString content{};
    QString reasoning{};
    int promptTokens = -1; // -1: not reported
    int completionTokens = -1;
    bool automatic = false; // started by an auto-analysis rule
    // Frozen with the analysis, as JSON (empty for analyses stored before schema 4):
    // the evidence items the request listed (EvidenceSet::toJson) and the hypotheses
    // read from the answer (Hypotheses::toJson). The store keeps them opaque.
    QByteArray evidence{};
    QByteArray hypotheses{};
    // Its conversation (AnalysisConversation::toJson): the analysis and the follow-up
    // questions asked about it, with their tool calls. Empty for analyses stored before
    // schema 5 (they open with an empty conversation). Opaque to the store too.
    QByteArray conversation{};

    AlertKey alert() const { return {source, fingerprint}; }
};

Q_DECLARE_METATYPE(StoredAnalysis)

// One forward of an alert to a chat destination, as it ended. The message is the
// tool's answer, already free of URLs and tokens.
struct StoredForward {
    qint64 id = 0; // set when stored
    QString source{};
    QString fingerprint{};
    QDateTime occurrenceStartsAt{}; // which firing it was about
    QDateTime sentAt{};
    QString destinationId{};
    QString destinationName{};
    QString tool{}; // "Slack", "DingTalk"…
    bool ok = false;
    QString message{};
    bool automatic = false; // sent by a forwarding rule
    bool withAnalysis = false;

    AlertKey alert() const { return {source, fingerprint}; }
};

Q_DECLARE_METATYPE(StoredForward)

// What the detail view shows for one alert, besides the alert itself.
struct AlertDetails {
    QList<StoredOccurrence> occurrences; // oldest first
    QList<StoredAnalysis> analyses; // newest first
    QList<StoredForward> forwards; // newest first
    QByteArray lastPayloadBody; // the delivery that last changed the alert
    QString lastPayloadPath;
    int truncatedAlerts = 0; // of that delivery: alerts Alertmanager left out
    int payloadAlertCount = 0; // alerts that delivery did carry
};
