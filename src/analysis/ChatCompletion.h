#pragma once

#include "analysis/ChatStream.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

// One message of a conversation. A tool-calling turn is an assistant message with
// `toolCalls` (and, in DeepSeek's thinking mode, its `reasoning`), followed by one
// "tool" message per call whose `toolCallId` names the call it answers.
struct ChatMessage {
    QString role{}; // "system", "user", "assistant", "tool"
    QString content{};
    QList<ToolCall> toolCalls{}; // assistant: the calls it made
    // assistant: its reasoning_content. Sent back only for a turn that made tool calls
    // while DeepSeek's thinking mode is on (DeepSeek answers 400 without it); other
    // turns' reasoning would be ignored, local servers may reject the field.
    QString reasoning{};
    QString toolCallId{}; // tool: the id of the call this is the result of

    static ChatMessage toolResult(const QString &toolCallId, const QString &content)
    {
        return {QStringLiteral("tool"), content, {}, {}, toolCallId};
    }
    friend bool operator==(const ChatMessage &, const ChatMessage &) = default;
};

// DeepSeek's thinking switch and effort (low, high, max). Other providers never get it.
struct ThinkingMode {
    bool enabled = true;
    QString effort = QStringLiteral("high");
    friend bool operator==(const ThinkingMode &, const ThinkingMode &) = default;
};

// One streamed chat completion as an OpenAI-compatible API takes it: DeepSeek,
// OpenAI, Ollama/llama.cpp/vLLM (`…/v1`), Azure-style deployment URLs whose query
// (api-version) is kept.
struct CompletionRequest {
    QUrl baseUrl{};
    QString apiKey{}; // empty: no Authorization header (local servers)
    QString model{};
    QList<ChatMessage> messages{};
    double temperature = 0.2;
    int maxTokens = 2048;
    // Sent as "thinking" and "reasoning_effort" only when baseUrl is DeepSeek's API
    // (isDeepSeek()): local servers ignore or reject fields they do not know.
    std::optional<ThinkingMode> thinking{};
    // Function definitions ([{"type":"function","function":{name, description,
    // parameters}}]); empty: none sent. toolChoice ("auto", "none", "required" or an
    // object) is sent when set.
    QJsonArray tools{};
    QJsonValue toolChoice = QJsonValue::Undefined;
    // The model ids the provider is known to offer (its cached GET /models, else the
    // built-in list for DeepSeek): named when it refuses the model. May be empty.
    QStringList knownModels{};
    // No byte for this long (keep-alive comments count) ends the request.
    std::chrono::milliseconds timeout{120'000};

    // {base}/chat/completions, whatever slashes the user typed.
    QUrl endpoint() const;
    // The JSON body: stream on, usage requested; no temperature in DeepSeek's thinking
    // mode (it is ignored there).
    QByteArray body() const;
    // The same request as a shell command for a terminal, with the key shown as
    // $ALERTDECK_DEEPSEEK_API_KEY instead of its value.
    QString curlCommand() const;

    // The headers that carry `key` to the provider at `baseUrl`: "Authorization: Bearer",
    // and for Azure OpenAI (hosts under .azure.com) also "api-key". None when `key` is
    // empty. The one rule for the request, the Test button and the previews (which pass
    // a stand-in for the key).
    static QList<std::pair<QByteArray, QByteArray>> authHeaders(const QUrl &baseUrl, const QByteArray &key);

    // DeepSeek's own API (api.deepseek.com): the only host that gets DeepSeek's fields.
    static bool isDeepSeek(const QUrl &baseUrl);
    // Whether DeepSeek's thinking mode is on for this request (DeepSeek turns it on by
    // default): then assistant turns with tool calls carry their reasoning back.
    bool thinkingInEffect() const;
    // A server on this machine or the local network (loopback, "localhost", private and
    // link-local addresses, single-label and .local/.lan/.internal/.home.arpa names):
    // such servers often need no API key. Anything else is remote.
    static bool isLocal(const QUrl &baseUrl);
};

// When a failed attempt is tried again: 429 and 5xx only (a 402 or a bad key will
// not get better), after Retry-After when the server says, else 2 s, 4 s, …
struct RetryPolicy {
    int maxTries = 3;
    std::chrono::milliseconds firstDelay{2000};
    std::chrono::milliseconds maxDelay{60'000};
};

// Runs one streamed chat completion: sends it, retries what may be retried, decodes
// the stream as it arrives and says how it ended in words a person can act on.
// One object per run; stop() ends it early and keeps the text received.
class ChatCompletion final : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Idle,
        Connecting, // request sent, nothing streamed yet
        WaitingToRetry, // retryDelayLeft() says how long
        Streaming,
        Finished, // ended with finish_reason stop
        CutOff, // ended early: max_tokens, a filter, a dropped stream; the text is kept
        Failed, // no usable answer: error() says why
        Stopped, // stop() was called
    };
    Q_ENUM(State)

