#include "MetricChart.h"

#include "context/ChartData.h"
#include "model/AlertTableModel.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QDateTimeAxis>
#include <QDesktopServices>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QStackedWidget>
#include <QToolButton>
#include <QToolTip>
#include <QUrlQuery>
#include <QVBoxLayout>
#include <QValueAxis>

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

} // namespace

MetricChart::MetricChart(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel)
    , m_edit(new QLineEdit)
    , m_more(toolButton({}, tr("Show every series, not only the ten highest"), u"moreSeries"_s))
    , m_stack(new QStackedWidget)
    , m_view(new QChartView)
    , m_message(new QLabel)
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
    m_view->setMinimumHeight(240);
    m_view->chart()->legend()->setAlignment(Qt::AlignBottom);
    m_view->chart()->setMargins(QMargins(4, 4, 4, 4));
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_message);

    auto *copy = toolButton(tr("Copy"), tr("Copy the query"), u"copyQuery"_s);
    auto *open
        = toolButton(tr("Open in Prometheus"), tr("The same window in Prometheus' graph page"), u"openPrometheus"_s);
    auto *png = toolButton(tr("PNG…"), tr("Save the chart as a picture"), u"exportPng"_s);
    auto *reset = toolButton(tr("Reset zoom"),
                             tr("Drag across the chart to zoom in; this shows the whole window again"), u"resetZoom"_s);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    for (QToolButton *button : {m_more, reset, copy, open, png})
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
    connect(reset, &QToolButton::clicked, this, [this] { m_view->chart()->zoomReset(); });
    connect(m_more, &QToolButton::toggled, this, &MetricChart::setShowAllSeries);
}

QChart *MetricChart::chart() const
{
    return m_view->chart();
}

void MetricChart::setQuery(const ContextPlan::MetricQuery &query)
{
    m_query = query;
    m_title->setText(query.threshold
                         ? tr("%1 — threshold %2 %3").arg(query.title, query.comparison).arg(*query.threshold)
                         : query.title);
    m_title->setToolTip(AlertTableModel::plainToolTip(m_title->text()));
    m_edit->setText(query.expression);
}

