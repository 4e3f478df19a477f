// HttpRequestParser: a connection's bytes, read in pieces of fuzzer-chosen sizes, must
// give the same requests as the same bytes read at once, and every request must keep
// the parser's promises (limits, framing, state order).
//
// Input: [limits and head check][piece count][piece sizes...][the connection's bytes]

#include "FuzzSupport.h"
#include "ingest/HttpRequestParser.h"

#include <QList>

namespace {

using State = HttpRequestParser::State;

struct Options {
    HttpRequestParser::Limits limits;
    int headCheck = 0; // 0: none, 1: refuse paths starting "/refuse", 2: refuse odd header counts, 3: refuse all
};

// What one request on the connection came to.
struct Outcome {
    State state = State::Head;
    qsizetype end = 0; // where it ended in the stream (Complete only)
    int status = 0;
    HttpRequest request;
    bool headComplete = false;
    bool expectsContinue = false;
    int headChecks = 0;
    bool admitted = false; // by the head check

    bool operator==(const Outcome &other) const
    {
        return state == other.state && end == other.end && status == other.status && headComplete == other.headComplete
            && expectsContinue == other.expectsContinue && headChecks == other.headChecks && admitted == other.admitted
            && request.method == other.request.method && request.target == other.request.target
            && request.path == other.request.path && request.version == other.request.version
            && request.headers == other.request.headers && request.body == other.request.body;
    }
};

bool isLowerToken(const QByteArray &name)
{
    if (name.isEmpty())
        return false;
    for (const char c : name)
        if (c <= 0x20 || c >= 0x7f || c == ':' || (c >= 'A' && c <= 'Z'))
            return false;
    return true;
}

void checkComplete(const HttpRequestParser &parser, const Options &options)
{
    const HttpRequest &request = parser.request();
    FUZZ_CHECK(!parser.error());
    FUZZ_CHECK(parser.headComplete());
    FUZZ_CHECK(request.version == "HTTP/1.1" || request.version == "HTTP/1.0");
    FUZZ_CHECK(!request.method.isEmpty());
    FUZZ_CHECK(request.target.startsWith('/'));
    FUZZ_CHECK(request.target.startsWith(request.path));
    FUZZ_CHECK(request.path.size() == request.target.size() || request.target.at(request.path.size()) == '?');
    FUZZ_CHECK(!request.path.contains('?'));
    for (const auto &[name, value] : request.headers) {
        FUZZ_CHECK(isLowerToken(name));
        FUZZ_CHECK(!value.contains('\r') && !value.contains('\n') && !value.contains('\0'));
        FUZZ_CHECK(!value.startsWith(' ') && !value.endsWith(' '));
    }
    FUZZ_CHECK(request.headerCount("host") <= 1);
    FUZZ_CHECK(request.version != "HTTP/1.1" || request.headerCount("host") == 1);
    FUZZ_CHECK(request.headerCount("content-length") <= 1 && request.headerCount("transfer-encoding") <= 1);
    FUZZ_CHECK(request.body.size() <= options.limits.maxBodyBytes);
    if (request.headerCount("content-length") == 1)
        FUZZ_CHECK(request.body.size() == request.header("content-length").toLongLong());
    else if (request.headerCount("transfer-encoding") == 0)
        FUZZ_CHECK(request.body.isEmpty());
}

// Feeds `stream` in pieces (sizes repeat; empty: all at once), as a connection would:
// after a complete request the parser is reset and the rest of the piece goes on.
QList<Outcome> parseConnection(QByteArrayView stream, const QList<qsizetype> &pieces, const Options &options)
{
    QList<Outcome> outcomes;
    HttpRequestParser parser(options.limits);
    Outcome current;
    parser.setHeadCheck([&](const HttpRequest &request) -> std::optional<HttpRequestParser::Error> {
        ++current.headChecks;
        FUZZ_CHECK(current.headChecks == 1);
        FUZZ_CHECK(parser.state() == State::Head);
        FUZZ_CHECK(!request.method.isEmpty() && request.body.isEmpty());
        const qint64 declared = parser.declaredBodyBytes();
        FUZZ_CHECK(declared >= -1 && declared <= options.limits.maxBodyBytes);
        FUZZ_CHECK((declared == -1) == (request.header("transfer-encoding").toLower() == "chunked"));
        bool refuse = false;
        switch (options.headCheck) {
        case 1: refuse = request.path.startsWith("/refuse"); break;
        case 2: refuse = request.headers.size() % 2 == 1; break;
        case 3: refuse = true; break;
        default: break;
        }
        if (!refuse) {
            current.admitted = true;
            return std::nullopt;
        }
        return HttpRequestParser::Error{401, QStringLiteral("refused by the head check"), "X-Test: 1\r\n"};
    });

    qsizetype position = 0;
    qsizetype pieceIndex = 0;
    while (position < stream.size()) {
        const qsizetype pieceSize = pieces.isEmpty() ? stream.size() : pieces.at(pieceIndex++ % pieces.size());
        QByteArrayView piece = stream.sliced(position, std::min(pieceSize, stream.size() - position));
        position += piece.size();
        while (!piece.isEmpty()) {
            const State before = parser.state();
            const qsizetype used = parser.feed(piece);
            const State after = parser.state();
            FUZZ_CHECK(used >= 0 && used <= piece.size());
            FUZZ_CHECK(used > 0 || after == State::Failed);
            // Head → Body → Complete, and Failed from anywhere; never back.
            FUZZ_CHECK(int(after) >= int(before));
            FUZZ_CHECK(parser.request().body.size() <= options.limits.maxBodyBytes);
            FUZZ_CHECK(parser.headComplete() == (after == State::Body || after == State::Complete));
            // 100 Continue only for a request that was admitted and has a body to come.
            if (after == State::Head)
                FUZZ_CHECK(!parser.expectsContinue());
            if (parser.expectsContinue())
                FUZZ_CHECK(current.admitted);
            // A parser that still waits has used everything it was given.
            if (after == State::Head || after == State::Body)
                FUZZ_CHECK(used == piece.size());
            piece = piece.sliced(used);
            if (after == State::Failed) {
                const auto &error = parser.error();
                FUZZ_CHECK(error.has_value());
                FUZZ_CHECK(error->status >= 400 && error->status <= 599);
                FUZZ_CHECK(!error->message.isEmpty());
                // A refusal from the head check comes before any body byte.
                if (error->status == 401)
                    FUZZ_CHECK(parser.request().body.isEmpty());
                FUZZ_CHECK(parser.feed("GET / HTTP/1.1\r\n") == 0 && parser.state() == State::Failed);
                current.state = State::Failed;
                current.status = error->status;
                outcomes.append(current);
                return outcomes;
            }
            if (after == State::Complete) {
                checkComplete(parser, options);
                FUZZ_CHECK(parser.feed("GET / HTTP/1.1\r\n") == 0);
                current.state = State::Complete;
                current.end = position - piece.size();
                current.request = parser.request();
                current.headComplete = true;
                current.expectsContinue = parser.expectsContinue();
                outcomes.append(current);
                if (outcomes.size() >= 8)
                    return outcomes;
                parser.reset();
                FUZZ_CHECK(parser.state() == State::Head && !parser.error() && !parser.headComplete());
                current = Outcome();
            }
        }
    }
    // The connection ends mid-request (or between requests).
    current.state = parser.state();
    current.headComplete = parser.headComplete();
    if (current.headComplete) {
        current.request = parser.request();
        current.expectsContinue = parser.expectsContinue();
    }
    outcomes.append(current);
    return outcomes;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput input(data, size);
    const uint8_t choice = input.byte();
    static constexpr qsizetype headerLimits[] = {32, 128, 1024, 16 * 1024};
    static constexpr qint64 bodyLimits[] = {0, 16, 1024, 64 * 1024};
    Options options;
    options.limits.maxHeaderBytes = headerLimits[choice & 3];
    options.limits.maxBodyBytes = bodyLimits[(choice >> 2) & 3];
    options.headCheck = (choice >> 4) & 3;

    QList<qsizetype> pieces;
    const int pieceCount = 1 + input.byte() % 4;
    for (int i = 0; i < pieceCount; ++i)
        pieces << 1 + input.byte() % 64;

    const QByteArrayView stream = input.rest();
    const QList<Outcome> whole = parseConnection(stream, {}, options);
    const QList<Outcome> split = parseConnection(stream, pieces, options);
    // Split anywhere: the same requests, ending at the same bytes, the same refusals.
    FUZZ_CHECK(whole.size() == split.size());
    for (qsizetype i = 0; i < whole.size(); ++i)
        FUZZ_CHECK(whole.at(i) == split.at(i));
    return 0;
}
