#pragma once

#include "analysis/Hypotheses.h"
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

    static constexpr int maxLabels = 8;
    // Longer summaries and label values are cut (with …): facts must leave room.
    static constexpr qsizetype maxSummaryLength = 1000;
    static constexpr qsizetype maxLabelLength = 200;

    static ForwardMessage fromAlert(const Alert &alert, const QString &analysis = {}, const QString &analysisModel = {},
                                    const ForwardLinkSources &sources = {});
    static ForwardMessage plain(const QString &title, const QString &text);
    // "Likely, 80 % confidence: Log files filled the disk" (status, confidence, title).
    static QString hypothesisText(const Hypothesis &hypothesis);

    bool isResolved() const { return state == AlertState::Resolved; }
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
