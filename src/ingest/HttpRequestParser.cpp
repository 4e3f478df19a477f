#include "ingest/HttpRequestParser.h"

#include <QCoreApplication>

#include <cstring>

using namespace Qt::StringLiterals;

namespace {

// Gives lupdate and tr() the "HttpRequestParser" translation context: the answers to senders
// are in the user's language, like the rest of AlertDeck.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(HttpRequestParser)
};

constexpr qsizetype maxChunkLineBytes = 1024;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// RFC 9110 tchar: what a method or a header name may consist of.
bool isTokenChar(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
        || std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text)
        if (c == '\0' || !isTokenChar(c))
            return false;
    return true;
}

// Field values: visible characters, obs-text, space and tab; no other control character.
bool isFieldValue(QByteArrayView text)
{
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

// A request target in origin-form: visible ASCII only, starting with '/'.
bool isOriginForm(QByteArrayView text)
{
    if (!text.startsWith('/'))
        return false;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            return false;
    }
    return true;
}

QByteArrayView trimmedOws(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

bool isAllDigits(QByteArrayView text, bool hex)
{
    if (text.isEmpty())
        return false;
    for (const char c : text)
        if (hex ? !isHexDigit(c) : !isDigit(c))
            return false;
    return true;
}

} // namespace

QByteArray HttpRequest::header(QByteArrayView lowerCaseName) const
{
    for (const auto &[name, value] : headers)
        if (name == lowerCaseName)
            return value;
    return {};
}

qsizetype HttpRequest::headerCount(QByteArrayView lowerCaseName) const
{
    qsizetype count = 0;
    for (const auto &field : headers)
        count += field.first == lowerCaseName ? 1 : 0;
    return count;
}

bool HttpRequest::keepAlive() const
{
    const QByteArray connection = header("connection").toLower();
    if (version == "HTTP/1.0")
        return connection.contains("keep-alive");
    return !connection.contains("close");
}

HttpRequestParser::HttpRequestParser(Limits limits)
    : m_limits(limits)
{ }

void HttpRequestParser::reset()
{
    m_state = State::Head;
    m_request = {};
    m_error.reset();
    m_line.clear();
    m_remaining = 0;
    m_trailerBytes = 0;
    m_chunked = false;
    m_expectsContinue = false;
    m_chunkStep = ChunkStep::Size;
}

void HttpRequestParser::fail(int status, const QString &message)
{
    m_state = State::Failed;
    m_error = Error{status, message, {}};
}

qsizetype HttpRequestParser::feed(QByteArrayView data)
{
    qsizetype used = 0;
    while (used < data.size() && (m_state == State::Head || m_state == State::Body)) {
        const QByteArrayView rest = data.sliced(used);
        used += m_state == State::Head ? feedHead(rest) : m_chunked ? feedChunked(rest) : feedBody(rest);
    }
    return used;
}

qsizetype HttpRequestParser::feedHead(QByteArrayView data)
{
    // Empty lines before a request line are skipped (RFC 9112 §2.2), including a
    // CR LF split across feeds.
    qsizetype skipped = 0;
    while (m_line.isEmpty() || m_line == "\r") {
        const QByteArrayView rest = data.sliced(skipped);
        if (m_line == "\r" && rest.startsWith('\n')) {
            m_line.clear();
            skipped += 1;
        } else if (m_line.isEmpty() && rest.startsWith("\r\n")) {
            skipped += 2;
        } else if (m_line.isEmpty() && rest == "\r") {
            m_line = "\r";
            return skipped + 1;
        } else {
            break;
        }
    }
    data = data.sliced(skipped);

    // Look for the blank line, including one split across feeds.
    const qsizetype searchFrom = std::max<qsizetype>(0, m_line.size() - 3);
    const qsizetype allowed = m_limits.maxHeaderBytes + 1 - m_line.size();
    const qsizetype taken = std::min(data.size(), allowed);
    const qsizetype appendedAt = m_line.size();
    m_line.append(data.first(taken));
    const qsizetype end = m_line.indexOf("\r\n\r\n", searchFrom);
    // A bare LF in the head fails at once rather than when the head limit is reached
    // (what follows the head is body, where LF is just data).
    const qsizetype headEnd = end < 0 ? m_line.size() : end + 4;
    for (qsizetype at = m_line.indexOf('\n', appendedAt); at >= 0 && at < headEnd; at = m_line.indexOf('\n', at + 1)) {
        if (at == 0 || m_line.at(at - 1) != '\r') {
            fail(400, Text::tr("bare LF in the request head; lines must end with CR LF"));
            return skipped + taken;
        }
    }
    if (end < 0) {
        if (m_line.size() > m_limits.maxHeaderBytes)
            fail(431, Text::tr("request header larger than %1 bytes").arg(m_limits.maxHeaderBytes));
        return skipped + taken;
    }
    const qsizetype headBytes = end + 4;
    const qsizetype usedHere = headBytes - (m_line.size() - taken);
    if (!parseHead(QByteArrayView(m_line).first(end + 2)) || !parseFraming())
        return skipped + usedHere;
    m_line.clear();
    if (m_headCheck) {
        if (std::optional<Error> refusal = m_headCheck(m_request)) {
            m_state = State::Failed;
            m_error = std::move(refusal);
            return skipped + usedHere;
        }
    }
    if (m_chunked || m_remaining > 0) {
        if (!m_chunked)
            m_request.body.reserve(m_remaining);
        // Only now, admitted and with a body to come, may the client be told to send it.
        m_expectsContinue = m_request.header("expect").toLower() == "100-continue";
        m_state = State::Body;
    } else {
        m_state = State::Complete;
    }
    return skipped + usedHere;
}

