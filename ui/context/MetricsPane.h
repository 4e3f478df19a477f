#pragma once

#include "MetricChart.h"
#include "context/ContextService.h"

#include <QWidget>

#include <optional>

class QLabel;
class QScrollArea;
class QVBoxLayout;

// The Metrics tab: one MetricChart per planned query of the selected alert, or why
// there is nothing to plot.
class MetricsPane final : public QWidget
{
    Q_OBJECT

public:
    explicit MetricsPane(QWidget *parent = nullptr);

    void showContext(const ContextService::Context &context, const Alert &alert, const QUrl &prometheusUrl,
                     bool prometheusConfigured);
    void clear();
    // Hides the charts (kept for later) while another alert's context is on its way.
    void showPending();
    QList<MetricChart *> charts() const { return m_current ? m_current->charts : QList<MetricChart *>(); }
    // Chart sets kept drawn for the alerts seen last: switching back is instant.
    static constexpr int keptChartSets = 4;
    QString status() const;
    // Shows evidence: the point of chart `queryIndex` (see MetricChart::highlightPoint),
    // scrolled into view; the other charts' marks go. Null chart: there is no such chart.
    std::optional<MetricChart::Highlight> showPoint(int queryIndex, const LabelMap &labels, qint64 timeMs);

signals:
    void rerunRequested(int index, const QString &expression);
    // A span dragged across one of the charts, and Reset zoom (see MetricChart).
    void rangeSelected(const QDateTime &start, const QDateTime &end);
    void rangeResetRequested();
    void baselineRequested(int index, bool shown);

private:
    struct ChartSet {
        OccurrenceKey key;
        QWidget *container = nullptr;
        QList<MetricChart *> charts;
    };
    ChartSet *chartSet(const OccurrenceKey &key, int count);

    QLabel *m_status;
    QVBoxLayout *m_chartLayout;
    QScrollArea *m_scroll;
    QList<ChartSet> m_sets; // most recently shown last
    ChartSet *m_current = nullptr;
};
