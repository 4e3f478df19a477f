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
{
    setObjectName(u"metricsPane"_s);
    m_status->setObjectName(u"metricsStatus"_s);
    m_status->setWordWrap(true);
    m_status->setAlignment(Qt::AlignCenter);
    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_status);
    contentLayout->addLayout(m_chartLayout);
    contentLayout->addStretch();
    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    clear();
}

QString MetricsPane::status() const
{
    return m_status->isVisible() ? m_status->text() : QString();
}

void MetricsPane::clear()
{
    qDeleteAll(m_charts);
    m_charts.clear();
    m_key.clear();
    m_status->setText(tr("Metric windows around the selected alert's start are shown here."));
    m_status->show();
}

void MetricsPane::showContext(const ContextService::Context &context, const Alert &alert, const QUrl &prometheusUrl,
                              bool prometheusConfigured)
{
    if (context.key != m_key || context.queries.size() != m_charts.size()) {
        qDeleteAll(m_charts);
        m_charts.clear();
        m_key = context.key;
        for (int i = 0; i < context.queries.size(); ++i) {
            auto *chart = new MetricChart;
            m_chartLayout->addWidget(chart);
            m_charts.append(chart);
            connect(chart, &MetricChart::rerunRequested, this,
                    [this, i](const QString &expression) { emit rerunRequested(i, expression); });
        }
    }
    if (context.queries.isEmpty()) {
        m_status->setText(prometheusConfigured
                              ? tr("Nothing to plot: this alert carries no PromQL and is not a node_exporter target.")
                              : tr("No Prometheus is configured: add one in Settings → Data sources to see metric "
                                   "windows here."));
        m_status->show();
        return;
    }
    m_status->hide();
    for (int i = 0; i < context.queries.size(); ++i) {
        MetricChart *chart = m_charts.at(i);
        chart->setPrometheusUrl(prometheusUrl);
        chart->setAlertTimes(alert.startsAt, alert.state == AlertState::Resolved ? alert.endsAt : QDateTime());
        if (!chart->isEditingQuery())
            chart->setQuery(context.queries.at(i));
        // Redrawn only when its own result arrives, not for every other part.
        if (const auto &result = context.metrics.at(i)) {
            if (!chart->hasResult())
                chart->showResult(*result, context.window);
        } else {
            chart->showLoading(context.window);
        }
    }
}
