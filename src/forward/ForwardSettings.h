#pragma once

#include "forward/ForwardService.h"

class AppSettings;

namespace ForwardSettings {

// The forwarding settings as saved: destinations (Settings → Chat destinations),
// rules and their hourly limit, and the Alertmanager for silence links.
ForwardService::Settings load(const AppSettings &settings);

} // namespace ForwardSettings
