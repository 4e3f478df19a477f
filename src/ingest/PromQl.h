#pragma once

#include <QString>

namespace PromQl {
// The PromQL expression in a Prometheus generatorURL
// (<externalURL>/graph?g0.expr=<QueryEscape(expr)>&g0.tab=1), or empty. Go's
// QueryEscape writes spaces as '+', which QUrlQuery would keep: decode by hand.
QString fromGeneratorUrl(const QString &generatorUrl);
} // namespace PromQl
