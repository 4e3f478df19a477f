#include "AnalysisEval.h"

#include "ScriptedProvider.h"
#include "analysis/AnalysisReport.h"
#include "analysis/AnalysisService.h"
#include "context/ContextService.h"
#include "secrets/MemorySecretStore.h"

#include <QEventLoop>
#include <QProcessEnvironment>
#include <QTimer>

using namespace Qt::StringLiterals;

QStringList EvalScore::defectsFound() const
{
    QStringList found;
    if (validCitations < citations)
        found << u"invalid-citation"_s;
    if (unsupported > 0)
        found << u"uncited-cause"_s;
    if (!causeOnTop)
        found << u"wrong-top"_s;
    return found;
}

std::optional<AnalysisEval::LiveProvider> AnalysisEval::liveProviderFromEnvironment(QString *why)
{
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString base = environment.value(u"ALERTDECK_EVAL_BASE_URL"_s).trimmed();
    if (base.isEmpty()) {
        *why = u"ALERTDECK_EVAL_BASE_URL is not set (also: ALERTDECK_EVAL_API_KEY, optional ALERTDECK_EVAL_MODEL)"_s;
        return std::nullopt;
    }
    const QUrl url(base, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)) {
        *why = u"ALERTDECK_EVAL_BASE_URL is not an http(s) URL"_s;
        return std::nullopt;
    }
    LiveProvider live{url, environment.value(u"ALERTDECK_EVAL_API_KEY"_s),
                      environment.value(u"ALERTDECK_EVAL_MODEL"_s, u"deepseek-flash"_s)};
    if (live.apiKey.isEmpty() && !CompletionRequest::isLocal(url)) {
        *why = u"ALERTDECK_EVAL_API_KEY is not set and %1 is not a local server"_s.arg(url.host());
        return std::nullopt;
    }
    return live;
}

AnalysisEval::AnalysisEval(std::optional<LiveProvider> live)
    : m_live(std::move(live))
{ }

