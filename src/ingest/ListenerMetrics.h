#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include <functional>
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
// thread only.
class ListenerMetrics final
{
public:
    ListenerMetrics();

    void payloadReceived() { ++m_received; }
    void payloadAnswered(int status, const QString &format, double commitSeconds);
    void requestServed(const QByteArray &endpoint, double seconds);
    // Supplies alert counts by state ("firing", "resolved") when rendering.
    void setAlertStateSource(std::function<QMap<QString, int>()> source) { m_alertStates = std::move(source); }

    // Prometheus text exposition format 0.0.4.
    QByteArray render() const;

    static QString rejectionReason(int status);

private:
    quint64 m_received = 0;
    QMap<QString, quint64> m_acceptedByFormat;
    QMap<QString, quint64> m_rejectedByReason;
    Histogram m_commitSeconds;
    QMap<QByteArray, Histogram> m_requestSecondsByEndpoint;
    std::function<QMap<QString, int>()> m_alertStates;
};
