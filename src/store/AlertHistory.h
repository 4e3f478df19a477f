#pragma once

#include "incidents/ResolutionNote.h"
#include "incidents/SeenBefore.h"
#include "model/AlertKey.h"
#include "store/StoredRecords.h"

#include <QHash>
#include <QObject>

#include <functional>

// What the analysis and forward services need of the store: an alert's history, and
// a place to log the analyses and forwards they made. Asynchronous: `done` runs on the
// caller's thread, and not at all once `context` is gone.
class AlertHistory : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // The alert's occurrences, analyses, forwards and last payload.
    virtual void fetchDetails(const AlertKey &alert, QObject *context, std::function<void(const AlertDetails &)> done)
        = 0;
    // The alert's stored analyses, newest first.
    virtual void fetchAnalyses(const AlertKey &alert, QObject *context,
                               std::function<void(const QList<StoredAnalysis> &)> done)
        = 0;
    // Stores an analysis with its alert; `done` gets it with its id, or the error. An
    // analysis with an id (stored before) is updated instead: a follow-up question grew
    // its conversation.
    virtual void saveAnalysis(const StoredAnalysis &analysis, QObject *context,
                              std::function<void(const StoredAnalysis &, const QString &error)> done)
        = 0;
    // The alert's forwards, newest first.
    virtual void fetchForwards(const AlertKey &alert, QObject *context,
                               std::function<void(const QList<StoredForward> &)> done)
        = 0;
    virtual void saveForward(const StoredForward &forward, QObject *context,
                             std::function<void(const StoredForward &, const QString &error)> done)
        = 0;

    // Memory (issue 23). Until a store implements these they answer at once that there
    // is nothing to tell (tests' stand-ins need not care).
    using Pins = QHash<OccurrenceKey, OccurrenceKey>;
    // "Seen before" for one alert or the members of an incident (worst first): earlier
    // occurrences, matches with their notes and analysis summaries, the recurrence.
    virtual void fetchSeenBefore(const QList<Alert> &alerts, QObject *context,
                                 std::function<void(const SeenBefore::Report &)> done);
    // The note written for an occurrence (empty when none).
    virtual void fetchResolutionNote(const OccurrenceKey &occurrence, QObject *context,
                                     std::function<void(const ResolutionNote &)> done);
    // Stores (or replaces) the note of each occurrence; `done` gets the error or nothing.
    virtual void saveResolutionNote(const QList<OccurrenceKey> &occurrences, const ResolutionNote &note,
                                    QObject *context, std::function<void(const QString &error)> done);
    // Manual merges and splits of incidents: occurrence → the anchor it is pinned to.
    virtual void fetchIncidentPins(QObject *context, std::function<void(const Pins &)> done);
    virtual void saveIncidentPins(const Pins &pins, QObject *context, std::function<void(const QString &error)> done);
};
