#include "ingest/HttpConnection.h"

#include "ingest/IngestService.h"
#include "logging/LogCategories.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Error";
    }
}

bool isJsonContentType(const QByteArray &value)
{
    // Absent is accepted (some notify scripts send none); parameters such as charset are ignored.
    const QByteArray type = value.split(';').constFirst().trimmed().toLower();
    return type.isEmpty() || type == "application/json" || type.endsWith("+json");
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const Options &options)
    : QObject(socket)
    , m_socket(socket)
    , m_options(options)
    , m_parser(options.limits)
{
    socket->setReadBufferSize(socketReadBuffer);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::readAvailable);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, socket, [socket] {
        qCDebug(lcIngest) << "dropping idle client" << socket->peerAddress();
        socket->abort();
        socket->deleteLater();
    });
    m_idleTimer.start(options.idleTimeout);
    readAvailable();
}

QByteArray HttpConnection::storableHeaders(const HttpRequest &request)
{
    static const QByteArrayList secret{"authorization", "proxy-authorization", "cookie"};
    QJsonObject headers;
    for (const auto &[name, value] : request.headers)
        headers.insert(QString::fromLatin1(name), secret.contains(name) ? u"<redacted>"_s : QString::fromLatin1(value));
    return QJsonDocument(headers).toJson(QJsonDocument::Compact);
}

void HttpConnection::readAvailable()
{
    // While a request is with the store, leave further bytes in the socket: the
    // bounded read buffer then pushes back on the sender.
    if (m_busy)
        return;
    m_buffer += m_socket->readAll();
    processBuffer();
}

