#pragma once

#include "model/Alert.h"

#include <QCoreApplication>
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

private:
    static void termsOf(const QString &text, QStringList &into, int limit);
};
