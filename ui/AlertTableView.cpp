#include "AlertTableView.h"

#include "model/AlertGroupingProxyModel.h"
#include "model/AlertTableModel.h"

#include <QAbstractProxyModel>
#include <QActionGroup>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QStyledItemDelegate>

using namespace Qt::StringLiterals;

namespace {

// The row the details show stays marked when its selection is let go (a click on empty
// space, Ctrl+click): a light tint across the whole row instead of a focus frame around
// one cell, which reads like an open editor.
class CurrentRowDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->state &= ~QStyle::State_HasFocus;
        const auto *view = qobject_cast<const QAbstractItemView *>(option->widget);
        if (!view || (option->state & QStyle::State_Selected) || !view->currentIndex().isValid()
            || view->currentIndex().row() != index.row())
            return;
        QColor tint = option->palette.color(QPalette::Highlight);
        tint.setAlpha(50);
        option->backgroundBrush = tint;
    }
};

} // namespace

AlertTableView::AlertTableView(QWidget *parent)
    : QTableView(parent)
{
    setObjectName(u"alertTable"_s);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setSortingEnabled(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    verticalHeader()->hide();
    // The scroll bar counts rows: keeping a row in place is then exact.
    setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    setItemDelegate(new CurrentRowDelegate(this));

    QHeaderView *header = horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setMinimumSectionSize(40);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &AlertTableView::showColumnMenu);
}

void AlertTableView::setModel(QAbstractItemModel *model)
{
    if (QAbstractItemModel *old = this->model())
        disconnect(old, nullptr, this, nullptr);
    QTableView::setModel(model);
    if (!model)
        return;
    // Connected after the view's own handlers: the rows are in their new places then.
    auto remember = [this] { rememberSelectedPlace(); };
    auto restore = [this] { restoreSelectedPlace(); };
    connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, remember);
    connect(model, &QAbstractItemModel::layoutChanged, this, restore);
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, remember);
    connect(model, &QAbstractItemModel::rowsInserted, this, restore);
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, remember);
    connect(model, &QAbstractItemModel::rowsRemoved, this, restore);
}

void AlertTableView::setGrouping(AlertGroupingProxyModel *grouping, AlertTableModel *alerts)
{
    m_grouping = grouping;
    m_alerts = alerts;
    connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QModelIndex header = groupingIndex(index);
        if (m_grouping && m_grouping->isGroupHeader(header))
            m_grouping->toggle(header);
    });
}

QModelIndex AlertTableView::groupingIndex(const QModelIndex &viewIndex) const
{
    QModelIndex index = viewIndex;
    while (index.isValid() && index.model() != m_grouping) {
        const auto *proxy = qobject_cast<const QAbstractProxyModel *>(index.model());
        if (!proxy)
            return {};
        index = proxy->mapToSource(index);
    }
    return index;
}

void AlertTableView::addGroupingMenus(QMenu *menu)
{
    if (!m_grouping || !m_alerts)
        return;
    const QStringList labels = m_alerts->labelNames();
    QMenu *groupBy = menu->addMenu(tr("&Group by"));
    groupBy->setObjectName(u"groupByMenu"_s);
    auto *choices = new QActionGroup(groupBy);
    auto addChoice = [this, groupBy, choices](const QString &text, const QString &label) {
        QAction *action = groupBy->addAction(text, this, [this, label] { m_grouping->setGroupLabel(label); });
        action->setCheckable(true);
        action->setChecked(m_grouping->groupLabel() == label);
        action->setData(label);
        choices->addAction(action);
    };
    addChoice(tr("Nothing"), {});
    addChoice(tr("Alert name"), u"alertname"_s);
    groupBy->addSeparator();
    for (const QString &label : labels)
        if (label != u"alertname"_s)
            addChoice(label, label);

    QMenu *columns = menu->addMenu(tr("&Label columns"));
    columns->setObjectName(u"labelColumnsMenu"_s);
    QStringList known = labels;
    for (const QString &shown : m_alerts->labelColumns())
        if (!known.contains(shown))
            known << shown;
    for (const QString &label : std::as_const(known)) {
        QAction *action = columns->addAction(label);
        action->setCheckable(true);
        action->setChecked(m_alerts->labelColumns().contains(label));
        action->setData(label);
        connect(action, &QAction::toggled, this, [this, label](bool shown) {
            QStringList now = m_alerts->labelColumns();
            if (shown && !now.contains(label))
                now << label;
            else if (!shown)
                now.removeAll(label);
            m_alerts->setLabelColumns(now);
        });
    }
    if (known.isEmpty())
        columns->setEnabled(false);
}

