#include "AlertBuilder.h"
#include "FakeHttpServer.h"
#include "ResultAssert.h"
#include "TestData.h"
#include "context/ContextService.h"
#include "context/ContextTemplates.h"
#include "context/LabelMapFile.h"
#include "context/LogLevel.h"
#include "context/LokiStreamDiscovery.h"
#include "net/ConnectionCheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

const QDateTime now = QDateTime(QDate(2026, 11, 22), QTime(12, 0), Qt::UTC);

Alert cpuAlert(const QString &instance = u"127.0.0.1:9100"_s)
{
    return AlertBuilder(u"cpu1"_s)
        .named(u"HighCPUUsage"_s)
        .label(u"instance"_s, instance)
        .label(u"job"_s, u"node"_s)
        .startsAt(QDateTime(QDate(2026, 11, 22), QTime(11, 50), Qt::UTC));
}

QByteArray lokiData(const QJsonValue &data)
{
    return QJsonDocument(QJsonObject{{u"status"_s, u"success"_s}, {u"data"_s, data}}).toJson(QJsonDocument::Compact);
}

QString queryValue(const HttpRequest &request, const QString &name)
{
    const QByteArray target = request.target;
    const QUrlQuery query(QString::fromUtf8(target.mid(target.indexOf('?') + 1)));
    // By the decoded name: QUrlQuery looks "match[]" up as it was sent (match%5B%5D).
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        if (key == name)
            return value;
    return {};
}

QStringList pathsOf(const QList<HttpRequest> &requests)
{
    QStringList paths;
    for (const HttpRequest &request : requests)
        paths << QString::fromUtf8(request.path);
    return paths;
}

} // namespace

// The Logs tab finds an alert's streams without configuration, against a local
// stand-in for Loki's labels, series and query_range API.
class TestLokiDiscovery : public QObject
{
    Q_OBJECT

private:
    FakeHttpServer m_loki;
    // Selectors the stand-in holds streams for; each answers with one stream.
    QStringList m_streamSelectors;

    ContextService::Sources sources() const
    {
        ContextService::Sources sources;
        sources.loki = {m_loki.url()};
        return sources;
    }

