// AlertFilter::parse (the filter bar's matchers and words) and matching: a parsed
// filter must match an alert exactly when each matcher's plain definition and each
// word's plain search say so (the fast paths must agree with them).
//
// Input: the filter text, then lines "name=value" giving the alert's labels (and
// "@summary=…" for its summary annotation).

#include "FuzzSupport.h"
#include "model/AlertFilter.h"

namespace {

// What a matcher means, without shortcuts: Alertmanager's definition.
bool plainMatch(const LabelMatcher &matcher, const LabelMap &labels)
{
    const QString actual = labels.value(matcher.name);
    switch (matcher.op) {
    case LabelMatcher::Op::Equal: return actual == matcher.value;
    case LabelMatcher::Op::NotEqual: return actual != matcher.value;
    case LabelMatcher::Op::Regex: return matcher.regex.match(actual).hasMatch();
    case LabelMatcher::Op::NotRegex: return !matcher.regex.match(actual).hasMatch();
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0; // the filter bar holds a line; longer inputs only slow the search down
    FuzzInput input(data, size);
    const QString text = QString::fromUtf8(input.until('\n'));
    Alert alert;
    alert.name = u"FuzzAlert"_qs;
    alert.source = u"alertmanager"_qs;
    while (!input.rest().isEmpty()) {
        const QString line = QString::fromUtf8(input.until('\n'));
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 0)
            continue;
        if (line.startsWith(u'@'))
            alert.annotations.insert(line.mid(1, equals - 1), line.mid(equals + 1));
        else
            alert.labels.insert(line.left(equals), line.mid(equals + 1));
    }

    const Result<AlertFilter> parsed = AlertFilter::parse(text);
    if (!parsed) {
        FUZZ_CHECK(parsed.error().size() > 0);
        return 0;
    }
    const AlertFilter &filter = *parsed;
    FUZZ_CHECK(filter.isEmpty() == (filter.matchers.isEmpty() && filter.words.isEmpty()));
    bool expected = true;
    for (const LabelMatcher &matcher : filter.matchers) {
        FUZZ_CHECK(!matcher.name.isEmpty());
        if (matcher.op == LabelMatcher::Op::Regex || matcher.op == LabelMatcher::Op::NotRegex)
            FUZZ_CHECK(matcher.regex.isValid());
        const bool plain = plainMatch(matcher, alert.labels);
        FUZZ_CHECK(matcher.matches(alert.labels) == plain);
        // The matcher against its own value, and the empty (missing) label.
        const LabelMap own{{matcher.name, matcher.value}};
        FUZZ_CHECK(matcher.matches(own) == plainMatch(matcher, own));
        FUZZ_CHECK(matcher.matches({}) == plainMatch(matcher, {}));
        expected = expected && plain;
    }
    for (const QString &word : filter.words) {
        FUZZ_CHECK(word == word.toLower());
        const QString searched = QString::fromUtf8(AlertFilter::searchText(alert));
        expected = expected && searched.contains(word.toLower());
    }
    FUZZ_CHECK(filter.matchesLabels(alert.labels)
               == std::all_of(filter.matchers.cbegin(), filter.matchers.cend(),
                              [&](const LabelMatcher &m) { return plainMatch(m, alert.labels); }));
    FUZZ_CHECK(filter.matches(alert) == expected);

    // Parsing what matched is stable: the same text gives the same filter.
    const Result<AlertFilter> again = AlertFilter::parse(text);
    FUZZ_CHECK(again && again->words == filter.words && again->matchers.size() == filter.matchers.size());
    return 0;
}
