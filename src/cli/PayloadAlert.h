#pragma once

#include "model/Alert.h"
#include "net/ConnectionCheck.h"

#include <QCoreApplication>

// What the `context` and `analyze` commands share: one alert of a payload file, and
// a service endpoint with credentials from the environment.
class PayloadAlert final
{
    Q_DECLARE_TR_FUNCTIONS(PayloadAlert)

public:
    Alert alert;
    int alertsInPayload = 0;
    QString error; // empty when `alert` was read

    // Alert `number` (from 1) of the payload in `file`, any format the listener takes.
    static PayloadAlert load(const QString &file, int number);
    // `url` with ALERTDECK_<SERVICE>_USER / _PASSWORD (and ALERTDECK_LOKI_ORG_ID).
    static ConnectionCheckRequest endpoint(const QString &url, const QString &service);
};
