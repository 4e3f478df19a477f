#include "AlertBuilder.h"
#include "IncidentTestAlerts.h"
#include "incidents/IncidentTimeline.h"
#include "incidents/IncidentsView.h"
#include "incidents/ResolutionNoteDialog.h"
#include "incidents/SeenBeforeCard.h"
#include "model/IncidentTableModel.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace {

const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-3600);

Alert onHost(const QString &fingerprint, const QString &name, const QString &host, int at,
             Severity severity = Severity::Warning)
{
    return IncidentTestAlerts::onHost(t0, fingerprint, name, host, at, severity);
}

QList<AlertChange> changes(const QList<Alert> &alerts)
{
    return IncidentTestAlerts::newAlerts(alerts);
}

} // namespace

class IncidentsViewTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_model = std::make_unique<IncidentTableModel>();
        m_model->applyChanges(changes({onHost(u"a"_s, u"HighLoad"_s, u"db-1"_s, 0),
                                       onHost(u"b"_s, u"NodeDown"_s, u"db-1"_s, 60, Severity::Critical),
                                       onHost(u"c"_s, u"DiskFull"_s, u"web-2"_s, 1200)}));
        m_view = std::make_unique<IncidentsView>(m_model.get());
        m_view->resize(900, 600);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }
    void cleanup()
    {
        m_view.reset();
        m_model.reset();
    }

    void newestIncidentComesFirstAndItsAlertsShowOverTime()
    {
        QTreeView *tree = m_view->tree();
        QCOMPARE(tree->model()->rowCount(), 2);
        QCOMPARE(tree->model()->index(0, 0).data().toString(), u"DiskFull"_s); // started last
        const QModelIndex db1 = tree->model()->index(1, 0);
        QCOMPARE(db1.data().toString(), u"NodeDown and 1 related"_s);
        tree->setCurrentIndex(db1);
        QCOMPARE(m_view->timeline()->laneCount(), 2);
        // The later alert's bar starts further right.
        QVERIFY(m_view->timeline()->barRect(1).left() > m_view->timeline()->barRect(0).left());
        QVERIFY(!m_view->mergeAction()->isEnabled());
        QVERIFY(!m_view->splitAction()->isEnabled());
        m_view->grab().save(u"/tmp/incidents-view.png"_s);
    }

    void mergeJoinsTheSelectedIncidentsAndSplitUndoesIt()
    {
        QTreeView *tree = m_view->tree();
        tree->selectAll();
        QVERIFY(m_view->mergeAction()->isEnabled());
        m_view->mergeAction()->trigger();
        QCOMPARE(tree->model()->rowCount(), 1);
        const QModelIndex merged = tree->model()->index(0, 0);
        QCOMPARE(tree->model()->rowCount(merged), 3);

        tree->expand(merged);
        const QModelIndex diskFull = [&] {
            for (int row = 0; row < 3; ++row)
                if (tree->model()->index(row, 0, merged).data().toString() == u"DiskFull"_s)
                    return tree->model()->index(row, 0, merged);
            return QModelIndex();
        }();
        QVERIFY(diskFull.isValid());
        QSignalSpy chosen(m_view.get(), &IncidentsView::alertChosen);
        tree->selectionModel()->setCurrentIndex(diskFull,
                                                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.constFirst().constFirst().value<Alert>().name, u"DiskFull"_s);
        QVERIFY(m_view->splitAction()->isEnabled());
        QTest::keyClick(tree, Qt::Key_X, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(tree->model()->rowCount(), 2);
    }

    void clickingALaneChoosesItsAlert()
    {
        QTreeView *tree = m_view->tree();
        tree->setCurrentIndex(tree->model()->index(1, 0));
        QSignalSpy chosen(m_view.get(), &IncidentsView::alertChosen);
        IncidentTimeline *timeline = m_view->timeline();
        QTest::mouseClick(timeline, Qt::LeftButton, {}, timeline->barRect(0).center());
        QCOMPARE(chosen.count(), 1);
    }

    void aNoteWithALinkThatIsNotAWebAddressCannotBeSaved()
    {
        ResolutionNoteDialog dialog(u"NodeDown on db-1"_s, {});
        QPushButton *save = dialog.buttons()->button(QDialogButtonBox::Save);
        QVERIFY(save->isEnabled());
        QTest::keyClicks(dialog.linkEdit(), u"javascript:alert(1)"_s);
        QVERIFY(!save->isEnabled());
        QVERIFY(dialog.problemLabel()->isVisibleTo(&dialog));
        QVERIFY(dialog.problemLabel()->text().contains(u"http"_s));
        dialog.linkEdit()->setText(u"https://wiki.example.com/runbooks/nic"_s);
        QVERIFY(save->isEnabled());
        QTest::keyClicks(dialog.causeEdit(), u"NIC firmware"_s);
        QCOMPARE(dialog.note().cause, u"NIC firmware"_s);
        QCOMPARE(dialog.note().link, u"https://wiki.example.com/runbooks/nic"_s);
        QVERIFY(dialog.note().writtenAt.isValid());
    }

    void theFrequencyReadsAsASentence()
    {
        SeenBefore::Report report;
        QCOMPARE(SeenBeforeCard::frequencyText(report), u"Not seen in the last 30 days."_s);
        report.firedLast30Days = 7;
        QVERIFY(SeenBeforeCard::frequencyText(report).endsWith(u"30 days."_s));
        report.typicalDurationMs = 12 * 60 * 1000;
        const QString text = SeenBeforeCard::frequencyText(report);
        QVERIFY2(text.startsWith(u"Fired 7 time"_s) && text.endsWith(u"usually for 12m 0s."_s), qPrintable(text));
    }

    void theCardShowsMatchesAsPlainTextAndOnlyWebLinks()
    {
        SeenBeforeCard card;
        SeenBefore::Report report;
        report.firedLast30Days = 3;
        report.typicalDurationMs = 14 * 60 * 1000;
        report.recurrence = SeenBefore::Recurrence::Occasional;
        report.recentStarts = {t0.addDays(-2), t0.addDays(-9)};
        SeenBefore::Match same;
        same.reason = SeenBefore::Reason::SameFingerprint;
        same.name = u"<b>NodeDown</b>"_s;
        same.startsAt = t0.addDays(-2);
        same.endsAt = t0.addDays(-2).addSecs(840);
        same.note = {u"NIC firmware <img src=x>"_s, u"Rolled back"_s, u"https://wiki.example.com/nic"_s, {}, {}};
        same.analysisSummary = u"The node stopped answering after the firmware update [E2]."_s;
        SeenBefore::Match similar;
        similar.reason = SeenBefore::Reason::SimilarText;
        similar.name = u"HostUnreachable"_s;
        similar.startsAt = t0.addDays(-9);
        similar.note = {u"Cable"_s, {}, u"javascript:alert(1)"_s, {}, {}};
        report.matches = {same, similar};
        card.setReport(report);
        card.resize(520, 400);
        card.show();
        QVERIFY(QTest::qWaitForWindowExposed(&card));
        QCOMPARE(card.badge()->text(), u"occasional"_s);
        QVERIFY(card.frequency()->text().startsWith(u"Fired 3 time"_s));
        QCOMPARE(card.matchWidgets().size(), 2);
        const QList<QLabel *> first = card.matchWidgets().at(0)->findChildren<QLabel *>();
        bool shownRaw = false;
        int links = 0;
        for (QLabel *label : first) {
            shownRaw = shownRaw || (label->textFormat() == Qt::PlainText && label->text().contains(u"<img src=x>"_s));
            links += label->textFormat() == Qt::RichText ? 1 : 0;
        }
        QVERIFY(shownRaw); // the markup shows as the characters typed
        QCOMPARE(links, 1);
        for (QLabel *label : card.matchWidgets().at(1)->findChildren<QLabel *>())
            QVERIFY(label->textFormat() == Qt::PlainText); // no link for javascript:
        card.grab().save(u"/tmp/seen-before-card.png"_s);
    }

private:
    std::unique_ptr<IncidentTableModel> m_model;
    std::unique_ptr<IncidentsView> m_view;
};

QTEST_MAIN(IncidentsViewTest)
#include "tst_incidentsview.moc"
