#pragma once

#include "alertmanager/AlertmanagerApi.h"
#include "core/Result.h"
#include "incidents/IncidentRules.h"
#include "model/AlertKey.h"
#include "shift/NoiseReport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

// The handover report: what the next on-call engineer needs to know about a time window.
// Plain data; HandoverReportBuilder fills it from the store (read-only, bounded) and the
// silences Alertmanager listed; HandoverReportText renders it (Markdown, JSON, HTML, chat).
// Every list is capped (`…Total` says how many there were); every number has a
// definition (the static texts below), shown next to it wherever it is rendered.
struct HandoverReport {
    Q_DECLARE_TR_FUNCTIONS(HandoverReport)

public:
    static constexpr int maxListed = 50; // entries per list
    static constexpr int noisiestRules = 5;
    static constexpr qint64 endingSoonMs = 12 * 3600 * 1000;
    static constexpr int maxIncidentsListed = 20;
    // An incident's shared scope is worked out from at most this many members' labels;
    // a bigger incident (a storm) is listed without it.
    static constexpr int maxScopeMembers = 200;

    struct OpenAlert {
        AlertKey alert;
        QString name;
        QString severity;
        QString target;
        QString summary;
        QDateTime startsAt;
        qint64 ageMs = 0; // at the window's end
    };
    // An incident (as the store's IncidentCorrelator grouped its alerts when they arrived)
    // with a member still firing at the window's end. Only members that started before
    // then count: the report knows nothing later.
    struct OpenIncident {
        OccurrenceKey anchor; // the occurrence that started it
        QString worstName; // the first member (by start) with the worst severity
        QString severity; // that member's severity label; "none" when it has none
        int members = 0;
        int firing = 0; // members still firing at the window's end (at least 1)
        std::optional<LabelMap> scope; // the scope labels every member shares; none: too many members to read
        QDateTime startsAt; // the first member's start
        qint64 ageMs = 0; // at the window's end

        // "NodeDown and 3 related", as the Incidents view words it.
        QString title() const;
        // "instance=db-1, job=node"; empty when nothing is shared (or not worked out).
        QString scopeText() const;
    };
    struct SeverityCount {
        QString severity; // as the label says; "none" when the alert has none
        int fired = 0;
        int resolved = 0;
    };
    struct SilenceEntry {
        QString createdBy;
        QString comment;
        QString matchers; // AlertmanagerApi::describe
        QDateTime startsAt;
        QDateTime endsAt;
    };
    struct NoteEntry {
        QString alertName;
        QDateTime occurrenceStartsAt;
        QDateTime updatedAt;
        QString summary; // ResolutionNote::summary, else its text's first line
        QString link;
    };
    struct AnalysisEntry {
        QString alertName;
        QDateTime createdAt;
        QString model;
        QString line; // the analysis' first line of text, or why it failed
    };
    // A distribution of durations: nearest-rank median and 90th percentile.
    struct Durations {
        int count = 0;
        qint64 medianMs = -1; // -1: nothing to measure
        qint64 p90Ms = -1;
    };

    QDateTime since; // inclusive
    QDateTime until; // exclusive; open alerts and ages are as of this moment
    QDateTime generatedAt;

    QList<OpenAlert> openAlerts; // oldest first
    int openAlertsTotal = 0;
    // The incidents those open alerts belong to (the store's incident anchors); -1: the
    // store keeps no incidents (written before schema 6).
    int openIncidentsTotal = -1;
    QList<OpenIncident> openIncidents; // worst severity first, then oldest; maxIncidentsListed at most
    QList<SeverityCount> bySeverity; // most severe first
    int firedTotal = 0;
    int resolvedTotal = 0;

    // Alertmanager's silences: unknown when it was not asked or did not answer (why).
    bool silencesKnown = false;
    QString silencesUnknownReason;
    QList<SilenceEntry> acknowledgements; // comment "ack", active during the window
    int acknowledgementsTotal = 0;
    QList<SilenceEntry> silences; // other silences active during the window
    int silencesTotal = 0;
    QList<SilenceEntry> endingSoon; // active at the end, ending within endingSoonMs of it
    int endingSoonTotal = 0;

    bool notesAvailable = false; // the store keeps resolution notes (schema 6)
    QList<NoteEntry> notes; // written or changed in the window, newest first
    int notesTotal = 0;
    QList<AnalysisEntry> analyses; // made in the window, newest first
    int analysesTotal = 0;
    QList<NoiseReport::RuleStats> noisiest; // NoiseReport's order; trend left empty

    Durations timeToResolve;
    Durations timeToAcknowledge;
    bool acknowledgeLimited = false; // more alerts than matched against silences

    bool isEmpty() const { return firedTotal == 0 && resolvedTotal == 0 && openAlertsTotal == 0 && analysesTotal == 0; }

    // The definitions, written next to each number.
    static QString timeToResolveDefinition();
    static QString timeToAcknowledgeDefinition();
    static QString firedDefinition();
    static QString resolvedDefinition();
    static QString openDefinition();
    static QString openIncidentsDefinition();
    static QString noisiestDefinition();
    static QString percentileDefinition();
};

// Reads the store for a report. Works on its own read-only connection while AlertDeck
// writes (WAL), on any thread; every query aggregates in SQL or is LIMITed, so a window
// of a million occurrences costs a few table scans and little memory.
namespace HandoverReportBuilder {

struct Request {
    QString storePath;
    QDateTime since;
    QDateTime until;
    // Alertmanager's silences (expired ones included); none: not asked (`silencesUnknownReason`).
    std::optional<QList<Silence>> silences;
    QString silencesUnknownReason;
    // The scopes an incident's shared scope is read with (Settings → Incidents).
    IncidentRules incidentRules{};
};

// Called after each step with (done, total); returning false cancels the build.
using Progress = std::function<bool(int done, int total)>;

// The report, or a failure a person can act on ("cancelled" is one).
Result<HandoverReport> build(const Request &request, const Progress &progress = {});

// Alerts matched against silences for the time to acknowledge, at most.
inline constexpr int maxAcknowledgeAlerts = 20'000;

} // namespace HandoverReportBuilder

// The window a report covers when none is chosen: since the last report (remembered in
// the data directory) when that was at most 7 days before, else the last 12 hours.
namespace HandoverReportWindow {

inline constexpr qint64 defaultSpanSecs = 12 * 3600;
inline constexpr qint64 longestSinceLastSecs = 7 * 86400;

QDateTime defaultSince(const QString &dataDir, const QDateTime &until);
// Remembers `until` as the last report's end; false when it cannot be written.
bool remember(const QString &dataDir, const QDateTime &until);
QString fileName(); // "last-handover-report"

} // namespace HandoverReportWindow
