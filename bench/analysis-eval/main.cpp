// Analysis evaluation: runs the recorded incidents of incidents/ through the real
// pipeline (context from a loopback Prometheus/Loki stand-in, prompt, streamed answer)
// and prints, per incident and in total, how well the answer is backed by evidence:
// valid citations / all citations, the share of claims cited, cause sentences without
// a citation, and whether the known cause is the top hypothesis. First with the
// scripted provider, then, when ALERTDECK_EVAL_BASE_URL is set, against that real
// OpenAI-compatible endpoint (ALERTDECK_EVAL_API_KEY, optional ALERTDECK_EVAL_MODEL).
//
// Usage: alertdeck_analysis_eval [INCIDENTS_DIR]   (default: bench/analysis-eval/incidents)
// ALERTDECK_EVAL_REPORTS=DIR writes each run's report (`analyze --json`'s object) there
// as <incident>.scripted.json / <incident>.live.json.

#include "AnalysisEval.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QProcessEnvironment>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

void print(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

QList<EvalScore> runAll(const AnalysisEval &eval, const QList<EvalIncident> &incidents, const QString &suffix)
{
    const QString reports = QProcessEnvironment::systemEnvironment().value(u"ALERTDECK_EVAL_REPORTS"_s);
    if (!reports.isEmpty())
        QDir().mkpath(reports);
    QList<EvalScore> scores;
    for (const EvalIncident &incident : incidents) {
        QByteArray report;
        scores << eval.run(incident, &report);
        if (reports.isEmpty())
            continue;
        QFile file(QDir(reports).filePath(incident.name + u'.' + suffix + u".json"_s));
        if (!file.open(QIODevice::WriteOnly) || file.write(report) != report.size())
            std::fprintf(stderr, "alertdeck_analysis_eval: cannot write %s\n", qPrintable(file.fileName()));
    }
    return scores;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Each run's start and end would come between the table's lines.
    QLoggingCategory::setFilterRules(u"alertdeck.*.info=false"_s);
    const QStringList arguments = app.arguments();
    const QString root = arguments.size() > 1 ? arguments.at(1) : QStringLiteral(ALERTDECK_EVAL_INCIDENTS);
    const Result<QList<EvalIncident>> incidents = EvalIncident::loadAll(root);
    if (!incidents) {
        std::fprintf(stderr, "alertdeck_analysis_eval: %s\n", qPrintable(incidents.error()));
        return 1;
    }

    print(u"Scripted provider (answers in incidents/*/answer.md), %1 incidents from %2\n\n"_s.arg(incidents->size())
              .arg(root));
    print(AnalysisEval::table(runAll(AnalysisEval(), *incidents, u"scripted"_s)));

    QString why;
    const std::optional<AnalysisEval::LiveProvider> live = AnalysisEval::liveProviderFromEnvironment(&why);
    if (!live) {
        print(u"\nLive run skipped: %1.\n"_s.arg(why));
        return 0;
    }
    // The key is never printed.
    print(u"\nLive provider %1, model %2\n\n"_s.arg(live->baseUrl.toString(QUrl::RemoveUserInfo), live->model));
    print(AnalysisEval::table(runAll(AnalysisEval(live), *incidents, u"live"_s)));
    return 0;
}
