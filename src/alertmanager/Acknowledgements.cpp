#include "alertmanager/Acknowledgements.h"

#include "logging/LogCategories.h"

Acknowledgements::Acknowledgements(std::function<bool(const QString &)> firing, QObject *parent)
    : QObject(parent)
    , m_firing(std::move(firing))
{
    m_timer.setInterval(std::chrono::minutes(1));
    connect(&m_timer, &QTimer::timeout, this, [this] { extendDue(m_duration / 3); });
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
                             m_acks.insert(fingerprint, {silence, alertmanager});
                             if (!m_timer.isActive())
                                 m_timer.start();
                             emit acknowledged(fingerprint, id);
                         });
}

void Acknowledgements::extendDue(std::chrono::milliseconds lead)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_acks.begin(); it != m_acks.end();) {
        if (!m_firing(it.key())) { // resolved: the silence runs out by itself
            it = m_acks.erase(it);
            continue;
        }
        if (now.msecsTo(it->silence.endsAt) <= lead.count()) {
            Silence longer = it->silence;
            longer.endsAt = now.addSecs(std::chrono::seconds(m_duration).count());
            const QString fingerprint = it.key();
            m_client.saveSilence(it->alertmanager, longer, this,
                                 [this, fingerprint, longer](const QString &id, const QString &error) mutable {
                                     if (!error.isEmpty()) {
                                         qCWarning(lcIngest).noquote() << "acknowledgement not extended:" << error;
                                         return emit failed(fingerprint, error);
                                     }
                                     longer.id = id; // Alertmanager may give a new id
                                     if (m_acks.contains(fingerprint))
                                         m_acks[fingerprint].silence = longer;
                                     emit extended(fingerprint, id);
                                 });
        }
        ++it;
    }
    if (m_acks.isEmpty())
        m_timer.stop();
}
