#include "DetailTabs.h"

#include "AlertOverviewPane.h"
#include "LogsPane.h"
#include "MetricChart.h"
#include "MetricsPane.h"
#include "TimeRangePicker.h"
#include "context/ContextService.h"
#include "incidents/IncidentCharts.h"
#include "incidents/SeenBeforeCard.h"
#include "model/AlertTableModel.h"

#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QWidget *placeholderPage(const QString &objectName, const QString &text)
{
    auto *label = new QLabel(text);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setStyleSheet(u"color: palette(mid); padding: 24px;"_s);
    return label;
}

} // namespace

DetailTabs::DetailTabs(QWidget *parent)
    : QTabWidget(parent)
    , m_overview(new AlertOverviewPane)
    , m_seenBefore(new SeenBeforeCard)
    , m_metrics(new MetricsPane)
    , m_range(new TimeRangePicker)
    , m_logs(new LogsPane)
    , m_history(new QStackedWidget)
    , m_occurrences(new QTreeWidget)
    , m_analyses(new QTreeWidget)
    , m_forwards(new QTreeWidget)
{
    m_occurrences->setObjectName(u"occurrenceList"_s);
    m_occurrences->setRootIsDecorated(false);
    m_occurrences->setHeaderLabels({tr("Started"), tr("Ended"), tr("Duration"), tr("State")});
    m_occurrences->setColumnWidth(0, 180);
    m_occurrences->setColumnWidth(1, 180);
    m_analyses->setObjectName(u"analysisList"_s);
    m_analyses->setRootIsDecorated(false);
    m_analyses->setHeaderLabels({tr("Analysed"), tr("Model"), tr("Outcome"), tr("Tokens"), tr("Started by")});
    m_analyses->setColumnWidth(0, 180);
    m_analyses->setColumnWidth(1, 160);
    m_analyses->setToolTip(tr("Select an analysis to show it in the AI analysis panel."));
    connect(m_analyses, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        const int index = item ? m_analyses->indexOfTopLevelItem(item) : -1;
        if (index >= 0 && index < m_storedAnalyses.size())
            emit analysisPicked(m_storedAnalyses.at(index));
    });
    m_forwards->setObjectName(u"forwardList"_s);
    m_forwards->setRootIsDecorated(false);
    m_forwards->setHeaderLabels({tr("Sent"), tr("Destination"), tr("Outcome"), tr("Analysis"), tr("Sent by")});
    m_forwards->setColumnWidth(0, 180);
    m_forwards->setColumnWidth(1, 200);
    auto *lists = new QSplitter(Qt::Vertical);
    lists->setChildrenCollapsible(false);
    for (auto [title, list] : {std::pair{tr("Occurrences"), m_occurrences}, std::pair{tr("AI analyses"), m_analyses},
                               std::pair{tr("Forwards"), m_forwards}}) {
        auto *box = new QWidget;
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 4, 0, 0);
        auto *heading = new QLabel(u"<b>%1</b>"_s.arg(title.toHtmlEscaped()));
        layout->addWidget(heading);
        layout->addWidget(list, 1);
        lists->addWidget(box);
    }
    m_history->addWidget(placeholderPage(u"historyPage"_s, historyHint()));
    m_history->addWidget(lists);
    setObjectName(u"detailTabs"_s);
    setDocumentMode(true);
    // Beside the overview: what the history says about this alert.
    m_seenBefore->setObjectName(u"seenBeforeCard"_s);
    auto *seenBeforeScroll = new QScrollArea;
    seenBeforeScroll->setWidget(m_seenBefore);
    seenBeforeScroll->setWidgetResizable(true);
    seenBeforeScroll->setFrameShape(QFrame::NoFrame);
    seenBeforeScroll->setMinimumWidth(220);
    auto *overview = new QSplitter(Qt::Horizontal);
    overview->setObjectName(u"overviewSplitter"_s);
    overview->setChildrenCollapsible(true);
    overview->addWidget(m_overview);
    overview->addWidget(seenBeforeScroll);
    overview->setStretchFactor(0, 3);
    overview->setStretchFactor(1, 1);
    addTab(overview, tr("&Overview"));
    addTab(m_metrics, tr("&Metrics"));
    addTab(m_logs, tr("&Logs"));
    m_settle.setSingleShot(true);
    m_settle.setInterval(selectionSettleMs);
    connect(&m_settle, &QTimer::timeout, this, [this] {
        if (m_context && m_alert)
            m_context->select(*m_alert);
    });
    addTab(m_history, tr("Hi&story"));
    // One range for both tabs: shown where either is.
    setCornerWidget(m_range, Qt::TopRightCorner);
    m_range->setVisible(false);
    connect(this, &QTabWidget::currentChanged, this,
            [this](int index) { m_range->setVisible(index == MetricsTab || index == LogsTab); });
    connect(m_range, &TimeRangePicker::rangeChosen, this, [this](const TimeRange &range) {
        m_beforeZoom = range;
        chooseRange(range);
    });
    connect(m_metrics, &MetricsPane::rangeSelected, this, [this](const QDateTime &start, const QDateTime &end) {
        if (m_range->range().kind != TimeRange::Kind::Custom)
            m_beforeZoom = m_range->range();
        chooseRange(TimeRange::custom(start, end));
    });
    connect(m_metrics, &MetricsPane::rangeResetRequested, this, [this] { chooseRange(m_beforeZoom); });
}

