#include "ingest/HttpRequestParser.h"

#include <cstring>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype maxChunkLineBytes = 1024;

// True when `text` is not empty and every byte is one of `digits`.
bool isAllDigits(QByteArrayView text, const char *digits)
{
    if (text.isEmpty())
        return false;
    for (const char c : text)
        if (c == '\0' || !std::strchr(digits, c))
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
    m_chunked = false;
    m_expectsContinue = false;
    m_chunkStep = ChunkStep::Size;
}

void HttpRequestParser::fail(int status, const QString &message)
{
    m_state = State::Failed;
    m_error = Error{status, message};
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
    // Look for the blank line, including one split across feeds.
    const qsizetype searchFrom = std::max<qsizetype>(0, m_line.size() - 3);
    const qsizetype allowed = m_limits.maxHeaderBytes + 1 - m_line.size();
    m_line.append(data.first(std::min(data.size(), allowed)));
    const qsizetype end = m_line.indexOf("\r\n\r\n", searchFrom);
    if (end < 0) {
        if (m_line.size() > m_limits.maxHeaderBytes)
            fail(431, u"request header larger than %1 bytes"_s.arg(m_limits.maxHeaderBytes));
        return std::min(data.size(), allowed);
    }
    const qsizetype headBytes = end + 4;
    const qsizetype usedHere = headBytes - (m_line.size() - std::min(data.size(), allowed));
    m_line.truncate(headBytes);
    if (!parseHead())
        return usedHere;
    m_line.clear();
    if (!m_chunked && m_remaining == 0)
        m_state = State::Complete;
    else
        m_state = State::Body;
    return usedHere;
}

bool HttpRequestParser::parseHead()
{
    QList<QByteArray> lines = m_line.chopped(4).split('\n');
    for (QByteArray &line : lines)
        if (line.endsWith('\r'))
            line.chop(1);

    const QList<QByteArray> requestLine = lines.takeFirst().split(' ');
    if (requestLine.size() != 3 || requestLine.at(0).isEmpty() || !requestLine.at(1).startsWith('/')) {
        fail(400, u"malformed HTTP request line"_s);
        return false;
    }
    m_request.method = requestLine.at(0);
    m_request.target = requestLine.at(1);
    m_request.path = m_request.target.left(m_request.target.indexOf('?') < 0 ? m_request.target.size()
                                                                             : m_request.target.indexOf('?'));
    m_request.version = requestLine.at(2);
    if (m_request.version != "HTTP/1.1" && m_request.version != "HTTP/1.0") {
        fail(505, u"HTTP version %1 is not supported; use HTTP/1.1"_s.arg(QString::fromLatin1(m_request.version)));
        return false;
    }
    for (const QByteArray &line : std::as_const(lines)) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.front() == ' ' || line.front() == '\t') {
            fail(400, u"malformed header line"_s);
            return false;
        }
        m_request.headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }

    const QByteArray transferEncoding = m_request.header("transfer-encoding").toLower();
    const QByteArray contentLength = m_request.header("content-length");
    if (!transferEncoding.isEmpty()) {
        if (transferEncoding != "chunked") {
            fail(501, u"transfer encoding \"%1\" is not supported"_s.arg(QString::fromLatin1(transferEncoding)));
            return false;
        }
        if (!contentLength.isEmpty()) {
            fail(400, u"both Content-Length and Transfer-Encoding given"_s);
            return false;
        }
        m_chunked = true;
    } else if (!contentLength.isEmpty()) {
        // Digits only (no sign, no spaces inside): RFC 9110's 1*DIGIT, read alike by
        // every proxy in front of us.
        bool ok = isAllDigits(contentLength, "0123456789") && contentLength.size() <= 18;
        m_remaining = ok ? contentLength.toLongLong(&ok) : -1;
        if (!ok || m_remaining < 0) {
            fail(400, u"invalid Content-Length"_s);
            return false;
        }
        if (m_remaining > m_limits.maxBodyBytes) {
            fail(413,
                 u"request body of %1 bytes exceeds the limit of %2 bytes"_s.arg(m_remaining)
                     .arg(m_limits.maxBodyBytes));
            return false;
        }
        m_request.body.reserve(m_remaining);
    }
    m_expectsContinue = m_request.header("expect").toLower() == "100-continue";
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
    switch (m_chunkStep) {
    case ChunkStep::Data: {
        const qsizetype take = std::min<qint64>(data.size(), m_remaining);
        m_request.body.append(data.first(take));
        m_remaining -= take;
        if (m_remaining == 0)
            m_chunkStep = ChunkStep::DataEnd;
        return take;
    }
    case ChunkStep::Size:
    case ChunkStep::DataEnd:
    case ChunkStep::Trailer: break;
    }

    // Line-based steps: collect one line (bounded).
    const qsizetype newline = data.indexOf('\n');
    const qsizetype take = newline < 0 ? data.size() : newline + 1;
    m_line.append(data.first(take));
    if (m_line.size() > maxChunkLineBytes) {
        fail(400, u"malformed chunked body"_s);
        return take;
    }
    if (newline < 0)
        return take;
    const QByteArray line = m_line.trimmed();
    m_line.clear();

    switch (m_chunkStep) {
    case ChunkStep::Size: {
        // 1*HEXDIG, at most 15 of them: no "0x", no sign, and no overflow below.
        const QByteArray digits = line.left(line.indexOf(';') < 0 ? line.size() : line.indexOf(';')).trimmed();
        bool ok = isAllDigits(digits, "0123456789abcdefABCDEF") && digits.size() <= 15;
        const qint64 size = ok ? digits.toLongLong(&ok, 16) : -1;
        if (!ok || size < 0) {
            fail(400, u"malformed chunk size"_s);
            break;
        }
        if (size > m_limits.maxBodyBytes - m_request.body.size()) {
            fail(413, u"request body exceeds the limit of %1 bytes"_s.arg(m_limits.maxBodyBytes));
            break;
        }
        m_remaining = size;
        m_chunkStep = size == 0 ? ChunkStep::Trailer : ChunkStep::Data;
        break;
    }
    case ChunkStep::DataEnd:
        if (!line.isEmpty())
            fail(400, u"malformed chunked body"_s);
        m_chunkStep = ChunkStep::Size;
        break;
    case ChunkStep::Trailer:
        if (line.isEmpty())
            m_state = State::Complete; // trailers are ignored
        break;
    case ChunkStep::Data: break;
    }
    return take;
}
