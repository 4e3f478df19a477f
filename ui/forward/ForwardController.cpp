#include "ForwardController.h"

#include "ForwardPreviewDialog.h"
#include "NotificationBanner.h"
#include "forward/ForwardService.h"
#include "model/AlertTableModel.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QWidget>

using namespace Qt::StringLiterals;

ForwardController::ForwardController(ForwardService *service, QAction *forwardAction, QLabel *status,
                                     NotificationBanner *banner, QWidget *window)
    : QObject(window)
    , m_service(service)
    , m_action(forwardAction)
    , m_status(status)
    , m_banner(banner)
    , m_window(window)
    , m_menu(new QMenu(window))
    , m_incidentMenu(new QMenu(window))
{
    m_incidentMenu->setObjectName(u"forwardIncidentMenu"_s);
    m_status->setTextFormat(Qt::PlainText); // alert and destination names
    m_menu->setObjectName(u"forwardMenu"_s);
    connect(m_menu, &QMenu::aboutToShow, this, &ForwardController::rebuildMenu);
    m_action->setMenu(m_menu);
    connect(m_action, &QAction::triggered, this, &ForwardController::forwardToDefault);
    connect(m_service, &ForwardService::jobChanged, this, &ForwardController::jobChanged);
    connect(m_service, &ForwardService::jobFinished, this, &ForwardController::jobFinished);
    connect(m_service, &ForwardService::queueChanged, this, &ForwardController::showQueue);
    connect(m_service, &ForwardService::ruleLimited, this, [this](const Alert &alert, const QString &destination) {
        m_status->setText(tr("Forwarding rule held back %1 for %2: hourly limit reached").arg(alert.name, destination));
    });
    // A rule's forward waits for the automatic analysis it will carry: said, so the
    // quiet minute before the message goes is not taken for a failure.
    connect(m_service, &ForwardService::ruleWaitingForAnalysis, this,
            [this](const Alert &alert, const QString &destination) {
                m_status->setText(
                    tr("Forwarding rule: %1 goes to %2 once its analysis is done").arg(alert.name, destination));
            });
    connect(m_banner, &NotificationBanner::actionTriggered, this, [this] {
        if (m_retry) {
            m_banner->hide();
            const Retry retry = *m_retry;
            m_retry.reset();
            m_shownJob = retry.incident ? m_service->forwardIncident(*retry.incident, retry.destinationId)
                                        : m_service->forward(retry.alert, retry.destinationId);
        } else {
            emit settingsRequested(u"destinationsPage"_s);
        }
    });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ForwardController::showQueue);
    m_status->setObjectName(u"forwardStatus"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rebuildMenu();
}

void ForwardController::setAlert(const std::optional<Alert> &alert)
{
    m_alert = alert;
    m_action->setEnabled(alert.has_value());
}

void ForwardController::rebuildMenu()
{
    m_menu->clear();
    const QList<ChatDestination> destinations = m_service->settings().destinations;
    const std::optional<ChatDestination> fallback = m_service->defaultDestination();
    for (const ChatDestination &destination : destinations) {
        QString text = u"%1 (%2)"_s.arg(destination.name, ChatDestination::typeName(destination.type));
        if (fallback && fallback->id == destination.id)
            text += tr(" — default");
        if (destination.requirePreview)
            text += u"…"_s;
        QAction *item = m_menu->addAction(text, this, [this, id = destination.id] { forwardTo(id); });
        item->setEnabled(m_alert.has_value());
    }
    if (destinations.isEmpty()) {
        m_menu->addAction(tr("No chat destinations yet"))->setEnabled(false);
    } else {
        m_menu->addSeparator();
        QAction *previewItem = m_menu->addAction(tr("&Preview before sending…"), this, [this, fallback] {
            preview(fallback ? fallback->id : m_service->settings().destinations.constFirst().id);
        });
        previewItem->setObjectName(u"forwardPreviewAction"_s);
        previewItem->setEnabled(m_alert.has_value());
    }
    m_menu->addAction(tr("Chat &destinations…"), this, [this] { emit settingsRequested(u"destinationsPage"_s); });
}

std::optional<IncidentSnapshot> ForwardController::selectedIncident() const
{
    std::optional<IncidentSnapshot> incident = m_incidentSource ? m_incidentSource() : std::nullopt;
    if (!incident || incident->members.size() < 2)
        return std::nullopt;
    return incident;
}

void ForwardController::forwardToDefault()
{
    if (!m_alert)
        return;
    if (const std::optional<IncidentSnapshot> incident = selectedIncident())
        return forwardIncident(*incident);
    if (const std::optional<ChatDestination> destination = m_service->defaultDestination())
        return forwardTo(destination->id);
    if (m_service->settings().destinations.isEmpty())
        return offerSettings();
    // Several and none chosen as default: let the user pick.
    rebuildMenu();
    m_menu->popup(QCursor::pos());
}

void ForwardController::offerSettings()
{
    m_retry.reset();
    m_banner->setActionText(tr("Open Settings"));
    m_banner->showMessage(NotificationBanner::Kind::Info,
                          tr("No chat destination is set up yet: add Slack, DingTalk, Feishu, WeCom, Teams or "
                             "another tool in Settings → Chat destinations."));
}

