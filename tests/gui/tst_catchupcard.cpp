// "While you were away" in the window: after the screen lock, after AlertDeck was not
// running, and kept across a restart until dismissed.
#include "AlertBuilder.h"
#include "MainWindowFixture.h"
#include "model/AlertTableModel.h"
#include "settings/AppSettings.h"
#include "shift/CatchUp.h"
#include "shift/CatchUpCard.h"
#include "shift/ScreenLockWatcher.h"

#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

const QDateTime now = QDateTime::currentDateTimeUtc();

QList<Alert> nightAlerts()
{
    Alert cleared
        = AlertBuilder(u"c1"_s).named(u"NodeDown"_s).severity(Severity::Critical).startsAt(now.addSecs(-3000));
    cleared.state = AlertState::Resolved;
    cleared.endsAt = now.addSecs(-2400);
    return {AlertBuilder(u"w1"_s).named(u"HighLoad & more"_s).severity(Severity::Warning).startsAt(now.addSecs(-1800)),
            cleared, AlertBuilder(u"old"_s).named(u"Old"_s).severity(Severity::Critical).startsAt(now.addDays(-2))};
}

} // namespace

class CatchUpCardTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindowFixture> m_gui;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<AppSettings> m_settings;

    MainWindow *open()
    {
        MainWindow *window
            = m_gui->show({.dataDirectory = m_dataDir->path(), .settings = m_settings.get(), .catchUp = true});
        if (window)
            m_gui->alerts()->upsert(nightAlerts());
        return window;
    }
    CatchUpCard *card() const { return m_gui->child<CatchUpCard>(u"catchUpCard"_s); }
    QStringList lines() const
    {
        QStringList texts;
        for (const QToolButton *button : card()->findChildren<QToolButton *>())
            texts << button->text();
        return texts;
    }

private slots:
    void initTestCase() { MainWindowFixture::initApplication(u"tst_catchupcard"_s); }
    void init()
    {
        QSettings().clear();
        m_gui = std::make_unique<MainWindowFixture>();
        m_dataDir = std::make_unique<QTemporaryDir>();
        m_settings = std::make_unique<AppSettings>();
    }
    void cleanup()
    {
        m_gui->closeWindow();
        m_gui.reset();
        m_settings.reset();
        m_dataDir.reset();
    }

    void comingBackToTheScreenShowsWhatHappenedAndSelectsIt()
    {
        MainWindow *window = open();
        QVERIFY(window);
        QVERIFY(!card()->isVisible()); // first start: nothing to catch up on
        auto *watcher = window->findChild<ScreenLockWatcher *>();
        QVERIFY(watcher);
        emit watcher->back(now.addSecs(-3600), now);
        QTRY_VERIFY(card()->isVisible());
        const QStringList shown = lines();
        QCOMPARE(shown.size(), 2); // the old alert is no news
        QVERIFY2(shown.at(0).startsWith(u"NodeDown"_s) && shown.at(0).contains(u"fired and cleared"_s),
                 qPrintable(shown.join(u'\n')));
        QVERIFY(shown.at(1).startsWith(u"HighLoad && more"_s)); // "&" stays a character
        QVERIFY(card()->findChild<QLabel *>()->text().startsWith(u"While you were away"_s));
        if (const QString directory = qEnvironmentVariable("ALERTDECK_SCREENSHOT_DIR"); !directory.isEmpty()) {
            window->resize(1300, 800);
            QVERIFY(window->grab().save(directory + u"/catchup-card.png"_s));
        }

        // A line selects its alert.
        card()->findChildren<QToolButton *>().at(1)->click();
        QTRY_VERIFY(m_gui->child<QTextBrowser>(u"alertOverview"_s)->toPlainText().contains(u"HighLoad"_s));

        // A short absence is no news.
        card()->dismiss();
        emit watcher->back(now.addSecs(-30), now);
        QVERIFY(!card()->isVisible());
    }

    void clearedCriticalsStayAcrossARestartUntilDismissed()
    {
        MainWindow *window = open();
        QVERIFY(window);
        emit window->findChild<ScreenLockWatcher *>()->back(now.addSecs(-3600), now);
        QTRY_VERIFY(card()->isVisible());
        m_gui->closeWindow();

        QVERIFY(open());
        QTRY_VERIFY(card()->isVisible());
        QVERIFY(lines().join(u'\n').contains(u"NodeDown"_s));
        m_gui->child<QPushButton>(u"catchUpDismiss"_s)->click();
        QVERIFY(!card()->isVisible());
        m_gui->closeWindow();

        QVERIFY(open());
        QVERIFY(!card()->isVisible());
    }

    void aStartAfterDowntimeSaysWhatHappenedMeanwhile()
    {
        // AlertDeck last ran an hour ago.
        LastSeenFile(m_dataDir->path()).write(now.addSecs(-3600));
        m_gui->alerts()->upsert(nightAlerts());
        MainWindow *window
            = m_gui->show({.dataDirectory = m_dataDir->path(), .settings = m_settings.get(), .catchUp = true});
        QVERIFY(window);
        QTRY_VERIFY(card()->isVisible());
        QVERIFY(card()->findChild<QLabel *>()->text().startsWith(u"While AlertDeck was not running"_s));
        QCOMPARE(lines().size(), 2);
        // This start is written down for the next one.
        QVERIFY(LastSeenFile(m_dataDir->path()).read().secsTo(QDateTime::currentDateTimeUtc()) < 60);
    }
};

QTEST_MAIN(CatchUpCardTest)
#include "tst_catchupcard.moc"
