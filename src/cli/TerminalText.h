#pragma once

#include <QString>
#include <QStringView>

// Text from outside (a model's answer, labels and notes read from the store) as a
// terminal may show it: escape sequences could recolour or rewrite the screen, and
// bidirectional overrides could hide text, so they never reach it as they are.
namespace TerminalText {
// Line breaks and tabs stay; escape sequences, other control characters and
// bidirectional overrides become U+FFFD. Per character, so a sequence cut between two
// chunks of a stream is caught as well.
QString safe(QStringView text);
// On one line: control and format characters (line breaks, escapes, bidirectional
// overrides) become spaces, runs of spaces one, and it is cut to `maxCharacters` (…).
QString oneLine(const QString &text, qsizetype maxCharacters);
} // namespace TerminalText
