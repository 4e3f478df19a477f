#pragma once

#include <QObject>
#include <QSettings>
#include <QStringList>
#include <QVariant>

#include <memory>

// One setting: where it lives in QSettings, its type and its default. Declared once
// in Settings:: below and used through AppSettings, so no string key or cast is
// repeated around the code.
template<typename T> struct SettingKey {
    const char *path;
    T defaultValue;
};

namespace Settings {
using namespace Qt::StringLiterals;

// Listener
// Empty: 127.0.0.1 on the profile's default port (9095 for the default profile).
inline const SettingKey<QString> listenAddress{"Listener/address", {}};
inline const SettingKey<QString> tlsCertificateFile{"Listener/tlsCertificate", {}};
inline const SettingKey<QString> tlsKeyFile{"Listener/tlsKey", {}};
inline const SettingKey<QString> basicAuthUser{"Listener/basicUser", {}};
inline const SettingKey<int> bodyLimitMiB{"Listener/bodyLimitMiB", 8};
// More alerts in one webhook are refused with 413 (PayloadLimits::defaultMaxAlerts)
inline const SettingKey<int> maxAlertsPerPayload{"Listener/maxAlertsPerPayload", 10'000};
inline const SettingKey<QString> grafanaTimestampHeader{"Listener/grafanaTimestampHeader", {}};
// Web origins ("https://tools.example.org") whose pages may post; others get 403
inline const SettingKey<QStringList> allowedOrigins{"Listener/allowedOrigins", {}};

// Data sources (passwords live in the keychain)
inline const SettingKey<QStringList> prometheusUrls{"DataSources/prometheusUrls", {}};
inline const SettingKey<QString> prometheusUser{"DataSources/prometheusUser", {}};
inline const SettingKey<QString> lokiUrl{"DataSources/lokiUrl", {}};
inline const SettingKey<QString> lokiUser{"DataSources/lokiUser", {}};
inline const SettingKey<QString> lokiOrgId{"DataSources/lokiOrgId", {}};
inline const SettingKey<QString> grafanaUrl{"DataSources/grafanaUrl", {}}; // for "Open in Grafana Explore"
inline const SettingKey<QString> grafanaLokiDatasource{"DataSources/grafanaLokiDatasource", {}}; // its uid
inline const SettingKey<QStringList> alertmanagerUrls{"DataSources/alertmanagerUrls", {}};
inline const SettingKey<QString> alertmanagerUser{"DataSources/alertmanagerUser", {}};
// Catch-up sync with the Alertmanagers above: minutes between reads (0: off)
inline const SettingKey<int> alertmanagerSyncMinutes{"DataSources/alertmanagerSyncMinutes", 1};
// Acknowledge: how long the "ack" silence lasts before it is extended
inline const SettingKey<int> alertmanagerAckMinutes{"DataSources/alertmanagerAckMinutes", 15};
// Author of silences and acknowledgements (empty: the login name)
inline const SettingKey<QString> alertmanagerAuthor{"DataSources/alertmanagerAuthor", {}};

// AI analysis (the API key lives in the keychain)
inline const SettingKey<QString> providerBaseUrl{"Analysis/baseUrl", u"https://api.deepseek.com"_s};
// DeepSeek's current fast model (deepseek-chat and deepseek-reasoner were retired)
inline const SettingKey<QString> providerModel{"Analysis/model", u"deepseek-flash"_s};
// DeepSeek only (never sent elsewhere): thinking mode and its effort (low, high, max)
inline const SettingKey<bool> providerThinking{"Analysis/thinking", true};
inline const SettingKey<QString> providerReasoningEffort{"Analysis/reasoningEffort", u"high"_s};
// The model ids each provider offered at its last GET /models (ProviderModels): a JSON
// array of {"base", "ids"}, newest first; never a key
inline const SettingKey<QString> providerModelCache{"Analysis/modelCache", {}};
inline const SettingKey<double> temperature{"Analysis/temperature", 0.2};
inline const SettingKey<int> maxTokens{"Analysis/maxTokens", 2048};
inline const SettingKey<int> providerTimeoutSeconds{"Analysis/timeoutSeconds", 120};
inline const SettingKey<QString> promptTemplate{"Analysis/promptTemplate", {}}; // empty: the built-in one
inline const SettingKey<QString> analysisLanguage{"Analysis/language", u"auto"_s}; // auto, en, zh_CN
inline const SettingKey<QString> autoAnalysisMatchers{"Analysis/autoAnalysisMatchers", {}}; // empty: off
inline const SettingKey<int> autoAnalysisPerHour{"Analysis/autoAnalysisPerHour", 10};
// "alert": each matching alert; "incident": each incident once, all its alerts together.
inline const SettingKey<QString> autoAnalysisTarget{"Analysis/autoAnalysisTarget", u"alert"_s};
inline const SettingKey<int> analysisContextTokens{"Analysis/contextTokens", 12000};
// The model may query metrics and logs itself (read-only tools), at most this often per question.
inline const SettingKey<bool> analysisTools{"Analysis/tools", true};
inline const SettingKey<int> analysisMaxToolCalls{"Analysis/maxToolCalls", 8}; // 1–20
inline const SettingKey<bool> redactIpAddresses{"Analysis/redactIpAddresses", false};
inline const SettingKey<bool> redactEmailAddresses{"Analysis/redactEmailAddresses", false};
inline const SettingKey<QStringList> redactHostPatterns{"Analysis/redactHostPatterns", {}};

// Context (Metrics and Logs tabs); extra queries live in ContextTemplates::filePath()
inline const SettingKey<int> contextMinutesBefore{"Context/minutesBefore", 30};
inline const SettingKey<int> contextMinutesAfter{"Context/minutesAfter", 10};
inline const SettingKey<int> logLineLimit{"Context/logLineLimit", 200};
inline const SettingKey<bool> filterLogLines{"Context/filterLogLines", false};
// The extra queries and label map (empty: ContextTemplates' default file)
inline const SettingKey<QString> contextQueriesFile{"Context/queriesFile", {}};

// Chat destinations: a JSON array, see ChatDestination
inline const SettingKey<QString> chatDestinations{"Forwarding/destinations", {}};
// Forwarding rules: a JSON array of {matcher, destination}, see ForwardRule; empty: off
inline const SettingKey<QString> forwardRules{"Forwarding/rules", {}};
inline const SettingKey<int> forwardRulePerHour{"Forwarding/rulePerHour", 10};

// Desktop notifications and the tray
inline const SettingKey<QString> notifyMatchers{"Notifications/matchers", u"severity=\"critical\""_s}; // empty: none
inline const SettingKey<bool> doNotDisturb{"Notifications/doNotDisturb", false};
inline const SettingKey<bool> notifySound{"Notifications/sound", false};
// Closing the window: "" asks once, "tray" keeps running in the tray, "quit" quits
inline const SettingKey<QString> closeToTray{"Window/closeToTray", {}};

// Appearance
inline const SettingKey<QString> theme{"Appearance/theme", u"system"_s}; // system, light, dark
inline const SettingKey<QString> uiLanguage{"Appearance/language", {}}; // empty: the system's; en, zh_CN
inline const SettingKey<int> fontPointSize{"Appearance/fontPointSize", 0}; // 0: the system's

// Data
inline const SettingKey<QString> dataDirectory{"Data/directory", {}}; // empty: the default place
inline const SettingKey<int> retentionDays{"Store/retentionDays", 90}; // 0 keeps everything
// Resolved alerts stay in the table (and in memory) this long; older ones are on disk,
// reached through "Search older history".
inline const SettingKey<int> workingSetHours{"Store/workingSetHours", 24};

// Incidents (IncidentRules): alerts sharing a group key or a scope, starting within the window
// (one line each, as tst_configfile reads them)
// clang-format off
inline const SettingKey<QStringList> incidentScopes{"Incidents/scopes", {u"instance|host|node"_s, u"namespace+pod"_s, u"cluster+service"_s}};
// clang-format on
inline const SettingKey<bool> incidentByGroupKey{"Incidents/byGroupKey", true};
inline const SettingKey<int> incidentWindowMinutes{"Incidents/windowMinutes", 5}; // 1–1440
inline const SettingKey<int> incidentQuietMinutes{"Incidents/quietMinutes", 5}; // resolved this long: it ends
} // namespace Settings

// Typed access to the user's settings (QSettings underneath; never secrets), with a
// signal per change so that what depends on a setting can follow it live.
class AppSettings final : public QObject
{
    Q_OBJECT

public:
    // The application's QSettings (organisation and application name).
    explicit AppSettings(QObject *parent = nullptr);
    // A given file, for tests and for import/export.
    explicit AppSettings(const QString &iniFile, QObject *parent = nullptr);

