#pragma once

#include "shift/NoiseReport.h"

#include <QAbstractTableModel>
#include <QList>

// The noise report's rules as a table: display text per column, the raw value on
// SortRole (so sorting is numeric), and each rule's trend on TrendRole for a sparkline.
// Rule names come from the store and are hostile: shown as one line of plain text.
class NoiseRuleTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Rule, Firings, FlapsPerHour, MedianDuration, QuickShare, NeverAcknowledged, Trend, ColumnCount };
    enum Role { SortRole = Qt::UserRole, TrendRole };

    static constexpr int maxNameLength = 200;

    explicit NoiseRuleTableModel(QObject *parent = nullptr);

    void setRules(const QList<NoiseReport::RuleStats> &rules, const QString &neverAcknowledgedUnknownReason = {});
    const NoiseReport::RuleStats &rule(int row) const { return m_rules.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "45 s", "12 min", "3.5 h", "—" (none).
    static QString durationText(qint64 ms);
    // One line, control characters shown as spaces, at most maxNameLength characters.
    static QString plainName(const QString &name);

private:
    QList<NoiseReport::RuleStats> m_rules;
    QString m_unknownReason;
};
