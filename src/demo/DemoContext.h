#pragma once

#include "model/Alert.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <memory>

// Metrics and logs for the --demo alerts, made from the bundled descriptions in
// :/demo/sample-context.json and answered in the shape of the Prometheus and Loki
// HTTP APIs, so that the product's own clients, charts and log view show them
// unchanged. Deterministic: the same question gives the same answer. Thread-safe
// once constructed (answers are worked out off the UI thread).
class DemoContext final
{
public:
    // `alerts`: the demo alerts as loaded (their start and end times place the incidents).
    explicit DemoContext(const QList<Alert> &alerts);
    ~DemoContext();
    DemoContext(const DemoContext &) = delete;
    DemoContext &operator=(const DemoContext &) = delete;

    struct Answer {
        int status = 200;
        QByteArray body; // JSON
    };
    using Parameters = QList<std::pair<QString, QString>>; // decoded, in order (match[] may repeat)

    // GET or POST `path` with `parameters` (query string and form body together).
    Answer answer(const QByteArray &path, const Parameters &parameters, const QDateTime &now) const;

    // Beyond these a request is refused, as Prometheus and Loki do.
    static constexpr qint64 maxPointsPerSeries = 11'000;
    static constexpr int maxLogLines = 5'000;

private:
    struct Data;
    Answer queryRange(const Parameters &parameters) const;
    Answer queryInstant(const Parameters &parameters, const QDateTime &now) const;
    Answer logRange(const Parameters &parameters) const;
    Answer labels() const;
    Answer labelValues(const QString &label) const;
    Answer series(const Parameters &parameters) const;

    std::unique_ptr<const Data> m_data;
};
