#include "AboutDialog.h"
#include "AcknowledgeDialog.h"
#include "AlertBuilder.h"
#include "AlertOverviewPane.h"
#include "AlertTableView.h"
#include "AnalysisPanel.h"
#include "Appearance.h"
#include "DetailTabs.h"
#include "FakeHttpServer.h"
#include "FilterBar.h"
#include "HttpTestClient.h"
#include "LogsPane.h"
#include "MainWindow.h"
#include "MainWindowFixture.h"
#include "MetricChart.h"
#include "MetricsPane.h"
#include "NotificationBanner.h"
#include "ResultAssert.h"
#include "ReviewShot.h"
#include "SettingsDialog.h"
#include "ShortcutsDialog.h"
#include "SilenceDialog.h"
#include "SilencesDialog.h"
#include "TestData.h"
#include "TestDestinations.h"
#include "TimeRangePicker.h"
#include "TrayController.h"
#include "alertmanager/Acknowledgements.h"
#include "alertmanager/AlertmanagerSync.h"
#include "analysis/AnalysisService.h"
#include "analysis/EvidenceChips.h"
#include "analysis/MarkdownStreamView.h"
#include "context/ContextService.h"
#include "core/BuildInfo.h"
#include "demo/DemoAlerts.h"
#include "forward/ForwardService.h"
#include "ingest/HttpListener.h"
#include "model/AlertGroupingProxyModel.h"
#include "model/AlertTableModel.h"
#include "secrets/MemorySecretStore.h"
#include "settings/AppSettings.h"
#include "store/StoreService.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QColor>
#include <QComboBox>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
// A firing Alertmanager alert, to silence or acknowledge.
Alert diskFullFromAlertmanager(const QString &fingerprint)
{
    return AlertBuilder(fingerprint).named(u"DiskFull"_s).label(u"instance"_s, u"db-1"_s);
}

// Alerts as GET /api/v2/alerts lists them.
QByteArray alertmanagerList(const QList<Alert> &alerts)
{
    QJsonArray list;
    for (const Alert &alert : alerts) {
        QJsonObject labels;
        for (auto it = alert.labels.cbegin(); it != alert.labels.cend(); ++it)
            labels.insert(it.key(), it.value());
        list.append(QJsonObject{{u"fingerprint"_s, alert.fingerprint},
                                {u"labels"_s, labels},
                                {u"status"_s, QJsonObject{{u"state"_s, u"active"_s}}}});
    }
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}

int silencesPosted(const FakeHttpServer &alertmanager)
{
    return int(
        std::count_if(alertmanager.requests.cbegin(), alertmanager.requests.cend(), [](const HttpRequest &request) {
            return request.method == "POST" && request.path == "/api/v2/silences";
        }));
}
// Where the `index`th chip of `view` is drawn, in its viewport.
QPoint chipCentre(QTextEdit *view, int index)
{
    int seen = 0;
    for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().objectType() == EvidenceChips::objectType && seen++ == index) {
                QTextCursor cursor(view->document());
                cursor.setPosition(it.fragment().position());
                const QRect left = view->cursorRect(cursor);
                cursor.setPosition(it.fragment().position() + 1);
                const QRect right = view->cursorRect(cursor);
                return QPoint((left.left() + right.left()) / 2, left.center().y());
            }
    return {};
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindowFixture> m_gui;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MemorySecretStore> m_secrets;
    ContextService *m_contextService = nullptr;

    MainWindow *openWindow(bool demo = false)
    {
        MainWindow *window = m_gui->show({.dataDirectory = u"/tmp/alertdeck-data"_s,
                                          .demo = demo,
                                          .settings = m_settings.get(),
                                          .secrets = m_secrets.get(),
                                          .contextService = m_contextService});
        if (window) // the table's model: the presentation model over the filter proxy
            new QAbstractItemModelTester(child<QTableView>(u"alertTable"_s)->model(),
                                         QAbstractItemModelTester::FailureReportingMode::Fatal, window);
        return window;
    }

    template<typename T> T *child(const QString &name) const { return m_gui->child<T>(name); }

    // The window with Alertmanager sync and acknowledgements, the DiskFull alert f00d
    // in its table and selected: its Acknowledge action, or null.
    QAction *showWithSelectedAlert(AlertmanagerSync &sync, Acknowledgements &acks)
    {
        if (!m_gui->show({.sync = &sync, .acknowledgements = &acks}))
            return nullptr;
        m_gui->alerts()->upsert({diskFullFromAlertmanager(u"f00d"_s)});
        child<QTableView>(u"alertTable"_s)->selectRow(0);
        return child<QAction>(u"actionAcknowledge"_s);
    }