void MetricChart::setAlertTimes(const QDateTime &startsAt, const QDateTime &endsAt)
{
    m_startsAt = startsAt;
    m_endsAt = endsAt;
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

void MetricChart::showMessage(const QString &text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
    m_more->hide();
    m_drawnSeries = 0;
}

void MetricChart::showLoading(const ContextPlan::Window &window)
{
    m_window = window;
    m_hasResult = false;
    showMessage(tr("Loading %1…").arg(windowText(window)));
}

void MetricChart::showResult(const MetricResult &result, const ContextPlan::Window &window)
{
    m_window = window;
    m_result = result;
    m_hasResult = true;
    rebuild();
}

void MetricChart::setShowAllSeries(bool all)
{
    m_showAll = all;
    if (m_more->isChecked() != all)
        m_more->setChecked(all);
    rebuild();
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
    return m_view->grab().save(file, "PNG");
}

void MetricChart::rebuild()
{
    QChart *chart = m_view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    if (!m_result.ok) {
        showMessage(m_result.errorType.isEmpty() || m_result.errorType == u"network"_s
                        ? tr("Prometheus could not be asked: %1").arg(m_result.error)
                        : tr("Prometheus refused the query (%1): %2").arg(m_result.errorType, m_result.error));
        return;
    }
    if (m_result.series.isEmpty()) {
        showMessage(tr("No data for %1 in %2").arg(queryText(), windowText(m_window)));
        return;
    }
    // The highest peaks first: those are the series that explain an alert.
    QList<const Series *> ranked;
    for (const Series &series : m_result.series)
        ranked.append(&series);
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const Series *a, const Series *b) { return ChartData::peak(*a) > ChartData::peak(*b); });
    const qsizetype drawn = m_showAll ? ranked.size() : std::min<qsizetype>(shownSeries, ranked.size());
    m_more->setVisible(ranked.size() > shownSeries);
    m_more->setText(m_showAll ? tr("Top %1 only").arg(shownSeries) : tr("+%1 more").arg(ranked.size() - shownSeries));

    auto *xAxis = new QDateTimeAxis;
    xAxis->setFormat(m_window.start.secsTo(m_window.end) > 86400 ? u"MM-dd HH:mm"_s : u"HH:mm"_s);
    xAxis->setRange(m_window.start.toLocalTime(), m_window.end.toLocalTime());
    auto *yAxis = new QValueAxis;
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    auto attach = [&](QLineSeries *line) {
        chart->addSeries(line);
        line->attachAxis(xAxis);
        line->attachAxis(yAxis);
    };
    static const QList<QColor> palette{QColor(0x1e, 0x88, 0xe5), QColor(0xe5, 0x39, 0x35), QColor(0x43, 0xa0, 0x47),
                                       QColor(0xfb, 0x8c, 0x00), QColor(0x8e, 0x24, 0xaa), QColor(0x00, 0xac, 0xc1),
                                       QColor(0x6d, 0x4c, 0x41), QColor(0xd8, 0x1b, 0x60), QColor(0x7c, 0xb3, 0x42),
                                       QColor(0x54, 0x6e, 0x7a)};
    for (qsizetype i = 0; i < drawn; ++i) {
        const Series &series = *ranked.at(i);
        const QString name = labelText(series.labels);
        const QList<QList<Sample>> parts = ChartData::segments(series.samples);
        const int budget = std::max(3, int(maxDrawnPoints / std::max<qsizetype>(1, parts.size())));
        bool first = true;
        for (const QList<Sample> &part : parts) {
            auto *line = new QLineSeries;
            line->setPen(QPen(palette.at(i % palette.size()), 1.6));
            QList<QPointF> points;
            for (const Sample &sample : ChartData::lttb(part, budget)) {
                points.append(QPointF(double(sample.ms), sample.value));
                low = std::min(low, sample.value);
                high = std::max(high, sample.value);
            }
            line->replace(points);
            line->setName(name.toHtmlEscaped()); // the legend reads series names as HTML
            attach(line);
            // One legend entry per series, however many gaps split it.
            if (!first)
                chart->legend()->markers(line).constFirst()->setVisible(false);
            first = false;
            connect(line, &QLineSeries::hovered, this, [name](const QPointF &point, bool state) {
                if (!state) {
                    QToolTip::hideText();
                    return;
                }
                QToolTip::showText(
                    QCursor::pos(),
                    AlertTableModel::plainToolTip(u"%1\n%2\n%3"_s.arg(name,
                                                                      QDateTime::fromMSecsSinceEpoch(qint64(point.x()))
                                                                          .toLocalTime()
                                                                          .toString(u"yyyy-MM-dd HH:mm:ss"_s),
                                                                      QString::number(point.y(), 'g', 6))));
            });
        }
    }
    m_drawnSeries = int(drawn);
    if (!std::isfinite(low)) {
        showMessage(tr("No data for %1 in %2").arg(queryText(), windowText(m_window)));
        return;
    }
    if (m_query.threshold) {
        low = std::min(low, *m_query.threshold);
        high = std::max(high, *m_query.threshold);
    }
    const double pad = high > low ? (high - low) * 0.08 : std::max(1.0, std::abs(high) * 0.1);
    yAxis->setRange(low - pad, high + pad);
    yAxis->setTickCount(5); // labels that fit a 200-pixel chart
    yAxis->applyNiceNumbers();
    yAxis->setLabelFormat(u"%.4g"_s);

    auto marker = [&](const QString &name, const QColor &color, Qt::PenStyle style, const QList<QPointF> &points) {
        auto *line = new QLineSeries;
        line->setName(name.toHtmlEscaped()); // "threshold < 5"
        QPen pen(color, 1.4);
        pen.setStyle(style);
        line->setPen(pen);
        line->replace(points);
        attach(line);
    };
    const double yMin = yAxis->min();
    const double yMax = yAxis->max();
    const double xStart = double(m_window.start.toMSecsSinceEpoch());
    const double xEnd = double(m_window.end.toMSecsSinceEpoch());
    if (m_query.threshold)
        marker(tr("threshold %1 %2").arg(m_query.comparison).arg(*m_query.threshold), QColor(0xc6, 0x28, 0x28),
               Qt::DashLine, {{xStart, *m_query.threshold}, {xEnd, *m_query.threshold}});
    if (m_startsAt.isValid() && m_startsAt >= m_window.start && m_startsAt <= m_window.end) {
        const double x = double(m_startsAt.toMSecsSinceEpoch());
        marker(tr("alert started"), QColor(0xfb, 0x8c, 0x00), Qt::DotLine, {{x, yMin}, {x, yMax}});
    }
    if (m_endsAt.isValid() && m_endsAt >= m_window.start && m_endsAt <= m_window.end) {
        const double x = double(m_endsAt.toMSecsSinceEpoch());
        marker(tr("resolved"), QColor(0x2e, 0x7d, 0x32), Qt::DotLine, {{x, yMin}, {x, yMax}});
    }
    m_stack->setCurrentWidget(m_view);
}
