#pragma once

#include "cli/CommandLineOptions.h"
#include "ingest/ListenAddress.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

class AlertTableModel;
class IncidentFeed;
class IncidentTableModel;
class AnalysisService;
class Acknowledgements;
class AlertmanagerSync;
class ForwardService;
class ReplaySession;
class AppSettings;
class ContextService;
class DemoContextServer;
class HttpListener;
class StoreService;
class SecretStore;

// The one place that creates, owns and wires AlertDeck's services. The window (if
// any) borrows them; headless mode runs them alone.
class AppServices final : public QObject
{
    Q_OBJECT

public:
    AppServices(const CommandLineOptions &options, const QString &dataDirectory, QObject *parent = nullptr);
    ~AppServices() override;

    // Opens the alert store on the store thread (the table fills from it in batches)
    // and reads the listener's credentials from the secret store. readyToListen()
    // once both are done, or storeFailed() with a message naming the file and why
    // (fatal for the caller). secretsProblem() says what could not be read; headless,
    // that stops the start-up (readyToListen() never comes).
    void start();

    // (Re)starts the webhook listener with the current settings and credentials. A
    // failure is reported through the listener's state; the caller decides whether
    // it is fatal.
    bool startListener();
    // Re-reads the listener's settings and credentials after Settings were saved.
    // Limits, origins and credentials apply to the running listener; it rebinds only
    // when what it is bound with changed (address, TLS files) or it is not running,
    // so saving an unrelated page never moves it (with port 0, to another port).
    void reconfigureListener();

    HttpListener *listener() const { return m_listener; }
    AlertTableModel *alerts() const { return m_alerts; }
    // The same alerts grouped into incidents (IncidentSettings' rules).
    IncidentTableModel *incidents() const { return m_incidents; }
    IncidentFeed *incidentFeed() const { return m_incidentFeed; }
    StoreService *store() const { return m_store; }
    SecretStore *secrets() const { return m_secrets; }
    ContextService *context() const { return m_context; }
    AnalysisService *analysis() const { return m_analysis; }
    ForwardService *forward() const { return m_forward; }
    // Replays into this console: kept apart from live alerts (see ReplaySession).
    ReplaySession *replay() const { return m_replay; }
    AlertmanagerSync *alertmanagerSync() const { return m_sync; }
    Acknowledgements *acknowledgements() const { return m_acks; }
    // Re-reads the Alertmanagers to catch up with, and how often.
    void configureSync();
    // Re-reads Settings → AI analysis.
    void configureAnalysis();
    // Re-reads chat destinations and forwarding rules.
    void configureForwarding();
    // Re-reads the data sources (URLs, users, passwords) for the context service.
    void configureContext();
    AppSettings *settings() const { return m_settings; }
    QString dataDirectory() const { return m_dataDirectory; }
    QString storePath() const;
    bool demo() const { return m_options.demo; }
    // --listen if given, else the saved setting.
    ListenAddress listenAddress() const;

signals:
    void readyToListen();
    void storeFailed(const QString &message);
    void secretsProblem(const QString &message);
    // reconfigureListener() has applied the saved settings; `restarted` if it rebound.
    void listenerReconfigured(bool restarted);

private:
    void handleStoreState();
    void loadCredentials(std::function<void()> then);
    void applyListenerSettings();
    // What the listener binds with; a change needs a restart.
    struct ListenerBinding {
        ListenAddress address;
        QString certificateFile;
        QString keyFile;
        QDateTime certificateModified;
        QDateTime keyModified;
        friend bool operator==(const ListenerBinding &, const ListenerBinding &) = default;
    };
    ListenerBinding currentBinding() const;
    bool listenerNeedsRestart() const;
    void announceReadiness();
    void followNetworkChanges();

    CommandLineOptions m_options;
    QString m_dataDirectory;
    AppSettings *m_settings;
    SecretStore *m_secrets;
    StoreService *m_store;
    HttpListener *m_listener;
    AlertTableModel *m_alerts;
    IncidentTableModel *m_incidents;
    IncidentFeed *m_incidentFeed;
    ContextService *m_context;
    AnalysisService *m_analysis;
    ForwardService *m_forward;
    ReplaySession *m_replay;
    AlertmanagerSync *m_sync;
    Acknowledgements *m_acks;
    DemoContextServer *m_demoContext = nullptr; // --demo: the sample alerts' metrics and logs
    ListenerBinding m_startedBinding;
    bool m_listenerHasCredentials = false;
    bool m_storeReady = false;
    bool m_credentialsLoaded = false;
    bool m_announcedReady = false;
    bool m_followingNetwork = false;
    bool m_acksAdopted = false;
    QTimer m_alertCountsTimer;
};
