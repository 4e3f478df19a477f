// Analysis streaming benchmark: a 60,000-character Markdown answer streamed as
// 20,000 SSE chunks by a provider on another thread into the analysis panel of a
// shown window. Measures, on the UI thread while the answer streams: the total
// time spent handling events, the longest single event (a blocked frame), and
// for every piece of text the time from its arrival to the paint that shows it, and
// that for the first piece alone (the first token on screen; goal: 100 ms at most).
// With "cited", the answer cites evidence about 500 times ([E1], [E2, E3]…), each
// shown as a chip, and states causes, some without citing (marked): the budget is
// the plain answer's.
//
// Usage: alertdeck_analysis_stream [CHUNKS_PER_SECOND [cited]]   (default 10000; 0: as fast as possible)

#include "AnalysisPanel.h"
#include "UiResources.h"
#include "analysis/AnalysisService.h"
#include "analysis/EvidenceChips.h"
#include "analysis/MarkdownStreamView.h"
#include "context/ContextService.h"
#include "secrets/MemorySecretStore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int answerCharacters = 60'000;
constexpr int chunkCount = 20'000;

// About 500 citations in 60,000 characters, and causes stated with and without them.
QString citedAnswerText()
{
    QString text;
    for (int section = 1; text.size() < answerCharacters; ++section) {
        text += u"## Finding %1\n\nThe **checkout** service on `db-%1` shows p99 latency above the SLO [E1]. "
                u"Connections pile up in the pool because of lock waits [E2, E3]. The database logs show the "
                u"waits%2.\n\n"_s.arg(section)
                    .arg(section % 3 == 0 ? u" [E4]"_s : QString());
        text += u"1. Check the pool: `SELECT count(*) FROM pg_stat_activity;`\n2. Look for long transactions\n"
                u"3. The deploy at 03:50 led to a smaller pool\n\n"_s;
        text += u"```bash\nkubectl -n shop logs deploy/checkout --since=15m | grep -i timeout\n```\n\n"_s;
    }
    return text.left(answerCharacters);
}

QString answerText()
{
    QString text;
    for (int section = 1; text.size() < answerCharacters; ++section) {
        text += u"## Finding %1\n\nThe **checkout** service on `db-%1` shows p99 latency above the SLO while "
                u"connections pile up in the pool; the database logs show lock waits.\n\n"_s.arg(section);
        text += u"1. Check the pool: `SELECT count(*) FROM pg_stat_activity;`\n2. Look for long transactions\n"
                u"3. Compare with the deploy at 03:50\n\n"_s;
        text += u"```bash\nkubectl -n shop logs deploy/checkout --since=15m | grep -i timeout\n```\n\n"_s;
    }
    return text.left(answerCharacters);
}

QList<QByteArray> events(const QString &answer)
{
    QList<QByteArray> list;
    const qsizetype piece = answer.size() / chunkCount;
    for (int i = 0; i < chunkCount; ++i) {
        const QString part = i == chunkCount - 1 ? answer.mid(i * piece) : answer.mid(i * piece, piece);
        const QJsonObject chunk{
            {u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0}, {u"delta"_s, QJsonObject{{u"content"_s, part}}}}}}};
        list << "data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + "\n\n";
    }
    const QJsonObject last{
        {u"choices"_s,
         QJsonArray{QJsonObject{{u"index"_s, 0}, {u"delta"_s, QJsonObject{}}, {u"finish_reason"_s, u"stop"_s}}}},
        {u"usage"_s,
         QJsonObject{{u"prompt_tokens"_s, 900}, {u"completion_tokens"_s, chunkCount}, {u"total_tokens"_s, 20900}}}};
    list << "data: " + QJsonDocument(last).toJson(QJsonDocument::Compact) + "\n\ndata: [DONE]\n\n";
    return list;
}

// The provider, on its own thread: streams the events at `perSecond`.
class Provider final : public QTcpServer
{
public:
    Provider(QList<QByteArray> events, int perSecond)
        : m_events(std::move(events))
        , m_perSecond(perSecond)
    {
        connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    socket->readAll();
                    if (!socket->property("answered").toBool()) {
                        socket->setProperty("answered", true);
                        stream(socket);
                    }
                });
        });
    }

private:
    void stream(QTcpSocket *socket)
    {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n");
        auto *timer = new QTimer(socket);
        timer->setTimerType(Qt::PreciseTimer);
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        auto next = std::make_shared<qsizetype>(0);
        connect(timer, &QTimer::timeout, socket, [this, socket, timer, clock, next] {
            const qsizetype due = m_perSecond <= 0
                ? m_events.size()
                : std::min<qsizetype>(m_events.size(), clock->elapsed() * m_perSecond / 1000 + 1);
            QByteArray batch;
            while (*next < due)
                batch += m_events.at((*next)++);
            if (!batch.isEmpty())
                socket->write(batch);
            if (*next == m_events.size()) {
                timer->stop();
                socket->disconnectFromHost();
            }
        });
        timer->start(1);
    }

    QList<QByteArray> m_events;
    int m_perSecond;
};

// Times every event the UI thread handles.
class TimedApplication final : public QApplication
{
public:
    using QApplication::QApplication;

