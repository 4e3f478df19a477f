#include "demo/DemoContextServer.h"

#include "core/Background.h"
#include "ingest/HttpRequestParser.h"

#include <QTcpSocket>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    default: return "Error";
    }
}

void appendParameters(DemoContext::Parameters &parameters, const QString &encoded)
{
    // '+' is a space in a form body; the clients encode a literal plus as %2B.
    const QUrlQuery query(QString(encoded).replace(u'+', u' '));
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        parameters.append({key, value});
}

} // namespace

DemoContextServer::DemoContextServer(const QList<Alert> &alerts, QObject *parent)
    : QObject(parent)
    , m_context(std::make_shared<const DemoContext>(alerts))
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection())
            serve(socket);
    });
}

DemoContextServer::~DemoContextServer() = default;

bool DemoContextServer::start()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl DemoContextServer::url() const
{
    if (!m_server.isListening())
        return {};
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort()));
}

void DemoContextServer::serve(QTcpSocket *socket)
{
    socket->setParent(this);
    auto parser = std::make_shared<HttpRequestParser>(HttpRequestParser::Limits{16 * 1024, maxRequestBytes});
    auto respond = [socket](int status, const QByteArray &body, const QByteArray &type) {
        socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                      + "\r\nContent-Type: " + type + "\r\nContent-Length: " + QByteArray::number(body.size())
                      + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    };
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, parser, respond] {
        if (parser->state() == HttpRequestParser::State::Complete
            || parser->state() == HttpRequestParser::State::Failed)
            return; // answered or being answered
        parser->feed(socket->readAll());
        if (parser->state() == HttpRequestParser::State::Failed) {
            respond(parser->error()->status, parser->error()->message.toUtf8(), "text/plain; charset=utf-8");
            return;
        }
        if (parser->state() != HttpRequestParser::State::Complete)
            return;
        const HttpRequest &request = parser->request();
        if (request.method != "GET" && request.method != "POST") {
            respond(405, "use GET or POST", "text/plain; charset=utf-8");
            return;
        }
        DemoContext::Parameters parameters;
        const qsizetype question = request.target.indexOf('?');
        if (question >= 0)
            appendParameters(parameters, QString::fromUtf8(request.target.mid(question + 1)));
        if (request.method == "POST")
            appendParameters(parameters, QString::fromUtf8(request.body));
        Background::run(
            socket,
            [context = m_context, path = request.path, parameters] {
                return context->answer(path, parameters, QDateTime::currentDateTimeUtc());
            },
            [respond](const DemoContext::Answer &answer) {
                const bool json = answer.body.startsWith('{') || answer.body.startsWith('[');
                respond(answer.status, answer.body, json ? "application/json" : "text/plain; charset=utf-8");
            });
    });
}
