#pragma once

#include "model/Alert.h"

#include <QColor>
#include <QIcon>

// One place for how severities and states look, so the table, the status bar and
// the overview agree.
namespace SeverityStyle {
QColor color(Severity severity);
QIcon icon(Severity severity);
QIcon stateIcon(AlertState state);
QIcon appIcon();
} // namespace SeverityStyle
