#include "context/ContextSettings.h"

#include "context/ContextTemplates.h"
#include "secrets/SecretStore.h"
#include "settings/AppSettings.h"

#include <QPointer>

#include <memory>

namespace ContextSettings {

namespace {

using Sources = ContextService::Sources;
using Done = std::function<void(const Sources &)>;
using Wanted = QList<std::pair<ConnectionCheckRequest Sources::*, SecretId>>;

// One password after the other, then `done`.
void readNext(QPointer<SecretStore> secrets, std::shared_ptr<Sources> pending, Wanted wanted, QObject *context,
              Done done)
{
    if (wanted.isEmpty() || !secrets)
        return done(*pending);
    const auto [endpoint, id] = wanted.takeFirst();
    secrets->read(id, context, [=](const SecretStore::Result &password) {
        ((*pending).*endpoint).password = password.value;
        readNext(secrets, pending, wanted, context, done);
    });
}

} // namespace

Result load(const AppSettings &settings)
{
    Result result;
    Sources &sources = result.sources;
    const QStringList prometheus = settings.value(Settings::prometheusUrls);
    if (!prometheus.isEmpty())
        sources.prometheus.url = QUrl(prometheus.constFirst());
    sources.prometheus.user = settings.value(Settings::prometheusUser);
    sources.loki.url = QUrl(settings.value(Settings::lokiUrl));
    sources.loki.user = settings.value(Settings::lokiUser);
    if (const QString tenant = settings.value(Settings::lokiOrgId); !tenant.isEmpty())
        sources.loki.headers.append({"X-Scope-OrgID", tenant.toUtf8()});
    for (ConnectionCheckRequest *endpoint : {&sources.prometheus, &sources.loki})
        endpoint->timeout = ContextClient::defaultTimeout;
    sources.window.minutesBefore = settings.value(Settings::contextMinutesBefore);
    sources.window.minutesAfter = settings.value(Settings::contextMinutesAfter);
    sources.logLimit = settings.value(Settings::logLineLimit);
    sources.filterLogLines = settings.value(Settings::filterLogLines);
    sources.grafana = QUrl(settings.value(Settings::grafanaUrl));
    sources.grafanaLokiDatasource = settings.value(Settings::grafanaLokiDatasource);
    // The user's extra charts and label map: a small text file, read as it is now.
    const QString queries = ContextTemplates::filePath(settings.value(Settings::contextQueriesFile));
    sources.labelMapFile = queries;
    if (const ContextTemplates::FileResult file = ContextTemplates::readFile(queries); !file.missing) {
        if (!file.readError.isEmpty())
            result.warnings << file.readError;
        for (const QString &error : file.parsed.errors)
            result.warnings << queries + u' ' + error;
        sources.templates = file.parsed.config;
        if (!file.parsed.config.labelRules.isEmpty())
            sources.labelRules = file.parsed.config.labelRules;
    }
    return result;
}

void readPasswords(SecretStore &secrets, const Sources &sources, QObject *context, Done done)
{
    const auto needsPassword = [](const ConnectionCheckRequest &endpoint) {
        return !endpoint.url.isEmpty() && !endpoint.user.isEmpty() && endpoint.password.isEmpty();
    };
    Wanted wanted;
    if (needsPassword(sources.prometheus))
        wanted.append({&Sources::prometheus, Secrets::prometheusPassword});
    if (needsPassword(sources.loki))
        wanted.append({&Sources::loki, Secrets::lokiPassword});
    if (wanted.isEmpty())
        return done(sources);
    readNext(&secrets, std::make_shared<Sources>(sources), wanted, context, std::move(done));
}

} // namespace ContextSettings
