#include "incidents/IncidentsView.h"

#include "incidents/IncidentTimeline.h"
#include "model/IncidentTableModel.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

IncidentsView::IncidentsView(IncidentTableModel *incidents, QWidget *parent)
    : QWidget(parent)
    , m_incidents(incidents)
    , m_sorted(new QSortFilterProxyModel(this))
    , m_tree(new QTreeView(this))
    , m_timeline(new IncidentTimeline(this))
    , m_caption(new QLabel(this))
    , m_merge(new QAction(tr("&Merge incidents"), this))
    , m_split(new QAction(tr("&Split out of incident"), this))
{
    m_sorted->setSourceModel(incidents);
    m_sorted->setSortRole(IncidentTableModel::SortRole);
    m_sorted->setDynamicSortFilter(true);
    m_tree->setObjectName(QStringLiteral("incidentTree"));
    m_tree->setModel(m_sorted);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(IncidentTableModel::Started, Qt::DescendingOrder);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(IncidentTableModel::Title, QHeaderView::Stretch);
    for (int column : {IncidentTableModel::SeverityColumn, IncidentTableModel::Members, IncidentTableModel::Started,
                       IncidentTableModel::State})
        m_tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(IncidentTableModel::Scope, QHeaderView::Interactive);
    m_tree->setColumnWidth(IncidentTableModel::Scope, 220);

    m_merge->setShortcut(QKeySequence(tr("Ctrl+Shift+M")));
    m_merge->setToolTip(tr("Join the selected incidents into one (Ctrl+Shift+M). Kept across restarts."));
    m_split->setShortcut(QKeySequence(tr("Ctrl+Shift+X")));
    m_split->setToolTip(
        tr("Move the selected alert into an incident of its own (Ctrl+Shift+X). Kept across restarts."));
    for (QAction *action : {m_merge, m_split}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setEnabled(false);
        addAction(action);
    }
    connect(m_merge, &QAction::triggered, this, &IncidentsView::mergeSelected);
    connect(m_split, &QAction::triggered, this, &IncidentsView::splitSelected);

    auto *tools = new QToolBar(this);
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tools->addAction(m_merge);
    tools->addAction(m_split);

    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(6, 4, 6, 0);
    m_caption->setTextFormat(Qt::PlainText);
    m_caption->setWordWrap(true);
    lowerLayout->addWidget(m_caption);
    lowerLayout->addWidget(m_timeline, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tools);
    layout->addWidget(splitter, 1);

    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, &IncidentsView::updateActions);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &IncidentsView::currentChanged);
    connect(m_timeline, &IncidentTimeline::alertActivated, this, &IncidentsView::alertChosen);
    // Merges and splits rebuild the rows: the timeline follows what is selected then.
    connect(m_sorted, &QAbstractItemModel::modelReset, this, [this] {
        updateActions();
        currentChanged();
    });
    connect(m_sorted, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        const QModelIndex current = m_tree->currentIndex();
        if (current.isValid() && (topLeft.parent() == current.parent() || topLeft == current.parent()))
            showIncident(current.parent().isValid() ? current.parent() : current);
    });
    showIncident({});
}

void IncidentsView::updateActions()
{
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    QSet<int> incidents;
    bool memberSelected = false;
    for (const QModelIndex &row : rows) {
        incidents.insert(row.data(IncidentTableModel::IncidentIdRole).toInt());
        memberSelected = memberSelected || row.parent().isValid();
    }
    m_merge->setEnabled(incidents.size() >= 2);
    m_split->setEnabled(rows.size() == 1 && memberSelected && m_sorted->rowCount(rows.constFirst().parent()) > 1);
}

void IncidentsView::currentChanged()
{
    const QModelIndex incident = currentIncidentRow();
    showIncident(incident);
    const QList<Alert> members = currentMembers();
    QList<OccurrenceKey> keys;
    for (const Alert &alert : members)
        keys.append(OccurrenceKey::of(alert));
    if (keys != m_chosenMembers) {
        m_chosenMembers = keys;
        emit incidentChosen(members);
    }
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid() || members.isEmpty())
        return;
    if (!current.parent().isValid()) {
        emit alertChosen(members.constFirst()); // the worst
        return;
    }
    const auto key = m_sorted->mapToSource(current)
                         .siblingAtColumn(0)
                         .data(IncidentTableModel::OccurrenceRole)
                         .value<OccurrenceKey>();
    for (const Alert &alert : members)
        if (OccurrenceKey::of(alert) == key)
            emit alertChosen(alert);
}

QModelIndex IncidentsView::currentIncidentRow() const
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid())
        return {};
    return (current.parent().isValid() ? current.parent() : current).siblingAtColumn(0);
}

QList<Alert> IncidentsView::currentMembers() const
{
    const QModelIndex incident = currentIncidentRow();
    return incident.isValid() ? m_incidents->membersOf(m_sorted->mapToSource(incident)) : QList<Alert>{};
}

QString IncidentsView::currentTitle() const
{
    const QModelIndex incident = currentIncidentRow();
    return incident.isValid() ? m_sorted->mapToSource(incident).data().toString() : QString();
}

std::optional<IncidentSnapshot> IncidentsView::currentIncident() const
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid() || current.parent().isValid())
        return std::nullopt;
    const QList<Alert> members = currentMembers();
    return members.isEmpty() ? std::nullopt : m_incidents->snapshotOf(members.constFirst());
}

bool IncidentsView::selectMember(const AlertKey &alert)
{
    const QModelIndex incident = currentIncidentRow();
    for (int row = 0; incident.isValid() && row < m_sorted->rowCount(incident); ++row) {
        const QModelIndex member = m_sorted->index(row, 0, incident);
        const auto key = m_sorted->mapToSource(member).data(IncidentTableModel::OccurrenceRole).value<OccurrenceKey>();
        if (key.alert == alert) {
            m_tree->expand(incident);
            m_tree->setCurrentIndex(member);
            m_tree->scrollTo(member);
            return true;
        }
    }
    return false;
}

void IncidentsView::showIncident(const QModelIndex &incidentRow)
{
    if (!incidentRow.isValid()) {
        m_caption->setText(tr("Select an incident to see its alerts over time."));
        m_timeline->setMembers({}, QDateTime::currentDateTimeUtc());
        return;
    }
    const QModelIndex source = m_sorted->mapToSource(incidentRow.siblingAtColumn(0));
    const QString scope = source.siblingAtColumn(IncidentTableModel::Scope).data().toString();
    m_caption->setText(scope.isEmpty() ? source.data().toString() : tr("%1 — %2").arg(source.data().toString(), scope));
    // Lanes in start order: the timeline reads as the incident unfolded.
    QList<Alert> members = m_incidents->membersOf(source);
    std::stable_sort(members.begin(), members.end(),
                     [](const Alert &a, const Alert &b) { return a.startsAt < b.startsAt; });
    m_timeline->setMembers(members, QDateTime::currentDateTimeUtc());
}

void IncidentsView::mergeSelected()
{
    QModelIndexList rows;
    for (const QModelIndex &row : m_tree->selectionModel()->selectedRows())
        rows.append(m_sorted->mapToSource(row));
    m_incidents->merge(rows);
}

void IncidentsView::splitSelected()
{
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    if (rows.size() == 1)
        m_incidents->split(m_sorted->mapToSource(rows.constFirst()));
}
