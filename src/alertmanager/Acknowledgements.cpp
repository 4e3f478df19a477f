#include "alertmanager/Acknowledgements.h"

#include "logging/LogCategories.h"

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
    Silence silence;
    silence.matchers = AlertmanagerApi::matchersFor(alert);
    silence.startsAt = QDateTime::currentDateTimeUtc();
    silence.endsAt = silence.startsAt.addSecs(std::chrono::seconds(m_duration).count());
    silence.createdBy = author;
    silence.comment = QStringLiteral("ack");
    const QString fingerprint = alert.fingerprint;
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

int Acknowledgements::adopt(const QList<Silence> &silences, const QList<Alert> &firing,
                            const ConnectionCheckRequest &alertmanager)
{
    int adopted = 0;
    for (const Silence &silence : silences) {
        if (silence.state != QLatin1String("active") || silence.comment != QLatin1String("ack"))
            continue;
        for (const Alert &alert : firing) {
            const QList<SilenceMatcher> exact = AlertmanagerApi::matchersFor(alert);
            const bool same = exact.size() == silence.matchers.size()
                && std::all_of(exact.cbegin(), exact.cend(),
                               [&silence](const SilenceMatcher &m) { return silence.matchers.contains(m); });
            if (!same || m_kept.contains(alert.fingerprint))
                continue;
            keep(alert.fingerprint, silence, alertmanager, m_duration);
            ++adopted;
            break;
        }
    }
    return adopted;
}

void Acknowledgements::adoptFrom(const ConnectionCheckRequest &alertmanager, const QList<Alert> &firing)
{
    m_client.fetchSilences(alertmanager, this,
                           [this, alertmanager, firing](const AlertmanagerApi::SilencesResult &result) {
                               if (!result.error.isEmpty())
                                   qCWarning(lcIngest).noquote() << "acknowledgements not taken back:" << result.error;
                               emit adopted(adopt(result.silences, firing, alertmanager));
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
