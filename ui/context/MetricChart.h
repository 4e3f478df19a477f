#pragma once

#include "context/ContextData.h"
#include "context/ContextPlan.h"

#include <QUrl>
#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QToolButton;

// One metric window: the query (editable; Enter runs it again), and a chart with a
// line per label set (the 10 highest peaks, "+N more" shows the rest), gaps where
// Prometheus had no value, the alert's start (and end) as vertical markers, the
// threshold as a dashed line, values on hover, rubber-band zoom. Or, instead of the
// chart, why there is none: loading, no data, Prometheus's error.
class MetricChart final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int shownSeries = 10;
    static constexpr int maxDrawnPoints = 800; // per series, after LTTB

    explicit MetricChart(QWidget *parent = nullptr);

    void setQuery(const ContextPlan::MetricQuery &query);
    void setPrometheusUrl(const QUrl &url) { m_prometheusUrl = url; }
    void setAlertTimes(const QDateTime &startsAt, const QDateTime &endsAt);
    void showLoading(const ContextPlan::Window &window);
    void showResult(const MetricResult &result, const ContextPlan::Window &window);

    QString queryText() const;
    bool isEditingQuery() const;
    // Whether a result (chart or message) is drawn, as opposed to loading.
    bool hasResult() const { return m_hasResult; }
    QString message() const; // what shows instead of a chart; empty when a chart shows
    int drawnSeries() const; // label sets on the chart (not counting markers)
    bool showingAllSeries() const { return m_showAll; }
    void setShowAllSeries(bool all);
    QUrl prometheusGraphUrl() const;
    bool exportPng(const QString &file) const;
    QChart *chart() const;

signals:
    void rerunRequested(const QString &expression);

private:
    void rebuild();
    void showMessage(const QString &text);

    ContextPlan::MetricQuery m_query;
    ContextPlan::Window m_window;
    MetricResult m_result;
    QDateTime m_startsAt;
    QDateTime m_endsAt;
    QUrl m_prometheusUrl;
    bool m_showAll = false;
    bool m_hasResult = false;
    int m_drawnSeries = 0;

    QLabel *m_title;
    QLineEdit *m_edit;
    QToolButton *m_more;
    QStackedWidget *m_stack;
    QChartView *m_view;
    QLabel *m_message;
};
