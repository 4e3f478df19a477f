#pragma once

#include "cli/CommandLineOptions.h"

#include <QObject>
#include <QString>

#include <optional>

class AlertTableModel;
class HttpListener;
class IngestService;

// The one place that creates, owns and wires AlertDeck's services. The window (if
// any) borrows them; headless mode runs them alone.
class AppServices final : public QObject
{
    Q_OBJECT

public:
    AppServices(const CommandLineOptions &options, const QString &dataDirectory, QObject *parent = nullptr);
    ~AppServices() override;

    // Opens the alert store in the data directory on the store thread; the table
    // fills from it in batches. storeReady() once deliveries can be stored (the
    // listener may start), or storeFailed() with a message naming the file and why
    // (fatal for the caller).
    void openStore();

    // Starts the webhook listener on the configured address. A failure is reported
    // through the listener's state; the caller decides whether it is fatal.
    bool startListener();

    HttpListener *listener() const { return m_listener; }
    AlertTableModel *alerts() const { return m_alerts; }
    IngestService *ingest() const { return m_ingest; }
    QString dataDirectory() const { return m_dataDirectory; }
    QString storePath() const;
    bool demo() const { return m_options.demo; }

signals:
    void storeReady();
    void storeFailed(const QString &message);

private:
    void handleStoreState();

    CommandLineOptions m_options;
    QString m_dataDirectory;
    IngestService *m_ingest;
    HttpListener *m_listener;
    AlertTableModel *m_alerts;
};
