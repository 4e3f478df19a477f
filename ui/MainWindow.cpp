#include "MainWindow.h"

#include "AboutDialog.h"
#include "AcknowledgeDialog.h"
#include "AlertOverviewPane.h"
#include "AlertPresentationModel.h"
#include "AlertTableView.h"
#include "AnalysisPanel.h"
#include "CatchUpCard.h"
#include "DataSourcesPage.h"
#include "DetailTabs.h"
#include "FilterBar.h"
#include "ForwardController.h"
#include "HandoverReportDialog.h"
#include "ListenerStatusIndicator.h"
#include "NoiseReportDialog.h"
#include "NotificationBanner.h"
#include "ReplayDialog.h"
#include "SettingsDialog.h"
#include "SeverityCountsIndicator.h"
#include "SeverityStyle.h"
#include "ShortcutsDialog.h"
#include "SilenceDialog.h"
#include "SilencesDialog.h"
#include "StoreLoadIndicator.h"
#include "TrayController.h"
#include "alertmanager/Acknowledgements.h"
#include "alertmanager/AlertmanagerApi.h"
#include "alertmanager/AlertmanagerSync.h"
#include "analysis/AnalysisService.h"
#include "core/Profile.h"
#include "forward/ForwardService.h"
#include "incidents/IncidentsView.h"
#include "incidents/ResolutionNoteDialog.h"
#include "incidents/SeenBeforeCard.h"
#include "ingest/HttpListener.h"
#include "model/AlertFilterProxyModel.h"
#include "model/AlertGroupingProxyModel.h"
#include "model/AlertTableModel.h"
#include "model/IncidentTableModel.h"
#include "replay/ReplaySession.h"
#include "settings/AppSettings.h"
#include "shift/ScreenLockWatcher.h"
#include "store/HistorySearch.h"
#include "store/StoreService.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTime>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace SettingsKey {
const auto geometry = u"MainWindow/geometry"_s;
const auto windowState = u"MainWindow/windowState"_s;
const auto splitter = u"MainWindow/splitter"_s;
const auto tableHeader = u"MainWindow/alertTableHeader"_s;
const auto labelColumns = u"MainWindow/labelColumns"_s;
const auto groupBy = u"MainWindow/groupBy"_s;
const auto view = u"MainWindow/view"_s; // "alerts" or "incidents"
} // namespace SettingsKey

