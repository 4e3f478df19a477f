#pragma once

#include "incidents/ResolutionNote.h"
#include "model/Alert.h"
#include "model/AlertKey.h"
#include "store/StoredRecords.h"

#include <QMainWindow>
#include <QPointer>

#include <optional>

struct AcknowledgeCheck;
class AlertFilterProxyModel;
class AlertGroupingProxyModel;
class AppSettings;
class AnalysisService;
class ContextService;
class SecretStore;
class AlertPresentationModel;
class AlertTableModel;
class AlertTableView;
class AnalysisPanel;
class DetailTabs;
class CatchUpCard;
class FilterBar;
class ScreenLockWatcher;
class IncidentTableModel;
class IncidentsView;
class QStackedWidget;
class QTabBar;
class HttpListener;
class StoreService;
class Acknowledgements;
class AlertmanagerSync;
class ForwardController;
class ForwardService;
class ReplayDialog;
class SilencesDialog;
class TrayController;
class ReplaySession;
class NotificationBanner;
class QAction;
class QSplitter;

// What the main window shows and controls; owned by the application, not the window.
struct MainWindowContext {
    AlertTableModel *alerts = nullptr;
    HttpListener *listener = nullptr;
    QString dataDirectory{};
    bool demo = false;
    StoreService *store = nullptr; // for history and raw payloads; optional
    AppSettings *settings = nullptr; // with `secrets`: the Settings dialog; optional
    SecretStore *secrets = nullptr;
    QString storePath{}; // for the Settings dialog's history export
    ContextService *contextService = nullptr; // the Metrics and Logs tabs; optional
    AnalysisService *analysis = nullptr; // the AI analysis panel; optional
    ForwardService *forward = nullptr; // the Forward button; optional
    ReplaySession *replay = nullptr; // Replay… into this console; optional
    AlertmanagerSync *sync = nullptr; // catch-up with Alertmanager: its state in the status bar; optional
    Acknowledgements *acknowledgements = nullptr; // Acknowledge (needs `sync`'s Alertmanagers); optional
    IncidentTableModel *incidents = nullptr; // the Incidents view; optional
    // "While you were away": the screen lock and AlertDeck's own downtime (kept in the
    // data directory) bring up the catch-up card.
    bool catchUp = false;
};

class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const MainWindowContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Credentials could not be read (no keychain, or it refused): a banner says so.
    void showSecretsProblem(const QString &message);
    // Opens Settings (File → Settings…), on `page` if given ("listenerPage"…).
    void openSettings(const QString &page = {});
    // Selects the alert (source, fingerprint) in the table, showing the window.
    bool selectAlert(const QString &source, const QString &fingerprint);
    // Shows another alert of the shown alert's source (an incident member an analysis
    // cites): in the Incidents view when it is there, else in the table.
    bool showRelatedAlert(const QString &fingerprint);
    // Closes for good (Quit, the tray's Quit, SIGTERM): never just to the tray.
    void quit();
    // Shows the window (from the tray, minimised, behind others) and activates it.
    void bringToFront();
    // The table shows alerts, or incidents (their alerts grouped).
    enum class View { Alerts, Incidents };
    void showView(View view);
    View view() const;
    IncidentsView *incidentsView() const { return m_incidentsView; }
    // The tray icon and notifications; null without settings.
    TrayController *tray() const { return m_tray; }

signals:
    // Settings were saved: the application re-reads what depends on them.
    void settingsSaved();
    // The window closed for good: the application should end.
    void closedForGood();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createStatusBar();
    QWidget *createCentralArea();
    void showListenerState();
    void updateEmptyText();
    int currentSourceRow() const;
    // The table's index of the alert model's row (invalid while hidden or folded away).
    QModelIndex viewIndexOf(int alertRow) const;
    void showCurrentAlert();
    // History and stored analyses of the selected alert, read off the UI thread.
    void fetchCurrentDetails();
    void updateAlertActions();
    void showAbout();
    // Resolution note… for the selected alert, or every alert of the selected incident.
    void openResolutionNote();
    // The note dialog; accepted, the note is stored for every occurrence (asked again on failure).
    void askResolutionNote(const QList<OccurrenceKey> &occurrences, const QString &subject, const ResolutionNote &note,
                           const QString &problem);
    // "Seen before" for the selected alert or incident, read off the UI thread.
    void fetchSeenBefore();
    // Replay… opens one non-modal dialog; the table fills while it plays.
    void openReplay();
    // Silence… for the selected Alertmanager alert.
    void openSilence();
    void openSilenceFor(const Alert &alert);
    // Acknowledge made no silence: says why, and asks whether to silence all the alerts
    // its matchers select, or to narrow them in the Silence dialog.
    void answerHeldBackAcknowledge(const AcknowledgeCheck &check);
    void openSilences();
    // A notification's Acknowledge: each of its alerts that can be acknowledged is.
    void acknowledgeFromNotification(const QList<AlertKey> &alerts);
    // View → Handover report…: the shift's report, with Alertmanager's silences when there is one.
    void openHandoverReport();
    // View → Noise report…: the noisiest rules and what a longer `for:` would change.
    void openNoiseReport();
    void showShortcuts();
    // Enter on an alert: its details get the focus.
    void openCurrentAlert();
    QString silenceAuthor() const;
    void restoreLayout();
    void saveLayout() const;

    MainWindowContext m_context;
    AlertFilterProxyModel *m_sortModel = nullptr;
    FilterBar *m_filterBar = nullptr;
    AlertGroupingProxyModel *m_groupModel = nullptr;
    AlertPresentationModel *m_presentationModel = nullptr;
    AlertTableView *m_table = nullptr;
    QTabBar *m_viewTabs = nullptr;
    QStackedWidget *m_viewStack = nullptr;
    IncidentsView *m_incidentsView = nullptr;
    std::optional<Alert> m_incidentAlert; // the alert chosen in the Incidents view
    QSplitter *m_splitter = nullptr;
    DetailTabs *m_detailTabs = nullptr;
    AnalysisPanel *m_analysisPanel = nullptr;
    QList<StoredOccurrence> m_currentOccurrences; // of the selected alert, once read
    NotificationBanner *m_listenerBanner = nullptr;
    NotificationBanner *m_demoBanner = nullptr;
    NotificationBanner *m_secretsBanner = nullptr;
    NotificationBanner *m_forwardBanner = nullptr;
    ForwardController *m_forward = nullptr;

    QAction *m_analyzeAction = nullptr;
    QAction *m_forwardAction = nullptr;
    QAction *m_silenceAction = nullptr;
    QAction *m_ackAction = nullptr;
    QAction *m_noteAction = nullptr;
    CatchUpCard *m_catchUpCard = nullptr;
    ScreenLockWatcher *m_lockWatcher = nullptr;
    // Since the window came up: how long AlertDeck was not running before (when it was).
    void startCatchUp();
    void showCatchUp(const QDateTime &from, const QDateTime &until, bool notRunning);
    QAction *m_replayAction = nullptr;
    QAction *m_clearReplayAction = nullptr;
    QPointer<ReplayDialog> m_replayDialog;
    QPointer<SilencesDialog> m_silencesDialog;
    TrayController *m_tray = nullptr;
    bool m_quitting = false;
    void askCloseToTray();
    QAction *m_settingsAction = nullptr;
};
