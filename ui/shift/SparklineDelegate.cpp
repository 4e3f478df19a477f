#include "shift/SparklineDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

SparklineDelegate::SparklineDelegate(int role, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(role)
{ }

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QList<int> counts = index.data(m_role).value<QList<int>>();
    if (counts.size() < 2)
        return;
    const int peak = std::max(1, *std::max_element(counts.begin(), counts.end()));
    const QRectF area = QRectF(option.rect).adjusted(4, 4, -4, -4);
    if (area.width() <= 0 || area.height() <= 0)
        return;
    const double step = area.width() / (counts.size() - 1);
    QPainterPath line;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        const QPointF point(area.left() + i * step, area.bottom() - area.height() * counts.at(i) / peak);
        i == 0 ? line.moveTo(point) : line.lineTo(point);
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option.state & QStyle::State_Selected;
    const QColor colour = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Highlight);
    QPainterPath filled = line;
    filled.lineTo(area.right(), area.bottom());
    filled.lineTo(area.left(), area.bottom());
    filled.closeSubpath();
    QColor fill = colour;
    fill.setAlpha(50);
    painter->fillPath(filled, fill);
    painter->setPen(QPen(colour, 1.5));
    painter->drawPath(line);
    painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize text = QStyledItemDelegate::sizeHint(option, index);
    return {std::max(text.width(), 120), text.height()};
}
