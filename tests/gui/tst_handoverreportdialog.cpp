#include "FakeHttpServer.h"
#include "HandoverFixture.h"
#include "ResultAssert.h"
#include "ReviewShot.h"
#include "secrets/MemorySecretStore.h"
#include "shift/HandoverReportDialog.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::StringLiterals;

class HandoverReportDialogTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static void chooseCustomWindow(HandoverReportDialog &dialog)
    {
        auto *span = dialog.findChild<QComboBox *>();
        span->setCurrentIndex(span->count() - 1); // Custom
        const auto edits = dialog.findChildren<QDateTimeEdit *>();
        edits.at(0)->setDateTime(QDateTime::fromString(u"2026-11-10T00:00:00Z"_s, Qt::ISODate));
        edits.at(1)->setDateTime(QDateTime::fromString(u"2026-11-20T00:00:00Z"_s, Qt::ISODate));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A hostile label value joins the fixture: it must show as text.
        const QByteArray hostile
            = R"json({"status":"firing","alerts":[{"status":"firing","labels":{"alertname":"<img src=x> **Evil** [x](javascript:alert(1))","severity":"critical","instance":"<b>db</b>"},"annotations":{},"startsAt":"2026-11-15T10:00:00Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"e0e0e0e0e0e0e0e0"}],"version":"4"})json";
        const QString failed = HandoverFixture::write(m_dir.filePath(u"alerts.sqlite"_s), {hostile});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void buildsOffTheUiThreadAndShowsTheReport()
    {
        HandoverReportDialog dialog({m_dir.path(), nullptr, {}, {}});
        chooseCustomWindow(dialog);
        QSignalSpy ready(&dialog, &HandoverReportDialog::reportReady);
        dialog.build();
        QVERIFY(dialog.isBuilding());
        QVERIFY(ready.wait(20'000));
        QVERIFY(!dialog.isBuilding());
        QVERIFY(dialog.report()->firedTotal > 50);
        const QString shown = dialog.findChild<QTextBrowser *>()->toPlainText();
        QVERIFY(shown.contains(u"Noisiest rules"_s));
        QVERIFY(shown.contains(u"**Evil**"_s)); // as typed, not bold
        QVERIFY(!dialog.findChild<QTextBrowser *>()->toHtml().contains(u"<img"_s));
        QVERIFY(shown.contains(u"[x](javascript:alert(1))"_s)); // shown as text
        QVERIFY(!dialog.findChild<QTextBrowser *>()->toHtml().contains(u"href=\"javascript"_s));
        // The hostile alert still fires at the window's end: an open incident of its own.
        QCOMPARE(dialog.report()->openIncidentsTotal, 1);
        QVERIFY(shown.contains(u"Open incidents (1)"_s));
        QVERIFY(shown.contains(u"(critical) on instance="_s));
        QVERIFY(!dialog.findChild<QTextBrowser *>()->toHtml().contains(u"<b>db"_s)); // the scope as text
        QVERIFY(dialog.markdown().contains(u"## Open incidents (1)"_s)); // the Markdown and PDF exports
        dialog.show();
        saveForReview(&dialog, u"handover-report.png"_s);
    }

    void cancelStopsTheBuild()
    {
        HandoverReportDialog dialog({m_dir.path(), nullptr, {}, {}});
        chooseCustomWindow(dialog);
        dialog.build();
        dialog.cancel();
        QVERIFY(!dialog.isBuilding());
        QCOMPARE(dialog.statusText(), u"Cancelled."_s);
        QVERIFY(!dialog.report());
    }

    void exportsMarkdownAndPdf()
    {
        HandoverReportDialog dialog({m_dir.path(), nullptr, {}, {}});
        chooseCustomWindow(dialog);
        QSignalSpy ready(&dialog, &HandoverReportDialog::reportReady);
        dialog.build();
        QVERIFY(ready.wait(20'000));
        QTemporaryDir out;
        QVERIFY_OK(dialog.exportMarkdownTo(out.filePath(u"report.md"_s)));
        QFile markdown(out.filePath(u"report.md"_s));
        QVERIFY(markdown.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(markdown.readAll()), dialog.markdown());
        QVERIFY_OK(dialog.exportPdfTo(out.filePath(u"report.pdf"_s)));
        QFile pdf(out.filePath(u"report.pdf"_s));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QVERIFY(pdf.size() > 2000);
        const Result<> refused = dialog.exportMarkdownTo(out.filePath(u"no/such/dir/report.md"_s));
        QVERIFY(!refused);
        QVERIFY(dialog.statusText().contains(u"Cannot write"_s));
    }

    void aDestinationThatRefusesShowsItsError()
    {
        FakeHttpServer chat;
        QVERIFY(chat.listen());
        chat.route("/hook", {500, R"({"message":"internal trouble"})"});
        MemorySecretStore secrets;
        ChatDestination destination;
        destination.id = u"d1"_s;
        destination.name = u"#ops"_s;
        destination.type = ChatDestination::Type::Mattermost;
        secrets.set(destination.targetSecret(), chat.url().toString() + u"/hook"_s);
        HandoverReportDialog dialog({m_dir.path(), &secrets, {destination}, {}});
        chooseCustomWindow(dialog);
        QSignalSpy ready(&dialog, &HandoverReportDialog::reportReady);
        dialog.build();
        QVERIFY(ready.wait(20'000));
        QSignalSpy finished(&dialog, &HandoverReportDialog::forwardFinished);
        dialog.forwardTo(u"d1"_s);
        QVERIFY(finished.wait(20'000));
        const auto result = finished.constFirst().constFirst().value<ChatResult>();
        QVERIFY(!result.ok);
        QVERIFY2(dialog.statusText().contains(u"HTTP 500"_s), qPrintable(dialog.statusText()));
        QVERIFY(dialog.statusText().contains(u"internal trouble"_s));
    }
};

QTEST_MAIN(HandoverReportDialogTest)
#include "tst_handoverreportdialog.moc"
