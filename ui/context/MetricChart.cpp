#include "MetricChart.h"

#include "SeriesLegend.h"
#include "context/ChartData.h"
#include "model/AlertTableModel.h"

#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QDesktopServices>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QStackedWidget>
#include <QToolButton>
#include <QUrlQuery>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QString labelText(const LabelMap &labels)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        if (it.key() != u"__name__"_s)
            parts << it.key() + u"=\""_s + it.value() + u'"';
    return parts.isEmpty() ? QStringLiteral("{}") : u'{' + parts.join(u", "_s) + u'}';
}

QString windowText(const ContextPlan::Window &window)
{
    const QLocale locale;
    return u"%1 – %2"_s.arg(locale.toString(window.start.toLocalTime(), QLocale::ShortFormat),
                            window.end.toLocalTime().toString(u"HH:mm"_s));
}

QToolButton *toolButton(const QString &text, const QString &tip, const QString &name)
{
    auto *button = new QToolButton;
    button->setText(text);
    button->setToolTip(tip);
    button->setObjectName(name);
    button->setAutoRaise(true);
    return button;
}

const QList<QColor> &seriesColors()
{
    static const QList<QColor> colors{QColor(0x1e, 0x88, 0xe5), QColor(0xe5, 0x39, 0x35), QColor(0x43, 0xa0, 0x47),
                                      QColor(0xfb, 0x8c, 0x00), QColor(0x8e, 0x24, 0xaa), QColor(0x00, 0xac, 0xc1),
                                      QColor(0x6d, 0x4c, 0x41), QColor(0xd8, 0x1b, 0x60), QColor(0x7c, 0xb3, 0x42),
                                      QColor(0x54, 0x6e, 0x7a)};
    return colors;
}

// The samples of a time-ordered list inside [from, to].
QList<Sample> within(const QList<Sample> &samples, qint64 from, qint64 to)
{
    const auto first = std::lower_bound(samples.cbegin(), samples.cend(), from,
                                        [](const Sample &s, qint64 ms) { return s.ms < ms; });
    const auto last = std::upper_bound(first, samples.cend(), to, [](qint64 ms, const Sample &s) { return ms < s.ms; });
    return QList<Sample>(first, last);
}

QString elided(const QString &text, qsizetype length)
{
    return text.size() <= length ? text : text.left(length / 2) + u'…' + text.right(length / 2 - 1);
}

} // namespace