void DetailTabs::chooseRange(const TimeRange &range)
{
    m_range->setRange(range);
    if (m_context)
        m_context->setRange(range);
}

void DetailTabs::setContextService(ContextService *service)
{
    m_context = service;
    if (!m_incidentCharts) {
        m_incidentCharts = new IncidentCharts(service);
        insertTab(IncidentChartsTab, m_incidentCharts, tr("&Incident charts"));
        setTabToolTip(IncidentChartsTab, tr("The headline metric of each alert of the selected incident, together"));
        setTabVisible(IncidentChartsTab, false);
    }
    connect(service, &ContextService::contextUpdated, this, &DetailTabs::showContext);
    connect(m_metrics, &MetricsPane::baselineRequested, service, [this](int index, bool shown) {
        if (m_alert)
            m_context->setBaseline(OccurrenceKey::of(*m_alert), index, shown);
    });
    connect(m_metrics, &MetricsPane::rerunRequested, service, [this](int index, const QString &expression) {
        if (m_alert)
            m_context->rerunMetric(OccurrenceKey::of(*m_alert), index, expression);
    });
    connect(m_logs, &LogsPane::runRequested, service, [this](const QString &logQl) {
        if (m_alert)
            m_context->rerunLogs(OccurrenceKey::of(*m_alert), logQl);
    });
    connect(m_logs, &LogsPane::saveRulesRequested, service, [this](const QList<ContextPlan::LabelRule> &rules) {
        m_context->saveLabelRules(rules, m_logs, [this](const Result<> &saved) { m_logs->showRulesSaved(saved); });
    });
}

void DetailTabs::showAlert(const Alert &alert)
{
    m_overview->showAlert(alert);
    const bool sameAlert = m_alert && OccurrenceKey::of(*m_alert) == OccurrenceKey::of(alert);
    // Resolved while shown: its window now ends after its end, and its value there is asked for.
    const bool resolvedNow = sameAlert && m_alert->state != AlertState::Resolved && alert.state == AlertState::Resolved;
    m_alert = alert;
    if (!sameAlert) {
        // Demo alerts are never stored, so their history stays empty: say why.
        auto *hint = m_history->findChild<QLabel *>(u"historyPage"_s);
        hint->setText(alert.demo ? tr("Demo alerts are not stored, so they have no earlier occurrences or saved "
                                      "analyses.")
                          : alert.replay ? tr("Replayed alerts are kept apart from live ones: their history stays in "
                                              "the replay session.")
                                         : historyHint());
        if (!alert.inLiveStore())
            m_history->setCurrentIndex(0);
    }
    if (resolvedNow && m_context && m_context->context(OccurrenceKey::of(alert)))
        m_context->select(alert);
    if (!m_context || sameAlert)
        return;
    // From the cache at once; otherwise after the selection settles.
    if (m_context->context(OccurrenceKey::of(alert))) {
        m_settle.stop();
        m_context->select(alert);
    } else {
        m_metrics->showPending();
        m_logs->clear();
        m_settle.start();
    }
}

