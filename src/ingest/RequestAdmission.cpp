#include "ingest/RequestAdmission.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

// Gives lupdate and tr() the "RequestAdmission" translation context: the answers to senders
// are in the user's language, like the rest of AlertDeck.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(RequestAdmission)
};

using Error = HttpRequestParser::Error;

QString normalizedOrigin(QString origin)
{
    origin = origin.trimmed().toLower();
    while (origin.endsWith(u'/'))
        origin.chop(1);
    return origin;
}

// Header values quoted in answers: printable ASCII, bounded.
QString quoted(QByteArrayView value)
{
    QString text;
    for (const char c : value.first(std::min<qsizetype>(value.size(), 100)))
        text += (c >= 0x20 && c < 0x7f) ? QChar::fromLatin1(c) : u'?';
    return text + (value.size() > 100 ? u"…"_s : QString());
}

} // namespace

RequestAdmission::RequestAdmission(ListenerAuth auth, const QHostAddress &listenHost, QStringList allowedOrigins)
    : m_auth(std::move(auth))
    , m_listenHost(listenHost)
    , m_loopbackOnly(listenHost.isLoopback())
{
    for (const QString &origin : allowedOrigins)
        if (!origin.trimmed().isEmpty())
            m_allowedOrigins << normalizedOrigin(origin);
}

QString RequestAdmission::hostName(QByteArrayView hostHeader)
{
    QByteArrayView host = hostHeader;
    if (host.startsWith('[')) {
        const qsizetype close = host.indexOf(']');
        if (close < 0)
            return {};
        const QByteArrayView rest = host.sliced(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(':'))
            return {};
        host = host.sliced(1, close - 1);
    } else if (const qsizetype colon = host.lastIndexOf(':'); colon >= 0) {
        if (host.first(colon).contains(':'))
            return {}; // an IPv6 address must be in brackets
        host = host.first(colon);
    }
    QString name = QString::fromLatin1(host).toLower();
    while (name.endsWith(u'.'))
        name.chop(1);
    return name;
}

QString RequestAdmission::originProblem(const QString &origin)
{
    const QString text = normalizedOrigin(origin);
    const QUrl url(text, QUrl::StrictMode);
    const bool ok = url.isValid() && (url.scheme() == u"http"_s || url.scheme() == u"https"_s) && !url.host().isEmpty()
        && url.path().isEmpty() && !url.hasQuery() && !url.hasFragment() && url.userInfo().isEmpty();
    if (ok)
        return {};
    return QCoreApplication::translate("RequestAdmission",
                                       "\"%1\" is not a web origin: write it as scheme://host or scheme://host:port, "
                                       "e.g. https://tools.example.org")
        .arg(origin.left(200));
}

bool RequestAdmission::isJsonMediaType(QByteArrayView contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArray type
        = (semicolon < 0 ? contentType : contentType.first(semicolon)).trimmed().toByteArray().toLower();
    return type == "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

std::optional<Error> RequestAdmission::checkBrowserRules(const HttpRequest &request) const
{
    const QByteArray origin = request.header("origin");
    const bool crossSite = request.header("sec-fetch-site").toLower() == "cross-site";
    if (!origin.isEmpty() || crossSite) {
        if (origin.isEmpty() || !m_allowedOrigins.contains(normalizedOrigin(QString::fromLatin1(origin))))
            return Error{
                403,
                origin.isEmpty()
                    ? Text::tr("requests from web pages are refused (Sec-Fetch-Site: cross-site)")
                    : Text::tr("requests from web pages are refused (Origin: %1); allow the origin in Settings → "
                               "Listener if a browser tool must post here")
                          .arg(quoted(origin)),
                {}};
    }
    if (!m_loopbackOnly)
        return std::nullopt;
    // A loopback listener serves loopback names only: a page whose host name was
    // rebound to 127.0.0.1 still sends its own name.
    const QByteArray hostHeader = request.header("host");
    if (hostHeader.isEmpty())
        return std::nullopt; // HTTP/1.0 without Host: no browser sends that
    const QString host = hostName(hostHeader);
    const QHostAddress address(host);
    const bool allowed = host == u"localhost"_s || host.endsWith(u".localhost"_s)
        || (!address.isNull() && (address.isLoopback() || address.isEqual(m_listenHost)));
    if (!allowed)
        return Error{403,
                     Text::tr("Host \"%1\" is not this listener's name; a listener on a loopback address answers to "
                              "localhost and loopback addresses only")
                         .arg(quoted(hostHeader)),
                     {}};
    return std::nullopt;
}

RequestAdmission::Verdict RequestAdmission::check(const HttpRequest &request) const
{
    Verdict verdict;
    if (request.path == "/healthz" || request.path == "/metrics") {
        verdict.route = request.path == "/healthz" ? Route::Healthz : Route::Metrics;
        if (request.method != "GET")
            verdict.refusal
                = Error{405, Text::tr("use GET for %1").arg(QString::fromLatin1(request.path)), "Allow: GET\r\n"};
        else
            verdict.refusal = checkBrowserRules(request);
        return verdict;
    }
    const std::optional<PayloadFormat> format = formatForEndpoint(request.path);
    if (!format) {
        verdict.refusal = Error{404, Text::tr("no such endpoint: %1").arg(quoted(request.path)), {}};
        return verdict;
    }
    verdict.route = Route::Webhook;
    verdict.format = *format;
    if (request.method != "POST") {
        verdict.refusal
            = Error{405, Text::tr("use POST for %1").arg(QString::fromLatin1(request.path)), "Allow: POST\r\n"};
        return verdict;
    }
    if ((verdict.refusal = checkBrowserRules(request)))
        return verdict;
    switch (m_auth.checkCredentials(request)) {
    case ListenerAuth::Verdict::Allowed: break;
    case ListenerAuth::Verdict::Missing:
        verdict.refusal = Error{401, Text::tr("authentication required"), m_auth.challengeHeaders()};
        return verdict;
    case ListenerAuth::Verdict::Invalid:
        verdict.refusal = Error{401, Text::tr("invalid credentials"), m_auth.challengeHeaders()};
        return verdict;
    }
    const QByteArray contentType = request.header("content-type");
    if (!isJsonMediaType(contentType))
        verdict.refusal
            = Error{415,
                    contentType.isEmpty()
                        ? Text::tr("Content-Type must be application/json; the request has none")
                        : Text::tr("Content-Type must be application/json, got \"%1\"").arg(quoted(contentType)),
                    {}};
    return verdict;
}