private slots:
    void initTestCase() { MainWindowFixture::initApplication(u"tst_mainwindow"_s); }

    void init()
    {
        QSettings().clear();
        m_gui = std::make_unique<MainWindowFixture>();
        m_settings = std::make_unique<AppSettings>();
        m_secrets = std::make_unique<MemorySecretStore>();
    }

    void cleanup()
    {
        m_gui->closeWindow();
        m_gui.reset();
        m_settings.reset();
        m_secrets.reset();
    }

    void hasTheShellWidgets()
    {
        QVERIFY(m_gui->listener()->start({QHostAddress(QHostAddress::LocalHost), 0}));
        MainWindow *window = openWindow();
        QVERIFY(window);
        QCOMPARE(window->windowTitle(), u"AlertDeck"_s);

        auto *table = child<QTableView>(u"alertTable"_s);
        QVERIFY(table && table->isVisible());
        QCOMPARE(table->model()->columnCount(), int(AlertTableModel::ColumnCount));

        auto *tabs = child<QTabWidget>(u"detailTabs"_s);
        QVERIFY(tabs && tabs->isVisible());
        QStringList tabNames;
        for (int i = 0; i < tabs->count(); ++i)
            tabNames << tabs->tabText(i).remove(u'&');
        QCOMPARE(tabNames, (QStringList{u"Overview"_s, u"Metrics"_s, u"Logs"_s, u"History"_s}));

        auto *dock = child<QDockWidget>(u"analysisDock"_s);
        QVERIFY(dock && dock->isVisible());
        QCOMPARE(window->dockWidgetArea(dock), Qt::RightDockWidgetArea);
        QVERIFY(dock->findChild<QPushButton *>(u"analyzeButton"_s));

        auto *toolBar = child<QToolBar>(u"mainToolBar"_s);
        QVERIFY(toolBar && toolBar->isVisible());
        QStringList actionNames;
        for (QAction *action : toolBar->actions())
            if (!action->isSeparator())
                actionNames << action->objectName();
        QCOMPARE(actionNames,
                 (QStringList{u"actionAnalyze"_s, u"actionForward"_s, u"actionSilence"_s, u"actionReplay"_s}));
        for (QAction *action : toolBar->actions())
            QVERIFY(action->isSeparator() || !action->shortcut().isEmpty());

        auto *status = child<QLabel>(u"listenerStatus"_s);
        QVERIFY(status);
        QVERIFY2(status->text().contains(u"Listening on http://127.0.0.1:%1"_s.arg(m_gui->port())),
                 qPrintable(status->text()));
        auto *counts = child<QLabel>(u"severityCounts"_s);
        QVERIFY(counts);
        QCOMPARE(counts->text(), u"No firing alerts"_s);
        QVERIFY(!child<NotificationBanner>(u"listenerBanner"_s)->isVisible());
        QVERIFY(!child<NotificationBanner>(u"demoBanner"_s)->isVisible());

        // First run: the empty table says where to send alerts.
        const QString empty = child<AlertTableView>(u"alertTable"_s)->emptyText();
        QVERIFY2(empty.contains(u"http://127.0.0.1:%1/webhook"_s.arg(m_gui->port())), qPrintable(empty));
        QVERIFY(empty.contains(u"--demo"_s));
    }

    void portInUseShowsBannerAndRetryWorks()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        const QString address = u"127.0.0.1:%1"_s.arg(blocker.serverPort());
        QVERIFY(!m_gui->listener()->start({QHostAddress(QHostAddress::LocalHost), blocker.serverPort()}));
        QVERIFY(openWindow());

        auto *banner = child<NotificationBanner>(u"listenerBanner"_s);
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(u"Port %1 is in use — change it in Settings"_s.arg(address)),
                 qPrintable(banner->text()));
        QVERIFY(child<QLabel>(u"listenerStatus"_s)->text().contains(u"Port %1 is in use"_s.arg(address)));
        QVERIFY(!child<AlertTableView>(u"alertTable"_s)->emptyText().contains(u"/webhook"_s)); // no false promise

        // Retry while still blocked: the banner stays.
        auto *retry = banner->findChild<QPushButton *>(u"bannerAction"_s);
        QVERIFY(retry && retry->isVisible());
        retry->click();
        QVERIFY(banner->isVisible());

        // Port freed: retry succeeds and the banner goes away.
        blocker.close();
        retry->click();
        QCOMPARE(m_gui->listener()->state(), HttpListener::State::Listening);
        QVERIFY(!banner->isVisible());
        QVERIFY(child<QLabel>(u"listenerStatus"_s)->text().contains(u"Listening on http://%1"_s.arg(address)));
    }

    void listeningBeyondLoopbackIsPointedOut()
    {
        m_gui->listener()->setAuth({"token", {}, {}, {}, {}});
        QVERIFY(m_gui->listener()->start({QHostAddress(QHostAddress::AnyIPv4), 0}));
        QVERIFY(openWindow());
        auto *banner = child<NotificationBanner>(u"listenerBanner"_s);
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(u"0.0.0.0:%1: other machines can reach this console"_s.arg(m_gui->port())),
                 qPrintable(banner->text()));
        QVERIFY(!banner->findChild<QPushButton *>(u"bannerAction"_s)->isVisible()); // nothing to retry

        QVERIFY(m_gui->listener()->start({QHostAddress(QHostAddress::LocalHost), 0}));
        QVERIFY(!banner->isVisible());
    }

    void bannerCanBeDismissed()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        m_gui->listener()->start({QHostAddress(QHostAddress::LocalHost), blocker.serverPort()});
        QVERIFY(openWindow());
        auto *banner = child<NotificationBanner>(u"listenerBanner"_s);
        QVERIFY(banner->isVisible());
        banner->findChild<QToolButton *>(u"bannerDismiss"_s)->click();
        QVERIFY(!banner->isVisible());
        // The status bar still tells the truth.
        QVERIFY(child<QLabel>(u"listenerStatus"_s)->text().contains(u"is in use"_s));
    }

    void alertmanagerSyncFailuresShowInTheStatusBar()
    {
        AlertmanagerSync sync(nullptr, [] { return QList<Alert>{}; });
        QVERIFY(m_gui->show({.sync = &sync}));
        auto *status = child<QLabel>(u"syncStatus"_s);
        QVERIFY(!status->isVisible()); // nothing to say before a sync
        sync.setEndpoints({{QUrl(u"http://127.0.0.1:1/"_s)}});
        QSignalSpy synced(&sync, &AlertmanagerSync::synced);
        sync.syncNow();
        QVERIFY(synced.wait(10'000));
        QVERIFY(status->isVisible());
        QVERIFY2(status->text().startsWith(u"Alertmanager sync failed at "_s), qPrintable(status->text()));
        QVERIFY2(status->toolTip().contains(u"http://127.0.0.1:1/"_s) && status->toolTip().contains(u"refused"_s),
                 qPrintable(status->toolTip()));
        QCOMPARE(m_gui->alerts()->rowCount(), 0); // the table is left as it was
    }

    void acknowledgeSilencesTheSelectedAlert()
    {
        FakeHttpServer alertmanager;
        QVERIFY(alertmanager.listen());
        alertmanager.route("/api/v2/silences", {200, "{\"silenceID\":\"ack-1\"}"});
        AlertmanagerSync sync(nullptr, [] { return QList<Alert>{}; });
        Acknowledgements acks([](const QString &) { return true; });
        QAction *ack = showWithSelectedAlert(sync, acks);
        QVERIFY(ack);
        QAction *silence = child<QAction>(u"actionSilence"_s);
        QVERIFY(!ack->isEnabled()); // no Alertmanager yet
        QVERIFY(!silence->isEnabled());
        // Once a sync has reached an Alertmanager, both can be used. Asked, it has
        // this alert and no other with its labels.
        alertmanager.route("/api/v2/alerts", {200, alertmanagerList({diskFullFromAlertmanager(u"f00d"_s)})});
        sync.setEndpoints({{alertmanager.url()}});
        QSignalSpy synced(&sync, &AlertmanagerSync::synced);
        sync.syncNow();
        QVERIFY(synced.wait(10'000));
        QVERIFY(ack->isEnabled());
        QVERIFY(silence->isEnabled());
        ack->trigger();
        auto posted = [&alertmanager]() -> std::optional<HttpRequest> {
            for (const HttpRequest &request : alertmanager.requests)
                if (request.method == "POST" && request.path == "/api/v2/silences")
                    return request;
            return std::nullopt;
        };
        QTRY_VERIFY(posted());
        const QJsonObject sent = QJsonDocument::fromJson(posted()->body).object();
        QCOMPARE(sent.value(u"comment"_s).toString(), u"ack"_s);
        QCOMPARE(sent.value(u"matchers"_s).toArray().size(), 2);
        QTRY_VERIFY(acks.isAcknowledged(u"f00d"_s));
        QVERIFY(!ack->isEnabled()); // acknowledged already
        QVERIFY(m_gui->window()->statusBar()->currentMessage().startsWith(u"Acknowledged: silence ack-1"_s));
        // Alertmanager was asked first, with the alert's labels as its filter; no question.
        QVERIFY(std::any_of(alertmanager.requests.cbegin(), alertmanager.requests.cend(), [](const HttpRequest &r) {
            return r.path == "/api/v2/alerts" && r.target.contains("&filter=alertname%3D%22DiskFull%22")
                && r.target.contains("&filter=instance%3D%22db-1%22");
        }));
        QVERIFY(!m_gui->window()->findChild<AcknowledgeDialog *>());
    }

    // A notification's Acknowledge button acknowledges its alerts as the window's action
    // would, without opening the window first.
    void acknowledgeFromANotification()
    {
        FakeHttpServer alertmanager;
        QVERIFY(alertmanager.listen());
        alertmanager.route("/api/v2/silences", {200, "{\"silenceID\":\"ack-2\"}"});
        alertmanager.route("/api/v2/alerts", {200, alertmanagerList({diskFullFromAlertmanager(u"f00d"_s)})});
        AlertmanagerSync sync(nullptr, [] { return QList<Alert>{}; });
        Acknowledgements acks([](const QString &) { return true; });
        MainWindow *window = m_gui->show({.settings = m_settings.get(), .sync = &sync, .acknowledgements = &acks});
        QVERIFY(window && window->tray());
        m_gui->alerts()->upsert({diskFullFromAlertmanager(u"f00d"_s)});
        const AlertKey key{u"alertmanager"_s, u"f00d"_s};

        // Without an Alertmanager it says why.
        emit window->tray()->acknowledgeRequested({key});
        QVERIFY(window->statusBar()->currentMessage().startsWith(u"Not acknowledged: acknowledging needs"_s));

        sync.setEndpoints({{alertmanager.url()}});
        QSignalSpy synced(&sync, &AlertmanagerSync::synced);
        sync.syncNow();
        QVERIFY(synced.wait(10'000));
        emit window->tray()->acknowledgeRequested({key, {u"alertmanager"_s, u"gone"_s}});
        QTRY_VERIFY(acks.isAcknowledged(u"f00d"_s));
        QCOMPARE(silencesPosted(alertmanager), 1);
        // Again: nothing left to do, nothing posted.
        emit window->tray()->acknowledgeRequested({key});
        QVERIFY(window->statusBar()->currentMessage().startsWith(u"Nothing to acknowledge"_s));
        QCOMPARE(silencesPosted(alertmanager), 1);
    }

    // Labels that select more than the alert: asked, Cancel first; "Silence…" opens the
    // full dialog; only "Silence all" makes the silence.
    void acknowledgeAsksBeforeSilencingOtherAlerts()
    {
        FakeHttpServer alertmanager;
        QVERIFY(alertmanager.listen());
        Alert other = diskFullFromAlertmanager(u"0fe7"_s);
        other.labels.insert(u"mountpoint"_s, u"/var"_s);
        other.labels.insert(u"severity"_s, u"critical"_s);
        alertmanager.route("/api/v2/alerts", {200, alertmanagerList({diskFullFromAlertmanager(u"f00d"_s), other})});
        alertmanager.route("/api/v2/silences", {200, "{\"silenceID\":\"ack-all\"}"});
        AlertmanagerSync sync(nullptr, [] { return QList<Alert>{}; });
        sync.setEndpoints({{alertmanager.url()}});
        Acknowledgements acks([](const QString &) { return true; });
        QAction *ack = showWithSelectedAlert(sync, acks);
        QVERIFY(ack);
        QTRY_VERIFY(ack->isEnabled());

        ack->trigger();
        QVERIFY(!ack->isEnabled()); // asking
        AcknowledgeDialog *question = nullptr;
        QTRY_VERIFY((question = m_gui->window()->findChild<AcknowledgeDialog *>()) && question->isVisible());
        QCOMPARE(question->findChild<QLabel *>(u"acknowledgeHeadline"_s)->text(),
                 u"Acknowledging DiskFull would also silence 1 other alert(s)"_s);
        auto *others = question->findChild<QListWidget *>(u"acknowledgeOthers"_s);
        QCOMPARE(others->count(), 1);
        QCOMPARE(others->item(0)->text(), u"DiskFull — instance=db-1, severity=critical, mountpoint=/var"_s);
        QVERIFY(question->findChild<QLabel *>(u"acknowledgeMatchers"_s)->text().contains(u"instance=\"db-1\""_s));
        auto *cancel = question->findChild<QPushButton *>(u"acknowledgeCancel"_s);
        auto *all = question->findChild<QPushButton *>(u"acknowledgeSilenceAll"_s);
        QVERIFY(cancel->isDefault());
        QVERIFY(!all->isDefault());
        QCOMPARE(all->text().remove(u'&'), u"Silence all 2"_s);
        saveForReview(question, u"acknowledge-other-alerts.png"_s);
        QCOMPARE(silencesPosted(alertmanager), 0);
        QVERIFY(m_gui->window()->statusBar()->currentMessage().startsWith(u"Not acknowledged yet"_s));

        // Enter takes the safe answer.
        QTest::keyClick(question, Qt::Key_Return);
        QTRY_VERIFY(!m_gui->window()->findChild<AcknowledgeDialog *>());
        QCOMPARE(silencesPosted(alertmanager), 0);
        QVERIFY(ack->isEnabled());

        // "Silence…": the full dialog, prefilled, to narrow the matchers.
        ack->trigger();
        QTRY_VERIFY((question = m_gui->window()->findChild<AcknowledgeDialog *>()) && question->isVisible());
        question->findChild<QPushButton *>(u"acknowledgeNarrow"_s)->click();
        SilenceDialog *silence = nullptr;
        QTRY_VERIFY((silence = m_gui->window()->findChild<SilenceDialog *>()) && silence->isVisible());
        QCOMPARE(silence->alertFingerprint(), u"f00d"_s);
        QCOMPARE(silence->matchers(), AlertmanagerApi::matchersFor(diskFullFromAlertmanager(u"f00d"_s)));
        silence->reject();
        QTRY_VERIFY(!m_gui->window()->findChild<SilenceDialog *>());
        QCOMPARE(silencesPosted(alertmanager), 0);

        // "Silence all 2": made, with the matchers that were checked.
        ack->trigger();
        QTRY_VERIFY((question = m_gui->window()->findChild<AcknowledgeDialog *>()) && question->isVisible());
        question->findChild<QPushButton *>(u"acknowledgeSilenceAll"_s)->click();
        QTRY_COMPARE(silencesPosted(alertmanager), 1);
        QTRY_VERIFY(acks.isAcknowledged(u"f00d"_s));
        QVERIFY(m_gui->window()->statusBar()->currentMessage().startsWith(u"Acknowledged: silence ack-all"_s));
    }

    // Alertmanager not answering: said, nothing silenced, the Silence dialog offered.
    void acknowledgeWithoutAnAnswerSilencesNothing()
    {
        FakeHttpServer alertmanager;
        QVERIFY(alertmanager.listen());
        alertmanager.route("/api/v2/alerts", {200, "[]"});
        alertmanager.route("/api/v2/silences", {200, "{\"silenceID\":\"never\"}"});
        AlertmanagerSync sync(nullptr, [] { return QList<Alert>{}; });
        sync.setEndpoints({{alertmanager.url()}});
        Acknowledgements acks([](const QString &) { return true; });
        QAction *ack = showWithSelectedAlert(sync, acks);
        QVERIFY(ack);
        QTRY_VERIFY(ack->isEnabled());

        alertmanager.queue("/api/v2/alerts", {503, "{\"message\":\"not ready\"}"});
        ack->trigger();
        AcknowledgeDialog *question = nullptr;
        QTRY_VERIFY((question = m_gui->window()->findChild<AcknowledgeDialog *>()) && question->isVisible());
        QVERIFY(question->findChild<QLabel *>(u"acknowledgeHeadline"_s)
                    ->text()
                    .startsWith(u"Alertmanager could not be asked"_s));
        const QString error = question->findChild<QLabel *>(u"acknowledgeError"_s)->text();
        QVERIFY2(error.contains(u"HTTP 503"_s), qPrintable(error));
        QVERIFY(!question->findChild<QPushButton *>(u"acknowledgeSilenceAll"_s));
        QVERIFY(question->findChild<QPushButton *>(u"acknowledgeCancel"_s)->isDefault());
        QVERIFY(m_gui->window()->statusBar()->currentMessage().startsWith(u"Acknowledge failed: "_s));
        saveForReview(question, u"acknowledge-not-asked.png"_s);
        question->findChild<QPushButton *>(u"acknowledgeNarrow"_s)->click();
        QTRY_VERIFY(m_gui->window()->findChild<SilenceDialog *>());

        // Not in Alertmanager (any more): explained, nothing silenced.
        m_gui->window()->findChild<SilenceDialog *>()->reject();
        QTRY_VERIFY(!m_gui->window()->findChild<SilenceDialog *>());
        ack->trigger();
        QTRY_VERIFY((question = m_gui->window()->findChild<AcknowledgeDialog *>()) && question->isVisible());
        QCOMPARE(question->findChild<QLabel *>(u"acknowledgeHeadline"_s)->text(), u"DiskFull is not in Alertmanager"_s);
        saveForReview(question, u"acknowledge-not-in-alertmanager.png"_s);
        question->reject();
        QCOMPARE(silencesPosted(alertmanager), 0);
        QVERIFY(!acks.isAcknowledged(u"f00d"_s));
    }

    // A label value is shown as text, never as markup, and bounded.
    void acknowledgeQuestionShowsLabelsAsPlainText()
    {
        AcknowledgeCheck check;
        check.outcome = AcknowledgeCheck::Outcome::OtherAlertsToo;
        check.alert = diskFullFromAlertmanager(u"f00d"_s);
        check.alert.name = u"<b>Disk</b>"_s;
        Alert other = diskFullFromAlertmanager(u"0fe7"_s);
        other.name = u"<img src=x>"_s;
        other.labels.insert(u"instance"_s, u"db-2\n\u202Eevil"_s + QString(500, u'x'));
        check.others = {other};
        check.otherCount = 40;
        check.matchers = AlertmanagerApi::matchersFor(check.alert);
        AcknowledgeDialog dialog(check);
        QCOMPARE(dialog.findChild<QLabel *>(u"acknowledgeHeadline"_s)->textFormat(), Qt::PlainText);
        QVERIFY(dialog.findChild<QLabel *>(u"acknowledgeHeadline"_s)->text().contains(u"<b>Disk</b>"_s));
        auto *others = dialog.findChild<QListWidget *>(u"acknowledgeOthers"_s);
        QCOMPARE(others->count(), 2);
        const QString line = others->item(0)->text();
        QVERIFY2(line.startsWith(u"<img src=x> — instance=db-2 \uFFFDevilxxx"_s), qPrintable(line));
        QVERIFY(line.size() <= 201 && line.endsWith(u'…'));
        QCOMPARE(others->item(1)->text(), u"… and 39 more"_s);
        QCOMPARE(dialog.findChild<QPushButton *>(u"acknowledgeSilenceAll"_s)->text().remove(u'&'), u"Silence all 40"_s);
        dialog.show();
        saveForReview(&dialog, u"acknowledge-hostile-labels.png"_s);

        // The case, for review: a stand-in labelled only severity="critical".
        AcknowledgeCheck stray;
        stray.outcome = AcknowledgeCheck::Outcome::OtherAlertsToo;
        stray.alert.labels = {{u"severity"_s, u"critical"_s}};
        stray.matchers = AlertmanagerApi::matchersFor(stray.alert);
        for (int i = 0; i < AcknowledgeCheck::listedOthers; ++i) {
            Alert critical = diskFullFromAlertmanager(QString::number(i));
            critical.labels.insert(u"instance"_s, u"db-%1:9100"_s.arg(i + 1));
            critical.labels.insert(u"job"_s, u"node"_s);
            critical.labels.insert(u"severity"_s, u"critical"_s);
            stray.others << critical;
        }
        stray.otherCount = 23;
        AcknowledgeDialog strayDialog(stray);
        strayDialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&strayDialog));
        QCOMPARE(strayDialog.findChild<QLabel *>(u"acknowledgeHeadline"_s)->text(),
                 u"(no alertname) is not in Alertmanager, and its labels match 23 other alert(s)"_s);
        saveForReview(&strayDialog, u"acknowledge-stand-in-critical.png"_s);
    }

    void silenceUntilResolvedIsKeptAndTheSilencesViewOpens()
    {
        FakeHttpServer alertmanager;
        QVERIFY(alertmanager.listen());
        alertmanager.route("/api/v2/silences", {200, "{\"silenceID\":\"until-1\"}"});
        alertmanager.route("/api/v2/alerts", {200, "[]"});
        AlertmanagerSync sync(nullptr, [] { return QList<Alert>{}; });
        sync.setEndpoints({{alertmanager.url()}});
        Acknowledgements kept([](const QString &) { return true; });
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(u"settings.ini"_s));
        settings.setValue(Settings::alertmanagerAuthor, u"oncall-dora"_s);
        QVERIFY(m_gui->show({.settings = &settings, .sync = &sync, .acknowledgements = &kept}));
        m_gui->alerts()->upsert({diskFullFromAlertmanager(u"beef"_s)});
        child<QTableView>(u"alertTable"_s)->selectRow(0);
        QTRY_VERIFY(child<QAction>(u"actionSilence"_s)->isEnabled());
        child<QAction>(u"actionSilence"_s)->trigger();
        auto *dialog = m_gui->window()->findChild<SilenceDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QLineEdit *>(u"silenceAuthor"_s)->text(), u"oncall-dora"_s);
        auto *duration = dialog->findChild<QComboBox *>(u"silenceDuration"_s);
        duration->setCurrentIndex(duration->findText(u"Until resolved"_s));
        dialog->findChild<QLineEdit *>(u"silenceComment"_s)->setText(u"known issue"_s);
        dialog->create();
        QTRY_VERIFY(kept.isAcknowledged(u"beef"_s));
        QCOMPARE(kept.silenceId(u"beef"_s), u"until-1"_s);
        QVERIFY(m_gui->window()->statusBar()->currentMessage().contains(u"extended while the alert fires"_s));

        child<QAction>(u"actionSilences"_s)->trigger();
        auto *silences = m_gui->window()->findChild<SilencesDialog *>();
        QVERIFY(silences);
        QTRY_VERIFY(silences->isVisible());
    }

    void demoDataIsShownAndMarked()
    {
        m_gui->alerts()->upsert(DemoAlerts::load(QDateTime::currentDateTimeUtc()));
        MainWindow *window = openWindow(true);
        QVERIFY(window->windowTitle().contains(u"demo"_s));
        auto *banner = child<NotificationBanner>(u"demoBanner"_s);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(u"not real"_s));

        auto *table = child<QTableView>(u"alertTable"_s);
        QCOMPARE(table->model()->rowCount(), 7);
        QVERIFY(table->model()->index(0, AlertTableModel::Source).data().toString().contains(u"(demo)"_s));
        QVERIFY(!table->model()
                     ->index(0, AlertTableModel::SeverityColumn)
                     .data(Qt::DecorationRole)
                     .value<QIcon>()
                     .isNull());

        const QString counts = child<QLabel>(u"severityCounts"_s)->text();
        QVERIFY2(counts.contains(u"2 critical"_s) && counts.contains(u"2 warning"_s) && counts.contains(u"1 info"_s),
                 qPrintable(counts));

        // Demo alerts are not stored: History says so instead of staying blank.
        auto *history = child<QLabel>(u"historyPage"_s);
        QVERIFY(history->text().contains(u"listed here"_s));
        table->selectRow(0);
        QVERIFY2(history->text().contains(u"Demo alerts are not stored"_s), qPrintable(history->text()));
        window->resize(1400, 860);
        saveForReview(window, u"main-window-demo.png"_s);
    }

    void selectingAnAlertFillsOverview()
    {
        m_gui->alerts()->upsert(DemoAlerts::load(QDateTime::currentDateTimeUtc()));
        QVERIFY(openWindow(true));
        auto *table = child<QTableView>(u"alertTable"_s);
        auto *overview = child<QTextBrowser>(u"alertOverview"_s);
        QVERIFY(overview->toPlainText().contains(u"Select an alert"_s));

        table->setFocus();
        table->selectRow(0);
        const QString name = table->model()->index(0, AlertTableModel::Name).data().toString();
        QVERIFY(!name.isEmpty());
        QVERIFY2(overview->toPlainText().contains(name), qPrintable(overview->toPlainText()));
        QVERIFY(overview->toPlainText().contains(u"Labels"_s));
        QVERIFY(overview->toHtml().contains(u"href="_s)); // generator URL is a link
        QVERIFY(overview->toPlainText().contains(u"PromQL"_s)); // decoded from the generator URL
        QVERIFY(child<QLabel>(u"analysisSubject"_s)->text().contains(name));

        // Keyboard navigation moves the selection and the overview follows.
        QTest::keyClick(table, Qt::Key_Down);
        const QString second = table->model()->index(1, AlertTableModel::Name).data().toString();
        QVERIFY(overview->toPlainText().contains(second));
    }

    void selectedAlertGetsItsMetricsAndLogs()
    {
        FakeHttpServer prometheus;
        QVERIFY(prometheus.listen());
        prometheus.route("/api/v1/query_range", {200, TestData::fixture(u"prometheus/query_range-matrix.json"_s)});
        FakeHttpServer loki;
        QVERIFY(loki.listen());
        loki.route("/loki/api/v1/query_range", {200, TestData::fixture(u"loki/query_range-limited.json"_s)});
        ContextService context;
        ContextService::Sources sources;
        sources.prometheus = {prometheus.url()};
        sources.loki = {loki.url()};
        context.setSources(sources);
        m_contextService = &context;
        QVERIFY(m_gui->startLiveStore());
        QVERIFY(openWindow());
        QCOMPARE(
            HttpTestClient::postJson(m_gui->port(), "/webhook", TestData::fixture(u"alertmanager/firing-single.json"_s))
                .status,
            200);
        auto *table = child<QTableView>(u"alertTable"_s);
        QTRY_COMPARE(table->model()->rowCount(), 1);
        table->selectRow(0);
        auto *tabs = child<DetailTabs>(u"detailTabs"_s);
        QTRY_COMPARE(tabs->metricsPane()->charts().size(), 5);
        QTRY_VERIFY(tabs->metricsPane()->charts().first()->hasResult());
        QTRY_VERIFY(tabs->logsPane()->text().contains(u"EXT4-fs warning"_s));
        m_gui->closeWindow();
        m_contextService = nullptr;
    }

    // A chip in the analysis leads to its evidence: the point on its chart, the log
    // line, the alert's field.
    void citedEvidenceOpensWhereItIs()
    {
        FakeHttpServer prometheus;
        QVERIFY(prometheus.listen());
        prometheus.route("/api/v1/query_range", {200, TestData::fixture(u"prometheus/query_range-matrix.json"_s)});
        FakeHttpServer loki;
        QVERIFY(loki.listen());
        loki.route("/loki/api/v1/query_range", {200, TestData::fixture(u"loki/query_range-limited.json"_s)});
        ContextService context;
        ContextService::Sources sources;
        sources.prometheus = {prometheus.url()};
        sources.loki = {loki.url()};
        context.setSources(sources);
        m_contextService = &context;
        QVERIFY(m_gui->startLiveStore());
        QVERIFY(openWindow());
        m_gui->window()->resize(1400, 900);
        QCOMPARE(m_gui->post(u"alertmanager/firing-single.json"_s), 200);
        QVERIFY(m_gui->selectFirstRowOnceThereAre(1));
        auto *tabs = child<DetailTabs>(u"detailTabs"_s);
        QTRY_COMPARE(tabs->metricsPane()->charts().size(), 5);
        QTRY_VERIFY(tabs->metricsPane()->charts().first()->hasResult());
        QTRY_VERIFY(tabs->logsPane()->text().contains(u"CRON[2211]"_s));

        const Alert alert = m_gui->alerts()->alertAt(0);
        const LabelMap series{{u"instance"_s, u"127.0.0.1:9100"_s}, {u"job"_s, u"node"_s}};
        const LabelMap stream{{u"filename"_s, u"/var/log/syslog"_s},
                              {u"host"_s, u"web-01"_s},
                              {u"instance"_s, u"127.0.0.1:9100"_s},
                              {u"job"_s, u"node"_s}};
        const QString cron = u"CRON[2211]: (root) CMD (/usr/local/bin/rotate-logs.sh)"_s;
        const EvidenceSet evidence(
            {{{},
              EvidenceKind::MetricSeries,
              u"metric cpu"_s,
              {.queryIndex = 1, .labels = series, .timeMs = 1'795'319'771'000}},
             {{},
              EvidenceKind::LogLine,
              u"log line: "_s + cron,
              {.labels = stream, .ns = 1'795'319'788'046'717'469, .lineHash = EvidenceLocator::hashOf(cron)}},
             {{},
              EvidenceKind::AlertField,
              u"alert labels.instance: 127.0.0.1:9100"_s,
              {.field = u"labels.instance"_s}}});
        StoredAnalysis analysis;
        analysis.id = 1;
        analysis.source = alert.source;
        analysis.fingerprint = alert.fingerprint;
        analysis.createdAt = QDateTime::currentDateTimeUtc();
        analysis.outcome = AnalysisOutcome::Finished;
        analysis.content = u"CPU jumped at 03:56 [E1]. Cron ran the rotation [E2] on the instance [E3].\n"_s;
        analysis.evidence = evidence.toJson();
        auto *panel = child<AnalysisPanel>(u"analysisPanel"_s);
        panel->showStoredAnalysis(analysis);
        auto *output = child<MarkdownStreamView>(u"analysisOutput"_s);
        QCOMPARE(EvidenceChips::chipsIn(*output->document()).size(), 3);
        QVERIFY(output->isVisible());

        // The metric point: the Metrics tab, its chart's series emphasised and marked.
        tabs->setCurrentIndex(DetailTabs::OverviewTab);
        QTest::mouseClick(output->viewport(), Qt::LeftButton, {}, chipCentre(output, 0));
        QCOMPARE(tabs->currentIndex(), int(DetailTabs::MetricsTab));
        MetricChart *chart = tabs->metricsPane()->charts().at(1);
        QVERIFY(chart->highlightedSample());
        QCOMPARE(chart->highlightedSample()->ms, 1'795'319'771'000);
        QCOMPARE(chart->highlightedSeries(), u"{instance=\"127.0.0.1:9100\", job=\"node\"}"_s);
        QVERIFY(!tabs->metricsPane()->charts().at(0)->highlightedSample());

        // The log line: the Logs tab, that line selected.
        QTest::mouseClick(output->viewport(), Qt::LeftButton, {}, chipCentre(output, 1));
        QCOMPARE(tabs->currentIndex(), int(DetailTabs::LogsTab));
        const int block = tabs->logsPane()->selectedBlock();
        QVERIFY(block >= 0);
        QCOMPARE(tabs->logsPane()->text().split(u'\n').at(block).mid(13), cron);
        QVERIFY(tabs->logsPane()->labelsAt(block).contains(u"host=\"web-01\""_s));

        // The alert's field: the Overview, its row highlighted.
        QTest::mouseClick(output->viewport(), Qt::LeftButton, {}, chipCentre(output, 2));
        QCOMPARE(tabs->currentIndex(), int(DetailTabs::OverviewTab));
        QCOMPARE(tabs->overviewPane()->highlightedField(), u"labels.instance"_s);
        QCOMPARE(tabs->overviewPane()->highlightedText(), u"instance 127.0.0.1:9100"_s);
        QVERIFY(m_gui->window()->statusBar()->currentMessage().isEmpty());

        // A point outside the shown window: the alert's window again, said in the status bar.
        const QDateTime start = QDateTime::fromSecsSinceEpoch(1'795'319'781, Qt::UTC);
        tabs->rangePicker()->applyCustom(start, start.addSecs(20));
        QTRY_VERIFY(chart->hasResult() && chart->shownWindow().start == start);
        QTest::mouseClick(output->viewport(), Qt::LeftButton, {}, chipCentre(output, 0));
        QVERIFY2(m_gui->window()->statusBar()->currentMessage().startsWith(
                     u"E1's point at %1 is outside the shown window — showing the alert's window"_s.arg(
                         QDateTime::fromMSecsSinceEpoch(1'795'319'771'000).toLocalTime().toString(u"HH:mm"_s))),
                 qPrintable(m_gui->window()->statusBar()->currentMessage()));
        QCOMPARE(tabs->rangePicker()->range().kind, TimeRange::Kind::AroundAlert);
        QTRY_VERIFY(chart->highlightedSample());
        QCOMPARE(chart->highlightedSample()->ms, 1'795'319'771'000);
        saveForReview(m_gui->window(), u"evidence-metric-point.png"_s);
        m_gui->closeWindow();
        m_contextService = nullptr;
    }

    void overviewFollowsUpdatesOfTheSelectedAlertOnly()
    {
        m_gui->alerts()->upsert(DemoAlerts::load(QDateTime::currentDateTimeUtc()));
        QVERIFY(openWindow(true));
        auto *table = child<AlertTableView>(u"alertTable"_s);
        auto *overview = child<QTextBrowser>(u"alertOverview"_s);
        table->selectRow(0);
        const QString selected = table->model()->index(0, 0).data(AlertTableModel::FingerprintRole).toString();
        QVERIFY(m_gui->alerts()->rowOf(u"alertmanager"_s, selected) >= 0);
        Alert alert = m_gui->alerts()->alertAt(m_gui->alerts()->rowOf(u"alertmanager"_s, selected));

        // Another alert changes: the overview of the selected one is left alone, where
        // the reader scrolled to.
        m_gui->window()->resize(900, 480);
        QScrollBar *scrollBar = overview->verticalScrollBar();
        QTRY_VERIFY(scrollBar->maximum() > 0);
        scrollBar->setValue(scrollBar->maximum());
        const int scrolledTo = scrollBar->value();
        Alert other = m_gui->alerts()->alertAt(m_gui->alerts()->rowOf(u"alertmanager"_s, selected) == 0 ? 1 : 0);
        other.annotations[u"summary"_s] = u"someone else's news"_s;
        m_gui->alerts()->upsert({other});
        QCOMPARE(scrollBar->value(), scrolledTo);
        QVERIFY(!overview->toPlainText().contains(u"someone else's news"_s));

        // The selected alert changes: the overview shows it at once.
        alert.annotations[u"summary"_s] = u"fresh news for the selected alert"_s;
        m_gui->alerts()->upsert({alert});
        QVERIFY(overview->toPlainText().contains(u"fresh news for the selected alert"_s));
    }

    void replayedAlertsStayOutOfLiveCounts()
    {
        QVERIFY(openWindow());
        Alert live = AlertBuilder(u"live"_s).named(u"HostDown"_s).severity(Severity::Critical);
        Alert replayed = AlertBuilder(u"old"_s).named(u"HostDown"_s).severity(Severity::Critical);
        replayed.replay = true;
        m_gui->alerts()->upsert({live, replayed});
        TrayController *tray = m_gui->window()->tray();
        QCOMPARE(tray->criticalCount(), 1);
        auto *counts = child<QLabel>(u"severityCounts"_s);
        QVERIFY2(counts->text().contains(u"1 critical"_s), qPrintable(counts->text()));
        QVERIFY2(counts->text().contains(u"replay: 1 firing"_s), qPrintable(counts->text()));
        // The replayed row is marked where the eye is: State says so, in italics.
        auto *table = child<AlertTableView>(u"alertTable"_s);
        QAbstractItemModel *shown = table->model();
        int replayRow = -1;
        for (int row = 0; row < shown->rowCount(); ++row)
            if (shown->index(row, 0).data(AlertTableModel::ReplayRole).toBool())
                replayRow = row;
        QVERIFY(replayRow >= 0);
        QCOMPARE(shown->index(replayRow, AlertTableModel::State).data().toString(), u"firing (replay)"_s);
        QVERIFY(shown->index(replayRow, AlertTableModel::Name).data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(shown->index(replayRow, AlertTableModel::Name).data(Qt::BackgroundRole).isValid());
        QVERIFY(!shown->index(1 - replayRow, AlertTableModel::Name).data(Qt::BackgroundRole).isValid());
        // The replay cleared: the live count is what it was all along.
        m_gui->alerts()->removeReplayed();
        QCOMPARE(tray->criticalCount(), 1);
        QVERIFY(!counts->text().contains(u"replay"_s));
    }

    void mutedAlertsAreDimmedAndCountedApart()
    {
        QVERIFY(openWindow());
        m_gui->alerts()->upsert({diskFullFromAlertmanager(u"a1"_s), diskFullFromAlertmanager(u"b2"_s)});
        for (const QString &fingerprint : {u"a1"_s, u"b2"_s}) {
            Alert alert = m_gui->alerts()->alertAt(m_gui->alerts()->rowOf(u"alertmanager"_s, fingerprint));
            alert.severity = Severity::Critical;
            m_gui->alerts()->upsert({alert});
        }
        TrayController *tray = m_gui->window()->tray();
        QCOMPARE(tray->criticalCount(), 2);
        m_gui->alerts()->setSyncedMutes({{u"b2"_s, {AlertMute::Kind::Silenced}}});
        m_gui->alerts()->setLocalMute(u"b2"_s, {AlertMute::Kind::Acknowledged, u"alice"_s, {}, true, {}});
        QCOMPARE(tray->criticalCount(), 1);
        auto *counts = child<QLabel>(u"severityCounts"_s);
        QVERIFY2(counts->text().contains(u"1 critical"_s) && counts->text().contains(u"1 muted"_s),
                 qPrintable(counts->text()));

        auto *table = child<AlertTableView>(u"alertTable"_s);
        QAbstractItemModel *shown = table->model();
        const int mutedRow = shown->index(0, 0).data(AlertTableModel::FingerprintRole).toString() == u"b2"_s ? 0 : 1;
        const QModelIndex state = shown->index(mutedRow, AlertTableModel::State);
        QCOMPARE(state.data().toString(), u"acknowledged by alice"_s);
        QVERIFY(state.data(Qt::ToolTipRole).toString().contains(u"renewed while the alert fires"_s));
        const QColor dimmed = QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        QCOMPARE(shown->index(mutedRow, AlertTableModel::Name).data(Qt::ForegroundRole).value<QColor>(), dimmed);
        QVERIFY(!shown->index(1 - mutedRow, AlertTableModel::Name).data(Qt::ForegroundRole).isValid());
        const QIcon mutedIcon = state.data(Qt::DecorationRole).value<QIcon>();
        const QIcon firingIcon
            = shown->index(1 - mutedRow, AlertTableModel::State).data(Qt::DecorationRole).value<QIcon>();
        QVERIFY(mutedIcon.pixmap(16).toImage() != firingIcon.pixmap(16).toImage());

        // The Overview says it in full.
        table->selectRow(mutedRow);
        QVERIFY(child<QTextBrowser>(u"alertOverview"_s)->toPlainText().contains(u"Acknowledged by alice"_s));
        saveForReview(m_gui->window(), u"muted-and-counted.png"_s);
    }

    void selectedAlertStaysInPlaceWhileUpdatesWait()
    {
        QVERIFY(openWindow());
        m_gui->window()->resize(1000, 700);
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3600);
        QList<Alert> alerts;
        for (int i = 0; i < 80; ++i)
            alerts.append(AlertBuilder(u"w%1"_s.arg(i))
                              .named(u"Warn%1"_s.arg(i))
                              .severity(Severity::Warning)
                              .startsAt(start.addSecs(i)));
        m_gui->alerts()->upsert(alerts);
        auto *table = child<AlertTableView>(u"alertTable"_s);
        QTRY_COMPARE(table->model()->rowCount(), 80);
        table->setFocus();
        table->selectRow(30);
        table->scrollTo(table->currentIndex(), QAbstractItemView::PositionAtCenter);
        const QString selected = table->currentIndex().data(AlertTableModel::FingerprintRole).toString();
        const int shownAt = table->visualRect(table->currentIndex()).top();
        QVERIFY(shownAt > 0);
        auto *updates = child<QToolButton>(u"pendingUpdates"_s);
        QVERIFY(updates->isHidden());

        // Two new critical alerts (they sort to the top) and a warning that escalates.
        Alert escalated = alerts.at(50);
        escalated.severity = Severity::Critical;
        m_gui->alerts()->applyChanges(
            {{AlertBuilder(u"c1"_s).named(u"HostDown"_s).severity(Severity::Critical).startsAt(start),
              AlertMerge::Outcome::NewAlert},
             {AlertBuilder(u"c2"_s).named(u"HostDown"_s).severity(Severity::Critical).startsAt(start),
              AlertMerge::Outcome::NewAlert},
             {escalated, AlertMerge::Outcome::Updated}});
        QCOMPARE(table->currentIndex().data(AlertTableModel::FingerprintRole).toString(), selected);
        QCOMPARE(table->visualRect(table->currentIndex()).top(), shownAt);
        QCOMPARE(table->model()->rowCount(), 80); // the new ones wait
        QVERIFY(updates->isVisible());
        QCOMPARE(updates->text(), u"↻ 3 update(s)"_s);
        saveForReview(m_gui->window(), u"updates-waiting.png"_s);

        // Retention drops rows above it: it still does not move.
        m_gui->alerts()->remove({{u"alertmanager"_s, u"w79"_s}, {u"alertmanager"_s, u"w78"_s}});
        QCOMPARE(table->visualRect(table->currentIndex()).top(), shownAt);

        // Applied on request: in order, the selection where it was on screen.
        QTest::mouseClick(updates, Qt::LeftButton);
        QCOMPARE(table->model()->rowCount(), 80);
        QVERIFY(updates->isHidden());
        QCOMPARE(table->model()->index(0, AlertTableModel::SeverityColumn).data().toString(), u"critical"_s);
        QCOMPARE(table->currentIndex().data(AlertTableModel::FingerprintRole).toString(), selected);
        QCOMPARE(table->visualRect(table->currentIndex()).top(), shownAt);

        // Esc lets go of the selection: updates apply as they come again.
        m_gui->alerts()->applyChanges(
            {{AlertBuilder(u"c3"_s).named(u"HostDown"_s).severity(Severity::Critical).startsAt(start),
              AlertMerge::Outcome::NewAlert}});
        QCOMPARE(table->model()->rowCount(), 80);
        QVERIFY(updates->isVisible());
        QTest::keyClick(table, Qt::Key_Escape);
        QVERIFY(!table->selectionModel()->hasSelection());
        QCOMPARE(table->model()->rowCount(), 81);
        QVERIFY(updates->isHidden());
        m_gui->alerts()->applyChanges(
            {{AlertBuilder(u"c4"_s).named(u"HostDown"_s).severity(Severity::Critical).startsAt(start),
              AlertMerge::Outcome::NewAlert}});
        QCOMPARE(table->model()->rowCount(), 82);
    }

    // A click on empty space lets go of the selection, but the details still show that
    // alert: its whole row stays tinted (no focus frame around one cell, which looked
    // like an open editor), and the other rows are drawn as before.
    void theAlertShownStaysMarkedAfterItsSelectionIsLetGo()
    {
        QVERIFY(openWindow());
        m_gui->window()->resize(1000, 700);
        m_gui->alerts()->upsert({AlertBuilder(u"a"_s).named(u"A"_s).severity(Severity::Warning),
                                 AlertBuilder(u"b"_s).named(u"B"_s).severity(Severity::Warning),
                                 AlertBuilder(u"c"_s).named(u"C"_s).severity(Severity::Warning)});
        auto *table = child<AlertTableView>(u"alertTable"_s);
        QTRY_COMPARE(table->model()->rowCount(), 3);
        table->setFocus();
        table->selectRow(0);
        const QString shown = table->currentIndex().data(AlertTableModel::FingerprintRole).toString();
        const QRect below = table->visualRect(table->model()->index(2, 0)).translated(0, 60);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, below.center());
        QVERIFY(!table->selectionModel()->hasSelection());
        QCOMPARE(table->currentIndex().data(AlertTableModel::FingerprintRole).toString(), shown);

        // Rows 0 and 2 share the alternating colour: only the current one is tinted.
        const QImage image = table->viewport()->grab().toImage();
        const auto background = [&](int row) {
            const QRect cell = table->visualRect(table->model()->index(row, AlertTableModel::Target));
            return image.pixelColor(cell.right() - 3, cell.center().y());
        };
        QVERIFY2(background(0) != background(2), qPrintable(background(0).name() + u" vs "_s + background(2).name()));
        saveForReview(m_gui->window(), u"current-row-let-go.png"_s);
    }

    void defaultSortIsSeverityThenNewest()
    {
        QVERIFY(openWindow());
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3600);
        m_gui->alerts()->upsert(
            {AlertBuilder(u"w-new"_s).named(u"W"_s).severity(Severity::Warning).startsAt(start.addSecs(60)),
             AlertBuilder(u"c-old"_s).named(u"C"_s).severity(Severity::Critical).startsAt(start),
             AlertBuilder(u"c-new"_s).named(u"C"_s).severity(Severity::Critical).startsAt(start.addSecs(30))});
        auto *table = child<AlertTableView>(u"alertTable"_s);
        QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), int(AlertTableModel::SeverityColumn));
        QStringList order;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            order << table->model()->index(row, 0).data(AlertTableModel::FingerprintRole).toString();
        QCOMPARE(order, (QStringList{u"c-new"_s, u"c-old"_s, u"w-new"_s}));
    }

    void groupingAndLabelColumnsFromTheHeaderMenu()
    {
        QVERIFY(openWindow());
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-600);
        m_gui->alerts()->upsert({AlertBuilder(u"a"_s)
                                     .named(u"HostDown"_s)
                                     .label(u"cluster"_s, u"eu"_s)
                                     .severity(Severity::Warning)
                                     .startsAt(start),
                                 AlertBuilder(u"b"_s)
                                     .named(u"DiskFull"_s)
                                     .label(u"cluster"_s, u"us"_s)
                                     .severity(Severity::Critical)
                                     .startsAt(start),
                                 AlertBuilder(u"c"_s)
                                     .named(u"DiskFull"_s)
                                     .label(u"cluster"_s, u"eu"_s)
                                     .severity(Severity::Critical)
                                     .startsAt(start.addSecs(5))});
        auto *table = child<AlertTableView>(u"alertTable"_s);
        std::unique_ptr<QMenu> menu = table->createColumnMenu();
        auto *groupBy = menu->findChild<QMenu *>(u"groupByMenu"_s);
        QVERIFY(groupBy);
        QAction *byCluster = nullptr;
        for (QAction *action : groupBy->actions())
            if (action->data().toString() == u"cluster"_s)
                byCluster = action;
        QVERIFY(byCluster);
        byCluster->trigger();
        QAbstractItemModel *shown = table->model();
        QCOMPARE(shown->rowCount(), 5); // two headers, three alerts
        QVERIFY(shown->index(0, 0).data(AlertGroupingProxyModel::GroupHeaderRole).toBool());
        QCOMPARE(shown->index(0, AlertTableModel::Name).data().toString(), u"cluster = eu"_s);
        QCOMPARE(shown->index(0, AlertTableModel::SeverityColumn).data().toString(), u"critical"_s);
        QVERIFY(shown->index(0, AlertTableModel::Name).data(Qt::FontRole).value<QFont>().bold());

        // A header row is no alert: nothing to analyse; Enter folds it.
        table->setFocus();
        table->setCurrentIndex(shown->index(0, 0));
        QVERIFY(!child<QAction>(u"actionAnalyze"_s)->isEnabled());
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(shown->rowCount(), 3);
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(shown->rowCount(), 5);
        // An alert of a folded group is found when asked for (a notification's click).
        m_gui->window()->findChild<AlertGroupingProxyModel *>()->setExpanded(u"us"_s, false);
        QVERIFY(m_gui->window()->selectAlert(u"alertmanager"_s, u"b"_s));
        QCOMPARE(table->currentIndex().data(AlertTableModel::FingerprintRole).toString(), u"b"_s);

        // Any label as a column; the filter bar's matchers still work on grouped rows.
        menu = table->createColumnMenu();
        auto *columns = menu->findChild<QMenu *>(u"labelColumnsMenu"_s);
        QVERIFY(columns);
        for (QAction *action : columns->actions())
            if (action->data().toString() == u"cluster"_s)
                action->trigger();
        QCOMPARE(shown->columnCount(), int(AlertTableModel::ColumnCount) + 1);
        QCOMPARE(shown->headerData(AlertTableModel::ColumnCount, Qt::Horizontal).toString(), u"cluster"_s);
        QVERIFY(!table->isColumnHidden(AlertTableModel::ColumnCount));
        table->selectionModel()->clear();
        child<QLineEdit>(u"filterEdit"_s)->setText(u"alertname=\"DiskFull\""_s);
        m_gui->window()->findChild<FilterBar *>()->applyNow();
        QCOMPARE(shown->rowCount(), 4); // eu: c; us: b
        saveForReview(m_gui->window(), u"grouped-by-cluster.png"_s);
        m_gui->alerts()->setLabelColumns({});
    }

    void layoutPersistsAcrossRuns()
    {
        QVERIFY(m_gui->listener()->start({QHostAddress(QHostAddress::LocalHost), 0}));
        QVERIFY(openWindow());
        auto *table = child<QTableView>(u"alertTable"_s);
        auto *splitter = child<QSplitter>(u"mainSplitter"_s);
        table->setColumnWidth(AlertTableModel::Target, 123);
        table->setColumnHidden(AlertTableModel::Source, true);
        table->horizontalHeader()->moveSection(AlertTableModel::Target, 0);
        splitter->setSizes({300, 150});
        const QList<int> sizes = splitter->sizes();
        child<QDockWidget>(u"analysisDock"_s)->hide();
        m_gui->closeWindow();

        QVERIFY(openWindow());
        table = child<QTableView>(u"alertTable"_s);
        QCOMPARE(table->columnWidth(AlertTableModel::Target), 123);
        QVERIFY(table->isColumnHidden(AlertTableModel::Source));
        QCOMPARE(table->horizontalHeader()->visualIndex(AlertTableModel::Target), 0);
        QCOMPARE(child<QSplitter>(u"mainSplitter"_s)->sizes(), sizes);
        QVERIFY(!child<QDockWidget>(u"analysisDock"_s)->isVisible());
    }

    void columnsFitAndCanBeShownOrHidden()
    {
        QVERIFY(openWindow());
        auto *table = child<AlertTableView>(u"alertTable"_s);
        QVERIFY(table->isColumnHidden(AlertTableModel::LastUpdate)); // hidden by default
        QVERIFY(!table->isColumnHidden(AlertTableModel::Duration));
        QCOMPARE(table->horizontalHeader()->sectionResizeMode(AlertTableModel::Summary), QHeaderView::Stretch);

        std::unique_ptr<QMenu> menu = table->createColumnMenu();
        QList<QAction *> actions = menu->actions();
        QCOMPARE(actions.at(AlertTableModel::LastUpdate)->text(), u"Last update"_s);
        QVERIFY(!actions.at(AlertTableModel::LastUpdate)->isChecked());
        actions.at(AlertTableModel::LastUpdate)->trigger();
        QVERIFY(!table->isColumnHidden(AlertTableModel::LastUpdate));
        actions.at(AlertTableModel::Source)->trigger();
        QVERIFY(table->isColumnHidden(AlertTableModel::Source));

        // "Reset columns" brings back the defaults.
        menu = table->createColumnMenu();
        menu->actions().constLast()->trigger();
        QVERIFY(!table->isColumnHidden(AlertTableModel::Source));
        QVERIFY(table->isColumnHidden(AlertTableModel::LastUpdate));
    }

    void lastVisibleColumnCannotBeHidden()
    {
        QVERIFY(openWindow());
        auto *table = child<AlertTableView>(u"alertTable"_s);
        for (int column = 1; column < AlertTableModel::ColumnCount; ++column)
            table->setColumnHidden(column, true);
        std::unique_ptr<QMenu> menu = table->createColumnMenu();
        menu->actions().at(0)->trigger();
        QVERIFY(!table->isColumnHidden(0));
    }

    void keyboardFirst()
    {
        m_gui->alerts()->upsert(DemoAlerts::load(QDateTime::currentDateTimeUtc()));
        QVERIFY(openWindow());
        QApplication::setActiveWindow(m_gui->window());
        QVERIFY(QTest::qWaitForWindowActive(m_gui->window()));
        auto *table = child<AlertTableView>(u"alertTable"_s);
        table->setFocus();
        table->selectRow(0);
        // j and k move like the arrows.
        QTest::keyClick(table, Qt::Key_J);
        QTest::keyClick(table, Qt::Key_J);
        QCOMPARE(table->currentIndex().row(), 2);
        QTest::keyClick(table, Qt::Key_K);
        QCOMPARE(table->currentIndex().row(), 1);
        // Enter opens the details; Esc comes back.
        QTest::keyClick(table, Qt::Key_Return);
        auto *details = child<QWidget>(u"detailTabs"_s);
        QTRY_VERIFY(details->isAncestorOf(QApplication::focusWidget()) || QApplication::focusWidget() == details);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_COMPARE(QApplication::focusWidget(), table);
        // / focuses the filter.
        QTest::keyClick(table, Qt::Key_Slash);
        QTRY_COMPARE(QApplication::focusWidget()->objectName(), u"filterEdit"_s);

        // The keys, and the sheet that lists them all.
        QVERIFY(child<QAction>(u"actionSilence"_s)->shortcuts().contains(QKeySequence(u"Ctrl+S"_s)));
        QVERIFY(child<QAction>(u"actionAcknowledge"_s)->shortcuts().contains(QKeySequence(u"Ctrl+K"_s)));
        QVERIFY(child<QAction>(u"actionAnalyze"_s)->shortcuts().contains(QKeySequence(u"Ctrl+Return"_s)));
        QVERIFY(child<QAction>(u"actionForward"_s)->shortcuts().contains(QKeySequence(u"Ctrl+Shift+F"_s)));
        child<QAction>(u"actionShortcuts"_s)->trigger();
        auto *sheet = m_gui->window()->findChild<ShortcutsDialog *>();
        QVERIFY(sheet);
        QStringList rows;
        auto *tree = sheet->findChild<QTreeWidget *>(u"shortcutsTable"_s);
        for (int group = 0; group < tree->topLevelItemCount(); ++group)
            for (int row = 0; row < tree->topLevelItem(group)->childCount(); ++row)
                rows << tree->topLevelItem(group)->child(row)->text(0) + u" = "_s
                        + tree->topLevelItem(group)->child(row)->text(1);
        QVERIFY2(rows.contains(u"Silence = Ctrl+S, Ctrl+Shift+S"_s), qPrintable(rows.join(u'\n')));
        QVERIFY2(rows.contains(u"Acknowledge = Ctrl+K, Ctrl+Shift+K"_s), qPrintable(rows.join(u'\n')));
        QVERIFY2(rows.contains(u"Filter alerts = Ctrl+F, /"_s), qPrintable(rows.join(u'\n')));
        QVERIFY2(rows.contains(u"Next alert, previous alert = j, k (or ↓, ↑)"_s), qPrintable(rows.join(u'\n')));
        saveForReview(sheet, u"keyboard-shortcuts.png"_s);
    }

    void overviewLinksAreReadableInEitherTheme()
    {
        // Links take the theme's link colour, also when the theme changes while shown.
        auto anchorColours = [](const QTextBrowser &pane) {
            QSet<QRgb> colours;
            for (QTextBlock block = pane.document()->begin(); block.isValid(); block = block.next())
                for (auto it = block.begin(); !it.atEnd(); ++it)
                    if (it.fragment().charFormat().isAnchor())
                        colours.insert(it.fragment().charFormat().foreground().color().rgb());
            return colours;
        };
        AppSettings settings;
        settings.setValue(Settings::theme, u"light"_s);
        Appearance::apply(settings);
        AlertOverviewPane pane;
        pane.resize(520, 420);
        pane.showAlert(AlertBuilder(u"DiskFull"_s)
                           .generatorUrl(u"https://prometheus.example.com/graph?g0.expr=up"_s)
                           .annotation(u"runbook_url"_s, u"https://runbooks.example.com/disk"_s)
                           .build());
        QCOMPARE(anchorColours(pane), QSet<QRgb>{pane.palette().color(QPalette::Link).rgb()});

        settings.setValue(Settings::theme, u"dark"_s);
        Appearance::apply(settings);
        QTRY_COMPARE(pane.palette().color(QPalette::Base), QApplication::palette().color(QPalette::Base));
        const QColor link = pane.palette().color(QPalette::Link);
        QCOMPARE(anchorColours(pane), QSet<QRgb>{link.rgb()});
        // Readable: WCAG contrast of at least 4.5 against the background.
        auto luminance = [](const QColor &c) {
            auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
        };
        const double base = luminance(pane.palette().color(QPalette::Base));
        QVERIFY(base < 0.1); // dark indeed
        QVERIFY((luminance(link) + 0.05) / (base + 0.05) >= 4.5);
        saveForReview(&pane, u"overview-links-dark.png"_s);

        settings.setValue(Settings::theme, u"system"_s);
        Appearance::apply(settings);
        QTRY_COMPARE(pane.palette().color(QPalette::Base), QApplication::palette().color(QPalette::Base));
        QCOMPARE(anchorColours(pane), QSet<QRgb>{pane.palette().color(QPalette::Link).rgb()});
    }

    void aboutDialogShowsVersionsAndDataDirectory()
    {
        AboutDialog dialog(u"/srv/alertdeck/data"_s);
        QCOMPARE(dialog.findChild<QLabel *>(u"aboutDataDirectory"_s)->text(), u"/srv/alertdeck/data"_s);
        QVERIFY(dialog.findChild<QLabel *>(u"aboutQtVersion"_s)->text().contains(QLatin1String(qVersion())));
        bool versionShown = false;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            versionShown = versionShown || label->text().contains(QLatin1String(BuildInfo::version));
        QVERIFY(versionShown);
    }

    // Renders the states a person should look at after a UI change. Always checks
    // that rendering works; writes PNGs when ALERTDECK_SCREENSHOT_DIR is set.
    void renderForReview()
    {
        const QString directory = qEnvironmentVariable("ALERTDECK_SCREENSHOT_DIR");
        auto render = [this, &directory](const QString &name) {
            const QImage image = m_gui->window()->grab().toImage();
            QVERIFY(!image.isNull());
            QCOMPARE(image.size(), m_gui->window()->size() * m_gui->window()->devicePixelRatio());
            if (!directory.isEmpty())
                QVERIFY(image.save(directory + u'/' + name));
        };

        // First run: nothing received yet.
        QVERIFY(m_gui->listener()->start({QHostAddress(QHostAddress::LocalHost), 0}));
        QVERIFY(openWindow());
        m_gui->window()->resize(1400, 860);
        render(u"mainwindow-first-run.png"_s);
        m_gui->window()->close();
        m_gui->listener()->stop();

        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        m_gui->listener()->start({QHostAddress(QHostAddress::LocalHost), blocker.serverPort()});
        m_gui->alerts()->upsert(DemoAlerts::load(QDateTime::currentDateTimeUtc()));
        MainWindow *window = openWindow(true);
        window->resize(1400, 860);
        auto *table = child<AlertTableView>(u"alertTable"_s);
        table->setFocus();
        table->selectRow(1);

        render(u"mainwindow-demo-port-in-use.png"_s);
    }

    void filterBarFiltersTheTable()
    {
        m_gui->alerts()->upsert(DemoAlerts::load(QDateTime::currentDateTimeUtc()));
        QVERIFY(openWindow(true));
        auto *table = child<AlertTableView>(u"alertTable"_s);
        auto *edit = child<QLineEdit>(u"filterEdit"_s);
        auto *status = child<QLabel>(u"filterStatus"_s);
        QCOMPARE(table->model()->rowCount(), 7);
        QVERIFY(!status->isVisible());

        // Ctrl+F reaches the filter from the table.
        table->setFocus();
        QTest::keyClick(table, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(edit->hasFocus());

        // Keys typed faster than the event loop turns are applied together, at once.
        QSignalSpy applied(child<FilterBar>(u"filterBar"_s), &FilterBar::filterApplied);
        QTest::keyClicks(edit, u"severity=\"critical\""_s);
        QCOMPARE(applied.count(), 0);
        QVERIFY(applied.wait());
        QCOMPARE(applied.count(), 1);
        QCOMPARE(table->model()->rowCount(), 2);
        QVERIFY(status->isVisible());
        QCOMPARE(status->text(), u"5 hidden by the filter"_s);

        // A broken regex keeps the last good result and says why.
        edit->setText(u"instance=~\"db-(\""_s);
        child<FilterBar>(u"filterBar"_s)->applyNow();
        QCOMPARE(table->model()->rowCount(), 2);
        QVERIFY2(status->text().contains(u"invalid regular expression"_s), qPrintable(status->text()));

        // Escape clears the filter.
        QTest::keyClick(edit, Qt::Key_Escape);
        QTRY_COMPARE(table->model()->rowCount(), 7);
        QVERIFY(!status->isVisible());

        // Firing only / resolved only.
        child<QToolButton>(u"stateFilterFiring"_s)->click();
        QCOMPARE(table->model()->rowCount(), 5);
        child<QToolButton>(u"stateFilterResolved"_s)->click();
        QCOMPARE(table->model()->rowCount(), 2);
        QCOMPARE(status->text(), u"5 hidden by the filter"_s);
        child<QToolButton>(u"stateFilterAll"_s)->click();
        QCOMPARE(table->model()->rowCount(), 7);
    }

    void postedPayloadAppearsInTheTable()
    {
        QVERIFY(m_gui->startLiveStore());
        QVERIFY(openWindow());
        auto *table = child<AlertTableView>(u"alertTable"_s);
        QCOMPARE(table->model()->rowCount(), 0);

        const QByteArray body = TestData::fixture(u"alertmanager/group-mixed-status.json"_s);
        const HttpTestResponse response = HttpTestClient::postJson(m_gui->port(), "/webhook", body);
        QCOMPARE(response.status, 200);
        QTRY_COMPARE(table->model()->rowCount(), 5);
        QVERIFY(table->model()->index(0, AlertTableModel::Name).data().toString().startsWith(u"DiskWillFill"_s));
        QVERIFY(child<QLabel>(u"severityCounts"_s)->text().contains(u"3 critical"_s));
        // Just arrived: tinted so it catches the eye.
        QVERIFY(table->model()->index(0, AlertTableModel::Name).data(Qt::BackgroundRole).value<QColor>().isValid());
    }

    void trayCountAndNotificationsFollowTheStore()
    {
        QVERIFY(m_gui->startLiveStore());
        QVERIFY(openWindow());
        TrayController *tray = m_gui->window()->tray();
        QVERIFY(tray);
        QCOMPARE(tray->criticalCount(), 0);
        QVERIFY(tray->toolTip().contains(u"no critical alert"_s));
        const QIcon quiet = tray->icon();

        const QByteArray group = TestData::fixture(u"alertmanager/group-mixed-status.json"_s);
        QCOMPARE(HttpTestClient::postJson(m_gui->port(), "/webhook", group).status, 200);
        QTRY_COMPARE(tray->criticalCount(), 3); // three of the five fire
        QCOMPARE(tray->toolTip(), u"AlertDeck: 3 critical alert(s) firing"_s);
        QVERIFY(tray->icon().pixmap(32).toImage() != quiet.pixmap(32).toImage()); // the badge
        {
            QWidget icons;
            auto *row = new QHBoxLayout(&icons);
            for (int count : {0, 3, 42, 120})
                for (int size : {16, 22, 32, 64}) {
                    auto *label = new QLabel;
                    label->setPixmap(TrayController::badgedIcon(count).pixmap(size));
                    row->addWidget(label);
                }
            icons.show();
            saveForReview(&icons, u"tray-icons.png"_s);
        }
        // One notification for the three, a click goes to the first.
        QVERIFY(tray->lastNotification());
        QCOMPARE(tray->lastNotification()->alertCount, 3);
        auto *table = child<AlertTableView>(u"alertTable"_s);
        child<QLineEdit>(u"filterEdit"_s)->setText(u"nothing-matches-this"_s);
        m_gui->window()->findChild<FilterBar *>()->applyNow();
        QCOMPARE(table->model()->rowCount(), 0);
        tray->openLastNotification();
        QCOMPARE(table->model()->rowCount(), 5); // the filter made way
        const Alert shown = m_gui->alerts()->alertAt(
            m_gui->alerts()->rowOf(u"alertmanager"_s, tray->lastNotification()->fingerprint));
        QCOMPARE(table->currentIndex().siblingAtColumn(AlertTableModel::Name).data().toString(), shown.name);
        QCOMPARE(table->currentIndex().siblingAtColumn(AlertTableModel::Started).data(),
                 m_gui->alerts()
                     ->index(m_gui->alerts()->rowOf(u"alertmanager"_s, shown.fingerprint), AlertTableModel::Started)
                     .data());

        // Do not disturb (the tray menu): counted, not notified.
        tray->menu()->findChild<QAction *>(u"trayDoNotDisturb"_s)->trigger();
        QVERIFY(m_settings->value(Settings::doNotDisturb));
        QVERIFY(tray->toolTip().contains(u"Do not disturb"_s));

        // All resolved: the count goes back to zero.
        QJsonObject resolved = QJsonDocument::fromJson(group).object();
        QJsonArray alerts = resolved.value(u"alerts"_s).toArray();
        for (QJsonValueRef value : alerts) {
            QJsonObject alert = value.toObject();
            alert.insert(u"status"_s, u"resolved"_s);
            alert.insert(u"endsAt"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
            value = alert;
        }
        resolved.insert(u"alerts"_s, alerts);
        resolved.insert(u"status"_s, u"resolved"_s);
        QCOMPARE(
            HttpTestClient::postJson(m_gui->port(), "/webhook", QJsonDocument(resolved).toJson(QJsonDocument::Compact))
                .status,
            200);
        QTRY_COMPARE(tray->criticalCount(), 0);
        m_settings->setValue(Settings::doNotDisturb, false);
    }

    void closingAsksOnceThenKeepsRunningInTheTray()
    {
        QVERIFY(openWindow());
        TrayController *tray = m_gui->window()->tray();
        tray->setAvailableForTesting(true);
        QSignalSpy closedForGood(m_gui->window(), &MainWindow::closedForGood);
        m_gui->window()->close();
        auto *question = m_gui->window()->findChild<QMessageBox *>(u"closeToTrayQuestion"_s);
        QVERIFY(question);
        QVERIFY(m_gui->window()->isVisible()); // not before an answer
        question->findChild<QPushButton *>(u"closeToTray"_s)->click();
        QTRY_VERIFY(!m_gui->window()->isVisible());
        QCOMPARE(m_settings->value(Settings::closeToTray), u"tray"_s);
        QCOMPARE(closedForGood.size(), 0);
        QTRY_VERIFY(!m_gui->window()->findChild<QMessageBox *>(u"closeToTrayQuestion"_s));

        // Remembered: no question the next time.
        m_gui->window()->show();
        m_gui->window()->close();
        QVERIFY(!m_gui->window()->findChild<QMessageBox *>(u"closeToTrayQuestion"_s));
        QVERIFY(!m_gui->window()->isVisible());
        QCOMPARE(closedForGood.size(), 0);
        // The tray's Quit (and File → Quit) end it.
        emit tray->quitRequested();
        QCOMPARE(closedForGood.size(), 1);
    }

    void selectedAlertShowsPayloadTruncationAndHistory()
    {
        QVERIFY(m_gui->startLiveStore());
        QVERIFY(openWindow());

        const QByteArray body = TestData::fixture(u"alertmanager/group-truncated.json"_s);
        QCOMPARE(HttpTestClient::postJson(m_gui->port(), "/webhook", body).status, 200);
        auto *table = child<AlertTableView>(u"alertTable"_s);
        QTRY_COMPARE(table->model()->rowCount(), 3);
        table->selectRow(0);

        auto *overview = child<QTextBrowser>(u"alertOverview"_s);
        QTRY_VERIFY(overview->toPlainText().contains(u"Source payload"_s));
        QVERIFY2(overview->toPlainText().contains(u"3 of 6 alerts shown by Alertmanager"_s),
                 qPrintable(overview->toPlainText()));
        QVERIFY(overview->toPlainText().contains(u"\"truncatedAlerts\": 3"_s)); // pretty-printed
        auto *history = child<QTreeWidget>(u"occurrenceList"_s);
        QCOMPARE(history->topLevelItemCount(), 1);
        QCOMPARE(history->topLevelItem(0)->text(3), u"firing"_s);
        const QString directory = qEnvironmentVariable("ALERTDECK_SCREENSHOT_DIR");
        if (!directory.isEmpty()) {
            m_gui->window()->resize(1400, 860);
            overview->verticalScrollBar()->setValue(overview->verticalScrollBar()->maximum()); // the payload
            QVERIFY(m_gui->window()->grab().save(directory + u"/mainwindow-details.png"_s));
            child<QTabWidget>(u"detailTabs"_s)->setCurrentIndex(3);
            QVERIFY(m_gui->window()->grab().save(directory + u"/mainwindow-history.png"_s));
        }
    }

    void storedAlertsLoadWithProgressAfterTheWindowShows()
    {
        const QString path = m_gui->storePath();
        {
            StoreService writer;
            QVERIFY_OK(writer.open(path));
            bool stored = false;
            writer.submit({QDateTime::currentDateTimeUtc(), u"/webhook"_s, PayloadFormat::Auto, "{}",
                           TestData::fixture(u"alertmanager/group-mixed-status.json"_s)},
                          this, [&](const IngestResult &result) { stored = result.status == 200; });
            QTRY_VERIFY(stored);
        }
        m_gui->createStore();
        // As AppServices wires it.
        connect(m_gui->store(), &StoreService::alertsRestored, m_gui->alerts(),
                [this](const QList<Alert> &alerts) { m_gui->alerts()->upsert(alerts); });
        QVERIFY(openWindow());
        auto *indicator = child<QWidget>(u"storeLoadIndicator"_s);
        auto *indicatorText = child<QLabel>(u"storeLoadText"_s);
        auto *table = child<AlertTableView>(u"alertTable"_s);
        QVERIFY(indicator && indicatorText && !indicator->isVisible());

        // What the window shows at each step (its own handlers ran first).
        QStringList seen;
        auto record = [&] {
            seen << u"%1 | %2 | %3 rows"_s
                        .arg(indicator->isVisible() ? indicatorText->text() : u"(hidden)"_s,
                             table->emptyText().section(u'\n', 0, 0))
                        .arg(table->model()->rowCount());
        };
        connect(m_gui->store(), &StoreService::storeStateChanged, this, record);
        connect(m_gui->store(), &StoreService::alertsRestored, this, record);
        bool seenListenerHiddenWhileOpening = false;
        connect(m_gui->store(), &StoreService::storeStateChanged, this, [&](StoreService::StoreState state) {
            if (state == StoreService::StoreState::Opening)
                seenListenerHiddenWhileOpening = !child<QLabel>(u"listenerStatus"_s)->isVisible();
        });
        m_gui->store()->openInBackground(path, 2);
        QTRY_COMPARE(m_gui->store()->storeState(), StoreService::StoreState::Open);
        QVERIFY(seenListenerHiddenWhileOpening);
        QVERIFY(child<QLabel>(u"listenerStatus"_s)->isVisible());
        QCOMPARE(seen,
                 (QStringList{
                     u"Opening the alert store… | Loading stored alerts… | 0 rows"_s,
                     u"Loading stored alerts: 0 of 5 | Loading stored alerts… | 0 rows"_s,
                     u"Loading stored alerts: 2 of 5 | Loading stored alerts… | 2 rows"_s,
                     u"Loading stored alerts: 4 of 5 | Loading stored alerts… | 4 rows"_s,
                     u"Loading stored alerts: 5 of 5 | Loading stored alerts… | 5 rows"_s,
                     u"(hidden) | No alerts yet. | 5 rows"_s,
                 }));
    }

    void theStatusBarSaysWhileTheTableCatchesUpWithSenders()
    {
        m_gui->createStore();
        QVERIFY_OK(m_gui->store()->open(m_gui->storePath()));
        QVERIFY(openWindow());
        auto *indicator = child<QWidget>(u"storeLoadIndicator"_s);
        auto *indicatorText = child<QLabel>(u"storeLoadText"_s);
        QVERIFY(indicator && indicatorText && !indicator->isVisible());
        // Acknowledged payloads the store cannot take yet (write-locked here; a storm
        // the machine is busy answering, in use).
        auto lock = std::make_unique<SqliteWriteLock>(m_gui->storePath());
        QVERIFY(lock->isHeld());
        int answered = 0;
        for (int i = 0; i < 3; ++i)
            m_gui->store()->submit({QDateTime::currentDateTimeUtc(), u"/webhook"_s, PayloadFormat::Auto, "{}",
                                    TestData::fixture(u"alertmanager/group-mixed-status.json"_s)},
                                   this, [&](const IngestResult &result) { answered += result.status == 200; });
        QTRY_COMPARE(answered, 3);
        QTRY_VERIFY_WITH_TIMEOUT(indicator->isVisible(), 20'000);
        QVERIFY2(indicatorText->text().startsWith(u"Table catching up: 3 payload(s) waiting ("_s),
                 qPrintable(indicatorText->text()));
        QVERIFY(indicator->toolTip().contains(u"safe on disk"_s));
        const QString directory = qEnvironmentVariable("ALERTDECK_SCREENSHOT_DIR");
        if (!directory.isEmpty()) {
            m_gui->window()->resize(1200, 700);
            QVERIFY(m_gui->window()->grab().save(directory + u"/mainwindow-catching-up.png"_s));
        }
        lock.reset();
        QTRY_VERIFY_WITH_TIMEOUT(!indicator->isVisible(), 20'000);
    }

    void settingsOpenFromTheFileMenuAndReportSaving()
    {
        QVERIFY(m_gui->listener()->start({QHostAddress(QHostAddress::LocalHost), 0}));
        MainWindow *window = openWindow();
        QVERIFY(window);
        auto *action = child<QAction>(u"actionSettings"_s);
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(u"Ctrl+,"_s));
        QSignalSpy saved(window, &MainWindow::settingsSaved);
        action->trigger();
        auto *dialog = child<SettingsDialog>(u"settingsDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(dialog->isModal()); // window-modal, opened without a nested event loop
        action->trigger(); // a second time: the same dialog, raised
        QCOMPARE(window->findChildren<SettingsDialog *>().size(), 1);
        dialog->save();
        QTRY_COMPARE(saved.count(), 1);
        QTRY_VERIFY(!child<SettingsDialog>(u"settingsDialog"_s)); // closed and deleted
    }

    void keychainProblemsAreShownInABanner()
    {
        MainWindow *window = openWindow();
        QVERIFY(window);
        window->showSecretsProblem(u"No system keychain found: install and unlock gnome-keyring or KWallet (x)."_s);
        auto *banner = child<NotificationBanner>(u"secretsBanner"_s);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().startsWith(u"No system keychain found"_s));
        QVERIFY(banner->text().contains(u"not configured until the keychain can be used"_s));
    }

    void quitActionClosesWindow()
    {
        QVERIFY(openWindow());
        QAction *quit = m_gui->window()->findChild<QAction *>(u"actionQuit"_s);
        QVERIFY(quit);
        quit->trigger();
        QVERIFY(!m_gui->window()->isVisible());
    }
    // After a follow-up, Forward sends its answer; an earlier one when it is picked in
    // the panel.
    void forwardSendsTheAnswerPickedInThePanel()
    {
        MainWindowFixture gui;
        QVERIFY(gui.startLiveStore());
        ContextService context;
        MemorySecretStore secrets;
        FakeHttpServer llm;
        FakeHttpServer chat;
        QVERIFY(llm.listen() && chat.listen());
        chat.route("/hooks/ops", {200, "ok", "text/plain"});
        const auto answering = [](const QString &content) {
            const QJsonObject delta{{u"content"_s, content}};
            const QJsonObject choice{{u"index"_s, 0}, {u"delta"_s, delta}, {u"finish_reason"_s, u"stop"_s}};
            FakeHttpServer::Response response;
            response.contentType = "text/event-stream";
            response.chunks = {
                "data: " + QJsonDocument(QJsonObject{{u"choices"_s, QJsonArray{choice}}}).toJson(QJsonDocument::Compact)
                    + "\n\n",
                "data: [DONE]\n\n"};
            return response;
        };
        llm.handle("/chat/completions", [&answering](const HttpRequest &request) {
            const QJsonArray messages = QJsonDocument::fromJson(request.body).object().value(u"messages"_s).toArray();
            return messages.last().toObject().value(u"content"_s).toString().contains(u"And now?"_s)
                ? answering(u"The follow-up answer."_s)
                : answering(u"The first analysis."_s);
        });
        AnalysisService analysis(&context, gui.store(), &secrets);
        AnalysisService::Settings analysisSettings;
        analysisSettings.request.baseUrl = llm.url();
        analysisSettings.request.model = u"deepseek-chat"_s;
        analysis.setSettings(analysisSettings);
        ForwardService forward(gui.store(), &secrets, &analysis);
        const ChatDestination ops = TestDestinations::ops();
        secrets.set(ops.targetSecret(), chat.url().toString() + u"/hooks/ops"_s);
        ForwardService::Settings forwardSettings;
        forwardSettings.destinations = {ops};
        forward.setSettings(forwardSettings);
        QVERIFY(gui.show({.contextService = &context, .analysis = &analysis, .forward = &forward}));
        QCOMPARE(gui.post(u"alertmanager/firing-single.json"_s), 200);
        QVERIFY(gui.selectFirstRowOnceThereAre(1));

        auto *panel = gui.child<AnalysisPanel>(u"analysisPanel"_s);
        auto *output = gui.child<MarkdownStreamView>(u"analysisOutput"_s);
        panel->analyze();
        QTRY_VERIFY(!panel->isRunning() && output->toPlainText().contains(u"The first analysis."_s));
        auto *input = gui.child<QPlainTextEdit>(u"followUpInput"_s);
        QTRY_VERIFY(input->isEnabled());
        input->setPlainText(u"And now?"_s);
        QTest::keyClick(input, Qt::Key_Return);
        QTRY_VERIFY(!panel->isRunning() && output->toPlainText().contains(u"The follow-up answer."_s));

        const auto sent = [&chat](qsizetype index) {
            return QString::fromUtf8(chat.requests.at(index).body); // the message and its attachments
        };
        gui.child<QAction>(u"actionForward"_s)->trigger();
        QTRY_COMPARE(chat.requests.size(), 1);
        QVERIFY2(sent(0).contains(u"The follow-up answer."_s) && !sent(0).contains(u"The first analysis."_s),
                 qPrintable(sent(0)));

        auto *choice = gui.child<QComboBox>(u"forwardChoice"_s);
        QVERIFY(choice->isVisible());
        choice->setCurrentIndex(0);
        gui.child<QAction>(u"actionForward"_s)->trigger();
        QTRY_COMPARE(chat.requests.size(), 2);
        QVERIFY2(sent(1).contains(u"The first analysis."_s) && !sent(1).contains(u"The follow-up answer."_s),
                 qPrintable(sent(1)));
        gui.destroyWindow();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
