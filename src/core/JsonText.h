#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

// Writing JSON text straight into a byte buffer, for the hot paths where building a
// QJsonObject first would cost an allocation per value (every stored webhook).
namespace JsonText {

// Appends `text` as a JSON string, quotes included, in UTF-8; `"`, `\` and control
// characters are escaped, and so are lone surrogates (as QJsonDocument writes them).
void appendString(QByteArray &out, QStringView text);
// The same for bytes taken as Latin-1 (HTTP header values).
void appendLatin1String(QByteArray &out, QByteArrayView text);
// A finite number as JSON writes it (shortest form that reads back exactly); null
// for NaN and infinities, which JSON cannot carry.
void appendNumber(QByteArray &out, double value);

} // namespace JsonText
