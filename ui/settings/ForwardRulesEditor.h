#pragma once

#include "forward/ForwardService.h"

#include <QGroupBox>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

// Forwarding rules: "alerts matching severity="critical" go to #ops", each alert or each
// incident once, one rule per row, with an hourly limit across all of them. Off while
// the list is empty.
class ForwardRulesEditor final : public QGroupBox
{
    Q_OBJECT

public:
    explicit ForwardRulesEditor(QWidget *parent = nullptr);

    // The destinations a rule may name; rules whose destination is gone are dropped.
    void setDestinations(const QList<ChatDestination> &destinations);
    void setRules(const QList<ForwardRule> &rules, int perHour);
    QList<ForwardRule> rules() const;
    int perHour() const;
    // Empty when every rule is usable; otherwise what to fix (also shown under the table).
    QString validate();

    void addRule(const QString &matcher = {}, const QString &destinationId = {}, RuleTarget target = RuleTarget::Alert);

private:
    void removeSelectedRule();

    QList<ChatDestination> m_destinations;
    QTableWidget *m_table;
    QPushButton *m_remove;
    QSpinBox *m_perHour;
    QLabel *m_message;
};
