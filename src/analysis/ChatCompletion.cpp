#include "analysis/ChatCompletion.h"

#include "logging/Redaction.h"
#include "net/ConnectionCheck.h"
#include "net/NetworkFailure.h"
#include "net/OutboundRequest.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace {

// Retry-After as seconds or an HTTP date; nullopt when absent or unreadable.
std::optional<milliseconds> parseRetryAfter(const QByteArray &value)
{
    bool isNumber = false;
    const double seconds = value.trimmed().toDouble(&isNumber);
    if (isNumber && seconds >= 0)
        return milliseconds(qint64(seconds * 1000));
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (at.isValid())
        return milliseconds(std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(at)));
    return std::nullopt;
}

bool retryable(int status)
{
    return status == 429 || (status >= 500 && status <= 599);
}

const QByteArray keyVariable = "$ALERTDECK_DEEPSEEK_API_KEY";

QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

} // namespace

QUrl CompletionRequest::endpoint() const
{
    return ConnectionChecker::join(baseUrl, u"/chat/completions"_s);
}

namespace {

// DeepSeek takes low, high and max; other spellings map to these as DeepSeek maps them.
QString deepSeekEffort(const QString &effort)
{
    const QString e = effort.trimmed().toLower();
    if (e == u"low"_s || e == u"minimal"_s)
        return u"low"_s;
    if (e == u"max"_s || e == u"ultra"_s)
        return u"max"_s;
    return u"high"_s;
}

QJsonObject messageJson(const ChatMessage &message, bool sendReasoning)
{
    QJsonObject object{{u"role"_s, message.role}, {u"content"_s, message.content}};
    if (!message.toolCalls.isEmpty()) {
        QJsonArray calls;
        for (const ToolCall &call : message.toolCalls)
            calls.append(
                QJsonObject{{u"id"_s, call.id},
                            {u"type"_s, call.type},
                            {u"function"_s, QJsonObject{{u"name"_s, call.name}, {u"arguments"_s, call.arguments}}}});
        object.insert(u"tool_calls"_s, calls);
        // An assistant turn that only called tools has no text: null, as the API has it.
        if (message.content.isEmpty())
            object.insert(u"content"_s, QJsonValue::Null);
        // Even when empty: DeepSeek answers 400 when a tool turn's reasoning is missing.
        if (sendReasoning)
            object.insert(u"reasoning_content"_s, message.reasoning);
    }
    if (message.role == u"tool"_s)
        object.insert(u"tool_call_id"_s, message.toolCallId);
    return object;
}

} // namespace

