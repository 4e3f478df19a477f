#include "analysis/AnalysisSettings.h"

#include "analysis/ProviderModels.h"
#include "settings/AppSettings.h"

AnalysisService::Settings AnalysisSettings::load(const AppSettings &settings, const QString &uiLanguage)
{
    AnalysisService::Settings result;
    result.request.baseUrl = QUrl(settings.value(Settings::providerBaseUrl).trimmed());
    result.request.model = settings.value(Settings::providerModel).trimmed();
    // Only DeepSeek's API gets these (CompletionRequest::body() checks the host).
    result.request.thinking
        = ThinkingMode{settings.value(Settings::providerThinking), settings.value(Settings::providerReasoningEffort)};
    result.request.knownModels = ProviderModels::known(settings, result.request.baseUrl);
    result.request.temperature = settings.value(Settings::temperature);
    result.request.maxTokens = settings.value(Settings::maxTokens);
    result.request.timeout = std::chrono::seconds(std::max(1, settings.value(Settings::providerTimeoutSeconds)));
    result.prompt.instructions = settings.value(Settings::promptTemplate);
    result.prompt.language = AnalysisPrompt::resolveLanguage(settings.value(Settings::analysisLanguage), uiLanguage);
    result.prompt.contextTokens = std::max(500, settings.value(Settings::analysisContextTokens));
    result.prompt.redaction.ipAddresses = settings.value(Settings::redactIpAddresses);
    result.prompt.redaction.emailAddresses = settings.value(Settings::redactEmailAddresses);
    result.prompt.redaction.hostPatterns = settings.value(Settings::redactHostPatterns);
    if (const QString matchers = settings.value(Settings::autoAnalysisMatchers).trimmed(); !matchers.isEmpty()) {
        const Result<AlertFilter> parsed = AlertFilter::parse(matchers);
        if (parsed && !parsed->isEmpty())
            result.autoRule = *parsed;
    }
    result.autoPerHour = std::max(0, settings.value(Settings::autoAnalysisPerHour));
    result.autoTarget = ruleTargetFromName(settings.value(Settings::autoAnalysisTarget)).value_or(RuleTarget::Alert);
    result.tools.enabled = settings.value(Settings::analysisTools);
    result.tools.maxCallsPerRun = std::clamp(settings.value(Settings::analysisMaxToolCalls), 1, 20);
    return result;
}
