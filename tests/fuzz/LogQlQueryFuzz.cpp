// LogQlQuery::parse (the LogQL that the --demo data answers) and line matching: a
// query that parses has a selective selector, and each line filter decides a line the
// way its plain definition says.
//
// Input: the query, then lines: "name=value" labels of a stream, or ">text" log lines.

#include "FuzzSupport.h"
#include "context/LogQlQuery.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 8192)
        return 0; // a query is a line; longer inputs only slow the search down
    FuzzInput input(data, size);
    const Result<LogQlQuery> query = LogQlQuery::parse(QString::fromUtf8(input.until('\n')));
    if (!query) {
        FUZZ_CHECK(!query.error().isEmpty());
        return 0;
    }
    FUZZ_CHECK(!query->matchesStream({})); // Loki refuses selectors that match every stream
    LabelMap labels;
    while (!input.rest().isEmpty()) {
        const QString line = QString::fromUtf8(input.until('\n'));
        if (line.startsWith(u'>')) {
            const QString text = line.mid(1);
            bool expected = true;
            for (const LogQlQuery::LineFilter &filter : query->lineFilters()) {
                const bool found = filter.op.endsWith(u'~')
                    ? filter.pattern.isValid() && filter.pattern.match(text).hasMatch()
                    : text.contains(filter.text);
                expected = expected && found == filter.op.startsWith(u'|');
            }
            FUZZ_CHECK(query->matchesLine(text) == expected);
        } else if (const qsizetype equals = line.indexOf(u'='); equals > 0) {
            labels.insert(line.left(equals), line.mid(equals + 1));
        }
    }
    query->matchesStream(labels); // must not crash, whatever the labels
    return 0;
}
