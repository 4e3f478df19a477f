#include "shift/NoiseRuleTableModel.h"

#include "shift/NoiseReportBuilder.h"

using namespace Qt::StringLiterals;

NoiseRuleTableModel::NoiseRuleTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void NoiseRuleTableModel::setRules(const QList<NoiseReport::RuleStats> &rules,
                                   const QString &neverAcknowledgedUnknownReason)
{
    beginResetModel();
    m_rules = rules;
    m_unknownReason = neverAcknowledgedUnknownReason;
    endResetModel();
}

int NoiseRuleTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int NoiseRuleTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString NoiseRuleTableModel::durationText(qint64 ms)
{
    if (ms < 0)
        return u"—"_s;
    if (ms < 60'000)
        return tr("%1 s").arg(ms / 1000);
    if (ms < 3'600'000)
        return tr("%1 min").arg(ms / 60'000);
    return tr("%1 h").arg(QString::number(ms / 3'600'000.0, 'f', 1));
}

QString NoiseRuleTableModel::plainName(const QString &name)
{
    QString line = name.left(maxNameLength + 1);
    for (QChar &c : line)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
            || c.category() == QChar::Separator_Line || c.category() == QChar::Separator_Paragraph)
            c = u' ';
    if (line.size() > maxNameLength)
        line = line.left(maxNameLength) + u'…';
    return line.isEmpty() ? tr("(no name)") : line;
}

QVariant NoiseRuleTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NoiseReport::RuleStats &rule = m_rules.at(index.row());
    const bool unknown = rule.neverAcknowledged < 0;
    if (role == TrendRole)
        return index.column() == Trend ? QVariant::fromValue(rule.trend) : QVariant();
    if (role == SortRole) {
        switch (Column(index.column())) {
        case Rule: return rule.rule;
        case Firings:
        case Trend: return rule.firings;
        case FlapsPerHour: return rule.flapsPerHour;
        case MedianDuration: return rule.medianDurationMs;
        case QuickShare: return rule.resolvedWithin5Min;
        case NeverAcknowledged: return rule.neverAcknowledged;
        case ColumnCount: break;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == Rule ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == NeverAcknowledged && unknown)
        return QString(u"<p>"_s + m_unknownReason.toHtmlEscaped() + u"</p>"_s); // rich text by choice: escaped
    if (role != Qt::DisplayRole)
        return {};
    const auto percent = [](double share) { return tr("%1 %").arg(qRound(share * 100)); };
    switch (Column(index.column())) {
    case Rule: return plainName(rule.rule);
    case Firings: return QString::number(rule.firings);
    case FlapsPerHour: return QString::number(rule.flapsPerHour, 'f', 2);
    case MedianDuration: return durationText(rule.medianDurationMs);
    case QuickShare: return rule.medianDurationMs < 0 ? u"—"_s : percent(rule.resolvedWithin5Min);
    case NeverAcknowledged: return unknown ? tr("unknown") : percent(rule.neverAcknowledged);
    case Trend:
    case ColumnCount: break;
    }
    return {};
}

QVariant NoiseRuleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case Rule: return tr("Rule");
        case Firings: return tr("Firings");
        case FlapsPerHour: return tr("Flaps/h");
        case MedianDuration: return tr("Median duration");
        case QuickShare: return tr("≤ 5 min");
        case NeverAcknowledged: return tr("Never acked");
        case Trend: return tr("Trend");
        case ColumnCount: break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Rule: return tr("the alert name");
        case Firings: return tr("occurrences that started in the period");
        case FlapsPerHour: return NoiseReportBuilder::Report::flapsDefinition();
        case MedianDuration: return tr("median duration of the firings that resolved");
        case QuickShare: return tr("share of the resolved firings that lasted at most 5 minutes");
        case NeverAcknowledged: return NoiseReportBuilder::Report::neverAcknowledgedDefinition();
        case Trend: return tr("firings over the period, in %1 equal parts").arg(NoiseReport::trendBuckets);
        case ColumnCount: break;
        }
    }
    return {};
}