MetricChart::MetricChart(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel)
    , m_edit(new QLineEdit)
    , m_more(toolButton({}, tr("Show every series"), u"moreSeries"_s))
    , m_compare(toolButton(tr("Compare"), tr("Ghost lines of the same expression one day and one week earlier"),
                           u"compareBaseline"_s))
    , m_stack(new QStackedWidget)
    , m_view(new QChartView)
    , m_message(new QLabel)
    , m_legend(new SeriesLegend)
    , m_chartPage(new QWidget)
{
    setObjectName(u"metricChart"_s);
    // Titles, queries, series labels and Prometheus' answers are data, never markup.
    m_title->setObjectName(u"chartTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    // A long title is cut at the pane's edge (its tooltip has all of it) instead of
    // widening the pane past the window.
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_edit->setObjectName(u"chartQuery"_s);
    m_edit->setToolTip(tr("PromQL; press Enter to run it again"));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_more->setCheckable(true);
    m_more->hide();
    m_message->setObjectName(u"chartMessage"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setObjectName(u"chartView"_s);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setRubberBand(QChartView::HorizontalRubberBand);
    m_view->setMinimumHeight(220);
    m_view->viewport()->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);
    m_view->installEventFilter(this); // resized: as many y ticks as fit
    m_view->setToolTip(tr("Drag across the chart to show that time range on every chart and in the logs"));
    QChart *chart = m_view->chart();
    chart->legend()->hide(); // the list under the chart: elided, with tooltips, toggles
    chart->setMargins(QMargins(4, 4, 8, 4));

    // Drawn over the series, kept across rebuilds.
    m_thresholdItem = new QGraphicsSimpleTextItem(chart);
    m_thresholdItem->setBrush(QColor(0xc6, 0x28, 0x28));
    m_thresholdItem->setZValue(20);
    m_thresholdBack = new QGraphicsRectItem(chart);
    m_thresholdBack->setPen(Qt::NoPen);
    m_thresholdBack->setZValue(19);
    m_thresholdBack->hide();
    m_crosshair = new QGraphicsLineItem(chart);
    m_crosshair->setZValue(30);
    m_hoverBox = new QGraphicsRectItem(chart);
    m_hoverBox->setZValue(31);
    m_hoverLabel = new QGraphicsSimpleTextItem(m_hoverBox);
    followPalette();
    hideHover();
    connect(chart, &QChart::plotAreaChanged, this, [this] {
        placeOverlays();
        hideHover();
    });

    auto *chartLayout = new QVBoxLayout(m_chartPage);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->setSpacing(2);
    chartLayout->addWidget(m_view, 1);
    chartLayout->addWidget(m_legend);
    m_stack->addWidget(m_chartPage);
    m_stack->addWidget(m_message);

    auto *copy = toolButton(tr("Copy"), tr("Copy the query"), u"copyQuery"_s);
    auto *open
        = toolButton(tr("Open in Prometheus"), tr("The same window in Prometheus' graph page"), u"openPrometheus"_s);
    auto *png = toolButton(tr("PNG…"), tr("Save the chart as a picture"), u"exportPng"_s);
    auto *reset = toolButton(
        tr("Reset zoom"), tr("Back to the range chosen above the tabs after dragging across a chart"), u"resetZoom"_s);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    m_compare->setCheckable(true);
    for (QToolButton *button : {m_more, m_compare, reset, copy, open, png})
        header->addWidget(button);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 6);
    layout->addLayout(header);
    layout->addWidget(m_edit);
    layout->addWidget(m_stack, 1);

    connect(m_edit, &QLineEdit::returnPressed, this, [this] { emit rerunRequested(queryText()); });
    connect(copy, &QToolButton::clicked, this, [this] { QApplication::clipboard()->setText(queryText()); });
    connect(open, &QToolButton::clicked, this, [this] { QDesktopServices::openUrl(prometheusGraphUrl()); });
    connect(png, &QToolButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Save chart"), m_query.title + u".png"_s,
                                                          tr("PNG pictures (*.png)"));
        if (!file.isEmpty())
            exportPng(file);
    });
    connect(reset, &QToolButton::clicked, this, [this] {
        m_view->chart()->zoomReset();
        emit rangeResetRequested();
    });
    connect(m_more, &QToolButton::toggled, this, &MetricChart::setShowAllSeries);
    connect(m_compare, &QToolButton::toggled, this, &MetricChart::baselineRequested);
    connect(m_legend, &SeriesLegend::visibilityChanged, this, &MetricChart::setSeriesVisible);
}

QChart *MetricChart::chart() const
{
    return m_view->chart();
}

void MetricChart::setQuery(const ContextPlan::MetricQuery &query)
{
    m_query = query;
    m_unit = ChartUnits::unitFor(query.expression, query.title);
    m_title->setText(query.threshold
                         ? tr("%1 — threshold %2 %3")
                               .arg(query.title, query.comparison, ChartUnits::format(*query.threshold, m_unit, 6))
                         : query.title);
    m_title->setToolTip(AlertTableModel::plainToolTip(m_title->text()));
    m_edit->setText(query.expression);
    m_chosen.clear(); // other series
}

void MetricChart::setAlertTimes(const QDateTime &startsAt, const QDateTime &endsAt)
{
    m_startsAt = startsAt;
    m_endsAt = endsAt;
}

void MetricChart::setBaselines(const std::optional<MetricResult> &dayBefore,
                               const std::optional<MetricResult> &weekBefore)
{
    const bool had = m_dayBefore || m_weekBefore;
    m_dayBefore = dayBefore;
    m_weekBefore = weekBefore;
    if (m_compare->isChecked() != (dayBefore || weekBefore) && (dayBefore || weekBefore)) {
        const QSignalBlocker quiet(m_compare);
        m_compare->setChecked(true);
    }
    if ((had || dayBefore || weekBefore) && m_stack->currentWidget() == m_chartPage)
        redraw();
}

bool MetricChart::baselinesShown() const
{
    return m_compare->isChecked();
}

QString MetricChart::queryText() const
{
    return m_edit->text().trimmed();
}

bool MetricChart::isEditingQuery() const
{
    return m_edit->hasFocus();
}

