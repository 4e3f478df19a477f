#pragma once

#include "analysis/AnalysisService.h"

class AppSettings;

namespace AnalysisSettings {

// The analysis settings as saved (Settings → AI analysis), with the answer
// language resolved against the UI language ("auto").
AnalysisService::Settings load(const AppSettings &settings, const QString &uiLanguage);

} // namespace AnalysisSettings
