// Alert labels and annotations, names, silences, servers' answers and the AI's text are
// attacker-controlled. Qt renders a label's or message box's text (Qt::AutoText), every
// tooltip and Qt Charts' legend as HTML when it looks like HTML: each place that shows
// such text is given markup (an <img>, bold text, a link) and must show its characters.

#include "AlertBuilder.h"
#include "AnalysisPanel.h"
#include "DetailTabs.h"
#include "FakeHttpServer.h"
#include "LogsPane.h"
#include "MetricChart.h"
#include "NotificationBanner.h"
#include "PlainMessageBox.h"
#include "ReviewShot.h"
#include "ShownText.h"
#include "SilenceDialog.h"
#include "SilencesDialog.h"
#include "TrayController.h"
#include "UiResources.h"
#include "alertmanager/AlertmanagerSync.h"
#include "alertmanager/SilenceListModel.h"
#include "analysis/MarkdownStreamView.h"
#include "model/AlertTableModel.h"
#include "settings/AppSettings.h"
#include "store/AlertStore.h"

#include <QAbstractSeries>
#include <QChart>
#include <QChartView>
#include <QHelpEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolTip>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {

Alert hostileAlert()
{
    return AlertBuilder(u"f1"_s)
        .named(hostileMarkup)
        .label(u"instance"_s, u"db-1"_s)
        .label(u"severity"_s, u"critical"_s)
        .summary(hostileMarkup)
        .severity(Severity::Critical)
        .startsAt(QDateTime::currentDateTimeUtc().addSecs(-60));
}

QByteArray silencesWithMarkup()
{
    const QJsonObject silence{
        {u"id"_s, hostileMarkup},
        {u"status"_s, QJsonObject{{u"state"_s, u"active"_s}}},
        {u"comment"_s, hostileMarkup},
        {u"createdBy"_s, hostileMarkup},
        {u"startsAt"_s, QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODateWithMs)},
        {u"endsAt"_s, QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODateWithMs)},
        {u"matchers"_s,
         QJsonArray{QJsonObject{
             {u"name"_s, u"alertname"_s}, {u"value"_s, hostileMarkup}, {u"isRegex"_s, false}, {u"isEqual"_s, true}}}}};
    return QJsonDocument(QJsonArray{silence}).toJson();
}

} // namespace