EvalScore AnalysisEval::run(const EvalIncident &incident, QByteArray *reportJson, int timeoutMs) const
{
    EvalScore score;
    score.incident = incident.name;
    // A live answer has no defects written into it.
    if (!m_live)
        score.defects = incident.defects;

    // Prometheus and Loki for this incident's window, on one loopback port.
    LoopbackServer sources([&incident](const HttpRequest &request) { return incident.serve(request); });
    ScriptedProvider scripted;
    if (!sources.listen() || (!m_live && !scripted.listen())) {
        score.outcome = u"failed"_s;
        score.error = u"cannot listen on 127.0.0.1"_s;
        return score;
    }
    scripted.setScript({incident.answer, incident.reasoning});

    ContextService context;
    ContextService::Sources endpoints;
    endpoints.prometheus.url = sources.url();
    endpoints.loki.url = sources.url();
    if (!incident.queriesFile.isEmpty()) {
        const ContextTemplates::FileResult file = ContextTemplates::readFile(incident.queriesFile);
        endpoints.templates = file.parsed.config;
        if (!file.parsed.config.labelRules.isEmpty())
            endpoints.labelRules = file.parsed.config.labelRules;
        if (!file.parsed.ok() || !file.readError.isEmpty()) {
            score.outcome = u"failed"_s;
            score.error = file.readError + file.parsed.errors.join(u"; "_s);
            return score;
        }
    }
    context.setSources(endpoints);

    MemorySecretStore secrets;
    AnalysisService::Settings settings;
    settings.request.baseUrl = m_live ? m_live->baseUrl : scripted.baseUrl();
    settings.request.model = m_live ? m_live->model : u"scripted"_s;
    settings.request.maxTokens = 4096;
    if (m_live)
        secrets.set(Secrets::providerApiKey, m_live->apiKey);
    else
        settings.retry.maxTries = 1;
    settings.contextWait = std::chrono::milliseconds(20'000);
    AnalysisService analysis(&context, nullptr, &secrets);
    analysis.setSettings(settings);

    QEventLoop loop;
    QObject::connect(&analysis, &AnalysisService::runFinished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, [&analysis, &incident] { analysis.stop(AlertKey::of(incident.alert)); });
    analysis.analyze(incident.alert);
    if (const AnalysisService::Run *run = analysis.run(AlertKey::of(incident.alert)); run && run->isRunning())
        loop.exec();
    const AnalysisService::Run *run = analysis.run(AlertKey::of(incident.alert));
    if (!run) {
        score.outcome = u"failed"_s;
        score.error = u"the analysis did not start"_s;
        return score;
    }

    const AnalysisReport report(AnalysisReport::inputOf(*run));
    if (reportJson)
        *reportJson = report.toJson();
    score.outcome = analysisOutcomeName(report.input().outcome);
    score.error = report.input().error;
    score.evidenceItems = int(report.input().evidence.size());
    score.citations = report.citationCount();
    score.validCitations = report.validCitationCount();
    score.claims = report.counts().claims;
    score.citedClaims = report.counts().cited;
    score.unsupported = report.counts().unsupported;
    if (const std::optional<Hypothesis> top = report.topHypothesis()) {
        score.topHypothesis = top->title;
        score.causeOnTop = incident.causeMatches(top->title);
    }
    if (!m_live)
        score.unresolved = scripted.unresolved();
    return score;
}

namespace {

QString share(int part, int whole)
{
    return u"%1/%2 %3"_s.arg(part).arg(whole).arg(whole == 0 ? u"–"_s : u"%1%"_s.arg(100.0 * part / whole, 0, 'f', 0));
}

} // namespace

QString AnalysisEval::table(const QList<EvalScore> &scores)
{
    QString text = u"%1 %2 %3 %4 %5 %6  %7\n"_s.arg(u"incident"_s, -28)
                       .arg(u"evidence"_s, 8)
                       .arg(u"valid citations"_s, 17)
                       .arg(u"claims cited"_s, 14)
                       .arg(u"unsupported"_s, 11)
                       .arg(u"cause on top"_s, 12)
                       .arg(u"top hypothesis / problem"_s);
    EvalScore total;
    int onTop = 0;
    int defectsExpected = 0;
    int defectsShown = 0;
    for (const EvalScore &s : scores) {
        QString note = s.outcome == u"finished"_s ? s.topHypothesis : s.outcome + u": "_s + s.error;
        if (!s.unresolved.isEmpty())
            note += u" [unresolved placeholders: %1]"_s.arg(s.unresolved.join(u", "_s));
        if (!s.defects.isEmpty())
            note += u" [deliberately bad: %1]"_s.arg(s.defects.join(u", "_s));
        text += u"%1 %2 %3 %4 %5 %6  %7\n"_s.arg(s.incident.left(28), -28)
                    .arg(s.evidenceItems, 8)
                    .arg(share(s.validCitations, s.citations), 17)
                    .arg(share(s.citedClaims, s.claims), 14)
                    .arg(s.unsupported, 11)
                    .arg(s.causeOnTop ? u"yes"_s : u"no"_s, 12)
                    .arg(note);
        total.citations += s.citations;
        total.validCitations += s.validCitations;
        total.claims += s.claims;
        total.citedClaims += s.citedClaims;
        total.unsupported += s.unsupported;
        onTop += s.causeOnTop ? 1 : 0;
        for (const QString &defect : s.defects) {
            ++defectsExpected;
            defectsShown += s.defectsFound().contains(defect) ? 1 : 0;
        }
    }
    text += u"\ntotal: %1 incidents; valid citations %2; claims cited %3; unsupported %4; known cause on top %5/%6"_s
                .arg(scores.size())
                .arg(share(total.validCitations, total.citations), share(total.citedClaims, total.claims))
                .arg(total.unsupported)
                .arg(onTop)
                .arg(scores.size());
    if (const qsizetype failed
        = std::count_if(scores.cbegin(), scores.cend(), [](const EvalScore &s) { return s.outcome != u"finished"_s; }))
        text += u"; not finished %1"_s.arg(failed);
    if (defectsExpected > 0)
        text += u"; deliberate defects shown by the metrics %1/%2"_s.arg(defectsShown).arg(defectsExpected);
    return text + u'\n';
}
