#pragma once

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
};

// What the filter bar asks for: matchers plus free words. Every matcher and every
// word must match (words: case-insensitive, in the name, summary, target, source
// or any label value).
struct AlertFilter {
    QList<LabelMatcher> matchers;
    QStringList words;

    bool isEmpty() const { return matchers.isEmpty() && words.isEmpty(); }
    bool matches(const Alert &alert) const;

    struct ParseResult;
    static ParseResult parse(const QString &text);
};

struct AlertFilter::ParseResult {
    AlertFilter filter;
    QString error; // empty on success; a sentence naming the bad part otherwise
    bool ok() const { return error.isEmpty(); }
};
