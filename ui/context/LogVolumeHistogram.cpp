#include "LogVolumeHistogram.h"

#include "context/ContextPlan.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int errorSlot = 0;
constexpr int warningSlot = 1;
constexpr int infoSlot = 2;
constexpr int debugSlot = 3;

int slotOf(LogLevel::Level level)
{
    switch (level) {
    case LogLevel::Level::Error: return errorSlot;
    case LogLevel::Level::Warning: return warningSlot;
    case LogLevel::Level::Debug: return debugSlot;
    case LogLevel::Level::Info:
    case LogLevel::Level::None: break;
    }
    return infoSlot;
}

// The Logs tab's line colours; info and unlevelled lines in a neutral blue-grey.
const QColor slotColours[]
    = {QColor(0xe5, 0x39, 0x35), QColor(0xef, 0x8f, 0x00), QColor(0x78, 0x90, 0x9c), QColor(0xb0, 0xb0, 0xb0)};

QString timeText(qint64 ns)
{
    return QDateTime::fromMSecsSinceEpoch(ns / 1'000'000).toLocalTime().toString(u"HH:mm:ss"_s);
}

} // namespace

LogVolumeHistogram::LogVolumeHistogram(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"logVolume"_s);
    setMouseTracking(true);
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFixedHeight(64);
    setAccessibleName(tr("Log volume"));
}

void LogVolumeHistogram::clear()
{
    m_buckets.clear();
    m_markerNs = -1;
    m_peak = 0;
    update();
}

void LogVolumeHistogram::setEntries(const QList<Entry> &entries, qint64 fromNs, qint64 toNs, qint64 markerNs)
{
    m_buckets.clear();
    m_peak = 0;
    m_markerNs = markerNs;
    if (toNs <= fromNs) {
        if (entries.isEmpty()) {
            update();
            return;
        }
        const auto [low, high] = std::minmax_element(entries.cbegin(), entries.cend(),
                                                     [](const Entry &a, const Entry &b) { return a.ns < b.ns; });
        fromNs = low->ns;
        toNs = high->ns + 1;
        if (markerNs >= 0) {
            fromNs = std::min(fromNs, markerNs);
            toNs = std::max(toNs, markerNs + 1);
        }
    }
    // A round bucket (1 s, 2 s, 5 s, 10 s, 15 s, 30 s, 1 min…) starting on a round
    // time, so bucket edges are times people read.
    const qint64 second = 1'000'000'000;
    m_bucketNs = qint64(ContextPlan::stepFor((toNs - fromNs + second - 1) / second, maxBuckets)) * second;
    m_fromNs = fromNs - fromNs % m_bucketNs;
    const qsizetype count = std::clamp<qint64>((toNs - m_fromNs + m_bucketNs - 1) / m_bucketNs, 1, maxBuckets + 1);
    m_buckets.resize(count, Counts{});
    for (const Entry &entry : entries) {
        if (entry.ns < m_fromNs)
            continue;
        const qint64 index = (entry.ns - m_fromNs) / m_bucketNs;
        if (index >= count)
            continue;
        ++m_buckets[index][slotOf(entry.level)];
    }
    for (const Counts &counts : std::as_const(m_buckets))
        m_peak = std::max(m_peak, counts[0] + counts[1] + counts[2] + counts[3]);
    update();
}

int LogVolumeHistogram::linesIn(int index) const
{
    if (index < 0 || index >= m_buckets.size())
        return 0;
    const Counts &counts = m_buckets.at(index);
    return counts[0] + counts[1] + counts[2] + counts[3];
}

qint64 LogVolumeHistogram::bucketStartNs(int index) const
{
    return m_fromNs + qint64(index) * m_bucketNs;
}

QRect LogVolumeHistogram::plotArea() const
{
    // Room at the bottom for the first and last time.
    return rect().adjusted(2, 4, -2, -fontMetrics().height() - 2);
}

int LogVolumeHistogram::xOf(qint64 ns) const
{
    const QRect area = plotArea();
    const double span = double(m_bucketNs) * double(m_buckets.size());
    return area.left() + int(std::round(double(ns - m_fromNs) / span * area.width()));
}