QString MetricChart::message() const
{
    return m_stack->currentWidget() == m_message ? m_message->text() : QString();
}

int MetricChart::drawnSeries() const
{
    return m_drawnSeries;
}

QStringList MetricChart::legendNames() const
{
    QStringList names;
    for (const Entry &entry : m_entries)
        names << entry.name;
    return names;
}

QStringList MetricChart::yAxisLabels() const
{
    for (QAbstractAxis *axis : m_view->chart()->axes(Qt::Vertical))
        if (auto *category = qobject_cast<QCategoryAxis *>(axis))
            return category->categoriesLabels();
    return {};
}

QString MetricChart::thresholdLabel() const
{
    return m_thresholdItem->isVisible() ? m_thresholdItem->text() : QString();
}

void MetricChart::showMessage(const QString &text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
    m_more->hide();
    m_drawnSeries = 0;
    hideHover();
}

void MetricChart::showLoading(const ContextPlan::Window &window)
{
    m_window = window;
    m_hasResult = false;
    showMessage(tr("Loading %1…").arg(windowText(window)));
}

void MetricChart::showResult(const MetricResult &result, const ContextPlan::Window &window, quint64 revision)
{
    m_window = window;
    m_result = result;
    m_revision = revision;
    m_hasResult = true;
    rebuild();
}

void MetricChart::setShowAllSeries(bool all)
{
    m_showAll = all;
    m_chosen.clear();
    if (m_more->isChecked() != all) {
        const QSignalBlocker quiet(m_more);
        m_more->setChecked(all);
    }
    rebuild();
}

void MetricChart::setSeriesVisible(int index, bool visible)
{
    if (index < 0 || index >= m_entries.size() || m_entries.at(index).visible == visible)
        return;
    m_entries[index].visible = visible;
    m_chosen.insert(m_entries.at(index).identity, visible);
    redraw();
}

QUrl MetricChart::prometheusGraphUrl() const
{
    QUrl url = m_prometheusUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/graph"_s);
    QUrlQuery query;
    query.addQueryItem(u"g0.expr"_s, QString::fromUtf8(QUrl::toPercentEncoding(queryText())));
    query.addQueryItem(u"g0.tab"_s, u"0"_s);
    query.addQueryItem(u"g0.range_input"_s, u"%1s"_s.arg(m_window.start.secsTo(m_window.end)));
    query.addQueryItem(
        u"g0.end_input"_s,
        QString::fromUtf8(QUrl::toPercentEncoding(m_window.end.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s))));
    query.addQueryItem(u"g0.step_input"_s, QString::number(m_window.stepSeconds));
    url.setQuery(query.toString(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

bool MetricChart::exportPng(const QString &file) const
{
    return m_chartPage->grab().save(file, "PNG");
}

void MetricChart::rebuild()
{
    m_entries.clear();
    m_alertIndex = -1;
    m_highlightIndex = -1;
    m_highlightedSample.reset();
    if (!m_result.ok) {
        showMessage(m_result.errorType.isEmpty() || m_result.errorType == u"network"_s
                        ? tr("Prometheus could not be asked: %1").arg(m_result.error)
                        : tr("Prometheus refused the query (%1): %2").arg(m_result.errorType, m_result.error));
        return;
    }
    const qint64 from = m_window.start.toMSecsSinceEpoch();
    const qint64 to = m_window.end.toMSecsSinceEpoch();
    // Only what falls in the window: cached points of a wider range are reused as they are.
    QList<Series> inWindow;
    for (const Series &series : m_result.series) {
        Series clipped{series.labels, within(series.samples, from, to)};
        if (std::isfinite(ChartData::peak(clipped)))
            inWindow.append(std::move(clipped));
    }
    if (inWindow.isEmpty()) {
        showMessage(tr("No data for %1 in %2").arg(queryText(), windowText(m_window)));
        return;
    }
    const int alert
        = m_alertLabels.isEmpty() && inWindow.size() > 1 ? -1 : ChartData::alertSeries(inWindow, m_alertLabels);
    for (qsizetype i = 0; i < inWindow.size(); ++i) {
        Entry entry;
        entry.name = labelText(inWindow.at(i).labels);
        entry.identity = entry.name;
        entry.peak = ChartData::peak(inWindow.at(i));
        entry.alert = i == alert;
        entry.samples = std::move(inWindow[i].samples);
        m_entries.append(std::move(entry));
    }
    // The alert's own series first, then the highest peaks: those explain an alert.
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [](const Entry &a, const Entry &b) { return a.alert != b.alert ? a.alert : a.peak > b.peak; });
    m_alertIndex = alert >= 0 ? 0 : -1;
    const bool many = m_entries.size() > shownSeries;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        Entry &entry = m_entries[i];
        // With many, only the alert's (or the ten highest) until asked.
        const bool byDefault = m_showAll || !many || (alert >= 0 ? entry.alert : i < shownSeries);
        entry.visible = m_chosen.value(entry.identity, byDefault);
        const QColor base = seriesColors().at(i % seriesColors().size());
        entry.color = alert < 0 || entry.alert ? base : QColor(base.red(), base.green(), base.blue(), 110);
    }
    m_highlightIndex = -1;
    for (qsizetype i = 0; m_highlight && i < m_entries.size(); ++i)
        if (m_entries.at(i).identity == m_highlight->identity) {
            m_highlightIndex = int(i);
            m_entries[i].visible = true; // evidence asked for is shown, even one of many
        }
    m_more->setVisible(many);
    const int hidden
        = int(std::count_if(m_entries.cbegin(), m_entries.cend(), [](const Entry &e) { return !e.visible; }));
    m_more->setText(m_showAll ? tr("Fewer") : tr("+%1 more").arg(hidden));
    m_more->setToolTip(m_showAll ? tr("Only the alert's series (or the ten highest) again")
                                 : tr("Show every series, not only the alert's or the ten highest"));
    redraw();
}