    const ContextService::Context *fetch(ContextService &service, const Alert &alert)
    {
        service.select(alert, now);
        const OccurrenceKey key = OccurrenceKey::of(alert);
        if (!QTest::qWaitFor([&] { return service.context(key) && service.context(key)->complete(); }, 10'000))
            return nullptr;
        return service.context(key);
    }

private slots:
    void init()
    {
        QVERIFY(m_loki.listen());
        m_loki.requests.clear();
        m_streamSelectors.clear();
        m_loki.route("/loki/api/v1/labels",
                     {200, lokiData(QJsonArray{u"filename"_s, u"instance"_s, u"job"_s, u"bad name"_s})});
        m_loki.handle("/loki/api/v1/series", [this](const HttpRequest &request) {
            const QString selector = queryValue(request, u"match[]"_s);
            QJsonArray streams;
            if (m_streamSelectors.contains(selector))
                streams.append(QJsonObject{{u"instance"_s, u"127.0.0.1:9100"_s}, {u"job"_s, u"node"_s}});
            return FakeHttpServer::Response{200, lokiData(streams)};
        });
        m_loki.route("/loki/api/v1/query_range", {200, TestData::fixture(u"loki/query_range-limited.json"_s)});
    }

    // The label map's own selector answers first: nothing was tried in vain, so the Logs
    // tab says nothing about discovery (candidates ranked lower are not reported).
    void theLabelMapsSelectorFindingStreamsReportsNothingTried()
    {
        m_loki.route("/loki/api/v1/labels", {200, lokiData(QJsonArray{u"host"_s, u"job"_s})});
        m_streamSelectors << u"{host=\"127.0.0.1\"}"_s;
        ContextService service;
        service.setSources(sources());
        const ContextService::Context *context = fetch(service, cpuAlert());
        QVERIFY(context);
        const ContextPlan::LogQuery &query = context->logQuery;
        QCOMPARE(query.selector, u"{host=\"127.0.0.1\"}"_s);
        QVERIFY(query.planned.isEmpty());
        QVERIFY2(query.tried.isEmpty(), qPrintable(query.tried.join(u'\n')));
    }

    void findsTheStreamsLabelledInstanceAndSaysWhatItTried()
    {
        // The default label map asks for {host="127.0.0.1"}; the streams carry instance/job.
        m_streamSelectors << u"{instance=\"127.0.0.1:9100\"}"_s;
        ContextService service;
        service.setSources(sources());
        const ContextService::Context *context = fetch(service, cpuAlert());
        QVERIFY(context);
        const ContextPlan::LogQuery &query = context->logQuery;
        QCOMPARE(query.selector, u"{instance=\"127.0.0.1:9100\"}"_s);
        QCOMPARE(query.planned, u"{host=\"127.0.0.1\"}"_s);
        QVERIFY2(query.tried.join(u'\n').contains(u"{host=\"127.0.0.1\"}: Loki has no label host"_s),
                 qPrintable(query.tried.join(u'\n')));
        // The rule that gives this selector, to offer as a label-map rule.
        QCOMPARE(query.foundRules.size(), 1);
        QCOMPARE(query.foundRules.at(0).alertLabel, u"instance"_s);
        QCOMPARE(query.foundRules.at(0).lokiLabel, u"instance"_s);
        QVERIFY(!query.foundRules.at(0).stripPort);
        QVERIFY(context->logs && context->logs->ok);
        // Labels first, then series over the window (ns), then the lines with the found selector.
        const QStringList paths = pathsOf(m_loki.requests);
        QCOMPARE(paths.first(), u"/loki/api/v1/labels"_s);
        QCOMPARE(paths.last(), u"/loki/api/v1/query_range"_s);
        const HttpRequest &series = m_loki.requests.at(1);
        QCOMPARE(QString::fromUtf8(series.path), u"/loki/api/v1/series"_s);
        QCOMPARE(queryValue(series, u"start"_s),
                 QString::number(context->window.start.toMSecsSinceEpoch() * 1'000'000));
        QCOMPARE(queryValue(series, u"end"_s), QString::number(context->window.end.toMSecsSinceEpoch() * 1'000'000));
        QCOMPARE(queryValue(m_loki.requests.last(), u"query"_s), query.selector);
        QCOMPARE(service.runningRequests(), 0);
    }

    void keepsTheLabelMapsSelectorWhenItHasStreams()
    {
        m_loki.route("/loki/api/v1/labels", {200, lokiData(QJsonArray{u"host"_s, u"instance"_s})});
        m_streamSelectors << u"{host=\"127.0.0.1\"}"_s << u"{instance=\"127.0.0.1:9100\"}"_s;
        ContextService service;
        service.setSources(sources());
        const ContextService::Context *context = fetch(service, cpuAlert());
        QVERIFY(context);
        QCOMPARE(context->logQuery.selector, u"{host=\"127.0.0.1\"}"_s);
        QVERIFY(context->logQuery.planned.isEmpty());
        QVERIFY(context->logQuery.foundRules.isEmpty()); // nothing new to save
        QCOMPARE(pathsOf(m_loki.requests).count(u"/loki/api/v1/series"_s), 1);
    }

    void nothingFoundKeepsThePlanAndListsEveryTry()
    {
        ContextService service;
        service.setSources(sources());
        const ContextService::Context *context = fetch(service, cpuAlert());
        QVERIFY(context);
        QCOMPARE(context->logQuery.selector, u"{host=\"127.0.0.1\"}"_s);
        QVERIFY(context->logQuery.foundRules.isEmpty());
        const QString tried = context->logQuery.tried.join(u'\n');
        QVERIFY2(tried.contains(u"{instance=\"127.0.0.1:9100\"}: no streams in this window"_s), qPrintable(tried));
        QVERIFY(tried.contains(u"{job=\"node\"}: no streams in this window"_s));
        QVERIFY(context->logs.has_value());
    }

    void anAlertWithoutMappedLabelsStillFindsItsStreams()
    {
        // No label-map rule applies (the default map knows no "app"): Loki is asked anyway.
        m_loki.route("/loki/api/v1/labels", {200, lokiData(QJsonArray{u"app"_s})});
        m_streamSelectors << u"{app=\"shop\"}"_s;
        ContextService service;
        service.setSources(sources());
        const Alert alert = AlertBuilder(u"app1"_s).named(u"Errors"_s).label(u"app"_s, u"shop"_s).startsAt(now);
        const ContextService::Context *context = fetch(service, alert);
        QVERIFY(context);
        QVERIFY(context->logQuery.problem.isEmpty());
        QCOMPARE(context->logQuery.selector, u"{app=\"shop\"}"_s);
        QVERIFY(context->logs && context->logs->ok);
    }

    void withoutTheLabelsApiEachCandidateIsAsked()
    {
        m_loki.route("/loki/api/v1/labels", {404, "404 page not found\n", "text/plain"});
        m_streamSelectors << u"{job=\"node\"}"_s;
        ContextService service;
        service.setSources(sources());
        const ContextService::Context *context = fetch(service, cpuAlert());
        QVERIFY(context);
        QCOMPARE(context->logQuery.selector, u"{job=\"node\"}"_s);
        QVERIFY(pathsOf(m_loki.requests).count(u"/loki/api/v1/series"_s) >= 2);
        QVERIFY(pathsOf(m_loki.requests).count(u"/loki/api/v1/series"_s) <= LokiStreamDiscovery::maxSeriesRequests);
    }

    void hostileLabelValuesAreEscapedInEverySelector()
    {
        const QString hostile = u"a\"} |= \"x\n\\ `"_s;
        m_loki.route("/loki/api/v1/labels", {200, lokiData(QJsonArray{u"instance"_s, u"job"_s, u"host"_s})});
        ContextService service;
        service.setSources(sources());
        const ContextService::Context *context = fetch(service, cpuAlert(hostile));
        QVERIFY(context);
        for (const HttpRequest &request : std::as_const(m_loki.requests)) {
            if (request.path != "/loki/api/v1/series")
                continue;
            const QString selector = queryValue(request, u"match[]"_s);
            // One matcher whose value is the whole hostile text, escaped.
            if (selector.startsWith(u"{instance="_s))
                QCOMPARE(selector, u"{instance=\"a\\\"} |= \\\"x\\n\\\\ `\"}"_s);
        }
        QVERIFY(context->logQuery.tried.join(u'\n').contains(u"{instance=\"a\\\"} |= \\\"x\\n\\\\ `\"}"_s));
    }

    void answersAreBounded()
    {
        // Too many label names: only maxLokiLabelNames are kept, invalid names dropped.
        QJsonArray names;
        for (int i = 0; i < maxLokiLabelNames + 500; ++i)
            names.append(u"label_%1"_s.arg(i));
        names.prepend(u"} or {"_s);
        const LokiLabelNames parsed = ContextResponse::parseLokiLabels(200, lokiData(names));
        QVERIFY(parsed.ok);
        QCOMPARE(parsed.names.size(), maxLokiLabelNames);
        QVERIFY(!parsed.names.contains(u"} or {"_s));
        // Too many series: at most maxLokiSeries kept, "more" said.
        QJsonArray streams;
        for (int i = 0; i < maxLokiSeries + 10; ++i)
            streams.append(QJsonObject{{u"job"_s, u"j%1"_s.arg(i)}});
        const LokiSeries series = ContextResponse::parseLokiSeries(200, lokiData(streams));
        QCOMPARE(series.streams.size(), maxLokiSeries);
        QVERIFY(series.more && series.found());
        // An answer larger than maxLokiDiscoveryBytes is not read whole: it means "many streams".
        QByteArray huge = "{\"status\":\"success\",\"data\":[";
        const QByteArray stream = "{\"job\":\"node\",\"filename\":\"/var/log/" + QByteArray(200, 'x') + "\"},";
        while (huge.size() < maxLokiDiscoveryBytes * 2)
            huge += stream;
        huge += "{\"job\":\"node\"}]}";
        m_loki.handle("/loki/api/v1/series", [huge](const HttpRequest &) {
            return FakeHttpServer::Response{200, huge};
        });
        ContextClient client;
        ContextPlan::Window window{now.addSecs(-600), now, 15};
        std::optional<LokiSeries> answer;
        client.queryLokiSeries({m_loki.url()}, u"{job=\"node\"}"_s, window, this,
                               [&answer](const LokiSeries &result) { answer = result; });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10'000);
        QVERIFY2(answer->found(), qPrintable(answer->error));
        QVERIFY(answer->more);
        QVERIFY(answer->streams.isEmpty());
    }

    void movingOnCancelsDiscovery()
    {
        m_loki.route("/loki/api/v1/labels", {200, {}, "application/json", {}, true}); // never answers
        ContextService service;
        service.setSources(sources());
        service.select(cpuAlert(), now);
        QTRY_VERIFY(service.runningRequests() == 1);
        const OccurrenceKey first = OccurrenceKey::of(cpuAlert());
        QVERIFY(service.context(first)->discoveringLogs);
        QVERIFY(!service.context(first)->complete());
        service.select(AlertBuilder(u"other"_s).label(u"instance"_s, u"other:9100"_s).startsAt(now), now);
        QVERIFY(!service.context(first)); // half-found context forgotten, its request cancelled
    }

    void rerunsAnEditedQueryAndResetsToThePlannedOne()
    {
        m_loki.route("/loki/api/v1/labels", {200, lokiData(QJsonArray{u"host"_s})});
        m_streamSelectors << u"{host=\"127.0.0.1\"}"_s;
        ContextService service;
        service.setSources(sources());
        const ContextService::Context *context = fetch(service, cpuAlert());
        QVERIFY(context);
        const OccurrenceKey key = OccurrenceKey::of(cpuAlert());
        const QString edited = u"{host=\"127.0.0.1\"} |= \"oom\""_s;
        service.rerunLogs(key, edited);
        QVERIFY(!service.context(key)->logs.has_value());
        QTRY_VERIFY(service.context(key)->logs.has_value());
        QCOMPARE(queryValue(m_loki.requests.last(), u"query"_s), edited);
        QCOMPARE(service.context(key)->logQuery.logQl(), edited);
        // Reset: the planned query again.
        service.rerunLogs(key, QString());
        QTRY_VERIFY(service.context(key)->logs.has_value());
        QCOMPARE(queryValue(m_loki.requests.last(), u"query"_s), u"{host=\"127.0.0.1\"}"_s);
        QVERIFY(service.context(key)->logQuery.edited.isEmpty());
    }

    void savingTheFoundRulePutsItFirstInTheLabelMap()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"context-queries.txt"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("# mine\nmatch alertname=~\"Postgres.*\"\nquery Connections = sum(pg_up)\nloki pod -> pod\n");
        }
        ContextService::Sources withFile = sources();
        withFile.labelMapFile = path;
        withFile.labelRules = {{u"pod"_s, u"pod"_s, false, 0}};
        ContextService service;
        service.setSources(withFile);
        std::optional<Result<>> saved;
        service.saveLabelRules({{u"instance"_s, u"instance"_s, false, 0}}, this,
                               [&saved](const Result<> &result) { saved = result; });
        QTRY_VERIFY(saved.has_value());
        QVERIFY_OK(*saved);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ContextTemplates::ParseResult parsed = ContextTemplates::parse(QString::fromUtf8(file.readAll()));
        QVERIFY2(parsed.ok(), qPrintable(parsed.errors.join(u'\n')));
        QCOMPARE(parsed.config.templates.size(), 1); // the rest of the file stays
        QCOMPARE(parsed.config.labelRules.size(), 2);
        QCOMPARE(parsed.config.labelRules.at(0).alertLabel, u"instance"_s);
        QCOMPARE(parsed.config.labelRules.at(0).group, 0);
        QCOMPARE(parsed.config.labelRules.at(1).lokiLabel, u"pod"_s);
        QCOMPARE(parsed.config.labelRules.at(1).group, 1);
        // The next alert is planned with it at once.
        m_streamSelectors << u"{instance=\"127.0.0.1:9100\"}"_s;
        const ContextService::Context *context = fetch(service, cpuAlert());
        QVERIFY(context);
        QCOMPARE(context->logQuery.selector, u"{instance=\"127.0.0.1:9100\"}"_s);
        QVERIFY(context->logQuery.planned.isEmpty()); // the label map's own choice now
        // Without a queries file there is nowhere to keep it: said, not silently dropped.
        service.setSources(sources());
        saved.reset();
        service.saveLabelRules({{u"instance"_s, u"instance"_s, false, 0}}, this,
                               [&saved](const Result<> &result) { saved = result; });
        QVERIFY(saved.has_value() && !*saved);
    }

