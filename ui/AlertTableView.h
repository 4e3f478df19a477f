#pragma once

#include <QTableView>

#include <memory>

class AlertGroupingProxyModel;
class AlertTableModel;
class QMenu;

// The live alert table: sensible default columns, Summary taking the spare width,
// a header context menu to show or hide columns, and j/k to move. The selected
// alert stays where it is on screen while rows above it come and go, and Esc
// clears the selection.
class AlertTableView final : public QTableView
{
    Q_OBJECT

public:
    explicit AlertTableView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    // Call after setModel(): widths, hidden columns and the default sort (severity,
    // then newest first).
    void applyDefaultColumns();

    // What the header menu's "Group by" and "Label columns" change; Enter or a double
    // click on a group's header row folds it.
    void setGrouping(AlertGroupingProxyModel *grouping, AlertTableModel *alerts);

    // Shown in the empty table, so a first run is not a blank grey box.
    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }

    // The header's context menu (column visibility, reset); the caller owns it.
    std::unique_ptr<QMenu> createColumnMenu();

protected:
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void paintEvent(QPaintEvent *event) override;
    // j and k move like Down and Up (as in mail readers and pagers).
    void keyPressEvent(QKeyEvent *event) override;

private:
    void showColumnMenu(const QPoint &position);
    // Around a change of the rows: where the selected row is on screen, then put it back.
    void rememberSelectedPlace();
    void restoreSelectedPlace();

    void addGroupingMenus(QMenu *menu);
    QModelIndex groupingIndex(const QModelIndex &viewIndex) const;

    QString m_emptyText;
    AlertGroupingProxyModel *m_grouping = nullptr;
    AlertTableModel *m_alerts = nullptr;
    int m_selectedOffset = -1; // rows from the top of the viewport; -1: nothing to keep
};
