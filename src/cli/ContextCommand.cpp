#include "cli/ContextCommand.h"

#include "cli/PayloadAlert.h"
#include "core/BuildInfo.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTimer>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QString labelText(const LabelMap &labels)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        parts << it.key() + u'=' + ContextPlan::quoted(it.value());
    return u'{' + parts.join(u", "_s) + u'}';
}

QJsonObject labelJson(const LabelMap &labels)
{
    QJsonObject object;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

ContextCommand::ContextCommand(const CommandLineOptions &options, QIODevice &out, QIODevice &err, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_out(&out)
    , m_err(&err)
{ }

void ContextCommand::fail(const QString &message)
{
    m_err << QLatin1String(BuildInfo::executableName) << ": " << message << Qt::endl;
    QTimer::singleShot(0, this, [this] { emit finished(ExitCode::Failure); });
}

void ContextCommand::start()
{
    const PayloadAlert loaded = PayloadAlert::load(m_options.contextPayloadFile, m_options.contextAlert);
    if (!loaded.error.isEmpty())
        return fail(loaded.error);
    m_alert = loaded.alert;
    m_window = ContextPlan::window(m_alert, QDateTime::currentDateTimeUtc());
    const ContextPlan::MetricPlan metrics = ContextPlan::metricPlan(m_alert);
    m_metrics = metrics.queries;
    m_logs = ContextPlan::logQuery(m_alert);

    if (!m_options.contextJson) {
        m_out << tr("Alert %1 of %2: %3 (%4, %5) from %6")
                     .arg(m_options.contextAlert)
                     .arg(loaded.alertsInPayload)
                     .arg(m_alert.name,
                          m_alert.severityText.isEmpty() ? severityName(m_alert.severity) : m_alert.severityText,
                          stateName(m_alert.state), m_alert.source)
              << '\n'
              << tr("Window: %1 … %2, step %3 s").arg(iso(m_window.start), iso(m_window.end)).arg(m_window.stepSeconds)
              << "\n\n"
              << tr("Metrics:") << '\n';
        for (const QString &note : metrics.notes)
            m_out << "  " << note << '\n';
        if (m_metrics.isEmpty() && metrics.notes.isEmpty())
            m_out << "  " << tr("nothing to plot: the alert has no PromQL and is not a node_exporter target") << '\n';
        m_out.flush();
    }
    fetchNextMetric();
}

void ContextCommand::fetchNextMetric()
{
    if (m_nextMetric == m_metrics.size())
        return fetchLogs();
    const ContextPlan::MetricQuery query = m_metrics.at(m_nextMetric++);
    QJsonObject json{{u"title"_s, query.title}, {u"query"_s, query.expression}};
    if (query.threshold)
        json.insert(u"threshold"_s, *query.threshold);
    if (!m_options.contextJson) {
        m_out << "  [" << m_nextMetric << "] " << query.title;
        if (query.threshold)
            m_out << "  " << tr("threshold %1").arg(*query.threshold);
        m_out << '\n' << "      " << query.expression << '\n';
        m_out.flush();
    }
    if (m_options.contextPrometheusUrl.isEmpty()) {
        m_jsonMetrics.append(json);
        return fetchNextMetric();
    }
    m_client.queryMetrics(PayloadAlert::endpoint(m_options.contextPrometheusUrl, u"PROMETHEUS"_s), query.expression,
                          m_window, this, [this, json](const MetricResult &result) mutable {
                              if (!result.ok) {
                                  m_failed = true;
                                  const QString error = result.errorType.isEmpty()
                                      ? result.error
                                      : u"%1: %2"_s.arg(result.errorType, result.error);
                                  json.insert(u"error"_s, error);
                                  if (!m_options.contextJson)
                                      m_out << "      " << tr("Prometheus: %1").arg(error) << '\n';
                              } else {
                                  QJsonArray series;
                                  if (!m_options.contextJson)
                                      m_out << "      " << tr("%n series", nullptr, int(result.series.size())) << '\n';
                                  for (const Series &one : result.series) {
                                      double min = qInf(), max = -qInf(), last = qQNaN();
                                      int points = 0;
                                      for (const Sample &sample : one.samples) {
                                          if (std::isnan(sample.value))
                                              continue;
                                          ++points;
                                          min = std::min(min, sample.value);
                                          max = std::max(max, sample.value);
                                          last = sample.value;
                                      }
                                      series.append(QJsonObject{{u"labels"_s, labelJson(one.labels)},
                                                                {u"points"_s, points},
                                                                {u"min"_s, points ? min : QJsonValue()},
                                                                {u"max"_s, points ? max : QJsonValue()},
                                                                {u"last"_s, points ? last : QJsonValue()}});
                                      if (!m_options.contextJson)
                                          m_out << "        " << labelText(one.labels) << "  "
                                                << tr("%n point(s)", nullptr, points) << "  "
                                                << tr("min %1  max %2  last %3").arg(min).arg(max).arg(last) << '\n';
                                  }
                                  json.insert(u"series"_s, series);
                              }
                              m_out.flush();
                              m_jsonMetrics.append(json);
                              fetchNextMetric();
                          });
}

void ContextCommand::fetchLogs()
{
    m_jsonLogs = QJsonObject{{u"query"_s, m_logs.logQl()}};
    if (!m_options.contextJson) {
        m_out << '\n' << tr("Logs:") << '\n';
        if (!m_logs.problem.isEmpty())
            m_out << "  " << m_logs.problem << '\n';
        else
            m_out << "  " << m_logs.logQl() << '\n';
        m_out.flush();
    }
    if (!m_logs.problem.isEmpty()) {
        m_jsonLogs.insert(u"problem"_s, m_logs.problem);
        return finish();
    }
    if (m_options.contextLokiUrl.isEmpty())
        return finish();
    m_client.queryLogs(PayloadAlert::endpoint(m_options.contextLokiUrl, u"LOKI"_s), m_logs.logQl(), m_window, 200, this,
                       [this](const LogResult &result) {
                           if (!result.ok) {
                               m_failed = true;
                               m_jsonLogs.insert(u"error"_s, result.error);
                               if (!m_options.contextJson)
                                   m_out << "  " << tr("Loki: %1").arg(result.error) << '\n';
                               return finish();
                           }
                           QJsonArray lines;
                           if (!m_options.contextJson)
                               m_out << "  " << tr("%n line(s)", nullptr, int(result.lines.size())) << '\n';
                           for (const LogLine &line : result.lines) {
                               const QString time = iso(QDateTime::fromMSecsSinceEpoch(line.ns / 1'000'000, Qt::UTC));
                               lines.append(QJsonObject{
                                   {u"time"_s, time}, {u"labels"_s, labelJson(line.stream)}, {u"line"_s, line.line}});
                               if (!m_options.contextJson)
                                   m_out << "    " << time << "  " << line.line << '\n';
                           }
                           m_jsonLogs.insert(u"lines"_s, lines);
                           finish();
                       });
}

void ContextCommand::finish()
{
    if (m_options.contextJson) {
        const QJsonObject document{{u"alert"_s,
                                    QJsonObject{{u"name"_s, m_alert.name},
                                                {u"state"_s, stateName(m_alert.state)},
                                                {u"source"_s, m_alert.source},
                                                {u"startsAt"_s, iso(m_alert.startsAt)},
                                                {u"labels"_s, labelJson(m_alert.labels)}}},
                                   {u"window"_s,
                                    QJsonObject{{u"start"_s, iso(m_window.start)},
                                                {u"end"_s, iso(m_window.end)},
                                                {u"step"_s, m_window.stepSeconds}}},
                                   {u"metrics"_s, m_jsonMetrics},
                                   {u"logs"_s, m_jsonLogs}};
        m_out << QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented));
    }
    m_out.flush();
    emit finished(m_failed ? ExitCode::Failure : ExitCode::Ok);
}
