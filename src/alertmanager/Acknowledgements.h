#pragma once

#include "alertmanager/AlertmanagerApi.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

// Acknowledge = one click: a short silence for exactly this alert (its labels), with
// the author and the comment "ack", extended while the alert keeps firing and the
// console runs; when it stops firing the silence simply runs out.
class Acknowledgements final : public QObject
{
    Q_OBJECT

public:
    // `firing` tells whether an alert (by fingerprint) still fires.
    Acknowledgements(std::function<bool(const QString &fingerprint)> firing, QObject *parent = nullptr);

    void setDuration(std::chrono::minutes duration) { m_duration = duration; }
    std::chrono::minutes duration() const { return m_duration; }

    void acknowledge(const Alert &alert, const ConnectionCheckRequest &alertmanager, const QString &author);
    bool isAcknowledged(const QString &fingerprint) const { return m_acks.contains(fingerprint); }
    QString silenceId(const QString &fingerprint) const { return m_acks.value(fingerprint).silence.id; }
    // Extends every acknowledgement that still fires and ends within `lead`; the
    // timer calls it each minute with a third of the duration.
    void extendDue(std::chrono::milliseconds lead);

signals:
    void acknowledged(const QString &fingerprint, const QString &silenceId);
    void failed(const QString &fingerprint, const QString &error);
    void extended(const QString &fingerprint, const QString &silenceId);

private:
    struct Ack {
        Silence silence;
        ConnectionCheckRequest alertmanager;
    };

    std::function<bool(const QString &)> m_firing;
    AlertmanagerClient m_client;
    QHash<QString, Ack> m_acks; // by fingerprint
    std::chrono::minutes m_duration{15};
    QTimer m_timer;
};
