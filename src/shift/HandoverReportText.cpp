#include "shift/HandoverReportText.h"

#include "forward/ChatMarkup.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

// Someone else's text on one Markdown line.
QString md(const QString &text)
{
    return ChatMarkup::escapeMarkdown(text.simplified());
}

QString italic(const QString &definition)
{
    return u"*%1*"_s.arg(md(definition)); // Qt's Markdown reads _x_ as underline
}

class MarkdownWriter
{
public:
    explicit MarkdownWriter(const HandoverReportText::MarkdownOptions &options)
        : m_options(options)
    { }

    void heading(const QString &text) { m_lines << QString() << u"## "_s + md(text); }
    void line(const QString &markdown) { m_lines << markdown; }
    void blank() { m_lines << QString(); }
    // The first listLimit items, then "… and N more" for the rest of `total`.
    template<typename T, typename Render>
    void list(const QList<T> &items, int total, Render render, bool numbered = false)
    {
        const int shown = int(std::min<qsizetype>(items.size(), m_options.listLimit));
        for (int i = 0; i < shown; ++i)
            m_lines << (numbered ? u"%1. "_s.arg(i + 1) : u"- "_s) + render(items.at(i));
        if (total > shown)
            m_lines << u"- "_s + md(HandoverReportText::tr("… and %n more", nullptr, total - shown));
    }
    QString text() const { return m_lines.join(u'\n').trimmed() + u'\n'; }
    const HandoverReportText::MarkdownOptions &options() const { return m_options; }

private:
    HandoverReportText::MarkdownOptions m_options;
    QStringList m_lines;
};

QString silenceLine(const HandoverReport::SilenceEntry &silence)
{
    QString line = HandoverReportText::tr("**%1** until %2")
                       .arg(md(silence.createdBy.isEmpty() ? HandoverReportText::tr("someone") : silence.createdBy),
                            md(HandoverReportText::time(silence.endsAt)));
    if (!silence.comment.isEmpty() && silence.comment != u"ack"_s)
        line += u" — "_s + md(silence.comment.left(200));
    return line + u": "_s + md(silence.matchers.left(300));
}

void durations(MarkdownWriter &out, const QString &title, const HandoverReport::Durations &measure,
               const QString &definition)
{
    out.heading(title);
    if (measure.count == 0) {
        out.line(md(HandoverReportText::tr("Nothing to measure in this window.")));
    } else {
        out.line(
            md(HandoverReportText::tr("Median %1, p90 %2, over %n occurrence(s).", nullptr, measure.count)
                   .arg(HandoverReportText::duration(measure.medianMs), HandoverReportText::duration(measure.p90Ms))));
    }
    out.blank();
    out.line(italic(HandoverReportText::tr("Definition: %1. Percentiles: %2.")
                        .arg(definition, HandoverReport::percentileDefinition())));
}

QJsonObject durationsJson(const HandoverReport::Durations &measure, const QString &definition)
{
    return {{u"count"_s, measure.count},
            {u"median_ms"_s, measure.medianMs < 0 ? QJsonValue() : QJsonValue(double(measure.medianMs))},
            {u"p90_ms"_s, measure.p90Ms < 0 ? QJsonValue() : QJsonValue(double(measure.p90Ms))},
            {u"definition"_s, definition},
            {u"percentiles"_s, HandoverReport::percentileDefinition()}};
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonArray silencesJson(const QList<HandoverReport::SilenceEntry> &list)
{
    QJsonArray array;
    for (const HandoverReport::SilenceEntry &silence : list)
        array.append(QJsonObject{{u"created_by"_s, silence.createdBy},
                                 {u"comment"_s, silence.comment},
                                 {u"matchers"_s, silence.matchers},
                                 {u"starts_at"_s, isoTime(silence.startsAt)},
                                 {u"ends_at"_s, isoTime(silence.endsAt)}});
    return array;
}

} // namespace

QString HandoverReportText::time(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s) : tr("unknown");
}

QString HandoverReportText::duration(qint64 ms)
{
    if (ms < 0)
        return tr("n/a");
    const qint64 seconds = ms / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QChar(u'0'));
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QChar(u'0'));
    return tr("%1 d %2 h").arg(seconds / 86400).arg((seconds % 86400) / 3600);
}

QString HandoverReportText::windowText(const HandoverReport &report)
{
    return tr("%1 → %2 (%3)").arg(time(report.since), time(report.until), duration(report.since.msecsTo(report.until)));
}

