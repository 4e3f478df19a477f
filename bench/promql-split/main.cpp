// Cost of the per-alert text work on hostile input: PromQlSplitter::split (runs on the
// UI thread when context is prefetched or a prompt is built), PromQl::fromGeneratorUrl
// and parsePayload for an oversized alert count. Prints microseconds per call.
//
// Usage: alertdeck_promql_split_bench

#include "context/PromQlSplit.h"
#include "ingest/PayloadParser.h"
#include "ingest/PromQl.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

// Median of `runs` timings (fewer runs for slow cases), in microseconds.
double microseconds(const std::function<void()> &work, int runs)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times << timer.nsecsElapsed() / 1e3;
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

int runsFor(qsizetype size)
{
    return size >= 100'000 ? 1 : 5;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    volatile qsizetype sink = 0;
    for (const qsizetype n : {1'000, 10'000, 100'000, 200'000}) {
        const QString spaces = u"a"_s + QString(n, u' ') + u"b"_s;
        const QString nested = u"x > "_s + QString(n / 2, u'(') + u"1"_s + QString(n / 2, u')');
        // As the application calls it (longer than maxExpressionLength: not analysed)...
        const double a
            = microseconds([&] { sink = sink + PromQlSplitter::split(spaces).valueExpression.size(); }, runsFor(n));
        const double b
            = microseconds([&] { sink = sink + PromQlSplitter::split(nested).valueExpression.size(); }, runsFor(n));
        // ...and with the length limit lifted, to show the tokenizer's own cost.
        const PromQlSplitter::Options unlimited{.maxLength = n * 2};
        const double aFull = microseconds(
            [&] { sink = sink + PromQlSplitter::split(spaces, unlimited).valueExpression.size(); }, runsFor(n));
        const double bFull = microseconds(
            [&] { sink = sink + PromQlSplitter::split(nested, unlimited).valueExpression.size(); }, runsFor(n));
        const QString url = u"http://p:9090/graph?g0.expr="_s + QString(n, u'+') + u"up&g0.tab=1"_s;
        const double c = microseconds([&] { sink = sink + PromQl::fromGeneratorUrl(url).size(); }, runsFor(n));
        std::printf("n=%7lld  split(a+spaces+b) %9.0f us (unlimited %9.0f us)   split(x > ((1))) %9.0f us (unlimited "
                    "%9.0f us)   fromGeneratorUrl %6.0f us\n",
                    qlonglong(n), a, aFull, b, bFull, c);
    }
    const QString typical
        = u"100 - avg by (instance, job) (rate(node_cpu_seconds_total{mode=\"idle\"}[30s])) * 100 > 1"_s;
    std::printf("typical expression: %.2f us per split\n",
                microseconds(
                    [&] {
                        for (int i = 0; i < 1000; ++i)
                            sink = sink + PromQlSplitter::split(typical).valueExpression.size();
                    },
                    5)
                    / 1000);

    // 185,000 small alerts in one Alertmanager body (about 8 MB), as in the issue.
    QByteArray body = "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[";
    for (int i = 0; i < 185'000; ++i) {
        if (i)
            body += ',';
        body += "{\"status\":\"firing\",\"labels\":{\"n\":\"" + QByteArray::number(i) + "\"}}";
    }
    body += "]}";
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const double json = microseconds(
        [&] { sink = sink + QJsonDocument::fromJson(body).object().value(u"alerts"_s).toArray().size(); }, 3);
    PayloadParseResult result;
    const double parse = microseconds([&] { result = parsePayload(body, PayloadFormat::Auto, now); }, 3);
    std::printf("185000 alerts, %.1f MB: JSON alone %.0f ms, parsePayload %.0f ms -> %s\n", body.size() / 1e6,
                json / 1e3, parse / 1e3,
                result.ok() ? qPrintable(u"%1 alerts"_s.arg(result.payload.alerts.size()))
                            : qPrintable(u"%1 %2"_s.arg(result.error->httpStatus()).arg(result.error->message)));
    return sink == -1;
}
