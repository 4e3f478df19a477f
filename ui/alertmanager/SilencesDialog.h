#pragma once

#include "model/Alert.h"

#include <QDialog>
#include <QTime>

#include <functional>

class AlertmanagerSync;
class AlertmanagerClient;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class SilenceListModel;

// Silences (View → Silences, Ctrl+Shift+L): every silence the configured Alertmanagers
// report, active, pending and (on request) expired, with how many alerts each mutes
// now. Edit re-POSTs a silence with its id; Expire asks first, then DELETEs it. Not
// modal; refreshed when opened, after each change and after each catch-up.
class SilencesDialog final : public QDialog
{
    Q_OBJECT

public:
    // `shown` gives the alerts the console shows (for the edit dialog's preview).
    SilencesDialog(AlertmanagerSync *sync, std::function<QList<Alert>()> shown, QWidget *parent = nullptr);

    void refresh();
    SilenceListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // The silence at the view's current row: edit in a dialog, or expire after asking.
    void editCurrent();
    void expireCurrent();

signals:
    // A silence was created, changed or expired (the table's State column follows).
    void silencesChanged();

private:
    int currentRow() const;
    void updateButtons();
    void selectSilence(const QString &id);
    void report(const QString &text, bool problem = false);
    // "2 silence(s) listed, 1 more hidden by the filters, read at 10:42.": follows the
    // filters, so the count is always that of the rows listed.
    void showCount();

    AlertmanagerSync *m_sync;
    std::function<QList<Alert>()> m_shown;
    SilenceListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    AlertmanagerClient *m_client;
    QTableView *m_view;
    QCheckBox *m_active;
    QCheckBox *m_pending;
    QCheckBox *m_expired;
    QLineEdit *m_search;
    QLabel *m_status;
    QPushButton *m_edit;
    QPushButton *m_expire;
    QString m_selectAfterRefresh;
    QString m_lastAction; // said until the next refresh has read the list
    QString m_countPrefix; // the action the last read followed
    QTime m_readAt;
    bool m_countShown = false; // the status line is the count (not a problem or progress)
};