void HttpConnection::processBuffer()
{
    while (!m_busy && m_keepAlive && !m_buffer.isEmpty()) {
        const qsizetype used = m_parser.feed(m_buffer);
        m_buffer.remove(0, used);
        switch (m_parser.state()) {
        case HttpRequestParser::State::Failed: {
            m_keepAlive = false;
            const HttpRequestParser::Error error = *m_parser.error();
            if (m_options.metrics && m_parser.request().path.startsWith("/webhook")) {
                m_options.metrics->payloadReceived();
                m_options.metrics->payloadAnswered(error.status, {}, -1);
            }
            closeAfterLingering();
            respondError(error.status, error.message);
            return;
        }
        case HttpRequestParser::State::Head: return;
        case HttpRequestParser::State::Body:
            if (m_parser.expectsContinue() && !m_sentContinue) {
                m_sentContinue = true;
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            return;
        case HttpRequestParser::State::Complete: dispatch(m_parser.request()); break;
        }
    }
}

void HttpConnection::dispatch(const HttpRequest &request)
{
    m_keepAlive = request.keepAlive();
    m_requestTimer.start();
    m_endpoint = request.path.startsWith("/webhook") || request.path == "/healthz" || request.path == "/metrics"
        ? request.path
        : QByteArray("other");
    qCDebug(lcIngest) << request.method << request.path;
    if (request.path == "/metrics" && m_options.metrics) {
        if (request.method == "GET")
            respond(200, "text/plain; version=0.0.4; charset=utf-8", m_options.metrics->render());
        else
            respondError(405, u"use GET for /metrics"_s, "Allow: GET\r\n");
        return;
    }
    if (request.path == "/healthz") {
        if (request.method == "GET")
            respond(200, "text/plain; charset=utf-8", "ok\n");
        else
            respondError(405, u"use GET for /healthz"_s, "Allow: GET\r\n");
        return;
    }
    const std::optional<PayloadFormat> format = formatForEndpoint(request.path);
    if (!format) {
        respondError(404, u"no such endpoint: %1"_s.arg(QString::fromUtf8(request.path)));
        return;
    }
    if (request.method != "POST") {
        respondError(405, u"use POST for %1"_s.arg(QString::fromUtf8(request.path)), "Allow: POST\r\n");
        return;
    }
    if (m_options.metrics)
        m_options.metrics->payloadReceived();
    switch (m_options.auth.checkCredentials(request)) {
    case ListenerAuth::Verdict::Allowed: break;
    case ListenerAuth::Verdict::Missing:
        refusePayload(401, u"authentication required"_s, m_options.auth.challengeHeaders());
        return;
    case ListenerAuth::Verdict::Invalid:
        qCWarning(lcIngest) << "rejected credentials from" << m_socket->peerAddress().toString();
        refusePayload(401, u"invalid credentials"_s, m_options.auth.challengeHeaders());
        return;
    }
    // With an HMAC secret set, Grafana posts to /webhook/grafana and must sign.
    if (*format == PayloadFormat::Grafana && !m_options.auth.checkGrafanaSignature(request)) {
        refusePayload(401, u"invalid or missing X-Grafana-Alerting-Signature"_s);
        return;
    }
    if (!isJsonContentType(request.header("content-type"))) {
        refusePayload(415,
                      u"Content-Type must be application/json, got \"%1\""_s.arg(
                          QString::fromLatin1(request.header("content-type"))));
        return;
    }
    if (!m_options.ingest) {
        // Nightingale retries only after 429.
        refusePayload(*format == PayloadFormat::Nightingale ? 429 : 503,
                      u"webhook ingestion is not available; retry later"_s, "Retry-After: 5\r\n");
        return;
    }

    m_busy = true;
    m_idleTimer.stop(); // waiting for our own store is not the client's idleness
    // On /webhook the format is known only after parsing: the worker refuses an
    // unsigned body that turns out to be Grafana's.
    const WebhookDelivery delivery{QDateTime::currentDateTimeUtc(),
                                   QString::fromUtf8(request.path),
                                   *format,
                                   storableHeaders(request),
                                   request.body,
                                   m_options.auth.checkGrafanaSignature(request)};
    m_options.ingest->submit(delivery, this, [this](const IngestResult &result) {
        if (m_options.metrics)
            m_options.metrics->payloadAnswered(result.status, result.format, result.commitSeconds);
        m_busy = false;
        respond(result.status, "application/json", result.body, result.extraHeaders);
        readAvailable(); // a pipelined request may be waiting
    });
}

void HttpConnection::refusePayload(int status, const QString &message, const QByteArray &extraHeaders)
{
    if (m_options.metrics)
        m_options.metrics->payloadAnswered(status, {}, -1);
    respondError(status, message, extraHeaders);
}

void HttpConnection::respondError(int status, const QString &message, const QByteArray &extraHeaders)
{
    respond(status, "application/json",
            QJsonDocument(QJsonObject{{u"error"_s, message}}).toJson(QJsonDocument::Compact), extraHeaders);
}

void HttpConnection::respond(int status, const QByteArray &contentType, const QByteArray &body,
                             const QByteArray &extraHeaders)
{
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    response += "Content-Type: " + contentType + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    response += extraHeaders;
    response += m_keepAlive ? "\r\n" : "Connection: close\r\n\r\n";
    response += body;
    m_socket->write(response);
    if (m_options.metrics && !m_endpoint.isEmpty())
        m_options.metrics->requestServed(m_endpoint, m_requestTimer.nsecsElapsed() / 1e9);
    m_endpoint.clear();

    m_parser.reset();
    m_sentContinue = false;
    if (m_keepAlive)
        m_idleTimer.start(m_options.idleTimeout);
    else if (!m_lingering)
        m_socket->disconnectFromHost();
}

void HttpConnection::closeAfterLingering()
{
    m_lingering = true;
    m_idleTimer.stop();
    m_buffer.clear();
    disconnect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readAvailable);
    connect(m_socket, &QTcpSocket::readyRead, this, [this] { m_socket->skip(m_socket->bytesAvailable()); });
    m_socket->skip(m_socket->bytesAvailable());
    QTimer::singleShot(lingerTime, m_socket, [socket = m_socket] { socket->disconnectFromHost(); });
}
