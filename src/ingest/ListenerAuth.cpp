#include "ingest/ListenerAuth.h"

#include <QCoreApplication>
#include <QMessageAuthenticationCode>

QStringList ListenerAuth::problems() const
{
    if (!basicUser.isEmpty() && basicPassword.isEmpty())
        return {QCoreApplication::translate("ListenerAuth",
                                            "The listener's basic auth user \"%1\" has no password. An empty password "
                                            "is no protection: set a password or remove the user.")
                    .arg(QString::fromUtf8(basicUser.left(64)))};
    return {};
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    const qsizetype length = std::max(a.size(), b.size());
    unsigned char difference = a.size() == b.size() ? 0 : 1;
    for (qsizetype i = 0; i < length; ++i) {
        const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
        const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
        difference |= x ^ y;
    }
    return difference == 0;
}

ListenerAuth::Verdict ListenerAuth::checkCredentials(const HttpRequest &request) const
{
    if (!requiresCredentials())
        return Verdict::Allowed;
    const QByteArray authorization = request.header("authorization");
    if (authorization.isEmpty())
        return Verdict::Missing;
    const qsizetype space = authorization.indexOf(' ');
    const QByteArray scheme = authorization.left(space).toLower();
    const QByteArray credentials = space < 0 ? QByteArray() : authorization.mid(space + 1).trimmed();
    if (scheme == "bearer" && !bearerToken.isEmpty() && constantTimeEquals(credentials, bearerToken))
        return Verdict::Allowed;
    if (scheme == "basic" && basicConfigured()) {
        const auto decoded = QByteArray::fromBase64Encoding(credentials, QByteArray::AbortOnBase64DecodingErrors);
        if (decoded && constantTimeEquals(*decoded, basicUser + ':' + basicPassword))
            return Verdict::Allowed;
    }
    return Verdict::Invalid;
}

bool ListenerAuth::checkGrafanaSignature(const HttpRequest &request) const
{
    if (grafanaHmacSecret.isEmpty())
        return true;
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, grafanaHmacSecret);
    if (!grafanaTimestampHeader.isEmpty()) {
        const QByteArray timestamp = request.header(grafanaTimestampHeader);
        if (timestamp.isEmpty())
            return false;
        mac.addData(timestamp + ':');
    }
    mac.addData(request.body);
    return constantTimeEquals(request.header("x-grafana-alerting-signature").toLower(), mac.result().toHex());
}

QByteArray ListenerAuth::challengeHeaders() const
{
    QByteArray headers;
    if (!bearerToken.isEmpty())
        headers += "WWW-Authenticate: Bearer realm=\"AlertDeck\"\r\n";
    if (basicConfigured())
        headers += "WWW-Authenticate: Basic realm=\"AlertDeck\", charset=\"UTF-8\"\r\n";
    return headers;
}
