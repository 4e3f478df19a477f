#include "model/AlertTableModel.h"

#include "model/AlertFilter.h"

#include <QScopeGuard>
#include <QSet>

#include <climits>

using namespace Qt::StringLiterals;

namespace {

const QList<int> muteRoles{Qt::DisplayRole, Qt::ToolTipRole, AlertTableModel::SortRole, AlertTableModel::MutedRole};

QString fullTime(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss t"_s) : QString();
}

} // namespace

QString AlertTableModel::formatTime(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return {};
    // Today's times are the common case on call: keep them short; the tooltip has the rest.
    const QDateTime local = time.toLocalTime();
    const QDate today = now.toLocalTime().date();
    if (local.date() == today)
        return local.toString(u"HH:mm:ss"_s);
    if (local.date().year() == today.year())
        return local.toString(u"MM-dd HH:mm"_s);
    return local.toString(u"yyyy-MM-dd"_s);
}

QString AlertTableModel::plainToolTip(const QString &text)
{
    if (!text.contains(u'<') && !text.contains(u'&'))
        return text; // Qt::mightBeRichText() needs one of them
    return u"<p style=\"white-space:pre-wrap\">%1</p>"_s.arg(text.toHtmlEscaped());
}

AlertTableModel::AlertTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_durationTimer.setInterval(1000);
    connect(&m_durationTimer, &QTimer::timeout, this, &AlertTableModel::refreshDurations);
    m_durationTimer.start();
}

int AlertTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_alerts.size());
}

int AlertTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount + int(m_labelColumns.size());
}

void AlertTableModel::setLabelColumns(const QStringList &labels)
{
    if (labels == m_labelColumns)
        return;
    if (!m_labelColumns.isEmpty()) {
        beginRemoveColumns({}, ColumnCount, ColumnCount + int(m_labelColumns.size()) - 1);
        m_labelColumns.clear();
        endRemoveColumns();
    }
    if (!labels.isEmpty()) {
        beginInsertColumns({}, ColumnCount, ColumnCount + int(labels.size()) - 1);
        m_labelColumns = labels;
        endInsertColumns();
    }
}

QStringList AlertTableModel::labelNames(int limit) const
{
    QSet<QString> names;
    const qsizetype looked = std::min<qsizetype>(m_alerts.size(), 5000);
    for (qsizetype row = 0; row < looked && names.size() < limit; ++row)
        for (auto it = m_alerts.at(row).labels.keyBegin(); it != m_alerts.at(row).labels.keyEnd(); ++it)
            names.insert(*it);
    QStringList sorted(names.cbegin(), names.cend());
    sorted.sort(Qt::CaseInsensitive);
    return sorted.mid(0, limit);
}

QVariant AlertTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Alert &alert = m_alerts.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return displayData(alert, index.column());
    case Qt::ToolTipRole: return toolTipData(alert, index.column());
    case SortRole: return sortData(alert, index.column());
    case AlertStateRole: return static_cast<int>(alert.state);
    case SeverityRole: return static_cast<int>(alert.severity);
    case FingerprintRole: return alert.fingerprint;
    case DemoRole: return alert.demo;
    case ReplayRole: return alert.replay;
    case RecentlyChangedRole: return isRecent(index.row());
    case MutedRole: return muteOf(alert).isMuted();
    default: return {};
    }
}

QVariant AlertTableModel::displayData(const Alert &alert, int column) const
{
    switch (column) {
    case State: return stateText(alert);
    case SeverityColumn: return alert.severity == Severity::Other ? alert.severityText : severityName(alert.severity);
    case Name: return alert.name;
    case Target: return alert.target();
    case Summary: return alert.summary();
    case Source:
        return alert.demo  ? tr("%1 (demo)").arg(alert.source)
            : alert.replay ? tr("%1 (replay)").arg(alert.source)
                           : alert.source;
    case Started: return formatTime(alert.startsAt, m_clock());
    case Duration: return formatDuration(durationSeconds(alert));
    case LastUpdate: return formatTime(alert.lastUpdate, m_clock());
    case Count: return alert.count;
    default:
        if (column >= ColumnCount && column < ColumnCount + m_labelColumns.size())
            return alert.labels.value(m_labelColumns.at(column - ColumnCount));
        return {};
    }
}

QString AlertTableModel::stateText(const Alert &alert) const
{
    if (alert.replay)
        return tr("%1 (replay)").arg(stateName(alert.state));
    if (const AlertMute mute = muteOf(alert); mute.isMuted())
        return mute.shortText(m_clock());
    return stateName(alert.state);
}

