#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QSslCertificate>

// Sends raw HTTP/1.1 over a real socket and waits on the event loop (no sleeps) for
// the server to close the connection. Raw bytes let tests send what a well-behaved
// client library would refuse to (oversized headers, broken request lines).
struct HttpTestResponse {
    int status = 0; // 0: no parsable response
    QByteArray headers;
    QByteArray body;
    QByteArray raw;
};

namespace HttpTestClient {
HttpTestResponse send(quint16 port, const QByteArray &request, const QHostAddress &host = QHostAddress::LocalHost,
                      int timeoutMs = 10'000);
// The same over HTTPS to 127.0.0.1, trusting only `trusted`; a failed certificate
// check is described in `tlsError`.
HttpTestResponse sendTls(quint16 port, const QByteArray &request, const QList<QSslCertificate> &trusted,
                         QString *tlsError = nullptr);
HttpTestResponse get(quint16 port, const QByteArray &path);
// The bytes of a POST to 127.0.0.1 with Content-Type and Content-Length set, for
// send() or a socket of the test's own; `extraHeaders` are complete "Name: value\r\n" lines.
QByteArray postRequest(const QByteArray &path, const QByteArray &body, const QByteArray &extraHeaders = {},
                       const QByteArray &contentType = "application/json");
// POST a JSON body with Content-Type and Content-Length set; `extraHeaders` are
// complete "Name: value\r\n" lines.
HttpTestResponse postJson(quint16 port, const QByteArray &path, const QByteArray &body,
                          const QByteArray &extraHeaders = {});
} // namespace HttpTestClient
