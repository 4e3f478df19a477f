#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkRequest;
class QNetworkReply;

// The outcome of a "Test connection" button, for people: exactly what happened
// (HTTP status and the server's own message, TLS error, timeout, DNS failure,
// refused connection) and, when it worked, what answered.
struct ConnectionCheckResult {
    bool ok = false;
    int httpStatus = 0; // 0: no HTTP answer
    QString summary{};
    QString warning{}; // it works, but something will not (also at the end of the summary)
};

// A sample alert's log selector for checkLoki, and the window to look in: finding no
// streams there is a warning (the Logs tab would come up empty for such alerts).
struct LokiSample {
    QString selector; // empty: no sample
    QString alertName{};
    qint64 startNs = 0;
    qint64 endNs = 0;
};

// What a check sends: a GET with optional Basic or Bearer credentials and headers.
struct ConnectionCheckRequest {
    QUrl url{};
    QString user{}; // Basic auth when not empty
    QString password{};
    QString bearerToken{};
    QList<std::pair<QByteArray, QByteArray>> headers{};
    std::chrono::milliseconds timeout{10'000};

    // Basic auth (when a user is set) or the Bearer token, and the extra headers.
    void authorize(QNetworkRequest &request) const;
};

// Asks Prometheus, Loki, Alertmanager or an OpenAI-compatible provider whether the
// configured URL and credentials work, through their public APIs. Asynchronous;
// `done` runs on the caller's thread unless `context` is gone.
class ConnectionChecker final : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const ConnectionCheckResult &)>;

    explicit ConnectionChecker(QObject *parent = nullptr);

    // GET /api/v1/status/buildinfo
    void checkPrometheus(ConnectionCheckRequest request, QObject *context, Callback done);
    // GET /loki/api/v1/labels (X-Scope-OrgID among the request's headers when set)
    // and, with a sample, GET /loki/api/v1/series?match[]=sample.selector in its window
    void checkLoki(ConnectionCheckRequest request, QObject *context, Callback done, const LokiSample &sample = {});
    // GET /api/v2/status
    void checkAlertmanager(ConnectionCheckRequest request, QObject *context, Callback done);
    // GET {base}/models; says whether `model` is offered
    void checkProvider(ConnectionCheckRequest request, const QString &model, QObject *context, Callback done);

    // "https://host/prefix" + "/api/v1/x", whatever slashes the user typed.
    static QUrl join(const QUrl &base, const QString &path);

private:
    using Interpreter = std::function<ConnectionCheckResult(int status, const QByteArray &body)>;
    void get(const ConnectionCheckRequest &request, Interpreter interpret, QObject *context, Callback done);

    QNetworkAccessManager *m_network;
};
