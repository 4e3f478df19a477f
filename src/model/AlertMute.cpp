#include "model/AlertMute.h"

using namespace Qt::StringLiterals;

namespace {

QString kindText(AlertMute::Kind kind)
{
    switch (kind) {
    case AlertMute::Kind::Silenced: return AlertMute::tr("silenced");
    case AlertMute::Kind::Inhibited: return AlertMute::tr("inhibited");
    case AlertMute::Kind::Acknowledged: return AlertMute::tr("acknowledged");
    case AlertMute::Kind::None: break;
    }
    return {};
}

} // namespace

QString AlertMute::shortText(const QDateTime &now) const
{
    if (!isMuted())
        return {};
    QString text = by.isEmpty() ? kindText(kind) : tr("%1 by %2").arg(kindText(kind), by);
    if (untilResolved || !until.isValid())
        return text;
    // Today's end is the common case: the time alone; the tooltip has the date.
    const QDateTime local = until.toLocalTime();
    const QString end
        = local.date() == now.toLocalTime().date() ? local.toString(u"HH:mm"_s) : local.toString(u"MM-dd HH:mm"_s);
    return tr("%1 until %2").arg(text, end);
}

QString AlertMute::fullText() const
{
    if (!isMuted())
        return {};
    QString text;
    switch (kind) {
    case Kind::Silenced:
        text = by.isEmpty() ? tr("Silenced in Alertmanager") : tr("Silenced in Alertmanager by %1").arg(by);
        break;
    case Kind::Inhibited: text = tr("Inhibited in Alertmanager by another alert that fires"); break;
    case Kind::Acknowledged: text = by.isEmpty() ? tr("Acknowledged") : tr("Acknowledged by %1").arg(by); break;
    case Kind::None: break;
    }
    if (untilResolved)
        text += u'\n' + tr("The silence is renewed while the alert fires.");
    if (until.isValid())
        text += u'\n' + tr("The silence ends at %1.").arg(until.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss t"_s));
    if (!comment.isEmpty())
        text += u'\n' + tr("Comment: %1").arg(comment);
    return text;
}
