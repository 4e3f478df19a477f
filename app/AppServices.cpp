#include "AppServices.h"

#include "alertmanager/Acknowledgements.h"
#include "alertmanager/AlertmanagerSync.h"
#include "analysis/AnalysisService.h"
#include "analysis/AnalysisSettings.h"
#include "context/ContextService.h"
#include "context/ContextSettings.h"
#include "core/Profile.h"
#include "demo/DemoAlerts.h"
#include "demo/DemoContextServer.h"
#include "forward/ForwardSettings.h"
#include "incidents/IncidentFeed.h"
#include "incidents/IncidentSettings.h"
#include "ingest/HttpListener.h"
#include "ingest/ListenerAuthLoader.h"
#include "logging/LogCategories.h"
#include "model/AlertTableModel.h"
#include "model/IncidentTableModel.h"
#include "replay/ReplaySession.h"
#include "secrets/EnvironmentSecretStore.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretStore.h"
#include "settings/AppSettings.h"
#include "store/StoreService.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QNetworkInformation>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

namespace {

// Headless: the environment and --secret files; the desktop: the system keychain.
SecretStore *createSecretStore(const CommandLineOptions &options, QObject *parent)
{
    if (options.headless)
        return new EnvironmentSecretStore(QProcessEnvironment::systemEnvironment(), options.secretFiles, parent);
    return new KeychainSecretStore(Profile::keychainProfile(), parent);
}

} // namespace

