#include "FakeHttpServer.h"
#include "FilterBar.h"
#include "MainWindowFixture.h"
#include "ReplayDialog.h"
#include "ReviewShot.h"
#include "TestData.h"
#include "model/AlertTableModel.h"
#include "replay/ReplaySession.h"

#include <QAction>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

class TestReplayDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindowFixture> m_gui;
    std::unique_ptr<ReplaySession> m_session;

    template<typename T> T *child(const QString &name) const { return m_gui->child<T>(name); }

    // Three payloads ten seconds apart, and a bad line.
    QString drillFile()
    {
        QFile file(m_dir->filePath(u"drill.ndjson"_s));
        [&] { QVERIFY(file.open(QIODevice::WriteOnly)); }();
        int second = 0;
        for (const QString &fixture :
             {u"alertmanager/firing-single.json"_s, u"grafana/firing.json"_s, u"alertmanager/resolved-single.json"_s}) {
            const QString body
                = QString::fromUtf8(QJsonDocument::fromJson(TestData::fixture(fixture)).toJson(QJsonDocument::Compact));
            file.write(
                QJsonDocument(QJsonObject{{u"receivedAt"_s, u"2026-11-22T10:00:%1Z"_s.arg(second, 2, 10, QChar(u'0'))},
                                          {u"path"_s, u"/webhook"_s},
                                          {u"body"_s, body}})
                    .toJson(QJsonDocument::Compact)
                + "\n");
            second += 10;
        }
        file.write("{not json\n");
        return file.fileName();
    }

private slots:
    void initTestCase() { MainWindowFixture::initApplication(u"tst_replaydialog"_s); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_gui = std::make_unique<MainWindowFixture>();
        m_session = std::make_unique<ReplaySession>(m_dir->filePath(u"replay.sqlite"_s));
        connect(m_session.get(), &ReplaySession::alertsChanged, m_gui->alerts(), &AlertTableModel::applyChanges);
        connect(m_session.get(), &ReplaySession::alertsCleared, m_gui->alerts(), &AlertTableModel::removeReplayed);
        QVERIFY(m_gui->show({.replay = m_session.get()}));
    }

    void cleanup()
    {
        if (m_gui)
            m_gui->destroyWindow();
        m_session.reset();
        m_gui.reset();
    }

    void replaysIntoTheConsoleWithControls()
    {
        QAction *replay = child<QAction>(u"actionReplay"_s);
        QVERIFY(replay->isEnabled());
        replay->trigger();
        auto *dialog = m_gui->window()->findChild<ReplayDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        dialog->setInputs({drillFile()});
        dialog->setSpeedIndex(0); // ×1: ten seconds apart, so it can be paused in between
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"replayStart"_s), Qt::LeftButton);
        QTRY_VERIFY(dialog->player() && dialog->player()->sent() == 1);
        QVERIFY2(dialog->problemsText().contains(u"drill.ndjson:4: not JSON"_s), qPrintable(dialog->problemsText()));
        QTRY_COMPARE(m_gui->alerts()->rowCount(), 1);
        QVERIFY(m_gui->alerts()->alertAt(0).replay);
        const QModelIndex source = child<QTableView>(u"alertTable"_s)->model()->index(0, AlertTableModel::Source);
        QCOMPARE(source.data().toString(), u"alertmanager (replay)"_s);
        QVERIFY(!source.data(Qt::DecorationRole).value<QIcon>().isNull()); // marked with the replay icon

        // Pause, step one, then the rest as fast as possible.
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"replayPause"_s), Qt::LeftButton);
        QCOMPARE(dialog->player()->state(), ReplayPlayer::State::Paused);
        QVERIFY(dialog->statusText().contains(u"paused"_s));
        QVERIFY(dialog->statusText().contains(u"Replay time 2026-11-22 10:00:00 UTC"_s));
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"replayStep"_s), Qt::LeftButton);
        QTRY_COMPARE(dialog->player()->sent(), 2);
        QCOMPARE(dialog->player()->state(), ReplayPlayer::State::Paused);
        dialog->setSpeedIndex(4);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"replayPause"_s), Qt::LeftButton); // Resume
        QTRY_COMPARE(dialog->player()->state(), ReplayPlayer::State::Finished);
        QCOMPARE(dialog->player()->sent(), 3);
        QTRY_VERIFY(dialog->statusText().contains(u"finished"_s));
        QTRY_COMPARE(m_gui->alerts()->rowCount(), 3);

        // Replayed alerts can be hidden, and cleared in one action.
        QToolButton *toggle = m_gui->window()->findChild<FilterBar *>()->replayedToggle();
        QVERIFY(toggle->isVisible());
        auto *table = child<QTableView>(u"alertTable"_s);
        QCOMPARE(table->model()->rowCount(), 3);
        toggle->click();
        QCOMPARE(table->model()->rowCount(), 0);
        toggle->click();
        saveForReview(m_gui->window(), u"replay-window.png"_s);
        saveForReview(dialog, u"replay-dialog.png"_s);
        QAction *clear = child<QAction>(u"actionClearReplay"_s);
        QVERIFY(clear->isEnabled());
        clear->trigger();
        QCOMPARE(m_gui->alerts()->rowCount(), 0);
        QVERIFY(!toggle->isVisible());
        QVERIFY(!QFile::exists(m_dir->filePath(u"replay.sqlite"_s)));
    }
};

QTEST_MAIN(TestReplayDialog)
#include "tst_replaydialog.moc"