    // Why a run failed or was cut off, for code to decide on; error() says it for people.
    enum class Failure {
        None, // finished, or stopped by stop()
        InvalidUrl, // the base URL is not an http(s) URL
        Network, // no HTTP answer: DNS, refused connection, TLS, a redirect elsewhere
        Timeout, // no byte within the request's timeout
        HttpStatus, // a non-2xx answer (after the retries): httpStatus() says which
        NoCompletion, // a 2xx JSON answer without a completion in it
        BadStream, // not a valid event stream (an endless line)
        ProviderError, // the stream carried the provider's error event
        FinishReason, // finish_reason other than "stop": max_tokens, a filter…
        ConnectionClosed, // the stream ended before its end ([DONE] or a finish_reason)
        NoText, // finished without any text (and without tool calls)
        ModelNotOffered, // HTTP 400/404/422 about the model: error() names the known ids
    };
    Q_ENUM(Failure)

    explicit ChatCompletion(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ChatCompletion() override;

    void start(const CompletionRequest &request, const RetryPolicy &retry = {});
    void stop();

    State state() const { return m_state; }
    bool isRunning() const;
    const ChatStream &stream() const { return m_stream; }
    // How the turn ended ("stop", "tool_calls", "length"…); empty before the end or when
    // the stream said none. A turn that asks for tools ends normally (State::Finished)
    // with its calls in toolCalls(); some local servers say "stop" there, so the calls
    // themselves are what tells a tool turn.
    QString finishReason() const { return m_stream.finishReason().value_or(QString()); }
    // The complete calls of a Finished turn (empty otherwise).
    QList<ToolCall> toolCalls() const;
    // The turn as the next request's assistant message: its text, reasoning and calls.
    ChatMessage assistantMessage() const;
    // Why it failed or was cut off; empty otherwise.
    const QString &error() const { return m_error; }
    // The same as a value: None exactly when error() is empty.
    Failure failure() const { return m_failure; }
    // The status of the answer that failed the run (Failure::HttpStatus); 0 otherwise.
    int httpStatus() const { return m_httpStatus; }
    // What the provider's error answer said (its "error.message", redacted, at most 1000
    // characters), as it said it: for code that decides on it (a server that refuses
    // `tools`). Empty unless the run failed with an HTTP status.
    const QString &serverMessage() const { return m_serverMessage; }
    // One line for the panel's status: "Connecting…", "Retrying in 4 s (HTTP 503)…",
    // "First token after 820 ms · 41 tokens/s", "Finished", "Cut off: …".
    QString statusText() const;
    int attempt() const { return m_attempt; }
    std::chrono::seconds retryDelayLeft() const;
    // From sending the (last) attempt to the first streamed text; -1 before it.
    qint64 firstTokenMs() const { return m_firstTokenMs; }
    // Streamed pieces per second since the first one (each delta is about a token).
    double tokensPerSecond() const;
    // From start() to now while it runs, to its end once it ended (the run's own duration).
    qint64 elapsedMs() const;
    // Milliseconds on a monotonic clock; tests set one that stands still.
    using Clock = std::function<qint64()>;
    void setClock(Clock clock) { m_clock = std::move(clock); }

signals:
    // The answer or the reasoning grew.
    void grew();
    void stateChanged(ChatCompletion::State state);
    // Reached Finished, CutOff, Failed or Stopped.
    void finished();

private:
    void sendAttempt();
    void readAvailable();
    void attemptFinished();
    void retryOrFail(int status, const QString &message, const QByteArray &retryAfter);
    void finish(State state, Failure failure = Failure::None, const QString &error = {});
    void setState(State state);
    QString httpError(int status, const QByteArray &body) const;
    QString finishReasonError(const QString &reason) const;
    // The provider's 400/404/422 is about the model (unknown, retired): the message.
    std::optional<QString> modelError(int status, const QByteArray &body) const;

    QNetworkAccessManager *m_network;
    CompletionRequest m_request;
    RetryPolicy m_retry;
    QPointer<QNetworkReply> m_reply;
    QStringList m_sslProblems;
    QByteArray m_errorBody; // a non-2xx answer's body, collected for its message
    ChatStream m_stream;
    State m_state = State::Idle;
    QString m_error;
    Failure m_failure = Failure::None;
    int m_httpStatus = 0;
    QString m_serverMessage;
    QString m_retryReason;
    int m_attempt = 0;
    int m_deltas = 0;
    qint64 m_firstTokenMs = -1;
    qint64 m_lastTokenMs = -1;
    Clock m_clock;
    qint64 m_startedMs = -1; // on m_clock
    qint64 m_endedMs = -1;
    QElapsedTimer m_sinceAttempt;
    QTimer m_retryTimer;
    QDeadlineTimer m_retryAt;
    QTimer m_countdown; // repaints "retrying in N s" once a second
};
