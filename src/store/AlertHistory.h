#pragma once

#include "model/AlertKey.h"
#include "store/StoredRecords.h"

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
};
