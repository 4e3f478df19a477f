// Incident correlation under a storm: 50,000 firing alerts in deliveries of 100 (as the
// store commits them) go through the IncidentTableModel (correlator + rows), then every
// alert resolves. Prints the total work, the slowest delivery (a UI stall when it runs on
// the UI thread) and the incidents found. Half the alerts share 200 hosts, the rest are
// pods and services; a tenth carry only a group key.
//
// Usage: alertdeck_incidents_bench [ALERTS [PER_DELIVERY]]   (defaults 50000, 100)
// SLOW=1 also names each delivery that took over 20 ms.

#include "model/IncidentTableModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

Alert stormAlert(int i, const QDateTime &t0)
{
    Alert alert;
    alert.source = u"alertmanager"_s;
    alert.fingerprint = u"storm%1"_s.arg(i);
    alert.name = QStringList{u"NodeDown"_s, u"HighLoad"_s, u"PodCrashLooping"_s, u"HighErrorRate"_s}.at(i % 4);
    alert.labels.insert(u"alertname"_s, alert.name);
    alert.severity = i % 3 == 0 ? Severity::Critical : Severity::Warning;
    alert.startsAt = t0.addMSecs(qint64(i) * 20);
    switch (i % 10) {
    case 0: alert.groupKey = u"{}:{alertname=\"%1\"}"_s.arg(alert.name); break;
    case 1:
    case 2:
    case 3:
        alert.labels.insert(u"namespace"_s, u"ns-%1"_s.arg(i % 37));
        alert.labels.insert(u"pod"_s, u"pod-%1"_s.arg(i % 997));
        break;
    case 4:
        alert.labels.insert(u"cluster"_s, u"eu1"_s);
        alert.labels.insert(u"service"_s, u"svc-%1"_s.arg(i % 41));
        break;
    default: alert.labels.insert(u"instance"_s, u"host-%1:9100"_s.arg(i % 200));
    }
    return alert;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * values.size())));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 50'000;
    const int perDelivery = argc > 2 ? std::max(1, QByteArray(argv[2]).toInt()) : 100;
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-3600);

    QList<Alert> alerts;
    alerts.reserve(count);
    for (int i = 0; i < count; ++i)
        alerts.append(stormAlert(i, t0));

    IncidentTableModel model;
    QList<double> deliveryMs;
    QElapsedTimer total;
    qint64 totalNs = 0;
    auto deliver = [&](const QList<Alert> &all) {
        for (qsizetype first = 0; first < all.size(); first += perDelivery) {
            QList<AlertChange> changes;
            for (qsizetype i = first; i < std::min(all.size(), first + perDelivery); ++i)
                changes.append({all.at(i), AlertMerge::Outcome::NewAlert});
            total.start();
            model.applyChanges(changes);
            const qint64 ns = total.nsecsElapsed();
            totalNs += ns;
            deliveryMs.append(ns / 1e6);
            if (qEnvironmentVariableIsSet("SLOW") && ns > 20e6)
                std::fprintf(stderr, "delivery at %lld: %.1f ms\n", qint64(first), ns / 1e6);
        }
    };
    deliver(alerts);
    const double firingMs = totalNs / 1e6;
    const double firingMax = *std::max_element(deliveryMs.cbegin(), deliveryMs.cend());
    const double firingP99 = percentile(deliveryMs, 0.99);
    const int incidents = model.rowCount();

    for (Alert &alert : alerts) {
        alert.state = AlertState::Resolved;
        alert.endsAt = alert.startsAt.addSecs(600);
    }
    deliveryMs.clear();
    totalNs = 0;
    deliver(alerts);

    std::printf("correlated %d firing alerts in deliveries of %d: %.0f ms in total, slowest delivery %.1f ms "
                "(p99 %.1f ms); %d incidents\n",
                count, perDelivery, firingMs, firingMax, firingP99, incidents);
    std::printf("their resolutions: %.0f ms in total, slowest delivery %.1f ms\n", totalNs / 1e6,
                *std::max_element(deliveryMs.cbegin(), deliveryMs.cend()));
    return 0;
}
