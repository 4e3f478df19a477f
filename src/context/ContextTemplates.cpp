#include "context/ContextTemplates.h"

#include "config/ConfigFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ContextTemplates)
};

} // namespace

namespace ContextTemplates {

ParseResult parse(const QString &text)
{
    ParseResult result;
    static const QRegularExpression lokiLine(
        u"^(\\S+)\\s*->\\s*([A-Za-z_][A-Za-z0-9_]*)((?:\\s+strip-port)?)(?:\\s+group\\s+(\\d+))?\\s*$"_s);
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        const int number = int(i + 1);
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype space = line.indexOf(u' ');
        const QString keyword = space < 0 ? line : line.left(space);
        const QString rest = space < 0 ? QString() : line.mid(space + 1).trimmed();
        if (keyword == u"match"_s) {
            const Result<AlertFilter> filter = AlertFilter::parse(rest);
            if (!filter || filter->matchers.isEmpty())
                result.errors << Text::tr("line %1: \"match\" needs matchers such as alertname=~\"Postgres.*\"%2")
                                     .arg(number)
                                     .arg(filter ? QString() : u" ("_s + filter.error() + u')');
            else
                result.config.templates.append({rest, *filter, {}});
        } else if (keyword == u"query"_s) {
            const qsizetype equals = rest.indexOf(u'=');
            if (result.config.templates.isEmpty())
                result.errors << Text::tr("line %1: a \"query\" belongs under a \"match\" line").arg(number);
            else if (equals <= 0 || rest.mid(equals + 1).trimmed().isEmpty())
                result.errors << Text::tr("line %1: write \"query TITLE = PROMQL\"").arg(number);
            else
                result.config.templates.last().queries.append(
                    {rest.left(equals).trimmed(), rest.mid(equals + 1).trimmed()});
        } else if (keyword == u"loki"_s) {
            const QRegularExpressionMatch match = lokiLine.match(rest);
            if (!match.hasMatch())
                result.errors
                    << Text::tr("line %1: write \"loki ALERT-LABEL -> LOKI-LABEL [strip-port] [group N]\"").arg(number);
            else
                result.config.labelRules.append({match.captured(1), match.captured(2), !match.captured(3).isEmpty(),
                                                 match.captured(4).isEmpty() ? 0 : match.captured(4).toInt()});
        } else {
            result.errors << Text::tr("line %1: unknown \"%2\"; lines start with match, query, loki or #")
                                 .arg(number)
                                 .arg(keyword);
        }
    }
    for (const QueryTemplate &queryTemplate : std::as_const(result.config.templates))
        if (queryTemplate.queries.isEmpty())
            result.errors << Text::tr("\"match %1\" has no \"query\" lines under it").arg(queryTemplate.matchText);
    return result;
}

QString exampleText()
{
    return Text::tr("# Extra charts and the Loki label map for AlertDeck's Metrics and Logs tabs.\n"
                    "#\n"
                    "# match <filter-bar matchers>     starts a template for matching alerts\n"
                    "# query <title> = <PromQL>        adds a chart; ${labels.NAME} is the alert's label\n"
                    "# loki <alert label> -> <Loki label> [strip-port] [group N]\n"
                    "#                                  replaces the default label map\n"
                    "#\n"
                    "# Example:\n"
                    "# match alertname=~\"Postgres.*\"\n"
                    "# query Connections = sum(pg_stat_activity_count{instance=\"${labels.instance}\"})\n"
                    "# query Replication lag (s) = pg_replication_lag{instance=\"${labels.instance}\"}\n");
}

Substitution substitute(const QString &query, const Alert &alert)
{
    static const QRegularExpression placeholder(u"\\$\\{labels\\.([A-Za-z_][A-Za-z0-9_]*)\\}"_s);
    static const QRegularExpression number(u"^[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?$"_s);
    Substitution result;
    // Where each placeholder stands decides how its value is escaped, so a value can
    // never end a string, add a matcher or change a regular expression's meaning.
    QChar quote; // the string being read: ", ' or `; null outside strings
    bool regexString = false; // that string follows =~ or !~
    qsizetype scanned = 0;
    const auto scanTo = [&](qsizetype end) {
        for (; scanned < end; ++scanned) {
            const QChar c = query.at(scanned);
            if (quote.isNull()) {
                if (c == u'"' || c == u'\'' || c == u'`') {
                    quote = c;
                    qsizetype before = scanned;
                    while (before > 0 && query.at(before - 1).isSpace())
                        --before;
                    regexString = before >= 2 && query.at(before - 1) == u'~'
                        && (query.at(before - 2) == u'=' || query.at(before - 2) == u'!');
                }
            } else if (c == u'\\' && quote != u'`') {
                ++scanned; // the escaped character
            } else if (c == quote) {
                quote = QChar();
            }
        }
    };
    qsizetype last = 0;
    for (QRegularExpressionMatchIterator it = placeholder.globalMatch(query); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        scanTo(match.capturedStart());
        result.query += QStringView(query).mid(last, match.capturedStart() - last);
        const QString name = match.captured(1);
        const QString value = alert.labels.value(name);
        if (scanned > match.capturedStart()) {
            // "\${labels.x}": the template's backslash would escape the value's first character.
            result.problem = Text::tr("a backslash stands right before ${labels.%1}").arg(name);
        } else if (quote.isNull()) {
            // Outside a string: a number as it is (a threshold), anything else as a string.
            result.query += number.match(value).hasMatch() ? value : ContextPlan::quoted(value);
        } else if (quote == u'`') {
            // A raw string has no escapes; a regular expression can still spell a backtick.
            if (regexString)
                result.query += ContextPlan::regexEscaped(value).replace(u'`', u"\\x60"_s);
            else if (value.contains(u'`'))
                result.problem = Text::tr("the label %1 holds a ` that cannot go in a `…` string").arg(name);
            else
                result.query += value;
        } else {
            result.query
                += ContextPlan::escapedForString(regexString ? ContextPlan::regexEscaped(value) : value, quote);
        }
        last = match.capturedEnd();
        scanned = last;
    }
    result.query += QStringView(query).mid(last);
    if (!result.problem.isEmpty())
        result.query.clear();
    return result;
}

QList<ContextPlan::MetricQuery> queriesFor(const Config &config, const Alert &alert, QStringList *notes)
{
    QList<ContextPlan::MetricQuery> queries;
    for (const QueryTemplate &queryTemplate : config.templates) {
        if (!queryTemplate.filter.matchesLabels(alert.labels))
            continue;
        for (const auto &[title, query] : queryTemplate.queries) {
            const Substitution substituted = substitute(query, alert);
            if (substituted.ok())
                queries.append({title, substituted.query});
            else if (notes)
                *notes << Text::tr("\"%1\" is left out: %2.").arg(title, substituted.problem);
        }
    }
    return queries;
}

FileResult readFile(const QString &path)
{
    FileResult result;
    const ConfigFile::FileText file = ConfigFile::readNamedFile(path, maxFileBytes);
    if (!file.ok()) {
        result.missing = file.failure == ConfigFile::FileText::Failure::Missing;
        result.readError = Text::tr("cannot read %1: %2").arg(path, file.reason);
        return result;
    }
    result.text = QString::fromUtf8(file.bytes);
    result.parsed = parse(result.text);
    return result;
}

QString filePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)).filePath(u"context-queries.txt"_s);
}

QString filePath(const QString &configured)
{
    return configured.isEmpty() ? filePath() : configured;
}

} // namespace ContextTemplates
