#include "AlertOverviewPane.h"

#include "SeverityStyle.h"
#include "context/ChartData.h"
#include "context/ChartUnits.h"
#include "model/Alert.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextFrame>
#include <QTextTable>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

QString linkified(const QString &value)
{
    const QUrl url(value, QUrl::StrictMode);
    if (url.isValid() && (url.scheme() == u"http"_s || url.scheme() == u"https"_s))
        return u"<a href=\"%1\">%2</a>"_s.arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(), value.toHtmlEscaped());
    return value.toHtmlEscaped().replace(u'\n', u"<br>"_s);
}

QString mapTable(const LabelMap &map)
{
    QString html = u"<table cellspacing='0' cellpadding='3'>"_s;
    for (auto it = map.begin(); it != map.end(); ++it)
        html += u"<tr><td style='color:#616161'>%1</td><td>%2</td></tr>"_s.arg(it.key().toHtmlEscaped(),
                                                                               linkified(it.value()));
    return html + u"</table>"_s;
}

// The fragment of the link that copies the whole expression.
const QString copyExpression = u"copy-expression"_s;

// Escaped, so markup in it is shown as it is, and cut to a length that lays out quickly.
QString expressionHtml(const QString &expression)
{
    if (expression.size() <= AlertOverviewPane::shownExpressionLength)
        return u"<code>%1</code>"_s.arg(expression.toHtmlEscaped());
    qsizetype shown = AlertOverviewPane::shownExpressionLength;
    if (expression.at(shown - 1).isHighSurrogate())
        --shown;
    return u"<code>%1</code>…<br><a href=\"#%2\">%3</a>"_s.arg(
        expression.left(shown).toHtmlEscaped(), copyExpression,
        AlertOverviewPane::tr("Copy the whole expression (%L1 characters)").arg(expression.size()).toHtmlEscaped());
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss t"_s) : QString();
}

} // namespace

AlertOverviewPane::AlertOverviewPane(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(u"alertOverview"_s);
    // Links are followed here: web links in the browser, the expression's "copy" link
    // to the clipboard.
    setOpenLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, &AlertOverviewPane::followLink);
    clearAlert();
}

void AlertOverviewPane::followLink(const QUrl &url)
{
    if (url.isRelative() && url.fragment() == copyExpression) {
        if (m_alert)
            QGuiApplication::clipboard()->setText(m_alert->promQl);
        return;
    }
    if (url.scheme() == u"http"_s || url.scheme() == u"https"_s)
        QDesktopServices::openUrl(url);
}

void AlertOverviewPane::showAlert(const Alert &alert)
{
    if (!m_alert || OccurrenceKey::of(*m_alert) != OccurrenceKey::of(alert)) {
        m_details.reset();
        m_values = {};
        m_highlight.clear();
    }
    m_alert = alert;
    render();
}

void AlertOverviewPane::showDetails(const AlertDetails &details)
{
    if (!m_alert)
        return;
    m_details = details;
    render();
}

void AlertOverviewPane::render()
{
    // Re-rendering resets the scroll position: keep where the reader was.
    const int scrolledTo = verticalScrollBar()->value();
    renderHtml(toHtml(*m_alert, m_details, m_mute, m_values));
    verticalScrollBar()->setValue(scrolledTo);
    applyHighlight();
}

QString AlertOverviewPane::valueText(const InstantResult &result, const LabelMap &alertLabels,
                                     const QString &expression)
{
    const QString at = result.at.toLocalTime().toString(u"HH:mm:ss"_s);
    if (!result.ok)
        return tr("not known: Prometheus answered %1").arg(result.error);
    if (result.values.isEmpty())
        return tr("no value at %1 (the expression returned nothing)").arg(at);
    const ChartUnits::Unit unit = ChartUnits::unitFor(expression);
    QList<Series> series;
    series.reserve(result.values.size());
    for (const auto &[labels, value] : result.values)
        series.append(Series{labels, {{0, value}}});
    if (const int own = ChartData::alertSeries(series, alertLabels); own >= 0)
        return tr("%1 at %2").arg(ChartUnits::format(result.values.at(own).second, unit), at);
    double highest = -std::numeric_limits<double>::infinity();
    for (const auto &[labels, value] : result.values)
        highest = std::max(highest, value);
    return tr("highest %1 of %n series at %2", nullptr, int(result.values.size()))
        .arg(ChartUnits::format(highest, unit), at);
}