QString HandoverReportText::title(const HandoverReport &report)
{
    return tr("Handover report, %1").arg(time(report.until));
}

QString HandoverReportText::markdown(const HandoverReport &report, const MarkdownOptions &options)
{
    MarkdownWriter out(options);
    if (options.title) {
        out.line(u"# "_s + md(tr("Handover report")));
        out.blank();
        out.line(md(tr("Window: %1").arg(windowText(report))));
    }
    if (report.isEmpty())
        out.line(u"\n"_s + md(tr("Nothing fired, resolved or stayed open in this window, and no analysis was made.")));

    out.heading(tr("Open incidents (%1)").arg(std::max(report.openIncidentsTotal, 0)));
    if (report.openIncidentsTotal < 0) {
        out.line(md(tr("This alert store keeps no incidents (it was written by an older AlertDeck).")));
    } else {
        out.line(italic(tr("Definition: %1.").arg(HandoverReport::openIncidentsDefinition())));
        out.blank();
        out.list(report.openIncidents, report.openIncidentsTotal, [](const HandoverReport::OpenIncident &incident) {
            QString line = u"**%1** (%2)"_s.arg(md(incident.title()), md(incident.severity));
            if (const QString scope = incident.scopeText(); !scope.isEmpty())
                line += u" "_s + md(tr("on %1").arg(scope.left(300)));
            return line + u" — "_s
                + md(tr("%1 of %n alert(s) firing", nullptr, incident.members).arg(incident.firing) + u", "_s
                     + tr("open %1, since %2").arg(duration(incident.ageMs), time(incident.startsAt)));
        });
    }

    out.heading(report.openIncidentsTotal >= 0 ? tr("Still open (%n alert(s), ", nullptr, report.openAlertsTotal)
                        + tr("in %n incident(s))", nullptr, report.openIncidentsTotal)
                                               : tr("Still open (%1)").arg(report.openAlertsTotal));
    out.line(italic(tr("Definition: %1.").arg(HandoverReport::openDefinition())));
    out.blank();
    out.list(report.openAlerts, report.openAlertsTotal, [](const HandoverReport::OpenAlert &alert) {
        QString line = u"**%1** (%2)"_s.arg(md(alert.name), md(alert.severity));
        if (!alert.target.isEmpty())
            line += u" "_s + md(tr("on %1").arg(alert.target));
        line += u" — "_s + md(tr("open %1, since %2").arg(duration(alert.ageMs), time(alert.startsAt)));
        if (!alert.summary.isEmpty())
            line += u": "_s + md(alert.summary);
        return line;
    });

    out.heading(tr("Fired and resolved"));
    if (options.tables) {
        out.line(u"| %1 | %2 | %3 |"_s.arg(md(tr("Severity")), md(tr("Fired")), md(tr("Resolved"))));
        out.line(u"|---|---:|---:|"_s);
        for (const HandoverReport::SeverityCount &count : report.bySeverity)
            out.line(u"| %1 | %2 | %3 |"_s.arg(md(count.severity)).arg(count.fired).arg(count.resolved));
        out.line(
            u"| **%1** | **%2** | **%3** |"_s.arg(md(tr("Total"))).arg(report.firedTotal).arg(report.resolvedTotal));
    } else {
        for (const HandoverReport::SeverityCount &count : report.bySeverity)
            out.line(u"- "_s
                     + md(tr("%1: %2 fired, %3 resolved").arg(count.severity).arg(count.fired).arg(count.resolved)));
        out.line(
            u"- **%1**"_s.arg(md(tr("Total: %1 fired, %2 resolved").arg(report.firedTotal).arg(report.resolvedTotal))));
    }
    out.blank();
    out.line(italic(
        tr("Fired: %1. Resolved: %2.").arg(HandoverReport::firedDefinition(), HandoverReport::resolvedDefinition())));

    durations(out, tr("Time to acknowledge"), report.timeToAcknowledge, HandoverReport::timeToAcknowledgeDefinition());
    if (!report.silencesKnown)
        out.line(u"\n"_s + md(tr("Not measured: %1").arg(report.silencesUnknownReason)));
    else if (report.acknowledgeLimited)
        out.line(u"\n"_s
                 + md(tr("Measured over the first %1 alerts of the window.")
                          .arg(HandoverReportBuilder::maxAcknowledgeAlerts)));
    durations(out, tr("Time to resolve"), report.timeToResolve, HandoverReport::timeToResolveDefinition());

    out.heading(tr("Acknowledgements and silences"));
    if (!report.silencesKnown) {
        out.line(md(report.silencesUnknownReason));
    } else {
        out.line(u"**%1**"_s.arg(md(tr("Acknowledgements (%1)").arg(report.acknowledgementsTotal))));
        out.list(report.acknowledgements, report.acknowledgementsTotal, silenceLine);
        out.blank();
        out.line(u"**%1**"_s.arg(md(tr("Silences (%1)").arg(report.silencesTotal))));
        out.list(report.silences, report.silencesTotal, silenceLine);
        out.blank();
        out.line(u"**%1**"_s.arg(md(tr("Ending in the next 12 hours (%1)").arg(report.endingSoonTotal))));
        out.list(report.endingSoon, report.endingSoonTotal, silenceLine);
        out.blank();
        out.line(italic(tr("Active at some time in the window; acknowledgements are silences with the comment "
                           "\"ack\" (AlertDeck's Acknowledge).")));
    }

    out.heading(tr("Resolution notes (%1)").arg(report.notesTotal));
    if (!report.notesAvailable)
        out.line(md(tr("This alert store keeps no resolution notes.")));
    out.list(report.notes, report.notesTotal, [](const HandoverReport::NoteEntry &note) {
        QString line = u"**%1** "_s.arg(md(note.alertName))
            + md(tr("(started %1): %2").arg(time(note.occurrenceStartsAt), note.summary));
        if (const QString url = ChatMarkup::safeUrl(note.link); !url.isEmpty())
            line += u" [%1](%2)"_s.arg(md(tr("link")), url);
        return line;
    });

    out.heading(tr("Analyses (%1)").arg(report.analysesTotal));
    out.list(report.analyses, report.analysesTotal, [](const HandoverReport::AnalysisEntry &analysis) {
        return md(time(analysis.createdAt)) + u" **%1**: "_s.arg(md(analysis.alertName)) + md(analysis.line);
    });

    out.heading(tr("Noisiest rules"));
    out.line(italic(tr("Definition: %1.").arg(HandoverReport::noisiestDefinition())));
    out.blank();
    out.list(
        report.noisiest, int(report.noisiest.size()),
        [](const NoiseReport::RuleStats &rule) {
            QString line = u"**%1**"_s.arg(md(rule.rule.isEmpty() ? tr("(no name)") : rule.rule));
            if (!rule.severity.isEmpty())
                line += u" (%1)"_s.arg(md(rule.severity));
            return line + u" — "_s
                + md(tr("%n firing(s), %1 starts and ends per hour, median duration %2", nullptr, rule.firings)
                         .arg(QString::number(rule.flapsPerHour, 'f', 1), duration(rule.medianDurationMs)));
        },
        true);
    return out.text();
}