class TestHostileText : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { UiResources::initialize(); }

    void cleanup() { QToolTip::hideText(); }

    void silencePreviewAndAlertmanagersAnswer()
    {
        FakeHttpServer alertmanager;
        QVERIFY(alertmanager.listen());
        alertmanager.route("/api/v2/silences",
                           {400, QJsonDocument(QJsonObject{{u"message"_s, hostileMarkup}}).toJson()});
        const Alert alert = hostileAlert();
        SilenceDialog dialog(alert, {alert}, {alertmanager.url()}, u"oncall"_s);
        auto *preview = dialog.findChild<QLabel *>(u"silencePreview"_s);
        QVERIFY2(shownText(preview).contains(hostileMarkup), qPrintable(shownText(preview)));

        dialog.findChild<QLineEdit *>(u"silenceComment"_s)->setText(u"why"_s);
        dialog.create();
        auto *result = dialog.findChild<QLabel *>(u"silenceResult"_s);
        QTRY_VERIFY(result->text().contains(u"HTTP 400"_s));
        QVERIFY2(shownText(result).contains(hostileMarkup), qPrintable(shownText(result)));
        dialog.show();
        saveForReview(&dialog, u"hostile-silence-dialog.png"_s);
    }

    void silencesListTooltipStatusAndExpireQuestion()
    {
        FakeHttpServer alertmanager;
        QVERIFY(alertmanager.listen());
        alertmanager.route("/api/v2/silences", {200, silencesWithMarkup()});
        AlertmanagerSync sync(nullptr, {});
        sync.setEndpoints({{alertmanager.url()}});
        SilencesDialog dialog(&sync, {});
        QSignalSpy refreshed(dialog.model(), &SilenceListModel::refreshed);
        QVERIFY(refreshed.wait());
        QCOMPARE(dialog.model()->rowCount(), 1);
        const QString tip = dialog.view()->model()->index(0, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(shownText(tip).startsWith(u"Silence "_s + hostileMarkup + u'\n'), qPrintable(shownText(tip)));

        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.view()->setCurrentIndex(dialog.view()->model()->index(0, 0));
        dialog.findChild<QPushButton *>(u"silencesExpire"_s)->click();
        auto *question = dialog.findChild<QMessageBox *>(u"expireQuestion"_s);
        QVERIFY(question);
        QVERIFY2(shownText(question->text(), question->textFormat()).contains(hostileMarkup),
                 qPrintable(question->text()));
        QVERIFY(QTest::qWaitForWindowExposed(question));
        saveForReview(question, u"hostile-expire-question.png"_s);
        question->findChild<QPushButton *>(u"expireConfirm"_s)->click();
        auto *status = dialog.findChild<QLabel *>(u"silencesStatus"_s); // "Expiring silence <id>…"
        QVERIFY2(shownText(status).contains(hostileMarkup), qPrintable(status->text()));
        saveForReview(&dialog, u"hostile-silences-dialog.png"_s);
    }

    void alertTableSummaryTooltip()
    {
        AlertTableModel model;
        Alert alert = hostileAlert();
        alert.annotations = {{u"summary"_s, hostileMarkup + u"\nsecond  line"_s}};
        model.upsert({alert});
        const QString tip = model.index(0, AlertTableModel::Summary).data(Qt::ToolTipRole).toString();
        QCOMPARE(shownText(tip), hostileMarkup + u"\nsecond  line"_s);
        alert.annotations = {{u"summary"_s, u"disk 91% full"_s}};
        model.upsert({alert});
        QCOMPARE(model.index(0, AlertTableModel::Summary).data(Qt::ToolTipRole).toString(), u"disk 91% full"_s);
    }

    void bannerMessages()
    {
        NotificationBanner banner;
        banner.showMessage(NotificationBanner::Kind::Error, u"Forwarding %1 failed"_s.arg(hostileMarkup));
        auto *label = banner.findChild<QLabel *>();
        QVERIFY2(shownText(label).contains(hostileMarkup), qPrintable(shownText(label)));
        banner.resize(900, banner.sizeHint().height());
        saveForReview(&banner, u"hostile-banner.png"_s);
    }

    void startupMessageBoxes()
    {
        // Start-up errors quote paths and configuration values.
        QMessageBox *box = PlainMessageBox::create(QMessageBox::Warning, u"Configuration file"_s,
                                                   u"/home/ops/%1.ini has problems"_s.arg(hostileMarkup));
        PlainMessageBox::setInformativeText(*box, u"Listener/address: %1"_s.arg(hostileMarkup));
        const QList<QLabel *> labels = box->findChildren<QLabel *>();
        int withText = 0;
        for (const QLabel *label : labels) {
            if (label->text().isEmpty())
                continue; // the icon
            ++withText;
            QVERIFY2(shownText(label).contains(hostileMarkup), qPrintable(label->text()));
        }
        QCOMPARE(withText, 2);
        QVERIFY(box->testAttribute(Qt::WA_DeleteOnClose));
        delete box;
    }

    void historyTooltips()
    {
        DetailTabs tabs;
        AlertDetails details;
        StoredAnalysis analysis;
        analysis.outcome = AnalysisOutcome::Failed;
        analysis.error = hostileMarkup;
        details.analyses << analysis;
        StoredForward forward;
        forward.message = hostileMarkup;
        details.forwards << forward;
        tabs.showDetails(details);
        tabs.setCurrentIndex(3);
        tabs.resize(700, 400);
        tabs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tabs));
        saveForReview(&tabs, u"hostile-history.png"_s);
        for (const QString &list : {u"analysisList"_s, u"forwardList"_s}) {
            const QString tip = tabs.findChild<QTreeWidget *>(list)->topLevelItem(0)->toolTip(2);
            QVERIFY2(shownText(tip) == hostileMarkup, qPrintable(list + u": "_s + shownText(tip)));
        }
    }

    void analysisStatusFooterAndAnswer()
    {
        AnalysisPanel panel;
        const Alert alert = hostileAlert();
        panel.showAlert(alert);
        auto *subject = panel.findChild<QLabel *>(u"analysisSubject"_s);
        QVERIFY2(shownText(subject).contains(hostileMarkup), qPrintable(subject->text()));
        StoredAnalysis analysis;
        analysis.source = alert.source;
        analysis.fingerprint = alert.fingerprint;
        analysis.createdAt = QDateTime::currentDateTimeUtc();
        analysis.outcome = AnalysisOutcome::Failed;
        analysis.error = hostileMarkup;
        analysis.model = hostileMarkup;
        analysis.content = u"The alert says: "_s + hostileMarkup + u"\n\n<table><tr><td>cell</td></tr></table>\n"_s;
        panel.showStoredAnalysis(analysis);
        for (const QString &name : {u"analysisStatus"_s, u"analysisFooter"_s}) {
            auto *label = panel.findChild<QLabel *>(name);
            QVERIFY2(shownText(label).contains(hostileMarkup), qPrintable(name + u": "_s + shownText(label)));
        }
        // The answer's Markdown is rendered, raw HTML in it is text.
        const QString answer = panel.findChild<MarkdownStreamView *>(u"analysisOutput"_s)->toPlainText();
        QVERIFY2(answer.contains(hostileMarkup) && answer.contains(u"<table>"_s), qPrintable(answer));
        panel.resize(420, 520);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        saveForReview(&panel, u"hostile-analysis-panel.png"_s);
    }

    void logQueryStatusAndLabelTooltip()
    {
        LogsPane pane;
        pane.resize(600, 300);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        ContextPlan::LogQuery query;
        query.selector = u"{job=\"%1\"}"_s.arg(hostileMarkup);
        LogResult result;
        result.ok = true;
        result.lines << LogLine{
            QDateTime::currentMSecsSinceEpoch() * 1'000'000, u"line"_s, {{u"app"_s, hostileMarkup}}};
        pane.showLines(query, result, {});
        // An editable field now: a QLineEdit shows its text as it is, never as markup.
        auto *shownQuery = pane.findChild<QLineEdit *>(u"logQuery"_s);
        QVERIFY(shownQuery);
        QVERIFY2(shownQuery->text().contains(hostileMarkup), qPrintable(shownQuery->text()));
        // The labels of the line under the mouse.
        auto *lines = pane.findChild<QPlainTextEdit *>(u"logLines"_s);
        const QTextBlock block = lines->document()->findBlockByNumber(0);
        QVERIFY(pane.labelsAt(0).contains(hostileMarkup));
        const QPoint at = lines->cursorRect(QTextCursor(block)).center();
        QHelpEvent help(QEvent::ToolTip, at, lines->viewport()->mapToGlobal(at));
        QApplication::sendEvent(lines->viewport(), &help);
        QTRY_VERIFY(shownToolTip());
        QVERIFY2(shownText(shownToolTip()).contains(hostileMarkup), qPrintable(shownToolTip()->text()));
        saveForReview(&pane, u"hostile-logs.png"_s);
        saveForReview(shownToolTip(), u"hostile-logs-tooltip.png"_s);

        LogResult failed;
        failed.error = hostileMarkup;
        pane.showLines(query, failed, {});
        auto *status = pane.findChild<QLabel *>(u"logStatus"_s);
        QVERIFY2(shownText(status).contains(hostileMarkup), qPrintable(shownText(status)));
    }

    void chartTitleMessageLegendAndTooltip()
    {
        MetricChart chart;
        chart.resize(600, 320);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const QDateTime start = QDateTime::fromSecsSinceEpoch(100, Qt::UTC);
        chart.setQuery({hostileMarkup, u"up"_s, 5.0, u"<"_s});
        auto *title = chart.findChild<QLabel *>(u"chartTitle"_s);
        QVERIFY2(shownText(title).contains(hostileMarkup), qPrintable(shownText(title)));
        QVERIFY2(shownText(title->toolTip()).contains(hostileMarkup), qPrintable(title->toolTip()));
        // However long a title, the pane keeps its width (the title is cut, its tooltip whole).
        const int narrow = chart.minimumSizeHint().width();
        chart.setQuery({QString(500, u'W'), u"up"_s, std::nullopt, {}});
        QCOMPARE(chart.minimumSizeHint().width(), narrow);
        QVERIFY(chart.sizeHint().width() < 1000);
        chart.setQuery({hostileMarkup, u"up"_s, 5.0, u"<"_s});

        MetricResult failed;
        failed.errorType = u"bad_data"_s;
        failed.error = hostileMarkup;
        chart.showResult(failed, {start, start.addSecs(40), 10});
        auto *message = chart.findChild<QLabel *>(u"chartMessage"_s);
        QVERIFY2(shownText(message).contains(hostileMarkup), qPrintable(shownText(message)));

        MetricResult result;
        result.ok = true;
        result.series << Series{{{u"app"_s, hostileMarkup}}, {{100'000, 1}, {110'000, 2}, {120'000, 3}}};
        chart.showResult(result, {start, start.addSecs(40), 10});
        QStringList legend; // Qt Charts reads series names as HTML
        for (QAbstractSeries *series : chart.chart()->series())
            legend << shownText(series->name(), Qt::RichText);
        QVERIFY2(legend.contains(u"{app=\"%1\"}"_s.arg(hostileMarkup)) && legend.contains(u"threshold < 5"_s),
                 qPrintable(legend.join(u'|')));
        // The hover box is plain text (a long name elided); the legend's tooltip has it whole.
        const QRectF plot = chart.chart()->plotArea();
        chart.hoverAt(chart.view()->mapFromScene(chart.chart()->mapToScene(plot.center())));
        QVERIFY2(chart.hoverText().contains(u"{app=\"<img src=\"file:///"_s), qPrintable(chart.hoverText()));
        auto *legendList = chart.findChild<QListWidget *>(u"seriesLegend"_s);
        QVERIFY2(shownText(legendList->item(0)->toolTip()).contains(hostileMarkup),
                 qPrintable(legendList->item(0)->toolTip()));
        saveForReview(&chart, u"hostile-chart.png"_s);
    }

    void desktopNotificationBody()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(u"settings.ini"_s));
        settings.setValue(Settings::notifyMatchers, u"severity=\"critical\""_s);
        AlertTableModel alerts;
        TrayController tray(&alerts, &settings);
        tray.handleAlertChanges({{hostileAlert(), AlertMerge::Outcome::NewAlert}});
        QVERIFY(tray.lastNotification());
        // Freedesktop notification servers read the body as markup.
        const QString body = tray.lastShownBody();
        QVERIFY2(!body.contains(u'<') && body.contains(u"&lt;img src=\"file:///etc/hostname\"&gt;&lt;b"_s),
                 qPrintable(body));
        QCOMPARE(shownText(body, Qt::RichText), hostileMarkup);
    }
};

QTEST_MAIN(TestHostileText)
#include "tst_hostiletext.moc"
