#pragma once

#include "context/ContextData.h"
#include "context/ContextPlan.h"
#include "context/InstantValues.h"
#include "core/Background.h"
#include "net/ConnectionCheck.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>

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
    // POST /api/v1/query at `time`: the expression's value at one instant.
    RequestId queryInstant(const ConnectionCheckRequest &endpoint, const QString &query, const QDateTime &time,
                           QObject *context, std::function<void(const InstantResult &)> done);
    // GET /loki/api/v1/query_range, newest `limit` lines of the window (direction backward).
    RequestId queryLogs(const ConnectionCheckRequest &endpoint, const QString &logQl, const ContextPlan::Window &window,
                        int limit, QObject *context, std::function<void(const LogResult &)> done);
    // Stream discovery (LokiStreamDiscovery): GET /loki/api/v1/labels and
    // /loki/api/v1/series?match[]=selector over the window. An answer larger than
    // maxLokiDiscoveryBytes is not read: for series that means "streams, and many".
    RequestId queryLokiLabels(const ConnectionCheckRequest &endpoint, const ContextPlan::Window &window,
                              QObject *context, std::function<void(const LokiLabelNames &)> done);
    RequestId queryLokiSeries(const ConnectionCheckRequest &endpoint, const QString &selector,
                              const ContextPlan::Window &window, QObject *context,
                              std::function<void(const LokiSeries &)> done);
    // GET /api/v1/series?match[]=selector over the window: the series (label sets) the
    // selector matches. An answer larger than maxLokiDiscoveryBytes is not read: `more`.
    struct SeriesList {
        bool ok = false;
        QList<LabelMap> series{}; // at most maxSeriesListed
        bool more = false; // there were more (or the answer was too large to read whole)
        QString error{};
    };
    static constexpr int maxSeriesListed = 500;
    static SeriesList parsePrometheusSeries(int httpStatus, const QByteArray &body);
    RequestId queryPrometheusSeries(const ConnectionCheckRequest &endpoint, const QString &selector,
                                    const ContextPlan::Window &window, QObject *context,
                                    std::function<void(const SeriesList &)> done);
    void cancel(RequestId id);
    // Answers larger than this are aborted as they arrive and fail with a message
    // (0, the default: no limit). For queries someone else writes (the model's tools):
    // a PromQL expression can match every series there is.
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    int pending() const { return int(m_replies.size() + m_parsing.size()); }

private:
    // Parses on a worker thread (a range can hold hundreds of thousands of samples)
    // and calls `done` back on this thread, unless the client is gone by then.
    template<typename Result>
    void parseAway(RequestId id, QPointer<QObject> context, std::function<Result()> parse,
                   std::function<void(const Result &)> done)
    {
        m_parsing.insert(id);
        Background::run(this, std::move(parse), [this, id, context, done = std::move(done)](const Result &result) {
            if (m_parsing.remove(id) && context)
                done(result);
        });
    }

    // A GET of a Loki discovery path, its answer cut off past maxLokiDiscoveryBytes.
    RequestId sendBounded(
        const ConnectionCheckRequest &endpoint, const QString &path, const QByteArray &query, QObject *context,
        std::function<void(RequestId id, int status, const QByteArray &body, const QString &failure, bool tooLarge)>
            done);
    RequestId send(const ConnectionCheckRequest &endpoint, const QUrl &url, const QByteArray *formBody,
                   QObject *context,
                   std::function<void(RequestId id, int status, const QByteArray &body, const QString &failure)> done);

    QNetworkAccessManager *m_network;
    QHash<RequestId, QPointer<QNetworkReply>> m_replies;
    QSet<RequestId> m_parsing; // answered, being parsed; cancel() drops them
    RequestId m_nextId = 1;
    qint64 m_maxResponseBytes = 0;
};
