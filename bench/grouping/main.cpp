// Grouping benchmark: 50,000 alerts in the table model behind the sorting proxy (sorted
// by severity, the default), grouped by a label through AlertGroupingProxyModel.
// Measures switching the grouping (none → cluster → namespace → none) and one
// delivery of 100 alerts arriving into the grouped table, as the window sees them.
//
// Usage: alertdeck_grouping_bench [ALERTS]   (default 50000)

#include "model/AlertFilterProxyModel.h"
#include "model/AlertGroupingProxyModel.h"
#include "model/AlertTableModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

Alert makeAlert(int i)
{
    static const QDateTime base = QDateTime::currentDateTimeUtc().addSecs(-3600);
    Alert alert;
    alert.source = u"alertmanager"_s;
    alert.fingerprint = u"%1"_s.arg(i, 16, 16, QLatin1Char('0'));
    alert.name = u"Alert%1"_s.arg(i % 40);
    alert.severity = Severity(i % 3);
    alert.labels = {{u"alertname"_s, alert.name},
                    {u"cluster"_s, u"cluster-%1"_s.arg(i % 12)},
                    {u"namespace"_s, u"ns-%1"_s.arg(i % 300)},
                    {u"instance"_s, u"host-%1:9100"_s.arg(i)}};
    alert.startsAt = base.addSecs(qint64(i) * 7919 % 3600);
    alert.lastUpdate = alert.startsAt;
    return alert;
}

double timed(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return timer.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1, std::atoi(argv[1])) : 50'000;
    QList<Alert> alerts;
    alerts.reserve(count);
    for (int i = 0; i < count; ++i)
        alerts.append(makeAlert(i));

    AlertTableModel model;
    AlertFilterProxyModel sorted;
    sorted.setAlertModel(&model);
    sorted.sort(AlertTableModel::SeverityColumn, Qt::AscendingOrder);
    AlertGroupingProxyModel groups;
    groups.setModels(&sorted, &model);
    model.upsert(alerts);

    const QPersistentModelIndex selected = groups.index(count / 2, 0); // a view keeps one
    for (const QString &label : {u"cluster"_s, u"namespace"_s, u"instance"_s, QString(), u"cluster"_s}) {
        const double ms = timed([&] { groups.setGroupLabel(label); });
        std::printf("group by %-10s %6d groups, %6d rows: %7.1f ms\n", label.isEmpty() ? "(none)" : qPrintable(label),
                    groups.groupCount(), groups.rowCount(), ms);
    }
    QList<Alert> delivery;
    for (int i = count; i < count + 100; ++i)
        delivery.append(makeAlert(i));
    const double arrival = timed([&] { model.upsert(delivery, true); });
    std::printf("100 alerts arriving into %d alerts grouped by cluster: %.1f ms\n", count, arrival);
    const double fold = timed([&] { groups.setExpanded(u"cluster-3"_s, false); });
    std::printf("fold one group: %.1f ms (selection still valid: %s)\n", fold, selected.isValid() ? "yes" : "no");
    return 0;
}
