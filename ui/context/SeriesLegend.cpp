#include "SeriesLegend.h"

#include "model/AlertTableModel.h"

#include <QPainter>
#include <QPixmap>

using namespace Qt::StringLiterals;

SeriesLegend::SeriesLegend(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(u"seriesLegend"_s);
    setTextElideMode(Qt::ElideMiddle);
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::TabFocus);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    connect(this, &QListWidget::itemChanged, this,
            [this](QListWidgetItem *item) { emit visibilityChanged(row(item), item->checkState() == Qt::Checked); });
}

void SeriesLegend::setEntries(const QList<Entry> &entries)
{
    const QSignalBlocker quiet(this); // filling is not toggling
    clear();
    const int side = fontMetrics().height() - 4;
    for (const Entry &entry : entries) {
        QPixmap swatch(side * 2, side);
        swatch.fill(Qt::transparent);
        QPainter painter(&swatch);
        painter.setPen(QPen(entry.color, entry.alert ? 3 : 1.5));
        painter.drawLine(0, side / 2, side * 2, side / 2);
        painter.end();
        // Plain text: label values are the sender's and never markup here.
        auto *item = new QListWidgetItem(QIcon(swatch), entry.name, this);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(entry.visible ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(AlertTableModel::plainToolTip(entry.alert ? tr("%1\n(the alert's own series)").arg(entry.name)
                                                                   : entry.name));
        if (entry.alert) {
            QFont bold = font();
            bold.setBold(true);
            item->setFont(bold);
        }
    }
    const int rows = std::min<int>(int(entries.size()), maxShownRows);
    setFixedHeight(rows == 0 ? 0 : rows * sizeHintForRow(0) + 2 * frameWidth() + 2);
    setVisible(!entries.isEmpty());
}
