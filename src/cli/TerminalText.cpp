#include "cli/TerminalText.h"

namespace TerminalText {

QString safe(QStringView text)
{
    QString safe = text.toString();
    for (QChar &c : safe) {
        const char16_t u = c.unicode();
        const bool control = c.category() == QChar::Other_Control && u != u'\n' && u != u'\t';
        const bool bidi
            = (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) || u == 0x200e || u == 0x200f || u == 0x061c;
        if (control || bidi)
            c = QChar::ReplacementCharacter;
    }
    return safe;
}

QString oneLine(const QString &text, qsizetype maxCharacters)
{
    QString line = text.left(maxCharacters);
    for (QChar &c : line)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = u' ';
    line = line.simplified();
    return text.size() > maxCharacters ? line + u'…' : line;
}

} // namespace TerminalText
