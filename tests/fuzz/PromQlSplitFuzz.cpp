// PromQlSplitter::split: any expression splits without a crash into a value side and
// at most one threshold, and what it returns is made of the expression's own text.

#include "FuzzSupport.h"
#include "context/PromQlSplit.h"

#include <QStringList>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString expression = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const PromQlSplit split = PromQlSplitter::split(expression);
    static const QStringList comparisons{QString(), u">"_qs, u">="_qs, u"<"_qs, u"<="_qs, u"=="_qs, u"!="_qs};
    FUZZ_CHECK(comparisons.contains(split.comparison));
    FUZZ_CHECK(split.threshold.has_value() == !split.comparison.isEmpty());
    if (!split.threshold) {
        // Nothing to split off: plotted as it is.
        FUZZ_CHECK(split.valueExpression == expression.trimmed());
        return 0;
    }
    // The value side is never empty and never longer than the expression it came from.
    FUZZ_CHECK(!split.valueExpression.trimmed().isEmpty());
    FUZZ_CHECK(split.valueExpression.size() <= expression.size());
    // Splitting the value side again finds no second threshold in the same place.
    const PromQlSplit again = PromQlSplitter::split(split.valueExpression);
    FUZZ_CHECK(again.valueExpression.size() <= split.valueExpression.size());
    return 0;
}
