#pragma once

#include "cli/CommandLineOptions.h"

#include <QObject>
#include <QString>

class AlertTableModel;
class HttpListener;

// The one place that creates, owns and wires AlertDeck's services. The window (if
// any) borrows them; headless mode runs them alone.
class AppServices final : public QObject
{
    Q_OBJECT

public:
    AppServices(const CommandLineOptions &options, const QString &dataDirectory, QObject *parent = nullptr);
    ~AppServices() override;

    // Starts the webhook listener on the configured address. A failure is reported
    // through the listener's state; the caller decides whether it is fatal.
    bool startListener();

    HttpListener *listener() const { return m_listener; }
    AlertTableModel *alerts() const { return m_alerts; }
    QString dataDirectory() const { return m_dataDirectory; }
    bool demo() const { return m_options.demo; }

private:
    CommandLineOptions m_options;
    QString m_dataDirectory;
    HttpListener *m_listener;
    AlertTableModel *m_alerts;
};
