#include "DetailTabs.h"
#include "FakeHttpServer.h"
#include "ForwardController.h"
#include "ForwardPreviewDialog.h"
#include "MainWindowFixture.h"
#include "NotificationBanner.h"
#include "ReviewShot.h"
#include "TestData.h"
#include "forward/ForwardService.h"
#include "ingest/PayloadParser.h"
#include "model/AlertTableModel.h"
#include "secrets/MemorySecretStore.h"
#include "store/StoreService.h"

#include <QAction>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestForwarding : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindowFixture> m_gui;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<FakeHttpServer> m_chat;
    std::unique_ptr<ForwardService> m_forward;

    template<typename T> T *child(const QString &name) const { return m_gui->child<T>(name); }

    ChatDestination destination(const QString &id, const QString &name, const QString &path, bool isDefault)
    {
        ChatDestination destination;
        destination.id = id;
        destination.name = name;
        destination.type = ChatDestination::Type::Mattermost;
        destination.isDefault = isDefault;
        m_secrets->set(destination.targetSecret(), m_chat->url().toString() + path);
        return destination;
    }

    // A window over a real store with one delivered alert, selected, and two destinations.
    void openWindow(bool previewFirst = false)
    {
        m_gui = std::make_unique<MainWindowFixture>();
        QVERIFY(m_gui->startLiveStore());
        m_secrets = std::make_unique<MemorySecretStore>();
        m_chat = std::make_unique<FakeHttpServer>();
        QVERIFY(m_chat->listen());
        m_chat->route("/hooks/ops", {200, "ok", "text/plain"});
        m_chat->route("/hooks/db", {200, "ok", "text/plain"});
        m_forward = std::make_unique<ForwardService>(m_gui->store(), m_secrets.get(), nullptr);
        ForwardService::Settings settings;
        settings.destinations = {destination(u"ops"_s, u"#ops"_s, u"/hooks/ops"_s, true),
                                 destination(u"db"_s, u"#db-team"_s, u"/hooks/db"_s, false)};
        settings.destinations[0].requirePreview = previewFirst;
        settings.firstBackoff = 20ms;
        m_forward->setSettings(settings);
        QVERIFY(m_gui->show({.forward = m_forward.get()}));
        QCOMPARE(m_gui->post(u"alertmanager/firing-single.json"_s), 200);
        QVERIFY(m_gui->selectFirstRowOnceThereAre(1));
    }

    QToolButton *forwardButton() const
    {
        return qobject_cast<QToolButton *>(
            child<QToolBar>(u"mainToolBar"_s)->widgetForAction(child<QAction>(u"actionForward"_s)));
    }