QByteArray CompletionRequest::body() const
{
    const bool sendReasoning = thinkingInEffect();
    QJsonArray jsonMessages;
    for (const ChatMessage &message : messages)
        jsonMessages.append(messageJson(message, sendReasoning));
    QJsonObject object{
        {u"model"_s, model},
        {u"messages"_s, jsonMessages},
        {u"stream"_s, true},
        {u"stream_options"_s, QJsonObject{{u"include_usage"_s, true}}},
    };
    // DeepSeek ignores it in thinking mode: sent, it would only suggest it counts.
    if (!sendReasoning)
        object.insert(u"temperature"_s, temperature);
    if (maxTokens > 0)
        object.insert(u"max_tokens"_s, maxTokens);
    if (thinking && isDeepSeek(baseUrl)) {
        object.insert(u"thinking"_s, QJsonObject{{u"type"_s, thinking->enabled ? u"enabled"_s : u"disabled"_s}});
        if (thinking->enabled)
            object.insert(u"reasoning_effort"_s, deepSeekEffort(thinking->effort));
    }
    if (!tools.isEmpty())
        object.insert(u"tools"_s, tools);
    if (!toolChoice.isUndefined() && !toolChoice.isNull())
        object.insert(u"tool_choice"_s, toolChoice);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

bool CompletionRequest::isDeepSeek(const QUrl &baseUrl)
{
    return baseUrl.host().compare(u"api.deepseek.com"_s, Qt::CaseInsensitive) == 0;
}

bool CompletionRequest::thinkingInEffect() const
{
    return isDeepSeek(baseUrl) && (!thinking || thinking->enabled);
}

bool CompletionRequest::isLocal(const QUrl &baseUrl)
{
    const QString host = baseUrl.host().toLower();
    if (host.isEmpty())
        return false;
    QHostAddress address;
    if (address.setAddress(host)) {
        if (address.protocol() == QAbstractSocket::IPv6Protocol) {
            bool mapped = false;
            const QHostAddress v4(address.toIPv4Address(&mapped));
            if (mapped)
                address = v4;
        }
        // The private ranges of RFC 1918 (QHostAddress::isPrivateUse() is newer than Qt 6.4).
        const auto inRange = [&address](const char *network, int bits) {
            return address.isInSubnet(QHostAddress(QLatin1String(network)), bits);
        };
        return address.isLoopback() || address.isLinkLocal() || address.isSiteLocal() || address.isUniqueLocalUnicast()
            || inRange("10.0.0.0", 8) || inRange("172.16.0.0", 12) || inRange("192.168.0.0", 16);
    }
    if (host == u"localhost"_s || host.endsWith(u".localhost"_s))
        return true;
    // A name without a dot resolves only on the local network (a LAN host, a container).
    if (!host.contains(u'.'))
        return true;
    for (const QString &suffix : {u".local"_s, u".lan"_s, u".internal"_s, u".home.arpa"_s})
        if (host.endsWith(suffix))
            return true;
    return false;
}

QList<std::pair<QByteArray, QByteArray>> CompletionRequest::authHeaders(const QUrl &baseUrl, const QByteArray &key)
{
    if (key.isEmpty())
        return {};
    QList<std::pair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer " + key}};
    // Azure OpenAI deployments authenticate with their own header.
    if (baseUrl.host().endsWith(u".azure.com"_s))
        headers.append({"api-key", key});
    return headers;
}

QString CompletionRequest::curlCommand() const
{
    QString command = u"curl -N %1 \\\n  -H 'Content-Type: application/json' \\\n"_s.arg(
        shellQuote(endpoint().toString(QUrl::FullyEncoded)));
    // Double quotes: the shell puts the key in from the environment.
    for (const auto &[name, value] : authHeaders(baseUrl, apiKey.isEmpty() ? QByteArray() : keyVariable))
        command += u"  -H \"%1: %2\" \\\n"_s.arg(QString::fromLatin1(name), QString::fromLatin1(value));
    const QByteArray pretty = QJsonDocument::fromJson(body()).toJson(QJsonDocument::Indented);
    return command + u"  --data-binary "_s + shellQuote(QString::fromUtf8(pretty).trimmed());
}

ChatCompletion::ChatCompletion(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_clock([] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    })
{
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        m_countdown.stop();
        sendAttempt();
    });
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, [this] { emit stateChanged(m_state); });
}

ChatCompletion::~ChatCompletion()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ChatCompletion::start(const CompletionRequest &request, const RetryPolicy &retry)
{
    Q_ASSERT(m_state == State::Idle);
    m_request = request;
    m_retry = retry;
    if (!request.apiKey.isEmpty())
        Redaction::addSecretValue(request.apiKey);
    m_startedMs = m_clock();
    m_endedMs = -1;
    const QUrl url = request.endpoint();
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)) {
        // Still asynchronous: callers connect after start().
        QTimer::singleShot(0, this, [this] {
            finish(State::Failed, Failure::InvalidUrl,
                   tr("\"%1\" is not a provider URL (https://host[/v1]): check Settings → AI analysis")
                       .arg(m_request.baseUrl.toString()));
        });
        return;
    }
    sendAttempt();
}

