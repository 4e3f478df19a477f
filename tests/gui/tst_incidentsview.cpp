#include "AlertBuilder.h"
#include "incidents/IncidentTimeline.h"
#include "incidents/IncidentsView.h"
#include "model/IncidentTableModel.h"

#include <QAction>
#include <QItemSelectionModel>
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
    return AlertBuilder(fingerprint)
        .named(name)
        .label(u"instance"_s, host + u":9100"_s)
        .severity(severity)
        .startsAt(t0.addSecs(at));
}

QList<AlertChange> changes(const QList<Alert> &alerts)
{
    QList<AlertChange> list;
    for (const Alert &alert : alerts)
        list.append({alert, AlertMerge::Outcome::NewAlert});
    return list;
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

private:
    std::unique_ptr<IncidentTableModel> m_model;
    std::unique_ptr<IncidentsView> m_view;
};

QTEST_MAIN(IncidentsViewTest)
#include "tst_incidentsview.moc"
