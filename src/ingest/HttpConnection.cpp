#include "ingest/HttpConnection.h"

#include "core/JsonText.h"
#include "ingest/HttpServer.h"
#include "ingest/SocketWrite.h"
#include "logging/LogCategories.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTcpSocket>

#include <vector>

using namespace Qt::StringLiterals;

namespace {

// Gives lupdate and tr() the "HttpConnection" translation context: the answers to senders
// are in the user's language, like the rest of AlertDeck.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(HttpConnection)
};

QByteArrayView reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
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

// Nightingale retries only after 429; the others after any 5xx.
int retryStatus(PayloadFormat format)
{
    return format == PayloadFormat::Nightingale ? 429 : 503;
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, HttpServer &server)
    : QObject(socket)
    , m_socket(socket)
    , m_server(server)
    , m_parser(server.limits())
{
    socket->setReadBufferSize(socketReadBuffer);
    m_parser.setHeadCheck([this](const HttpRequest &request) { return admit(request); });
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::readAvailable);
    connect(socket, &QTcpSocket::bytesWritten, this, &HttpConnection::outputDrained);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (m_phase == Phase::Reading)
            m_server.metrics().connectionDropped(outputBlocked() ? "output_stalled" : "idle");
        qCDebug(lcIngest) << "dropping client" << m_socket->peerAddress() << "at its deadline";
        abort();
    });
    m_deadline.start(server.idleTimeout());
    m_waitingSince.start();
    readAvailable();
}

HttpConnection::~HttpConnection()
{
    releaseBody();
}

QByteArray HttpConnection::storableHeaders(const HttpRequest &request)
{
    // Written directly: this runs for every webhook. A name given twice keeps its last
    // value, as a JSON object would.
    static const QByteArrayList secret{"authorization", "proxy-authorization", "cookie"};
    const auto &headers = request.headers;
    std::vector<bool> shadowed(headers.size(), false); // a later header has the same name
    if (headers.size() <= 32) {
        for (qsizetype i = 0; i < headers.size(); ++i)
            for (qsizetype j = i + 1; j < headers.size() && !shadowed[i]; ++j)
                shadowed[i] = headers.at(j).first == headers.at(i).first;
    } else { // a head of many small headers: no quadratic work
        QSet<QByteArray> seen;
        for (qsizetype i = headers.size() - 1; i >= 0; --i) {
            shadowed[i] = seen.contains(headers.at(i).first);
            seen.insert(headers.at(i).first);
        }
    }
    QByteArray json;
    json.reserve(64 * headers.size() + 2);
    json += '{';
    for (qsizetype i = 0; i < headers.size(); ++i) {
        if (shadowed[i])
            continue;
        const QByteArray &name = headers.at(i).first;
        if (json.size() > 1)
            json += ',';
        JsonText::appendLatin1String(json, name);
        json += ':';
        JsonText::appendLatin1String(
            json, secret.contains(name) ? QByteArrayView("<redacted>") : QByteArrayView(headers.at(i).second));
    }
    json += '}';
    return json;
}

bool HttpConnection::isEvictable() const
{
    return m_phase == Phase::Reading && !m_parser.headComplete() && m_socket->bytesToWrite() == 0;
}

void HttpConnection::abort()
{
    m_phase = Phase::Closing;
    m_deadline.stop();
    m_socket->abort();
    m_socket->deleteLater();
}

bool HttpConnection::outputBlocked() const
{
    return m_socket->bytesToWrite() > maxPendingOutput;
}

void HttpConnection::outputDrained()
{
    if (m_outputWasBlocked && !outputBlocked()) {
        m_outputWasBlocked = false;
        readAvailable();
    }
}

void HttpConnection::readAvailable()
{
    if (m_phase == Phase::Closing) {
        m_socket->skip(m_socket->bytesAvailable()); // lingering: the rest of a refused request
        return;
    }
    // While a request is with the store, or answers pile up unread, further bytes stay
    // in the socket: its bounded read buffer then pushes back on the sender.
    if (m_phase == Phase::AwaitingStore || outputBlocked())
        return;
    if (const qint64 available = m_socket->bytesAvailable(); available > 0) {
        const qsizetype old = m_buffer.size();
        m_buffer.resize(old + available);
        const qint64 read = m_socket->read(m_buffer.data() + old, available);
        m_buffer.resize(old + std::max<qint64>(0, read));
    }
    process();
}