int MetricChart::yTickCount() const
{
    return std::clamp(m_view->height() / 45, 3, 8);
}

void MetricChart::redraw()
{
    hideHover();
    QChart *chart = m_view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis; // removeAxis hands it back
    }
    m_thresholdItem->hide();
    m_thresholdBack->hide();

    // Ticks on whole local minutes or hours (a date-time axis divides the window evenly:
    // 19:22, 19:27…).
    const qint64 windowFrom = m_window.start.toMSecsSinceEpoch();
    const qint64 windowTo = m_window.end.toMSecsSinceEpoch();
    const ChartUnits::TimeAxis times = ChartUnits::timeAxis(
        windowFrom, windowTo, std::clamp(m_view->width() / 110, 3, 10), m_window.start.toLocalTime().offsetFromUtc());
    auto *xAxis = new QCategoryAxis;
    xAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    xAxis->setStartValue(double(windowFrom - 1)); // a tick may fall on the start itself
    for (qsizetype i = 0; i < times.ticks.size(); ++i)
        xAxis->append(times.labels.at(i), double(times.ticks.at(i)));
    chart->addAxis(xAxis, Qt::AlignBottom);

    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    for (const Entry &entry : std::as_const(m_entries)) {
        if (!entry.visible)
            continue;
        for (const Sample &sample : entry.samples)
            if (!std::isnan(sample.value) && std::isfinite(sample.value)) {
                low = std::min(low, sample.value);
                high = std::max(high, sample.value);
            }
    }
    // The ghost lines follow the first series shown (the alert's when it is known).
    const auto shownFirst
        = std::find_if(m_entries.cbegin(), m_entries.cend(), [](const Entry &e) { return e.visible; });
    QList<std::pair<QString, QList<Sample>>> ghosts;
    if (shownFirst != m_entries.cend()) {
        for (const auto &[result, name] :
             {std::pair{&m_dayBefore, tr("1 day earlier")}, std::pair{&m_weekBefore, tr("1 week earlier")}}) {
            if (!*result || !(*result)->ok)
                continue;
            for (const Series &series : (*result)->series) {
                if (labelText(series.labels) != shownFirst->identity && (*result)->series.size() > 1)
                    continue;
                QList<Sample> samples = within(series.samples, windowFrom, windowTo);
                for (const Sample &sample : samples)
                    if (std::isfinite(sample.value)) {
                        low = std::min(low, sample.value);
                        high = std::max(high, sample.value);
                    }
                ghosts.append({name, std::move(samples)});
                break;
            }
        }
    }
    if (m_query.threshold && std::isfinite(*m_query.threshold)) {
        low = std::min(low, *m_query.threshold);
        high = std::max(high, *m_query.threshold);
    }
    m_tickCount = yTickCount();
    const ChartUnits::Axis scale = ChartUnits::axis(low, high, m_unit, m_tickCount);
    auto *yAxis = new QCategoryAxis;
    yAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    yAxis->setStartValue(scale.min);
    for (qsizetype i = 0; i < scale.ticks.size(); ++i)
        yAxis->append(scale.labels.at(i), scale.ticks.at(i));
    yAxis->setRange(scale.min, scale.max);
    chart->addAxis(yAxis, Qt::AlignLeft);

    auto attach = [&](QXYSeries *line) {
        chart->addSeries(line);
        line->attachAxis(xAxis);
        line->attachAxis(yAxis);
    };
    m_drawnBaselines = 0;
    for (const auto &[name, samples] : std::as_const(ghosts)) {
        const bool week = m_drawnBaselines == 1 || name == tr("1 week earlier");
        for (const QList<Sample> &part : ChartData::segments(samples)) {
            auto *line = new QLineSeries;
            QPen pen(QColor(0x75, 0x75, 0x75, week ? 120 : 170), 1.3);
            pen.setStyle(week ? Qt::DotLine : Qt::DashLine);
            line->setPen(pen);
            QList<QPointF> points;
            for (const Sample &sample : ChartData::lttb(part, 600))
                points.append(QPointF(double(sample.ms), sample.value));
            line->replace(points);
            line->setName(name.toHtmlEscaped());
            attach(line);
        }
        ++m_drawnBaselines;
    }
    const bool highlighting = m_highlightIndex >= 0;
    const bool emphasis = !highlighting && m_alertIndex >= 0 && m_entries.size() > 1;
    // Points beyond two per pixel are not seen, only painted: the budget is shared by
    // the visible series, so twenty series cost about what a few do.
    const qsizetype visibleCount
        = std::count_if(m_entries.cbegin(), m_entries.cend(), [](const Entry &e) { return e.visible; });
    const int plotWidth = std::max(200, m_view->width() - 80);
    const int perSeries = std::clamp(
        int(std::min<qsizetype>(2 * plotWidth, maxDrawnPointsTotal / std::max<qsizetype>(1, visibleCount))), 100,
        int(maxDrawnPoints));
    int drawn = 0;
    // Muted ones first, so the alert's is painted on top.
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        const Entry &entry = m_entries.at(i);
        if (!entry.visible)
            continue;
        ++drawn;
        const QList<QList<Sample>> parts = ChartData::segments(entry.samples);
        const int budget = std::max(3, int(perSeries / std::max<qsizetype>(1, parts.size())));
        const bool highlighted = i == m_highlightIndex;
        const qreal width = highlighted ? 3.2 : highlighting ? 1.0 : !emphasis ? 1.6 : entry.alert ? 2.6 : 1.0;
        QColor color = entry.color;
        if (highlighting && !highlighted)
            color.setAlpha(80);
        for (const QList<Sample> &part : parts) {
            auto *line = new QLineSeries;
            line->setPen(QPen(color, width));
            QList<QPointF> points;
            const QList<Sample> thinned = ChartData::lttb(part, budget);
            points.reserve(thinned.size());
            for (const Sample &sample : thinned)
                points.append(QPointF(double(sample.ms), sample.value));
            line->replace(points);
            line->setName(entry.name.toHtmlEscaped()); // as a legend would read it
            attach(line);
        }
    }
    m_drawnSeries = drawn;
    // The evidence's point, over its line (drawn last of the series but the markers).
    m_highlightedSample.reset();
    if (highlighting && m_highlight->timeMs >= windowFrom && m_highlight->timeMs <= windowTo) {
        const Entry &entry = m_entries.at(m_highlightIndex);
        const qsizetype index = ChartData::nearest(entry.samples, m_highlight->timeMs);
        if (index >= 0 && std::isfinite(entry.samples.at(index).value)) {
            const Sample &sample = entry.samples.at(index);
            auto *point = new QScatterSeries;
            point->setName(tr("evidence"));
            point->setMarkerShape(QScatterSeries::MarkerShapeCircle);
            point->setMarkerSize(13);
            point->setColor(entry.color);
            point->setBorderColor(palette().color(QPalette::Text));
            point->append(double(sample.ms), sample.value);
            attach(point);
            m_highlightedSample = sample;
        }
    }

    auto marker = [&](const QString &name, const QColor &color, Qt::PenStyle style, const QList<QPointF> &points) {
        auto *line = new QLineSeries;
        line->setName(name.toHtmlEscaped());
        QPen pen(color, 1.4);
        pen.setStyle(style);
        line->setPen(pen);
        line->replace(points);
        attach(line);
        return line;
    };
    const double xStart = double(windowFrom);
    const double xEnd = double(windowTo);
    if (m_query.threshold && std::isfinite(*m_query.threshold)) {
        m_thresholdText = tr("threshold %1 %2")
                              .arg(m_query.comparison, ChartUnits::format(*m_query.threshold, m_unit, 6))
                              .trimmed();
        marker(m_thresholdText, QColor(0xc6, 0x28, 0x28), Qt::DashLine,
               {{xStart, *m_query.threshold}, {xEnd, *m_query.threshold}});
        m_thresholdItem->setText(m_thresholdText);
        m_thresholdItem->show();
    }
    if (m_startsAt.isValid() && m_startsAt >= m_window.start && m_startsAt <= m_window.end) {
        const double x = double(m_startsAt.toMSecsSinceEpoch());
        marker(tr("alert started"), QColor(0xfb, 0x8c, 0x00), Qt::DotLine, {{x, scale.min}, {x, scale.max}});
    }
    if (m_endsAt.isValid() && m_endsAt >= m_window.start && m_endsAt <= m_window.end) {
        const double x = double(m_endsAt.toMSecsSinceEpoch());
        marker(tr("resolved"), QColor(0x2e, 0x7d, 0x32), Qt::DotLine, {{x, scale.min}, {x, scale.max}});
    }
    {
        // Set last, so that only a drag across the chart reads as a chosen range.
        m_settingAxes = true;
        xAxis->setRange(double(windowFrom), double(windowTo));
        m_settingAxes = false;
    }
    connect(xAxis, &QValueAxis::rangeChanged, this, [this](qreal min, qreal max) {
        if (!m_settingAxes && std::isfinite(min) && std::isfinite(max) && min < max)
            emit rangeSelected(QDateTime::fromMSecsSinceEpoch(qint64(min), Qt::UTC),
                               QDateTime::fromMSecsSinceEpoch(qint64(max), Qt::UTC));
    });

    QList<SeriesLegend::Entry> legend;
    legend.reserve(m_entries.size());
    for (const Entry &entry : std::as_const(m_entries))
        legend.append({entry.name, entry.color, entry.visible, entry.alert});
    m_legend->setEntries(legend);
    m_stack->setCurrentWidget(m_chartPage);
    placeOverlays();
}

void MetricChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        followPalette();
        if (m_hasResult && m_stack->currentWidget() == m_chartPage)
            redraw(); // the axes and series take the new theme's colours
    }
}

void MetricChart::followPalette()
{
    const QPalette colors = palette();
    const bool dark = colors.color(QPalette::Window).lightness() < 128;
    QChart *chart = m_view->chart();
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(colors.color(QPalette::Base));
    chart->legend()->hide(); // a theme shows it again
    QColor box = colors.color(QPalette::Base);
    box.setAlpha(235);
    m_hoverBox->setBrush(box);
    m_hoverBox->setPen(QPen(colors.color(QPalette::Mid)));
    m_hoverLabel->setBrush(colors.color(QPalette::Text));
    m_crosshair->setPen(QPen(colors.color(QPalette::PlaceholderText), 1, Qt::DashLine));
}

void MetricChart::placeOverlays()
{
    QChart *chart = m_view->chart();
    if (!m_thresholdItem->isVisible() || !m_query.threshold || chart->series().isEmpty())
        return;
    const QRectF plot = chart->plotArea();
    const QPointF at = chart->mapToPosition(QPointF(double(m_window.end.toMSecsSinceEpoch()), *m_query.threshold),
                                            chart->series().constLast());
    const QRectF text = m_thresholdItem->boundingRect();
    double y = at.y() - text.height() - 1;
    if (y < plot.top())
        y = at.y() + 2; // no room above the line: below it
    m_thresholdItem->setPos(plot.right() - text.width() - 4, y);
    QColor back = palette().color(QPalette::Base);
    back.setAlpha(215);
    m_thresholdBack->setBrush(back);
    m_thresholdBack->setRect(QRectF(m_thresholdItem->pos(), text.size()).adjusted(-3, 0, 3, 0));
    m_thresholdBack->show();
}