void AlertOverviewPane::showValues(const std::optional<InstantResult> &atStart,
                                   const std::optional<InstantResult> &atEnd, const QString &expression)
{
    if (!m_alert)
        return;
    QueriedValues values;
    if (atStart)
        values.atStart = valueText(*atStart, m_alert->labels, expression);
    if (atEnd)
        values.atEnd = valueText(*atEnd, m_alert->labels, expression);
    if (values == m_values)
        return; // the context updates often: render only when these change
    m_values = values;
    render();
}

void AlertOverviewPane::clearAlert()
{
    m_highlight.clear();
    m_highlightShown = false;
    setExtraSelections({});
    m_alert.reset();
    m_details.reset();
    m_values = {};
    renderHtml(u"<p style='color:#757575'>%1</p>"_s.arg(
        tr("Select an alert to see its labels, annotations and times.").toHtmlEscaped()));
}

void AlertOverviewPane::renderHtml(const QString &html)
{
    m_html = html;
    document()->setDefaultStyleSheet(u"a { color: %1; }"_s.arg(palette().color(QPalette::Link).name()));
    setHtml(html);
}

void AlertOverviewPane::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) { // a theme change: links take its colour
        const int scrolledTo = verticalScrollBar()->value();
        renderHtml(m_html);
        verticalScrollBar()->setValue(scrolledTo);
    }
}

QString AlertOverviewPane::toHtml(const Alert &alert, const std::optional<AlertDetails> &details, const AlertMute &mute,
                                  const QueriedValues &values)
{
    const QString severityText = alert.severity == Severity::Other ? alert.severityText : severityName(alert.severity);
    QString html = u"<h2>%1</h2>"_s.arg(alert.name.isEmpty() ? tr("(unnamed alert)").toHtmlEscaped()
                                                             : alert.name.toHtmlEscaped());
    html += u"<p><b style='color:%1'>%2</b> · %3 · %4"_s.arg(
        SeverityStyle::color(alert.severity).name(), severityText.toHtmlEscaped(),
        stateName(alert.state).toHtmlEscaped(), alert.source.toHtmlEscaped());
    if (alert.demo)
        html += u" · <i>%1</i>"_s.arg(tr("demo data").toHtmlEscaped());
    if (alert.replay)
        html += u" · <i>%1</i>"_s.arg(tr("replayed").toHtmlEscaped());
    html += u"</p>"_s;
    // Who muted it and until when (the author and comment are anyone's text).
    if (mute.isMuted())
        html += u"<p style='color:#616161'>%1</p>"_s.arg(mute.fullText().toHtmlEscaped().replace(u'\n', u"<br>"_s));
    if (!alert.summary().isEmpty())
        html += u"<p>%1</p>"_s.arg(alert.summary().toHtmlEscaped());

    html += u"<table cellspacing='0' cellpadding='3'>"_s;
    auto row = [&html](const QString &key, const QString &value) {
        if (!value.isEmpty())
            html += u"<tr><td style='color:#616161'>%1</td><td>%2</td></tr>"_s.arg(key.toHtmlEscaped(), value);
    };
    row(tr("Started"), timeText(alert.startsAt).toHtmlEscaped());
    row(tr("Ended"), alert.state == AlertState::Resolved ? timeText(alert.endsAt).toHtmlEscaped() : QString());
    row(tr("Last update"), timeText(alert.lastUpdate).toHtmlEscaped());
    row(tr("Fingerprint"), alert.fingerprint.toHtmlEscaped());
    row(tr("Source link"), alert.generatorUrl.isEmpty() ? QString() : linkified(alert.generatorUrl));
    row(tr("PromQL"), alert.promQl.isEmpty() ? QString() : expressionHtml(alert.promQl));
    row(tr("Value"), alert.valueString.toHtmlEscaped());
    // Asked of Prometheus at those instants: many senders send no value at recovery.
    row(tr("Value at start"), values.atStart.toHtmlEscaped());
    row(tr("Value at end"), values.atEnd.toHtmlEscaped());
    row(tr("Receiver"), alert.receiver.toHtmlEscaped());
    html += u"</table>"_s;

    html += u"<h3>%1</h3>"_s.arg(tr("Labels").toHtmlEscaped()) + mapTable(alert.labels);
    if (!alert.annotations.isEmpty())
        html += u"<h3>%1</h3>"_s.arg(tr("Annotations").toHtmlEscaped()) + mapTable(alert.annotations);
    if (!details)
        return html;
    if (details->truncatedAlerts > 0) {
        const int shown = details->payloadAlertCount;
        html += u"<p style='color:#8a5300'>⚠ %1</p>"_s.arg(
            tr("%1 of %2 alerts shown by Alertmanager in this notification; raise max_alerts in the webhook receiver "
               "to see them all.")
                .arg(shown)
                .arg(shown + details->truncatedAlerts)
                .toHtmlEscaped());
    }
    if (!details->lastPayloadBody.isEmpty()) {
        const QJsonDocument document = QJsonDocument::fromJson(details->lastPayloadBody);
        const QString pretty = document.isNull() ? QString::fromUtf8(details->lastPayloadBody)
                                                 : QString::fromUtf8(document.toJson(QJsonDocument::Indented));
        html += u"<h3>%1</h3><p style='color:#616161'>%2</p><pre style='white-space: pre-wrap'>%3</pre>"_s.arg(
            tr("Source payload").toHtmlEscaped(), details->lastPayloadPath.toHtmlEscaped(), pretty.toHtmlEscaped());
    }
    return html;
}

