// The Silences view against a stand-in Alertmanager serving silences captured from a
// real one: listed by state, searched, edited (re-POST with the id), expired after a
// confirmation (DELETE), one row per silence across an HA pair.

#include "FakeHttpServer.h"
#include "ReviewShot.h"
#include "SilenceDialog.h"
#include "SilencesDialog.h"
#include "TestData.h"
#include "UiResources.h"
#include "alertmanager/AlertmanagerSync.h"
#include "alertmanager/SilenceListModel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString activeId = u"aaea82fb-bbeb-415f-8e27-0c84072ad362"_s;
const QString pendingId = u"cc43a038-ead3-4476-ac96-64a813f3f5d0"_s;

// Serves the captured list (states as Alertmanager reported them) and takes POSTs.
void serveSilences(FakeHttpServer &server)
{
    QByteArray silences = TestData::file(u"alertmanager-api/silences.json"_s);
    server.handle("/api/v2/silences", [silences](const HttpRequest &request) -> FakeHttpServer::Response {
        if (request.method == "POST")
            return {200, "{\"silenceID\":\"" + pendingId.toUtf8() + "\"}"};
        return {200, silences};
    });
}

int getsOf(const FakeHttpServer &server)
{
    return int(std::count_if(server.requests.cbegin(), server.requests.cend(),
                             [](const HttpRequest &r) { return r.method == "GET"; }));
}
// Checks the model and the view's filter over it on every change for as long as the
// dialog lives; a broken model contract aborts the test.
void testModelsOf(SilencesDialog &dialog)
{
    new QAbstractItemModelTester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::Fatal, &dialog);
    new QAbstractItemModelTester(dialog.view()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal,
                                 &dialog);
}

// One stand-in Alertmanager serving the captured silences, and the view on it.
struct ListedSilences {
    FakeHttpServer alertmanager;
    AlertmanagerSync sync{nullptr, {}};
    std::unique_ptr<SilencesDialog> dialog;

    // Opens the view and waits for its first read; false if that did not happen.
    bool open()
    {
        if (!alertmanager.listen())
            return false;
        serveSilences(alertmanager);
        sync.setEndpoints({{alertmanager.url()}});
        dialog = std::make_unique<SilencesDialog>(&sync, std::function<QList<Alert>()>{});
        testModelsOf(*dialog);
        QSignalSpy refreshed(dialog->model(), &SilenceListModel::refreshed);
        return refreshed.wait() && refreshed.first().first().toString().isEmpty();
    }
};
} // namespace

class TestSilencesDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { UiResources::initialize(); }

    void listsByStateAndSearches()
    {
        ListedSilences listed;
        QVERIFY(listed.open());
        SilencesDialog &dialog = *listed.dialog;
        QCOMPARE(dialog.model()->rowCount(), 3);
        QTableView *view = dialog.view();
        // Active and pending by default, active first.
        QCOMPARE(view->model()->rowCount(), 2);
        QCOMPARE(view->model()->index(0, SilenceListModel::StateColumn).data().toString(), u"active"_s);
        QCOMPARE(view->model()->index(0, SilenceListModel::MatchersColumn).data().toString(),
                 u"alertname=\"DiskFull\", instance=~\"db-.*\""_s);
        QCOMPARE(view->model()->index(1, SilenceListModel::MatchersColumn).data().toString(),
                 u"job=\"batch\", severity!=\"critical\""_s);
        QVERIFY(dialog.findChild<QLabel *>(u"silencesStatus"_s)
                    ->text()
                    .startsWith(u"2 silence(s) listed, 1 more hidden by the filters, read at"_s));

        dialog.model()->setSilencedCounts({{activeId, 2}});
        QCOMPARE(view->model()->index(0, SilenceListModel::AlertsColumn).data().toString(), u"2 alert(s)"_s);

        dialog.findChild<QCheckBox *>(u"silencesExpired"_s)->setChecked(true);
        QCOMPARE(view->model()->rowCount(), 3);
        QCOMPARE(view->model()->index(2, SilenceListModel::StateColumn).data().toString(), u"expired"_s);
        QVERIFY(view->model()->index(2, SilenceListModel::EndsColumn).data().toString().startsWith(u"ended "_s));
        dialog.show();
        saveForReview(&dialog, u"silences-dialog.png"_s);
        // Expired: Recreate instead of Edit, no Expire.
        view->setCurrentIndex(view->model()->index(2, 0));
        QCOMPARE(dialog.findChild<QPushButton *>(u"silencesEdit"_s)->text(), u"&Recreate…"_s);
        QVERIFY(!dialog.findChild<QPushButton *>(u"silencesExpire"_s)->isEnabled());

        dialog.findChild<QLineEdit *>(u"silencesSearch"_s)->setText(u"MAINTENANCE"_s);
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, SilenceListModel::CreatedByColumn).data().toString(), u"oncall-ben"_s);
    }

    void editRepostsWithTheId()
    {
        ListedSilences listed;
        QVERIFY(listed.open());
        SilencesDialog &dialog = *listed.dialog;
        FakeHttpServer &alertmanager = listed.alertmanager;
        QSignalSpy refreshed(dialog.model(), &SilenceListModel::refreshed);
        QSignalSpy changed(&dialog, &SilencesDialog::silencesChanged);
        QTableView *view = dialog.view();
        view->setCurrentIndex(view->model()->index(1, 0)); // the pending one
        dialog.editCurrent();
        auto *edit = dialog.findChild<SilenceDialog *>();
        QVERIFY(edit);
        QCOMPARE(edit->matchers().size(), 2);
        edit->findChild<QLineEdit *>(u"silenceComment"_s)->setText(u"maintenance window, extended"_s);
        edit->create();
        QTRY_COMPARE(changed.size(), 1);
        const HttpRequest post = *std::find_if(alertmanager.requests.cbegin(), alertmanager.requests.cend(),
                                               [](const HttpRequest &r) { return r.method == "POST"; });
        const QJsonObject sent = QJsonDocument::fromJson(post.body).object();
        QCOMPARE(sent.value(u"id"_s).toString(), pendingId);
        QCOMPARE(sent.value(u"comment"_s).toString(), u"maintenance window, extended"_s);
        // Read again, the edited one still selected.
        QTRY_COMPARE(getsOf(alertmanager), 2);
        QTRY_COMPARE(refreshed.size(), 1);
        QCOMPARE(view->currentIndex().row(), 1);
        QVERIFY(dialog.findChild<QLabel *>(u"silencesStatus"_s)->text().contains(u"2 silence(s) listed"_s));
    }

    void expireAsksFirstAndSaysWhatFailed()
    {
        ListedSilences listed;
        QVERIFY(listed.open());
        SilencesDialog &dialog = *listed.dialog;
        FakeHttpServer &alertmanager = listed.alertmanager;
        const QByteArray deletePath = "/api/v2/silence/" + activeId.toUtf8();
        alertmanager.queue(deletePath, {500, "failed to expire silence: cluster unreachable\n", "text/plain"});
        alertmanager.route(deletePath, {200, ""});
        QSignalSpy changed(&dialog, &SilencesDialog::silencesChanged);
        dialog.view()->setCurrentIndex(dialog.view()->model()->index(0, 0));
        auto deletes = [&alertmanager] {
            return std::count_if(alertmanager.requests.cbegin(), alertmanager.requests.cend(),
                                 [](const HttpRequest &r) { return r.method == "DELETE"; });
        };

        // Cancel: nothing sent.
        dialog.expireCurrent();
        auto *question = dialog.findChild<QMessageBox *>(u"expireQuestion"_s);
        QVERIFY(question);
        QVERIFY(question->text().contains(u"alertname=\"DiskFull\""_s));
        question->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!dialog.findChild<QMessageBox *>(u"expireQuestion"_s));
        QCOMPARE(deletes(), 0);

        // Confirmed, but Alertmanager fails: its words, in red; nothing changed.
        dialog.expireCurrent();
        dialog.findChild<QMessageBox *>(u"expireQuestion"_s)->findChild<QPushButton *>(u"expireConfirm"_s)->click();
        auto *status = dialog.findChild<QLabel *>(u"silencesStatus"_s);
        QTRY_VERIFY2(status->text().contains(u"cluster unreachable"_s), qPrintable(status->text()));
        QVERIFY(status->text().contains(u"500"_s));
        QCOMPARE(changed.size(), 0);

        // Again: expired.
        QTRY_VERIFY(!dialog.findChild<QMessageBox *>(u"expireQuestion"_s));
        dialog.expireCurrent();
        dialog.findChild<QMessageBox *>(u"expireQuestion"_s)->findChild<QPushButton *>(u"expireConfirm"_s)->click();
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(deletes(), 2);
        QVERIFY(status->text().contains(u"expired"_s));
    }

    void theCountIsThatOfTheListedSilencesAfterAnExpire()
    {
        // A stand-in that expires what it is asked to, as Alertmanager does.
        FakeHttpServer alertmanager;
        QVERIFY(alertmanager.listen());
        auto expired = std::make_shared<QSet<QString>>();
        const QJsonArray captured
            = QJsonDocument::fromJson(TestData::file(u"alertmanager-api/silences.json"_s)).array();
        alertmanager.handle("/api/v2/silences", [captured, expired](const HttpRequest &) -> FakeHttpServer::Response {
            QJsonArray now;
            for (const QJsonValue &value : captured) {
                QJsonObject silence = value.toObject();
                if (expired->contains(silence.value(u"id"_s).toString()))
                    silence.insert(u"status"_s, QJsonObject{{u"state"_s, u"expired"_s}});
                now.append(silence);
            }
            return {200, QJsonDocument(now).toJson(QJsonDocument::Compact)};
        });
        alertmanager.handle("/api/v2/silence/" + activeId.toUtf8(), [expired](const HttpRequest &) {
            expired->insert(activeId);
            return FakeHttpServer::Response{200, ""};
        });
        AlertmanagerSync sync{nullptr, {}};
        sync.setEndpoints({{alertmanager.url()}});
        SilencesDialog dialog(&sync, {});
        testModelsOf(dialog);
        QSignalSpy refreshed(dialog.model(), &SilenceListModel::refreshed);
        QVERIFY(refreshed.wait());
        auto *status = dialog.findChild<QLabel *>(u"silencesStatus"_s);
        QTableView *view = dialog.view();
        QCOMPARE(view->model()->rowCount(), 2);
        QVERIFY2(status->text().startsWith(u"2 silence(s) listed, 1 more hidden by the filters"_s),
                 qPrintable(status->text()));

        view->setCurrentIndex(view->model()->index(0, 0)); // the active one
        dialog.expireCurrent();
        dialog.findChild<QMessageBox *>(u"expireQuestion"_s)->findChild<QPushButton *>(u"expireConfirm"_s)->click();
        QTRY_COMPARE(refreshed.size(), 2);
        QCOMPARE(view->model()->rowCount(), 1);
        QVERIFY2(status->text().contains(u"expired"_s), qPrintable(status->text()));
        QVERIFY2(status->text().contains(u"1 silence(s) listed, 2 more hidden by the filters"_s),
                 qPrintable(status->text()));
        // Showing the expired ones: the count follows the list.
        dialog.findChild<QCheckBox *>(u"silencesExpired"_s)->setChecked(true);
        QCOMPARE(view->model()->rowCount(), 3);
        QVERIFY2(status->text().contains(u"3 silence(s) listed, read at"_s), qPrintable(status->text()));
    }

    void longMatchersAreNeverCutOff()
    {
        ListedSilences listed;
        QVERIFY(listed.open());
        SilencesDialog &dialog = *listed.dialog;
        QTableView *view = dialog.view();
        // Every cell's tooltip names each matcher in full, and the comment.
        const QString tip = view->model()->index(0, SilenceListModel::StateColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"alertname=\"DiskFull\""_s) && tip.contains(u"instance=~\"db-.*\""_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"disks being replaced"_s), qPrintable(tip));
        // A narrow matchers column wraps: the row grows to show the rest.
        QVERIFY(view->wordWrap());
        QCOMPARE(view->horizontalHeader()->sectionResizeMode(SilenceListModel::MatchersColumn),
                 QHeaderView::Interactive);
        dialog.show();
        const int oneLine = view->rowHeight(0);
        view->setColumnWidth(SilenceListModel::MatchersColumn, 120);
        QTRY_VERIFY(view->rowHeight(0) > oneLine);
        saveForReview(&dialog, u"silences-dialog-narrow.png"_s);
    }

    void anHaPairGivesOneRowPerSilence()
    {
        FakeHttpServer first;
        FakeHttpServer second;
        FakeHttpServer down;
        QVERIFY(first.listen() && second.listen() && down.listen());
        serveSilences(first);
        serveSilences(second);
        down.route("/api/v2/silences", {503, "not ready", "text/plain"});
        AlertmanagerSync sync(nullptr, {});
        sync.setEndpoints({{first.url()}, {second.url()}, {down.url()}});
        SilencesDialog dialog(&sync, {});
        testModelsOf(dialog);
        QSignalSpy refreshed(dialog.model(), &SilenceListModel::refreshed);
        QVERIFY(refreshed.wait());
        QCOMPARE(dialog.model()->rowCount(), 3);
        const QString tip = dialog.model()->index(0, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(first.url().toString()) && tip.contains(second.url().toString()), qPrintable(tip));
        // The one that failed is named; the others' silences are still listed.
        const QString error = refreshed.first().first().toString();
        QVERIFY2(error.contains(down.url().toString()) && error.contains(u"503"_s), qPrintable(error));
        QVERIFY(dialog.findChild<QLabel *>(u"silencesStatus"_s)->text().contains(u"Could not read"_s));
    }

    void noAlertmanagerSaysWhereToAddOne()
    {
        AlertmanagerSync sync(nullptr, {});
        SilencesDialog dialog(&sync, {});
        QVERIFY(dialog.findChild<QLabel *>(u"silencesStatus"_s)->text().contains(u"Settings"_s));
        QCOMPARE(dialog.model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestSilencesDialog)
#include "tst_silencesdialog.moc"