AlertMute AlertTableModel::muteOf(const Alert &alert) const
{
    if (alert.state != AlertState::Firing || alert.source != u"alertmanager"_s || !alert.inLiveStore())
        return {};
    if (const auto local = m_localMutes.constFind(alert.fingerprint); local != m_localMutes.cend())
        return *local;
    return m_syncedMutes.value(alert.fingerprint);
}

QVariant AlertTableModel::toolTipData(const Alert &alert, int column) const
{
    switch (column) {
    case State:
        if (alert.replay)
            return tr("Replayed: not a live alert. It is not counted in the status bar, the tray or /metrics, "
                      "and notifies no one.");
        return plainToolTip(muteOf(alert).fullText()); // the author and comment are anyone's text
    case Summary: return plainToolTip(alert.summary());
    case Started: return fullTime(alert.startsAt);
    case LastUpdate: return fullTime(alert.lastUpdate);
    default: return {};
    }
}

QVariant AlertTableModel::sortData(const Alert &alert, int column) const
{
    switch (column) {
    case State: return static_cast<int>(alert.state);
    case SeverityColumn: return static_cast<int>(alert.severity);
    case Started: return alert.startsAt;
    case Duration: return durationSeconds(alert);
    case LastUpdate: return alert.lastUpdate;
    case Count: return alert.count;
    default: return displayData(alert, column);
    }
}

AlertTableModel::RowFacts AlertTableModel::factsOf(const Alert &alert)
{
    auto msecs = [](const QDateTime &time) { return time.isValid() ? time.toMSecsSinceEpoch() : LLONG_MIN; };
    return {AlertFilter::searchText(alert), ++m_lastRevision, msecs(alert.startsAt), msecs(alert.lastUpdate)};
}

namespace {

template<typename T> int threeWay(const T &left, const T &right)
{
    return left < right ? -1 : (right < left ? 1 : 0);
}

} // namespace

std::optional<bool> AlertTableModel::lessThan(int leftRow, int rightRow, int column) const
{
    if (const std::optional<int> order = compare(leftRow, rightRow, column))
        return *order < 0;
    return std::nullopt;
}

std::optional<int> AlertTableModel::compare(int leftRow, int rightRow, int column) const
{
    const Alert &left = m_alerts.at(leftRow);
    const Alert &right = m_alerts.at(rightRow);
    const RowFacts &leftFacts = m_facts.at(leftRow);
    const RowFacts &rightFacts = m_facts.at(rightRow);
    switch (column) {
    case State:
        if (left.state != right.state)
            return threeWay(left.state, right.state);
        return threeWay(muteOf(left).isMuted(), muteOf(right).isMuted()); // firing before muted
    case SeverityColumn: return threeWay(left.severity, right.severity);
    case Started: return threeWay(leftFacts.startsAtMs, rightFacts.startsAtMs);
    case Duration:
        // Two firing alerts: the one that started earlier has run longer (no clock needed).
        if (left.state == AlertState::Firing && right.state == AlertState::Firing && left.startsAt.isValid()
            && right.startsAt.isValid())
            return threeWay(rightFacts.startsAtMs, leftFacts.startsAtMs);
        return threeWay(durationSeconds(left), durationSeconds(right));
    case LastUpdate: return threeWay(leftFacts.lastUpdateMs, rightFacts.lastUpdateMs);
    case Count: return threeWay(left.count, right.count);
    case Name: return left.name.compare(right.name, Qt::CaseInsensitive);
    case Target: return left.target().compare(right.target(), Qt::CaseInsensitive);
    case Summary: return left.summary().compare(right.summary(), Qt::CaseInsensitive);
    case Source:
        if (const int order = left.source.compare(right.source, Qt::CaseInsensitive))
            return order;
        if (left.demo != right.demo)
            return threeWay(left.demo, right.demo); // "x" before "x (demo)", as the shown text sorts
        return threeWay(left.replay, right.replay);
    default:
        if (column >= ColumnCount && column < ColumnCount + m_labelColumns.size()) {
            const QString &label = m_labelColumns.at(column - ColumnCount);
            return left.labels.value(label).compare(right.labels.value(label), Qt::CaseInsensitive);
        }
        return std::nullopt;
    }
}

int AlertTableModel::triageOrder(int leftRow, int rightRow, int column) const
{
    // The severity column is the common case (the default sort): compared once.
    if (column != SeverityColumn)
        if (const int order = compare(leftRow, rightRow, column).value_or(0))
            return order;
    if (const int order = threeWay(m_alerts.at(leftRow).severity, m_alerts.at(rightRow).severity))
        return order;
    if (const int order = threeWay(m_facts.at(rightRow).startsAtMs, m_facts.at(leftRow).startsAtMs))
        return order;
    // Rows are only appended and removals keep their order: the row is the arrival order.
    return threeWay(leftRow, rightRow);
}