AppServices::AppServices(const CommandLineOptions &options, const QString &dataDirectory, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_dataDirectory(dataDirectory)
    , m_settings(new AppSettings(this))
    , m_secrets(createSecretStore(options, this))
    , m_store(new StoreService(this))
    , m_listener(new HttpListener(this))
    , m_alerts(new AlertTableModel(this))
    , m_incidents(new IncidentTableModel(IncidentSettings::read(*m_settings), this))
    , m_incidentFeed(new IncidentFeed(m_incidents, m_store, this))
    , m_context(new ContextService(this))
    , m_analysis(new AnalysisService(m_context, m_store, m_secrets, this))
    , m_forward(new ForwardService(m_store, m_secrets, m_analysis, this))
    , m_replay(new ReplaySession(QDir(dataDirectory).filePath(u"replay.sqlite"_s), this))
    , m_sync(new AlertmanagerSync(
          m_store, [model = m_alerts] { return model->alerts(); }, this))
    , m_acks(new Acknowledgements(
          [model = m_alerts](const QString &fingerprint) {
              const int row = model->rowOf(u"alertmanager"_s, fingerprint);
              return row >= 0 && model->alertAt(row).state == AlertState::Firing;
          },
          this))
{
    qCInfo(lcStore).noquote() << "data directory:" << dataDirectory;
    qCInfo(lcSecrets).noquote() << "secrets come from" << m_secrets->description();
    m_listener->setStore(m_store);
    applyListenerSettings();
    // /metrics reports the table's alert counts, refreshed at most a few times a second.
    m_alertCountsTimer.setSingleShot(true);
    m_alertCountsTimer.setInterval(250);
    connect(&m_alertCountsTimer, &QTimer::timeout, this, [this] {
        const QMap<QString, int> counts = m_alerts->stateCounts();
        m_listener->setAlertCounts(counts.value(u"firing"_s), counts.value(u"resolved"_s));
    });
    const auto countLater = [this] {
        if (!m_alertCountsTimer.isActive())
            m_alertCountsTimer.start();
    };
    connect(m_alerts, &AlertTableModel::rowsInserted, this, countLater);
    connect(m_alerts, &AlertTableModel::rowsRemoved, this, countLater);
    connect(m_alerts, &AlertTableModel::dataChanged, this, countLater);
    connect(m_alerts, &AlertTableModel::modelReset, this, countLater);
    // Stored changes reach the table as soon as they are committed.
    connect(m_store, &StoreService::alertsChanged, m_alerts, &AlertTableModel::applyChanges);
    connect(m_store, &StoreService::alertsRemoved, m_alerts, &AlertTableModel::remove);
    // Resolved alerts that leave the working set leave the table too (they stay on disk).
    connect(m_store, &StoreService::alertsAgedOut, m_alerts, &AlertTableModel::remove);
    // Incidents whose alerts all left the working set go too (the store keeps them).
    connect(m_store, &StoreService::alertsAgedOut, m_incidents, [this] {
        const int hours = m_settings->value(Settings::workingSetHours);
        m_incidents->dropIncidentsEndedBefore(QDateTime::currentDateTimeUtc().addSecs(-3600LL * hours));
    });
    // Stored alerts arrive in batches after start-up, always before live changes.
    connect(m_store, &StoreService::alertsRestored, m_alerts,
            [model = m_alerts](const QList<Alert> &alerts) { model->upsert(alerts); });
    // ...and into incidents, once the manual merges and splits are known.
    connect(m_store, &StoreService::alertsRestored, m_incidentFeed, &IncidentFeed::addRestored);
    connect(m_store, &StoreService::alertsChanged, m_incidentFeed, &IncidentFeed::applyChanges);
    connect(m_store, &StoreService::storeStateChanged, this, &AppServices::handleStoreState);
    // Critical alerts that start firing get their context fetched before anyone looks.
    connect(m_store, &StoreService::alertsChanged, m_context, [this](const QList<AlertChange> &changes) {
        for (const AlertChange &change : changes)
            if (change.startedFiring() && change.alert.severity == Severity::Critical)
                m_context->prefetch(change.alert);
    });
    // New firing alerts matching the auto-analysis rule are analysed at once.
    connect(m_store, &StoreService::alertsChanged, m_analysis, &AnalysisService::handleAlertChanges);
    // ...and forwarded by the forwarding rules (after the analysis has started, to carry it).
    connect(m_store, &StoreService::alertsChanged, m_forward, &ForwardService::handleAlertChanges);
    // Replayed alerts join the table, marked; rules see them only when a replay asks.
    connect(m_replay, &ReplaySession::alertsChanged, this, [this](const QList<AlertChange> &changes) {
        m_alerts->applyChanges(changes);
        if (m_replay->triggersRules()) {
            m_analysis->handleAlertChanges(changes);
            m_forward->handleAlertChanges(changes);
        }
    });
    connect(m_replay, &ReplaySession::alertsCleared, m_alerts, &AlertTableModel::removeReplayed);
    // Alertmanager's silences and inhibitions show in the table's State column.
    connect(m_sync, &AlertmanagerSync::statusesChanged, m_alerts,
            [this] { m_alerts->setSyncedMutes(m_sync->mutes()); });
    // ...and in the evidence an analysis cites: who silenced it, until when.
    m_analysis->setSilenceLookup([model = m_alerts](const Alert &alert) {
        const AlertMute mute = model->muteOf(alert);
        return mute.isMuted() ? QList<AlertMute>{mute} : QList<AlertMute>{};
    });
    // Automatic rules that target incidents find an alert's incident in the Incidents view's model.
    m_analysis->setIncidentLookup(
        [incidents = m_incidents](const Alert &alert) { return incidents->snapshotOf(alert); });
    // Acknowledgements made before a restart are extended again once Alertmanager answers.
    connect(m_sync, &AlertmanagerSync::synced, m_acks, [this](int, int, const QString &error) {
        if (m_acksAdopted || !error.isEmpty() || m_sync->endpoints().isEmpty())
            return;
        m_acksAdopted = true;
        QList<Alert> firing;
        for (const Alert &alert : m_alerts->alerts())
            if (alert.state == AlertState::Firing && alert.inLiveStore())
                firing << alert;
        m_acks->adoptFrom(m_sync->endpoints().constFirst(), firing);
    });
    connect(m_settings, &AppSettings::changed, this, [this](const QString &path) {
        if (path == QLatin1String(Settings::retentionDays.path) && !m_options.retentionDays && m_storeReady)
            m_store->setRetentionDays(m_settings->value(Settings::retentionDays));
        if (path == QLatin1String(Settings::workingSetHours.path)) {
            m_store->setWorkingSetHours(m_settings->value(Settings::workingSetHours));
            m_store->setIncidentRules(IncidentSettings::read(*m_settings));
            m_store->sweepWorkingSet();
        }
        if (path.startsWith(u"Analysis/"_s))
            configureAnalysis();
        if (path.startsWith(u"Forwarding/"_s) || path == QLatin1String(Settings::alertmanagerUrls.path))
            configureForwarding();
        if (path.startsWith(u"DataSources/alertmanager"_s))
            configureSync();
        if (path.startsWith(u"Incidents/"_s)) {
            m_incidents->setRules(IncidentSettings::read(*m_settings));
            m_store->setIncidentRules(IncidentSettings::read(*m_settings));
        }
    });
    configureAnalysis();
    configureForwarding();
}

AppServices::~AppServices()
{
    // Stop taking requests before the store thread shuts down.
    m_listener->stop();
}

QString AppServices::storePath() const
{
    return QDir(m_dataDirectory).filePath(u"alerts.sqlite"_s);
}

ListenAddress AppServices::listenAddress() const
{
    if (m_options.listenGiven)
        return m_options.listen;
    const QString text = m_settings->value(Settings::listenAddress);
    if (text.isEmpty())
        return ListenAddress::defaultAddress();
    const Result<ListenAddress> saved = parseListenAddress(text);
    if (!saved) {
        qCWarning(lcIngest).noquote() << "saved listen address:" << saved.error() << "- using the default";
        return ListenAddress::defaultAddress();
    }
    return *saved;
}

void AppServices::configureContext()
{
    // Reads the queries file here (bounded, a regular file only: see ContextSettings::load);
    // the passwords come later from the secret store.
    const ContextSettings::Result loaded = ContextSettings::load(*m_settings);
    for (const QString &warning : loaded.warnings)
        qCWarning(lcContext).noquote() << warning;
    ContextSettings::readPasswords(*m_secrets, loaded.sources, this, [this](ContextService::Sources sources) {
        // --demo: a source that is not set up shows the sample alerts' bundled metrics and logs.
        if (m_demoContext && sources.prometheus.url.isEmpty())
            sources.prometheus.url = m_demoContext->url();
        if (m_demoContext && sources.loki.url.isEmpty())
            sources.loki.url = m_demoContext->url();
        m_context->setSources(sources);
    });
}

void AppServices::configureAnalysis()
{
    m_analysis->setSettings(AnalysisSettings::load(*m_settings, QLocale().name()));
}

void AppServices::configureForwarding()
{
    m_forward->setSettings(ForwardSettings::load(*m_settings));
}

void AppServices::configureSync()
{
    if (m_store->storeState() != StoreService::StoreState::Open)
        return; // starts once the stored alerts are back
    const int minutes = m_settings->value(Settings::alertmanagerSyncMinutes);
    m_acks->setDuration(std::chrono::minutes(std::max(1, m_settings->value(Settings::alertmanagerAckMinutes))));
    const QStringList urls = m_settings->value(Settings::alertmanagerUrls);
    const QString user = m_settings->value(Settings::alertmanagerUser);
    auto apply = [this, minutes, urls, user](const QString &password) {
        QList<ConnectionCheckRequest> endpoints;
        for (const QString &url : urls)
            endpoints.append({QUrl(url), user, user.isEmpty() ? QString() : password});
        // Silences and Acknowledge need the endpoints even when catch-up is off.
        m_sync->setEndpoints(endpoints);
        m_sync->setInterval(std::chrono::minutes(std::max(1, minutes)));
        if (minutes > 0 && !endpoints.isEmpty()) {
            followNetworkChanges();
            m_sync->start();
        } else {
            m_sync->stop();
        }
    };
    if (user.isEmpty())
        return apply({});
    m_secrets->read(Secrets::alertmanagerPassword, this,
                    [apply](const SecretStore::Result &password) { apply(password.value); });
}

void AppServices::followNetworkChanges()
{
    if (m_followingNetwork) // loading a backend asks the system bus: once is enough
        return;
    m_followingNetwork = true;
    if (!QNetworkInformation::loadDefaultBackend()) {
        qCInfo(lcApp) << "no network information backend: catch-up follows the timer and wake-ups only";
        return;
    }
    connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, m_sync,
            &AlertmanagerSync::networkChanged);
}

