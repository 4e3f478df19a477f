#include "settings/AppSettings.h"

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{ }

AppSettings::AppSettings(const QString &iniFile, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{ }

QString Settings::silenceAuthor(const AppSettings &settings)
{
    const QString configured = settings.value(alertmanagerAuthor).trimmed();
    if (!configured.isEmpty())
        return configured;
    const QString login = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return login.isEmpty() ? u"AlertDeck"_s : login;
}
