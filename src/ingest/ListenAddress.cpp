#include "ingest/ListenAddress.h"

#include "core/BuildInfo.h"
#include "core/Profile.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

// Gives lupdate and tr() the "ListenAddress" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ListenAddress)
};

Failure failure(const QString &message)
{
    return {message};
}

} // namespace

ListenAddress ListenAddress::defaultAddress()
{
    return {QHostAddress(QHostAddress::LocalHost), Profile::defaultListenPort()};
}

QString ListenAddress::toString() const
{
    if (host.protocol() == QHostAddress::IPv6Protocol)
        return u"[%1]:%2"_s.arg(host.toString()).arg(port);
    return u"%1:%2"_s.arg(host.toString()).arg(port);
}

Result<ListenAddress> parseListenAddress(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return failure(Text::tr("The listen address is empty; expected HOST:PORT, for example 127.0.0.1:9095."));

    QString hostPart;
    QString portPart;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0 || close + 1 >= text.size() || text.at(close + 1) != u':')
            return failure(
                Text::tr("\"%1\" is not a valid listen address; write IPv6 addresses as [::1]:9095.").arg(text));
        hostPart = text.mid(1, close - 1);
        portPart = text.mid(close + 2);
    } else {
        const qsizetype colon = text.lastIndexOf(u':');
        if (colon < 0)
            return failure(Text::tr("\"%1\" has no port; expected HOST:PORT, for example 127.0.0.1:9095.").arg(text));
        hostPart = text.left(colon);
        portPart = text.mid(colon + 1);
        if (hostPart.contains(u':'))
            return failure(
                Text::tr("\"%1\" is not a valid listen address; write IPv6 addresses as [::1]:9095.").arg(text));
    }

    bool portOk = false;
    const uint port = portPart.toUInt(&portOk);
    if (!portOk || port > 65535)
        return failure(Text::tr("\"%1\" is not a valid port; use a number from 0 to 65535.").arg(portPart));

    QHostAddress host;
    if (hostPart.isEmpty())
        host = QHostAddress(QHostAddress::Any);
    else if (hostPart.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        host = QHostAddress(QHostAddress::LocalHost);
    else if (!host.setAddress(hostPart))
        return failure(
            Text::tr("\"%1\" is not an IP address; use an address such as 127.0.0.1, 0.0.0.0 or ::1.").arg(hostPart));

    return ListenAddress{host, static_cast<quint16>(port)};
}
