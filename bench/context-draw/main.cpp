// Context drawing benchmark: (1) 20 series × 2,000 points from a parsed
// Prometheus answer to a painted chart; (2) switching the detail tabs between two
// alerts whose context is cached. A local responder plays Prometheus and Loki.
// Prints medians and maxima over several runs.
//
// Usage: alertdeck_context_draw [RUNS]   (default 20)

#include "DetailTabs.h"
#include "MetricChart.h"
#include "MetricsPane.h"
#include "UiResources.h"
#include "context/ContextService.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QByteArray matrix(int series, int points, qint64 start)
{
    QJsonArray result;
    for (int s = 0; s < series; ++s) {
        QJsonArray values;
        for (int p = 0; p < points; ++p)
            values.append(
                QJsonArray{double(start + p * 2), QString::number(50 + 40 * std::sin((p + s * 37) / 60.0) + s)});
        result.append(
            QJsonObject{{u"metric"_s, QJsonObject{{u"instance"_s, u"host-%1:9100"_s.arg(s)}}}, {u"values"_s, values}});
    }
    return QJsonDocument(QJsonObject{{u"status"_s, u"success"_s},
                                     {u"data"_s, QJsonObject{{u"resultType"_s, u"matrix"_s}, {u"result"_s, result}}}})
        .toJson(QJsonDocument::Compact);
}

// Answers every request with `body` (one request per connection).
class Responder final : public QTcpServer
{
public:
    QByteArray body;
    explicit Responder(QByteArray answer)
        : body(std::move(answer))
    {
        connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    const QByteArray request = socket->readAll();
                    Q_UNUSED(request);
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                  + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

double maximum(const QList<double> &values)
{
    return values.isEmpty() ? 0 : *std::max_element(values.begin(), values.end());
}

Alert alert(int n, qint64 start)
{
    Alert a;
    a.source = u"alertmanager"_s;
    a.fingerprint = u"bench%1"_s.arg(n);
    a.name = u"HighCPU"_s;
    a.labels = {{u"alertname"_s, u"HighCPU"_s}, {u"instance"_s, u"host-%1:9100"_s.arg(n)}};
    a.promQl = u"cpu > 80"_s;
    a.startsAt = QDateTime::fromSecsSinceEpoch(start + 1800, Qt::UTC);
    return a;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    UiResources::initialize();
    const int runs = argc > 1 ? QByteArray(argv[1]).toInt() : 20;
    const qint64 start = 1795319700;
    const QByteArray body = matrix(20, 2000, start);
    const ContextPlan::Window window{QDateTime::fromSecsSinceEpoch(start, Qt::UTC),
                                     QDateTime::fromSecsSinceEpoch(start + 4000, Qt::UTC), 2};

    // (1) Response received → parsed → chart drawn and painted.
    MetricChart chart;
    chart.resize(1100, 320);
    chart.show();
    if (!QTest::qWaitForWindowExposed(&chart))
        std::fprintf(stderr, "the chart was not exposed\n");
    chart.setQuery({u"cpu"_s, u"cpu"_s, 80.0, u">"_s});
    QList<double> drawMs;
    QList<double> parseMs;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const MetricResult result = ContextResponse::parsePrometheus(200, body);
        parseMs.append(timer.nsecsElapsed() / 1e6);
        chart.showResult(result, window);
        chart.repaint();
        QCoreApplication::processEvents();
        drawMs.append(timer.nsecsElapsed() / 1e6);
    }

    // (2) Switching between two alerts whose context is cached.
    Responder prometheus(body);
    Responder loki(R"({"status":"success","data":{"resultType":"streams","result":[]}})");
    ContextService service;
    ContextService::Sources sources;
    sources.prometheus = {QUrl(u"http://127.0.0.1:%1"_s.arg(prometheus.serverPort()))};
    sources.loki = {QUrl(u"http://127.0.0.1:%1"_s.arg(loki.serverPort()))};
    service.setSources(sources);
    DetailTabs tabs;
    tabs.setContextService(&service);
    tabs.setCurrentIndex(DetailTabs::MetricsTab);
    tabs.resize(1100, 700);
    tabs.show();
    if (!QTest::qWaitForWindowExposed(&tabs))
        std::fprintf(stderr, "the tabs were not exposed\n");
    const Alert first = alert(1, start);
    const Alert second = alert(2, start);
    for (const Alert &a : {first, second}) {
        service.select(a, QDateTime::fromSecsSinceEpoch(start + 4000, Qt::UTC));
        while (!service.context(OccurrenceKey::of(a)) || !service.context(OccurrenceKey::of(a))->complete())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    QList<double> switchMs;
    for (int i = 0; i < runs; ++i) {
        const Alert &target = i % 2 ? first : second;
        QElapsedTimer timer;
        timer.start();
        tabs.showAlert(target);
        tabs.repaint();
        QCoreApplication::processEvents();
        switchMs.append(timer.nsecsElapsed() / 1e6);
    }
    std::printf("20 series x 2000 points, parse + draw + paint: median %.1f ms, max %.1f ms (%d runs)\n",
                median(drawMs), maximum(drawMs), runs);
    std::printf("  of which parsing the JSON: median %.1f ms\n", median(parseMs));
    std::printf("switching between two cached alerts (5 charts each): median %.1f ms, max %.1f ms\n", median(switchMs),
                maximum(switchMs));
    return 0;
}
