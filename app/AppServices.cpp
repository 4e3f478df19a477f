#include "AppServices.h"

#include "demo/DemoAlerts.h"
#include "ingest/HttpListener.h"
#include "logging/LogCategories.h"
#include "model/AlertTableModel.h"

AppServices::AppServices(const CommandLineOptions &options, const QString &dataDirectory, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_dataDirectory(dataDirectory)
    , m_listener(new HttpListener(this))
    , m_alerts(new AlertTableModel(this))
{
    qCInfo(lcStore).noquote() << "data directory:" << dataDirectory;
    if (options.demo) {
        const QList<Alert> demoAlerts = DemoAlerts::load(QDateTime::currentDateTimeUtc());
        m_alerts->upsert(demoAlerts);
        qCInfo(lcApp) << "loaded" << demoAlerts.size() << "demo alerts";
    }
}

AppServices::~AppServices()
{
    m_listener->stop();
}

bool AppServices::startListener()
{
    return m_listener->start(m_options.listen);
}
