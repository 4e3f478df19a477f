#pragma once

#include "model/Alert.h"

#include <QList>

// The sample alerts behind --demo: real Alertmanager webhook bodies bundled as a
// resource, re-timed so they look recent, and marked as demo data.
namespace DemoAlerts {
QList<Alert> load(const QDateTime &now);
} // namespace DemoAlerts
