#pragma once

class AppSettings;

// Applies the Appearance settings to the running application: the system's palette
// or an explicit light or dark one, and the font size. Safe to call again after
// the settings change.
namespace Appearance {
void apply(const AppSettings &settings);
}
