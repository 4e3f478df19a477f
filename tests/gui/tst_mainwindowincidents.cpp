// The Incidents view inside the main window: switching views, the details following
// the incident's alerts, and resolution notes.
#include "AnalysisPanel.h"
#include "DetailTabs.h"
#include "ChatTurns.h"
#include "FakeHttpServer.h"
#include "TestDestinations.h"
#include "IncidentTestAlerts.h"
#include "MainWindowFixture.h"
#include "TestData.h"
#include "analysis/AnalysisService.h"
#include "context/ContextService.h"
#include "context/MetricChart.h"
#include "forward/ForwardService.h"
#include "incidents/IncidentCharts.h"
#include "incidents/IncidentsView.h"
#include "incidents/ResolutionNoteDialog.h"
#include "incidents/SeenBeforeCard.h"
#include "model/AlertTableModel.h"
#include "model/IncidentTableModel.h"
#include "secrets/MemorySecretStore.h"
#include "shift/HandoverReportDialog.h"
#include "shift/NoiseReportDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace {

const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-3600);

QList<Alert> sampleAlerts()
{
    using IncidentTestAlerts::onHost;
    return {onHost(t0, u"a"_s, u"HighLoad"_s, u"db-1"_s, 0),
            onHost(t0, u"b"_s, u"NodeDown"_s, u"db-1"_s, 60, Severity::Critical),
            onHost(t0, u"c"_s, u"DiskFull"_s, u"web-2"_s, 1200)};
}

} // namespace

class MainWindowIncidentsTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindowFixture> m_gui;
    std::unique_ptr<IncidentTableModel> m_incidents;

    MainWindow *open()
    {
        MainWindow *window = m_gui->show({.incidents = m_incidents.get()});
        if (window) {
            m_gui->alerts()->upsert(sampleAlerts());
            m_incidents->addAlerts(sampleAlerts());
        }
        return window;
    }
    template<typename T> T *child(const QString &name) const { return m_gui->child<T>(name); }
    QTreeView *tree() const { return m_gui->window()->incidentsView()->tree(); }
    // The incident row whose title starts with `title`, in the view's (sorted) model.
    QModelIndex incidentRow(const QString &title) const
    {
        const QAbstractItemModel *model = tree()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, 0).data().toString().startsWith(title))
                return model->index(row, 0);
        return {};
    }
    QString overviewText() const { return child<QTextBrowser>(u"alertOverview"_s)->toPlainText(); }

