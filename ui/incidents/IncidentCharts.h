#pragma once

#include "context/ContextPlan.h"
#include "model/Alert.h"
#include "model/AlertKey.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class ContextService;
class MetricChart;
class QLabel;
class QVBoxLayout;

// An incident's charts together: the headline metric of each of its worst few alerts,
// one small chart per alert, all on one time axis (the span of their windows), so what
// moved first is seen at a glance. The contexts are held in the context service while
// shown (fetched as for an analysis) and released when the incident changes.
class IncidentCharts final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int maxCharts = 6;

    explicit IncidentCharts(ContextService *context, QWidget *parent = nullptr);
    ~IncidentCharts() override;

    // The incident's alerts, worst first; empty: nothing shown, nothing held.
    void setMembers(const QList<Alert> &members);
    int chartCount() const { return int(m_rows.size()); }
    // "NodeDown · db-1:9100", in order (tests, review).
    QStringList titles() const;
    const MetricChart *chart(int index) const;
    // The time axis every chart shares; invalid while no context has arrived.
    const ContextPlan::Window &sharedWindow() const { return m_window; }

private:
    struct Row {
        Alert alert;
        QLabel *title = nullptr;
        MetricChart *chart = nullptr;
    };
    void release();
    void contextUpdated(const OccurrenceKey &key);
    void redraw();

    QPointer<ContextService> m_context;
    QLabel *m_caption;
    QVBoxLayout *m_list;
    QList<Row> m_rows;
    ContextPlan::Window m_window;
};
