#include "AppServices.h"

#include "demo/DemoAlerts.h"
#include "ingest/HttpListener.h"
#include "ingest/IngestService.h"
#include "logging/LogCategories.h"
#include "model/AlertTableModel.h"

#include <QDir>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace {
const QString retentionSettingKey = u"Store/retentionDays"_s;
} // namespace

AppServices::AppServices(const CommandLineOptions &options, const QString &dataDirectory, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_dataDirectory(dataDirectory)
    , m_ingest(new IngestService(this))
    , m_listener(new HttpListener(this))
    , m_alerts(new AlertTableModel(this))
{
    qCInfo(lcStore).noquote() << "data directory:" << dataDirectory;
    m_listener->setIngestService(m_ingest);
    m_listener->setAuth(ListenerAuth::fromEnvironment(QProcessEnvironment::systemEnvironment()));
    m_listener->setTlsFiles(options.tlsCertificateFile, options.tlsKeyFile);
    m_listener->metrics().setAlertStateSource([model = m_alerts] { return model->stateCounts(); });
    // Stored changes reach the table as soon as they are committed.
    connect(m_ingest, &IngestService::alertsChanged, m_alerts, &AlertTableModel::applyChanges);
    connect(m_ingest, &IngestService::alertsRemoved, m_alerts, &AlertTableModel::remove);
    // Stored alerts arrive in batches after start-up, always before live changes.
    connect(m_ingest, &IngestService::alertsRestored, m_alerts,
            [model = m_alerts](const QList<Alert> &alerts) { model->upsert(alerts); });
    connect(m_ingest, &IngestService::storeStateChanged, this, &AppServices::handleStoreState);
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

void AppServices::openStore()
{
    if (m_options.demo) {
        // Demo alerts live in the table only; they are never written to the store.
        const QList<Alert> demoAlerts = DemoAlerts::load(QDateTime::currentDateTimeUtc());
        m_alerts->upsert(demoAlerts);
        qCInfo(lcApp) << "loaded" << demoAlerts.size() << "demo alerts";
    }
    m_ingest->openInBackground(storePath());
}

void AppServices::handleStoreState()
{
    switch (m_ingest->storeState()) {
    case IngestService::StoreState::Failed: emit storeFailed(m_ingest->storeError()); break;
    case IngestService::StoreState::Restoring: {
        const int retentionDays = m_options.retentionDays.value_or(
            QSettings().value(retentionSettingKey, IngestService::defaultRetentionDays).toInt());
        m_ingest->setRetentionDays(retentionDays);
        qCInfo(lcStore) << "retention:" << retentionDays << "days (0: keep everything)";
        emit storeReady();
        break;
    }
    case IngestService::StoreState::Open:
        qCInfo(lcStore) << "restored" << m_ingest->restoredAlerts() << "alerts";
        break;
    case IngestService::StoreState::Closed:
    case IngestService::StoreState::Opening: break;
    }
}

bool AppServices::startListener()
{
    return m_listener->start(m_options.listen);
}