void DetailTabs::showContext(const OccurrenceKey &key)
{
    if (!m_alert || OccurrenceKey::of(*m_alert) != key)
        return;
    const ContextService::Context *context = m_context->context(key);
    if (!context)
        return;
    const ContextService::Sources &sources = m_context->sources();
    m_metrics->showContext(*context, *m_alert, sources.prometheus.url, !sources.prometheus.url.isEmpty());
    m_range->setShownWindow(context->window.start, context->window.end);
    if (context->hasAlertExpression)
        m_overview->showValues(context->valueAtStart, context->valueAtEnd, context->queries.constFirst().expression);
    const bool explore
        = context->logQuery.problem.isEmpty() && !sources.grafana.isEmpty() && !sources.grafanaLokiDatasource.isEmpty();
    m_logs->showContext(*context, m_alert->startsAt);
    m_logs->setExploreLink(explore ? ContextPlan::grafanaExploreUrl(sources.grafana, sources.grafanaLokiDatasource,
                                                                    context->logQuery.logQl(), context->window)
                                   : QUrl());
}

void DetailTabs::showDetails(const AlertDetails &details)
{
    m_overview->showDetails(details);
    m_occurrences->clear();
    auto timeText = [](const QDateTime &time) {
        return time.isValid() ? time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s) : QString();
    };
    // Newest first: the latest episode is what the on-call engineer looks at.
    for (auto it = details.occurrences.crbegin(); it != details.occurrences.crend(); ++it) {
        const bool resolved = it->state == AlertState::Resolved;
        const qint64 seconds
            = it->startsAt.secsTo(resolved && it->endsAt.isValid() ? it->endsAt : QDateTime::currentDateTimeUtc());
        auto *item = new QTreeWidgetItem({timeText(it->startsAt), timeText(it->endsAt),
                                          AlertTableModel::formatDuration(std::max<qint64>(0, seconds)),
                                          stateName(it->state)});
        item->setData(0, Qt::UserRole, it->startsAt.toMSecsSinceEpoch()); // found again as evidence
        m_occurrences->addTopLevelItem(item);
    }
    m_storedAnalyses = details.analyses;
    m_analyses->clear();
    const QSignalBlocker quiet(m_analyses); // listing is not picking
    for (const StoredAnalysis &analysis : details.analyses) {
        const QString outcome = analysisOutcomeText(analysis.outcome);
        auto *item = new QTreeWidgetItem({timeText(analysis.createdAt), analysis.model, outcome,
                                          analysis.promptTokens >= 0
                                              ? QString::number(analysis.promptTokens + analysis.completionTokens)
                                              : QString(),
                                          analysis.automatic ? tr("rule") : tr("you")});
        item->setToolTip(2, AlertTableModel::plainToolTip(analysis.error)); // the provider's words
        m_analyses->addTopLevelItem(item);
    }
    m_forwards->clear();
    for (const StoredForward &forward : details.forwards) {
        auto *item = new QTreeWidgetItem(
            {timeText(forward.sentAt), u"%1 (%2)"_s.arg(forward.destinationName, forward.tool),
             forward.ok ? tr("sent") : tr("failed"), forward.withAnalysis ? tr("included") : tr("none"),
             forward.automatic ? tr("rule") : tr("you")});
        item->setToolTip(2, AlertTableModel::plainToolTip(forward.message)); // the chat tool's words
        item->setForeground(2, forward.ok ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
        m_forwards->addTopLevelItem(item);
    }
    m_history->setCurrentIndex(1);
}

QString DetailTabs::historyHint()
{
    return tr("Earlier occurrences, AI analyses and forwards of the selected alert are listed here.");
}

void DetailTabs::clearAlert()
{
    m_overview->clearAlert();
    m_seenBefore->clear();
    m_alert.reset();
    m_settle.stop();
    m_metrics->clear();
    m_logs->clear();
    m_occurrences->clear();
    m_analyses->clear();
    m_forwards->clear();
    m_storedAnalyses.clear();
    m_history->findChild<QLabel *>(u"historyPage"_s)->setText(historyHint());
    m_history->setCurrentIndex(0);
}

namespace {

QString clockText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(u"HH:mm"_s);
}

} // namespace

bool DetailTabs::showAlertWindow()
{
    if (m_range->range().kind == TimeRange::Kind::AroundAlert)
        return false;
    m_beforeZoom = TimeRange{};
    chooseRange(TimeRange{});
    return true;
}

void DetailTabs::showIncident(const QList<Alert> &members)
{
    if (!m_incidentCharts)
        return;
    const bool shown = members.size() >= 2;
    if (!shown && currentIndex() == IncidentChartsTab)
        setCurrentIndex(OverviewTab);
    m_incidentCharts->setMembers(shown ? members : QList<Alert>{});
    setTabVisible(IncidentChartsTab, shown);
}

