#pragma once

#include "shift/HandoverReport.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// The handover report as text. Everything from the store and from Alertmanager (label
// values, names, comments, notes) is someone else's text: escaped for the output
// (ChatMarkup::escapeMarkdown for Markdown; JSON strings in JSON), one line each.
class HandoverReportText final
{
    Q_DECLARE_TR_FUNCTIONS(HandoverReportText)

public:
    struct MarkdownOptions {
        int listLimit = HandoverReport::maxListed; // entries shown per list; the rest as "and N more"
        bool tables = true; // chat tools read no tables: counts as list lines instead
        bool title = true; // the "# Handover report" line and the window
    };

    static QString markdown(const HandoverReport &report, const MarkdownOptions &options);
    static QString markdown(const HandoverReport &report) { return markdown(report, MarkdownOptions{}); }
    // The same facts for scripts: numbers in milliseconds, times RFC 3339, each measure
    // with its definition.
    static QByteArray json(const HandoverReport &report);

    static QString title(const HandoverReport &report);
    // "2026-11-25 07:25 UTC → 2026-11-25 19:25 UTC (12 h)"
    static QString windowText(const HandoverReport &report);
    // "3 d 4 h", "1 h 05 min", "4 min 10 s", "12 s"
    static QString duration(qint64 ms);
    static QString time(const QDateTime &time);
};
