#include "model/AlertFilter.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

// Gives lupdate and tr() the "AlertFilter" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(AlertFilter)
};

// name, operator, then a "quoted value" (with \" escapes) or a bare one.
const QRegularExpression
    matcherPattern(u"^\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*(=~|!~|!=|=)\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s,}\"]*))"_s);

QString unescape(const QString &quoted)
{
    QString result;
    result.reserve(quoted.size());
    for (qsizetype i = 0; i < quoted.size(); ++i) {
        if (quoted.at(i) == u'\\' && i + 1 < quoted.size())
            ++i;
        result += quoted.at(i);
    }
    return result;
}

} // namespace

bool LabelMatcher::matches(const LabelMap &labels) const
{
    const QString actual = labels.value(name);
    switch (op) {
    case Op::Equal: return actual == value;
    case Op::NotEqual: return actual != value;
    case Op::Regex: return regex.match(actual).hasMatch();
    case Op::NotRegex: return !regex.match(actual).hasMatch();
    }
    return false;
}

bool AlertFilter::matches(const Alert &alert) const
{
    return matches(alert, words.isEmpty() ? QString() : searchText(alert));
}

bool AlertFilter::matches(const Alert &alert, QStringView searchText) const
{
    for (const LabelMatcher &matcher : matchers)
        if (!matcher.matches(alert.labels))
            return false;
    for (const QString &word : words)
        if (!searchText.contains(word))
            return false;
    return true;
}

QString AlertFilter::searchText(const Alert &alert)
{
    // '\n' between the parts: a word never matches across two of them.
    QString text = alert.name + u'\n' + alert.summary() + u'\n' + alert.target() + u'\n' + alert.source;
    for (auto it = alert.labels.cbegin(); it != alert.labels.cend(); ++it)
        text += u'\n' + it.value();
    return text.toLower();
}

AlertFilter::ParseResult AlertFilter::parse(const QString &input)
{
    ParseResult result;
    QString rest = input.trimmed();
    if (rest.startsWith(u'{') && rest.endsWith(u'}')) // Alertmanager's {a="b", c=~"d"}
        rest = rest.mid(1, rest.size() - 2);
    while (!rest.trimmed().isEmpty()) {
        rest = rest.trimmed();
        if (rest.startsWith(u','))
            rest.remove(0, 1);
        const QRegularExpressionMatch match = matcherPattern.match(rest);
        if (match.hasMatch()) {
            LabelMatcher matcher;
            matcher.name = match.captured(1);
            const QString op = match.captured(2);
            matcher.op = op == u"="_s ? LabelMatcher::Op::Equal
                : op == u"!="_s       ? LabelMatcher::Op::NotEqual
                : op == u"=~"_s       ? LabelMatcher::Op::Regex
                                      : LabelMatcher::Op::NotRegex;
            matcher.value = match.hasCaptured(3) ? unescape(match.captured(3)) : match.captured(4);
            if (matcher.op == LabelMatcher::Op::Regex || matcher.op == LabelMatcher::Op::NotRegex) {
                matcher.regex = QRegularExpression(QRegularExpression::anchoredPattern(matcher.value));
                if (!matcher.regex.isValid()) {
                    result.error = Text::tr("%1: invalid regular expression \"%2\": %3")
                                       .arg(matcher.name, matcher.value, matcher.regex.errorString());
                    return result;
                }
            }
            result.filter.matchers.append(matcher);
            rest = rest.mid(match.capturedLength());
            continue;
        }
        if (rest.startsWith(u'"')) {
            const qsizetype close = rest.indexOf(u'"', 1);
            if (close < 0) {
                result.error = Text::tr("unclosed quote in \"%1\"").arg(rest);
                return result;
            }
            result.filter.words.append(rest.mid(1, close - 1).toLower());
            rest = rest.mid(close + 1);
            continue;
        }
        const qsizetype end = rest.indexOf(QRegularExpression(u"[\\s,]"_s));
        result.filter.words.append((end < 0 ? rest : rest.left(end)).toLower());
        rest = end < 0 ? QString() : rest.mid(end);
    }
    return result;
}
