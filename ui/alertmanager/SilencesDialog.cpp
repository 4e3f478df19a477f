#include "SilencesDialog.h"

#include "SilenceDialog.h"
#include "alertmanager/AlertmanagerSync.h"
#include "alertmanager/SilenceListModel.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTime>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
// Rows in the ticked states whose matchers, comment, author or id contain the search text.
class SilenceFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setStates(const QSet<QString> &states)
    {
        m_states = states;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        return m_states.contains(index.data(SilenceListModel::StateRole).toString())
            && QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }

private:
    QSet<QString> m_states;
};
} // namespace

SilencesDialog::SilencesDialog(AlertmanagerSync *sync, std::function<QList<Alert>()> shown, QWidget *parent)
    : QDialog(parent)
    , m_sync(sync)
    , m_shown(std::move(shown))
    , m_model(new SilenceListModel(this))
    , m_proxy(new SilenceFilter(this))
    , m_client(new AlertmanagerClient(this))
    , m_view(new QTableView)
    , m_active(new QCheckBox(tr("&Active")))
    , m_pending(new QCheckBox(tr("&Pending")))
    , m_expired(new QCheckBox(tr("E&xpired")))
    , m_search(new QLineEdit)
    , m_status(new QLabel)
    , m_edit(new QPushButton(tr("&Edit…")))
    , m_expire(new QPushButton(tr("Ex&pire…")))
{
    setObjectName(u"silencesDialog"_s);
    setWindowTitle(tr("Silences"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(SilenceListModel::SearchTextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(SilenceListModel::SortRole);
    m_view->setObjectName(u"silencesView"_s);
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(SilenceListModel::StateColumn, Qt::AscendingOrder);
    m_view->verticalHeader()->hide();
    // Long matchers and comments wrap (rows grow to fit) rather than being cut off; a
    // single endless value is elided in the middle, and every cell's tooltip has it all.
    m_view->setWordWrap(true);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(SilenceListModel::StateColumn, 80);
    m_view->setColumnWidth(SilenceListModel::MatchersColumn, 340);
    m_view->setColumnWidth(SilenceListModel::AlertsColumn, 80);
    m_view->setColumnWidth(SilenceListModel::EndsColumn, 290);
    m_view->setColumnWidth(SilenceListModel::CreatedByColumn, 110);

    for (auto [box, name, on] :
         {std::tuple{m_active, u"silencesActive"_s, true}, std::tuple{m_pending, u"silencesPending"_s, true},
          std::tuple{m_expired, u"silencesExpired"_s, false}}) {
        box->setObjectName(name);
        box->setChecked(on);
        connect(box, &QCheckBox::toggled, this, [this] {
            QSet<QString> states;
            if (m_active->isChecked())
                states << u"active"_s;
            if (m_pending->isChecked())
                states << u"pending"_s;
            if (m_expired->isChecked())
                states << u"expired"_s;
            static_cast<SilenceFilter *>(m_proxy)->setStates(states);
            updateButtons();
        });
    }
    static_cast<SilenceFilter *>(m_proxy)->setStates({u"active"_s, u"pending"_s});
    m_search->setObjectName(u"silencesSearch"_s);
    m_search->setPlaceholderText(tr("Search matchers, comments, authors (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_search, qOverload<>(&QWidget::setFocus));
    addAction(find);

    auto *refreshButton = new QPushButton(tr("&Refresh"));
    refreshButton->setObjectName(u"silencesRefresh"_s);
    refreshButton->setShortcut(QKeySequence::Refresh);
    refreshButton->setToolTip(tr("Read the silences again (F5)"));
    connect(refreshButton, &QPushButton::clicked, this, &SilencesDialog::refresh);
    m_edit->setObjectName(u"silencesEdit"_s);
    m_edit->setToolTip(tr("Change the matchers, end or comment (Enter)"));
    connect(m_edit, &QPushButton::clicked, this, &SilencesDialog::editCurrent);
    m_expire->setObjectName(u"silencesExpire"_s);
    m_expire->setToolTip(tr("End the silence now (Delete); the alerts it mutes notify again"));
    connect(m_expire, &QPushButton::clicked, this, &SilencesDialog::expireCurrent);
    auto *expireKey = new QAction(this);
    expireKey->setShortcut(QKeySequence::Delete);
    connect(expireKey, &QAction::triggered, this, &SilencesDialog::expireCurrent);
    m_view->addAction(expireKey);
    connect(m_view, &QTableView::activated, this, &SilencesDialog::editCurrent); // Enter, double-click
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SilencesDialog::updateButtons);
    m_status->setObjectName(u"silencesStatus"_s);
    m_status->setTextFormat(Qt::PlainText); // silence ids and Alertmanager's answers
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_active);
    filters->addWidget(m_pending);
    filters->addWidget(m_expired);
    filters->addWidget(m_search, 1);
    filters->addWidget(refreshButton);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_edit, QDialogButtonBox::ActionRole);
    buttons->addButton(m_expire, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(1060, 480);

    connect(m_model, &SilenceListModel::refreshed, this, [this](const QString &error) {
        // What was just done stays in front of the count.
        m_countPrefix = std::exchange(m_lastAction, QString());
        m_readAt = QTime::currentTime();
        if (!error.isEmpty())
            report(tr("Could not read every Alertmanager:\n%1").arg(error), true);
        else
            showCount();
        selectSilence(m_selectAfterRefresh);
        m_selectAfterRefresh.clear();
        updateButtons();
    });
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, [this] {
            if (m_countShown)
                showCount();
        });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        if (m_countShown)
            showCount();
    });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, [this] {
        if (m_countShown)
            showCount();
    });
    // Each catch-up brings Alertmanager's view of which silence mutes which alert.
    auto updateCounts = [this] {
        QHash<QString, int> counts;
        for (const AlertmanagerSync::Status &status : m_sync->statuses())
            for (const QString &id : status.silencedBy)
                ++counts[id];
        m_model->setSilencedCounts(counts);
    };
    connect(m_sync, &AlertmanagerSync::statusesChanged, this, updateCounts);
    connect(m_sync, &AlertmanagerSync::synced, this, [this] {
        if (isVisible() && !m_model->isRefreshing())
            refresh();
    });
    updateCounts();
    updateButtons();
    refresh();
}

