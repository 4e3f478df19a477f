// "Search older history" in the filter bar (issue 23): the table holds the working set;
// older stored alerts that match the filter are pulled in without blocking the window,
// and leave again with the search.
#include "AlertBuilder.h"
#include "FakeClock.h"
#include "FilterBar.h"
#include "ResultAssert.h"
#include "model/AlertFilterProxyModel.h"
#include "model/AlertTableModel.h"
#include "store/HistorySearch.h"
#include "store/StoreService.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);

Alert alertAt(const QString &fingerprint, AlertState state, const QDateTime &lastUpdate)
{
    return AlertBuilder(fingerprint)
        .state(state)
        .named(u"PodCrashLooping"_s)
        .label(u"pod"_s, fingerprint)
        .startsAt(lastUpdate.addSecs(-600))
        .endsAt(state == AlertState::Resolved ? lastUpdate : QDateTime())
        .lastUpdate(lastUpdate);
}

} // namespace

class TestHistorySearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(u"alerts.sqlite"_s); }

private slots:
    void olderAlertsJoinTheTableForTheSearchOnly()
    {
        {
            AlertStore store;
            QVERIFY_OK(store.open(path()));
            IncomingPayload payload;
            payload.receivedAt = t0;
            payload.path = u"/webhook/alertmanager"_s;
            payload.headers = "{}";
            payload.body = "{}";
            payload.alerts = {alertAt(u"api-old"_s, AlertState::Resolved, t0.addDays(-3)),
                              alertAt(u"api-live"_s, AlertState::Firing, t0.addSecs(-60))};
            QVERIFY_OK(store.write({payload}));
        }
        StoreService store;
        store.setClock(FakeClock::stoppedAt(t0));
        QVERIFY_OK(store.open(path()));
        AlertTableModel model;
        model.upsert(store.storedAlerts()); // the working set, as the restore hands it out
        QCOMPARE(model.rowCount(), 1);
        AlertFilterProxyModel proxy;
        proxy.setAlertModel(&model);
        FilterBar bar(&proxy);
        HistorySearch history(&store, &model);
        bar.setHistorySearch(&history);
        bar.resize(1100, bar.sizeHint().height());
        bar.show();
        QToolButton *button = bar.historyButton();
        QVERIFY(!button->isVisible()); // nothing typed: nothing to look for

        bar.lineEdit()->setText(u"api"_s);
        bar.applyNow();
        QVERIFY(button->isVisible());
        QCOMPARE(proxy.rowCount(), 1);
        button->click();
        // The search runs on the store thread: the window goes on meanwhile.
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(!button->isEnabled());
        const AlertKey old{u"alertmanager"_s, u"api-old"_s};
        QTRY_VERIFY(model.rowOf(old) >= 0);
        QCOMPARE(proxy.rowCount(), 2);
        auto *status = bar.findChild<QLabel *>(u"filterStatus"_s);
        QTRY_VERIFY2(status->text().contains(u"1 older alert"_s), qPrintable(status->text()));
        QVERIFY(status->isVisible());
        QVERIFY(!button->isEnabled()); // searched already for this text
        bar.grab().save(u"/tmp/historysearch-filterbar.png"_s);

        // Another search: the older alert leaves the table, the live one stays.
        bar.lineEdit()->setText(u"pod"_s);
        bar.applyNow();
        QCOMPARE(model.rowOf(old), -1);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(button->isEnabled());
        QVERIFY(!status->text().contains(u"older"_s));
        bar.lineEdit()->clear();
        QVERIFY(!button->isVisible());
    }
};

QTEST_MAIN(TestHistorySearch)
#include "tst_historysearch.moc"
