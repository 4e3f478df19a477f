#pragma once

#include "model/Alert.h"

#include <QHashFunctions>
#include <QString>

// Names one alert: the same source and fingerprint are the same alert, whatever its
// state or content.
struct AlertKey {
    QString source;
    QString fingerprint;

    static AlertKey of(const Alert &alert) { return {alert.source, alert.fingerprint}; }
    friend bool operator==(const AlertKey &, const AlertKey &) = default;
    friend size_t qHash(const AlertKey &key, size_t seed = 0) noexcept
    {
        return qHashMulti(seed, key.source, key.fingerprint);
    }
};

// Names one occurrence of an alert: one firing, from its startsAt (to the millisecond,
// as the store keeps it) until it resolves.
struct OccurrenceKey {
    AlertKey alert;
    qint64 startsAtMs = 0;

    static OccurrenceKey of(const Alert &alert) { return {AlertKey::of(alert), alert.startsAt.toMSecsSinceEpoch()}; }
    friend bool operator==(const OccurrenceKey &, const OccurrenceKey &) = default;
    friend size_t qHash(const OccurrenceKey &key, size_t seed = 0) noexcept
    {
        return qHashMulti(seed, key.alert, key.startsAtMs);
    }
};

Q_DECLARE_METATYPE(AlertKey)
Q_DECLARE_METATYPE(OccurrenceKey)
