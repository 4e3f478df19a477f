#pragma once

#include "core/Result.h"
#include "model/AlertFilter.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

// The part of a LogQL log query that says which lines: a stream selector and line
// filters, `{job="api", instance=~"api-.*"} |= "error" != "debug" |~ "(?i)oom"`.
// Other pipeline stages (| json, | logfmt, | label filters) are skipped: what is read
// is what decides the streams and the lines. Used where AlertDeck answers LogQL
// itself (the --demo data); input is bounded by the caller.
class LogQlQuery final
{
public:
    struct LineFilter {
        QString op; // |=, !=, |~, !~
        QString text;
        QRegularExpression pattern; // |~ and !~: compiled once
    };

    // Refused as Loki refuses it: no selector, or one that every stream matches.
    static Result<LogQlQuery> parse(const QString &logQl);

    bool matchesStream(const LabelMap &labels) const { return m_selector.matchesLabels(labels); }
    bool matchesLine(const QString &line) const;
    const QList<LineFilter> &lineFilters() const { return m_filters; }

private:
    AlertFilter m_selector;
    QList<LineFilter> m_filters;
};
