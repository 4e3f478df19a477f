#pragma once

#include "forward/ForwardService.h"
#include "model/Alert.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>

class ForwardService;
class NotificationBanner;
class QAction;
class QLabel;
class QMenu;
class QWidget;

// The Forward button and its menu: one click sends the selected alert and its latest
// analysis to the default destination (or previews it first when the destination
// asks for that); the menu lists every destination and the preview. Progress, the
// queue and the outcome show in the status bar; a failure in a banner with Retry.
class ForwardController final : public QObject
{
    Q_OBJECT

public:
    ForwardController(ForwardService *service, QAction *forwardAction, QLabel *status, NotificationBanner *banner,
                      QWidget *window);

    QMenu *menu() const { return m_menu; }
    void setAlert(const std::optional<Alert> &alert);
    // The button: the default destination, or the menu when there is none.
    void forwardToDefault();
    void forwardTo(const QString &destinationId);
    void preview(const QString &destinationId);
    // Forward on an incident: one message, its worst alert's facts with the others listed.
    // The default destination (previewed first when it asks for that), else a menu of
    // the destinations and the preview at the cursor; nothing set up: the banner says how.
    void forwardIncident(const IncidentSnapshot &incident);
    void forwardIncidentTo(const IncidentSnapshot &incident, const QString &destinationId);
    void previewIncident(const IncidentSnapshot &incident, const QString &destinationId);
    // Which answer a forward of `alert` sends (the analysis panel's choice); none (or
    // no picker): the service takes the alert's newest analysis.
    using AnalysisPicker = std::function<std::optional<ForwardService::AnalysisText>(const Alert &alert)>;
    void setAnalysisPicker(AnalysisPicker picker) { m_picker = std::move(picker); }
    // The incident whose row is selected (the Incidents view), if any: the Forward button
    // and its menu then send it as one message instead of the alert alone.
    using IncidentSource = std::function<std::optional<IncidentSnapshot>()>;
    void setIncidentSource(IncidentSource source) { m_incidentSource = std::move(source); }

signals:
    // Settings → Chat destinations should open (nothing is set up yet).
    void settingsRequested(const QString &page);

private:
    void rebuildMenu();
    // No destination is set up yet: the banner offers Settings.
    void offerSettings();
    // What a failed forward was, for Retry.
    struct Retry {
        Alert alert;
        std::optional<IncidentSnapshot> incident;
        QString destinationId;
    };
    void send(const QString &destinationId);
    void jobChanged(quint64 id);
    void jobFinished(quint64 id);
    void showQueue();

    ForwardService *m_service;
    QAction *m_action;
    QLabel *m_status;
    NotificationBanner *m_banner;
    QWidget *m_window;
    QMenu *m_menu;
    std::optional<Alert> m_alert;
    quint64 m_shownJob = 0; // whose progress the status bar shows
    std::optional<Retry> m_retry; // the failed forward Retry sends again
    QMenu *m_incidentMenu; // the destinations for an incident, when none is the default
    QTimer m_tick; // counts waiting forwards down
    AnalysisPicker m_picker;
    IncidentSource m_incidentSource;
    // The selected incident of more than one alert, now; none: the alert alone.
    std::optional<IncidentSnapshot> selectedIncident() const;
};
