#include "ForwardRulesEditor.h"

#include "model/AlertFilter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
enum Column { MatcherColumn, DestinationColumn, TargetColumn, ColumnCount };
} // namespace

ForwardRulesEditor::ForwardRulesEditor(QWidget *parent)
    : QGroupBox(tr("Forwarding rules"), parent)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_remove(new QPushButton(tr("Remove rule")))
    , m_perHour(new QSpinBox)
    , m_message(new QLabel)
{
    setObjectName(u"forwardRules"_s);
    auto *intro = new QLabel(tr("New firing alerts that match a rule are forwarded at once, with their automatic "
                                "analysis when there is one; each occurrence goes to a destination only once. "
                                "A rule for incidents sends one message per incident, its alerts listed, once the "
                                "incident has settled. No rules: nothing is forwarded automatically."));
    intro->setWordWrap(true);
    m_table->setObjectName(u"forwardRuleTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Alerts matching"), tr("Send to"), tr("Forward")});
    m_table->horizontalHeader()->setSectionResizeMode(MatcherColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(TargetColumn, QHeaderView::ResizeToContents);
    // Wide enough for a destination's name whatever the language; the user can widen it.
    m_table->horizontalHeader()->setSectionResizeMode(DestinationColumn, QHeaderView::Interactive);
    m_table->setColumnWidth(DestinationColumn, m_table->fontMetrics().averageCharWidth() * 28);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setMinimumHeight(110);
    auto *add = new QPushButton(tr("Add rule"));
    add->setObjectName(u"addForwardRule"_s);
    m_remove->setObjectName(u"removeForwardRule"_s);
    m_perHour->setObjectName(u"forwardRulePerHour"_s);
    m_perHour->setRange(1, 1000);
    m_perHour->setSuffix(tr(" per hour at most"));
    m_message->setObjectName(u"forwardRuleMessage"_s);
    m_message->setTextFormat(Qt::PlainText); // problems quote the matchers
    m_message->setStyleSheet(u"color: #c62828;"_s);
    m_message->setWordWrap(true);
    m_message->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(new QLabel(tr("Limit:")));
    buttons->addWidget(m_perHour);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);

    connect(add, &QPushButton::clicked, this, [this] { addRule(); });
    connect(m_remove, &QPushButton::clicked, this, &ForwardRulesEditor::removeSelectedRule);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_table->selectedItems().isEmpty()); });
    m_remove->setEnabled(false);
}

void ForwardRulesEditor::setDestinations(const QList<ChatDestination> &destinations)
{
    const QList<ForwardRule> kept = rules();
    m_destinations = destinations;
    setRules(kept, perHour());
}

void ForwardRulesEditor::setRules(const QList<ForwardRule> &rules, int perHour)
{
    m_table->setRowCount(0);
    for (const ForwardRule &rule : rules) {
        const bool known = std::any_of(m_destinations.cbegin(), m_destinations.cend(),
                                       [&rule](const ChatDestination &d) { return d.id == rule.destinationId; });
        if (known)
            addRule(rule.matcher, rule.destinationId, rule.target);
    }
    m_perHour->setValue(perHour);
}

void ForwardRulesEditor::addRule(const QString &matcher, const QString &destinationId, RuleTarget target)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *item = new QTableWidgetItem(matcher);
    item->setToolTip(tr("Matchers as in the filter bar, e.g. severity=\"critical\" team=~\"db.*\""));
    m_table->setItem(row, MatcherColumn, item);
    auto *targets = new QComboBox;
    targets->addItem(tr("Each alert"), int(RuleTarget::Alert));
    targets->addItem(tr("Each incident, once"), int(RuleTarget::Incident));
    targets->setItemData(0, tr("Every matching alert that starts firing is one message."), Qt::ToolTipRole);
    targets->setItemData(1,
                         tr("The incident a matching alert belongs to is one message, sent once, with its "
                            "other alerts listed."),
                         Qt::ToolTipRole);
    targets->setCurrentIndex(std::max(0, targets->findData(int(target))));
    m_table->setCellWidget(row, TargetColumn, targets);
    auto *destination = new QComboBox;
    for (const ChatDestination &candidate : std::as_const(m_destinations))
        destination->addItem(candidate.name, candidate.id);
    destination->setCurrentIndex(std::max(0, destination->findData(destinationId)));
    m_table->setCellWidget(row, DestinationColumn, destination);
    if (matcher.isEmpty()) {
        m_table->setCurrentCell(row, MatcherColumn);
        m_table->editItem(item);
    }
}

void ForwardRulesEditor::removeSelectedRule()
{
    const int row = m_table->currentRow();
    if (row >= 0)
        m_table->removeRow(row);
}

QList<ForwardRule> ForwardRulesEditor::rules() const
{
    QList<ForwardRule> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto *destination = qobject_cast<QComboBox *>(m_table->cellWidget(row, DestinationColumn));
        const auto *target = qobject_cast<QComboBox *>(m_table->cellWidget(row, TargetColumn));
        const QTableWidgetItem *item = m_table->item(row, MatcherColumn);
        result.append({item ? item->text().trimmed() : QString(),
                       destination ? destination->currentData().toString() : QString(),
                       target ? RuleTarget(target->currentData().toInt()) : RuleTarget::Alert});
    }
    return result;
}

int ForwardRulesEditor::perHour() const
{
    return m_perHour->value();
}

QString ForwardRulesEditor::validate()
{
    QString problem;
    const QList<ForwardRule> current = rules();
    for (qsizetype row = 0; row < current.size() && problem.isEmpty(); ++row) {
        const ForwardRule &rule = current.at(row);
        const Result<AlertFilter> parsed = AlertFilter::parse(rule.matcher);
        if (rule.matcher.isEmpty())
            problem
                = tr("Rule %1 has no matcher: say which alerts it forwards, e.g. severity=\"critical\".").arg(row + 1);
        else if (!parsed)
            problem = tr("Rule %1: %2").arg(row + 1).arg(parsed.error());
        else if (rule.destinationId.isEmpty())
            problem = tr("Rule %1 has no destination: add one above first.").arg(row + 1);
    }
    m_message->setText(problem);
    m_message->setVisible(!problem.isEmpty());
    return problem;
}