private slots:
    void initTestCase() { MainWindowFixture::initApplication(u"tst_forwarding"_s); }

    void cleanup()
    {
        if (m_gui)
            m_gui->destroyWindow();
        m_forward.reset();
        m_gui.reset();
        m_chat.reset();
    }

    void forwardSendsToTheDefaultAndLogsIt()
    {
        openWindow();
        QToolButton *button = forwardButton();
        QVERIFY(button);
        QCOMPARE(button->popupMode(), QToolButton::MenuButtonPopup);
        QTRY_VERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));

        QTRY_COMPARE(m_chat->requests.size(), 1);
        QCOMPARE(m_chat->requests.first().path, QByteArray("/hooks/ops"));
        const QJsonObject body = QJsonDocument::fromJson(m_chat->requests.first().body).object();
        QVERIFY(body.value(u"text"_s).toString().contains(u"HighCPUUsage"_s));
        auto *status = child<QLabel>(u"forwardStatus"_s);
        QTRY_COMPARE(status->text(), u"Forwarded HighCPUUsage to #ops"_s);

        // The log entry is stored and listed in History.
        auto *forwards = child<QTreeWidget>(u"forwardList"_s);
        QTRY_COMPARE(forwards->topLevelItemCount(), 1);
        QVERIFY(forwards->topLevelItem(0)->text(1).startsWith(u"#ops"_s));
        QCOMPARE(forwards->topLevelItem(0)->text(2), u"sent"_s);
        QCOMPARE(forwards->topLevelItem(0)->text(4), u"you"_s);

        // The menu sends to the others; a failure shows in a banner with Retry.
        m_chat->queue("/hooks/db", {400, "{\"message\":\"channel archived\"}"});
        QMenu *menu = child<QMenu>(u"forwardMenu"_s);
        emit menu->aboutToShow();
        QAction *toDb = nullptr;
        for (QAction *action : menu->actions())
            if (action->text().startsWith(u"#db-team"_s))
                toDb = action;
        QVERIFY(toDb);
        toDb->trigger();
        auto *banner = child<NotificationBanner>(u"forwardBanner"_s);
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(u"channel archived"_s), qPrintable(banner->text()));
        QTRY_COMPARE(forwards->topLevelItemCount(), 2);
        QCOMPARE(forwards->topLevelItem(0)->text(2), u"failed"_s);
        child<QTabWidget>(u"detailTabs"_s)->setCurrentIndex(3);
        saveForReview(m_gui->window(), u"forward-failed.png"_s);
        emit banner->actionTriggered(); // Retry
        QTRY_COMPARE(m_chat->requests.size(), 3);
        QCOMPARE(m_chat->requests.last().path, QByteArray("/hooks/db"));
        QTRY_COMPARE(forwards->topLevelItemCount(), 3);
        QCOMPARE(forwards->topLevelItem(0)->text(2), u"sent"_s);
    }

    // A rule's forward that waits for its automatic analysis says so in the status bar.
    void aRuleWaitingForTheAnalysisSaysSo()
    {
        openWindow();
        const Alert alert = m_gui->alerts()->alertAt(0);
        emit m_forward->ruleWaitingForAnalysis(alert, u"#ops"_s);
        QCOMPARE(child<QLabel>(u"forwardStatus"_s)->text(),
                 u"Forwarding rule: %1 goes to #ops once its analysis is done"_s.arg(alert.name));
    }

    void withoutDestinationsTheButtonSaysWhatToDo()
    {
        openWindow();
        m_forward->setSettings({});
        child<QAction>(u"actionForward"_s)->trigger();
        auto *banner = child<NotificationBanner>(u"forwardBanner"_s);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(u"Settings → Chat destinations"_s));
        QVERIFY(m_chat->requests.isEmpty());
    }

    void aDestinationCanAskForAPreview()
    {
        openWindow(true);
        child<QAction>(u"actionForward"_s)->trigger();
        ForwardPreviewDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_gui->window()->findChild<ForwardPreviewDialog *>()) != nullptr);
        auto *body = dialog->findChild<QPlainTextEdit *>(u"previewBody"_s);
        QTRY_VERIFY(body->toPlainText().contains(u"\"username\":\"AlertDeck\""_s));
        QVERIFY(dialog->findChild<QLabel *>(u"previewSummary"_s)->text().contains(u"POST to http://127.0.0.1"_s));
        QVERIFY(m_chat->requests.isEmpty()); // nothing goes before Send
        auto *send = dialog->findChild<QPushButton *>(u"previewSend"_s);
        QTRY_VERIFY(send->isEnabled());
        const QString readable = dialog->messageText();
        QVERIFY2(readable.contains(u"warning · firing\nCPU usage on 127.0.0.1:9100"_s), qPrintable(readable));
        saveForReview(dialog, u"forward-preview.png"_s);
        const QString shown = body->toPlainText();
        QTest::mouseClick(send, Qt::LeftButton); // the dialog closes and goes
        QTRY_COMPARE(m_chat->requests.size(), 1);
        // What was shown is what went.
        QCOMPARE(QJsonDocument::fromJson(m_chat->requests.first().body), QJsonDocument::fromJson(shown.toUtf8()));
    }

    void thePreviewShowsTheMessageAsTheToolDoesAndSendsItsExactBytes()
    {
        openWindow(true);
        child<QAction>(u"actionForward"_s)->trigger();
        ForwardPreviewDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_gui->window()->findChild<ForwardPreviewDialog *>()) != nullptr);
        auto *send = dialog->findChild<QPushButton *>(u"previewSend"_s);
        QTRY_VERIFY(send->isEnabled());
        // Every fact, as Mattermost shows it: no JSON paths, no label left out.
        const QString message = dialog->messageText();
        for (const QString &fact : {u"instance: 127.0.0.1:9100"_s, u"job: node"_s, u"cluster: demo-eu1"_s,
                                    u"team: infra"_s, u"Started: 2026-11-22 03:55:59 UTC"_s})
            QVERIFY2(message.contains(fact), qPrintable(message));
        QVERIFY2(!message.contains(u"attachments["_s) && !message.contains(u"**"_s), qPrintable(message));
        saveForReview(dialog, u"forward-preview-message.png"_s);
        dialog->findChild<QTabWidget *>(u"previewViews"_s)->setCurrentIndex(1);
        saveForReview(dialog, u"forward-preview-json.png"_s);

        const QByteArray shown = dialog->bodyText().toUtf8();
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_COMPARE(m_chat->requests.size(), 1);
        QCOMPARE(m_chat->requests.first().body, shown); // byte for byte
    }

    // Forward on an incident (the lead's Incidents view calls it): the preview shows the
    // one message with the members listed, and sends exactly that.
    void anIncidentIsPreviewedAndSentAsOneMessage()
    {
        openWindow(true);
        const PayloadParseResult parsed = parsePayload(TestData::fixture(u"alertmanager/firing-single.json"_s),
                                                       PayloadFormat::Auto, QDateTime::currentDateTimeUtc());
        QVERIFY(parsed.ok());
        IncidentSnapshot incident;
        incident.members << parsed.payload.alerts.constFirst();
        for (const QString &name : {u"DiskFull <b>now</b>"_s, u"NodeDown"_s}) {
            Alert member = incident.members.first();
            member.fingerprint = name;
            member.name = name;
            member.labels.insert(u"alertname"_s, name);
            incident.members << member;
        }
        incident.anchor = OccurrenceKey::of(incident.members.first());
        incident.title = u"HighCPUUsage and 2 related"_s;
        auto *controller = m_gui->window()->findChild<ForwardController *>();
        QVERIFY(controller);
        controller->forwardIncident(incident); // #ops, which asks for a preview
        ForwardPreviewDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_gui->window()->findChild<ForwardPreviewDialog *>()) != nullptr);
        auto *send = dialog->findChild<QPushButton *>(u"previewSend"_s);
        QTRY_VERIFY(send->isEnabled());
        QVERIFY(dialog->windowTitle().contains(u"HighCPUUsage and 2 related"_s));
        const QString message = dialog->messageText().remove(QChar(0x200B)); // inert tags read the same
        for (const QString &shown :
             {u"and 2 related"_s, u"Related alerts (2)"_s, u"DiskFull <b>now</b>"_s, u"NodeDown on 127.0.0.1:9100"_s})
            QVERIFY2(message.contains(shown), qPrintable(message));
        const QString summary = dialog->findChild<QLabel *>(u"previewSummary"_s)->text();
        QVERIFY2(summary.contains(u"DiskFull &lt;b&gt;now&lt;/b&gt;, NodeDown"_s), qPrintable(summary));
        saveForReview(dialog, u"forward-incident-preview.png"_s);

        const QByteArray shown = dialog->bodyText().toUtf8();
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_COMPARE(m_chat->requests.size(), 1);
        QCOMPARE(m_chat->requests.first().body, shown); // byte for byte, members included
        QTRY_COMPARE(child<QLabel>(u"forwardStatus"_s)->text(), u"Forwarded HighCPUUsage and 2 related to #ops"_s);
    }
};

QTEST_MAIN(TestForwarding)
#include "tst_forwarding.moc"