void ForwardController::forwardIncident(const IncidentSnapshot &incident)
{
    if (incident.members.isEmpty())
        return;
    if (const std::optional<ChatDestination> destination = m_service->defaultDestination())
        return forwardIncidentTo(incident, destination->id);
    const QList<ChatDestination> destinations = m_service->settings().destinations;
    if (destinations.isEmpty())
        return offerSettings();
    // Several and none chosen as default: let the user pick.
    m_incidentMenu->clear();
    for (const ChatDestination &destination : destinations)
        m_incidentMenu->addAction(u"%1 (%2)%3"_s.arg(destination.name, ChatDestination::typeName(destination.type),
                                                     destination.requirePreview ? u"…"_s : QString()),
                                  this, [this, incident, id = destination.id] { forwardIncidentTo(incident, id); });
    m_incidentMenu->addSeparator();
    m_incidentMenu->addAction(tr("&Preview before sending…"), this,
                              [this, incident, id = destinations.constFirst().id] { previewIncident(incident, id); });
    m_incidentMenu->popup(QCursor::pos());
}

void ForwardController::forwardIncidentTo(const IncidentSnapshot &incident, const QString &destinationId)
{
    const std::optional<ChatDestination> destination = m_service->destination(destinationId);
    if (incident.members.isEmpty() || !destination)
        return;
    if (destination->requirePreview)
        return previewIncident(incident, destinationId);
    m_banner->hide();
    // The analysis panel's choice belongs to the alert shown there, not to the incident.
    m_shownJob = m_service->forwardIncident(incident, destinationId);
    jobChanged(m_shownJob);
}

void ForwardController::previewIncident(const IncidentSnapshot &incident, const QString &destinationId)
{
    if (incident.members.isEmpty())
        return;
    auto *dialog = new ForwardPreviewDialog(m_service, incident, destinationId, std::nullopt, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ForwardPreviewDialog::sendRequested, this,
            [this, primary = incident.primary()](const ForwardService::Preview &preview) {
                m_banner->hide();
                m_shownJob = m_service->forwardAsPreviewed(primary, preview);
                jobChanged(m_shownJob);
            });
    dialog->open();
}

void ForwardController::forwardTo(const QString &destinationId)
{
    const std::optional<ChatDestination> destination = m_service->destination(destinationId);
    if (!m_alert || !destination)
        return;
    if (const std::optional<IncidentSnapshot> incident = selectedIncident())
        return forwardIncidentTo(*incident, destinationId);
    if (destination->requirePreview)
        return preview(destinationId);
    send(destinationId);
}

void ForwardController::send(const QString &destinationId)
{
    if (!m_alert)
        return;
    m_banner->hide();
    m_shownJob = m_service->forward(*m_alert, destinationId, m_picker ? m_picker(*m_alert) : std::nullopt);
    jobChanged(m_shownJob);
}

void ForwardController::preview(const QString &destinationId)
{
    if (!m_alert)
        return;
    if (const std::optional<IncidentSnapshot> incident = selectedIncident())
        return previewIncident(*incident, destinationId);
    auto *dialog = new ForwardPreviewDialog(m_service, *m_alert, destinationId,
                                            m_picker ? m_picker(*m_alert) : std::nullopt, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Send goes to the alert the preview was opened for, even if the selection moved.
    connect(dialog, &ForwardPreviewDialog::sendRequested, this,
            [this, alert = *m_alert](const ForwardService::Preview &preview) {
                m_banner->hide();
                m_shownJob = m_service->forwardAsPreviewed(alert, preview);
                jobChanged(m_shownJob);
            });
    dialog->open();
}

void ForwardController::jobChanged(quint64 id)
{
    if (id == 0 || id != m_shownJob)
        return;
    m_status->setStyleSheet({});
    m_status->setText(m_service->statusOf(id));
}

void ForwardController::jobFinished(quint64 id)
{
    const ForwardService::Job *job = m_service->job(id);
    if (!job)
        return;
    if (job->result.ok) {
        if (id == m_shownJob) {
            m_status->setStyleSheet(u"color: #2e7d32;"_s);
            m_status->setText(job->incidentAnchor && !job->related.isEmpty()
                                  ? tr("Forwarded %1 and %n related to %2", nullptr, int(job->related.size()))
                                        .arg(job->alert.name, job->destination.name)
                                  : tr("Forwarded %1 to %2").arg(job->alert.name, job->destination.name));
        }
        return;
    }
    // Failures are never only in the status bar: they may need someone to act.
    std::optional<IncidentSnapshot> incident;
    if (job->incidentAnchor)
        incident = IncidentSnapshot{*job->incidentAnchor, QList<Alert>{job->alert} + job->related, {}};
    m_retry = Retry{job->alert, incident, job->destination.id};
    m_banner->setActionText(tr("Retry"));
    m_banner->showMessage(
        NotificationBanner::Kind::Error,
        job->automatic
            ? tr("A forwarding rule could not send %1 to %2: %3")
                  .arg(job->alert.name, job->destination.name, job->result.message)
            : tr("Forwarding %1 to %2 failed: %3").arg(job->alert.name, job->destination.name, job->result.message));
    if (id == m_shownJob) {
        m_status->setStyleSheet(u"color: #c62828;"_s);
        m_status->setText(tr("Forward to %1 failed").arg(job->destination.name));
    }
}

void ForwardController::showQueue()
{
    const QString summary = m_service->queueSummary();
    if (summary.isEmpty()) {
        m_tick.stop();
        jobChanged(m_shownJob);
        return;
    }
    if (!m_tick.isActive())
        m_tick.start();
    QStringList waiting;
    for (const ForwardService::Job *job : m_service->waiting())
        waiting << u"%1 → %2"_s.arg(job->alert.name, job->destination.name);
    m_status->setStyleSheet({});
    m_status->setText(summary);
    m_status->setToolTip(AlertTableModel::plainToolTip(waiting.join(u'\n')));
}
