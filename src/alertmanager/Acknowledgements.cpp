#include "alertmanager/Acknowledgements.h"

#include "logging/LogCategories.h"

AcknowledgeCheck AcknowledgeCheck::classify(const Alert &alert, const ConnectionCheckRequest &alertmanager,
                                            const QList<SilenceMatcher> &matchers,
                                            const AlertmanagerApi::AlertsResult &answer)
{
    AcknowledgeCheck check;
    check.alert = alert;
    check.alertmanager = alertmanager;
    check.matchers = matchers;
    if (!answer.error.isEmpty()) {
        check.error = answer.error;
        return check;
    }
    for (const AlertmanagerAlert &selected : answer.alerts) {
        if (selected.alert.fingerprint == alert.fingerprint && selected.alert.labels == alert.labels) {
            check.alertFound = true;
            continue;
        }
        if (check.others.size() < listedOthers)
            check.others.append(selected.alert);
        ++check.otherCount;
    }
    check.outcome = check.otherCount > 0 ? Outcome::OtherAlertsToo
        : check.alertFound               ? Outcome::OnlyThisAlert
                                         : Outcome::NotInAlertmanager;
    return check;
}

Acknowledgements::Acknowledgements(std::function<bool(const QString &)> firing, QObject *parent)
    : QObject(parent)
    , m_firing(std::move(firing))
{
    m_timer.setInterval(std::chrono::minutes(1));
    connect(&m_timer, &QTimer::timeout, this, [this] { extendDue(); });
}

void Acknowledgements::acknowledge(const Alert &alert, const ConnectionCheckRequest &alertmanager,
                                   const QString &author)
{
    if (m_kept.contains(alert.fingerprint) || m_checking.contains(alert.fingerprint))
        return;
    const QList<SilenceMatcher> matchers = AlertmanagerApi::matchersFor(alert);
    if (matchers.isEmpty()) {
        AcknowledgeCheck check;
        check.alert = alert;
        check.alertmanager = alertmanager;
        check.error = tr("the alert has no labels, and a silence needs at least one matcher");
        return emit heldBack(check);
    }
    m_checking.insert(alert.fingerprint);
    m_client.fetchAlertsMatching(
        alertmanager, matchers, this,
        [this, alert, alertmanager, matchers, author](const AlertmanagerApi::AlertsResult &answer) {
            m_checking.remove(alert.fingerprint);
            const AcknowledgeCheck check = AcknowledgeCheck::classify(alert, alertmanager, matchers, answer);
            if (check.outcome != AcknowledgeCheck::Outcome::OnlyThisAlert)
                return emit heldBack(check);
            acknowledgeChecked(check, author);
        });
}

void Acknowledgements::acknowledgeChecked(const AcknowledgeCheck &check, const QString &author)
{
    if (check.matchers.isEmpty() || m_kept.contains(check.alert.fingerprint))
        return;
    Silence silence;
    silence.matchers = check.matchers;
    silence.startsAt = QDateTime::currentDateTimeUtc();
    silence.endsAt = silence.startsAt.addSecs(std::chrono::seconds(m_duration).count());
    silence.createdBy = author;
    silence.comment = QStringLiteral("ack");
    const QString fingerprint = check.alert.fingerprint;
    const ConnectionCheckRequest alertmanager = check.alertmanager;
    m_client.saveSilence(alertmanager, silence, this,
                         [this, fingerprint, silence, alertmanager](const QString &id, const QString &error) mutable {
                             if (!error.isEmpty())
                                 return emit failed(fingerprint, error);
                             silence.id = id;
                             keep(fingerprint, silence, alertmanager, m_duration);
                             emit acknowledged(fingerprint, id);
                         });
}

void Acknowledgements::keep(const QString &fingerprint, const Silence &silence,
                            const ConnectionCheckRequest &alertmanager, std::chrono::minutes window)
{
    m_kept.insert(fingerprint, {silence, alertmanager, window});
    if (!m_timer.isActive())
        m_timer.start();
}

