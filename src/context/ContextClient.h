#pragma once

#include "context/ContextData.h"
#include "context/ContextPlan.h"
#include "net/ConnectionCheck.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// Fetches metric ranges from Prometheus and log lines from Loki for a planned
// window. Asynchronous, with a timeout; a request can be cancelled (the selection
// moved on) and its callback then never runs. `endpoint` carries the base URL,
// credentials and extra headers (Loki's X-Scope-OrgID).
class ContextClient final : public QObject
{
    Q_OBJECT

public:
    using RequestId = quint64;
    static constexpr std::chrono::milliseconds defaultTimeout{15'000};

    explicit ContextClient(QObject *parent = nullptr);

    // POST /api/v1/query_range (form-encoded: long queries fit).
    RequestId queryMetrics(const ConnectionCheckRequest &endpoint, const QString &query,
                           const ContextPlan::Window &window, QObject *context,
                           std::function<void(const MetricResult &)> done);
    // GET /loki/api/v1/query_range, newest `limit` lines of the window (direction backward).
    RequestId queryLogs(const ConnectionCheckRequest &endpoint, const QString &logQl, const ContextPlan::Window &window,
                        int limit, QObject *context, std::function<void(const LogResult &)> done);
    void cancel(RequestId id);
    int pending() const { return int(m_replies.size()); }

private:
    RequestId send(const ConnectionCheckRequest &endpoint, const QUrl &url, const QByteArray *formBody,
                   QObject *context,
                   std::function<void(int status, const QByteArray &body, const QString &failure)> done);

    QNetworkAccessManager *m_network;
    QHash<RequestId, QPointer<QNetworkReply>> m_replies;
    RequestId m_nextId = 1;
};
