#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// Reads what an AlertDeck process stored (its alerts.sqlite), read-only, for tests
// that run the real binary: each alert as the JSON the store keeps.
namespace StoreReader {
QList<QJsonObject> alerts(const QString &storePath);
// The alert called `name` ("alertname"), if stored; the last one if several.
std::optional<QJsonObject> alertNamed(const QString &storePath, const QString &name);
} // namespace StoreReader
