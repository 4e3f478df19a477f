#include "incidents/IncidentTimeline.h"

#include "SeverityStyle.h"
#include "context/ChartUnits.h"
#include "model/AlertTableModel.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr int axisHeight = 22;
constexpr int margin = 6;
} // namespace

IncidentTimeline::IncidentTimeline(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAccessibleName(tr("Incident timeline"));
}

void IncidentTimeline::setMembers(const QList<Alert> &members, const QDateTime &now)
{
    m_members = members;
    m_nowMs = now.toMSecsSinceEpoch();
    m_fromMs = m_toMs = 0;
    for (qsizetype i = 0; i < m_members.size() && i < maxLanes; ++i) {
        const qint64 start = m_members.at(i).startsAt.toMSecsSinceEpoch();
        const qint64 end = endOf(m_members.at(i));
        m_fromMs = i == 0 ? start : std::min(m_fromMs, start);
        m_toMs = i == 0 ? end : std::max(m_toMs, end);
    }
    // A little room either side, and never a zero-width range.
    const qint64 span = std::max<qint64>(m_toMs - m_fromMs, 60'000);
    m_fromMs -= span / 20;
    m_toMs = m_fromMs + span + span / 10;
    updateGeometry();
    update();
}

qint64 IncidentTimeline::endOf(const Alert &alert) const
{
    if (alert.state == AlertState::Resolved && alert.endsAt.isValid())
        return std::max(alert.endsAt.toMSecsSinceEpoch(), alert.startsAt.toMSecsSinceEpoch());
    return std::max(m_nowMs, alert.startsAt.toMSecsSinceEpoch());
}

int IncidentTimeline::laneHeight() const
{
    return fontMetrics().height() + 8;
}

int IncidentTimeline::labelWidth() const
{
    return std::clamp(width() / 4, fontMetrics().averageCharWidth() * 12, fontMetrics().averageCharWidth() * 28);
}

QRect IncidentTimeline::plotRect() const
{
    const int lanes = laneCount() + (m_members.size() > maxLanes ? 1 : 0);
    return QRect(labelWidth() + margin, margin, width() - labelWidth() - 2 * margin, lanes * laneHeight());
}

int IncidentTimeline::xOf(qint64 ms) const
{
    const QRect plot = plotRect();
    if (m_toMs <= m_fromMs)
        return plot.left();
    return plot.left() + int(double(ms - m_fromMs) / double(m_toMs - m_fromMs) * plot.width());
}

QRect IncidentTimeline::barRect(int lane) const
{
    if (lane < 0 || lane >= laneCount())
        return {};
    const Alert &alert = m_members.at(lane);
    const int top = plotRect().top() + lane * laneHeight() + 3;
    const int left = xOf(alert.startsAt.toMSecsSinceEpoch());
    const int right = std::max(left + 3, xOf(endOf(alert)));
    return QRect(QPoint(left, top), QPoint(right, top + laneHeight() - 7));
}

int IncidentTimeline::laneAt(const QPoint &point) const
{
    const QRect plot = plotRect();
    if (point.y() < plot.top() || point.x() < 0 || point.x() > width())
        return -1;
    const int lane = (point.y() - plot.top()) / laneHeight();
    return lane < laneCount() ? lane : -1;
}

QSize IncidentTimeline::sizeHint() const
{
    const int lanes = std::max(1, laneCount() + (m_members.size() > maxLanes ? 1 : 0));
    return QSize(480, 2 * margin + lanes * laneHeight() + axisHeight);
}

QSize IncidentTimeline::minimumSizeHint() const
{
    // Up to three lanes and the time axis stay readable however the splitters are set.
    const int lanes = std::clamp(laneCount(), 1, 3);
    return QSize(240, 2 * margin + lanes * laneHeight() + axisHeight);
}

void IncidentTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    painter.fillRect(rect(), pal.base());
    const QRect plot = plotRect();
    if (m_members.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No alerts in this incident."));
        return;
    }

    // Time grid and labels on whole local minutes or hours.
    const int offset = QDateTime::fromMSecsSinceEpoch(m_fromMs).offsetFromUtc();
    const ChartUnits::TimeAxis axis = ChartUnits::timeAxis(m_fromMs, m_toMs, std::max(2, plot.width() / 90), offset);
    const QColor grid = pal.color(QPalette::Mid);
    for (qsizetype i = 0; i < axis.ticks.size(); ++i) {
        const int x = xOf(axis.ticks.at(i));
        painter.setPen(QPen(grid, 0, Qt::DotLine));
        painter.drawLine(x, plot.top(), x, plot.bottom() + 2);
        painter.setPen(pal.color(QPalette::Text));
        const QRect label(x - 45, plot.bottom() + 4, 90, axisHeight - 4);
        painter.drawText(label, Qt::AlignHCenter | Qt::AlignTop, axis.labels.at(i));
    }
    if (m_nowMs >= m_fromMs && m_nowMs <= m_toMs) {
        painter.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DashLine));
        painter.drawLine(xOf(m_nowMs), plot.top(), xOf(m_nowMs), plot.bottom());
    }

    const QFontMetrics metrics = fontMetrics();
    for (int lane = 0; lane < laneCount(); ++lane) {
        const Alert &alert = m_members.at(lane);
        const int top = plot.top() + lane * laneHeight();
        if (lane % 2 == 1)
            painter.fillRect(QRect(0, top, width(), laneHeight()), pal.alternateBase());
        painter.setPen(pal.color(QPalette::Text));
        const QString label = alert.target().isEmpty() ? alert.name : alert.name + u" · "_s + alert.target();
        painter.drawText(QRect(margin, top, labelWidth() - margin, laneHeight()), Qt::AlignVCenter | Qt::AlignLeft,
                         metrics.elidedText(label, Qt::ElideRight, labelWidth() - margin));
        const QRect bar = barRect(lane);
        QColor fill = SeverityStyle::color(alert.severity, pal);
        const bool firing = alert.state == AlertState::Firing;
        if (!firing)
            fill.setAlpha(150);
        QPainterPath path;
        path.addRoundedRect(bar, 3, 3);
        painter.fillPath(path, fill);
        if (firing) {
            // Still going: an open end fading out to the right.
            QLinearGradient fade(bar.right() - 12, 0, bar.right(), 0);
            fade.setColorAt(0, Qt::transparent);
            fade.setColorAt(1, pal.color(QPalette::Base));
            painter.fillRect(QRect(bar.right() - 12, bar.top(), 13, bar.height()), fade);
        }
    }
    if (m_members.size() > maxLanes) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        const int top = plot.top() + laneCount() * laneHeight();
        painter.drawText(QRect(margin, top, width() - 2 * margin, laneHeight()), Qt::AlignVCenter | Qt::AlignLeft,
                         tr("and %n more alert(s)", nullptr, int(m_members.size() - maxLanes)));
    }
}

bool IncidentTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int lane = laneAt(help->pos());
        if (lane < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const Alert &alert = m_members.at(lane);
        const QString end = alert.state == AlertState::Firing
            ? tr("still firing")
            : tr("resolved %1").arg(QLocale().toString(alert.endsAt.toLocalTime(), QLocale::ShortFormat));
        const QString text
            = tr("%1\nstarted %2, %3")
                  .arg(alert.name, QLocale().toString(alert.startsAt.toLocalTime(), QLocale::ShortFormat), end);
        QToolTip::showText(help->globalPos(), AlertTableModel::plainToolTip(text), this);
        return true;
    }
    return QWidget::event(event);
}

void IncidentTimeline::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        if (const int lane = laneAt(event->position().toPoint()); lane >= 0)
            emit alertActivated(m_members.at(lane));
    QWidget::mouseReleaseEvent(event);
}
