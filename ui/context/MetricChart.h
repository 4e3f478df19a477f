#pragma once

#include "context/ChartUnits.h"
#include "context/ContextData.h"
#include "context/ContextPlan.h"

#include <QSet>
#include <QUrl>
#include <QWidget>

class QChart;
class QChartView;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QLabel;
class QLineEdit;
class QLineSeries;
class QStackedWidget;
class QToolButton;
class SeriesLegend;

// One metric window: the query (editable; Enter runs it again), and a chart with a
// line per label set, or why there is none (loading, no data, Prometheus's error).
// The alert's own series (its labels match the alert's) is drawn bold, the others
// thin and muted; with more than ten only the alert's (or the ten highest peaks)
// show until asked, and the legend under the chart toggles any of them. The y axis
// follows the visible series, in the unit the expression suggests (KiB…, ms…, %),
// never below zero for data that never is. Gaps break the line; the alert's start
// and end are vertical markers; the threshold is a dashed line labelled with its
// value. Hovering shows a crosshair with the time and each visible series' value;
// dragging across selects a time range (rangeSelected).
class MetricChart final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int shownSeries = 10;
    static constexpr int maxDrawnPoints = 800; // per series, after LTTB
    static constexpr int maxDrawnPointsTotal = 4000; // shared by the visible series
    static constexpr int hoverLines = 10; // series values listed in the hover box

    explicit MetricChart(QWidget *parent = nullptr);

    void setQuery(const ContextPlan::MetricQuery &query);
    void setPrometheusUrl(const QUrl &url) { m_prometheusUrl = url; }
    void setAlertTimes(const QDateTime &startsAt, const QDateTime &endsAt);
    // The selected alert's labels: the series that matches them is the alert's own.
    void setAlertLabels(const LabelMap &labels) { m_alertLabels = labels; }
    void showLoading(const ContextPlan::Window &window);
    // `revision` tells results of the same window apart (a refresh): see shownRevision.
    void showResult(const MetricResult &result, const ContextPlan::Window &window, quint64 revision = 0);

    // Ghost lines of the same expression a day and a week earlier (moved onto this
    // window), for the alert's series or the first one shown; nullopt: not (yet) there.
    void setBaselines(const std::optional<MetricResult> &dayBefore, const std::optional<MetricResult> &weekBefore);
    bool baselinesShown() const;
    int drawnBaselines() const { return m_drawnBaselines; }
    int givenBaselines() const { return int(m_dayBefore.has_value()) + int(m_weekBefore.has_value()); }

    QString queryText() const;
    bool isEditingQuery() const;
    // Whether a result (chart or message) is drawn, as opposed to loading.
    bool hasResult() const { return m_hasResult; }
    quint64 shownRevision() const { return m_revision; }
    const ContextPlan::Window &shownWindow() const { return m_window; }
    QString message() const; // what shows instead of a chart; empty when a chart shows
    int drawnSeries() const; // label sets on the chart (not counting markers)
    bool showingAllSeries() const { return m_showAll; }
    void setShowAllSeries(bool all);
    // Shows or hides series `index` of the legend's order (the alert's first, then by peak).
    void setSeriesVisible(int index, bool visible);
    // The legend's entries, in order (tests, review).
    QStringList legendNames() const;
    int alertSeriesIndex() const { return m_alertIndex; } // in legend order; -1: not identified
    ChartUnits::Unit unit() const { return m_unit; }
    QStringList yAxisLabels() const;
    QString thresholdLabel() const; // the text beside the threshold line
    // The crosshair at a point of the view's viewport, as a mouse move puts it there.
    void hoverAt(const QPointF &viewportPosition);
    QString hoverText() const; // empty when the crosshair is hidden
    QUrl prometheusGraphUrl() const;
    bool exportPng(const QString &file) const;
    QChart *chart() const;
    QChartView *view() const { return m_view; }

    // Evidence shown on the chart: the series with `labels` emphasised (shown if it was
    // hidden), the others muted, and a marker on its sample nearest `timeMs`. Kept
    // across redraws (a new window, a refresh) until cleared.
    enum class Highlight { Shown, Loading, SeriesMissing, OutsideWindow };
    Highlight highlightPoint(const LabelMap &labels, qint64 timeMs);
    void clearHighlight();
    // What the marker marks: the sample's time and value; nothing when no marker shows.
    std::optional<Sample> highlightedSample() const { return m_highlightedSample; }
    // The legend name of the emphasised series; empty when none is.
    QString highlightedSeries() const;

signals:
    void rerunRequested(const QString &expression);
    // A span dragged across the chart (in UTC), or Reset pressed: back to the tab's range.
    void rangeSelected(const QDateTime &start, const QDateTime &end);
    void rangeResetRequested();
    // The "Compare" button: ghost lines wanted, or not.
    void baselineRequested(bool shown);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // The chart's colours from the widget's palette: a dark chart in the dark theme.
    void followPalette();
    struct Entry {
        QString name;
        QString identity;
        QList<Sample> samples; // inside the window, every one (hover reads them)
        double peak = 0;
        bool alert = false;
        bool visible = true;
        QColor color;
    };
    void rebuild();
    void redraw(); // the chart from m_entries
    void showMessage(const QString &text);
    void placeOverlays();
    void hideHover();
    int yTickCount() const;

    ContextPlan::MetricQuery m_query;
    ChartUnits::Unit m_unit = ChartUnits::Unit::None;
    ContextPlan::Window m_window;
    MetricResult m_result;
    quint64 m_revision = 0;
    QDateTime m_startsAt;
    QDateTime m_endsAt;
    LabelMap m_alertLabels;
    QUrl m_prometheusUrl;
    bool m_showAll = false;
    bool m_hasResult = false;
    bool m_settingAxes = false;
    int m_drawnSeries = 0;
    int m_drawnBaselines = 0;
    std::optional<MetricResult> m_dayBefore;
    std::optional<MetricResult> m_weekBefore;
    int m_tickCount = 0; // y ticks the axis was made for; a resize that changes it redraws
    int m_alertIndex = -1;
    QList<Entry> m_entries; // legend order
    QHash<QString, bool> m_chosen; // identity → visible, as the engineer toggled it
    QString m_thresholdText;
    struct PointWanted {
        QString identity;
        qint64 timeMs = -1;
    };
    std::optional<PointWanted> m_highlight;
    int m_highlightIndex = -1; // in m_entries
    std::optional<Sample> m_highlightedSample;
    Highlight highlightState() const;

    QLabel *m_title;
    QLineEdit *m_edit;
    QToolButton *m_more;
    QToolButton *m_compare;
    QStackedWidget *m_stack;
    QChartView *m_view;
    QLabel *m_message;
    SeriesLegend *m_legend;
    QWidget *m_chartPage;
    QGraphicsSimpleTextItem *m_thresholdItem;
    QGraphicsRectItem *m_thresholdBack; // keeps the label readable over the lines
    QGraphicsLineItem *m_crosshair;
    QGraphicsRectItem *m_hoverBox;
    QGraphicsSimpleTextItem *m_hoverLabel;
};
