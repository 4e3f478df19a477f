#include "forward/ForwardSettings.h"

#include "settings/AppSettings.h"

namespace ForwardSettings {

ForwardService::Settings load(const AppSettings &settings)
{
    ForwardService::Settings result;
    result.destinations = ChatDestinations::fromJson(settings.value(Settings::chatDestinations));
    result.rules = ForwardRules::fromJson(settings.value(Settings::forwardRules));
    result.rulePerHour = std::max(0, settings.value(Settings::forwardRulePerHour));
    const QStringList alertmanagers = settings.value(Settings::alertmanagerUrls);
    if (!alertmanagers.isEmpty())
        result.links.alertmanagerUrl = alertmanagers.constFirst();
    return result;
}

} // namespace ForwardSettings
