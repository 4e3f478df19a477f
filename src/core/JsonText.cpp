#include "core/JsonText.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace JsonText {

namespace {

constexpr char hexDigits[] = "0123456789abcdef";

char *writeUnicodeEscape(char *to, char16_t c)
{
    *to++ = '\\';
    *to++ = 'u';
    for (int shift = 12; shift >= 0; shift -= 4)
        *to++ = hexDigits[(c >> shift) & 0xf];
    return to;
}

// Escapes an ASCII character when JSON needs it; returns the end of what was written.
char *writeAscii(char *to, char16_t c)
{
    switch (c) {
    case u'"':
        *to++ = '\\';
        *to++ = '"';
        return to;
    case u'\\':
        *to++ = '\\';
        *to++ = '\\';
        return to;
    case u'\n':
        *to++ = '\\';
        *to++ = 'n';
        return to;
    case u'\r':
        *to++ = '\\';
        *to++ = 'r';
        return to;
    case u'\t':
        *to++ = '\\';
        *to++ = 't';
        return to;
    case u'\b':
        *to++ = '\\';
        *to++ = 'b';
        return to;
    case u'\f':
        *to++ = '\\';
        *to++ = 'f';
        return to;
    default: break;
    }
    if (c < 0x20)
        return writeUnicodeEscape(to, c);
    *to++ = char(c);
    return to;
}

char *writeUtf8(char *to, char32_t code)
{
    if (code < 0x80) {
        *to++ = char(code);
    } else if (code < 0x800) {
        *to++ = char(0xc0 | (code >> 6));
        *to++ = char(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
        *to++ = char(0xe0 | (code >> 12));
        *to++ = char(0x80 | ((code >> 6) & 0x3f));
        *to++ = char(0x80 | (code & 0x3f));
    } else {
        *to++ = char(0xf0 | (code >> 18));
        *to++ = char(0x80 | ((code >> 12) & 0x3f));
        *to++ = char(0x80 | ((code >> 6) & 0x3f));
        *to++ = char(0x80 | (code & 0x3f));
    }
    return to;
}

// Makes room for `most` more bytes at the end of `out` and returns where they start;
// finish() then trims to what was written. Growth is geometric: a buffer filled by
// many small strings is copied a logarithmic number of times, not once per string.
char *reserveTail(QByteArray &out, qsizetype most)
{
    const qsizetype size = out.size();
    if (out.capacity() < size + most)
        out.reserve(std::max(size + most, 2 * out.capacity()));
    out.resize(size + most);
    return out.data() + size;
}

void finish(QByteArray &out, const char *end)
{
    out.truncate(end - out.constData());
}

} // namespace

void appendString(QByteArray &out, QStringView text)
{
    // Room is made a slice at a time for its worst case (an escape, 6 bytes, per UTF-16
    // unit): a long value never asks for six times its size at once.
    constexpr qsizetype slice = 4096;
    char *to = reserveTail(out, 1);
    *to++ = '"';
    const char16_t *from = text.utf16();
    const char16_t *const end = from + text.size();
    while (from < end) {
        finish(out, to);
        // One more unit than the slice: a surrogate pair may straddle its end.
        const char16_t *const sliceEnd = end - from > slice ? from + slice : end;
        to = reserveTail(out, (sliceEnd - from + 1) * 6);
        while (from < sliceEnd) {
            const char16_t c = *from++;
            if (c >= 0x20 && c < 0x80 && c != u'"' && c != u'\\') {
                *to++ = char(c);
            } else if (c < 0x80) {
                to = writeAscii(to, c);
            } else if (QChar::isHighSurrogate(c) && from < end && QChar::isLowSurrogate(*from)) {
                to = writeUtf8(to, QChar::surrogateToUcs4(c, *from++));
            } else if (QChar::isSurrogate(c)) {
                // A lone surrogate has no UTF-8 form: an escape keeps it, as QJsonDocument does.
                to = writeUnicodeEscape(to, c);
            } else {
                to = writeUtf8(to, c);
            }
        }
    }
    finish(out, to);
    to = reserveTail(out, 1);
    *to++ = '"';
    finish(out, to);
}

void appendLatin1String(QByteArray &out, QByteArrayView text)
{
    // Header values are at most a few KiB: room for the worst case (escapes) at once.
    char *to = reserveTail(out, text.size() * 6 + 2);
    *to++ = '"';
    for (const char byte : text) {
        const auto c = static_cast<unsigned char>(byte);
        to = c >= 0x80 ? writeUtf8(to, c) : writeAscii(to, c);
    }
    *to++ = '"';
    finish(out, to);
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
