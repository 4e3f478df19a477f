#include "alertmanager/AlertmanagerSync.h"

#include "logging/LogCategories.h"
#include "store/StoreService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

constexpr auto wakeCheckInterval = std::chrono::seconds(10);

QJsonObject mapObject(const LabelMap &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QString rfc3339(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : u"0001-01-01T00:00:00Z"_s;
}

} // namespace

AlertmanagerSync::AlertmanagerSync(StoreService *store, std::function<QList<Alert>()> current, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_current(std::move(current))
{
    m_timer.setInterval(std::chrono::minutes(1));
    connect(&m_timer, &QTimer::timeout, this, &AlertmanagerSync::syncNow);
    m_wakeCheck.setInterval(wakeCheckInterval);
    connect(&m_wakeCheck, &QTimer::timeout, this, [this] {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // Far more time passed than the timer waited: the machine was asleep.
        if (m_lastTick.isValid() && m_lastTick.msecsTo(now) > 3 * std::chrono::milliseconds(wakeCheckInterval).count())
            syncNow();
        m_lastTick = now;
    });
}

QHash<QString, AlertMute> AlertmanagerSync::mutes() const
{
    QHash<QString, AlertMute> result;
    for (auto it = m_statuses.cbegin(); it != m_statuses.cend(); ++it) {
        if (!it->silencedBy.isEmpty()) {
            AlertMute mute{AlertMute::Kind::Silenced};
            // The silence that lasts longest is the one that keeps it quiet.
            for (const QString &id : it->silencedBy) {
                const auto silence = m_silences.constFind(id);
                if (silence != m_silences.cend() && (!mute.until.isValid() || silence->endsAt > mute.until)) {
                    mute.by = silence->createdBy;
                    mute.until = silence->endsAt;
                    mute.comment = silence->comment;
                    mute.since = silence->startsAt;
                }
            }
            result.insert(it.key(), mute);
        } else if (!it->inhibitedBy.isEmpty()) {
            result.insert(it.key(), {AlertMute::Kind::Inhibited});
        }
    }
    return result;
}

void AlertmanagerSync::setEndpoints(const QList<ConnectionCheckRequest> &endpoints)
{
    m_endpoints = endpoints;
}

void AlertmanagerSync::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

void AlertmanagerSync::start()
{
    m_timer.start();
    m_lastTick = QDateTime::currentDateTimeUtc();
    m_wakeCheck.start();
    syncNow();
}

void AlertmanagerSync::stop()
{
    m_timer.stop();
    m_wakeCheck.stop();
}

void AlertmanagerSync::networkChanged(QNetworkInformation::Reachability reachability)
{
    // Back online (new Wi-Fi, VPN up, cable in): what was missed meanwhile comes now.
    if (reachability == QNetworkInformation::Reachability::Online && m_timer.isActive())
        syncNow();
}

void AlertmanagerSync::syncNow()
{
    if (m_endpoints.isEmpty() || m_pending > 0)
        return;
    m_round.clear();
    m_roundInstances.clear();
    m_roundErrors.clear();
    m_roundSilences.clear();
    m_pending = 2 * int(m_endpoints.size());
    for (const ConnectionCheckRequest &endpoint : std::as_const(m_endpoints)) {
        const QString instance = endpoint.url.toString(QUrl::RemoveUserInfo);
        // Who silenced what: without it the table says "silenced" alone. A failure here
        // costs only those details, so it does not count as the round's error.
        m_client.fetchSilences(endpoint, this, [this](const AlertmanagerApi::SilencesResult &result) {
            for (const Silence &silence : result.silences)
                if (silence.state == u"active"_s && !silence.id.isEmpty())
                    m_roundSilences.insert(silence.id, silence);
            if (--m_pending == 0)
                reconcile();
        });
        m_client.fetchAlerts(endpoint, this, [this, instance](const AlertmanagerApi::AlertsResult &result) {
            if (!result.error.isEmpty()) {
                m_roundErrors << u"%1: %2"_s.arg(instance, result.error);
            } else {
                for (const AlertmanagerAlert &alert : result.alerts) {
                    // One alert however many instances report it; silenced if any instance silences it.
                    const auto it = m_round.find(alert.alert.fingerprint);
                    if (it == m_round.end()) {
                        m_round.insert(alert.alert.fingerprint, alert);
                    } else {
                        // Instances that got it at different moments: the earliest start, always.
                        if (alert.alert.startsAt.isValid() && alert.alert.startsAt < it->alert.startsAt)
                            it->alert.startsAt = alert.alert.startsAt;
                        for (const QString &id : alert.silencedBy)
                            if (!it->silencedBy.contains(id))
                                it->silencedBy << id;
                        for (const QString &id : alert.inhibitedBy)
                            if (!it->inhibitedBy.contains(id))
                                it->inhibitedBy << id;
                        if (alert.state == u"suppressed"_s)
                            it->state = alert.state;
                    }
                    m_roundInstances[alert.alert.fingerprint] << instance;
                }
            }
            if (--m_pending == 0)
                reconcile();
        });
    }
}

QByteArray AlertmanagerSync::webhookBody(const QList<Alert> &alerts, bool resolved, const QString &receiver,
                                         const QString &externalUrl)
{
    QJsonArray list;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Alert &alert : alerts)
        list.append(QJsonObject{{u"status"_s, resolved ? u"resolved"_s : u"firing"_s},
                                {u"labels"_s, mapObject(alert.labels)},
                                {u"annotations"_s, mapObject(alert.annotations)},
                                {u"startsAt"_s, rfc3339(alert.startsAt)},
                                {u"endsAt"_s, resolved ? rfc3339(now) : rfc3339({})},
                                {u"generatorURL"_s, alert.generatorUrl},
                                {u"fingerprint"_s, alert.fingerprint}});
    const QJsonObject body{{u"receiver"_s, receiver},
                           {u"status"_s, resolved ? u"resolved"_s : u"firing"_s},
                           {u"alerts"_s, list},
                           {u"groupLabels"_s, QJsonObject{}},
                           {u"commonLabels"_s, QJsonObject{}},
                           {u"commonAnnotations"_s, QJsonObject{}},
                           {u"externalURL"_s, externalUrl},
                           {u"version"_s, u"4"_s},
                           {u"groupKey"_s, receiver},
                           {u"truncatedAlerts"_s, 0}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void AlertmanagerSync::submit(const QByteArray &body)
{
    if (!m_store)
        return;
    WebhookDelivery delivery;
    delivery.receivedAt = QDateTime::currentDateTimeUtc();
    delivery.path = syncPath;
    delivery.format = PayloadFormat::Alertmanager;
    delivery.headers = "{}";
    delivery.body = body;
    m_store->submit(delivery, this, [](const IngestResult &result) {
        if (result.status < 200 || result.status >= 300)
            qCWarning(lcIngest).noquote() << "Alertmanager sync not stored:" << result.status << result.body;
    });
}

void AlertmanagerSync::reconcile()
{
    QHash<QString, Alert> shown; // live alerts from Alertmanager, by fingerprint
    for (const Alert &alert : m_current())
        if (alert.source == u"alertmanager"_s && alert.inLiveStore())
            shown.insert(alert.fingerprint, alert);

    // Missed while away: firing in Alertmanager, not shown as firing (this occurrence).
    QList<Alert> missed;
    for (auto it = m_round.cbegin(); it != m_round.cend(); ++it) {
        const auto known = shown.constFind(it.key());
        const bool showsThis
            = known != shown.cend() && known->state == AlertState::Firing && known->startsAt == it->alert.startsAt;
        if (!showsThis)
            missed << it->alert;
    }
    // Resolved while away: shown firing, but no Alertmanager has it. Only when every
    // Alertmanager answered: one that did not may still hold it.
    QList<Alert> gone;
    if (m_roundErrors.isEmpty())
        for (const Alert &alert : std::as_const(shown))
            if (alert.state == AlertState::Firing && !m_round.contains(alert.fingerprint))
                gone << alert;

    const QString externalUrl
        = m_endpoints.isEmpty() ? QString() : m_endpoints.constFirst().url.toString(QUrl::RemoveUserInfo);
    if (!missed.isEmpty())
        submit(webhookBody(missed, false, syncReceiver, externalUrl));
    if (!gone.isEmpty())
        submit(webhookBody(gone, true, offlineReceiver, externalUrl));

    m_silences = m_roundSilences;
    m_statuses.clear();
    for (auto it = m_round.cbegin(); it != m_round.cend(); ++it)
        m_statuses.insert(it.key(), {it->state, it->silencedBy, it->inhibitedBy, m_roundInstances.value(it.key())});
    m_lastError = m_roundErrors.join(u"; "_s);
    if (!m_lastError.isEmpty())
        qCWarning(lcIngest).noquote() << "Alertmanager sync:" << m_lastError;
    emit statusesChanged();
    emit synced(int(missed.size()), int(gone.size()), m_lastError);
}
