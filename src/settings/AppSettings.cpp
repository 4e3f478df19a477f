#include "settings/AppSettings.h"

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{ }

AppSettings::AppSettings(const QString &iniFile, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{ }

void AppSettings::replaceAll(const QMap<QString, QVariant> &values)
{
    for (const Settings::Info &info : Settings::known()) {
        const QVariant before = m_settings->value(info.path);
        QVariant value = values.value(info.path);
        if (!value.isValid() || value == info.defaultValue)
            m_settings->remove(info.path);
        else
            m_settings->setValue(info.path, value);
        if (m_settings->value(info.path) != before)
            emit changed(info.path);
    }
}

QString Settings::silenceAuthor(const AppSettings &settings)
{
    const QString configured = settings.value(alertmanagerAuthor).trimmed();
    if (!configured.isEmpty())
        return configured;
    const QString login = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return login.isEmpty() ? u"AlertDeck"_s : login;
}

namespace {
template<typename T> Settings::Info info(const SettingKey<T> &key)
{
    return {QLatin1String(key.path), QMetaType::fromType<T>(), QVariant::fromValue(key.defaultValue)};
}
} // namespace

QList<Settings::Info> Settings::known()
{
    return {info(listenAddress),
            info(tlsCertificateFile),
            info(tlsKeyFile),
            info(basicAuthUser),
            info(bodyLimitMiB),
            info(maxAlertsPerPayload),
            info(grafanaTimestampHeader),
            info(allowedOrigins),
            info(prometheusUrls),
            info(prometheusUser),
            info(lokiUrl),
            info(lokiUser),
            info(lokiOrgId),
            info(grafanaUrl),
            info(grafanaLokiDatasource),
            info(alertmanagerUrls),
            info(alertmanagerUser),
            info(alertmanagerSyncMinutes),
            info(alertmanagerAckMinutes),
            info(alertmanagerAuthor),
            info(providerBaseUrl),
            info(providerModel),
            info(providerThinking),
            info(providerReasoningEffort),
            info(providerModelCache),
            info(temperature),
            info(maxTokens),
            info(providerTimeoutSeconds),
            info(promptTemplate),
            info(analysisLanguage),
            info(autoAnalysisMatchers),
            info(autoAnalysisPerHour),
            info(autoAnalysisTarget),
            info(analysisContextTokens),
            info(analysisTools),
            info(analysisMaxToolCalls),
            info(redactIpAddresses),
            info(redactEmailAddresses),
            info(redactHostPatterns),
            info(contextMinutesBefore),
            info(contextMinutesAfter),
            info(logLineLimit),
            info(filterLogLines),
            info(contextQueriesFile),
            info(chatDestinations),
            info(forwardRules),
            info(forwardRulePerHour),
            info(notifyMatchers),
            info(doNotDisturb),
            info(notifySound),
            info(closeToTray),
            info(theme),
            info(uiLanguage),
            info(fontPointSize),
            info(dataDirectory),
            info(retentionDays),
            info(incidentScopes),
            info(incidentByGroupKey),
            info(incidentWindowMinutes),
            info(incidentQuietMinutes),
            info(workingSetHours)};
}
