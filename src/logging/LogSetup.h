#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace LogSetup {

enum class Level { Debug, Info, Warning, Critical };

QStringList levelNames();
std::optional<Level> parseLevel(const QString &name);

// Filter rules enabling every alertdeck.* category at `level` and above.
// QT_LOGGING_RULES, when set, is applied after these and wins.
QString filterRulesFor(Level level);

// Installs the filter rules, a message pattern with time, level and category, and
// the redacting message handler (see Redaction).
void apply(Level level);

} // namespace LogSetup
