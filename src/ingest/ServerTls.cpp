#include "ingest/ServerTls.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace {

// Gives lupdate and tr() the "ServerTls" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ServerTls)
};

std::optional<QByteArray> readFile(const QString &path, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = Text::tr("Cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

} // namespace

ServerTlsResult loadServerTls(const QString &certificateFile, const QString &keyFile)
{
    ServerTlsResult result;
    if (!QSslSocket::supportsSsl()) {
        result.error = Text::tr("HTTPS is not available: Qt found no TLS library (OpenSSL) on this system.");
        return result;
    }
    const auto certificateData = readFile(certificateFile, result.error);
    if (!certificateData)
        return result;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certificateData, QSsl::Pem);
    if (chain.isEmpty() || chain.constFirst().isNull()) {
        result.error = Text::tr("%1 holds no PEM certificate.").arg(certificateFile);
        return result;
    }
    const auto keyData = readFile(keyFile, result.error);
    if (!keyData)
        return result;
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        key = QSslKey(*keyData, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        result.error = keyData->contains("ENCRYPTED")
            ? Text::tr("%1 is protected by a passphrase; AlertDeck needs an unencrypted key file "
                       "(readable only by you).")
                  .arg(keyFile)
            : Text::tr("%1 holds no PEM private key (RSA or EC).").arg(keyFile);
        return result;
    }
    result.configuration = QSslConfiguration::defaultConfiguration();
    result.configuration.setLocalCertificateChain(chain);
    result.configuration.setPrivateKey(key);
    // Webhook senders are not asked for client certificates.
    result.configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return result;
}