void AlertTableView::rememberSelectedPlace()
{
    m_selectedOffset = -1;
    const QModelIndex current = currentIndex();
    if (!current.isValid() || !selectionModel()->isSelected(current))
        return;
    const int offset = current.row() - verticalScrollBar()->value();
    const int visibleRows = viewport()->height() / std::max(1, verticalHeader()->defaultSectionSize());
    if (offset >= 0 && offset <= visibleRows) // kept only while it is in view
        m_selectedOffset = offset;
}

void AlertTableView::restoreSelectedPlace()
{
    const int offset = std::exchange(m_selectedOffset, -1);
    const QModelIndex current = currentIndex();
    if (offset < 0 || !current.isValid())
        return;
    updateGeometries(); // the scroll bar's range for the new row count
    verticalScrollBar()->setValue(current.row() - offset);
}

void AlertTableView::keyPressEvent(QKeyEvent *event)
{
    const bool plain = (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
    // Esc lets go of the selected alert: held updates apply (see AlertFilterProxyModel).
    if (plain && event->key() == Qt::Key_Escape && selectionModel() && selectionModel()->hasSelection()) {
        selectionModel()->clear();
        event->accept();
        return;
    }
    if (plain && (event->key() == Qt::Key_J || event->key() == Qt::Key_K)) {
        QKeyEvent arrow(event->type(), event->key() == Qt::Key_J ? Qt::Key_Down : Qt::Key_Up, Qt::NoModifier);
        QTableView::keyPressEvent(&arrow);
        event->setAccepted(arrow.isAccepted());
        return;
    }
    QTableView::keyPressEvent(event);
}

void AlertTableView::applyDefaultColumns()
{
    static constexpr int widths[AlertTableModel::ColumnCount] = {120, 95, 190, 135, 260, 150, 95, 75, 95, 55};
    QHeaderView *header = horizontalHeader();
    for (int column = 0; column < AlertTableModel::ColumnCount; ++column) {
        header->setSectionResizeMode(column, QHeaderView::Interactive);
        setColumnWidth(column, widths[column]);
    }
    // The summary absorbs spare width so the other columns fit without scrolling.
    header->setSectionResizeMode(AlertTableModel::Summary, QHeaderView::Stretch);
    setColumnHidden(AlertTableModel::LastUpdate, true);
    // Triage order: the worst first, and within a severity the newest first.
    sortByColumn(AlertTableModel::SeverityColumn, Qt::AscendingOrder);
}

void AlertTableView::setEmptyText(const QString &text)
{
    m_emptyText = text;
    viewport()->update();
}

void AlertTableView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QTableView::currentChanged(current, previous);
    viewport()->update(); // the tint covers whole rows, not only the two cells
}

void AlertTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (m_emptyText.isEmpty() || (model() && model()->rowCount() > 0))
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QRect area = viewport()->rect().adjusted(24, 24, -24, -24);
    painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
}

void AlertTableView::showColumnMenu(const QPoint &position)
{
    createColumnMenu()->exec(horizontalHeader()->viewport()->mapToGlobal(position));
}

std::unique_ptr<QMenu> AlertTableView::createColumnMenu()
{
    auto menu = std::make_unique<QMenu>(this);
    menu->setObjectName(u"columnMenu"_s);
    for (int column = 0; column < model()->columnCount(); ++column) {
        QAction *action = menu->addAction(model()->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!isColumnHidden(column));
        // Never allow hiding the last visible column: the table would become unusable.
        connect(action, &QAction::toggled, this, [this, column](bool visible) {
            if (visible || horizontalHeader()->hiddenSectionCount() < model()->columnCount() - 1)
                setColumnHidden(column, !visible);
        });
    }
    menu->addSeparator();
    addGroupingMenus(menu.get());
    menu->addSeparator();
    menu->addAction(tr("Reset columns"), this, [this] {
        for (int column = 0; column < model()->columnCount(); ++column) {
            setColumnHidden(column, false);
            horizontalHeader()->moveSection(horizontalHeader()->visualIndex(column), column);
        }
        applyDefaultColumns();
    });
    return menu;
}