bool AlertOverviewPane::highlightField(const QString &field)
{
    m_highlight = field;
    const bool shown = applyHighlight();
    if (shown) {
        const QList<ExtraSelection> marks = extraSelections();
        QTextCursor at = marks.constFirst().cursor;
        at.clearSelection();
        setTextCursor(at);
        ensureCursorVisible();
    }
    return shown;
}

QString AlertOverviewPane::highlightedText() const
{
    QStringList parts;
    if (m_highlightShown)
        for (const ExtraSelection &mark : extraSelections())
            parts << mark.cursor.block().text().trimmed();
    return parts.join(u' ');
}

bool AlertOverviewPane::applyHighlight()
{
    m_highlightShown = false;
    if (m_highlight.isEmpty() || !m_alert) {
        setExtraSelections({});
        return false;
    }
    // The rows are found in what toHtml() laid out: the facts table, then the labels'
    // and the annotations' (their order there), by the text of their first cell.
    QList<QTextTable *> tables;
    for (QTextFrame *frame : document()->rootFrame()->childFrames())
        if (auto *table = qobject_cast<QTextTable *>(frame))
            tables << table;
    QTextTable *table = nullptr;
    QString key;
    static const QList<std::pair<QString, const char *>> facts{
        {u"startsAt"_s, QT_TR_NOOP("Started")},        {u"endsAt"_s, QT_TR_NOOP("Ended")},
        {u"expression"_s, QT_TR_NOOP("PromQL")},       {u"value"_s, QT_TR_NOOP("Value")},
        {u"fingerprint"_s, QT_TR_NOOP("Fingerprint")}, {u"receiver"_s, QT_TR_NOOP("Receiver")}};
    QList<QTextCursor> rows;
    if (m_highlight == u"name"_s) {
        rows << QTextCursor(document()->begin());
    } else if (m_highlight == u"state"_s || m_highlight == u"severity"_s) {
        rows << QTextCursor(document()->begin().next());
    } else if (m_highlight == u"mute"_s) {
        if (m_mute.isMuted())
            rows << document()->find(m_mute.fullText().section(u'\n', 0, 0));
    } else if (m_highlight.startsWith(u"labels."_s)) {
        table = tables.value(1);
        key = m_highlight.mid(7);
    } else if (m_highlight.startsWith(u"annotations."_s)) {
        table = m_alert->annotations.isEmpty() ? nullptr : tables.value(2);
        key = m_highlight.mid(12);
    } else {
        for (const auto &[field, title] : facts)
            if (field == m_highlight) {
                table = tables.value(0);
                key = tr(title);
            }
    }
    for (int row = 0; table && row < table->rows() && rows.isEmpty(); ++row) {
        if (table->columns() < 2 || table->cellAt(row, 0).firstCursorPosition().block().text() != key)
            continue;
        for (int column = 0; column < 2; ++column)
            rows << table->cellAt(row, column).firstCursorPosition();
    }
    rows.removeIf([](const QTextCursor &cursor) { return cursor.isNull(); });
    QList<ExtraSelection> marks;
    QColor mark = palette().color(QPalette::Highlight);
    mark.setAlpha(80);
    for (const QTextCursor &row : std::as_const(rows)) {
        ExtraSelection selection;
        selection.cursor = QTextCursor(row.block());
        selection.format.setBackground(mark);
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        marks << selection;
    }
    setExtraSelections(marks);
    m_highlightShown = !marks.isEmpty();
    return m_highlightShown;
}
