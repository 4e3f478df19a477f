#include "core/JsonText.h"

#include <QLocale>

#include <cmath>

namespace JsonText {

namespace {

constexpr char hexDigits[] = "0123456789abcdef";

// Escapes an ASCII character when JSON needs it; returns false for plain ones.
bool appendEscaped(QByteArray &out, char16_t c)
{
    switch (c) {
    case u'"': out += "\\\""; return true;
    case u'\\': out += "\\\\"; return true;
    case u'\n': out += "\\n"; return true;
    case u'\r': out += "\\r"; return true;
    case u'\t': out += "\\t"; return true;
    case u'\b': out += "\\b"; return true;
    case u'\f': out += "\\f"; return true;
    default: break;
    }
    if (c < 0x20) {
        out += "\\u00";
        out += hexDigits[c >> 4];
        out += hexDigits[c & 0xf];
        return true;
    }
    return false;
}

void appendUtf8(QByteArray &out, char32_t code)
{
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xc0 | (code >> 6));
        out += char(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
        out += char(0xe0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3f));
        out += char(0x80 | (code & 0x3f));
    } else {
        out += char(0xf0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3f));
        out += char(0x80 | ((code >> 6) & 0x3f));
        out += char(0x80 | (code & 0x3f));
    }
}

} // namespace

void appendString(QByteArray &out, QStringView text)
{
    out.reserve(out.size() + text.size() + 2);
    out += '"';
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c < 0x80) {
            if (!appendEscaped(out, c))
                out += char(c);
        } else if (QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text.at(i + 1).unicode())) {
            appendUtf8(out, QChar::surrogateToUcs4(c, text.at(i + 1).unicode()));
            ++i;
        } else if (QChar::isSurrogate(c)) {
            // A lone surrogate has no UTF-8 form: an escape keeps it, as QJsonDocument does.
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4)
                out += hexDigits[(c >> shift) & 0xf];
        } else {
            appendUtf8(out, c);
        }
    }
    out += '"';
}

void appendLatin1String(QByteArray &out, QByteArrayView text)
{
    out.reserve(out.size() + text.size() + 2);
    out += '"';
    for (const char byte : text) {
        const auto c = static_cast<unsigned char>(byte);
        if (c >= 0x80)
            appendUtf8(out, c);
        else if (!appendEscaped(out, c))
            out += char(c);
    }
    out += '"';
}

void appendNumber(QByteArray &out, double value)
{
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    out += QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace JsonText
