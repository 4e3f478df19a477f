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
    QStringList words; // lower case

    bool isEmpty() const { return matchers.isEmpty() && words.isEmpty(); }
    bool matches(const Alert &alert) const;
    // The same, with the alert's searchText() computed once and kept (the table
    // model does): filtering 50,000 rows per keystroke stays fast.
    bool matches(const Alert &alert, QStringView searchText) const;
    // What words are looked for in: name, summary, target, source and label values,
    // in lower case.
    static QString searchText(const Alert &alert);

    struct ParseResult;
    static ParseResult parse(const QString &text);
};

struct AlertFilter::ParseResult {
    AlertFilter filter;
    QString error; // empty on success; a sentence naming the bad part otherwise
    bool ok() const { return error.isEmpty(); }
};
