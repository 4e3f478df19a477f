#include "replay/ReplaySession.h"

#include "ingest/PayloadParser.h"
#include "logging/LogCategories.h"
#include "store/StoreService.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ReplaySession)
};

void removeStoreFiles(const QString &path)
{
    for (const QString &file : AlertStore::filesOf(path))
        QFile::remove(file);
}

} // namespace

ReplaySession::ReplaySession(const QString &storePath, QObject *parent)
    : QObject(parent)
    , m_storePath(storePath)
{ }

ReplaySession::~ReplaySession() = default;

void ReplaySession::open()
{
    // A session starts empty: what an earlier run left is gone.
    removeStoreFiles(m_storePath);
    m_store = std::make_unique<StoreService>();
    m_store->setMaxAlertsPerPayload(m_limits.maxAlerts);
    connect(m_store.get(), &StoreService::alertsChanged, this, [this](QList<AlertChange> changes) {
        for (AlertChange &change : changes)
            change.alert.replay = true;
        emit alertsChanged(changes);
    });
    connect(m_store.get(), &StoreService::storeStateChanged, this, [this](StoreService::StoreState state) {
        if (state == StoreService::StoreState::Open || state == StoreService::StoreState::Failed)
            flush();
    });
    m_store->openInBackground(m_storePath);
}

void ReplaySession::setMaxAlertsPerPayload(int maxAlerts)
{
    m_limits.maxAlerts = std::max(1, maxAlerts);
    if (m_store)
        m_store->setMaxAlertsPerPayload(m_limits.maxAlerts);
}

void ReplaySession::deliver(const ReplayItem &item, std::function<void(const ReplayOutcome &)> done)
{
    if (!m_store)
        open();
    m_waiting.emplace_back(item, std::move(done));
    flush();
}

void ReplaySession::flush()
{
    const StoreService::StoreState state = m_store->storeState();
    if (state == StoreService::StoreState::Failed) {
        while (!m_waiting.empty()) {
            auto [item, done] = std::move(m_waiting.front());
            m_waiting.pop_front();
            done({false, Text::tr("The replay store could not be opened: %1").arg(m_store->storeError())});
        }
        return;
    }
    if (state != StoreService::StoreState::Open)
        return;
    while (!m_waiting.empty()) {
        auto [item, done] = std::move(m_waiting.front());
        m_waiting.pop_front();
        WebhookDelivery delivery;
        delivery.receivedAt = item.receivedAt.isValid() ? item.receivedAt : QDateTime::currentDateTimeUtc();
        delivery.path = item.path;
        delivery.format = formatForEndpoint(item.path.toUtf8()).value_or(PayloadFormat::Auto);
        delivery.headers = "{}";
        delivery.body = item.body;
        ++m_delivered;
        m_store->submit(delivery, this, [done = std::move(done)](const IngestResult &result) {
            const bool ok = result.status >= 200 && result.status < 300;
            const QString words = QJsonDocument::fromJson(result.body).object().value(u"error"_s).toString();
            done({ok, ok ? Text::tr("stored") : u"HTTP %1: %2"_s.arg(result.status).arg(words)});
        });
    }
}

void ReplaySession::clear()
{
    m_waiting.clear();
    m_store.reset(); // the store thread ends here
    removeStoreFiles(m_storePath);
    m_delivered = 0;
    emit alertsCleared();
}