private slots:
    void initTestCase() { MainWindowFixture::initApplication(u"tst_mainwindowincidents"_s); }
    void init()
    {
        QSettings().clear();
        m_gui = std::make_unique<MainWindowFixture>();
        m_incidents = std::make_unique<IncidentTableModel>();
    }
    void cleanup()
    {
        m_gui->closeWindow();
        m_gui.reset();
        m_incidents.reset();
    }

    void ctrl1AndCtrl2SwitchViewsAndTheChoiceIsKept()
    {
        MainWindow *window = open();
        QVERIFY(window);
        auto *stack = child<QStackedWidget>(u"viewStack"_s);
        auto *tabs = child<QTabBar>(u"viewTabs"_s);
        auto *filter = child<QWidget>(u"filterBar"_s);
        QVERIFY(stack && tabs && filter);
        QVERIFY(tabs->isVisible());
        QCOMPARE(window->view(), MainWindow::View::Alerts);
        QVERIFY(filter->isVisible());

        QTest::keyClick(window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(window->view(), MainWindow::View::Incidents);
        QCOMPARE(stack->currentWidget(), window->incidentsView());
        QCOMPARE(tabs->currentIndex(), 1);
        QVERIFY(!filter->isVisible()); // it filters alerts only
        QCOMPARE(tree()->model()->rowCount(), 2); // db-1's two alerts are one incident
        QTRY_VERIFY(tree()->hasFocus());

        QTest::keyClick(window, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(window->view(), MainWindow::View::Alerts);
        QVERIFY(filter->isVisible());

        tabs->setCurrentIndex(1); // a click on the tab
        QCOMPARE(window->view(), MainWindow::View::Incidents);
        m_gui->closeWindow();
        QVERIFY(open());
        QCOMPARE(m_gui->window()->view(), MainWindow::View::Incidents);
    }

    void withoutIncidentsThereIsNoSwitch()
    {
        MainWindow *window = m_gui->show();
        QVERIFY(window);
        QVERIFY(!child<QTabBar>(u"viewTabs"_s)->isVisible());
        QVERIFY(!child<QAction>(u"actionShowIncidents"_s)->isEnabled());
        QTest::keyClick(window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(window->view(), MainWindow::View::Alerts);
    }

    void anIncidentShowsItsWorstAlertAndAMemberShowsItself()
    {
        MainWindow *window = open();
        QVERIFY(window);
        window->showView(MainWindow::View::Incidents);
        const QModelIndex incident = incidentRow(u"NodeDown"_s);
        QVERIFY(incident.isValid());
        QCOMPARE(incident.data().toString(), u"NodeDown and 1 related"_s);
        tree()->setCurrentIndex(incident);
        QTRY_VERIFY(overviewText().contains(u"NodeDown"_s)); // the worst: critical
        QVERIFY(!overviewText().contains(u"HighLoad"_s));

        tree()->expand(incident);
        const QModelIndex highLoad = [&] {
            for (int row = 0; row < tree()->model()->rowCount(incident); ++row)
                if (tree()->model()->index(row, 0, incident).data().toString().contains(u"HighLoad"_s))
                    return tree()->model()->index(row, 0, incident);
            return QModelIndex();
        }();
        QVERIFY(highLoad.isValid());
        tree()->setCurrentIndex(highLoad);
        QTRY_VERIFY(overviewText().contains(u"HighLoad"_s));

        // Back in the Alerts view the details follow the table's selection again.
        window->showView(MainWindow::View::Alerts);
        QVERIFY(overviewText().isEmpty() || !overviewText().contains(u"HighLoad"_s));
        // Selecting an alert from elsewhere (a notification) shows the Alerts view.
        window->showView(MainWindow::View::Incidents);
        const Alert diskFull = sampleAlerts().at(2);
        QVERIFY(window->selectAlert(diskFull.source, diskFull.fingerprint));
        QTRY_VERIFY(overviewText().contains(u"DiskFull"_s));
        QCOMPARE(window->view(), MainWindow::View::Alerts);
    }

    // Analyze on an incident row analyses all of its alerts in one run; a citation of another
    // of its alerts shows that alert, and the panel stays on the incident's analysis.
    void analyzeOnAnIncidentCoversItsAlertsAndCitationsLeadToThem()
    {
        ContextService context;
        MemorySecretStore secrets;
        FakeHttpServer llm;
        QVERIFY(llm.listen());
        llm.handle("/chat/completions", [](const HttpRequest &request) {
            const QJsonArray messages = QJsonDocument::fromJson(request.body).object().value(u"messages"_s).toArray();
            const QString prompt = messages.last().toObject().value(u"content"_s).toString();
            // Cites the item the prompt lists for the related alert.
            const QString id = QRegularExpression(u"\\n(E\\d+) related alert \"HighLoad\""_s).match(prompt).captured(1);
            return ChatTurns::stream(
                {ChatTurns::event({{u"content"_s, u"The load rose before the node went down [%1]."_s.arg(id)}},
                                  u"stop"_s)});
        });
        AnalysisService analysis(&context, nullptr, &secrets);
        AnalysisService::Settings settings;
        settings.request.baseUrl = llm.url();
        settings.request.model = u"deepseek-chat"_s;
        analysis.setSettings(settings);
        MainWindow *window
            = m_gui->show({.contextService = &context, .analysis = &analysis, .incidents = m_incidents.get()});
        QVERIFY(window);
        m_gui->alerts()->upsert(sampleAlerts());
        m_incidents->addAlerts(sampleAlerts());
        window->showView(MainWindow::View::Incidents);
        tree()->setCurrentIndex(incidentRow(u"NodeDown"_s));

        auto *panel = child<AnalysisPanel>(u"analysisPanel"_s);
        auto *subject = child<QLabel>(u"analysisSubject"_s);
        auto *button = child<QPushButton>(u"analyzeButton"_s);
        QTRY_VERIFY2(subject->text().contains(u"Incident: NodeDown and 1 related"_s), qPrintable(subject->text()));
        QCOMPARE(button->text(), u"Analyze this incident"_s);
        child<QAction>(u"actionAnalyze"_s)->trigger();
        const AlertKey nodeDown = AlertKey::of(sampleAlerts().at(1));
        QTRY_VERIFY(analysis.run(nodeDown) && !analysis.run(nodeDown)->isRunning());
        const AnalysisService::Run *run = analysis.run(nodeDown);
        QCOMPARE(run->related.size(), 1);
        QCOMPARE(run->related.first().name, u"HighLoad"_s);
        QCOMPARE(llm.requests.size(), 1);
        QVERIFY(QString::fromUtf8(llm.requests.first().body).contains(u"related alert \\\"HighLoad\\\""_s));
        QTRY_COMPARE(button->text(), u"Re-run incident analysis"_s);

        // The citation leads to HighLoad's row; the panel keeps the incident's analysis.
        const EvidenceItem *cited = nullptr;
        for (const EvidenceItem &item : run->evidence.items())
            if (item.kind == EvidenceKind::RelatedAlert)
                cited = &item;
        QVERIFY(cited);
        emit panel->evidenceActivated(*cited);
        QTRY_VERIFY(overviewText().contains(u"HighLoad"_s));
        QVERIFY(tree()->currentIndex().parent().isValid()); // a member row
        QVERIFY(subject->text().contains(u"Incident: NodeDown"_s));
        QCOMPARE(panel->shownAlert()->fingerprint, sampleAlerts().at(1).fingerprint);
        // A citation of NodeDown's own evidence goes back to it.
        emit panel->evidenceActivated(*run->evidence.find(u"E1"));
        QTRY_VERIFY(overviewText().contains(u"NodeDown"_s));
        m_gui->destroyWindow();
    }

    // Forward on an incident row sends one message listing its alerts; on a member row,
    // that alert alone.
    void forwardOnAnIncidentSendsOneMessageListingItsAlerts()
    {
        MemorySecretStore secrets;
        FakeHttpServer chat;
        QVERIFY(chat.listen());
        chat.route("/hooks/ops", {200, "ok", "text/plain"});
        ForwardService forward(nullptr, &secrets, nullptr);
        const ChatDestination ops = TestDestinations::ops();
        secrets.set(ops.targetSecret(), chat.url().toString() + u"/hooks/ops"_s);
        ForwardService::Settings settings;
        settings.destinations = {ops};
        forward.setSettings(settings);
        MainWindow *window = m_gui->show({.forward = &forward, .incidents = m_incidents.get()});
        QVERIFY(window);
        m_gui->alerts()->upsert(sampleAlerts());
        m_incidents->addAlerts(sampleAlerts());
        window->showView(MainWindow::View::Incidents);
        const QModelIndex incident = incidentRow(u"NodeDown"_s);
        tree()->setCurrentIndex(incident);
        QTRY_VERIFY(overviewText().contains(u"NodeDown"_s));
        child<QAction>(u"actionForward"_s)->trigger();
        QTRY_COMPARE(chat.requests.size(), 1);
        const QString sent = QString::fromUtf8(chat.requests.first().body);
        QVERIFY2(sent.contains(u"and 1 related"_s) && sent.contains(u"HighLoad"_s), qPrintable(sent));

        tree()->expand(incident);
        tree()->setCurrentIndex(tree()->model()->index(0, 0, incident)); // a member row
        QTRY_VERIFY(tree()->currentIndex().parent().isValid());
        child<QAction>(u"actionForward"_s)->trigger();
        QTRY_COMPARE(chat.requests.size(), 2);
        QVERIFY(!QString::fromUtf8(chat.requests.at(1).body).contains(u"related"_s));
        m_gui->destroyWindow();
    }

    // An incident row's alerts' charts together, on one time axis, in a tab of their own
    // that only an incident (of more than one alert) has.
    void anIncidentsChartsAreShownTogether()
    {
        FakeHttpServer prometheus;
        QVERIFY(prometheus.listen());
        prometheus.route("/api/v1/query_range", {200, TestData::fixture(u"prometheus/query_range-matrix.json"_s)});
        ContextService context;
        ContextService::Sources sources;
        sources.prometheus = {prometheus.url()};
        context.setSources(sources);
        MainWindow *window = m_gui->show({.contextService = &context, .incidents = m_incidents.get()});
        QVERIFY(window);
        QList<Alert> alerts = sampleAlerts();
        for (Alert &alert : alerts)
            alert.promQl = u"node_load1{instance=\"%1\"} > 4"_s.arg(alert.labels.value(u"instance"_s));
        m_gui->alerts()->upsert(alerts);
        m_incidents->addAlerts(alerts);
        auto *tabs = child<DetailTabs>(u"detailTabs"_s);
        QVERIFY(!tabs->isTabVisible(DetailTabs::IncidentChartsTab));

        window->showView(MainWindow::View::Incidents);
        tree()->setCurrentIndex(incidentRow(u"NodeDown"_s));
        QTRY_VERIFY(tabs->isTabVisible(DetailTabs::IncidentChartsTab));
        IncidentCharts *charts = tabs->incidentCharts();
        QCOMPARE(charts->titles(), (QStringList{u"NodeDown · db-1:9100"_s, u"HighLoad · db-1:9100"_s}));
        QTRY_VERIFY(charts->chart(0)->hasResult() && charts->chart(1)->hasResult());
        // One axis: both charts show the span of both windows.
        QCOMPARE(charts->chart(0)->shownWindow(), charts->sharedWindow());
        QCOMPARE(charts->chart(1)->shownWindow(), charts->sharedWindow());
        QVERIFY(charts->sharedWindow().start < alerts.at(0).startsAt);
        QVERIFY(charts->sharedWindow().end > alerts.at(1).startsAt);

        // An incident of one alert has no such tab; nor has the Alerts view.
        tree()->setCurrentIndex(incidentRow(u"DiskFull"_s));
        QTRY_VERIFY(!tabs->isTabVisible(DetailTabs::IncidentChartsTab));
        QCOMPARE(charts->chartCount(), 0);
        tree()->setCurrentIndex(incidentRow(u"NodeDown"_s));
        QTRY_VERIFY(tabs->isTabVisible(DetailTabs::IncidentChartsTab));
        window->showView(MainWindow::View::Alerts);
        QVERIFY(!tabs->isTabVisible(DetailTabs::IncidentChartsTab));
        m_gui->destroyWindow();
    }

    // Resolution note… (Ctrl+Shift+N): the dialog opens with what was written before, and
    // what is written is kept with the occurrence in the store.
    void aResolutionNoteIsKeptWithTheOccurrence()
    {
        QVERIFY(m_gui->startLiveStore());
        MainWindow *window = m_gui->show({.incidents = m_incidents.get()});
        QVERIFY(window);
        QCOMPARE(m_gui->post(u"alertmanager/group-mixed-status.json"_s), 200);
        QVERIFY(m_gui->selectFirstRowOnceThereAre(5));
        const int row = m_gui->window()->findChild<QTableView *>(u"alertTable"_s)->currentIndex().row();
        QVERIFY(row >= 0);
        auto *action = child<QAction>(u"actionResolutionNote"_s);
        QTRY_VERIFY(action->isEnabled());
        action->trigger();
        ResolutionNoteDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<ResolutionNoteDialog *>()) && dialog->isVisible());
        QVERIFY(dialog->causeEdit()->text().isEmpty());
        dialog->causeEdit()->setText(u"Disk filled by debug logs"_s);
        dialog->actionEdit()->setText(u"Rotated the logs"_s);
        dialog->buttons()->button(QDialogButtonBox::Save)->click();
        QTRY_VERIFY(window->statusBar()->currentMessage().startsWith(u"Resolution note saved"_s));

        // Read back through the store, and offered again when the dialog opens next.
        const QModelIndex current = m_gui->window()->findChild<QTableView *>(u"alertTable"_s)->currentIndex();
        QVERIFY(current.isValid());
        action->trigger();
        QTRY_VERIFY((dialog = window->findChild<ResolutionNoteDialog *>()) && dialog->isVisible()
                    && dialog->causeEdit()->text() == u"Disk filled by debug logs"_s);
        QCOMPARE(dialog->actionEdit()->text(), u"Rotated the logs"_s);
        dialog->reject();
    }

    void theHandoverReportOpensFromTheViewMenu()
    {
        QVERIFY(m_gui->startLiveStore());
        MainWindow *window = m_gui->show({.dataDirectory = QFileInfo(m_gui->storePath()).absolutePath()});
        QVERIFY(window);
        auto *action = child<QAction>(u"actionHandoverReport"_s);
        QVERIFY(action && action->isEnabled());
        QCOMPARE(action->shortcut(), QKeySequence(u"Ctrl+Shift+H"_s));
        action->trigger();
        HandoverReportDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<HandoverReportDialog *>()) && dialog->isVisible());
        QTRY_VERIFY(dialog->report().has_value()); // built from this store (empty)
        dialog->close();

        auto *noise = child<QAction>(u"actionNoiseReport"_s);
        QVERIFY(noise && noise->isEnabled());
        noise->trigger();
        NoiseReportDialog *noiseDialog = nullptr;
        QTRY_VERIFY((noiseDialog = window->findChild<NoiseReportDialog *>()) && noiseDialog->isVisible());
        QTRY_VERIFY(!noiseDialog->isBuilding());
        noiseDialog->close();
    }
};

QTEST_MAIN(MainWindowIncidentsTest)
#include "tst_mainwindowincidents.moc"
