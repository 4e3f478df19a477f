#pragma once

#include "context/ContextPlan.h"
#include "model/AlertFilter.h"

#include <QStringList>

// The user's own context queries and Loki label map, kept in a plain text file
// (context-queries.txt in the configuration folder) that people read and edit:
//
//   match alertname=~"Postgres.*"
//   query Connections = sum(pg_stat_activity_count{instance="${labels.instance}"})
//   loki pod -> pod
//   loki instance -> host strip-port group 1
//
// "match" starts a template (filter-bar matchers); each "query TITLE = PROMQL" under
// it adds a chart for matching alerts, with ${labels.NAME} replaced by the alert's
// label. "loki" lines replace the default label map (see ContextPlan::LabelRule).
namespace ContextTemplates {

struct QueryTemplate {
    QString matchText;
    AlertFilter filter;
    QList<std::pair<QString, QString>> queries; // title, PromQL with placeholders
};

struct Config {
    QList<QueryTemplate> templates;
    QList<ContextPlan::LabelRule> labelRules; // empty: the defaults
};

struct ParseResult {
    Config config;
    QStringList errors; // "line 3: …"
    bool ok() const { return errors.isEmpty(); }
};

ParseResult parse(const QString &text);
// A commented starting point with one example, for a new file.
QString exampleText();
// The queries of every template whose matchers the alert satisfies; why a query was
// left out goes to `notes`.
QList<ContextPlan::MetricQuery> queriesFor(const Config &config, const Alert &alert, QStringList *notes = nullptr);

struct Substitution {
    QString query; // empty when it cannot be built
    QString problem;
    bool ok() const { return problem.isEmpty(); }
};
// "${labels.instance}" → the label's value, escaped for where it stands: inside a
// "…" or '…' string escaped for that string (and for RE2 as well after =~ or !~);
// inside a `…` string as it is (a value holding ` cannot be put there: a problem);
// outside strings a number as it is and anything else as a "…" string. A missing
// label is empty.
Substitution substitute(const QString &query, const Alert &alert);
// The file read whole and parsed, when it is a regular file of at most maxFileBytes:
// a named pipe, a device or a folder is refused and never waited on.
inline constexpr qsizetype maxFileBytes = 1 << 20;
struct FileResult {
    QString text;
    ParseResult parsed;
    QString readError; // "cannot read FILE: it is a named pipe (FIFO), …"; empty when read
    bool missing = false; // no such file (yet): not an error for the default file
};
FileResult readFile(const QString &path);
// Where the file lives.
QString filePath();
// The file Settings → Context/queriesFile names, else filePath().
QString filePath(const QString &configured);

} // namespace ContextTemplates
