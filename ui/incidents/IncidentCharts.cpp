#include "IncidentCharts.h"

#include "context/ContextService.h"
#include "context/MetricChart.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

IncidentCharts::IncidentCharts(ContextService *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_caption(new QLabel(this))
    , m_list(new QVBoxLayout)
{
    setObjectName(u"incidentCharts"_s);
    m_caption->setObjectName(u"incidentChartsCaption"_s);
    m_caption->setWordWrap(true);
    auto *content = new QWidget;
    m_list->setContentsMargins(0, 0, 0, 0);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 6, 0);
    contentLayout->addLayout(m_list);
    contentLayout->addStretch();
    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_caption);
    layout->addWidget(scroll, 1);
    if (m_context)
        connect(m_context, &ContextService::contextUpdated, this, &IncidentCharts::contextUpdated);
    setMembers({});
}

IncidentCharts::~IncidentCharts()
{
    release();
}

void IncidentCharts::release()
{
    for (const Row &row : std::as_const(m_rows)) {
        if (m_context)
            m_context->release(OccurrenceKey::of(row.alert));
        delete row.title;
        delete row.chart;
    }
    m_rows.clear();
    m_window = {};
}

void IncidentCharts::setMembers(const QList<Alert> &members)
{
    QList<OccurrenceKey> keys;
    for (const Alert &member : members.mid(0, maxCharts))
        keys << OccurrenceKey::of(member);
    QList<OccurrenceKey> shown;
    for (const Row &row : std::as_const(m_rows))
        shown << OccurrenceKey::of(row.alert);
    if (keys == shown && !keys.isEmpty())
        return; // the same alerts (an update of their state): the charts stay
    release();
    if (!m_context || members.isEmpty()) {
        m_caption->setText(m_context ? tr("Select an incident to see its alerts' charts together.")
                                     : tr("Metrics are not available here."));
        return;
    }
    m_caption->setText(
        members.size() > maxCharts
            ? tr("The headline metric of the %1 worst of its %n alert(s), on one time axis.", nullptr,
                 int(members.size()))
                  .arg(maxCharts)
            : tr("The headline metric of each of its %n alert(s), on one time axis.", nullptr, int(members.size())));
    for (const Alert &member : members.mid(0, maxCharts)) {
        Row row{member, new QLabel, new MetricChart};
        row.title->setTextFormat(Qt::PlainText);
        const QString target = member.target();
        row.title->setText(target.isEmpty() ? member.name : u"%1 · %2"_s.arg(member.name, target));
        QFont bold = row.title->font();
        bold.setBold(true);
        row.title->setFont(bold);
        row.chart->setMinimumHeight(row.chart->sizeHint().height()); // its plot at full height, the list scrolls
        row.chart->setAlertTimes(member.startsAt, member.endsAt);
        row.chart->setAlertLabels(member.labels);
        m_list->addWidget(row.title);
        m_list->addWidget(row.chart);
        m_rows << row;
        m_context->hold(member);
    }
    redraw();
}

void IncidentCharts::contextUpdated(const OccurrenceKey &key)
{
    for (const Row &row : std::as_const(m_rows))
        if (OccurrenceKey::of(row.alert) == key)
            return redraw();
}

void IncidentCharts::redraw()
{
    // One axis for all: the span of the windows that have arrived.
    ContextPlan::Window window;
    for (const Row &row : std::as_const(m_rows)) {
        const ContextService::Context *context = m_context->context(OccurrenceKey::of(row.alert));
        if (!context || !context->window.start.isValid())
            continue;
        if (!window.start.isValid()) {
            window = context->window;
            continue;
        }
        window.start = std::min(window.start, context->window.start);
        window.end = std::max(window.end, context->window.end);
        window.stepSeconds = std::max(window.stepSeconds, context->window.stepSeconds);
    }
    m_window = window;
    const QUrl prometheus = m_context->sources().prometheus.url;
    for (const Row &row : std::as_const(m_rows)) {
        const ContextService::Context *context = m_context->context(OccurrenceKey::of(row.alert));
        row.chart->setPrometheusUrl(prometheus);
        if (!context) {
            row.chart->showLoading(window);
            continue;
        }
        // Planned, and nothing to chart: the alert has no expression Prometheus could run.
        const bool nothingToChart = context->queries.isEmpty() && !m_context->isPlanning(OccurrenceKey::of(row.alert));
        row.chart->setVisible(!nothingToChart);
        if (nothingToChart)
            row.title->setText(row.title->text().section(u"  —  "_s, 0, 0) + u"  —  "_s
                               + tr("no metric to chart for this alert"));
        if (context->queries.isEmpty())
            continue;
        row.chart->setQuery(context->queries.constFirst());
        const std::optional<MetricResult> &result
            = context->metrics.isEmpty() ? std::optional<MetricResult>() : context->metrics.constFirst();
        if (result)
            row.chart->showResult(*result, window);
        else
            row.chart->showLoading(window);
    }
}

QStringList IncidentCharts::titles() const
{
    QStringList list;
    for (const Row &row : m_rows)
        list << row.title->text();
    return list;
}

const MetricChart *IncidentCharts::chart(int index) const
{
    return index >= 0 && index < m_rows.size() ? m_rows.at(index).chart : nullptr;
}