    template<typename T> T value(const SettingKey<T> &key) const
    {
        // A value of the wrong type (a hand-edited file) reads as the default.
        QVariant stored = m_settings->value(QLatin1String(key.path));
        return stored.isValid() && stored.convert(QMetaType::fromType<T>()) ? stored.value<T>() : key.defaultValue;
    }
    template<typename T> void setValue(const SettingKey<T> &key, const T &value)
    {
        if (m_settings->contains(QLatin1String(key.path)) && this->value(key) == value)
            return;
        if (value == key.defaultValue)
            m_settings->remove(QLatin1String(key.path));
        else
            m_settings->setValue(QLatin1String(key.path), QVariant::fromValue(value));
        emit changed(QLatin1String(key.path));
    }
    template<typename T> bool isSet(const SettingKey<T> &key) const
    {
        return m_settings->contains(QLatin1String(key.path));
    }

    // Untyped access by path, for configuration files (see Settings::known()).
    QVariant rawValue(const QString &path) const { return m_settings->value(path); }
    bool containsPath(const QString &path) const { return m_settings->contains(path); }
    // Every known setting from `values`; those missing go back to their default.
    void replaceAll(const QMap<QString, QVariant> &values);

    void sync() { m_settings->sync(); }
    QString fileName() const { return m_settings->fileName(); }

signals:
    void changed(const QString &path);

private:
    std::unique_ptr<QSettings> m_settings;
};

namespace Settings {
// One setting as a configuration file sees it: where it lives, its type, its default.
struct Info {
    QString path;
    QMetaType type;
    QVariant defaultValue;
};
// Every setting above (a test checks that none is missing).
QList<Info> known();

// Who silences and acknowledgements say made them: the setting, else the login name.
QString silenceAuthor(const AppSettings &settings);
} // namespace Settings
