#pragma once

#include "alertmanager/AlertmanagerApi.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>

// One silence as listed: where it lives and which Alertmanagers reported it.
struct ListedSilence {
    Silence silence;
    ConnectionCheckRequest alertmanager; // the first that reported it: where to edit or expire it
    QStringList instances;
};

// The Silences view's table: every silence the configured Alertmanagers report (one
// HA cluster shares them: one row per id), active first, then pending, then expired.
// refresh() reads them all; the table keeps its rows until the new list is complete.
class SilenceListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { StateColumn, MatchersColumn, AlertsColumn, EndsColumn, CreatedByColumn, CommentColumn, ColumnCount };
    enum Role { StateRole = Qt::UserRole + 1, SortRole, SearchTextRole };

    explicit SilenceListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void refresh(const QList<ConnectionCheckRequest> &alertmanagers);
    bool isRefreshing() const { return m_pending > 0; }
    const ListedSilence &at(int row) const { return m_rows.at(row); }
    int rowOf(const QString &silenceId) const;
    // How many alerts each silence mutes now (by silence id), from the last catch-up.
    void setSilencedCounts(const QHash<QString, int> &counts);
    // For tests and "time left": what "now" is.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

signals:
    // A refresh ended: `error` names each Alertmanager that failed, empty when all answered.
    void refreshed(const QString &error);

private:
    void finishRound();
    QString endsText(const Silence &silence) const;

    AlertmanagerClient m_client;
    QList<ListedSilence> m_rows;
    QHash<QString, ListedSilence> m_round; // by id
    QStringList m_roundErrors;
    int m_pending = 0;
    int m_generation = 0; // answers of an older refresh are ignored
    QHash<QString, int> m_silencedCounts;
    std::function<QDateTime()> m_clock = [] { return QDateTime::currentDateTimeUtc(); };
};
