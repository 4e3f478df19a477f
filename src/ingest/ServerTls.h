#pragma once

#include <QSslConfiguration>
#include <QString>

// The listener's HTTPS settings, read from the PEM files the user points to.
struct ServerTlsResult {
    QSslConfiguration configuration;
    QString error; // empty: usable
    bool ok() const { return error.isEmpty(); }
};

// Reads a PEM certificate (a chain: the server's certificate first) and an
// unencrypted PEM private key (RSA or EC). The error names the file and the problem.
ServerTlsResult loadServerTls(const QString &certificateFile, const QString &keyFile);
