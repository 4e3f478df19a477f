#include "model/AlertFilter.h"

#include <QCoreApplication>

#include <string_view>

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
    static const QString missing;
    const auto it = labels.constFind(name);
    const QString &actual = it == labels.cend() ? missing : *it;
    switch (op) {
    case Op::Equal: return actual == value;
    case Op::NotEqual: return actual != value;
    case Op::Regex: return regexMatches(actual);
    case Op::NotRegex: return !regexMatches(actual);
    }
    return false;
}

bool LabelMatcher::regexMatches(const QString &actual) const
{
    switch (m_shortcut) {
    case Shortcut::Literal: return actual == m_literal;
    case Shortcut::Prefix: // "." does not match a line break
        // (A null string, a missing label, starts with no non-null string, not even an empty one.)
        return (m_literal.isEmpty() || actual.startsWith(m_literal))
            && QStringView(actual).sliced(m_literal.size()).indexOf(u'\n') < 0;
    case Shortcut::None: break;
    }
    return regex.match(actual).hasMatch();
}

void LabelMatcher::setCondition(Op condition, const QString &text)
{
    op = condition;
    value = text;
    m_shortcut = Shortcut::None;
    m_literal.clear();
    if (op != Op::Regex && op != Op::NotRegex)
        return;
    regex = QRegularExpression(QRegularExpression::anchoredPattern(text));
    // Characters that mean themselves in a regex, and escaped punctuation ("\." for a dot).
    // An escaped letter or digit is a class or an assertion ("\d", "\b"): no shortcut.
    static const QRegularExpression literalPattern(u"^((?:[A-Za-z0-9_:/@ -]|\\\\[^A-Za-z0-9])*)(\\.\\*)?$"_s);
    const QRegularExpressionMatch literal = literalPattern.match(text);
    if (!literal.hasMatch())
        return;
    const QString escaped = literal.captured(1);
    m_literal.reserve(escaped.size());
    for (qsizetype i = 0; i < escaped.size(); ++i) {
        if (escaped.at(i) == u'\\')
            ++i; // the pattern above guarantees the escaped character
        m_literal += escaped.at(i);
    }
    m_shortcut = literal.hasCaptured(2) ? Shortcut::Prefix : Shortcut::Literal;
}

bool AlertFilter::matches(const Alert &alert) const
{
    return matchesLabels(alert.labels) && (words.isEmpty() || WordSearch(words).allIn(searchText(alert)));
}

bool AlertFilter::matchesLabels(const LabelMap &labels) const
{
    for (const LabelMatcher &matcher : matchers)
        if (!matcher.matches(labels))
            return false;
    return true;
}

QByteArray AlertFilter::searchText(const Alert &alert)
{
    // '\n' between the parts: a word never matches across two of them. Built in one
    // buffer: this runs for every alert that arrives.
    const QString summary = alert.summary();
    const QString target = alert.target();
    qsizetype size = alert.name.size() + summary.size() + target.size() + alert.source.size() + 3;
    for (const QString &value : alert.labels)
        size += value.size() + 1;
    QString text;
    text.reserve(size);
    text.append(alert.name).append(u'\n').append(summary).append(u'\n').append(target).append(u'\n');
    text.append(alert.source);
    for (const QString &value : alert.labels)
        text.append(u'\n').append(value);
    return std::move(text).toLower().toUtf8();
}

WordSearch::WordSearch(const QStringList &words)
{
    for (const QString &word : words)
        m_words.append(word.toLower().toUtf8());
}

bool WordSearch::allIn(QByteArrayView searchText) const
{
    // std::string_view::find (memchr for the first byte, then compare) measured
    // fastest here for the short words people type, ahead of QByteArrayMatcher.
    const std::string_view text(searchText.data(), size_t(searchText.size()));
    for (const QByteArray &word : m_words)
        if (text.find(std::string_view(word.constData(), size_t(word.size()))) == std::string_view::npos)
            return false;
    return true;
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
            matcher.setCondition(op == u"="_s        ? LabelMatcher::Op::Equal
                                     : op == u"!="_s ? LabelMatcher::Op::NotEqual
                                     : op == u"=~"_s ? LabelMatcher::Op::Regex
                                                     : LabelMatcher::Op::NotRegex,
                                 match.hasCaptured(3) ? unescape(match.captured(3)) : match.captured(4));
            if (matcher.op == LabelMatcher::Op::Regex || matcher.op == LabelMatcher::Op::NotRegex) {
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
