#pragma once

#include "model/Alert.h"

#include <QList>
#include <QString>
#include <QStringList>

// What Prometheus and Loki answered for one query, parsed. A failure keeps the
// service's own words: Prometheus's errorType and error, Loki's plain-text message.

struct Sample {
    qint64 ms = 0;
    double value = 0; // NaN for gaps: Prometheus's "NaN", "+Inf", "-Inf"
};

struct Series {
    LabelMap labels;
    QList<Sample> samples;
};

struct MetricResult {
    bool ok = false;
    QList<Series> series{};
    int httpStatus = 0;
    QString errorType{}; // Prometheus: bad_data, execution, timeout…; "network" for no answer
    QString error{};
};

struct LogLine {
    qint64 ns = 0; // Loki's timestamp, nanoseconds since the epoch
    QString line;
    LabelMap stream;
};

struct LogResult {
    bool ok = false;
    QList<LogLine> lines{}; // oldest first
    int httpStatus = 0;
    QString error{};
};

// /loki/api/v1/labels: the label names Loki holds in a window.
struct LokiLabelNames {
    bool ok = false;
    QStringList names{}; // at most maxLokiLabelNames, each a valid label name
    QString error{};
};
// /loki/api/v1/series: the streams a selector matches in a window.
struct LokiSeries {
    bool ok = false;
    QList<LabelMap> streams{}; // at most maxLokiSeries
    bool more = false; // there were more (or the answer was too large to read whole)
    QString error{};
    bool found() const { return ok && (!streams.isEmpty() || more); }
};
inline constexpr int maxLokiLabelNames = 1000;
inline constexpr int maxLokiSeries = 200;
inline constexpr qint64 maxLokiDiscoveryBytes = 1 << 20; // per answer

namespace ContextResponse {
// /api/v1/query_range
MetricResult parsePrometheus(int httpStatus, const QByteArray &body);
// /loki/api/v1/query_range with resultType "streams"; lines of all streams merged, oldest first.
LogResult parseLoki(int httpStatus, const QByteArray &body);
LokiLabelNames parseLokiLabels(int httpStatus, const QByteArray &body);
LokiSeries parseLokiSeries(int httpStatus, const QByteArray &body);
} // namespace ContextResponse