QString DetailTabs::showEvidence(const EvidenceItem &item)
{
    if (!m_alert)
        return tr("Select the alert the analysis is about to see %1.").arg(item.id);
    switch (item.kind) {
    case EvidenceKind::MetricSeries: return showMetricPoint(item);
    case EvidenceKind::LogLine:
    case EvidenceKind::LogGroup: return showLogLine(item);
    case EvidenceKind::Occurrence: return showOccurrence(item);
    case EvidenceKind::RelatedAlert: setCurrentIndex(OverviewTab); return {}; // the alert itself is shown now
    case EvidenceKind::PriorIncident:
        // Nothing of it to highlight here: its note is in "Seen before", beside the Overview.
        setCurrentIndex(OverviewTab);
        return tr("%1 is an earlier incident like this one: see “Seen before” beside the Overview.").arg(item.id);
    case EvidenceKind::AlertField:
    case EvidenceKind::Annotation:
    case EvidenceKind::Silence: {
        setCurrentIndex(OverviewTab);
        const QString field = item.kind == EvidenceKind::Silence ? u"mute"_s : item.locator.field;
        if (m_overview->highlightField(field))
            return {};
        return item.kind == EvidenceKind::Silence
            ? tr("%1: the alert is not muted now; the silence the analysis saw has ended.").arg(item.id)
            : tr("%1: the alert has no “%2” now (it changed since the analysis).").arg(item.id, field);
    }
    }
    return {};
}

QString DetailTabs::showMetricPoint(const EvidenceItem &item)
{
    setCurrentIndex(MetricsTab);
    const EvidenceLocator &at = item.locator;
    const std::optional<MetricChart::Highlight> shown = m_metrics->showPoint(at.queryIndex, at.labels, at.timeMs);
    if (!shown)
        return m_metrics->charts().isEmpty()
            ? tr("%1: the metrics are not loaded yet; click it again once they are.").arg(item.id)
            : tr("%1: its chart is not among those shown now (the metric queries changed since the analysis).")
                  .arg(item.id);
    switch (*shown) {
    case MetricChart::Highlight::Shown: return {};
    case MetricChart::Highlight::Loading:
        return tr("%1: the chart is loading; its point is marked when it arrives.").arg(item.id);
    case MetricChart::Highlight::SeriesMissing:
        return tr("%1: its series is not in the chart now; the chart is shown.").arg(item.id);
    case MetricChart::Highlight::OutsideWindow:
        // The chart keeps the point wanted: it is marked once the alert's window is drawn.
        return showAlertWindow() ? tr("%1's point at %2 is outside the shown window — showing the alert's window")
                                       .arg(item.id, clockText(at.timeMs))
                                 : tr("%1's point at %2 is outside the alert's window; its series is emphasised.")
                                       .arg(item.id, clockText(at.timeMs));
    }
    return {};
}

QString DetailTabs::showLogLine(const EvidenceItem &item)
{
    setCurrentIndex(LogsTab);
    const EvidenceLocator &at = item.locator;
    const qint64 ms = at.ns / 1'000'000;
    const ContextPlan::Window &window = m_logs->shownWindow();
    const bool outside = window.start.isValid() && window.end.isValid()
        && (ms < window.start.toMSecsSinceEpoch() || ms > window.end.toMSecsSinceEpoch());
    switch (m_logs->showLine(at.labels, at.ns, at.lineHash)) {
    case LogsPane::Found::Shown: return {};
    case LogsPane::Found::Waiting:
        return tr("%1: the log lines are not loaded yet; its line is selected when they arrive.").arg(item.id);
    case LogsPane::Found::NotLoaded:
        if (outside && showAlertWindow()) // the pane selects it when those lines arrive
            return tr("%1's line at %2 is outside the shown window — showing the alert's window")
                .arg(item.id, clockText(ms));
        return tr("%1's line at %2 is not among the lines loaded now; showing the lines around its time.")
            .arg(item.id, clockText(ms));
    }
    return {};
}

QString DetailTabs::showOccurrence(const EvidenceItem &item)
{
    setCurrentIndex(HistoryTab);
    for (int i = 0; i < m_occurrences->topLevelItemCount(); ++i) {
        QTreeWidgetItem *row = m_occurrences->topLevelItem(i);
        if (row->data(0, Qt::UserRole).toLongLong() == item.locator.timeMs) {
            m_occurrences->setCurrentItem(row);
            m_occurrences->scrollToItem(row);
            return {};
        }
    }
    return tr("%1: that occurrence is not in this alert's history here.").arg(item.id);
}
