#include "logging/LogSetup.h"

#include "logging/Redaction.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace LogSetup {

QStringList levelNames()
{
    return {u"debug"_s, u"info"_s, u"warning"_s, u"critical"_s};
}

std::optional<Level> parseLevel(const QString &name)
{
    const int index = levelNames().indexOf(name.trimmed().toLower());
    if (index < 0)
        return std::nullopt;
    return static_cast<Level>(index);
}

QString filterRulesFor(Level level)
{
    static const char *const suffixes[] = {"debug", "info", "warning", "critical"};
    QStringList rules;
    for (int i = 0; i < 4; ++i) {
        const bool enabled = i >= static_cast<int>(level);
        rules << u"alertdeck.*.%1=%2"_s.arg(QLatin1String(suffixes[i]), enabled ? u"true"_s : u"false"_s);
    }
    return rules.join(u'\n');
}

void apply(Level level)
{
    qSetMessagePattern(u"%{time yyyy-MM-ddTHH:mm:ss.zzz} %{if-debug}D%{endif}%{if-info}I%{endif}"
                       "%{if-warning}W%{endif}%{if-critical}C%{endif}%{if-fatal}F%{endif} "
                       "%{category}: %{message}"_s);
    QLoggingCategory::setFilterRules(filterRulesFor(level));
    Redaction::installMessageHandler();
}

} // namespace LogSetup