QVariant AlertTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case State: return tr("State");
    case SeverityColumn: return tr("Severity");
    case Name: return tr("Alert");
    case Target: return tr("Target");
    case Summary: return tr("Summary");
    case Source: return tr("Source");
    case Started: return tr("Started");
    case Duration: return tr("Duration");
    case LastUpdate: return tr("Last update");
    case Count: return tr("Count");
    default:
        if (section >= ColumnCount && section < ColumnCount + m_labelColumns.size())
            return m_labelColumns.at(section - ColumnCount); // the label's own name
        return {};
    }
}

bool AlertTableModel::isRecent(int row) const
{
    const auto it = m_changedAt.constFind(row);
    return it != m_changedAt.cend() && it->secsTo(m_clock()) < highlightSeconds;
}

void AlertTableModel::upsert(const QList<Alert> &alerts, bool highlight)
{
    if (alerts.isEmpty())
        return;
    emit batchAboutToBeApplied();
    const auto applied = qScopeGuard([this] { emit batchApplied(); });
    const QDateTime now = m_clock();
    QList<Alert> fresh;
    QHash<RowKey, qsizetype> freshIndex; // collapses repeats within one batch
    for (const Alert &alert : alerts) {
        const RowKey alertKey = RowKey::of(alert);
        const int row = m_rowByKey.value(alertKey, -1);
        if (row >= 0) {
            m_alerts[row] = alert;
            m_facts[row] = factsOf(alert);
            if (highlight)
                m_changedAt.insert(row, now);
            emit dataChanged(index(row, 0), index(row, columnCount() - 1));
        } else if (const auto it = freshIndex.constFind(alertKey); it != freshIndex.cend()) {
            fresh[*it] = alert;
        } else {
            freshIndex.insert(alertKey, fresh.size());
            fresh.append(alert);
        }
    }
    if (!fresh.isEmpty()) {
        const int first = static_cast<int>(m_alerts.size());
        // A sorting proxy inserts each run of new rows separately, at a cost that
        // grows with the table; a large batch scattered over a big sorted table is
        // cheaper announced as a layout change (the proxy re-sorts once). Rows are only
        // appended, so every existing index stays valid.
        const bool asLayoutChange = fresh.size() >= bulkInsertRows && first > 0;
        if (asLayoutChange)
            emit layoutAboutToBeChanged();
        else
            beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
        for (const Alert &alert : std::as_const(fresh)) {
            const int row = static_cast<int>(m_alerts.size());
            m_rowByKey.insert(RowKey::of(alert), row);
            if (highlight)
                m_changedAt.insert(row, now);
            m_alerts.append(alert);
            m_facts.append(factsOf(alert));
        }
        if (asLayoutChange)
            emit layoutChanged();
        else
            endInsertRows();
    }
    m_counts.reset();
    emit countsChanged();
}

void AlertTableModel::applyChanges(const QList<AlertChange> &changes)
{
    QList<Alert> current;
    current.reserve(changes.size());
    for (const AlertChange &change : changes)
        if (AlertMerge::changesCurrent(change.outcome))
            current.append(change.alert);
    upsert(current, true);
}

void AlertTableModel::remove(const QList<AlertKey> &keys)
{
    QList<int> rows;
    for (const AlertKey &alert : keys) {
        const int row = rowOf(alert);
        if (row >= 0)
            rows.append(row);
    }
    removeRowList(rows);
}

void AlertTableModel::setSyncedMutes(const QHash<QString, AlertMute> &byFingerprint)
{
    // Alertmanager has the last word: a silence expired there is no mute here either.
    const qsizetype localBefore = m_localMutes.size();
    m_localMutes.removeIf([&byFingerprint](const auto &local) { return !byFingerprint.contains(local.key()); });
    if (byFingerprint == m_syncedMutes && m_localMutes.size() == localBefore)
        return;
    m_syncedMutes = byFingerprint;
    // Every column dims; the counts change. Named roles: the alerts themselves did not change.
    if (!m_alerts.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), muteRoles);
    m_counts.reset();
    emit countsChanged();
}

void AlertTableModel::setLocalMute(const QString &fingerprint, const AlertMute &mute)
{
    if (mute.isMuted() ? m_localMutes.value(fingerprint) == mute : !m_localMutes.contains(fingerprint))
        return;
    if (mute.isMuted())
        m_localMutes.insert(fingerprint, mute);
    else
        m_localMutes.remove(fingerprint);
    const int row = rowOf(u"alertmanager"_s, fingerprint);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, columnCount() - 1), muteRoles);
    m_counts.reset();
    emit countsChanged();
}

