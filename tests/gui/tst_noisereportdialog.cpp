#include "../unit/PromtoolCheck.h"
#include "HandoverFixture.h"
#include "ReviewShot.h"
#include "shift/NoiseReportDialog.h"
#include "shift/NoiseRuleTableModel.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// A rule name an attacker chose: markup, a line break, YAML and a quote.
const QString hostileName = u"<b>Evil</b><img src=x>\n- alert: \"injected\""_s;

} // namespace

class NoiseReportDialogTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static void chooseNovember(NoiseReportDialog &dialog)
    {
        auto *span = dialog.findChild<QComboBox *>();
        span->setCurrentIndex(span->count() - 1); // Custom
        const auto edits = dialog.findChildren<QDateTimeEdit *>();
        edits.at(0)->setDateTime(QDateTime::fromString(u"2026-11-01T00:00:00Z"_s, Qt::ISODate));
        edits.at(1)->setDateTime(QDateTime::fromString(u"2026-12-01T00:00:00Z"_s, Qt::ISODate));
    }

    static void buildReport(NoiseReportDialog &dialog)
    {
        chooseNovember(dialog);
        QSignalSpy ready(&dialog, &NoiseReportDialog::reportReady);
        dialog.build();
        QVERIFY(dialog.isBuilding()); // the UI thread is free while it reads
        QVERIFY(ready.wait(20'000));
        QVERIFY(!dialog.isBuilding());
    }

    static int rowOf(QTableView *table, const QString &shown)
    {
        for (int row = 0; row < table->model()->rowCount(); ++row)
            if (table->model()->index(row, NoiseRuleTableModel::Rule).data().toString() == shown)
                return row;
        return -1;
    }

    static void select(NoiseReportDialog &dialog, int row)
    {
        auto *table = dialog.findChild<QTableView *>();
        QSignalSpy whatIf(&dialog, &NoiseReportDialog::whatIfReady);
        table->setCurrentIndex(table->model()->index(row, 0));
        QVERIFY(whatIf.wait(20'000));
    }

    static void verifyPromtoolAccepts(const QString &snippet)
    {
        if (PromtoolCheck::executable().isEmpty())
            QSKIP("promtool is not installed (Debian package prometheus; tools/deps installs it)");
        QString file = u"groups:\n- name: noise\n  rules:\n"_s;
        for (const QString &line : snippet.split(u'\n', Qt::SkipEmptyParts))
            file += u"  "_s + line + u'\n';
        QTemporaryDir dir;
        QFile rules(dir.filePath(u"rules.yml"_s));
        QVERIFY(rules.open(QIODevice::WriteOnly));
        rules.write(file.toUtf8());
        rules.close();
        ChildProcess promtool;
        promtool.setChannelMode(QProcess::MergedChannels);
        promtool.start(PromtoolCheck::executable(), {u"check"_s, u"rules"_s, rules.fileName()});
        QVERIFY(promtool.waitForFinished(std::chrono::seconds(60)));
        QVERIFY2(promtool.exitCode() == 0, qPrintable(promtool.standardOutput() + u'\n' + file));
        QVERIFY2(promtool.standardOutput().contains(u"1 rules found"_s), qPrintable(promtool.standardOutput()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QJsonObject labels{{u"alertname"_s, hostileName}, {u"severity"_s, u"critical"_s}};
        const QJsonObject alert{{u"status"_s, u"firing"_s},
                                {u"labels"_s, labels},
                                {u"annotations"_s, QJsonObject{}},
                                {u"startsAt"_s, u"2026-11-15T10:00:00Z"_s},
                                {u"endsAt"_s, u"0001-01-01T00:00:00Z"_s},
                                {u"generatorURL"_s, u"http://prometheus:9090/graph?g0.expr=up%7Bjob%3D%22x%22%7D"_s},
                                {u"fingerprint"_s, u"e0e0e0e0e0e0e0e0"_s}};
        const QJsonObject payload{{u"status"_s, u"firing"_s}, {u"alerts"_s, QJsonArray{alert}}, {u"version"_s, u"4"_s}};
        const QString failed = HandoverFixture::write(m_dir.filePath(u"alerts.sqlite"_s),
                                                      {QJsonDocument(payload).toJson(QJsonDocument::Compact)});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void buildsOffTheUiThreadAndRanksTheNoisiestFirst()
    {
        NoiseReportDialog dialog({m_dir.path()});
        auto *table = dialog.findChild<QTableView *>();
        QAbstractItemModelTester tester(qobject_cast<QSortFilterProxyModel *>(table->model())->sourceModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        buildReport(dialog);
        QVERIFY(table->model()->rowCount() > 10);
        QCOMPARE(table->model()->index(0, NoiseRuleTableModel::Rule).data().toString(), u"DiskIOSaturated"_s);
        QCOMPARE(table->model()->index(0, NoiseRuleTableModel::Firings).data().toString(), u"26"_s);
        QCOMPARE(table->model()->index(0, NoiseRuleTableModel::NeverAcknowledged).data().toString(), u"unknown"_s);
        // Sortable by the raw value: the fewest firings first.
        table->sortByColumn(NoiseRuleTableModel::Firings, Qt::AscendingOrder);
        QCOMPARE(table->model()->index(0, NoiseRuleTableModel::Firings).data().toString(), u"1"_s);
    }

    void selectingARuleShowsTheWhatIfAndCopiesAValidSnippet()
    {
        NoiseReportDialog dialog({m_dir.path()});
        buildReport(dialog);
        select(dialog, 0);
        QVERIFY2(dialog.whatIfText().contains(u"of 26 notifications would remain"_s), qPrintable(dialog.whatIfText()));
        QVERIFY(dialog.whatIfText().contains(u"for: 10m"_s));
        // Another `for:` counts again.
        QSignalSpy whatIf(&dialog, &NoiseReportDialog::whatIfReady);
        dialog.setFor(0s);
        QVERIFY(whatIf.wait(20'000));
        QVERIFY2(dialog.whatIfText().contains(u"26 of 26 notifications"_s), qPrintable(dialog.whatIfText()));

        dialog.setFor(15min);
        QVERIFY(whatIf.wait(20'000));
        const QString snippet = dialog.copyRuleSnippet();
        QCOMPARE(QGuiApplication::clipboard()->text(), snippet);
        QVERIFY(snippet.startsWith(u"- alert: \"DiskIOSaturated\"\n"_s));
        QVERIFY(snippet.contains(u"  for: 15m\n"_s));
        QVERIFY(snippet.contains(u"  expr: \"up\"\n"_s)); // from the generatorURL
        verifyPromtoolAccepts(snippet);
    }

    void aHostileRuleNameIsPlainTextOnOneLine()
    {
        NoiseReportDialog dialog({m_dir.path()});
        buildReport(dialog);
        auto *table = dialog.findChild<QTableView *>();
        const QString shown = u"<b>Evil</b><img src=x> - alert: \"injected\""_s;
        const int row = rowOf(table, shown);
        QVERIFY2(row >= 0, "the hostile rule is listed, its markup as typed, its line break a space");
        QVERIFY(!table->model()->index(row, NoiseRuleTableModel::Rule).data(Qt::ToolTipRole).isValid());
        select(dialog, row);
        QVERIFY(dialog.whatIfText().contains(shown));
        const QString snippet = dialog.copyRuleSnippet();
        QCOMPARE(snippet.count(u'\n'), 5); // alert, expr, for, labels, severity: nothing injected
        QVERIFY(snippet.contains(u"  expr: \"up{job=\\\"x\\\"}\"\n"_s));
        verifyPromtoolAccepts(snippet);
        dialog.show();
        table->setCurrentIndex(table->model()->index(0, 0));
        QSignalSpy whatIf(&dialog, &NoiseReportDialog::whatIfReady);
        QVERIFY(whatIf.wait(20'000));
        saveForReview(&dialog, u"noise-report.png"_s);
    }

    void anEmptyPeriodSaysSo()
    {
        NoiseReportDialog dialog({m_dir.path()});
        auto *span = dialog.findChild<QComboBox *>();
        span->setCurrentIndex(span->count() - 1);
        const auto edits = dialog.findChildren<QDateTimeEdit *>();
        edits.at(0)->setDateTime(QDateTime::fromString(u"2020-01-01T00:00:00Z"_s, Qt::ISODate));
        edits.at(1)->setDateTime(QDateTime::fromString(u"2020-01-02T00:00:00Z"_s, Qt::ISODate));
        QSignalSpy ready(&dialog, &NoiseReportDialog::reportReady);
        dialog.build();
        QVERIFY(ready.wait(20'000));
        QCOMPARE(dialog.findChild<QTableView *>()->model()->rowCount(), 0);
        QVERIFY(!dialog.selectedRule());
        QCOMPARE(dialog.copyRuleSnippet(), QString());
    }

    void cancelStopsTheBuild()
    {
        NoiseReportDialog dialog({m_dir.path()});
        chooseNovember(dialog);
        QSignalSpy ready(&dialog, &NoiseReportDialog::reportReady);
        dialog.build();
        dialog.cancel();
        QVERIFY(!dialog.isBuilding());
        QCOMPARE(dialog.statusText(), u"Cancelled."_s);
        QVERIFY(!dialog.report());
    }
};

QTEST_MAIN(NoiseReportDialogTest)
#include "tst_noisereportdialog.moc"
