#pragma once

#include "model/AlertFilterProxyModel.h"

#include <QTimer>
#include <QWidget>

class HistorySearch;
class QButtonGroup;
class QLabel;
class QLineEdit;
class QToolButton;

// Above the alert table: free text and Alertmanager-style matchers, which states to
// show, and how many alerts the filter hides. Typing is debounced so a storm of
// keystrokes on a big table does not refilter on every key.
class FilterBar final : public QWidget
{
    Q_OBJECT

public:
    explicit FilterBar(AlertFilterProxyModel *proxy, QWidget *parent = nullptr);

    void focusFilter();
    QLineEdit *lineEdit() const { return m_edit; }
    // The show/hide toggle for replayed alerts; visible while there are any.
    QToolButton *replayedToggle() const { return m_replayed; }
    // Applies the typed text now (tests, Enter key).
    void applyNow();
    // Clears the text and shows every state (an alert asked for must be visible).
    void showEverything();
    // With a filter typed, offers to look for older alerts in the store too (the table
    // holds the recent ones only). Not owned.
    void setHistorySearch(HistorySearch *history);
    QToolButton *historyButton() const { return m_historyButton; }

    // Above this cost per application, typing is applied after a pause instead.
    static constexpr int slowFilterMs = 40;
    static constexpr int typingPauseMs = 150;

signals:
    // The typed text was parsed and, if valid, the table shows its result.
    void filterApplied();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showHidden(int hidden);
    void searchHistory();
    void showHistoryFound(int found, bool more, const QString &error);
    void updateHistoryButton();

    AlertFilterProxyModel *m_proxy;
    QLineEdit *m_edit;
    QButtonGroup *m_states;
    QToolButton *m_replayed;
    QLabel *m_status;
    QToolButton *m_historyButton;
    HistorySearch *m_history = nullptr;
    AlertFilter m_appliedFilter; // the last valid filter applied
    QString m_appliedText;
    QString m_historyStatus; // what the last history search found
    QTimer m_debounce;
    QString m_error;
};
