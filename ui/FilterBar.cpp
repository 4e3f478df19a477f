#include "FilterBar.h"

#include "store/HistorySearch.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QElapsedTimer>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScopeGuard>
#include <QToolButton>

using namespace Qt::StringLiterals;

FilterBar::FilterBar(AlertFilterProxyModel *proxy, QWidget *parent)
    : QWidget(parent)
    , m_proxy(proxy)
    , m_edit(new QLineEdit(this))
    , m_states(new QButtonGroup(this))
    , m_replayed(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_historyButton(new QToolButton(this))
{
    setObjectName(u"filterBar"_s);
    m_edit->setObjectName(u"filterEdit"_s);
    m_edit->setClearButtonEnabled(true);
    m_edit->setPlaceholderText(
        tr("Filter (Ctrl+F): words, or matchers such as severity=\"critical\" instance=~\"db-.*\""));
    m_edit->setToolTip(
        tr("Free words match the name, summary, target and label values.\n"
           "Matchers work like Alertmanager's: name=\"v\", name!=\"v\", name=~\"regex\", name!~\"regex\"."));
    m_edit->installEventFilter(this);
    m_status->setObjectName(u"filterStatus"_s);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    const std::pair<AlertFilterProxyModel::StateFilter, QString> states[] = {
        {AlertFilterProxyModel::StateFilter::Firing, tr("Firing")},
        {AlertFilterProxyModel::StateFilter::All, tr("All")},
        {AlertFilterProxyModel::StateFilter::Resolved, tr("Resolved")},
    };
    for (const auto &[state, label] : states) {
        auto *button = new QToolButton(this);
        button->setText(label);
        button->setCheckable(true);
        button->setObjectName(u"stateFilter"_s + label);
        m_states->addButton(button, static_cast<int>(state));
        layout->addWidget(button);
    }
    m_states->button(static_cast<int>(proxy->stateFilter()))->setChecked(true);
    // Shown while replayed alerts are in the table: they can be hidden with one click.
    m_replayed->setObjectName(u"showReplayed"_s);
    m_replayed->setText(tr("Replayed"));
    m_replayed->setToolTip(tr("Show alerts from replay sessions beside the live ones"));
    m_replayed->setCheckable(true);
    m_replayed->setChecked(proxy->showReplayed());
    m_replayed->hide();
    connect(m_replayed, &QToolButton::toggled, proxy, &AlertFilterProxyModel::setShowReplayed);
    layout->addWidget(m_replayed);
    layout->addWidget(m_status);
    // Shown while a filter is typed: the table holds the recent alerts only.
    m_historyButton->setObjectName(u"searchHistory"_s);
    m_historyButton->setText(tr("Search older history"));
    m_historyButton->hide();
    connect(m_historyButton, &QToolButton::clicked, this, &FilterBar::searchHistory);
    layout->addWidget(m_historyButton);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(0); // the next event-loop pass: keys typed meanwhile are applied together
    connect(&m_debounce, &QTimer::timeout, this, &FilterBar::applyNow);
    connect(m_edit, &QLineEdit::textEdited, &m_debounce, qOverload<>(&QTimer::start));
    connect(m_edit, &QLineEdit::returnPressed, this, &FilterBar::applyNow);
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty()) // the clear button
            applyNow();
    });
    connect(m_states, &QButtonGroup::idClicked, this,
            [this](int id) { m_proxy->setStateFilter(static_cast<AlertFilterProxyModel::StateFilter>(id)); });
    connect(proxy, &AlertFilterProxyModel::hiddenCountChanged, this, &FilterBar::showHidden);
    showHidden(proxy->hiddenCount());
}

void FilterBar::focusFilter()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void FilterBar::showEverything()
{
    m_edit->clear();
    applyNow();
    if (QAbstractButton *all = m_states->button(static_cast<int>(AlertFilterProxyModel::StateFilter::All)))
        all->click();
}

