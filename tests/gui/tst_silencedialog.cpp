#include "FakeHttpServer.h"
#include "ReviewShot.h"
#include "SilenceDialog.h"
#include "UiResources.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Alert firing(const QString &name, const QString &instance)
{
    Alert alert;
    alert.source = u"alertmanager"_s;
    alert.fingerprint = name + instance;
    alert.name = name;
    alert.labels = {{u"alertname"_s, name}, {u"instance"_s, instance}};
    return alert;
}

} // namespace

class TestSilenceDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { UiResources::initialize(); }

    void matchersFromLabelsPreviewAndCreate()
    {
        FakeHttpServer alertmanager;
        QVERIFY(alertmanager.listen());
        alertmanager.route("/api/v2/silences", {200, "{\"silenceID\":\"5f3a\"}"});
        alertmanager.queue("/api/v2/silences",
                           {400, "{\"code\":400,\"message\":\"invalid label matcher \\\"instance\\\"\"}"});
        const QList<Alert> shown{firing(u"DiskFull"_s, u"db-1"_s), firing(u"DiskFull"_s, u"db-2"_s),
                                 firing(u"HighLoad"_s, u"db-1"_s)};
        SilenceDialog dialog(shown.first(), shown, {alertmanager.url()}, u"oncall-anna"_s);
        auto *table = dialog.findChild<QTableWidget *>(u"silenceMatchers"_s);
        QCOMPARE(table->rowCount(), 2); // alertname, instance
        auto *preview = dialog.findChild<QLabel *>(u"silencePreview"_s);
        QVERIFY2(preview->text().startsWith(u"Matches 1 alert(s) firing now: DiskFull"_s), qPrintable(preview->text()));
        // A regex for the instance widens it.
        table->item(1, 1)->setText(u"db-.*"_s);
        qobject_cast<QCheckBox *>(table->cellWidget(1, 2))->setChecked(true);
        QCOMPARE(dialog.matching().size(), 2);
        dialog.show();
        saveForReview(&dialog, u"silence-dialog.png"_s);
        // Removing the alertname matcher widens it further.
        qobject_cast<QPushButton *>(table->cellWidget(0, 3))->click();
        QCOMPARE(dialog.matching().size(), 3);

        // No comment: said, nothing sent.
        dialog.create();
        QVERIFY(alertmanager.requests.isEmpty());
        QVERIFY(dialog.findChild<QLabel *>(u"silenceResult"_s)->text().contains(u"comment"_s));
        dialog.findChild<QLineEdit *>(u"silenceComment"_s)->setText(u"disks being replaced"_s);

        // Alertmanager's refusal verbatim, then success.
        dialog.create();
        QTRY_VERIFY(dialog.findChild<QLabel *>(u"silenceResult"_s)->text().contains(u"invalid label matcher"_s));
        QVERIFY(dialog.findChild<QLabel *>(u"silenceResult"_s)->text().startsWith(u"Alertmanager answered HTTP 400"_s));
        QSignalSpy created(&dialog, &SilenceDialog::silenceCreated);
        dialog.create();
        QTRY_COMPARE(created.size(), 1);
        QCOMPARE(created.first().first().toString(), u"5f3a"_s);
        const QJsonObject sent = QJsonDocument::fromJson(alertmanager.requests.last().body).object();
        QCOMPARE(sent.value(u"createdBy"_s).toString(), u"oncall-anna"_s);
        QCOMPARE(sent.value(u"comment"_s).toString(), u"disks being replaced"_s);
        const QJsonArray matchers = sent.value(u"matchers"_s).toArray();
        QCOMPARE(matchers.size(), 1);
        QCOMPARE(matchers.first().toObject().value(u"value"_s).toString(), u"db-.*"_s);
        QVERIFY(matchers.first().toObject().value(u"isRegex"_s).toBool());
        const QDateTime starts = QDateTime::fromString(sent.value(u"startsAt"_s).toString(), Qt::ISODateWithMs);
        const QDateTime ends = QDateTime::fromString(sent.value(u"endsAt"_s).toString(), Qt::ISODateWithMs);
        QCOMPARE(starts.secsTo(ends), 3600); // the first preset: one hour
    }
};

QTEST_MAIN(TestSilenceDialog)
#include "tst_silencedialog.moc"
