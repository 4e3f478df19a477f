#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include <atomic>
#include <vector>

// A Prometheus histogram with fixed buckets (seconds).
class Histogram final
{
public:
    explicit Histogram(std::vector<double> upperBounds);
    void observe(double value);
    // Text exposition lines for `name` with optional extra `labels` ("k=\"v\"").
    void appendTo(QByteArray &out, const QByteArray &name, const QByteArray &labels = {}) const;
    quint64 count() const { return m_count; }

private:
    std::vector<double> m_bounds;
    std::vector<quint64> m_buckets; // cumulative counts are computed when rendering
    double m_sum = 0;
    quint64 m_count = 0;
};

// What GET /metrics reports about the listener and the store. Used on the listener's
// thread only, but for the alert counts, which the main thread sets.
class ListenerMetrics final
{
public:
    ListenerMetrics();

    void payloadReceived() { ++m_received; }
    void payloadAnswered(int status, const QString &format, double commitSeconds);
    // `path` is the request's; only known endpoints become label values, the rest
    // are counted as "other" (paths are chosen by clients).
    void requestServed(QByteArrayView path, double seconds);
    // A connection closed or refused by the listener's own limits, by reason
    // ("capacity", "evicted", "idle", "output_stalled", "handshake_timeout", "accept_error").
    void connectionDropped(const char *reason) { ++m_droppedByReason[QByteArray(reason)]; }
    // Alert counts by state; thread-safe.
    void setAlertCounts(int firing, int resolved)
    {
        m_firing.store(firing, std::memory_order_relaxed);
        m_resolved.store(resolved, std::memory_order_relaxed);
    }

    // Prometheus text exposition format 0.0.4.
    QByteArray render() const;

    static QString rejectionReason(int status);
    // The label value for a request path: the endpoint itself when it is one of ours.
    static QByteArray endpointLabel(QByteArrayView path);
    // A label value escaped as the text exposition format asks (\\, \" and \n).
    static QByteArray escapeLabelValue(QByteArrayView value);

private:
    quint64 m_received = 0;
    QMap<QString, quint64> m_acceptedByFormat;
    QMap<QString, quint64> m_rejectedByReason;
    Histogram m_commitSeconds;
    QMap<QByteArray, Histogram> m_requestSecondsByEndpoint;
    QMap<QByteArray, quint64> m_droppedByReason;
    std::atomic<int> m_firing{0};
    std::atomic<int> m_resolved{0};
};
