#pragma once

#include "store/AlertStore.h"

#include <QTabWidget>

class AlertOverviewPane;
class QStackedWidget;
class QTreeWidget;

// The detail area under the alert table: Overview, Metrics, Logs, History.
class DetailTabs final : public QTabWidget
{
    Q_OBJECT

public:
    enum Tab { OverviewTab, MetricsTab, LogsTab, HistoryTab };

    explicit DetailTabs(QWidget *parent = nullptr);

    void showAlert(const Alert &alert);
    void showDetails(const AlertDetails &details);
    void clearAlert();

private:
    AlertOverviewPane *m_overview;
    QStackedWidget *m_history; // placeholder, or the list once details arrive
    QTreeWidget *m_occurrences;
};
