#pragma once

#include "model/Alert.h"

#include <QColor>
#include <QGuiApplication>
#include <QIcon>
#include <QPalette>

// One place for how severities and states look, so the table, the status bar and
// the overview agree.
namespace SeverityStyle {
// The severity's text colour, readable on `palette`'s base (light or dark).
QColor color(Severity severity, const QPalette &palette = QGuiApplication::palette());
bool isDark(const QPalette &palette);
QIcon icon(Severity severity);
QIcon stateIcon(AlertState state);
QIcon appIcon();
} // namespace SeverityStyle