void MetricChart::hideHover()
{
    m_crosshair->hide();
    m_hoverBox->hide();
}

QString MetricChart::hoverText() const
{
    return m_hoverBox->isVisible() ? m_hoverLabel->text() : QString();
}

void MetricChart::hoverAt(const QPointF &viewportPosition)
{
    QChart *chart = m_view->chart();
    if (m_stack->currentWidget() != m_chartPage || chart->series().isEmpty()) {
        hideHover();
        return;
    }
    const QPointF position = chart->mapFromScene(m_view->mapToScene(viewportPosition.toPoint()));
    const QRectF plot = chart->plotArea();
    if (!plot.contains(position)) {
        hideHover();
        return;
    }
    const qint64 ms = qint64(chart->mapToValue(position, chart->series().constFirst()).x());
    // The nearest sample counts only within a step or so: no value across a gap.
    const qint64 reach = qint64(m_window.stepSeconds) * 1500;
    QStringList lines{QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s)};
    int listed = 0;
    int visible = 0;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (!entry.visible)
            continue;
        ++visible;
        if (listed >= hoverLines)
            continue;
        const qsizetype index = ChartData::nearest(entry.samples, ms);
        const Sample *sample = index >= 0 ? &entry.samples.at(index) : nullptr;
        const QString value = sample && std::abs(sample->ms - ms) <= reach && !std::isnan(sample->value)
            ? ChartUnits::format(sample->value, m_unit)
            : u"–"_s;
        lines << u"%1  %2"_s.arg(value, elided(entry.name, 60)) + (entry.alert ? tr(" (alert)") : QString());
        ++listed;
    }
    if (visible > listed)
        lines << tr("… and %n more", nullptr, visible - listed);
    m_hoverLabel->setText(lines.join(u'\n'));
    m_hoverLabel->setPos(6, 4);
    const QRectF text = m_hoverLabel->boundingRect();
    const QSizeF box(text.width() + 12, text.height() + 8);
    // Beside the crosshair, on whichever side has room.
    double x = position.x() + 12;
    if (x + box.width() > plot.right())
        x = std::max(plot.left(), position.x() - 12 - box.width());
    const double y
        = std::clamp(position.y() - box.height() / 2, plot.top(), std::max(plot.top(), plot.bottom() - box.height()));
    m_hoverBox->setRect(0, 0, box.width(), box.height());
    m_hoverBox->setPos(x, y);
    m_crosshair->setLine(position.x(), plot.top(), position.x(), plot.bottom());
    m_crosshair->show();
    m_hoverBox->show();
}