void HttpConnection::process()
{
    while (m_phase == Phase::Reading && m_parsed < m_buffer.size()) {
        if (outputBlocked()) {
            if (!m_outputWasBlocked) {
                m_outputWasBlocked = true;
                // Not restarted until an answer goes out again: a client that never
                // reads is dropped when this runs out.
                m_deadline.start(m_server.idleTimeout());
            }
            return;
        }
        m_parsed += m_parser.feed(QByteArrayView(m_buffer).sliced(m_parsed));
        switch (m_parser.state()) {
        case HttpRequestParser::State::Failed: refuse(*m_parser.error()); return;
        case HttpRequestParser::State::Head: break;
        case HttpRequestParser::State::Body:
            // Only an admitted request is told to go on.
            if (m_parser.expectsContinue() && !m_sentContinue) {
                m_sentContinue = true;
                SocketWrite::send(*m_socket, "HTTP/1.1 100 Continue\r\n\r\n");
            }
            break;
        case HttpRequestParser::State::Complete: serve(m_parser.request()); break;
        }
    }
    // Keep the buffer's memory for the next request; drop what has been parsed.
    if (m_parsed >= m_buffer.size()) {
        m_buffer.truncate(0);
        m_parsed = 0;
    } else if (m_parsed > socketReadBuffer) {
        m_buffer.remove(0, m_parsed);
        m_parsed = 0;
    }
}

std::optional<HttpRequestParser::Error> HttpConnection::admit(const HttpRequest &request)
{
    m_requestTimer.start(); // refusals are answered from here
    m_verdict = m_server.admission().check(request);
    if (m_verdict.isWebhook()) {
        m_countedAsPayload = true;
        m_server.metrics().payloadReceived();
    }
    if (m_verdict.refusal) {
        if (m_verdict.refusal->status == 401 && !request.header("authorization").isEmpty())
            qCWarning(lcIngest) << "rejected credentials from" << m_socket->peerAddress().toString();
        return m_verdict.refusal;
    }
    if (m_verdict.isWebhook() && !m_server.canIngest())
        return HttpRequestParser::Error{retryStatus(m_verdict.format),
                                        Text::tr("webhook ingestion is not available; retry later"),
                                        "Retry-After: 5\r\n"};
    const qint64 declared = m_parser.declaredBodyBytes();
    const qint64 bodyBytes = declared < 0 ? m_server.limits().maxBodyBytes : declared;
    if (bodyBytes > 0) {
        if (!m_server.reserveBodyBytes(bodyBytes))
            return HttpRequestParser::Error{
                retryStatus(m_verdict.format),
                Text::tr("the listener is receiving too many payloads at once; retry later"), "Retry-After: 1\r\n"};
        m_reservedBodyBytes = bodyBytes;
    }
    return std::nullopt;
}

void HttpConnection::releaseBody()
{
    if (m_reservedBodyBytes > 0)
        m_server.releaseBodyBytes(m_reservedBodyBytes);
    m_reservedBodyBytes = 0;
}

void HttpConnection::serve(const HttpRequest &request)
{
    ++m_requestsServed;
    m_keepAlive = request.keepAlive() && m_requestsServed < maxRequestsPerConnection;
    m_requestTimer.start();
    qCDebug(lcIngest) << request.method << ListenerMetrics::endpointLabel(request.path);
    switch (m_verdict.route) {
    case RequestAdmission::Route::Healthz: respond(200, "text/plain; charset=utf-8", "ok\n"); return;
    case RequestAdmission::Route::Metrics:
        respond(200, "text/plain; version=0.0.4; charset=utf-8", m_server.metrics().render());
        return;
    case RequestAdmission::Route::Webhook: break;
    }
    // With an HMAC secret set, Grafana posts to /webhook/grafana and must sign. On
    // /webhook the format is known only after parsing: the store thread refuses an
    // unsigned body that turns out to be Grafana's.
    const bool signatureValid = m_server.admission().auth().checkGrafanaSignature(request);
    if (m_verdict.format == PayloadFormat::Grafana && !signatureValid) {
        m_server.metrics().payloadAnswered(401, {}, -1);
        respondError(401, Text::tr("invalid or missing X-Grafana-Alerting-Signature"));
        return;
    }
    const quint64 ticket = m_server.submit({QDateTime::currentDateTimeUtc(), QString::fromLatin1(request.path),
                                            m_verdict.format, storableHeaders(request), request.body, signatureValid},
                                           this);
    if (ticket == 0) {
        m_server.metrics().payloadAnswered(503, {}, -1);
        respondError(retryStatus(m_verdict.format), Text::tr("webhook ingestion is not available; retry later"),
                     "Retry-After: 5\r\n");
        return;
    }
    m_phase = Phase::AwaitingStore;
    m_deadline.stop(); // waiting for our own store is not the client's idleness
}

