#pragma once

#include "core/Result.h"
#include "model/Alert.h"

#include <QRegularExpression>
#include <QStringList>

// One Alertmanager-style matcher: name="v", name!="v", name=~"re", name!~"re".
// Like Alertmanager, a missing label matches as the empty string and regular
// expressions are anchored at both ends.
struct LabelMatcher {
    enum class Op { Equal, NotEqual, Regex, NotRegex };
    QString name;
    Op op = Op::Equal;
    QString value;
    QRegularExpression regex; // for Regex / NotRegex

    bool matches(const LabelMap &labels) const;
    // Sets op and value (and the regex: check regex.isValid()).
    void setCondition(Op condition, const QString &text);

private:
    // Most regexes typed in the filter are a literal or a literal followed by ".*"
    // ("db-.*"): those are compared directly, ten times faster than a regex match.
    enum class Shortcut { None, Literal, Prefix };
    Shortcut m_shortcut = Shortcut::None;
    QString m_literal;
    bool regexMatches(const QString &actual) const;
};

// What the filter bar asks for: matchers plus free words. Every matcher and every
// word must match (words: case-insensitive, in the name, summary, target, source
// or any label value).
struct AlertFilter {
    QList<LabelMatcher> matchers;
    QStringList words; // lower case

    bool isEmpty() const { return matchers.isEmpty() && words.isEmpty(); }
    bool matches(const Alert &alert) const;
    bool matchesLabels(const LabelMap &labels) const;
    // What words are looked for in: name, summary, target, source and label values,
    // lower case, as UTF-8 (a byte search finds exactly the same words, twice as fast).
    static QByteArray searchText(const Alert &alert);

    // Filters come from the filter bar and from settings and configuration files
    // (auto-analysis and notification matchers, forwarding rules): a longer text is an error.
    static constexpr qsizetype maxTextLength = 8192;
    static Result<AlertFilter> parse(const QString &text);
};

// A filter's words prepared once for searching many alerts' searchText()s (the
// table model keeps those): filtering 50,000 rows per keystroke stays fast.
class WordSearch
{
public:
    WordSearch() = default;
    explicit WordSearch(const QStringList &words);
    bool isEmpty() const { return m_words.isEmpty(); }
    bool allIn(QByteArrayView searchText) const;

private:
    QByteArrayList m_words; // lower case, UTF-8
};
