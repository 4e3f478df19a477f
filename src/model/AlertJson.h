#pragma once

#include "model/Alert.h"

#include <QJsonObject>

// Alert ↔ JSON, for the store (one document per alert) and for exports. Times are
// RFC 3339 in UTC with milliseconds; absent values are omitted.
namespace AlertJson {
QJsonObject toJson(const Alert &alert);
Alert fromJson(const QJsonObject &object);
} // namespace AlertJson
