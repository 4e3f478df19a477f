#pragma once

#include "replay/ReplayPlayer.h"

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

// Posts replayed payloads to another listener (another AlertDeck, a staging receiver).
// A URL without a path gets each payload's original endpoint (/webhook/alertmanager…).
class ReplayHttpTarget final : public QObject
{
    Q_OBJECT

public:
    struct Options {
        QUrl url;
        QByteArray authorization{}; // "Bearer …" or "Basic …"; empty: none
        std::chrono::milliseconds timeout{30'000};
    };

    explicit ReplayHttpTarget(const Options &options, QObject *parent = nullptr);

    void deliver(const ReplayItem &item, std::function<void(const ReplayOutcome &)> done);
    QUrl urlFor(const ReplayItem &item) const;

private:
    Options m_options;
    QNetworkAccessManager *m_network;
};
