#pragma once

#include "alertmanager/AlertmanagerApi.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

// Silences AlertDeck keeps alive while their alert fires and the console runs:
// Acknowledge (one click: a short silence for exactly this alert, with the author and
// the comment "ack") and silences made "until resolved". Each is extended shortly
// before it ends; when the alert stops firing the silence simply runs out.
class Acknowledgements final : public QObject
{
    Q_OBJECT

public:
    // `firing` tells whether an alert (by fingerprint) still fires.
    Acknowledgements(std::function<bool(const QString &fingerprint)> firing, QObject *parent = nullptr);

    void setDuration(std::chrono::minutes duration) { m_duration = duration; }
    std::chrono::minutes duration() const { return m_duration; }

    void acknowledge(const Alert &alert, const ConnectionCheckRequest &alertmanager, const QString &author);
    // Keeps an existing silence (with its id) alive while the alert fires, extending
    // it by `window` each time.
    void keep(const QString &fingerprint, const Silence &silence, const ConnectionCheckRequest &alertmanager,
              std::chrono::minutes window);
    // After a restart: takes back the "ack" silences that select exactly a firing alert
    // (as acknowledge() made them), so they are extended again.
    int adopt(const QList<Silence> &silences, const QList<Alert> &firing, const ConnectionCheckRequest &alertmanager);
    // The same, reading the silences from `alertmanager` first; adopted() follows.
    void adoptFrom(const ConnectionCheckRequest &alertmanager, const QList<Alert> &firing);
    bool isAcknowledged(const QString &fingerprint) const { return m_kept.contains(fingerprint); }
    QString silenceId(const QString &fingerprint) const { return m_kept.value(fingerprint).silence.id; }
    // Extends every kept silence whose alert still fires and that ends within `lead`
    // (by default a third of its window); the timer calls it each minute.
    void extendDue(std::optional<std::chrono::milliseconds> lead = std::nullopt);

signals:
    void acknowledged(const QString &fingerprint, const QString &silenceId);
    void failed(const QString &fingerprint, const QString &error);
    void extended(const QString &fingerprint, const QString &silenceId);
    void adopted(int count);

private:
    struct Kept {
        Silence silence;
        ConnectionCheckRequest alertmanager;
        std::chrono::minutes window{15};
    };

    std::function<bool(const QString &)> m_firing;
    AlertmanagerClient m_client;
    QHash<QString, Kept> m_kept; // by fingerprint
    std::chrono::minutes m_duration{15};
    QTimer m_timer;
};