    bool measuring = false;
    qint64 busyNs = 0;
    qint64 longestNs = 0;
    QWidget *watched = nullptr; // paints of this widget are "on screen"
    std::function<void(qint64 atNs)> painted;
    QElapsedTimer clock;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth++ > 0) {
            const bool result = QApplication::notify(receiver, event);
            --m_depth;
            // Paints happen inside the window's update request.
            if (measuring && receiver == watched && event->type() == QEvent::Paint && painted)
                painted(clock.nsecsElapsed());
            return result;
        }
        const qint64 start = clock.nsecsElapsed();
        const bool result = QApplication::notify(receiver, event);
        const qint64 end = clock.nsecsElapsed();
        --m_depth;
        if (measuring) {
            busyNs += end - start;
            longestNs = std::max(longestNs, end - start);
        }
        if (measuring && receiver == watched && event->type() == QEvent::Paint && painted)
            painted(end);
        return result;
    }

private:
    int m_depth = 0;
};

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    TimedApplication app(argc, argv);
    UiResources::initialize();
    const int perSecond = argc > 1 ? QByteArray(argv[1]).toInt() : 10'000;
    const bool cited = argc > 2 && QByteArray(argv[2]) == "cited";

    const QString answer = cited ? citedAnswerText() : answerText();
    QThread providerThread;
    Provider provider(events(answer), perSecond);
    provider.moveToThread(&providerThread);
    providerThread.start();
    quint16 port = 0;
    QMetaObject::invokeMethod(
        &provider,
        [&] {
            provider.listen(QHostAddress::LocalHost, 0);
            port = provider.serverPort();
        },
        Qt::BlockingQueuedConnection);

    ContextService context;
    MemorySecretStore secrets;
    AnalysisService analysis(&context, nullptr, &secrets);
    AnalysisService::Settings settings;
    settings.request.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    settings.request.model = u"bench"_s;
    analysis.setSettings(settings);

    AnalysisPanel panel;
    panel.setService(&analysis);
    panel.resize(420, 900);
    panel.show();
    auto *output = panel.findChild<MarkdownStreamView *>(u"analysisOutput"_s);
    Alert alert;
    alert.source = u"alertmanager"_s;
    alert.fingerprint = u"bench"_s;
    alert.name = u"HighRequestLatency"_s;
    alert.startsAt = QDateTime::currentDateTimeUtc();
    panel.showAlert(alert);

    // Arrivals: when the client had text up to a length; paints: what was shown when.
    QList<std::pair<qint64, qsizetype>> arrivals;
    QList<std::pair<qint64, qsizetype>> paints;
    QObject::connect(&analysis, &AnalysisService::runGrew, &app, [&](const AlertKey &key) {
        arrivals.append({app.clock.nsecsElapsed(), analysis.run(key)->completion->stream().content().size()});
    });
    app.watched = output->viewport();
    app.painted = [&](qint64 at) { paints.append({at, output->markdown().size()}); };

    QElapsedTimer wall;
    QObject::connect(&analysis, &AnalysisService::runFinished, &app, [&] {
        // The last text's paint still has to happen.
        QTimer::singleShot(100, &app, [&] { app.quit(); });
    });
    app.clock.start();
    QTimer::singleShot(200, &app, [&] {
        wall.start();
        app.measuring = true;
        panel.analyze();
    });
    app.exec();
    app.measuring = false;
    const qint64 wallMs = wall.elapsed();
    providerThread.quit();
    providerThread.wait();

    QList<double> latencies;
    qsizetype p = 0;
    for (const auto &[at, length] : std::as_const(arrivals)) {
        while (p < paints.size() && (paints.at(p).first < at || paints.at(p).second < length))
            ++p;
        if (p == paints.size())
            break;
        latencies << ms(paints.at(p).first - at);
    }
    std::sort(latencies.begin(), latencies.end());
    const auto percentile = [&](double q) {
        return latencies.isEmpty()
            ? -1.0
            : latencies.at(std::min<qsizetype>(latencies.size() - 1, qsizetype(q * latencies.size())));
    };
    const bool complete = output->markdown() == answer;
    const qsizetype chips = EvidenceChips::chipsIn(*output->document()).size();
    double firstTokenMs = -1;
    if (!arrivals.isEmpty())
        for (const auto &[at, length] : std::as_const(paints))
            if (at >= arrivals.first().first && length >= arrivals.first().second) {
                firstTokenMs = ms(at - arrivals.first().first);
                break;
            }
    std::printf("answer: %lld characters in %d chunks at %s; shown completely: %s\n", qlonglong(answer.size()),
                chunkCount, perSecond > 0 ? qPrintable(u"%1 chunks/s"_s.arg(perSecond)) : "full speed",
                complete ? "yes" : "NO");
    std::printf("wall time %lld ms; UI-thread busy %.0f ms; longest event %.1f ms; renders %d; network reads %lld\n",
                qlonglong(wallMs), ms(app.busyNs), ms(app.longestNs), panel.renderCount(), qlonglong(arrivals.size()));
    std::printf("arrival to paint: median %.1f ms, p99 %.1f ms, max %.1f ms over %lld arrivals\n", percentile(0.5),
                percentile(0.99), latencies.isEmpty() ? -1.0 : latencies.last(), qlonglong(latencies.size()));
    std::printf("first token: arrival to paint %.1f ms (goal: at most 100 ms)\n", firstTokenMs);
    std::printf("evidence chips and markers shown: %lld\n", qlonglong(chips));
    return complete ? 0 : 1;
}
