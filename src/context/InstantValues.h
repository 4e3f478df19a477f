#pragma once

#include "context/ContextData.h"

#include <QDateTime>

// What Prometheus's instant query (/api/v1/query) answered: the expression's value
// per series at one instant (the alert's start, its end).
struct InstantResult {
    bool ok = false;
    QDateTime at{};
    QList<std::pair<LabelMap, double>> values{}; // a scalar answer is one entry without labels
    QString error{};
};

namespace InstantValues {
// Bounded: an answer with more series than this keeps the first ones.
inline constexpr qsizetype maxSeries = 10'000;
InstantResult parse(int httpStatus, const QByteArray &body);
} // namespace InstantValues
