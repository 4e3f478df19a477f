#pragma once

#include "model/Alert.h"

#include <QJsonObject>

// Alert ↔ JSON, for the store (one document per alert) and for exports. Times are
// RFC 3339 in UTC with milliseconds; absent values are omitted.
namespace AlertJson {
QJsonObject toJson(const Alert &alert);
// The same document as compact JSON text, written directly (the store writes one per
// changed alert: without the QJsonObject in between it costs a fraction).
QByteArray toJsonText(const Alert &alert);
Alert fromJson(const QJsonObject &object);
} // namespace AlertJson
