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
    const SeverityCounts replayed = m_model->replayedFiringCounts();
    const QString muted = counts.muted > 0 ? tr("%1 muted").arg(QLocale().toString(counts.muted)) : QString();
    // Replayed alerts are counted apart, in the replay's own colour: they are not firing here.
    const int replayedFiring = replayed.total() + replayed.muted;
    const QString replay = replayedFiring > 0 ? u"<span style='color:#7e57c2'>%1</span>"_s.arg(
                               tr("replay: %1 firing").arg(QLocale().toString(replayedFiring)))
                                              : QString();
    QStringList extras;
    for (const QString &extra : {muted, replay})
        if (!extra.isEmpty())
            extras << extra;
    const QString apart = extras.isEmpty() ? QString() : u" · "_s + extras.join(u" · "_s);
    setToolTip(tr("Live alerts firing by severity. Silenced, inhibited and acknowledged alerts are counted as "
                  "muted; replayed alerts are never counted as firing."));
    if (counts.total() == 0) {
        setText(tr("No firing alerts") + apart);
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
    setText(tr("Firing: %1").arg(parts.join(u"&nbsp;&nbsp;"_s)) + apart);
}
