#include "model/Alert.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

QString firstPresent(const LabelMap &map, std::initializer_list<QString> keys)
{
    for (const QString &key : keys) {
        const QString value = map.value(key);
        if (!value.isEmpty())
            return value;
    }
    return {};
}

} // namespace

QString Alert::target() const
{
    return firstPresent(
        labels, {u"instance"_s, u"target_ident"_s, u"pod"_s, u"host"_s, u"hostname"_s, u"node"_s, u"service"_s});
}

QString Alert::summary() const
{
    return firstPresent(annotations, {u"summary"_s, u"description"_s, u"message"_s});
}

Severity severityFromText(const QString &text)
{
    const QString value = text.trimmed().toLower();
    if (value.isEmpty() || value == u"none"_s)
        return Severity::None;
    if (value == u"critical"_s || value == u"crit"_s || value == u"emergency"_s || value == u"page"_s
        || value == u"p1"_s || value == u"error"_s || value == u"high"_s)
        return Severity::Critical;
    if (value == u"warning"_s || value == u"warn"_s || value == u"medium"_s || value == u"p2"_s)
        return Severity::Warning;
    if (value == u"info"_s || value == u"notice"_s || value == u"low"_s || value == u"informational"_s
        || value == u"p3"_s)
        return Severity::Info;
    return Severity::Other;
}

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Critical: return QCoreApplication::translate("Alert", "critical");
    case Severity::Warning: return QCoreApplication::translate("Alert", "warning");
    case Severity::Info: return QCoreApplication::translate("Alert", "info");
    case Severity::None: return QCoreApplication::translate("Alert", "none");
    case Severity::Other: break;
    }
    return QCoreApplication::translate("Alert", "other");
}

QString stateName(AlertState state)
{
    return state == AlertState::Firing ? QCoreApplication::translate("Alert", "firing")
                                       : QCoreApplication::translate("Alert", "resolved");
}
