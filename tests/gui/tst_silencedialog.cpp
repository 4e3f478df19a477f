#include "AlertBuilder.h"
#include "FakeHttpServer.h"
#include "ReviewShot.h"
#include "SilenceDialog.h"
#include "UiResources.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
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
    return AlertBuilder(name + instance).named(name).label(u"instance"_s, instance);
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
        qobject_cast<QPushButton *>(table->cellWidget(0, 4))->click();
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
        QSignalSpy created(&dialog, &SilenceDialog::silenceSaved);
        dialog.create();
        QTRY_COMPARE(created.size(), 1);
        QCOMPARE(created.first().first().value<Silence>().id, u"5f3a"_s);
        QVERIFY(!dialog.untilResolved());
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
        QVERIFY(!sent.contains(u"id"_s));
    }

    void untilResolvedIsAnHourKeptByTheCaller()
    {
        FakeHttpServer alertmanager;
        QVERIFY(alertmanager.listen());
        alertmanager.route("/api/v2/silences", {200, "{\"silenceID\":\"77aa\"}"});
        const Alert disk = firing(u"DiskFull"_s, u"db-1"_s);
        SilenceDialog dialog(disk, {disk}, {alertmanager.url()}, u"oncall-anna"_s);
        auto *duration = dialog.findChild<QComboBox *>(u"silenceDuration"_s);
        const int choice = duration->findText(u"Until resolved"_s);
        QVERIFY(choice >= 0);
        duration->setCurrentIndex(choice);
        QVERIFY(dialog.untilResolved());
        QCOMPARE(dialog.alertFingerprint(), disk.fingerprint);
        dialog.findChild<QLineEdit *>(u"silenceComment"_s)->setText(u"failover drill"_s);
        QSignalSpy saved(&dialog, &SilenceDialog::silenceSaved);
        dialog.create();
        QTRY_COMPARE(saved.size(), 1);
        const Silence silence = saved.first().first().value<Silence>();
        QCOMPARE(silence.id, u"77aa"_s);
        QCOMPARE(silence.startsAt.secsTo(silence.endsAt), 3600);
    }

    void aCustomEndMustBeInTheFuture()
    {
        FakeHttpServer alertmanager;
        QVERIFY(alertmanager.listen());
        alertmanager.route("/api/v2/silences", {200, "{\"silenceID\":\"c-1\"}"});
        const Alert disk = firing(u"DiskFull"_s, u"db-1"_s);
        SilenceDialog dialog(disk, {disk}, {alertmanager.url()}, u"oncall-anna"_s);
        dialog.show();
        auto *duration = dialog.findChild<QComboBox *>(u"silenceDuration"_s);
        auto *endsAt = dialog.findChild<QDateTimeEdit *>(u"silenceEndsAt"_s);
        QVERIFY(endsAt);
        QVERIFY(!endsAt->isVisible()); // only for a custom end
        const int choice = duration->findText(u"Custom end…"_s);
        QVERIFY(choice >= 0);
        duration->setCurrentIndex(choice);
        QVERIFY(endsAt->isVisible());
        dialog.findChild<QLineEdit *>(u"silenceComment"_s)->setText(u"maintenance window"_s);

        // In the past: said, nothing sent.
        endsAt->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
        QVERIFY(dialog.findChild<QLabel *>(u"silenceEndsAtHint"_s)->text().contains(u"past"_s));
        dialog.create();
        QVERIFY(alertmanager.requests.isEmpty());
        QVERIFY(dialog.findChild<QLabel *>(u"silenceResult"_s)->text().contains(u"in the past"_s));

        // Tomorrow at the minute chosen: that is the end sent.
        const QDateTime local = QDateTime::currentDateTime().addDays(1);
        const QDateTime chosen(local.date(), QTime(local.time().hour(), local.time().minute()));
        endsAt->setDateTime(chosen);
        const QString hint = dialog.findChild<QLabel *>(u"silenceEndsAtHint"_s)->text();
        QVERIFY2(hint.startsWith(u"in 23 h "_s), qPrintable(hint)); // the minute chosen, not the second
        saveForReview(&dialog, u"silence-dialog-custom-end.png"_s);
        QSignalSpy saved(&dialog, &SilenceDialog::silenceSaved);
        dialog.create();
        QTRY_COMPARE(saved.size(), 1);
        const QJsonObject sent = QJsonDocument::fromJson(alertmanager.requests.last().body).object();
        QCOMPARE(QDateTime::fromString(sent.value(u"endsAt"_s).toString(), Qt::ISODateWithMs), chosen.toUTC());
        QCOMPARE(saved.first().first().value<Silence>().endsAt, chosen.toUTC());
    }

    void editingKeepsTheIdStartAndEnd()
    {
        FakeHttpServer alertmanager;
        QVERIFY(alertmanager.listen());
        alertmanager.route("/api/v2/silences", {200, "{\"silenceID\":\"s-1\"}"});
        Silence existing;
        existing.id = u"s-1"_s;
        existing.matchers = {{u"alertname"_s, u"DiskFull"_s}, {u"instance"_s, u"db-2"_s, true, false}};
        existing.startsAt = QDateTime::currentDateTimeUtc().addSecs(-600);
        existing.endsAt = QDateTime::currentDateTimeUtc().addSecs(3 * 3600);
        existing.createdBy = u"oncall-ben"_s;
        existing.comment = u"disks"_s;
        existing.state = u"active"_s;
        const QList<Alert> shown{firing(u"DiskFull"_s, u"db-1"_s), firing(u"DiskFull"_s, u"db-2"_s)};
        SilenceDialog dialog(existing, shown, {alertmanager.url()});
        QCOMPARE(dialog.windowTitle(), u"Edit silence"_s);
        auto *table = dialog.findChild<QTableWidget *>(u"silenceMatchers"_s);
        QCOMPARE(table->rowCount(), 2);
        QVERIFY(qobject_cast<QCheckBox *>(table->cellWidget(1, 2))->isChecked()); // regex
        QVERIFY(qobject_cast<QCheckBox *>(table->cellWidget(1, 3))->isChecked()); // not
        QCOMPARE(dialog.matching().size(), 1); // db-1: instance !~ db-2
        QCOMPARE(dialog.matching().first().labels.value(u"instance"_s), u"db-1"_s);
        QCOMPARE(dialog.findChild<QLineEdit *>(u"silenceAuthor"_s)->text(), u"oncall-ben"_s);
        auto *duration = dialog.findChild<QComboBox *>(u"silenceDuration"_s);
        QVERIFY(duration->currentText().startsWith(u"Keep the end"_s));
        QCOMPARE(duration->findText(u"Until resolved"_s), -1); // only for a new silence from an alert

        // Another matcher, a new comment.
        dialog.findChild<QPushButton *>(u"silenceAddMatcher"_s)->click();
        QCOMPARE(table->rowCount(), 3);
        table->item(2, 0)->setText(u"severity"_s);
        table->item(2, 1)->setText(u"warning"_s);
        QCOMPARE(dialog.matching().size(), 0);
        dialog.findChild<QLineEdit *>(u"silenceComment"_s)->setText(u"disks, warnings only"_s);
        dialog.show();
        saveForReview(&dialog, u"silence-edit-dialog.png"_s);
        QSignalSpy saved(&dialog, &SilenceDialog::silenceSaved);
        dialog.create();
        QTRY_COMPARE(saved.size(), 1);
        const QJsonObject sent = QJsonDocument::fromJson(alertmanager.requests.last().body).object();
        QCOMPARE(sent.value(u"id"_s).toString(), u"s-1"_s);
        QCOMPARE(sent.value(u"comment"_s).toString(), u"disks, warnings only"_s);
        QCOMPARE(sent.value(u"matchers"_s).toArray().size(), 3);
        QCOMPARE(QDateTime::fromString(sent.value(u"startsAt"_s).toString(), Qt::ISODateWithMs).toSecsSinceEpoch(),
                 existing.startsAt.toSecsSinceEpoch());
        QCOMPARE(QDateTime::fromString(sent.value(u"endsAt"_s).toString(), Qt::ISODateWithMs).toSecsSinceEpoch(),
                 existing.endsAt.toSecsSinceEpoch());
        const QJsonObject negated = sent.value(u"matchers"_s).toArray().at(1).toObject();
        QVERIFY(negated.value(u"isRegex"_s).toBool());
        QVERIFY(!negated.value(u"isEqual"_s).toBool());
    }
};

QTEST_MAIN(TestSilenceDialog)
#include "tst_silencedialog.moc"
