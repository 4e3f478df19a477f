#include "MetricsPane.h"

#include "MetricChart.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

MetricsPane::MetricsPane(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel)
    , m_chartLayout(new QVBoxLayout)
    , m_scroll(new QScrollArea)
{
    setObjectName(u"metricsPane"_s);
    m_status->setObjectName(u"metricsStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText); // notes name labels and template titles
    m_status->setAlignment(Qt::AlignCenter);
    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_status);
    contentLayout->addLayout(m_chartLayout);
    contentLayout->addStretch();
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);
    clear();
}

QString MetricsPane::status() const
{
    return m_status->isVisible() ? m_status->text() : QString();
}

void MetricsPane::clear()
{
    for (const ChartSet &set : std::as_const(m_sets))
        delete set.container;
    m_sets.clear();
    m_current = nullptr;
    m_status->setText(tr("Metric windows around the selected alert's start are shown here."));
    m_status->show();
}

void MetricsPane::showPending()
{
    for (const ChartSet &set : std::as_const(m_sets))
        set.container->hide();
    m_current = nullptr;
    m_status->setText(tr("Loading…"));
    m_status->show();
}

MetricsPane::ChartSet *MetricsPane::chartSet(const OccurrenceKey &key, int count)
{
    auto it = std::find_if(m_sets.begin(), m_sets.end(), [&key](const ChartSet &set) { return set.key == key; });
    if (it != m_sets.end() && it->charts.size() != count) {
        delete it->container;
        m_sets.erase(it);
        it = m_sets.end();
    }
    if (it == m_sets.end()) {
        ChartSet set{key, new QWidget, {}};
        auto *layout = new QVBoxLayout(set.container);
        layout->setContentsMargins(0, 0, 0, 0);
        for (int i = 0; i < count; ++i) {
            auto *chart = new MetricChart;
            layout->addWidget(chart);
            set.charts.append(chart);
            connect(chart, &MetricChart::rerunRequested, this,
                    [this, i](const QString &expression) { emit rerunRequested(i, expression); });
            connect(chart, &MetricChart::rangeSelected, this, &MetricsPane::rangeSelected);
            connect(chart, &MetricChart::rangeResetRequested, this, &MetricsPane::rangeResetRequested);
            connect(chart, &MetricChart::baselineRequested, this,
                    [this, i](bool shown) { emit baselineRequested(i, shown); });
        }
        m_chartLayout->addWidget(set.container);
        m_sets.append(set);
        while (m_sets.size() > keptChartSets) {
            delete m_sets.first().container;
            m_sets.removeFirst();
        }
    } else {
        // Most recently shown last.
        const ChartSet shown = *it;
        m_sets.erase(it);
        m_sets.append(shown);
    }
    return &m_sets.last();
}

void MetricsPane::showContext(const ContextService::Context &context, const Alert &alert, const QUrl &prometheusUrl,
                              bool prometheusConfigured)
{
    ChartSet *set = chartSet(context.key, int(context.queries.size()));
    for (ChartSet &other : m_sets)
        other.container->setVisible(&other == set);
    m_current = set;
    // Charts left out (an expression too long to chart) are said above the others.
    const QString notes = context.notes.join(u'\n');
    if (context.queries.isEmpty()) {
        m_status->setText(!notes.isEmpty() ? notes
                              : prometheusConfigured
                              ? tr("Nothing to plot: this alert carries no PromQL and is not a node_exporter target.")
                              : tr("No Prometheus is configured: add one in Settings → Data sources to see metric "
                                   "windows here."));
        m_status->show();
        return;
    }
    m_status->setText(notes);
    m_status->setVisible(!notes.isEmpty());
    for (int i = 0; i < context.queries.size(); ++i) {
        MetricChart *chart = set->charts.at(i);
        chart->setPrometheusUrl(prometheusUrl);
        chart->setAlertTimes(alert.startsAt, alert.state == AlertState::Resolved ? alert.endsAt : QDateTime());
        chart->setAlertLabels(alert.labels);
        if (!chart->isEditingQuery() && chart->queryText() != context.queries.at(i).expression)
            chart->setQuery(context.queries.at(i));
        // Redrawn when its own result arrives or the window moves, not for every other
        // part; a refresh keeps the drawn chart until the new points are there.
        if (const auto &result = context.metrics.at(i)) {
            if (!chart->hasResult() || chart->shownRevision() != context.revisions.at(i)
                || !(chart->shownWindow() == context.window))
                chart->showResult(*result, context.window, context.revisions.at(i));
            const auto baseline = context.baselines.constFind(i);
            const bool wanted = baseline != context.baselines.cend();
            const std::optional<MetricResult> none;
            const std::optional<MetricResult> &day = wanted ? baseline->dayBefore : none;
            const std::optional<MetricResult> &week = wanted ? baseline->weekBefore : none;
            // Given again only when what arrived changed (they come one by one).
            if (chart->givenBaselines() != int(day.has_value()) + int(week.has_value())
                || (wanted && !(chart->shownWindow() == baseline->window)))
                chart->setBaselines(day, week);
        } else if (chart->hasResult() || chart->message().isEmpty()) {
            chart->showLoading(context.window);
        }
    }
}

std::optional<MetricChart::Highlight> MetricsPane::showPoint(int queryIndex, const LabelMap &labels, qint64 timeMs)
{
    const QList<MetricChart *> shown = charts();
    if (queryIndex < 0 || queryIndex >= shown.size())
        return std::nullopt;
    for (qsizetype i = 0; i < shown.size(); ++i)
        if (i != queryIndex)
            shown.at(i)->clearHighlight();
    MetricChart *chart = shown.at(queryIndex);
    const MetricChart::Highlight result = chart->highlightPoint(labels, timeMs);
    m_scroll->ensureWidgetVisible(chart, 0, 0);
    return result;
}
