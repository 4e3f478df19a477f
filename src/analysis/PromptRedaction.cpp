#include "analysis/PromptRedaction.h"

using namespace Qt::StringLiterals;

namespace {

const QRegularExpression &emailPattern()
{
    static const QRegularExpression pattern(uR"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})"_s);
    return pattern;
}

const QRegularExpression &ipv4Pattern()
{
    static const QRegularExpression pattern(
        uR"(\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b)"_s);
    return pattern;
}

// Full and compressed forms ("fe80::1", "2001:db8::8a2e:370:7334"); a lone "::" or
// times like "03:59:04" are not addresses.
const QRegularExpression &ipv6Pattern()
{
    static const QRegularExpression pattern(
        uR"((?<![\w:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![\w:])|(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){1,6}(?::[0-9A-Fa-f]{1,4}){1,6}(?![\w:])|(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){1,7}:(?![\w:])|(?<![\w:])::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{1,4}(?![\w:]))"_s);
    return pattern;
}

} // namespace

QString PromptRedaction::apply(const QString &text) const
{
    QString out = text;
    // E-mail before host names: the domain part of an address is not a host to mask.
    if (emailAddresses)
        out.replace(emailPattern(), u"<email>"_s);
    for (const QString &pattern : hostPatterns) {
        const QRegularExpression host(pattern, QRegularExpression::CaseInsensitiveOption);
        if (host.isValid() && !pattern.isEmpty())
            out.replace(host, u"<host>"_s);
    }
    if (ipAddresses) {
        out.replace(ipv4Pattern(), u"<ip>"_s);
        out.replace(ipv6Pattern(), u"<ip>"_s);
    }
    return out;
}

QStringList PromptRedaction::invalidPatterns() const
{
    QStringList invalid;
    for (const QString &pattern : hostPatterns) {
        const QRegularExpression host(pattern);
        if (!host.isValid())
            invalid << u"%1: %2"_s.arg(pattern, host.errorString());
    }
    return invalid;
}
