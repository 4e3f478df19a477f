#include "context/LogQlQuery.h"

using namespace Qt::StringLiterals;

namespace {

// Where the selector that opens at `open` closes: braces inside quoted values do not count.
qsizetype selectorEnd(const QString &logQl, qsizetype open)
{
    bool quoted = false;
    for (qsizetype i = open + 1; i < logQl.size(); ++i) {
        if (logQl[i] == u'\\' && quoted)
            ++i;
        else if (logQl[i] == u'"')
            quoted = !quoted;
        else if (logQl[i] == u'}' && !quoted)
            return i;
    }
    return -1;
}

} // namespace

Result<LogQlQuery> LogQlQuery::parse(const QString &logQl)
{
    const qsizetype open = logQl.indexOf(u'{');
    const qsizetype close = open < 0 ? -1 : selectorEnd(logQl, open);
    if (close < 0)
        return Failure{u"parse error : syntax error: unexpected end of input, expecting {"_s};
    const Result<AlertFilter> selector = AlertFilter::parse(logQl.mid(open, close - open + 1));
    // Loki's own rule, in Loki's words: some matcher must not match the empty value.
    const bool selective = selector
        && std::any_of(selector->matchers.cbegin(), selector->matchers.cend(),
                       [](const LabelMatcher &matcher) { return !matcher.matches(LabelMap{}); });
    if (!selective)
        return Failure{u"parse error : queries require at least one regexp or equality matcher that does not have an "
                       "empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but "
                       "app=~\".+\" will"_s};
    LogQlQuery query;
    query.m_selector = *selector;
    static const QRegularExpression filter(u"(\\|=|!=|\\|~|!~)\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|`([^`]*)`)"_s);
    QRegularExpressionMatchIterator it = filter.globalMatch(logQl, close + 1);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const bool doubleQuoted = !match.captured(3).isNull();
        QString text = doubleQuoted ? match.captured(3) : match.captured(4);
        if (doubleQuoted)
            text.replace(u"\\\\"_s, u"\\"_s).replace(u"\\\""_s, u"\""_s);
        const QString op = match.captured(1);
        query.m_filters.append({op, text, op.endsWith(u'~') ? QRegularExpression(text) : QRegularExpression()});
    }
    return query;
}

bool LogQlQuery::matchesLine(const QString &line) const
{
    for (const LineFilter &filter : m_filters) {
        const bool found = filter.op.endsWith(u'~') ? filter.pattern.isValid() && filter.pattern.match(line).hasMatch()
                                                    : line.contains(filter.text);
        if (found != filter.op.startsWith(u'|'))
            return false;
    }
    return true;
}
