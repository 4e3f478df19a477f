#pragma once

#include <QTabWidget>

class AlertOverviewPane;
struct Alert;

// The detail area under the alert table: Overview, Metrics, Logs, History.
class DetailTabs final : public QTabWidget
{
    Q_OBJECT

public:
    enum Tab { OverviewTab, MetricsTab, LogsTab, HistoryTab };

    explicit DetailTabs(QWidget *parent = nullptr);

    void showAlert(const Alert &alert);
    void clearAlert();

private:
    AlertOverviewPane *m_overview;
};
