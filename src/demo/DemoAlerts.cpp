#include "demo/DemoAlerts.h"

#include "ingest/PayloadParser.h"
#include "logging/LogCategories.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

// Q_INIT_RESOURCE must be used outside any namespace; the resource lives in a static library.
static void initDemoResource()
{
    Q_INIT_RESOURCE(demo);
}

namespace {

QDateTime shifted(const QDateTime &time, qint64 offsetSeconds)
{
    return time.isValid() ? time.addSecs(offsetSeconds) : time;
}

} // namespace

QList<Alert> DemoAlerts::load(const QDateTime &now)
{
    initDemoResource();
    QFile file(u":/demo/sample-alerts.json"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcApp) << "demo data missing from the build:" << file.errorString();
        return {};
    }
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const qint64 offset = parseRfc3339(root.value(u"anchor"_s).toString()).secsTo(now);

    QList<Alert> alerts;
    const QJsonArray payloads = root.value(u"payloads"_s).toArray();
    for (const QJsonValue &payload : payloads) {
        const auto result = parsePayload(QJsonDocument(payload.toObject()).toJson(), PayloadFormat::Alertmanager, now);
        if (!result.ok()) {
            qCWarning(lcApp) << "bundled demo payload is invalid:" << result.error->message;
            continue;
        }
        for (Alert alert : result.payload.alerts) {
            alert.startsAt = shifted(alert.startsAt, offset);
            alert.endsAt = shifted(alert.endsAt, offset);
            alert.lastUpdate = alert.state == AlertState::Resolved ? alert.endsAt : now;
            alert.demo = true;
            alerts.append(alert);
        }
    }
    return alerts;
}