void AppServices::start()
{
    if (m_options.demo) {
        // Demo alerts live in the table only; they are never written to the store.
        const QList<Alert> demoAlerts = DemoAlerts::load(QDateTime::currentDateTimeUtc());
        m_alerts->upsert(demoAlerts);
        m_incidentFeed->addRestored(demoAlerts);
        qCInfo(lcApp) << "loaded" << demoAlerts.size() << "demo alerts";
        auto server = std::make_unique<DemoContextServer>(demoAlerts);
        if (server->start()) {
            server->setParent(this);
            m_demoContext = server.release();
        } else {
            qCWarning(lcApp) << "the demo metrics and logs are not served: no loopback port";
        }
    }
    configureContext();
    m_store->setWorkingSetHours(m_settings->value(Settings::workingSetHours));
    m_store->openInBackground(storePath());
    loadCredentials([this] {
        m_credentialsLoaded = true;
        announceReadiness();
    });
}

void AppServices::loadCredentials(std::function<void()> then)
{
    ListenerAuth base;
    base.basicUser = m_settings->value(Settings::basicAuthUser).toUtf8();
    base.grafanaTimestampHeader = m_settings->value(Settings::grafanaTimestampHeader).toLower().toUtf8();
    if (m_options.headless) {
        // Headless set-ups name the non-secret parts in the environment too.
        const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (environment.contains(u"ALERTDECK_LISTENER_USER"_s))
            base.basicUser = environment.value(u"ALERTDECK_LISTENER_USER"_s).toUtf8();
        if (environment.contains(u"ALERTDECK_GRAFANA_TIMESTAMP_HEADER"_s))
            base.grafanaTimestampHeader = environment.value(u"ALERTDECK_GRAFANA_TIMESTAMP_HEADER"_s).toLower().toUtf8();
    }
    loadListenerAuth(*m_secrets, base, this,
                     [this, then = std::move(then)](const ListenerAuth &auth, QStringList problems) {
                         problems << auth.problems();
                         m_listener->setAuth(auth);
                         m_listenerHasCredentials = auth.requiresCredentials();
                         for (const QString &problem : problems)
                             qCWarning(lcSecrets).noquote() << problem;
                         if (!problems.isEmpty())
                             emit secretsProblem(problems.join(u'\n'));
                         // Headless, a secret that cannot be read stops the start-up: the
                         // listener never runs half-configured.
                         if (problems.isEmpty() || !m_options.headless)
                             then();
                     });
}

