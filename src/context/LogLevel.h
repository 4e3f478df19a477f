#pragma once

#include <QString>
#include <QStringView>

// The level of a log line, read from the line itself: logfmt `level=`/`lvl=`, JSON
// "level"/"severity", else the first level-like word. Pure and cheap: called for every
// line shown, so each line is scanned once, at most `scannedChars` characters of it.
namespace LogLevel {

enum class Level { None, Error, Warning, Info, Debug };

inline constexpr qsizetype scannedChars = 2000;

Level of(QStringView line);

// Error-like: what the Logs tab keeps when narrowed. An error or warning level, or one
// of the words below anywhere in the line, case-insensitive (so "Out of memory: Killed
// process 4242", "level=critical" and "level=warn" all count).
bool isErrorLike(QStringView line);
// The same words as a LogQL line filter (|~ "(?i)(…)"), for a narrowed query to Loki.
QString errorLineFilter();

} // namespace LogLevel
