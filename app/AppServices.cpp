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

std::optional<QString> AppServices::openStore()
{
    if (auto error = m_ingest->open(storePath()))
        return error;
    const int retentionDays = m_options.retentionDays.value_or(
        QSettings().value(retentionSettingKey, IngestService::defaultRetentionDays).toInt());
    m_ingest->setRetentionDays(retentionDays);
    qCInfo(lcStore) << "retention:" << retentionDays << "days (0: keep everything)";
    const QList<Alert> stored = m_ingest->storedAlerts();
    m_alerts->upsert(stored);
    qCInfo(lcStore) << "restored" << stored.size() << "alerts";
    if (m_options.demo) {
        // Demo alerts live in the table only; they are never written to the store.
        const QList<Alert> demoAlerts = DemoAlerts::load(QDateTime::currentDateTimeUtc());
        m_alerts->upsert(demoAlerts);
        qCInfo(lcApp) << "loaded" << demoAlerts.size() << "demo alerts";
    }
    return std::nullopt;
}

bool AppServices::startListener()
{
    return m_listener->start(m_options.listen);
}