bool MetricChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::Resize && m_stack->currentWidget() == m_chartPage
        && !m_entries.isEmpty() && yTickCount() != m_tickCount)
        redraw();
    if (watched == m_view->viewport()) {
        if (event->type() == QEvent::MouseMove)
            hoverAt(static_cast<QMouseEvent *>(event)->position());
        else if (event->type() == QEvent::Leave)
            hideHover();
    }
    return QWidget::eventFilter(watched, event);
}

MetricChart::Highlight MetricChart::highlightPoint(const LabelMap &labels, qint64 timeMs)
{
    m_highlight = PointWanted{labelText(labels), timeMs};
    if (m_hasResult && m_result.ok)
        rebuild();
    return highlightState();
}

void MetricChart::clearHighlight()
{
    if (!m_highlight)
        return;
    m_highlight.reset();
    if (m_hasResult && m_result.ok)
        rebuild();
}

MetricChart::Highlight MetricChart::highlightState() const
{
    if (!m_hasResult)
        return Highlight::Loading;
    if (m_highlightIndex < 0)
        return Highlight::SeriesMissing;
    return m_highlightedSample ? Highlight::Shown : Highlight::OutsideWindow;
}

QString MetricChart::highlightedSeries() const
{
    return m_highlightIndex >= 0 && m_highlightIndex < m_entries.size() ? m_entries.at(m_highlightIndex).name
                                                                        : QString();
}
