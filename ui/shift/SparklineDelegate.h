#pragma once

#include <QStyledItemDelegate>

// Paints the list of counts on `role` (QList<int>) as a small line chart in the cell:
// the shape of a rule's firings over the period at a glance, scaled to its own peak.
class SparklineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit SparklineDelegate(int role, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_role;
};
