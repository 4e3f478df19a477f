#pragma once

#include "analysis/EvidenceSet.h"
#include "context/TimeRange.h"
#include "model/AlertKey.h"
#include "store/StoredRecords.h"

#include <QTabWidget>
#include <QTimer>

#include <optional>

class AlertOverviewPane;
class ContextService;
class IncidentCharts;
class LogsPane;
class MetricsPane;
class QStackedWidget;
class SeenBeforeCard;
class QTreeWidget;
class TimeRangePicker;

// The detail area under the alert table: Overview, Metrics, Logs, History.
class DetailTabs final : public QTabWidget
{
    Q_OBJECT

public:
    enum Tab { OverviewTab, MetricsTab, LogsTab, HistoryTab, IncidentChartsTab };

    explicit DetailTabs(QWidget *parent = nullptr);

    // Where the Metrics and Logs tabs get their data; without one they stay empty.
    void setContextService(ContextService *service);
    void showAlert(const Alert &alert);
    void showDetails(const AlertDetails &details);
    void clearAlert();
    // The incident whose row is selected (its alerts, worst first): their charts together
    // in a tab of their own; fewer than two alerts: the tab goes.
    void showIncident(const QList<Alert> &members);
    // Shows an analysis' evidence where it is: a metric point on its chart, a log line,
    // an alert field in the Overview, an earlier occurrence in the History tab. When
    // it is not in the current view, does the sensible thing and says what, in one
    // line for the status bar; empty when it is shown as it is.
    QString showEvidence(const EvidenceItem &item);

signals:
    // An analysis picked in the History tab, to show in the analysis panel.
    void analysisPicked(const StoredAnalysis &analysis);

public:
    MetricsPane *metricsPane() const { return m_metrics; }
    LogsPane *logsPane() const { return m_logs; }
    AlertOverviewPane *overviewPane() const { return m_overview; }
    // Beside the Overview: how often it fired before, matches and their notes.
    SeenBeforeCard *seenBeforeCard() const { return m_seenBefore; }
    // Null until a context service is set.
    IncidentCharts *incidentCharts() const { return m_incidentCharts; }
    // Above the Metrics and Logs tabs: the range both show.
    TimeRangePicker *rangePicker() const { return m_range; }
    // How long a selection must stay before its context is fetched (arrow keys
    // through the table must not send a burst of queries).
    static constexpr int selectionSettleMs = 200;

private:
    void showContext(const OccurrenceKey &key);
    void chooseRange(const TimeRange &range);
    QString showMetricPoint(const EvidenceItem &item);
    QString showLogLine(const EvidenceItem &item);
    QString showOccurrence(const EvidenceItem &item);
    // The range back to around the alert, if it is not: true if it changed.
    bool showAlertWindow();
    static QString historyHint();

    AlertOverviewPane *m_overview;
    SeenBeforeCard *m_seenBefore;
    MetricsPane *m_metrics;
    TimeRangePicker *m_range;
    TimeRange m_beforeZoom; // what Reset zoom goes back to
    LogsPane *m_logs;
    ContextService *m_context = nullptr;
    IncidentCharts *m_incidentCharts = nullptr;
    std::optional<Alert> m_alert;
    QTimer m_settle;
    QStackedWidget *m_history; // placeholder, or the list once details arrive
    QTreeWidget *m_occurrences;
    QTreeWidget *m_analyses;
    QTreeWidget *m_forwards;
    QList<StoredAnalysis> m_storedAnalyses; // as listed
};