void AlertTableModel::removeReplayed()
{
    QList<int> rows;
    for (int row = 0; row < m_alerts.size(); ++row)
        if (m_alerts.at(row).replay)
            rows.append(row);
    removeRowList(rows);
}

bool AlertTableModel::hasReplayed() const
{
    return std::any_of(m_alerts.cbegin(), m_alerts.cend(), [](const Alert &alert) { return alert.replay; });
}

void AlertTableModel::removeRowList(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    emit batchAboutToBeApplied();
    const auto applied = qScopeGuard([this] { emit batchApplied(); });
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());

    // Contiguous runs, bottom up, so that the row numbers still to remove stay valid.
    for (qsizetype end = rows.size(); end > 0;) {
        qsizetype start = end - 1;
        while (start > 0 && rows.at(start - 1) == rows.at(start) - 1)
            --start;
        const int first = rows.at(start);
        const int count = rows.at(end - 1) - first + 1;
        beginRemoveRows({}, first, first + count - 1);
        m_alerts.remove(first, count);
        m_facts.remove(first, count);
        QHash<int, QDateTime> changedAt;
        for (auto it = m_changedAt.cbegin(); it != m_changedAt.cend(); ++it) {
            if (it.key() < first)
                changedAt.insert(it.key(), it.value());
            else if (it.key() >= first + count)
                changedAt.insert(it.key() - count, it.value());
        }
        m_changedAt = changedAt;
        endRemoveRows();
        end = start;
    }
    m_rowByKey.clear();
    for (int row = 0; row < m_alerts.size(); ++row)
        m_rowByKey.insert(RowKey::of(m_alerts.at(row)), row);
    m_counts.reset();
    emit countsChanged();
}

SeverityCounts AlertTableModel::firingCounts() const
{
    return counts().first;
}

SeverityCounts AlertTableModel::replayedFiringCounts() const
{
    return counts().second;
}

const std::pair<SeverityCounts, SeverityCounts> &AlertTableModel::counts() const
{
    if (m_counts)
        return *m_counts;
    SeverityCounts live;
    SeverityCounts replayed;
    const bool anyMuted = !m_syncedMutes.isEmpty() || !m_localMutes.isEmpty();
    for (const Alert &alert : m_alerts) {
        if (alert.state != AlertState::Firing)
            continue;
        SeverityCounts &counts = alert.replay ? replayed : live;
        if (anyMuted && muteOf(alert).isMuted()) {
            ++counts.muted;
            continue;
        }
        switch (alert.severity) {
        case Severity::Critical: ++counts.critical; break;
        case Severity::Warning: ++counts.warning; break;
        case Severity::Info: ++counts.info; break;
        default: ++counts.other; break;
        }
    }
    m_counts.emplace(live, replayed);
    return *m_counts;
}

QMap<QString, int> AlertTableModel::stateCounts() const
{
    QMap<QString, int> counts{{u"firing"_s, 0}, {u"resolved"_s, 0}};
    for (const Alert &alert : m_alerts)
        if (!alert.replay)
            ++counts[alert.state == AlertState::Firing ? u"firing"_s : u"resolved"_s];
    return counts;
}

void AlertTableModel::setClock(Clock clock)
{
    m_clock = std::move(clock);
    refreshDurations();
}

void AlertTableModel::refreshDurations()
{
    if (!m_alerts.isEmpty())
        emit dataChanged(index(0, Duration), index(rowCount() - 1, Duration), {Qt::DisplayRole, SortRole});
    // Rows whose highlight has run out are repainted once, then forgotten.
    for (auto it = m_changedAt.begin(); it != m_changedAt.end();) {
        if (isRecent(it.key())) {
            ++it;
            continue;
        }
        const int row = it.key();
        it = m_changedAt.erase(it);
        emit dataChanged(index(row, 0), index(row, columnCount() - 1), {RecentlyChangedRole, Qt::BackgroundRole});
    }
}

qint64 AlertTableModel::durationSeconds(const Alert &alert) const
{
    if (!alert.startsAt.isValid())
        return 0;
    const QDateTime end = alert.state == AlertState::Resolved && alert.endsAt.isValid() ? alert.endsAt : m_clock();
    return std::max<qint64>(0, alert.startsAt.secsTo(end));
}

QString AlertTableModel::formatDuration(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds % 86400 / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    if (days > 0)
        return tr("%1d %2h").arg(days).arg(hours);
    if (hours > 0)
        return tr("%1h %2m").arg(hours).arg(minutes);
    if (minutes > 0)
        return tr("%1m %2s").arg(minutes).arg(seconds % 60);
    return tr("%1s").arg(seconds);
}