int Acknowledgements::adopt(const QList<Silence> &silences, const QList<AlertmanagerAlert> &inAlertmanager,
                            const QList<Alert> &firing, const ConnectionCheckRequest &alertmanager)
{
    // What each silence mutes now, as Alertmanager says (one pass over its alerts).
    QHash<QString, QList<const Alert *>> muted; // by silence id
    for (const AlertmanagerAlert &alert : inAlertmanager)
        for (const QString &id : alert.silencedBy)
            muted[id].append(&alert.alert);
    QHash<QString, const Alert *> firingByFingerprint;
    for (const Alert &alert : firing)
        firingByFingerprint.insert(alert.fingerprint, &alert);

    int adopted = 0;
    for (const Silence &silence : silences) {
        if (silence.state != QLatin1String("active") || silence.comment != QLatin1String("ack"))
            continue;
        const QList<const Alert *> mutes = muted.value(silence.id);
        if (mutes.size() != 1)
            continue; // mutes more than one alert (or none): not an acknowledgement to keep alive
        const Alert *alert = firingByFingerprint.value(mutes.first()->fingerprint);
        if (!alert || alert->labels != mutes.first()->labels || m_kept.contains(alert->fingerprint))
            continue;
        const QList<SilenceMatcher> exact = AlertmanagerApi::matchersFor(*alert);
        const bool same = exact.size() == silence.matchers.size()
            && std::all_of(exact.cbegin(), exact.cend(),
                           [&silence](const SilenceMatcher &m) { return silence.matchers.contains(m); });
        if (!same)
            continue;
        keep(alert->fingerprint, silence, alertmanager, m_duration);
        ++adopted;
    }
    return adopted;
}

void Acknowledgements::adoptFrom(const ConnectionCheckRequest &alertmanager, const QList<Alert> &firing)
{
    m_client.fetchSilences(
        alertmanager, this, [this, alertmanager, firing](const AlertmanagerApi::SilencesResult &listed) {
            if (!listed.error.isEmpty()) {
                qCWarning(lcIngest).noquote() << "acknowledgements not taken back:" << listed.error;
                return emit adopted(0);
            }
            m_client.fetchAlerts(
                alertmanager, this, [this, alertmanager, firing, listed](const AlertmanagerApi::AlertsResult &alerts) {
                    if (!alerts.error.isEmpty()) {
                        qCWarning(lcIngest).noquote() << "acknowledgements not taken back:" << alerts.error;
                        return emit adopted(0);
                    }
                    emit adopted(adopt(listed.silences, alerts.alerts, firing, alertmanager));
                });
        });
}

void Acknowledgements::extendDue(std::optional<std::chrono::milliseconds> lead)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_kept.begin(); it != m_kept.end();) {
        if (!m_firing(it.key())) { // resolved: the silence runs out by itself
            it = m_kept.erase(it);
            continue;
        }
        const std::chrono::milliseconds due = lead.value_or(std::chrono::milliseconds(it->window) / 3);
        if (now.msecsTo(it->silence.endsAt) <= due.count()) {
            Silence longer = it->silence;
            longer.endsAt = now.addSecs(std::chrono::seconds(it->window).count());
            const QString fingerprint = it.key();
            m_client.saveSilence(it->alertmanager, longer, this,
                                 [this, fingerprint, longer](const QString &id, const QString &error) mutable {
                                     if (!error.isEmpty()) {
                                         qCWarning(lcIngest).noquote() << "acknowledgement not extended:" << error;
                                         return emit failed(fingerprint, error);
                                     }
                                     longer.id = id; // Alertmanager may give a new id
                                     if (m_kept.contains(fingerprint))
                                         m_kept[fingerprint].silence = longer;
                                     emit extended(fingerprint, id);
                                 });
        }
        ++it;
    }
    if (m_kept.isEmpty())
        m_timer.stop();
}