QByteArray HandoverReportText::json(const HandoverReport &report)
{
    QJsonArray open;
    for (const HandoverReport::OpenAlert &alert : report.openAlerts)
        open.append(QJsonObject{{u"source"_s, alert.alert.source},
                                {u"fingerprint"_s, alert.alert.fingerprint},
                                {u"name"_s, alert.name},
                                {u"severity"_s, alert.severity},
                                {u"target"_s, alert.target},
                                {u"summary"_s, alert.summary},
                                {u"starts_at"_s, isoTime(alert.startsAt)},
                                {u"age_ms"_s, double(alert.ageMs)}});
    QJsonArray incidents;
    for (const HandoverReport::OpenIncident &incident : report.openIncidents) {
        QJsonObject scope;
        if (incident.scope)
            for (auto it = incident.scope->cbegin(); it != incident.scope->cend(); ++it)
                scope.insert(it.key(), it.value());
        incidents.append(
            QJsonObject{{u"anchor"_s,
                         QJsonObject{{u"source"_s, incident.anchor.alert.source},
                                     {u"fingerprint"_s, incident.anchor.alert.fingerprint},
                                     {u"starts_at"_s,
                                      isoTime(QDateTime::fromMSecsSinceEpoch(incident.anchor.startsAtMs, Qt::UTC))}}},
                        {u"title"_s, incident.title()},
                        {u"worst_alert"_s, incident.worstName},
                        {u"severity"_s, incident.severity},
                        {u"members"_s, incident.members},
                        {u"firing"_s, incident.firing},
                        {u"scope"_s, incident.scope ? QJsonValue(scope) : QJsonValue()},
                        {u"starts_at"_s, isoTime(incident.startsAt)},
                        {u"age_ms"_s, double(incident.ageMs)}});
    }
    QJsonArray severities;
    for (const HandoverReport::SeverityCount &count : report.bySeverity)
        severities.append(
            QJsonObject{{u"severity"_s, count.severity}, {u"fired"_s, count.fired}, {u"resolved"_s, count.resolved}});
    QJsonArray notes;
    for (const HandoverReport::NoteEntry &note : report.notes)
        notes.append(QJsonObject{{u"alert"_s, note.alertName},
                                 {u"occurrence_starts_at"_s, isoTime(note.occurrenceStartsAt)},
                                 {u"updated_at"_s, isoTime(note.updatedAt)},
                                 {u"summary"_s, note.summary},
                                 {u"link"_s, note.link}});
    QJsonArray analyses;
    for (const HandoverReport::AnalysisEntry &analysis : report.analyses)
        analyses.append(QJsonObject{{u"alert"_s, analysis.alertName},
                                    {u"created_at"_s, isoTime(analysis.createdAt)},
                                    {u"model"_s, analysis.model},
                                    {u"line"_s, analysis.line}});
    QJsonArray noisiest;
    for (const NoiseReport::RuleStats &rule : report.noisiest)
        noisiest.append(QJsonObject{{u"rule"_s, rule.rule},
                                    {u"severity"_s, rule.severity},
                                    {u"firings"_s, rule.firings},
                                    {u"flaps_per_hour"_s, rule.flapsPerHour},
                                    {u"median_duration_ms"_s, double(rule.medianDurationMs)},
                                    {u"resolved_within_5_min"_s, rule.resolvedWithin5Min}});
    QJsonObject silences{{u"known"_s, report.silencesKnown}};
    if (report.silencesKnown) {
        silences.insert(u"acknowledgements"_s, silencesJson(report.acknowledgements));
        silences.insert(u"acknowledgements_total"_s, report.acknowledgementsTotal);
        silences.insert(u"silences"_s, silencesJson(report.silences));
        silences.insert(u"silences_total"_s, report.silencesTotal);
        silences.insert(u"ending_within_12h"_s, silencesJson(report.endingSoon));
        silences.insert(u"ending_within_12h_total"_s, report.endingSoonTotal);
    } else {
        silences.insert(u"reason"_s, report.silencesUnknownReason);
    }
    const QJsonObject object{
        {u"since"_s, isoTime(report.since)},
        {u"until"_s, isoTime(report.until)},
        {u"generated_at"_s, isoTime(report.generatedAt)},
        {u"open"_s,
         QJsonObject{{u"total"_s, report.openAlertsTotal},
                     {u"incidents"_s, report.openIncidentsTotal},
                     {u"alerts"_s, open},
                     {u"definition"_s, HandoverReport::openDefinition()}}},
        {u"open_incidents"_s,
         QJsonObject{{u"available"_s, report.openIncidentsTotal >= 0},
                     {u"total"_s, std::max(report.openIncidentsTotal, 0)},
                     {u"incidents"_s, incidents},
                     {u"definition"_s, HandoverReport::openIncidentsDefinition()}}},
        {u"fired"_s,
         QJsonObject{{u"total"_s, report.firedTotal}, {u"definition"_s, HandoverReport::firedDefinition()}}},
        {u"resolved"_s,
         QJsonObject{{u"total"_s, report.resolvedTotal}, {u"definition"_s, HandoverReport::resolvedDefinition()}}},
        {u"by_severity"_s, severities},
        {u"time_to_resolve"_s, durationsJson(report.timeToResolve, HandoverReport::timeToResolveDefinition())},
        {u"time_to_acknowledge"_s,
         durationsJson(report.timeToAcknowledge, HandoverReport::timeToAcknowledgeDefinition())},
        {u"silences"_s, silences},
        {u"notes"_s,
         QJsonObject{{u"available"_s, report.notesAvailable}, {u"total"_s, report.notesTotal}, {u"notes"_s, notes}}},
        {u"analyses"_s, QJsonObject{{u"total"_s, report.analysesTotal}, {u"analyses"_s, analyses}}},
        {u"noisiest_rules"_s,
         QJsonObject{{u"rules"_s, noisiest}, {u"definition"_s, HandoverReport::noisiestDefinition()}}},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}
