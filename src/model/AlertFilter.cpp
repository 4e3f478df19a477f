#include "model/AlertFilter.h"

#include <QCoreApplication>
#include <QLocale>

#include <optional>
#include <string_view>

using namespace Qt::StringLiterals;

namespace {

// Gives lupdate and tr() the "AlertFilter" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(AlertFilter)
};

// What the matcher syntax calls white space: ASCII only (a no-break space is part of a
// word or a bare value, as it always was).
bool isAsciiSpace(QChar c)
{
    return c == u' ' || (c >= u'\t' && c <= u'\r');
}

bool isNameStart(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || c == u'_';
}

bool isNamePart(QChar c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9') || c == u'.';
}

struct MatcherText {
    QStringView name;
    LabelMatcher::Op op = LabelMatcher::Op::Equal;
    QStringView value; // quoted: still escaped
    bool quoted = false;
    qsizetype end = 0; // where the text after it starts
};

// At `at`: name, operator, then a "quoted value" (with \" escapes) or a bare one, each
// optionally preceded by white space; nullopt when no matcher starts there. Reads only
// as far as the matcher goes.
std::optional<MatcherText> readMatcher(QStringView text, qsizetype at)
{
    const qsizetype size = text.size();
    const auto skipSpace = [&](qsizetype i) {
        while (i < size && isAsciiSpace(text[i]))
            ++i;
        return i;
    };
    MatcherText matcher;
    qsizetype i = skipSpace(at);
    if (i == size || !isNameStart(text[i]))
        return std::nullopt;
    const qsizetype nameStart = i++;
    while (i < size && isNamePart(text[i]))
        ++i;
    matcher.name = text.sliced(nameStart, i - nameStart);
    i = skipSpace(i);
    const QChar next = i + 1 < size ? text[i + 1] : QChar();
    if (i < size && text[i] == u'=') {
        matcher.op = next == u'~' ? LabelMatcher::Op::Regex : LabelMatcher::Op::Equal;
    } else if (i < size && text[i] == u'!' && (next == u'~' || next == u'=')) {
        matcher.op = next == u'~' ? LabelMatcher::Op::NotRegex : LabelMatcher::Op::NotEqual;
    } else {
        return std::nullopt;
    }
    i = skipSpace(i + (matcher.op == LabelMatcher::Op::Equal ? 1 : 2));
    if (i < size && text[i] == u'"') {
        // Up to the closing quote; a backslash escapes any character but a line feed.
        qsizetype j = i + 1;
        while (j < size && text[j] != u'"') {
            if (text[j] == u'\\') {
                if (j + 1 == size || text[j + 1] == u'\n')
                    break;
                ++j;
            }
            ++j;
        }
        if (j < size && text[j] == u'"') {
            matcher.value = text.sliced(i + 1, j - i - 1);
            matcher.quoted = true;
            matcher.end = j + 1;
            return matcher;
        }
        // No closing quote: an empty bare value, and the quote starts what follows.
    }
    qsizetype j = i;
    while (j < size && !isAsciiSpace(text[j]) && text[j] != u',' && text[j] != u'}' && text[j] != u'"')
        ++j;
    matcher.value = text.sliced(i, j - i);
    matcher.end = j;
    return matcher;
}

QString unescape(QStringView quoted)
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

Result<AlertFilter> AlertFilter::parse(const QString &input)
{
    AlertFilter filter;
    QStringView text = QStringView(input).trimmed();
    if (text.size() > maxTextLength) {
        return Failure{Text::tr("the filter is %1 characters long; at most %2 are allowed")
                           .arg(QLocale().toString(text.size()), QLocale().toString(maxTextLength))};
    }
    if (text.startsWith(u'{') && text.endsWith(u'}')) // Alertmanager's {a="b", c=~"d"}
        text = text.sliced(1, text.size() - 2).trimmed();
    // One pass with an index: each matcher or word is read where it stands, never by
    // copying the rest of the text (which made long filters cost quadratic time).
    qsizetype at = 0;
    while (true) {
        while (at < text.size() && text[at].isSpace())
            ++at;
        if (at == text.size())
            break;
        if (text[at] == u',')
            ++at;
        if (const std::optional<MatcherText> read = readMatcher(text, at)) {
            LabelMatcher matcher;
            matcher.name = read->name.toString();
            matcher.setCondition(read->op, read->quoted ? unescape(read->value) : read->value.toString());
            if (matcher.op == LabelMatcher::Op::Regex || matcher.op == LabelMatcher::Op::NotRegex) {
                if (!matcher.regex.isValid()) {
                    return Failure{Text::tr("%1: invalid regular expression \"%2\": %3")
                                       .arg(matcher.name, matcher.value, matcher.regex.errorString())};
                }
            }
            filter.matchers.append(matcher);
            at = read->end;
            continue;
        }
        if (at < text.size() && text[at] == u'"') {
            const qsizetype close = text.indexOf(u'"', at + 1);
            if (close < 0) {
                return Failure{Text::tr("unclosed quote in \"%1\"").arg(text.sliced(at))};
            }
            if (close > at + 1) // "" looks for nothing
                filter.words.append(text.sliced(at + 1, close - at - 1).toString().toLower());
            at = close + 1;
            continue;
        }
        qsizetype end = at;
        while (end < text.size() && text[end] != u',' && !isAsciiSpace(text[end]))
            ++end;
        if (end > at) // between two commas, or after a comma and a space: no word
            filter.words.append(text.sliced(at, end - at).toString().toLower());
        at = end;
    }
    return filter;
}