    void theLokiCheckWarnsWhenASampleAlertsSelectorFindsNoStreams()
    {
        ConnectionChecker checker;
        const Alert alert = cpuAlert();
        const ContextPlan::Window window = ContextPlan::window(alert, now);
        const LokiSample sample{ContextPlan::logQuery(alert).selector, alert.name,
                                window.start.toMSecsSinceEpoch() * 1'000'000,
                                window.end.toMSecsSinceEpoch() * 1'000'000};
        std::optional<ConnectionCheckResult> result;
        checker.checkLoki(
            {m_loki.url()}, this, [&result](const ConnectionCheckResult &r) { result = r; }, sample);
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->ok); // Loki works ...
        QVERIFY2(result->warning.contains(u"{host=\"127.0.0.1\"}"_s), qPrintable(result->summary)); // ... but:
        QVERIFY(result->warning.contains(u"HighCPUUsage"_s));
        QVERIFY(result->summary.contains(result->warning));
        const HttpRequest &series = m_loki.requests.last();
        QCOMPARE(QString::fromUtf8(series.path), u"/loki/api/v1/series"_s);
        QCOMPARE(queryValue(series, u"match[]"_s), sample.selector);
        QCOMPARE(queryValue(series, u"start"_s), QString::number(sample.startNs));
        // With streams for it: no warning.
        m_streamSelectors << sample.selector;
        result.reset();
        checker.checkLoki(
            {m_loki.url()}, this, [&result](const ConnectionCheckResult &r) { result = r; }, sample);
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->ok);
        QVERIFY(result->warning.isEmpty());
        QCOMPARE(result->summary, u"Connected: Loki answered with 4 label name(s)"_s);
    }

    void errorLikeLinesIncludeWhatTheOldFilterDropped()
    {
        // The old default filter (error|fail|exception|panic|fatal|timeout|refused|oom) missed these.
        for (const QString &line : {u"Out of memory: Killed process 4242 (java)"_s, u"level=critical msg=\"disk\""_s,
                                    u"level=warn msg=\"slow\""_s, u"WARNING: disk almost full"_s,
                                    u"kernel: oom-kill:constraint=CONSTRAINT_NONE"_s})
            QVERIFY2(LogLevel::isErrorLike(line), qPrintable(line));
        for (const QString &line : {u"level=info msg=\"GET /health 200\""_s, u"the room is zoomed"_s})
            QVERIFY2(!LogLevel::isErrorLike(line), qPrintable(line));
        QCOMPARE(LogLevel::of(u"level=critical msg=x"_s), LogLevel::Level::Error);
        QCOMPARE(LogLevel::of(u"level=warn msg=x"_s), LogLevel::Level::Warning);
        QCOMPARE(LogLevel::of(u"Out of memory: Killed process 4242"_s), LogLevel::Level::Error);
        QCOMPARE(LogLevel::of(u"{\"severity\":\"INFO\",\"msg\":\"error budget ok\"}"_s), LogLevel::Level::Info);
        // The same words narrow a query to Loki when asked to; all lines by default.
        QVERIFY(ContextPlan::logQuery(cpuAlert()).lineFilter.isEmpty());
        const QString filter = ContextPlan::logQuery(cpuAlert(), ContextPlan::defaultLabelRules(), true).lineFilter;
        QVERIFY(filter.startsWith(u"|~ \"(?i)("_s));
        QVERIFY(filter.contains(u"out of memory"_s) && filter.contains(u"kill"_s) && filter.contains(u"warn"_s)
                && filter.contains(u"crit"_s));
    }
};

QTEST_GUILESS_MAIN(TestLokiDiscovery)
#include "tst_lokidiscovery.moc"
