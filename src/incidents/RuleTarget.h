#pragma once

#include <QString>

#include <optional>

// What an automatic rule (analysis or forwarding) acts on: each alert that starts firing,
// or each incident once (its members listed), however many of its alerts match.
enum class RuleTarget { Alert, Incident };

// As settings and rule JSON spell it: "alert", "incident".
inline QString ruleTargetName(RuleTarget target)
{
    return target == RuleTarget::Incident ? QStringLiteral("incident") : QStringLiteral("alert");
}

inline std::optional<RuleTarget> ruleTargetFromName(const QString &name)
{
    if (name == QLatin1String("alert"))
        return RuleTarget::Alert;
    if (name == QLatin1String("incident"))
        return RuleTarget::Incident;
    return std::nullopt;
}
