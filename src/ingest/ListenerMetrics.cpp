#include "ingest/ListenerMetrics.h"

using namespace Qt::StringLiterals;

namespace {

const std::vector<double> latencyBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 12);
}

void header(QByteArray &out, const char *name, const char *type, const char *help)
{
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
}

} // namespace

Histogram::Histogram(std::vector<double> upperBounds)
    : m_bounds(std::move(upperBounds))
    , m_buckets(m_bounds.size(), 0)
{ }

void Histogram::observe(double value)
{
    for (size_t i = 0; i < m_bounds.size(); ++i) {
        if (value <= m_bounds[i]) {
            ++m_buckets[i];
            break;
        }
    }
    m_sum += value;
    ++m_count;
}

void Histogram::appendTo(QByteArray &out, const QByteArray &name, const QByteArray &labels) const
{
    const QByteArray prefix = labels.isEmpty() ? QByteArray() : labels + ',';
    quint64 cumulative = 0;
    for (size_t i = 0; i < m_bounds.size(); ++i) {
        cumulative += m_buckets[i];
        out += name + "_bucket{" + prefix + "le=\"" + number(m_bounds[i]) + "\"} " + QByteArray::number(cumulative)
            + '\n';
    }
    out += name + "_bucket{" + prefix + "le=\"+Inf\"} " + QByteArray::number(m_count) + '\n';
    const QByteArray braces = labels.isEmpty() ? QByteArray() : '{' + labels + '}';
    out += name + "_sum" + braces + ' ' + number(m_sum) + '\n';
    out += name + "_count" + braces + ' ' + QByteArray::number(m_count) + '\n';
}

ListenerMetrics::ListenerMetrics()
    : m_commitSeconds(latencyBuckets)
{ }

QString ListenerMetrics::rejectionReason(int status)
{
    switch (status) {
    case 400: return u"malformed_json"_s;
    case 401: return u"unauthorized"_s;
    case 413: return u"too_large"_s;
    case 415: return u"unsupported_media_type"_s;
    case 422: return u"invalid_shape"_s;
    case 429: // Nightingale's way of hearing "retry"
    case 503: return u"store_unavailable"_s;
    default: return u"http_%1"_s.arg(status);
    }
}

void ListenerMetrics::payloadAnswered(int status, const QString &format, double commitSeconds)
{
    if (status >= 200 && status < 300)
        ++m_acceptedByFormat[format];
    else
        ++m_rejectedByReason[rejectionReason(status)];
    if (commitSeconds >= 0)
        m_commitSeconds.observe(commitSeconds);
}

QByteArray ListenerMetrics::endpointLabel(QByteArrayView path)
{
    static const QByteArrayList known{
        "/webhook", "/webhook/alertmanager", "/webhook/grafana", "/webhook/nightingale", "/healthz", "/metrics"};
    for (const QByteArray &endpoint : known)
        if (path == endpoint)
            return endpoint;
    return "other";
}

QByteArray ListenerMetrics::escapeLabelValue(QByteArrayView value)
{
    QByteArray escaped;
    escaped.reserve(value.size());
    for (const char c : value) {
        switch (c) {
        case '\\': escaped += "\\\\"; break;
        case '"': escaped += "\\\""; break;
        case '\n': escaped += "\\n"; break;
        default: escaped += c;
        }
    }
    return escaped;
}

void ListenerMetrics::requestServed(QByteArrayView path, double seconds)
{
    const QByteArray endpoint = endpointLabel(path);
    auto it = m_requestSecondsByEndpoint.find(endpoint);
    if (it == m_requestSecondsByEndpoint.end())
        it = m_requestSecondsByEndpoint.insert(endpoint, Histogram(latencyBuckets));
    it->observe(seconds);
}

QByteArray ListenerMetrics::render() const
{
    QByteArray out;
    header(out, "alertdeck_webhook_payloads_received_total", "counter", "Webhook payloads received.");
    out += "alertdeck_webhook_payloads_received_total " + QByteArray::number(m_received) + '\n';

    header(out, "alertdeck_webhook_payloads_accepted_total", "counter", "Payloads stored and acknowledged, by format.");
    for (auto it = m_acceptedByFormat.begin(); it != m_acceptedByFormat.end(); ++it)
        out += "alertdeck_webhook_payloads_accepted_total{format=\"" + escapeLabelValue(it.key().toUtf8()) + "\"} "
            + QByteArray::number(it.value()) + '\n';

    header(out, "alertdeck_webhook_payloads_rejected_total", "counter", "Payloads refused, by reason.");
    for (auto it = m_rejectedByReason.begin(); it != m_rejectedByReason.end(); ++it)
        out += "alertdeck_webhook_payloads_rejected_total{reason=\"" + escapeLabelValue(it.key().toUtf8()) + "\"} "
            + QByteArray::number(it.value()) + '\n';

    header(out, "alertdeck_alerts", "gauge", "Alerts known, by state.");
    out += "alertdeck_alerts{state=\"firing\"} " + QByteArray::number(m_firing.load(std::memory_order_relaxed)) + '\n';
    out += "alertdeck_alerts{state=\"resolved\"} " + QByteArray::number(m_resolved.load(std::memory_order_relaxed))
        + '\n';

    header(out, "alertdeck_store_commit_seconds", "histogram", "Time to commit a batch of payloads to disk.");
    m_commitSeconds.appendTo(out, "alertdeck_store_commit_seconds");

    header(out, "alertdeck_http_request_duration_seconds", "histogram",
           "Time from a complete request to its answer, by endpoint.");
    for (auto it = m_requestSecondsByEndpoint.begin(); it != m_requestSecondsByEndpoint.end(); ++it)
        it->appendTo(out, "alertdeck_http_request_duration_seconds", "endpoint=\"" + escapeLabelValue(it.key()) + '"');

    header(out, "alertdeck_listener_connections_dropped_total", "counter",
           "Connections the listener closed or refused to stay within its limits, by reason.");
    for (auto it = m_droppedByReason.begin(); it != m_droppedByReason.end(); ++it)
        out += "alertdeck_listener_connections_dropped_total{reason=\"" + escapeLabelValue(it.key()) + "\"} "
            + QByteArray::number(it.value()) + '\n';
    return out;
}