void SilencesDialog::refresh()
{
    if (m_sync->endpoints().isEmpty()) {
        report(tr("No Alertmanager is configured: add its URL in Settings → Data sources."), true);
        return;
    }
    if (const int row = currentRow(); row >= 0 && m_selectAfterRefresh.isEmpty())
        m_selectAfterRefresh = m_model->at(row).silence.id;
    report(m_lastAction.isEmpty() ? tr("Reading silences…") : m_lastAction);
    m_model->refresh(m_sync->endpoints());
}

int SilencesDialog::currentRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current).row() : -1;
}

void SilencesDialog::selectSilence(const QString &id)
{
    const int row = id.isEmpty() ? -1 : m_model->rowOf(id);
    const QModelIndex index = row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
    if (index.isValid())
        m_view->setCurrentIndex(index);
    else if (m_proxy->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(0, 0));
}

void SilencesDialog::updateButtons()
{
    const int row = currentRow();
    m_edit->setEnabled(row >= 0);
    m_edit->setText(row >= 0 && m_model->at(row).silence.state == u"expired"_s ? tr("&Recreate…") : tr("&Edit…"));
    m_expire->setEnabled(row >= 0 && m_model->at(row).silence.state != u"expired"_s);
}

void SilencesDialog::report(const QString &text, bool problem)
{
    m_countShown = false;
    m_status->setStyleSheet(problem ? u"color: #c62828;"_s : QString());
    m_status->setText(text);
}

void SilencesDialog::showCount()
{
    const int listed = m_proxy->rowCount();
    const int hidden = m_model->rowCount() - listed;
    QString text = tr("%n silence(s) listed", nullptr, listed);
    if (hidden > 0)
        text += tr(", %n more hidden by the filters", nullptr, hidden);
    text += tr(", read at %1.").arg(QLocale().toString(m_readAt, QLocale::ShortFormat));
    report(m_countPrefix.isEmpty() ? text : m_countPrefix + u' ' + text);
    m_countShown = true;
}

void SilencesDialog::editCurrent()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const ListedSilence listed = m_model->at(row);
    auto *dialog = new SilenceDialog(listed.silence, m_shown ? m_shown() : QList<Alert>{}, listed.alertmanager, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SilenceDialog::silenceSaved, this, [this, listed](const Silence &saved) {
        m_lastAction = saved.id == listed.silence.id
            ? tr("Silence %1 saved.").arg(saved.id)
            : tr("Silence %1 replaced by %2.").arg(listed.silence.id, saved.id);
        m_selectAfterRefresh = saved.id;
        refresh();
        emit silencesChanged();
    });
    dialog->open();
}

void SilencesDialog::expireCurrent()
{
    const int row = currentRow();
    if (row < 0 || m_model->at(row).silence.state == u"expired"_s)
        return;
    const ListedSilence listed = m_model->at(row);
    auto *question
        = new QMessageBox(QMessageBox::Question, tr("Expire silence"),
                          tr("Expire the silence for %1?").arg(AlertmanagerApi::describe(listed.silence.matchers)),
                          QMessageBox::NoButton, this);
    question->setObjectName(u"expireQuestion"_s);
    question->setTextFormat(Qt::PlainText); // the matchers are alert data
    question->setInformativeText(tr("The alerts it mutes notify again. An expired silence can be recreated from "
                                    "this list."));
    QPushButton *expire = question->addButton(tr("E&xpire"), QMessageBox::DestructiveRole);
    expire->setObjectName(u"expireConfirm"_s);
    question->addButton(QMessageBox::Cancel);
    question->setDefaultButton(QMessageBox::Cancel);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this, question, expire, listed] {
        if (question->clickedButton() != expire)
            return;
        report(tr("Expiring silence %1…").arg(listed.silence.id));
        m_client->expireSilence(listed.alertmanager, listed.silence.id, this, [this, listed](const QString &error) {
            if (!error.isEmpty())
                return report(error, true);
            m_lastAction = tr("Silence %1 expired: the alerts it muted notify again.").arg(listed.silence.id);
            m_selectAfterRefresh = listed.silence.id;
            refresh();
            emit silencesChanged();
        });
    });
    question->open();
}
