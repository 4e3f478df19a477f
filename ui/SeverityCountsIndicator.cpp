#include "SeverityCountsIndicator.h"

#include "SeverityStyle.h"
#include "model/AlertTableModel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

SeverityCountsIndicator::SeverityCountsIndicator(AlertTableModel *model, QWidget *parent)
    : QLabel(parent)
    , m_model(model)
{
    setObjectName(u"severityCounts"_s);
    setTextFormat(Qt::RichText);
    connect(model, &AlertTableModel::countsChanged, this, &SeverityCountsIndicator::refresh);
    connect(model, &QAbstractItemModel::modelReset, this, &SeverityCountsIndicator::refresh);
    refresh();
}

void SeverityCountsIndicator::refresh()
{
    const SeverityCounts counts = m_model->firingCounts();
    if (counts.total() == 0) {
        setText(tr("No firing alerts"));
        return;
    }
    auto part = [](Severity severity, int count, const QString &label) {
        return u"<span style='color:%1'>●</span> %2 %3"_s.arg(SeverityStyle::color(severity).name())
            .arg(QLocale().toString(count))
            .arg(label);
    };
    QStringList parts{part(Severity::Critical, counts.critical, tr("critical")),
                      part(Severity::Warning, counts.warning, tr("warning")),
                      part(Severity::Info, counts.info, tr("info"))};
    if (counts.other > 0)
        parts << part(Severity::None, counts.other, tr("other"));
    setText(tr("Firing: %1").arg(parts.join(u"&nbsp;&nbsp;"_s)));
}