void ChatCompletion::sendAttempt()
{
    ++m_attempt;
    m_errorBody.clear();
    m_sslProblems.clear();
    m_firstTokenMs = -1;

    QNetworkRequest networkRequest = OutboundRequest::create(m_request.endpoint());
    networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    networkRequest.setRawHeader("Accept", "text/event-stream");
    for (const auto &[name, value] : CompletionRequest::authHeaders(m_request.baseUrl, m_request.apiKey.toUtf8()))
        networkRequest.setRawHeader(name, value);
    // An inactivity limit: a long answer may stream for minutes, a silent server may not.
    networkRequest.setTransferTimeout(int(m_request.timeout.count()));

    m_sinceAttempt.start();
    m_reply = m_network->post(networkRequest, m_request.body());
    connect(m_reply, &QNetworkReply::readyRead, this, &ChatCompletion::readAvailable);
    connect(m_reply, &QNetworkReply::finished, this, &ChatCompletion::attemptFinished);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            m_sslProblems << error.errorString();
    });
    setState(State::Connecting);
}

void ChatCompletion::readAvailable()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray bytes = m_reply->readAll();
    const bool isStream
        = !m_reply->header(QNetworkRequest::ContentTypeHeader).toString().startsWith(u"application/json"_s);
    if (status < 200 || status >= 300 || !isStream) {
        // An error body, or a server that ignored "stream": read whole at the end.
        if (m_errorBody.size() < 1 << 20)
            m_errorBody += bytes;
        return;
    }
    if (m_stream.feed(bytes)) {
        const qint64 now = m_sinceAttempt.elapsed();
        if (m_firstTokenMs < 0) {
            m_firstTokenMs = now;
            setState(State::Streaming);
        }
        m_lastTokenMs = now;
        m_deltas = m_stream.deltas();
        emit grew();
    }
    if (!m_stream.protocolError().isEmpty() && isRunning()) {
        // Not an event stream (an endless line): reading on would only download more of it.
        if (QNetworkReply *reply = std::exchange(m_reply, nullptr)) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
        const bool hasText = !m_stream.content().isEmpty() || !m_stream.reasoning().isEmpty();
        finish(hasText ? State::CutOff : State::Failed, Failure::BadStream, m_stream.protocolError());
    }
}