void AppServices::applyListenerSettings()
{
    const bool tlsGiven = !m_options.tlsCertificateFile.isEmpty();
    m_listener->setTlsFiles(tlsGiven ? m_options.tlsCertificateFile : m_settings->value(Settings::tlsCertificateFile),
                            tlsGiven ? m_options.tlsKeyFile : m_settings->value(Settings::tlsKeyFile));
    HttpRequestParser::Limits limits;
    limits.maxBodyBytes = qint64(std::max(1, m_settings->value(Settings::bodyLimitMiB))) * 1024 * 1024;
    m_listener->setLimits(limits);
    m_store->setMaxAlertsPerPayload(m_settings->value(Settings::maxAlertsPerPayload));
    m_listener->setAllowedOrigins(m_settings->value(Settings::allowedOrigins));
    // Replayed payloads meet the same limit as live ones.
    m_replay->setMaxAlertsPerPayload(m_settings->value(Settings::maxAlertsPerPayload));
}

void AppServices::handleStoreState()
{
    switch (m_store->storeState()) {
    case StoreService::StoreState::Failed: emit storeFailed(m_store->storeError()); break;
    case StoreService::StoreState::Restoring: {
        const int retentionDays = m_options.retentionDays.value_or(m_settings->value(Settings::retentionDays));
        m_store->setRetentionDays(retentionDays);
        qCInfo(lcStore) << "retention:" << retentionDays << "days (0: keep everything)";
        m_storeReady = true;
        announceReadiness();
        break;
    }
    case StoreService::StoreState::Open:
        qCInfo(lcStore) << "restored" << m_store->restoredAlerts() << "alerts";
        // What Alertmanager holds now is compared with what the store restored.
        configureSync();
        m_incidentFeed->start();
        break;
    case StoreService::StoreState::Closed:
    case StoreService::StoreState::Opening: break;
    }
}

void AppServices::announceReadiness()
{
    if (m_storeReady && m_credentialsLoaded && !m_announcedReady) {
        m_announcedReady = true;
        emit readyToListen();
    }
}

bool AppServices::startListener()
{
    m_startedBinding = currentBinding();
    return m_listener->start(m_startedBinding.address);
}

AppServices::ListenerBinding AppServices::currentBinding() const
{
    const bool tlsGiven = !m_options.tlsCertificateFile.isEmpty();
    ListenerBinding binding;
    binding.address = listenAddress();
    binding.certificateFile = tlsGiven ? m_options.tlsCertificateFile : m_settings->value(Settings::tlsCertificateFile);
    binding.keyFile = tlsGiven ? m_options.tlsKeyFile : m_settings->value(Settings::tlsKeyFile);
    // A renewed certificate under the same name is read again too.
    if (!binding.certificateFile.isEmpty())
        binding.certificateModified = QFileInfo(binding.certificateFile).lastModified();
    if (!binding.keyFile.isEmpty())
        binding.keyModified = QFileInfo(binding.keyFile).lastModified();
    return binding;
}

bool AppServices::listenerNeedsRestart() const
{
    if (m_listener->state() != HttpListener::State::Listening)
        return true; // stopped or failed: the saved settings may be what it lacked
    const ListenerBinding binding = currentBinding();
    // Reachable from other machines without credentials any more: start() refuses that.
    if (!binding.address.isLoopback() && !m_listenerHasCredentials)
        return true;
    return !(binding == m_startedBinding);
}

void AppServices::reconfigureListener()
{
    applyListenerSettings();
    if (!m_announcedReady)
        return; // start-up has not finished: it starts the listener with these settings
    loadCredentials([this] {
        const bool restart = listenerNeedsRestart();
        if (restart)
            startListener();
        else
            qCInfo(lcIngest) << "listener settings applied without a restart";
        emit listenerReconfigured(restart);
    });
}