int LogVolumeHistogram::bucketAt(int x) const
{
    const QRect area = plotArea();
    if (m_buckets.isEmpty() || x < area.left() || x > area.right())
        return -1;
    return std::clamp(int(qint64(x - area.left()) * m_buckets.size() / std::max(1, area.width())), 0,
                      int(m_buckets.size()) - 1);
}

int LogVolumeHistogram::markerX() const
{
    if (m_markerNs < 0 || m_buckets.isEmpty())
        return -1;
    const int x = xOf(m_markerNs);
    const QRect area = plotArea();
    return x < area.left() || x > area.right() ? -1 : x;
}

void LogVolumeHistogram::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect area = plotArea();
    const QColor axis = palette().color(QPalette::Mid);
    painter.setPen(axis);
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    if (m_buckets.isEmpty() || m_peak == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(area, Qt::AlignCenter, tr("No lines to count"));
        return;
    }
    const double barWidth = double(area.width()) / double(m_buckets.size());
    const double perLine = double(area.height()) / double(m_peak);
    painter.setPen(Qt::NoPen);
    for (qsizetype i = 0; i < m_buckets.size(); ++i) {
        const Counts &counts = m_buckets.at(i);
        const double left = area.left() + barWidth * double(i);
        double bottom = area.bottom();
        // Errors at the bottom: the first thing the eye finds.
        for (const int slot : {errorSlot, warningSlot, infoSlot, debugSlot}) {
            if (counts[slot] == 0)
                continue;
            const double height = std::max(1.0, counts[slot] * perLine);
            painter.setBrush(slotColours[slot]);
            painter.drawRect(QRectF(left + 0.5, bottom - height, std::max(1.0, barWidth - 1.0), height));
            bottom -= height;
        }
    }
    if (const int x = markerX(); x >= 0) {
        // Over the bars, with a small flag at the top: the alert's start.
        const QColor marker(0xfb, 0x8c, 0x00);
        painter.setPen(QPen(marker, 2));
        painter.drawLine(x, area.top(), x, area.bottom());
        painter.setPen(Qt::NoPen);
        painter.setBrush(marker);
        painter.drawPolygon(
            QPolygon({QPoint(x - 5, area.top() - 4), QPoint(x + 5, area.top() - 4), QPoint(x, area.top() + 3)}));
    }
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QRect labels(area.left(), area.bottom() + 1, area.width(), fontMetrics().height());
    painter.drawText(labels, Qt::AlignLeft | Qt::AlignTop, timeText(m_fromNs));
    painter.drawText(labels, Qt::AlignRight | Qt::AlignTop, timeText(bucketStartNs(int(m_buckets.size()))));
    const qint64 seconds = m_bucketNs / 1'000'000'000;
    painter.drawText(labels, Qt::AlignHCenter | Qt::AlignTop,
                     seconds % 60 == 0 ? tr("up to %Ln line(s) per %1 min", nullptr, m_peak).arg(seconds / 60)
                                       : tr("up to %Ln line(s) per %1 s", nullptr, m_peak).arg(seconds));
}

void LogVolumeHistogram::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    if (const int index = bucketAt(int(event->position().x())); index >= 0 && linesIn(index) > 0)
        emit bucketClicked(bucketStartNs(index));
}

bool LogVolumeHistogram::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int index = bucketAt(help->pos().x());
        if (index < 0) {
            QToolTip::hideText();
            return true;
        }
        const Counts &counts = m_buckets.at(index);
        QToolTip::showText(help->globalPos(),
                           tr("%1 – %2: %Ln line(s)\n%3 error, %4 warning, %5 other", nullptr, linesIn(index))
                               .arg(timeText(bucketStartNs(index)), timeText(bucketStartNs(index + 1)))
                               .arg(counts[errorSlot])
                               .arg(counts[warningSlot])
                               .arg(counts[infoSlot] + counts[debugSlot]),
                           this);
        return true;
    }
    return QWidget::event(event);
}