void ChatCompletion::attemptFinished()
{
    QNetworkReply *reply = m_reply;
    reply->deleteLater();
    m_reply = nullptr;
    if (m_state == State::Stopped)
        return;
    if (reply->bytesAvailable() > 0) {
        m_reply = reply;
        readAvailable();
        m_reply = nullptr;
        if (!isRunning())
            return; // the last bytes were not an event stream: already said
    }
    const int status = NetworkFailure::httpStatus(*reply);
    const auto hasText = [this] { return !m_stream.content().isEmpty() || !m_stream.reasoning().isEmpty(); };
    const qint64 timeoutSeconds = std::max<qint64>(1, duration_cast<seconds>(m_request.timeout).count());

    if (status >= 200 && status < 300 && !m_errorBody.isEmpty()) {
        // A plain JSON completion from a server that does not stream.
        const QJsonObject object = QJsonDocument::fromJson(m_errorBody).object();
        const QJsonObject choice = object.value(u"choices"_s).toArray().first().toObject();
        const QJsonObject message = choice.value(u"message"_s).toObject();
        const QString text = message.value(u"content"_s).toString();
        QJsonArray calls = message.value(u"tool_calls"_s).toArray();
        if (text.isEmpty() && calls.isEmpty())
            return finish(State::Failed, Failure::NoCompletion,
                          tr("The provider answered without a completion: %1")
                              .arg(Redaction::redact(NetworkFailure::serverMessage(m_errorBody))));
        // Feed it through the stream decoder so every consumer sees the same shape.
        QJsonObject delta{{u"content"_s, text}, {u"reasoning_content"_s, message.value(u"reasoning_content"_s)}};
        for (qsizetype i = 0; i < calls.size(); ++i) {
            QJsonObject call = calls.at(i).toObject();
            call.insert(u"index"_s, int(i));
            calls.replace(i, call);
        }
        if (!calls.isEmpty())
            delta.insert(u"tool_calls"_s, calls);
        QJsonObject chunk{
            {u"choices"_s,
             QJsonArray{QJsonObject{{u"delta"_s, delta}, {u"finish_reason"_s, choice.value(u"finish_reason"_s)}}}},
            {u"usage"_s, object.value(u"usage"_s)}};
        m_stream.feed("data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + "\n\ndata: [DONE]\n\n");
        m_firstTokenMs = m_lastTokenMs = m_sinceAttempt.elapsed();
        emit grew();
    } else if (status != 0 && (status < 200 || status >= 300)) {
        if (retryable(status) && m_attempt < m_retry.maxTries)
            return retryOrFail(status, NetworkFailure::serverMessage(m_errorBody), reply->rawHeader("Retry-After"));
        m_httpStatus = status;
        m_serverMessage = Redaction::redact(NetworkFailure::serverMessage(m_errorBody)).left(1000);
        if (const std::optional<QString> aboutModel = modelError(status, m_errorBody))
            return finish(State::Failed, Failure::ModelNotOffered, *aboutModel);
        return finish(State::Failed, Failure::HttpStatus, httpError(status, m_errorBody));
    } else if (reply->error() == QNetworkReply::OperationCanceledError
               || reply->error() == QNetworkReply::TimeoutError) {
        // setTransferTimeout() aborts the reply: that is the only cancel here.
        if (hasText())
            return finish(
                State::CutOff, Failure::Timeout,
                tr("No data for %n second(s); the text received so far is kept", nullptr, int(timeoutSeconds)));
        return finish(
            State::Failed, Failure::Timeout,
            tr("No answer from %1 within %n second(s)", nullptr, int(timeoutSeconds)).arg(m_request.endpoint().host()));
    } else if (reply->error() != QNetworkReply::NoError && !hasText()) {
        return finish(State::Failed, Failure::Network,
                      Redaction::redact(NetworkFailure::transport(*reply, m_sslProblems)));
    }

    if (!m_stream.protocolError().isEmpty())
        return finish(hasText() ? State::CutOff : State::Failed, Failure::BadStream, m_stream.protocolError());
    if (!m_stream.streamError().isEmpty()) {
        const QString message = tr("The provider reported an error: %1").arg(Redaction::redact(m_stream.streamError()));
        return finish(hasText() ? State::CutOff : State::Failed, Failure::ProviderError, message);
    }
    const QList<ToolCall> &calls = m_stream.toolCalls();
    if (const auto &reason = m_stream.finishReason(); reason && *reason == u"tool_calls"_s && calls.isEmpty())
        return finish(State::Failed, Failure::NoText, tr("The provider ended its answer for tool calls but sent none"));
    if (const auto &reason = m_stream.finishReason(); reason && *reason != u"stop"_s && *reason != u"tool_calls"_s)
        return finish(State::CutOff, Failure::FinishReason, finishReasonError(*reason));
    for (const ToolCall &call : calls)
        if (call.id.isEmpty() || call.name.isEmpty())
            return finish(State::Failed, Failure::BadStream,
                          tr("The provider sent a tool call without an id or a function name"));
    if (!m_stream.done() && !m_stream.finishReason()) {
        if (!hasText())
            return finish(State::Failed, Failure::ConnectionClosed,
                          tr("The connection closed before any answer arrived"));
        return finish(State::CutOff, Failure::ConnectionClosed,
                      tr("The stream was cut off before its end; the text received so far is kept"));
    }
    if (!hasText() && calls.isEmpty())
        return finish(State::Failed, Failure::NoText, tr("The provider finished without any text"));
    finish(State::Finished);
}

QList<ToolCall> ChatCompletion::toolCalls() const
{
    return m_state == State::Finished ? m_stream.toolCalls() : QList<ToolCall>{};
}

ChatMessage ChatCompletion::assistantMessage() const
{
    ChatMessage message{u"assistant"_s, m_stream.content()};
    message.toolCalls = toolCalls();
    message.reasoning = m_stream.reasoning();
    return message;
}

void ChatCompletion::retryOrFail(int status, const QString &message, const QByteArray &retryAfter)
{
    milliseconds delay = m_retry.firstDelay * (1 << std::min(m_attempt - 1, 10));
    if (const auto asked = parseRetryAfter(retryAfter))
        delay = *asked;
    delay = std::min(delay, m_retry.maxDelay);
    m_retryReason = message.isEmpty() ? tr("HTTP %1").arg(status)
                                      : tr("HTTP %1: %2").arg(status).arg(Redaction::redact(message).left(120));
    m_retryTimer.start(delay);
    m_retryAt = QDeadlineTimer(delay);
    m_countdown.start();
    setState(State::WaitingToRetry);
}

void ChatCompletion::stop()
{
    if (!isRunning())
        return;
    m_retryTimer.stop();
    m_countdown.stop();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    finish(State::Stopped);
    if (reply) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

bool ChatCompletion::isRunning() const
{
    return m_state == State::Connecting || m_state == State::WaitingToRetry || m_state == State::Streaming;
}

qint64 ChatCompletion::elapsedMs() const
{
    if (m_startedMs < 0)
        return 0;
    return (m_endedMs >= 0 ? m_endedMs : m_clock()) - m_startedMs;
}

void ChatCompletion::finish(State state, Failure failure, const QString &error)
{
    m_endedMs = m_clock();
    m_failure = failure;
    m_error = error;
    m_retryTimer.stop();
    m_countdown.stop();
    setState(state);
    emit finished();
}

void ChatCompletion::setState(State state)
{
    m_state = state;
    emit stateChanged(state);
}

std::chrono::seconds ChatCompletion::retryDelayLeft() const
{
    if (!m_retryTimer.isActive())
        return seconds(0);
    return seconds((m_retryAt.remainingTime() + 999) / 1000);
}

double ChatCompletion::tokensPerSecond() const
{
    const qint64 spanMs = m_lastTokenMs - m_firstTokenMs;
    if (m_firstTokenMs < 0 || spanMs <= 0 || m_deltas < 2)
        return 0;
    return (m_deltas - 1) * 1000.0 / double(spanMs);
}

QString ChatCompletion::statusText() const
{
    const QString pace = m_firstTokenMs < 0 ? QString()
                                            : tr("first token after %1 ms").arg(m_firstTokenMs)
            + (tokensPerSecond() > 0 ? tr(" · %1 tokens/s").arg(std::lround(tokensPerSecond())) : QString());
    switch (m_state) {
    case State::Idle: return {};
    case State::Connecting:
        return m_attempt > 1 ? tr("Connecting to %1 (try %2 of %3)…")
                                   .arg(m_request.endpoint().host())
                                   .arg(m_attempt)
                                   .arg(m_retry.maxTries)
                             : tr("Connecting to %1…").arg(m_request.endpoint().host());
    case State::WaitingToRetry:
        return tr("%1 — retrying in %n s (try %2 of %3)…", nullptr, int(retryDelayLeft().count()))
            .arg(m_retryReason)
            .arg(m_attempt + 1)
            .arg(m_retry.maxTries);
    case State::Streaming: return tr("Streaming · %1").arg(pace);
    case State::Finished:
        return tr("Finished in %1 s · %2").arg(QString::number(double(elapsedMs()) / 1000.0, 'f', 1), pace);
    case State::CutOff: return tr("Cut off: %1").arg(m_error);
    case State::Failed: return tr("Failed: %1").arg(m_error);
    case State::Stopped: return tr("Stopped; the text received so far is kept");
    }
    return {};
}

QString ChatCompletion::httpError(int status, const QByteArray &body) const
{
    const QString server = Redaction::redact(NetworkFailure::serverMessage(body));
    const QString said = server.isEmpty() ? QString() : u" ("_s + server + u')';
    switch (status) {
    case 400: return tr("The provider rejected the request (HTTP 400)%1").arg(said);
    case 401: return tr("API key rejected (HTTP 401): check the key in Settings → AI analysis%1").arg(said);
    case 402: return tr("Account balance is insufficient (HTTP 402): top up the account or use another provider");
    case 403: return tr("Access denied by the provider (HTTP 403)%1").arg(said);
    case 404:
        return tr("No chat completions API at %1 (HTTP 404): check the base URL (many servers need /v1 at the end)")
            .arg(m_request.endpoint().toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
    case 422: return tr("The provider refused a parameter (HTTP 422)%1").arg(said);
    case 429: return tr("Rate limited by the provider (HTTP 429) after %n tries%1", nullptr, m_attempt).arg(said);
    default:
        if (status >= 500)
            return tr("The provider failed (HTTP %1) after %n tries%2", nullptr, m_attempt).arg(status).arg(said);
        return tr("HTTP %1%2").arg(status).arg(said);
    }
}

std::optional<QString> ChatCompletion::modelError(int status, const QByteArray &body) const
{
    if (status != 400 && status != 404 && status != 422)
        return std::nullopt;
    const QJsonObject error = QJsonDocument::fromJson(body.left(64 * 1024)).object().value(u"error"_s).toObject();
    const QString message = NetworkFailure::serverMessage(body);
    const QString lower = message.toLower();
    const QString model = m_request.model.trimmed();
    // "Model Not Exist" (DeepSeek), "The model `x` does not exist" (OpenAI), "model \"x\"
    // not found" (Ollama); not "This model's maximum context length is…".
    const bool namesModel = lower.contains(u"model"_s) || (!model.isEmpty() && lower.contains(model.toLower()));
    static const QStringList absent{
        u"not exist"_s, u"not found"_s,  u"unknown"_s, u"invalid model"_s, u"not supported"_s,       u"unsupported"_s,
        u"no such"_s,   u"deprecated"_s, u"retired"_s, u"not available"_s, u"does not have access"_s};
    const bool aboutModel = error.value(u"code"_s).toString() == u"model_not_found"_s
        || error.value(u"param"_s).toString() == u"model"_s
        || (namesModel && std::any_of(absent.cbegin(), absent.cend(), [&lower](const QString &word) {
                                return lower.contains(word);
                            }));
    if (!aboutModel)
        return std::nullopt;
    const QString server = Redaction::redact(message).left(300);
    const QString said = server.isEmpty() ? QString() : u": "_s + server;
    if (m_request.knownModels.isEmpty())
        return tr("The provider does not offer the model \"%1\" (HTTP %2%3). Refresh the model list in Settings → "
                  "AI analysis and choose one it offers.")
            .arg(model, QString::number(status), said);
    return tr("The provider does not offer the model \"%1\" (HTTP %2%3). Current models: %4. Choose one in "
              "Settings → AI analysis.")
        .arg(model, QString::number(status), said, m_request.knownModels.join(u", "_s));
}

QString ChatCompletion::finishReasonError(const QString &reason) const
{
    if (reason == u"length"_s)
        return tr("the answer was cut at max_tokens (%1); raise it in Settings → AI analysis").arg(m_request.maxTokens);
    if (reason == u"content_filter"_s)
        return tr("the provider's content filter stopped the answer");
    if (reason == u"insufficient_system_resource"_s)
        return tr("the provider ran out of capacity and stopped the answer; try again later");
    return tr("the answer ended early (finish reason \"%1\")").arg(reason);
}
