#pragma once

#include "analysis/Hypotheses.h"
#include "incidents/IncidentSnapshot.h"
#include "model/Alert.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

// Where the links in a forwarded alert point, beyond what the alert carries itself.
struct ForwardLinkSources {
    QString alertmanagerUrl{}; // for a "silence" link when the alert has none of its own
};

// What a forward says, independent of any chat tool: the alert's facts, its links and
// the analysis. Each tool renders it in its own format (src/forward/tools).
struct ForwardMessage {
    struct Link {
        QString key; // "source", "dashboard", "runbook", "silence": for templates
        QString label;
        QString url;
    };

    // One of an incident's other members, as a line of its own under the primary's facts.
    struct Related {
        AlertState state = AlertState::Firing;
        Severity severity = Severity::None;
        QString severityText{};
        QString name{};
        QString target{};
        QString summary{}; // cut to maxRelatedSummaryLength
        QDateTime startsAt{};

        // "critical · firing"
        QString stateText() const;
        // "DiskFull on db-01" (the name alone without a target)
        QString heading() const;
        // A coloured circle emoji like ForwardMessage::marker().
        QString marker() const;
    };

    QString title; // one line: "[FIRING] HighCPUUsage on db-01:9100"
    std::optional<AlertState> state{}; // none: not an alert (a test message)
    Severity severity = Severity::None;
    QString severityText{};
    QString name{};
    QString target{};
    QString summary{};
    QList<std::pair<QString, QString>> labels{}; // the telling ones, most useful first
    QDateTime startsAt{};
    QDateTime endsAt{};
    QList<Link> links{};
    // Markdown; empty: none. Without the model's hypotheses block; led by the top
    // hypothesis' line when there is one.
    QString analysis{};
    QString analysisModel{};
    // The heading over `analysis`; empty: "AI analysis (model)". A handover report says its own.
    QString analysisTitle{};
    // The analysis' most likely hypothesis (Hypotheses::top), if it named any.
    std::optional<Hypothesis> topHypothesis{};
    QString note{}; // plain text for messages that are not alerts

    LabelMap allLabels{}; // for templates

    // An incident's other members, worst first: at most maxRelatedListed of them;
    // relatedCount counts them all (the rest are "and N more"). Empty for one alert.
    QList<Related> related{};
    qsizetype relatedCount = 0;

    static constexpr int maxLabels = 8;
    static constexpr qsizetype maxRelatedListed = 10;
    static constexpr qsizetype maxRelatedSummaryLength = 200;
    static constexpr qsizetype maxRelatedNameLength = 120;
    // Longer summaries and label values are cut (with …): facts must leave room.
    static constexpr qsizetype maxSummaryLength = 1000;
    static constexpr qsizetype maxLabelLength = 200;

    static ForwardMessage fromAlert(const Alert &alert, const QString &analysis = {}, const QString &analysisModel = {},
                                    const ForwardLinkSources &sources = {});
    // The incident's primary (worst) member as fromAlert tells it, its title ending
    // "and N related", and the other members listed (at most maxRelatedListed).
    static ForwardMessage fromIncident(const IncidentSnapshot &incident, const QString &analysis = {},
                                       const QString &analysisModel = {}, const ForwardLinkSources &sources = {});
    static ForwardMessage plain(const QString &title, const QString &text);
    // "Likely, 80 % confidence: Log files filled the disk" (status, confidence, title).
    static QString hypothesisText(const Hypothesis &hypothesis);

    bool isResolved() const { return state == AlertState::Resolved; }
    bool isIncident() const { return relatedCount > 0; }
    // "Related alerts (11)"
    QString relatedHeading() const;
    // "and 3 more" for the related alerts beyond the first `listed`; empty when none are left.
    QString moreRelatedText(qsizetype listed) const;
    // What colours a message: not an alert, resolved, or firing at a severity.
    enum class Tone { Plain, Resolved, Critical, Warning, Info, Neutral };
    Tone tone() const;
    // "critical" · "firing"; what a one-line summary of the state says.
    QString stateText() const;
    QString severityLabel() const;
    // "2026-11-25 07:25:33 UTC"
    static QString timeText(const QDateTime &time);
    // Severity colour as #RRGGBB (green once resolved).
    QString colour() const;
    // A coloured circle emoji for tools without colours.
    QString marker() const;
};
