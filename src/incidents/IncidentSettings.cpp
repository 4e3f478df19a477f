#include "incidents/IncidentSettings.h"

#include "settings/AppSettings.h"

#include <algorithm>

using namespace Qt::StringLiterals;

IncidentRules IncidentSettings::read(const AppSettings &settings)
{
    IncidentRules rules;
    if (const Result<QStringList> scopes
        = IncidentRules::parseScopes(settings.value(Settings::incidentScopes).join(u"; "_s));
        scopes)
        rules.scopes = *scopes;
    rules.byGroupKey = settings.value(Settings::incidentByGroupKey);
    const auto minutes = [](int value) { return std::chrono::minutes(std::clamp(value, minMinutes, maxMinutes)); };
    rules.window = minutes(settings.value(Settings::incidentWindowMinutes));
    rules.quiet = minutes(settings.value(Settings::incidentQuietMinutes));
    return rules;
}

void IncidentSettings::write(AppSettings &settings, const IncidentRules &rules)
{
    settings.setValue(Settings::incidentScopes, rules.scopes);
    settings.setValue(Settings::incidentByGroupKey, rules.byGroupKey);
    settings.setValue(Settings::incidentWindowMinutes,
                      int(std::chrono::duration_cast<std::chrono::minutes>(rules.window).count()));
    settings.setValue(Settings::incidentQuietMinutes,
                      int(std::chrono::duration_cast<std::chrono::minutes>(rules.quiet).count()));
}
