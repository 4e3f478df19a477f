#pragma once

#include "incidents/IncidentRules.h"

class AppSettings;

// The incident rules as Settings (and the config file) keep them.
namespace IncidentSettings {
// Unreadable scopes (a hand-edited file) read as the defaults; numbers are clamped.
IncidentRules read(const AppSettings &settings);
void write(AppSettings &settings, const IncidentRules &rules);
// Minutes a window or quiet period may take.
constexpr int minMinutes = 1;
constexpr int maxMinutes = 24 * 60;
} // namespace IncidentSettings