bool HttpRequestParser::parseHead(QByteArrayView head)
{
    // `head` is the request line and the header lines, each ending with CR LF.
    qsizetype start = 0;
    bool first = true;
    while (start < head.size()) {
        const qsizetype newline = head.indexOf('\n', start);
        if (newline <= start || head.at(newline - 1) != '\r') {
            fail(400, Text::tr("bare LF in the request head; lines must end with CR LF"));
            return false;
        }
        const QByteArrayView line = head.sliced(start, newline - 1 - start);
        start = newline + 1;
        if (line.contains('\r')) {
            fail(400, Text::tr("bare CR in the request head"));
            return false;
        }
        if (first) {
            first = false;
            if (!parseRequestLine(line))
                return false;
            continue;
        }
        if (line.startsWith(' ') || line.startsWith('\t')) {
            fail(400, Text::tr("folded header lines are not allowed"));
            return false;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArrayView name = colon < 0 ? line : line.first(colon);
        if (colon <= 0 || !isToken(name)) {
            // Also "Name : value": whitespace before the colon (RFC 9112 §5.1).
            fail(400, Text::tr("malformed header line"));
            return false;
        }
        const QByteArrayView value = trimmedOws(line.sliced(colon + 1));
        if (!isFieldValue(value)) {
            fail(400, Text::tr("control character in header %1").arg(QString::fromLatin1(name)));
            return false;
        }
        m_request.headers.append({name.toByteArray().toLower(), value.toByteArray()});
    }
    return true;
}

bool HttpRequestParser::parseRequestLine(QByteArrayView line)
{
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype secondSpace = firstSpace < 0 ? -1 : line.indexOf(' ', firstSpace + 1);
    if (secondSpace < 0 || line.indexOf(' ', secondSpace + 1) >= 0) {
        fail(400, Text::tr("malformed HTTP request line"));
        return false;
    }
    const QByteArrayView method = line.first(firstSpace);
    const QByteArrayView target = line.sliced(firstSpace + 1, secondSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(secondSpace + 1);
    if (!isToken(method) || !isOriginForm(target)) {
        fail(400, Text::tr("malformed HTTP request line"));
        return false;
    }
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        const bool looksLikeHttp = version.startsWith("HTTP/") && version.size() == 8;
        if (looksLikeHttp && version != "HTTP/2.0")
            fail(505, Text::tr("HTTP version %1 is not supported; use HTTP/1.1").arg(QString::fromLatin1(version)));
        else
            fail(400, Text::tr("malformed HTTP request line"));
        return false;
    }
    m_request.method = method.toByteArray();
    m_request.target = target.toByteArray();
    const qsizetype query = m_request.target.indexOf('?');
    m_request.path = query < 0 ? m_request.target : m_request.target.first(query);
    m_request.version = version.toByteArray();
    return true;
}

bool HttpRequestParser::parseFraming()
{
    const bool http11 = m_request.version == "HTTP/1.1";
    const qsizetype hosts = m_request.headerCount("host");
    if (hosts > 1 || (http11 && hosts == 0)) {
        fail(400,
             hosts > 1 ? Text::tr("more than one Host header") : Text::tr("an HTTP/1.1 request needs a Host header"));
        return false;
    }
    const qsizetype transferEncodings = m_request.headerCount("transfer-encoding");
    const qsizetype contentLengths = m_request.headerCount("content-length");
    if (transferEncodings > 1 || contentLengths > 1) {
        fail(400,
             transferEncodings > 1 ? Text::tr("Transfer-Encoding given more than once")
                                   : Text::tr("Content-Length given more than once"));
        return false;
    }
    if (transferEncodings == 1) {
        const QByteArray transferEncoding = m_request.header("transfer-encoding").toLower();
        if (!http11) {
            fail(400, Text::tr("Transfer-Encoding is not allowed in an HTTP/1.0 request"));
            return false;
        }
        if (contentLengths > 0) {
            fail(400, Text::tr("both Content-Length and Transfer-Encoding given"));
            return false;
        }
        if (transferEncoding != "chunked") {
            if (transferEncoding.count("chunked") > 1)
                fail(400, Text::tr("chunked applied more than once"));
            else
                fail(501,
                     Text::tr("transfer encoding \"%1\" is not supported").arg(QString::fromLatin1(transferEncoding)));
            return false;
        }
        m_chunked = true;
    } else if (contentLengths == 1) {
        // Digits only (no sign, no spaces inside, no list): RFC 9110's 1*DIGIT, read
        // alike by every proxy in front of us.
        const QByteArray contentLength = m_request.header("content-length");
        bool ok = isAllDigits(contentLength, false) && contentLength.size() <= 18;
        m_remaining = ok ? contentLength.toLongLong(&ok) : -1;
        if (!ok || m_remaining < 0) {
            fail(400, Text::tr("invalid Content-Length"));
            return false;
        }
        if (m_remaining > m_limits.maxBodyBytes) {
            fail(413,
                 Text::tr("request body of %1 bytes exceeds the limit of %2 bytes")
                     .arg(m_remaining)
                     .arg(m_limits.maxBodyBytes));
            return false;
        }
    }
    return true;
}

qsizetype HttpRequestParser::feedBody(QByteArrayView data)
{
    const qsizetype take = std::min<qint64>(data.size(), m_remaining);
    m_request.body.append(data.first(take));
    m_remaining -= take;
    if (m_remaining == 0)
        m_state = State::Complete;
    return take;
}

qsizetype HttpRequestParser::feedChunked(QByteArrayView data)
{
    if (m_chunkStep == ChunkStep::Data) {
        const qsizetype take = std::min<qint64>(data.size(), m_remaining);
        m_request.body.append(data.first(take));
        m_remaining -= take;
        if (m_remaining == 0)
            m_chunkStep = ChunkStep::DataEnd;
        return take;
    }

    // Line-based steps: collect one line (bounded), which must end with CR LF.
    const qsizetype newline = data.indexOf('\n');
    const qsizetype take = newline < 0 ? data.size() : newline + 1;
    m_line.append(data.first(take));
    if (m_line.size() > maxChunkLineBytes) {
        fail(400, Text::tr("malformed chunked body"));
        return take;
    }
    if (newline < 0)
        return take;
    if (m_line.size() < 2 || m_line.at(m_line.size() - 2) != '\r') {
        fail(400, Text::tr("bare LF in the chunked body; lines must end with CR LF"));
        return take;
    }
    const QByteArrayView line = QByteArrayView(m_line).chopped(2);
    if (line.contains('\r')) {
        fail(400, Text::tr("bare CR in the chunked body"));
        return take;
    }

    switch (m_chunkStep) {
    case ChunkStep::Size: {
        // 1*HEXDIG [BWS ";" extension], at most 15 digits: no "0x", no sign, and no
        // overflow below.
        const qsizetype semicolon = line.indexOf(';');
        const QByteArrayView digits = semicolon < 0 ? line : trimmedOws(line.first(semicolon)); // BWS before ';' only
        const bool ok = isAllDigits(digits, true) && digits.size() <= 15 && isFieldValue(line);
        const qint64 size = ok ? digits.toByteArray().toLongLong(nullptr, 16) : -1;
        if (!ok || size < 0) {
            fail(400, Text::tr("malformed chunk size"));
            break;
        }
        if (size > m_limits.maxBodyBytes - m_request.body.size()) {
            fail(413, Text::tr("request body exceeds the limit of %1 bytes").arg(m_limits.maxBodyBytes));
            break;
        }
        m_remaining = size;
        m_chunkStep = size == 0 ? ChunkStep::Trailer : ChunkStep::Data;
        break;
    }
    case ChunkStep::DataEnd:
        if (!line.isEmpty())
            fail(400, Text::tr("malformed chunked body"));
        m_chunkStep = ChunkStep::Size;
        break;
    case ChunkStep::Trailer:
        m_trailerBytes += m_line.size();
        if (line.isEmpty())
            m_state = State::Complete; // trailers are ignored
        else if (m_trailerBytes > m_limits.maxHeaderBytes)
            fail(431, Text::tr("request trailer larger than %1 bytes").arg(m_limits.maxHeaderBytes));
        break;
    case ChunkStep::Data: break;
    }
    m_line.clear();
    return take;
}
