#pragma once

#include "incidents/ResolutionNote.h"
#include "model/Alert.h"
#include "model/AlertKey.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// The pieces of "seen before" that need no store: the full-text query an alert's words
// make, and how often is "often".
class SeenBefore final
{
    Q_DECLARE_TR_FUNCTIONS(SeenBefore)

public:
    // Why an earlier occurrence matched, strongest first.
    enum class Reason { SameFingerprint, SameNameAndScope, SimilarText };
    // PagerDuty's 30-day classes: never seen, in at most 5 % of the incidents, in at
    // least 20 %, or in between.
    enum class Recurrence { New, Rare, Occasional, Frequent };

    static constexpr int maxQueryTerms = 24;
    static constexpr qsizetype maxTermLength = 48;

    // The words of the alert's name, summary, description and label values as an FTS5
    // MATCH expression ("disk" OR "full" OR "db"…): every term quoted and made only of
    // letters and digits, so no input can add FTS syntax; common words and bare numbers
    // left out; at most maxQueryTerms terms. Empty when nothing is worth searching for
    // (an alert made of punctuation): then no text search runs.
    static QString textQuery(const Alert &alert);
    // The words as the FTS table indexes them for one alert (the same split as textQuery).
    static QString indexedText(const Alert &alert);

    static Recurrence classify(int incidentsWithIt, int incidentsInAll);
    static QString recurrenceText(Recurrence recurrence);
    static QString reasonText(Reason reason);

    // One earlier occurrence that matched.
    struct Match {
        Reason reason = Reason::SimilarText;
        AlertKey alert;
        QString name;
        LabelMap labels;
        QDateTime startsAt;
        QDateTime endsAt; // invalid while it fires
        double rank = 0; // BM25 for similar text (lower is better), 0 otherwise
        ResolutionNote note; // empty when none was written
        QString analysisSummary; // the first lines of its latest analysis, if any
    };
    // What the card shows for one alert or incident.
    struct Report {
        int firedLast30Days = 0; // occurrences of the same alert, this one excluded
        QList<QDateTime> recentStarts; // newest first, at most 10
        qint64 typicalDurationMs = -1; // the median of the resolved ones; -1: none resolved
        Recurrence recurrence = Recurrence::New;
        QList<Match> matches; // best first, at most maxMatches
        QString problem; // the store could not be asked (shown instead)
    };
    static constexpr int maxMatches = 5;

private:
    static void termsOf(const QString &text, QStringList &into, int limit);
};