void FilterBar::applyNow()
{
    m_debounce.stop();
    // Filtering is immediate while it is cheap; when it gets slow (a very large table,
    // heavy regular expressions) wait for a pause in typing instead.
    QElapsedTimer cost;
    cost.start();
    const auto adaptDelay
        = qScopeGuard([this, &cost] { m_debounce.setInterval(cost.elapsed() > slowFilterMs ? typingPauseMs : 0); });
    const Result<AlertFilter> parsed = AlertFilter::parse(m_edit->text());
    if (!parsed) {
        // Keep showing what the last valid filter showed; say what is wrong here.
        m_error = parsed.error();
        m_edit->setStyleSheet(u"QLineEdit { border: 1px solid #d32f2f; }"_s);
        showHidden(m_proxy->hiddenCount());
        emit filterApplied();
        return;
    }
    m_error.clear();
    m_edit->setStyleSheet({});
    m_proxy->setAlertFilter(*parsed);
    if (m_edit->text() != m_appliedText) {
        // Another search: the older alerts found for the last one leave the table.
        if (m_history)
            m_history->clear();
        m_historyStatus.clear();
        m_appliedText = m_edit->text();
        m_appliedFilter = *parsed;
    }
    updateHistoryButton();
    showHidden(m_proxy->hiddenCount());
    emit filterApplied();
}

void FilterBar::setHistorySearch(HistorySearch *history)
{
    m_history = history;
    if (m_history)
        connect(m_history, &HistorySearch::finished, this, &FilterBar::showHistoryFound);
    updateHistoryButton();
}

void FilterBar::updateHistoryButton()
{
    m_historyButton->setVisible(m_history && !m_appliedFilter.isEmpty() && m_error.isEmpty());
    if (!m_history)
        return;
    const bool searching = m_history->isSearching();
    m_historyButton->setEnabled(!searching && m_historyStatus.isEmpty());
    m_historyButton->setText(searching ? tr("Searching older history…") : tr("Search older history"));
    m_historyButton->setToolTip(tr("The table holds firing alerts and those resolved within the last %n hours. "
                                   "Look for older resolved alerts matching this filter in the store.",
                                   nullptr, m_history->workingSetHours()));
}

void FilterBar::searchHistory()
{
    if (!m_history || m_appliedFilter.isEmpty())
        return;
    // The older alerts are resolved ones: a table showing firing alerts only would hide them.
    if (m_proxy->stateFilter() == AlertFilterProxyModel::StateFilter::Firing)
        if (QAbstractButton *all = m_states->button(static_cast<int>(AlertFilterProxyModel::StateFilter::All)))
            all->click();
    m_history->search(m_appliedFilter);
    updateHistoryButton();
}

void FilterBar::showHistoryFound(int found, bool more, const QString &error)
{
    if (!error.isEmpty())
        m_historyStatus = tr("The older history could not be searched: %1").arg(error);
    else if (more)
        m_historyStatus = tr("%n older alerts added from the store; there are more: narrow the filter to see them.",
                             nullptr, found);
    else
        m_historyStatus = tr("%n older alerts added from the store", nullptr, found);
    updateHistoryButton();
    showHidden(m_proxy->hiddenCount());
}

void FilterBar::showHidden(int hidden)
{
    if (!m_error.isEmpty()) {
        m_status->setTextFormat(Qt::RichText);
        m_status->setText(u"<span style='color:#d32f2f'>%1</span>"_s.arg(m_error.toHtmlEscaped()));
        m_status->setVisible(true);
        return;
    }
    QStringList parts;
    if (hidden > 0)
        parts << tr("%n hidden by the filter", nullptr, hidden);
    if (!m_historyStatus.isEmpty())
        parts << m_historyStatus;
    m_status->setTextFormat(Qt::PlainText); // a store error is shown as it is
    m_status->setText(parts.join(u" · "_s));
    m_status->setVisible(!parts.isEmpty());
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape && !m_edit->text().isEmpty()) {
        m_edit->clear();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}