MainWindow::MainWindow(const MainWindowContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
{
    Q_ASSERT(context.alerts && context.listener);
    setObjectName(u"mainWindow"_s);
    setWindowIcon(SeverityStyle::appIcon());
    QString title = context.demo ? tr("AlertDeck — demo data") : tr("AlertDeck");
    if (!Profile::isDefault())
        title += u" — "_s + Profile::name();
    setWindowTitle(title);

    createActions();
    setCentralWidget(createCentralArea());
    createMenus();
    createStatusBar();
    // Right-click on an alert: what the Alert menu offers.
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addActions({m_analyzeAction, m_forwardAction, m_silenceAction, m_ackAction, m_noteAction});
    connect(m_detailTabs->seenBeforeCard(), &SeenBeforeCard::noteRequested, this, &MainWindow::openResolutionNote);
    connect(m_detailTabs, &DetailTabs::analysisPicked, this, [this](const StoredAnalysis &analysis) {
        m_analysisPanel->showStoredAnalysis(analysis);
        if (auto *dock = findChild<QDockWidget *>(u"analysisDock"_s))
            dock->show();
    });
    if (context.analysis) {
        // A stored analysis of the selected alert joins its History.
        connect(context.analysis, &AnalysisService::analysisStored, this, [this](const StoredAnalysis &analysis) {
            const int row = currentSourceRow();
            if (row >= 0 && m_context.alerts->alertAt(row).fingerprint == analysis.fingerprint)
                fetchCurrentDetails();
        });
    }
    updateAlertActions();
    if (context.acknowledgements) {
        connect(context.acknowledgements, &Acknowledgements::acknowledged, this,
                [this](const QString &fingerprint, const QString &id) {
                    // Who acknowledged shows in the State column until the alert resolves.
                    m_context.alerts->setLocalMute(fingerprint,
                                                   {AlertMute::Kind::Acknowledged, silenceAuthor(), {}, true, {}});
                    statusBar()->showMessage(
                        tr("Acknowledged: silence %1 in Alertmanager, extended while it fires").arg(id), 10'000);
                    updateAlertActions();
                    if (m_context.sync)
                        m_context.sync->syncNow();
                });
        connect(context.acknowledgements, &Acknowledgements::failed, this,
                [this](const QString &, const QString &error) {
                    statusBar()->showMessage(tr("Acknowledge failed: %1").arg(error), 15'000);
                });
        connect(context.acknowledgements, &Acknowledgements::heldBack, this, &MainWindow::answerHeldBackAcknowledge);
    }
    if (context.replay) {
        m_replayAction->setEnabled(true);
        // The replayed alerts' toggle and Clear show while there are any.
        auto showReplayControls = [this] {
            const bool any = m_context.alerts->hasReplayed();
            m_filterBar->replayedToggle()->setVisible(any);
            m_clearReplayAction->setEnabled(any);
        };
        connect(context.alerts, &AlertTableModel::countsChanged, this, showReplayControls);
        connect(context.alerts, &QAbstractItemModel::rowsRemoved, this, showReplayControls);
    }

    if (context.settings) {
        m_tray = new TrayController(context.alerts, context.settings, this);
        connect(m_tray, &TrayController::showWindowRequested, this, &MainWindow::bringToFront);
        connect(m_tray, &TrayController::alertRequested, this, &MainWindow::selectAlert);
        connect(m_tray, &TrayController::quitRequested, this, &MainWindow::quit);
        connect(m_tray, &TrayController::acknowledgeRequested, this, &MainWindow::acknowledgeFromNotification);
        if (context.store)
            connect(context.store, &StoreService::alertsChanged, m_tray, &TrayController::handleAlertChanges);
    }
    connect(context.listener, &HttpListener::stateChanged, this, &MainWindow::showListenerState);
    if (context.store)
        connect(context.store, &StoreService::storeStateChanged, this, &MainWindow::updateEmptyText);
    showListenerState();
    if (context.demo)
        m_demoBanner->showMessage(
            NotificationBanner::Kind::Info,
            tr("Demo data: these sample alerts are not real. Start AlertDeck without --demo to see only live alerts."));
    restoreLayout();
    if (context.catchUp)
        startCatchUp();
}

MainWindow::~MainWindow() = default;

void MainWindow::startCatchUp()
{
    m_catchUpCard->restoreKept();
    const QDateTime started = QDateTime::currentDateTimeUtc();
    const LastSeenFile lastSeen(m_context.dataDirectory);
    const QDateTime previous = lastSeen.read();
    lastSeen.write(started);
    auto *heartbeat = new QTimer(this);
    heartbeat->setInterval(LastSeenFile::refreshSeconds * 1000);
    connect(heartbeat, &QTimer::timeout, this, [lastSeen] { lastSeen.write(QDateTime::currentDateTimeUtc()); });
    heartbeat->start();
    // Not running: shown once the stored alerts are in, again once Alertmanager has told
    // what was missed meanwhile.
    if (previous.isValid() && previous.secsTo(started) >= CatchUp::minimumAwaySeconds) {
        auto showDowntime = [this, previous, started] { showCatchUp(previous, started, true); };
        if (m_context.store && m_context.store->storeState() != StoreService::StoreState::Open) {
            connect(m_context.store, &StoreService::storeStateChanged, this,
                    [showDowntime](StoreService::StoreState state) {
                        if (state == StoreService::StoreState::Open)
                            showDowntime();
                    });
        } else {
            QTimer::singleShot(0, this, showDowntime);
        }
        if (m_context.sync)
            connect(m_context.sync, &AlertmanagerSync::synced, this, showDowntime, Qt::SingleShotConnection);
    }
    m_lockWatcher = new ScreenLockWatcher(QDBusConnection::sessionBus(), this);
    connect(m_lockWatcher, &ScreenLockWatcher::back, this,
            [this](const QDateTime &since, const QDateTime &now) { showCatchUp(since, now, false); });
}

void MainWindow::showCatchUp(const QDateTime &from, const QDateTime &until, bool notRunning)
{
    if (from.secsTo(until) < CatchUp::minimumAwaySeconds)
        return;
    m_catchUpCard->showCatchUp(CatchUp::build(
        m_context.alerts->alerts(), [this](const Alert &alert) { return m_context.alerts->muteOf(alert); }, from, until,
        notRunning ? CatchUp::Reason::NotRunning : CatchUp::Reason::ScreenLocked, silenceAuthor()));
}

void MainWindow::createActions()
{
    auto makeAction = [this](const QString &objectName, const QString &icon, const QString &text,
                             const QKeySequence &shortcut, const QString &pendingTip) {
        auto *action = new QAction(QIcon(icon), text, this);
        action->setObjectName(objectName);
        action->setShortcut(shortcut);
        // Toolbar buttons have no mnemonic: "分析(A)" there would promise an Alt+A that opens a menu.
        action->setIconText(ShortcutsDialog::withoutMnemonic(text));
        // Each feature enables its action when it lands; until then say why it is grey.
        action->setEnabled(false);
        action->setToolTip(
            u"%1 (%2)\n%3"_s.arg(action->iconText(), shortcut.toString(QKeySequence::NativeText), pendingTip));
        return action;
    };
    m_analyzeAction
        = makeAction(u"actionAnalyze"_s, u":/icons/analyze.svg"_s, tr("&Analyze"), QKeySequence(u"Ctrl+Return"_s),
                     tr("Ask the AI provider to analyze the selected alert with its metrics and logs."));
    // Ctrl+Enter on the keypad too.
    m_analyzeAction->setShortcuts({QKeySequence(u"Ctrl+Return"_s), QKeySequence(u"Ctrl+Enter"_s)});
    m_analyzeAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_analyzeAction, &QAction::triggered, this, [this] { m_analysisPanel->analyze(); });
    m_forwardAction
        = makeAction(u"actionForward"_s, u":/icons/forward.svg"_s, tr("&Forward"), QKeySequence(u"Ctrl+Shift+F"_s),
                     tr("Send the selected alert and its latest analysis to the default chat destination; the "
                        "arrow lists the others."));
    m_silenceAction
        = makeAction(u"actionSilence"_s, u":/icons/silence.svg"_s, tr("&Silence…"), QKeySequence(u"Ctrl+S"_s),
                     tr("Create an Alertmanager silence for the selected alert (needs an Alertmanager in Settings → "
                        "Data sources)."));
    m_silenceAction->setShortcuts({QKeySequence(u"Ctrl+S"_s), QKeySequence(u"Ctrl+Shift+S"_s)});
    connect(m_silenceAction, &QAction::triggered, this, &MainWindow::openSilence);
    m_ackAction
        = makeAction(u"actionAcknowledge"_s, u":/icons/silence.svg"_s, tr("Ac&knowledge"), QKeySequence(u"Ctrl+K"_s),
                     tr("Silence the selected alert for a short while (\"ack\"), extended while it fires."));
    m_ackAction->setShortcuts({QKeySequence(u"Ctrl+K"_s), QKeySequence(u"Ctrl+Shift+K"_s)});
    connect(m_ackAction, &QAction::triggered, this, [this] {
        const int row = currentSourceRow();
        if (row < 0 || !m_context.acknowledgements || !m_context.sync || m_context.sync->endpoints().isEmpty())
            return;
        // Alertmanager is asked first which alerts the silence would mute; it answers later.
        statusBar()->showMessage(tr("Acknowledging: asking Alertmanager which alerts the silence would mute…"), 10'000);
        m_context.acknowledgements->acknowledge(m_context.alerts->alertAt(row),
                                                m_context.sync->endpoints().constFirst(), silenceAuthor());
        updateAlertActions();
    });
    m_noteAction = makeAction(
        u"actionResolutionNote"_s, QString(), tr("Resolution &note…"), QKeySequence(u"Ctrl+Shift+N"_s),
        tr("Write down the cause and the fix of the selected alert or incident; shown the next time it fires."));
    connect(m_noteAction, &QAction::triggered, this, &MainWindow::openResolutionNote);
    m_replayAction
        = makeAction(u"actionReplay"_s, u":/icons/replay.svg"_s, tr("&Replay…"), QKeySequence(u"Ctrl+Shift+R"_s),
                     tr("Replay saved payload files or AlertDeck's history into a replay session or to another "
                        "listener."));
    connect(m_replayAction, &QAction::triggered, this, &MainWindow::openReplay);

    auto *toolBar = addToolBar(tr("Main toolbar"));
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setMovable(false);
    toolBar->addActions({m_analyzeAction, m_forwardAction, m_silenceAction});
    toolBar->addSeparator();
    toolBar->addAction(m_replayAction);
}

QWidget *MainWindow::createCentralArea()
{
    m_listenerBanner = new NotificationBanner;
    m_listenerBanner->setObjectName(u"listenerBanner"_s);
    connect(m_listenerBanner, &NotificationBanner::actionTriggered, this,
            [this] { m_context.listener->start(m_context.listener->requestedAddress()); });
    m_demoBanner = new NotificationBanner;
    m_demoBanner->setObjectName(u"demoBanner"_s);
    m_secretsBanner = new NotificationBanner;
    m_secretsBanner->setObjectName(u"secretsBanner"_s);
    m_forwardBanner = new NotificationBanner;
    m_forwardBanner->setObjectName(u"forwardBanner"_s);

    m_sortModel = new AlertFilterProxyModel(this);
    m_sortModel->setAlertModel(m_context.alerts);
    m_filterBar = new FilterBar(m_sortModel);
    if (m_context.store) // older alerts on demand (issue 23)
        m_filterBar->setHistorySearch(new HistorySearch(m_context.store, m_context.alerts, m_filterBar));
    m_groupModel = new AlertGroupingProxyModel(this);
    m_groupModel->setModels(m_sortModel, m_context.alerts);
    m_presentationModel = new AlertPresentationModel(this);
    m_presentationModel->setSourceModel(m_groupModel);

    m_table = new AlertTableView;
    m_table->setModel(m_presentationModel);
    m_table->setGrouping(m_groupModel, m_context.alerts);
    m_table->applyDefaultColumns();
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showCurrentAlert);
    // While an alert is selected the rows stay in place; updates wait behind "N updates"
    // in the status bar and apply when the selection is cleared (Esc).
    auto holdWhileSelected = [this] { m_sortModel->setHeld(m_table->selectionModel()->hasSelection()); };
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, holdWhileSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, holdWhileSelected);
    // Refresh the details only when the selected alert itself changed (not on every
    // duration tick or update of another row).
    connect(m_context.alerts, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = currentSourceRow();
                if (row >= topLeft.row() && row <= bottomRight.row() && topLeft.column() != AlertTableModel::Duration)
                    showCurrentAlert();
            });

    m_detailTabs = new DetailTabs;
    if (m_context.contextService)
        m_detailTabs->setContextService(m_context.contextService);
    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    // The upper half shows alerts, or the same alerts as incidents.
    m_viewStack = new QStackedWidget;
    m_viewStack->setObjectName(u"viewStack"_s);
    m_viewStack->addWidget(m_table);
    m_viewTabs = new QTabBar;
    m_viewTabs->setObjectName(u"viewTabs"_s);
    m_viewTabs->setDrawBase(false);
    m_viewTabs->setExpanding(false);
    m_viewTabs->addTab(tr("Alerts"));
    m_viewTabs->addTab(tr("Incidents"));
    m_viewTabs->setTabToolTip(0, tr("Every alert on its own (Ctrl+1)"));
    m_viewTabs->setTabToolTip(1, tr("Related alerts grouped into incidents (Ctrl+2)"));
    m_viewTabs->setVisible(m_context.incidents != nullptr);
    if (m_context.incidents) {
        m_incidentsView = new IncidentsView(m_context.incidents);
        m_incidentsView->setObjectName(u"incidentsView"_s);
        m_viewStack->addWidget(m_incidentsView);
        // The alert chosen there (an incident's worst, or a member) fills the details.
        connect(m_incidentsView, &IncidentsView::alertChosen, this, [this](const Alert &alert) {
            m_incidentAlert = alert;
            showCurrentAlert();
        });
        connect(m_incidentsView, &IncidentsView::incidentChosen, this, [this](const QList<Alert> &members) {
            m_detailTabs->showIncident(members);
            if (members.isEmpty()) {
                m_incidentAlert.reset();
                showCurrentAlert();
            }
        });
        m_incidentsView->tree()->setContextMenuPolicy(Qt::ActionsContextMenu);
        m_incidentsView->tree()->addActions({m_analyzeAction, m_forwardAction, m_noteAction,
                                             m_incidentsView->mergeAction(), m_incidentsView->splitAction()});
        connect(m_viewTabs, &QTabBar::currentChanged, this,
                [this](int index) { showView(index == 1 ? View::Incidents : View::Alerts); });
    }
    m_splitter->addWidget(m_viewStack);
    m_splitter->addWidget(m_detailTabs);
    // Enter (or a double click) opens the alert's details; Esc goes back to the table.
    connect(m_table, &QAbstractItemView::activated, this, &MainWindow::openCurrentAlert);
    auto *backToTable
        = new QShortcut(QKeySequence(Qt::Key_Escape), m_detailTabs, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(backToTable, &QShortcut::activated, m_table, [this] { m_table->setFocus(Qt::ShortcutFocusReason); });
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    m_analysisPanel = new AnalysisPanel;
    if (m_incidentsView)
        m_analysisPanel->setIncidentSource([this]() -> std::optional<IncidentSnapshot> {
            return view() == View::Incidents ? m_incidentsView->currentIncident() : std::nullopt;
        });
    if (m_context.analysis)
        m_analysisPanel->setService(m_context.analysis);
    connect(m_analysisPanel, &AnalysisPanel::runningChanged, this, &MainWindow::updateAlertActions);
    connect(m_analysisPanel, &AnalysisPanel::settingsRequested, this,
            [this](const QString &page) { openSettings(page); });
    // A citation clicked in the answer: its evidence in the detail tabs.
    connect(m_analysisPanel, &AnalysisPanel::evidenceActivated, this, [this](const EvidenceItem &item) {
        // The item's alert is shown first: an incident analysis cites its other alerts too.
        const std::optional<Alert> &analysed = m_analysisPanel->shownAlert();
        const QString fingerprint = !item.locator.alert.isEmpty() ? item.locator.alert
            : analysed                                            ? analysed->fingerprint
                                                                  : QString();
        if (!fingerprint.isEmpty() && !showRelatedAlert(fingerprint)) {
            statusBar()->showMessage(
                tr("%1 is about another alert of the incident, which is not in the table now.").arg(item.id), 12'000);
            return;
        }
        if (const QString note = m_detailTabs->showEvidence(item); !note.isEmpty())
            statusBar()->showMessage(note, 12'000);
    });
    auto *dock = new QDockWidget(tr("AI analysis"), this);
    dock->setObjectName(u"analysisDock"_s);
    dock->setWidget(m_analysisPanel);
    dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    resizeDocks({dock}, {400}, Qt::Horizontal);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_listenerBanner);
    layout->addWidget(m_secretsBanner);
    layout->addWidget(m_forwardBanner);
    layout->addWidget(m_demoBanner);
    m_catchUpCard = new CatchUpCard(m_context.catchUp ? m_context.dataDirectory : QString());
    connect(m_catchUpCard, &CatchUpCard::alertChosen, this, &MainWindow::selectAlert);
    layout->addWidget(m_catchUpCard);
    auto *viewRow = new QHBoxLayout;
    viewRow->setContentsMargins(0, 0, 0, 0);
    viewRow->addWidget(m_viewTabs, 0, Qt::AlignBottom);
    viewRow->addWidget(m_filterBar, 1);
    layout->addLayout(viewRow);
    layout->addWidget(m_splitter, 1);
    return central;
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    if (m_context.settings && m_context.secrets) {
        m_settingsAction = fileMenu->addAction(QIcon(u":/icons/settings.svg"_s), tr("&Settings…"),
                                               QKeySequence::Preferences, this, [this] { openSettings(); });
        m_settingsAction->setObjectName(u"actionSettings"_s);
        m_settingsAction->setMenuRole(QAction::PreferencesRole);
        // Not every platform has a Preferences shortcut (Linux has none): Ctrl+, everywhere.
        if (m_settingsAction->shortcut().isEmpty())
            m_settingsAction->setShortcut(QKeySequence(u"Ctrl+,"_s));
        fileMenu->addSeparator();
    }
    QAction *quit = fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &MainWindow::quit);
    quit->setObjectName(u"actionQuit"_s);
    if (quit->shortcut().isEmpty()) // not every platform theme binds Quit
        quit->setShortcut(QKeySequence(u"Ctrl+Q"_s));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *alertMenu = menuBar()->addMenu(tr("&Alert"));
    alertMenu->addActions({m_analyzeAction, m_forwardAction, m_silenceAction, m_ackAction});
    alertMenu->addSeparator();
    alertMenu->addAction(m_replayAction);
    m_clearReplayAction = alertMenu->addAction(tr("C&lear replayed alerts"), this, [this] {
        if (m_context.replay)
            m_context.replay->clear();
    });
    m_clearReplayAction->setObjectName(u"actionClearReplay"_s);
    m_clearReplayAction->setEnabled(false);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    auto *dock = findChild<QDockWidget *>(u"analysisDock"_s);
    QAction *toggleDock = dock->toggleViewAction();
    toggleDock->setShortcut(QKeySequence(u"Ctrl+Shift+I"_s));
    viewMenu->addAction(toggleDock);
    QAction *focusTable = viewMenu->addAction(tr("&Alerts"), QKeySequence(u"Ctrl+1"_s), this, [this] {
        showView(View::Alerts);
        m_table->setFocus(Qt::ShortcutFocusReason);
    });
    focusTable->setObjectName(u"actionFocusTable"_s);
    QAction *incidents = viewMenu->addAction(tr("&Incidents"), QKeySequence(u"Ctrl+2"_s), this, [this] {
        showView(View::Incidents);
        m_incidentsView->tree()->setFocus(Qt::ShortcutFocusReason);
    });
    incidents->setObjectName(u"actionShowIncidents"_s);
    incidents->setEnabled(m_incidentsView != nullptr);
    viewMenu->addSeparator();
    QAction *focusFilter
        = viewMenu->addAction(tr("&Filter alerts"), QKeySequence::Find, m_filterBar, &FilterBar::focusFilter);
    focusFilter->setObjectName(u"actionFocusFilter"_s);
    focusFilter->setShortcuts({QKeySequence::Find, QKeySequence(u"/"_s)});
    viewMenu->addSeparator();
    QAction *silences = viewMenu->addAction(QIcon(u":/icons/silence.svg"_s), tr("&Silences"),
                                            QKeySequence(u"Ctrl+Shift+L"_s), this, &MainWindow::openSilences);
    silences->setObjectName(u"actionSilences"_s);
    silences->setEnabled(m_context.sync != nullptr);
    QAction *handover = viewMenu->addAction(tr("&Handover report…"), QKeySequence(u"Ctrl+Shift+H"_s), this,
                                            &MainWindow::openHandoverReport);
    handover->setObjectName(u"actionHandoverReport"_s);
    handover->setEnabled(!m_context.dataDirectory.isEmpty());
    QAction *noise = viewMenu->addAction(tr("&Noise report…"), QKeySequence(u"Ctrl+Shift+O"_s), this,
                                         &MainWindow::openNoiseReport);
    noise->setObjectName(u"actionNoiseReport"_s);
    noise->setEnabled(!m_context.dataDirectory.isEmpty());

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = helpMenu->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setObjectName(u"actionShortcuts"_s);
    shortcuts->setShortcuts({QKeySequence::HelpContents, QKeySequence(u"?"_s)});
    helpMenu->addSeparator();
    QAction *about = helpMenu->addAction(tr("&About AlertDeck"), this, &MainWindow::showAbout);
    about->setObjectName(u"actionAbout"_s);
    about->setMenuRole(QAction::AboutRole);
    helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::showShortcuts()
{
    const QString table = tr("Alert table");
    auto *sheet = new ShortcutsDialog(
        menuBar(),
        {{table, tr("Next alert, previous alert"), tr("j, k (or ↓, ↑)")},
         // Key names as Qt spells them, like the menus' shortcuts beside them.
         {table, tr("Open the alert's details"), ShortcutsDialog::keysText({QKeySequence(Qt::Key_Return)})},
         {table, tr("Back to the table from the details"), ShortcutsDialog::keysText({QKeySequence(Qt::Key_Escape)})},
         {table, tr("Menu of the selected alert"), tr("Menu key")}},
        this);
    sheet->setAttribute(Qt::WA_DeleteOnClose);
    sheet->show();
}

void MainWindow::openCurrentAlert()
{
    if (currentSourceRow() < 0)
        return;
    // Details collapsed by the splitter come back.
    if (const QList<int> sizes = m_splitter->sizes(); sizes.size() == 2 && sizes.at(1) == 0)
        m_splitter->setSizes({sizes.at(0) * 3 / 5, sizes.at(0) * 2 / 5});
    m_detailTabs->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::createStatusBar()
{
    auto *listenerStatus = new ListenerStatusIndicator(m_context.listener);
    statusBar()->addWidget(listenerStatus);
    if (m_context.store) {
        statusBar()->addWidget(new StoreLoadIndicator(m_context.store));
        // The listener starts once the store is open: no alarming "stopped" before.
        auto showListenerStatus = [this, listenerStatus] {
            listenerStatus->setVisible(m_context.store->storeState() != StoreService::StoreState::Opening);
        };
        connect(m_context.store, &StoreService::storeStateChanged, listenerStatus, showListenerStatus);
        showListenerStatus();
    }
    if (m_context.forward) {
        auto *forwardStatus = new QLabel;
        statusBar()->addWidget(forwardStatus, 1);
        m_forward = new ForwardController(m_context.forward, m_forwardAction, forwardStatus, m_forwardBanner, this);
        // Forward sends the answer picked in the panel (the latest by default).
        m_forward->setAnalysisPicker([this](const Alert &alert) { return m_analysisPanel->forwardAnalysis(alert); });
        if (m_incidentsView)
            m_forward->setIncidentSource([this]() -> std::optional<IncidentSnapshot> {
                return view() == View::Incidents ? m_incidentsView->currentIncident() : std::nullopt;
            });
        connect(m_forward, &ForwardController::settingsRequested, this,
                [this](const QString &page) { openSettings(page); });
        // The button sends to the default destination; its arrow lists the others.
        if (auto *button
            = qobject_cast<QToolButton *>(findChild<QToolBar *>(u"mainToolBar"_s)->widgetForAction(m_forwardAction)))
            button->setPopupMode(QToolButton::MenuButtonPopup);
        // A logged forward of the selected alert joins its History.
        connect(m_context.forward, &ForwardService::forwardStored, this, [this](const StoredForward &forward) {
            const int row = currentSourceRow();
            if (row >= 0 && m_context.alerts->alertAt(row).fingerprint == forward.fingerprint)
                fetchCurrentDetails();
        });
    }
    if (m_context.sync) {
        // A failed sync is said here, naming the Alertmanager, and nothing else changes.
        auto *syncStatus = new QLabel;
        syncStatus->setObjectName(u"syncStatus"_s);
        syncStatus->hide();
        statusBar()->addPermanentWidget(syncStatus);
        connect(m_context.sync, &AlertmanagerSync::synced, this, [this] { updateAlertActions(); });
        connect(m_context.sync, &AlertmanagerSync::synced, syncStatus,
                [syncStatus](int added, int resolved, const QString &error) {
                    const QString time = QTime::currentTime().toString(u"HH:mm"_s);
                    if (!error.isEmpty()) {
                        syncStatus->setText(tr("Alertmanager sync failed at %1").arg(time));
                        syncStatus->setToolTip(AlertTableModel::plainToolTip(error)); // Alertmanager's words
                        syncStatus->setStyleSheet(u"color: #c62828;"_s);
                    } else {
                        syncStatus->setText(tr("Synced with Alertmanager at %1").arg(time));
                        syncStatus->setToolTip(
                            tr("%1 missed alerts added, %2 resolved while offline").arg(added).arg(resolved));
                        syncStatus->setStyleSheet({});
                    }
                    syncStatus->show();
                });
    }
    auto *updates = new QToolButton;
    updates->setObjectName(u"pendingUpdates"_s);
    updates->setAutoRaise(true);
    updates->setStyleSheet(u"font-weight: bold;"_s);
    updates->hide();
    connect(updates, &QToolButton::clicked, m_sortModel, &AlertFilterProxyModel::applyPendingUpdates);
    connect(m_sortModel, &AlertFilterProxyModel::pendingUpdatesChanged, updates, [updates](int pending) {
        updates->setText(tr("↻ %n update(s)", nullptr, pending));
        updates->setToolTip(tr("While an alert is selected the table keeps its rows in place. Click to show the "
                               "%n new or changed alert(s) in order, or press Esc in the table to let go of the "
                               "selection.",
                               nullptr, pending));
        updates->setVisible(pending > 0);
    });
    statusBar()->addPermanentWidget(updates);
    statusBar()->addPermanentWidget(new SeverityCountsIndicator(m_context.alerts));
}

void MainWindow::showListenerState()
{
    const HttpListener &listener = *m_context.listener;
    switch (listener.state()) {
    case HttpListener::State::AddressInUse:
        m_listenerBanner->setActionText(tr("&Retry"));
        m_listenerBanner->showMessage(NotificationBanner::Kind::Warning,
                                      tr("Port %1 is in use — change it in Settings (or start AlertDeck with --listen "
                                         "HOST:PORT). Alerts are not being received.")
                                          .arg(listener.requestedAddress().toString()));
        break;
    case HttpListener::State::Failed:
        m_listenerBanner->setActionText(tr("&Retry"));
        m_listenerBanner->showMessage(
            NotificationBanner::Kind::Error,
            tr("The webhook listener could not start: %1. Alerts are not being received.").arg(listener.errorString()));
        break;
    case HttpListener::State::Listening:
        if (!listener.boundAddress().isLoopback()) {
            m_listenerBanner->setActionText({});
            m_listenerBanner->showMessage(
                NotificationBanner::Kind::Warning,
                tr("Listening on %1: other machines can reach this console, and webhooks need the configured "
                   "credentials. Listen on 127.0.0.1 unless alerts must arrive over the network.")
                    .arg(listener.boundAddress().toString()));
            break;
        }
        [[fallthrough]];
    case HttpListener::State::Stopped: m_listenerBanner->hide(); break;
    }
    updateEmptyText();
}

void MainWindow::showSecretsProblem(const QString &message)
{
    m_secretsBanner->showMessage(
        NotificationBanner::Kind::Warning,
        tr("%1\nListener credentials, API keys and tokens are not configured until the keychain can be used.")
            .arg(message));
}

void MainWindow::openSettings(const QString &page)
{
    if (auto *open = findChild<SettingsDialog *>(); open) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new SettingsDialog(m_context.settings, m_context.secrets, m_context.storePath, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!page.isEmpty())
        dialog->showPage(page);
    connect(dialog, &SettingsDialog::saved, this, &MainWindow::settingsSaved);
    // The Loki check tries the selected alert's log selector.
    if (const int row = currentSourceRow(); row >= 0)
        if (auto *sources = dialog->findChild<DataSourcesPage *>())
            sources->setSampleAlert(m_context.alerts->alertAt(row));
    if (m_context.analysis) {
        dialog->setRequestPreviewer([this](const AnalysisService::Settings &settings) -> std::optional<RequestPreview> {
            const int row = currentSourceRow();
            if (row < 0)
                return std::nullopt;
            const Alert &alert = m_context.alerts->alertAt(row);
            return RequestPreview{alert.name, settings.request,
                                  m_context.analysis->preview(alert, m_currentOccurrences, settings.prompt)};
        });
    }
    dialog->open(); // window-modal, without a nested event loop
}

void MainWindow::updateEmptyText()
{
    using StoreState = StoreService::StoreState;
    if (m_context.store
        && (m_context.store->storeState() == StoreState::Opening
            || m_context.store->storeState() == StoreState::Restoring)) {
        m_table->setEmptyText(tr("Loading stored alerts…"));
        return;
    }
    const HttpListener &listener = *m_context.listener;
    QString text = tr("No alerts yet.");
    if (listener.state() == HttpListener::State::Listening)
        text += u"\n\n"_s
            + tr("Point Alertmanager, Grafana or Nightingale webhooks at %1/webhook").arg(listener.baseUrl());
    text += u"\n\n"_s + tr("To explore with sample alerts, start AlertDeck with --demo.");
    m_table->setEmptyText(text);
}

void MainWindow::showView(View view)
{
    if (view == View::Incidents && !m_incidentsView)
        return;
    const int index = view == View::Incidents ? 1 : 0;
    const bool changed = m_viewStack->currentIndex() != index;
    m_viewStack->setCurrentIndex(index);
    {
        const QSignalBlocker blocker(m_viewTabs);
        m_viewTabs->setCurrentIndex(index);
    }
    // The filter bar filters alerts only.
    m_filterBar->setVisible(view == View::Alerts);
    if (changed && m_incidentsView) // the incident's charts belong to its view
        m_detailTabs->showIncident(view == View::Incidents ? m_incidentsView->currentMembers() : QList<Alert>{});
    if (changed)
        showCurrentAlert(); // the details follow what this view has selected
}

MainWindow::View MainWindow::view() const
{
    return m_viewStack->currentIndex() == 1 ? View::Incidents : View::Alerts;
}

int MainWindow::currentSourceRow() const
{
    if (view() == View::Incidents)
        return m_incidentAlert ? m_context.alerts->rowOf(m_incidentAlert->source, m_incidentAlert->fingerprint) : -1;
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return -1;
    // A group's header row is no alert.
    return m_sortModel->mapToSource(m_groupModel->mapToSource(m_presentationModel->mapToSource(current))).row();
}

QModelIndex MainWindow::viewIndexOf(int alertRow) const
{
    return m_presentationModel->mapFromSource(
        m_groupModel->mapFromSource(m_sortModel->mapFromSource(m_context.alerts->index(alertRow, 0))));
}

void MainWindow::showCurrentAlert()
{
    const int row = currentSourceRow();
    if (row < 0) {
        m_detailTabs->clearAlert();
        m_analysisPanel->clearAlert();
        updateAlertActions();
        return;
    }
    const Alert &alert = m_context.alerts->alertAt(row);
    if (auto *overview = m_detailTabs->findChild<AlertOverviewPane *>())
        overview->setMute(m_context.alerts->muteOf(alert));
    m_detailTabs->showAlert(alert);
    m_analysisPanel->showAlert(alert);
    m_currentOccurrences.clear();
    updateAlertActions();
    fetchCurrentDetails();
}

void MainWindow::fetchCurrentDetails()
{
    const int row = currentSourceRow();
    if (row >= 0 && !m_context.alerts->alertAt(row).inLiveStore())
        m_detailTabs->seenBeforeCard()->setUnavailable(
            tr("Demo and replayed alerts are not stored, so there is no history to compare them with."));
    if (!m_context.store || row < 0 || !m_context.alerts->alertAt(row).inLiveStore())
        return;
    const Alert &alert = m_context.alerts->alertAt(row);
    // Shown only if this alert is still the selected one.
    m_context.store->fetchDetails(AlertKey::of(alert), this,
                                  [this, key = AlertKey::of(alert)](const AlertDetails &details) {
                                      const int current = currentSourceRow();
                                      if (current < 0 || AlertKey::of(m_context.alerts->alertAt(current)) != key)
                                          return;
                                      m_detailTabs->showDetails(details);
                                      m_currentOccurrences = details.occurrences;
                                      m_analysisPanel->showStoredAnalyses(key, details.analyses);
                                  });
    fetchSeenBefore();
}

void MainWindow::fetchSeenBefore()
{
    const int row = currentSourceRow();
    if (!m_context.store || row < 0)
        return;
    const Alert &alert = m_context.alerts->alertAt(row);
    // In the Incidents view the card speaks of the whole incident.
    QList<Alert> alerts;
    if (view() == View::Incidents)
        alerts = m_incidentsView->currentMembers();
    if (alerts.isEmpty())
        alerts = {alert};
    SeenBeforeCard *card = m_detailTabs->seenBeforeCard();
    card->setLoading();
    m_context.store->fetchSeenBefore(alerts, card,
                                     [this, card, key = AlertKey::of(alert)](const SeenBefore::Report &report) {
                                         const int current = currentSourceRow();
                                         if (current >= 0 && AlertKey::of(m_context.alerts->alertAt(current)) == key)
                                             card->setReport(report);
                                     });
}

void MainWindow::openResolutionNote()
{
    const int row = currentSourceRow();
    if (!m_context.store || row < 0)
        return;
    const Alert &alert = m_context.alerts->alertAt(row);
    QList<Alert> subjects;
    QString subject = alert.name;
    if (view() == View::Incidents && !m_incidentsView->currentMembers().isEmpty()) {
        subjects = m_incidentsView->currentMembers();
        subject = m_incidentsView->currentTitle();
    } else {
        subjects = {alert};
    }
    QList<OccurrenceKey> occurrences;
    for (const Alert &member : std::as_const(subjects))
        if (member.inLiveStore())
            occurrences.append(OccurrenceKey::of(member));
    if (occurrences.isEmpty())
        return;
    // The note written before (on the first, worst alert) is opened to edit.
    m_context.store->fetchResolutionNote(occurrences.constFirst(), this,
                                         [this, occurrences, subject](const ResolutionNote &stored) {
                                             askResolutionNote(occurrences, subject, stored, {});
                                         });
}

void MainWindow::askResolutionNote(const QList<OccurrenceKey> &occurrences, const QString &subject,
                                   const ResolutionNote &note, const QString &problem)
{
    auto *dialog = new ResolutionNoteDialog(subject, note, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!problem.isEmpty()) {
        dialog->problemLabel()->setText(tr("Not saved: %1").arg(problem));
        dialog->problemLabel()->show();
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog, occurrences, subject] {
        const ResolutionNote written = dialog->note();
        m_context.store->saveResolutionNote(
            occurrences, written, this, [this, occurrences, subject, written](const QString &error) {
                if (error.isEmpty()) {
                    statusBar()->showMessage(tr("Resolution note saved for %1").arg(subject), 10'000);
                    fetchSeenBefore();
                    return;
                }
                // Nothing typed is lost: the note opens again with the reason.
                statusBar()->showMessage(tr("The resolution note was not saved: %1").arg(error), 15'000);
                askResolutionNote(occurrences, subject, written, error);
            });
    });
    dialog->open();
}

void MainWindow::updateAlertActions()
{
    const bool selected = currentSourceRow() >= 0;
    m_analyzeAction->setEnabled(m_context.analysis && selected && !m_analysisPanel->isRunning());
    // Silence: a firing Alertmanager alert, and an Alertmanager to send the silence to.
    const bool silenceable = selected && m_context.sync && !m_context.sync->endpoints().isEmpty() && [this] {
        const Alert &alert = m_context.alerts->alertAt(currentSourceRow());
        return alert.source == u"alertmanager"_s && alert.inLiveStore() && alert.state == AlertState::Firing;
    }();
    m_silenceAction->setEnabled(silenceable);
    m_noteAction->setEnabled(m_context.store && selected
                             && m_context.alerts->alertAt(currentSourceRow()).inLiveStore());
    m_ackAction->setEnabled(silenceable && m_context.acknowledgements && [this] {
        const QString fingerprint = m_context.alerts->alertAt(currentSourceRow()).fingerprint;
        return !m_context.acknowledgements->isAcknowledged(fingerprint)
            && !m_context.acknowledgements->isChecking(fingerprint);
    }());
    if (m_forward)
        m_forward->setAlert(selected ? std::optional(m_context.alerts->alertAt(currentSourceRow())) : std::nullopt);
}

QString MainWindow::silenceAuthor() const
{
    if (m_context.settings)
        return Settings::silenceAuthor(*m_context.settings);
    return qEnvironmentVariable("USER", u"AlertDeck"_s);
}

void MainWindow::openSilence()
{
    const int row = currentSourceRow();
    if (row >= 0)
        openSilenceFor(m_context.alerts->alertAt(row));
}

void MainWindow::acknowledgeFromNotification(const QList<AlertKey> &alerts)
{
    if (!m_context.acknowledgements || !m_context.sync || m_context.sync->endpoints().isEmpty()) {
        bringToFront();
        statusBar()->showMessage(tr("Not acknowledged: acknowledging needs an Alertmanager (Settings → Data sources)"),
                                 15'000);
        return;
    }
    int asked = 0;
    for (const AlertKey &key : alerts) {
        const int row = m_context.alerts->rowOf(key.source, key.fingerprint);
        if (row < 0)
            continue;
        const Alert &alert = m_context.alerts->alertAt(row);
        // Only what Acknowledge in the window would take: firing Alertmanager alerts not acknowledged yet.
        if (alert.source != u"alertmanager"_s || alert.state != AlertState::Firing || !alert.inLiveStore()
            || m_context.acknowledgements->isAcknowledged(alert.fingerprint)
            || m_context.acknowledgements->isChecking(alert.fingerprint))
            continue;
        m_context.acknowledgements->acknowledge(alert, m_context.sync->endpoints().constFirst(), silenceAuthor());
        ++asked;
    }
    statusBar()->showMessage(
        asked > 0
            ? tr("Acknowledging %n alert(s): asking Alertmanager which alerts the silence would mute…", nullptr, asked)
            : tr("Nothing to acknowledge: those alerts are resolved or acknowledged already"),
        10'000);
    updateAlertActions();
}

void MainWindow::answerHeldBackAcknowledge(const AcknowledgeCheck &check)
{
    updateAlertActions();
    using Outcome = AcknowledgeCheck::Outcome;
    if (check.outcome == Outcome::NotAsked)
        statusBar()->showMessage(tr("Acknowledge failed: %1").arg(check.error), 15'000);
    else
        statusBar()->showMessage(check.outcome == Outcome::NotInAlertmanager
                                     ? tr("Not acknowledged: the alert is not in Alertmanager")
                                     : tr("Not acknowledged yet: it would silence other alerts too"),
                                 15'000);
    auto *dialog = new AcknowledgeDialog(check, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AcknowledgeDialog::silenceAllChosen, this, [this, check] {
        if (m_context.acknowledgements)
            m_context.acknowledgements->acknowledgeChecked(check, silenceAuthor());
    });
    connect(dialog, &AcknowledgeDialog::narrowChosen, this, [this, alert = check.alert] {
        // After the question has closed: the Silence dialog is window-modal too.
        QMetaObject::invokeMethod(
            this, [this, alert] { openSilenceFor(alert); }, Qt::QueuedConnection);
    });
    dialog->open();
}

void MainWindow::openSilenceFor(const Alert &alert)
{
    if (!m_context.sync || m_context.sync->endpoints().isEmpty())
        return;
    const ConnectionCheckRequest alertmanager = m_context.sync->endpoints().constFirst();
    auto *dialog = new SilenceDialog(alert, m_context.alerts->alerts(), alertmanager, silenceAuthor(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SilenceDialog::silenceSaved, this, [this, dialog, alertmanager](const Silence &silence) {
        // Who silenced it and until when, in the State column (the sync only says "silenced").
        m_context.alerts->setLocalMute(
            dialog->alertFingerprint(),
            {AlertMute::Kind::Silenced, silence.createdBy, silence.endsAt, dialog->untilResolved(), silence.comment});
        if (dialog->untilResolved() && m_context.acknowledgements) {
            m_context.acknowledgements->keep(dialog->alertFingerprint(), silence, alertmanager,
                                             SilenceDialog::untilResolvedWindow);
            statusBar()->showMessage(
                tr("Silence %1 created in Alertmanager, extended while the alert fires").arg(silence.id), 10'000);
        } else {
            statusBar()->showMessage(tr("Silence %1 created in Alertmanager").arg(silence.id), 10'000);
        }
        m_context.sync->syncNow(); // the table shows it silenced
    });
    dialog->open();
}

void MainWindow::openSilences()
{
    if (!m_context.sync)
        return;
    if (!m_silencesDialog) {
        m_silencesDialog = new SilencesDialog(
            m_context.sync, [alerts = m_context.alerts] { return alerts->alerts(); }, this);
        m_silencesDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_silencesDialog, &SilencesDialog::silencesChanged, m_context.sync, &AlertmanagerSync::syncNow);
    } else {
        m_silencesDialog->refresh();
    }
    m_silencesDialog->show();
    m_silencesDialog->raise();
    m_silencesDialog->activateWindow();
}

namespace {

// Shows a shift report and builds it once Alertmanager's silences are in (acknowledgements
// and silences come from there), or at once without an Alertmanager.
template<typename Dialog> void buildWithSilences(Dialog *dialog, AlertmanagerSync *sync)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    if (!sync || sync->endpoints().isEmpty()) {
        dialog->build();
        return;
    }
    auto *client = new AlertmanagerClient(dialog);
    client->fetchSilences(sync->endpoints().constFirst(), dialog,
                          [dialog](const AlertmanagerApi::SilencesResult &result) {
                              if (result.error.isEmpty())
                                  dialog->setSilences(result.silences);
                              else
                                  dialog->setSilencesUnavailable(result.error);
                              dialog->build();
                          });
}

} // namespace

void MainWindow::openHandoverReport()
{
    HandoverReportDialog::Services services{m_context.dataDirectory, m_context.secrets};
    if (m_context.forward) {
        services.destinations = m_context.forward->settings().destinations;
        services.telegramApi = m_context.forward->settings().telegramApi;
    }
    if (m_context.incidents) // the user's scopes, as the Incidents view groups with
        services.incidentRules = m_context.incidents->rules();
    buildWithSilences(new HandoverReportDialog(services, this), m_context.sync);
}

void MainWindow::openNoiseReport()
{
    buildWithSilences(new NoiseReportDialog({m_context.dataDirectory}, this), m_context.sync);
}

void MainWindow::openReplay()
{
    if (!m_context.replay)
        return;
    if (!m_replayDialog) {
        m_replayDialog = new ReplayDialog(m_context.replay, m_context.storePath, this);
        m_replayDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_replayDialog->show();
    m_replayDialog->raise();
    m_replayDialog->activateWindow();
}

void MainWindow::showAbout()
{
    AboutDialog dialog(m_context.dataDirectory, this);
    dialog.exec();
}

void MainWindow::restoreLayout()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(SettingsKey::geometry).toByteArray())) {
        // First run: most of the screen, but not absurdly large on a wall display.
        const QSize available = screen() ? screen()->availableGeometry().size() : QSize(1440, 900);
        resize(QSize(available.width() * 9 / 10, available.height() * 9 / 10).boundedTo(QSize(1680, 1050)));
    }
    restoreState(settings.value(SettingsKey::windowState).toByteArray());
    m_splitter->restoreState(settings.value(SettingsKey::splitter).toByteArray());
    // The label columns first: the header's state counts them.
    if (const QStringList labels = settings.value(SettingsKey::labelColumns).toStringList(); !labels.isEmpty())
        m_context.alerts->setLabelColumns(labels);
    m_groupModel->setGroupLabel(settings.value(SettingsKey::groupBy).toString());
    showView(settings.value(SettingsKey::view).toString() == u"incidents"_s ? View::Incidents : View::Alerts);
    m_table->horizontalHeader()->restoreState(settings.value(SettingsKey::tableHeader).toByteArray());
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(SettingsKey::geometry, saveGeometry());
    settings.setValue(SettingsKey::windowState, saveState());
    settings.setValue(SettingsKey::splitter, m_splitter->saveState());
    settings.setValue(SettingsKey::tableHeader, m_table->horizontalHeader()->saveState());
    settings.setValue(SettingsKey::labelColumns, m_context.alerts->labelColumns());
    settings.setValue(SettingsKey::groupBy, m_groupModel->groupLabel());
    settings.setValue(SettingsKey::view, view() == View::Incidents ? u"incidents"_s : u"alerts"_s);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    // With a tray, closing can keep AlertDeck running there (asked once, remembered).
    if (!m_quitting && m_tray && m_tray->isAvailable() && m_context.settings) {
        const QString choice = m_context.settings->value(Settings::closeToTray);
        if (choice == u"tray"_s) {
            event->ignore();
            hide();
            return;
        }
        if (choice.isEmpty()) {
            event->ignore();
            askCloseToTray();
            return;
        }
    }
    event->accept();
    emit closedForGood();
}

void MainWindow::askCloseToTray()
{
    auto *question = new QMessageBox(QMessageBox::Question, tr("Keep AlertDeck running?"),
                                     tr("Keep AlertDeck running in the tray when its window is closed?"),
                                     QMessageBox::NoButton, this);
    question->setObjectName(u"closeToTrayQuestion"_s);
    question->setInformativeText(tr("In the tray the listener keeps receiving alerts and critical ones still "
                                    "notify you. AlertDeck remembers this answer; change it in Settings → "
                                    "Notifications."));
    QPushButton *tray = question->addButton(tr("Keep running in the &tray"), QMessageBox::AcceptRole);
    tray->setObjectName(u"closeToTray"_s);
    QPushButton *quitButton = question->addButton(tr("&Quit"), QMessageBox::DestructiveRole);
    quitButton->setObjectName(u"closeAndQuit"_s);
    question->addButton(QMessageBox::Cancel);
    question->setDefaultButton(tray);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this, question, tray, quitButton] {
        if (question->clickedButton() == tray) {
            m_context.settings->setValue(Settings::closeToTray, u"tray"_s);
            hide();
        } else if (question->clickedButton() == quitButton) {
            m_context.settings->setValue(Settings::closeToTray, u"quit"_s);
            quit();
        }
    });
    question->open();
}

void MainWindow::quit()
{
    m_quitting = true;
    close();
}

void MainWindow::bringToFront()
{
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
}

bool MainWindow::showRelatedAlert(const QString &fingerprint)
{
    const int row = currentSourceRow();
    if (row < 0)
        return false;
    const AlertKey key{m_context.alerts->alertAt(row).source, fingerprint};
    if (key == AlertKey::of(m_context.alerts->alertAt(row)))
        return true;
    m_analysisPanel->keepShownWhile(key);
    if (view() == View::Incidents && m_incidentsView && m_incidentsView->selectMember(key))
        return true;
    return selectAlert(key.source, key.fingerprint);
}

bool MainWindow::selectAlert(const QString &source, const QString &fingerprint)
{
    bringToFront();
    showView(View::Alerts);
    const int row = m_context.alerts->rowOf(source, fingerprint);
    if (row < 0)
        return false;
    auto sortedIndex = [this, row] { return m_sortModel->mapFromSource(m_context.alerts->index(row, 0)); };
    if (!sortedIndex().isValid())
        m_sortModel->applyPendingUpdates(); // a new alert waiting behind "N updates"
    if (!sortedIndex().isValid())
        m_filterBar->showEverything(); // the filter hid it
    if (!viewIndexOf(row).isValid()) // its group is folded
        m_groupModel->setExpanded(m_groupModel->groupValueOf(sortedIndex()), true);
    const QModelIndex index = viewIndexOf(row);
    if (!index.isValid())
        return false;
    m_table->selectRow(index.row());
    m_table->scrollTo(index);
    m_table->setFocus(Qt::OtherFocusReason);
    return true;
}
