#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

// The webhook formats AlertDeck reads; Auto: detect it from the body.
enum class PayloadFormat { Auto, Alertmanager, Grafana, Nightingale };

// "alertmanager", "grafana", "nightingale" ("auto" for Auto): as stored and answered.
QString formatName(PayloadFormat format);
// The format formatName() gave this name; Auto for any other name.
PayloadFormat formatNamed(QStringView name);
// The format a listener endpoint takes ("/webhook" detects it); none for other paths.
std::optional<PayloadFormat> formatForEndpoint(QByteArrayView path);