void HttpConnection::deliver(const IngestResult &result)
{
    if (m_phase != Phase::AwaitingStore)
        return;
    m_phase = Phase::Reading;
    m_server.metrics().payloadAnswered(result.status, result.format, result.commitSeconds);
    respond(result.status, "application/json", result.body, result.extraHeaders);
    readAvailable(); // a pipelined request may be waiting
}

void HttpConnection::refuse(const HttpRequestParser::Error &error)
{
    const HttpRequest &request = m_parser.request();
    if (!m_countedAsPayload && formatForEndpoint(request.path)) {
        m_countedAsPayload = true; // refused before its head was complete
        m_server.metrics().payloadReceived();
    }
    if (m_countedAsPayload)
        m_server.metrics().payloadAnswered(error.status, {}, -1);
    // The rest of the request is never read: answer, then discard what still comes
    // for a moment so that the client sees the answer rather than a reset.
    m_keepAlive = false;
    m_phase = Phase::Closing;
    respondError(error.status, error.message, error.extraHeaders);
}

void HttpConnection::respondError(int status, const QString &message, QByteArrayView extraHeaders)
{
    respond(status, "application/json",
            QJsonDocument(QJsonObject{{u"error"_s, message}}).toJson(QJsonDocument::Compact), extraHeaders);
}

void HttpConnection::respond(int status, QByteArrayView contentType, QByteArrayView body, QByteArrayView extraHeaders)
{
    m_response.truncate(0);
    m_response.append("HTTP/1.1 ").append(QByteArray::number(status)).append(' ').append(reasonPhrase(status));
    m_response.append("\r\nContent-Type: ").append(contentType);
    m_response.append("\r\nContent-Length: ").append(QByteArray::number(body.size())).append("\r\n");
    m_response.append(extraHeaders);
    m_response.append(m_keepAlive ? "\r\n" : "Connection: close\r\n\r\n");
    m_response.append(body);
    SocketWrite::send(*m_socket, m_response);
    if (m_requestTimer.isValid())
        m_server.metrics().requestServed(m_parser.request().path, m_requestTimer.nsecsElapsed() / 1e9);
    m_requestTimer.invalidate();

    const bool refusedMidRequest = m_phase == Phase::Closing;
    m_parser.reset();
    m_verdict = {};
    m_countedAsPayload = false;
    m_sentContinue = false;
    releaseBody();
    m_waitingSince.restart();
    if (m_keepAlive)
        m_deadline.start(m_server.idleTimeout());
    else if (refusedMidRequest)
        closeGracefully();
    else
        closeAfterAnswer();
}

void HttpConnection::closeAfterAnswer()
{
    m_phase = Phase::Closing;
    m_buffer.clear();
    m_parsed = 0;
    m_deadline.start(m_server.idleTimeout()); // to send what is still unsent
    m_socket->disconnectFromHost();
}

void HttpConnection::closeGracefully()
{
    m_phase = Phase::Closing;
    m_buffer.clear();
    m_parsed = 0;
    m_socket->skip(m_socket->bytesAvailable());
    QTimer::singleShot(lingerTime, m_socket, [socket = m_socket] { socket->disconnectFromHost(); });
    // A client that never reads the answer cannot keep the socket open either.
    m_deadline.start(lingerTime + m_server.idleTimeout());
}
