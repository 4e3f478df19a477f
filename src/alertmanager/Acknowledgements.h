#pragma once

#include "alertmanager/AlertmanagerApi.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

// What Alertmanager answered, before an acknowledgement was made, when asked which of
// its alerts the acknowledgement's matchers (one equality matcher per label) select now.
// Labels are anyone's text: a stand-in alert labelled only severity="critical" would
// otherwise silence every critical alert.
struct AcknowledgeCheck {
    enum class Outcome {
        OnlyThisAlert, // exactly the acknowledged alert: it goes ahead without asking
        OtherAlertsToo, // `otherCount` other alerts too: the engineer decides
        NotInAlertmanager, // nothing: the alert is not (or no longer) in Alertmanager
        NotAsked, // Alertmanager could not be asked (or there is nothing to ask): `error`
    };
    static constexpr qsizetype listedOthers = 8;

    Outcome outcome = Outcome::NotAsked;
    Alert alert;
    ConnectionCheckRequest alertmanager;
    QList<SilenceMatcher> matchers; // as checked: what the silence uses if it is made
    bool alertFound = false; // the alert itself (same fingerprint and labels) is selected
    int otherCount = 0;
    QList<Alert> others; // the first `listedOthers` of them, for the question
    QString error;

    // Sorts Alertmanager's answer. An alert with the same fingerprint but other labels
    // is another alert: the fingerprint came with the webhook and proves nothing.
    static AcknowledgeCheck classify(const Alert &alert, const ConnectionCheckRequest &alertmanager,
                                     const QList<SilenceMatcher> &matchers,
                                     const AlertmanagerApi::AlertsResult &answer);
};
Q_DECLARE_METATYPE(AcknowledgeCheck)

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

    // Asks Alertmanager which alerts the matchers select now; only when that is exactly
    // this alert is the silence made (acknowledged() follows), otherwise heldBack().
    void acknowledge(const Alert &alert, const ConnectionCheckRequest &alertmanager, const QString &author);
    // Makes the acknowledgement a check held back, with the matchers that were checked
    // (the engineer chose to silence the other alerts too).
    void acknowledgeChecked(const AcknowledgeCheck &check, const QString &author);
    // Keeps an existing silence (with its id) alive while the alert fires, extending
    // it by `window` each time, with the same matchers.
    void keep(const QString &fingerprint, const Silence &silence, const ConnectionCheckRequest &alertmanager,
              std::chrono::minutes window);
    // After a restart: takes back the "ack" silences made as acknowledge() makes them
    // for a firing alert, when Alertmanager says they silence that alert and no other
    // (a silence that mutes more is left to run out), so they are extended again.
    int adopt(const QList<Silence> &silences, const QList<AlertmanagerAlert> &inAlertmanager,
              const QList<Alert> &firing, const ConnectionCheckRequest &alertmanager);
    // The same, reading the silences and alerts from `alertmanager` first; adopted() follows.
    void adoptFrom(const ConnectionCheckRequest &alertmanager, const QList<Alert> &firing);
    bool isAcknowledged(const QString &fingerprint) const { return m_kept.contains(fingerprint); }
    // Alertmanager is being asked about an acknowledgement of this alert.
    bool isChecking(const QString &fingerprint) const { return m_checking.contains(fingerprint); }
    QString silenceId(const QString &fingerprint) const { return m_kept.value(fingerprint).silence.id; }
    // Extends every kept silence whose alert still fires and that ends within `lead`
    // (by default a third of its window); the timer calls it each minute.
    void extendDue(std::optional<std::chrono::milliseconds> lead = std::nullopt);

signals:
    void acknowledged(const QString &fingerprint, const QString &silenceId);
    // No silence was made: the check found other alerts, or not this one, or could not ask.
    void heldBack(const AcknowledgeCheck &check);
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
    QSet<QString> m_checking; // fingerprints Alertmanager is being asked about
    std::chrono::minutes m_duration{15};
    QTimer m_timer;
};
