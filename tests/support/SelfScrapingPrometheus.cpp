#include "SelfScrapingPrometheus.h"

#include "FreePort.h"
#include "context/ContextClient.h"

#include <QFile>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;

QUrl SelfScrapingPrometheus::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

QString SelfScrapingPrometheus::start()
{
    const QString prometheus = QStandardPaths::findExecutable(u"prometheus"_s);
    if (prometheus.isEmpty())
        return u"install prometheus (tools/test does)"_s;
    if (!m_dir.isValid())
        return u"no temporary directory"_s;
    m_port = freeLoopbackPort();
    QFile config(m_dir.filePath(u"prometheus.yml"_s));
    if (!config.open(QIODevice::WriteOnly))
        return u"cannot write "_s + config.fileName();
    config.write("global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: self\n    static_configs:\n"
                 "      - targets: ['127.0.0.1:"
                 + QByteArray::number(m_port) + "']\n");
    config.close();
    m_process.setChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(prometheus,
                    {u"--config.file="_s + config.fileName(), u"--storage.tsdb.path="_s + m_dir.filePath(u"data"_s),
                     u"--web.listen-address=127.0.0.1:%1"_s.arg(m_port), u"--log.level=warn"_s});
    if (!m_process.waitForStarted())
        return u"prometheus did not start"_s;

    // Asked again every 200 ms until the first scrape is in.
    ContextClient client;
    QObject context;
    bool ready = false;
    std::function<void()> ask = [&] {
        client.queryInstant({url()}, u"up{job=\"self\"}"_s, QDateTime::currentDateTimeUtc(), &context,
                            [&](const InstantResult &result) {
                                if (result.ok && !result.values.isEmpty())
                                    ready = true;
                                else
                                    QTimer::singleShot(200, &context, ask);
                            });
    };
    ask();
    if (!QTest::qWaitFor([&] { return ready; }, 60'000))
        return u"prometheus had no scrape to show within 60 s"_s;
    m_firstData = QDateTime::currentDateTimeUtc();
    return {};
}
