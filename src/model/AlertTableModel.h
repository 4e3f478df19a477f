#pragma once

#include "model/Alert.h"
#include "model/AlertChange.h"
#include "model/AlertKey.h"
#include "model/AlertMute.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QTimer>

#include <functional>
#include <optional>

struct SeverityCounts {
    int critical = 0;
    int warning = 0;
    int info = 0;
    int other = 0; // none and unknown severities
    int muted = 0; // firing but silenced, inhibited or acknowledged: in none of the above
    int total() const { return critical + warning + info + other; }
    friend bool operator==(const SeverityCounts &, const SeverityCounts &) = default;
};

// The live alert table: one row per fingerprint. Display text on DisplayRole, raw
// values for sorting on SortRole; presentation (colours, icons) is added in ui/.
class AlertTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        State,
        SeverityColumn,
        Name,
        Target,
        Summary,
        Source,
        Started,
        Duration,
        LastUpdate,
        Count,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole,
        AlertStateRole,
        SeverityRole,
        FingerprintRole,
        DemoRole,
        ReplayRole,
        RecentlyChangedRole, // bool: arrived or changed live within highlightSeconds
        MutedRole, // bool: firing, but silenced, inhibited or acknowledged
    };
    static constexpr int highlightSeconds = 3;
    // From this many new rows at once (to a table that has rows), they are announced
    // as a layout change instead of an insertion (see upsert()).
    static constexpr int bulkInsertRows = 1000;

    using Clock = std::function<QDateTime()>;

    explicit AlertTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Inserts alerts not shown yet and replaces known ones (same source and
    // fingerprint) with the given state; merging rules live in the store.
    // `highlight`: mark the rows as just arrived (live updates, not restores).
    void upsert(const QList<Alert> &alerts, bool highlight = false);
    // The store's committed changes: alerts whose current state changed are shown.
    void applyChanges(const QList<AlertChange> &changes);
    // Drops alerts the store no longer keeps (retention); unknown keys are ignored.
    void remove(const QList<AlertKey> &keys);
    const Alert &alertAt(int row) const { return m_alerts.at(row); }
    // Every row's alert, in row order (shared, not copied).
    const QList<Alert> &alerts() const { return m_alerts; }
    // Sort order of two rows in a column without building QVariants (text columns
    // ignore case); std::nullopt for a column it does not know.
    std::optional<bool> lessThan(int leftRow, int rightRow, int column) const;
    // The same as a three-way comparison (< 0, 0, > 0).
    std::optional<int> compare(int leftRow, int rightRow, int column) const;
    // A total order for triage: the column, then severity (worst first), then start
    // time (newest first), then arrival. Rows never tie, so an update never swaps two
    // rows whose shown keys are equal.
    int triageOrder(int leftRow, int rightRow, int column) const;
    // AlertFilter::searchText of the row's alert, kept up to date with it.
    const QByteArray &searchTextAt(int row) const { return m_facts.at(row).searchText; }
    // A number that changes whenever the row's alert is replaced, unique across rows
    // and never 0: lets a proxy keep per-row results that survive the duration tick.
    quint64 revisionAt(int row) const { return m_facts.at(row).revision; }
    int rowOf(const AlertKey &alert, bool replay = false) const { return m_rowByKey.value({alert, replay}, -1); }
    int rowOf(const QString &source, const QString &fingerprint, bool replay = false) const
    {
        return rowOf(AlertKey{source, fingerprint}, replay);
    }
    // Alertmanager's silenced/inhibited alerts by fingerprint, shown in the State
    // column and counted apart; from the catch-up sync, not stored.
    void setSyncedMutes(const QHash<QString, AlertMute> &byFingerprint);
    // A mute this console made (acknowledged, or silenced from its dialog), with who and
    // until when; it wins over the sync's word until a sync no longer lists the alert as
    // muted. An unmuted `mute` forgets it.
    void setLocalMute(const QString &fingerprint, const AlertMute &mute);
    // How the alert is muted now: only a firing live Alertmanager alert can be.
    AlertMute muteOf(const Alert &alert) const;
    // Labels shown as extra columns after the fixed ones (ColumnCount + i), in order.
    void setLabelColumns(const QStringList &labels);
    const QStringList &labelColumns() const { return m_labelColumns; }
    // The label names the alerts carry, sorted; at most `limit` (a few thousand alerts
    // are looked at: labels are much alike across a table).
    QStringList labelNames(int limit = 100) const;

    // Drops every replayed alert (a replay session cleared).
    void removeReplayed();
    bool hasReplayed() const;

    // Counts of live firing alerts by severity, for the status bar and the tray: muted
    // ones apart, replayed ones not at all (they never fire here).
    SeverityCounts firingCounts() const;
    // The same for the replayed alerts alone (a replay view).
    SeverityCounts replayedFiringCounts() const;
    // Live alerts by state ("firing", "resolved"), for /metrics; replayed ones left out.
    QMap<QString, int> stateCounts() const;

    // For tests: a fixed clock, and the "duration" column's refresh without waiting.
    void setClock(Clock clock);
    void refreshDurations();

    static QString formatDuration(qint64 seconds);
    // `text` as a tooltip that shows exactly these characters. Views read a tooltip as
    // HTML when it looks like HTML (Qt::mightBeRichText), as labels and message boxes
    // do by default: alert data, silences, servers' answers and the AI's text are
    // attacker-controlled, and an <img>, a link or a style in them must not render.
    // Unchanged without '<' or '&'; else escaped HTML that keeps line breaks and spaces.
    static QString plainToolTip(const QString &text);
    // "HH:mm:ss" on the same local day as `now`, "MM-dd HH:mm" in the same year, else the date.
    static QString formatTime(const QDateTime &time, const QDateTime &now);

signals:
    void countsChanged();
    // Around one upsert or removal, whatever signals it sends in between: a model on top
    // can work once per batch instead of once per row run.
    void batchAboutToBeApplied();
    void batchApplied();

private:
    void removeRowList(QList<int> rows);
    QVariant displayData(const Alert &alert, int column) const;
    QVariant sortData(const Alert &alert, int column) const;
    QVariant toolTipData(const Alert &alert, int column) const;
    QString stateText(const Alert &alert) const;
    // Live and replayed counts, worked out in one pass when first asked after a change
    // (the status bar and the tray both ask after every delivery).
    const std::pair<SeverityCounts, SeverityCounts> &counts() const;
    qint64 durationSeconds(const Alert &alert) const;

    // A replayed alert never takes the row of the live one with the same fingerprint.
    struct RowKey {
        AlertKey alert;
        bool replay = false;
        static RowKey of(const Alert &alert) { return {AlertKey::of(alert), alert.replay}; }
        friend bool operator==(const RowKey &, const RowKey &) = default;
        friend size_t qHash(const RowKey &key, size_t seed = 0) noexcept
        {
            return qHashMulti(seed, key.alert, key.replay);
        }
    };

    bool isRecent(int row) const;

    // What filtering and sorting ask of a row many times, worked out once per change.
    struct RowFacts {
        QByteArray searchText;
        quint64 revision = 0;
        qint64 startsAtMs = 0; // LLONG_MIN: unknown
        qint64 lastUpdateMs = 0;
    };
    RowFacts factsOf(const Alert &alert);

    QList<Alert> m_alerts;
    QList<RowFacts> m_facts; // parallel to m_alerts
    quint64 m_lastRevision = 0;
    QHash<RowKey, int> m_rowByKey;
    QStringList m_labelColumns;
    mutable std::optional<std::pair<SeverityCounts, SeverityCounts>> m_counts;
    QHash<QString, AlertMute> m_syncedMutes; // by Alertmanager fingerprint
    QHash<QString, AlertMute> m_localMutes; // by Alertmanager fingerprint
    QHash<int, QDateTime> m_changedAt; // rows highlighted right now
    Clock m_clock;
    QTimer m_durationTimer;
};
