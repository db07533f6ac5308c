#include "echo_connection.h"

#include "relayed_tls.h"

#include <QTcpSocket>
#include <QTimer>

#include <QDateTime>
#include <QLocale>

#include <optional>
#include <utility>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace Torii::Backends::Internal {

namespace {

bool statusHasNoBody(int status)
{
    return (status >= 100 && status < 200) || status == 204 || status == 304;
}

std::string httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(),
                  QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toStdString();
}

} // namespace

EchoConnection::EchoConnection(QTcpSocket *socket, const EchoIdentity &identity,
                               RetryLedger *retries, RequestLog *log, BehaviourControl *behaviour,
                               QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_identity(identity)
    , m_retries(retries)
    , m_log(log)
    , m_behaviour(behaviour)
    , m_parser(std::make_unique<Http::RequestParser>())
{
    m_socket->setParent(this);
    m_identity.tls = relayedTlsFor(m_socket->peerPort()); // came through the HTTPS port?
    connect(m_socket, &QTcpSocket::readyRead, this, &EchoConnection::readAvailable);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    if (m_socket->bytesAvailable() > 0) {
        QTimer::singleShot(0, this, &EchoConnection::readAvailable);
    }
}

EchoConnection::~EchoConnection() = default;

void EchoConnection::readAvailable()
{
    m_buffer += m_socket->readAll();
    if (m_websocketActive) {
        feedWebSocket(std::string_view(m_buffer.constData(), std::size_t(m_buffer.size())));
        m_buffer.clear();
        return;
    }
    while (!m_stopReading && !m_buffer.isEmpty()) {
        const Http::FeedResult result =
            m_parser->feed(std::string_view(m_buffer.constData(), m_buffer.size()), *this);
        m_buffer.remove(0, qsizetype(result.consumed));
        if (result.status == Http::FeedStatus::NeedMore) {
            break;
        }
        if (result.status == Http::FeedStatus::Error) {
            enqueue(protocolErrorAction(m_parser->error()));
            break;
        }
        if (result.status == Http::FeedStatus::Upgraded) {
            if (m_websocket) {
                // 101 was sent: what follows the head is WebSocket frames.
                m_websocketActive = true;
                const QByteArray rest = std::exchange(m_buffer, {});
                feedWebSocket(std::string_view(rest.constData(), std::size_t(rest.size())));
                return;
            }
            // The request was answered as plain HTTP/1.1, so the protocol did not switch: a
            // fresh parser reads what follows.
            m_parser = std::make_unique<Http::RequestParser>();
        }
    }
    if (m_stopReading) {
        m_buffer.clear();
    }
}

void EchoConnection::onHead(Http::RequestHead &&head)
{
    m_head = std::move(head);
    // Let a client that waits for "100 Continue" send its body now, unless earlier answers are
    // still owed (an interim response must not overtake them).
    if (m_head.expectContinue && m_pending.empty()) {
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
}

void EchoConnection::feedWebSocket(std::string_view bytes)
{
    const std::string answer = m_websocket->feed(bytes);
    if (!answer.empty()) {
        m_socket->write(answer.data(), qint64(answer.size()));
    }
    if (m_websocket->ended()) {
        m_websocketActive = false;
        m_stopReading = true;
        m_socket->disconnectFromHost(); // after the echoed close frame is written
    }
}

void EchoConnection::onComplete(Http::Headers &&)
{
    // /ws with a WebSocket handshake, when no earlier answer is owed: 101 at once, and the
    // connection becomes the frame echo once the parser reports the upgrade.
    const std::string_view target(m_head.target);
    if (m_pending.empty() && target.substr(0, target.find('?')) == "/ws") {
        if (std::optional<std::string> answer = WebSocketEcho::handshakeAnswer(m_head)) {
            if (m_log) {
                m_log->record(m_head.target);
            }
            m_socket->write(answer->data(), qint64(answer->size()));
            m_websocket = std::make_unique<WebSocketEcho>();
            return;
        }
    }
    EchoAction action = answerRequest(m_head, m_identity, *m_retries);
    if (action.echoed && m_log) {
        m_log->record(m_head.target); // logged on arrival, as the Go server logs before waiting
    }
    if (action.echoed && m_behaviour) {
        applyBehaviour(action);
    }
    enqueue(std::move(action));
}

void EchoConnection::applyBehaviour(EchoAction &action)
{
    const BehaviourDecision decision = m_behaviour->decide();
    action.delay += decision.extraDelay;
    if (decision.responseBytes > action.body.size()) {
        action.body.append(std::size_t(decision.responseBytes - action.body.size()), ' ');
    }
    if (decision.kind == BehaviourDecision::Kind::Fail) {
        switch (decision.failure) {
        case FailureMode::Status:
            action.status = decision.status; // the echo JSON stays: it names the backend
            break;
        case FailureMode::Reset:
            action.kind = EchoAction::Kind::Reset;
            break;
        case FailureMode::Hang:
            action.kind = EchoAction::Kind::Hang;
            break;
        }
    }
}

void EchoConnection::enqueue(EchoAction action)
{
    if (action.closeAfter || action.kind != EchoAction::Kind::Respond) {
        m_stopReading = true; // nothing after this request will be answered
    }
    const quint64 id = m_nextId++;
    const auto delay = action.delay;
    const bool hang = action.kind == EchoAction::Kind::Hang;
    m_pending.push_back({id, std::move(action), !hang && delay.count() == 0});
    if (!hang && delay.count() > 0) {
        // A timer, not a sleep: the worker keeps serving other connections meanwhile.
        QTimer::singleShot(delay, this, [this, id] { markReady(id); });
    }
    flush();
}

void EchoConnection::markReady(quint64 id)
{
    for (Pending &pending : m_pending) {
        if (pending.id == id) {
            pending.ready = true;
        }
    }
    flush();
}

void EchoConnection::flush()
{
    while (!m_pending.empty() && m_pending.front().ready) {
        const EchoAction action = std::move(m_pending.front().action);
        m_pending.pop_front();
        switch (action.kind) {
        case EchoAction::Kind::Respond:
            writeAnswer(action);
            if (action.closeAfter) {
                m_pending.clear();
                m_socket->disconnectFromHost(); // after the buffered answer is written
                return;
            }
            break;
        case EchoAction::Kind::Reset:
            m_pending.clear();
            resetConnection();
            return;
        case EchoAction::Kind::Close:
            m_pending.clear();
            m_socket->disconnectFromHost();
            return;
        case EchoAction::Kind::Hang:
            return; // never ready; kept for completeness
        }
    }
}

void EchoConnection::writeAnswer(const EchoAction &action)
{
    Http::ResponseHead head;
    head.status = action.status;
    head.reason = std::string(Http::reasonPhrase(action.status));
    head.headers = action.headers;
    head.headers.set("Date", httpDate());
    if (!statusHasNoBody(action.status)) {
        head.headers.set("Content-Length", std::to_string(action.body.size()));
    }
    const std::string bytes = Http::serializeResponseHead(head);
    m_socket->write(bytes.data(), qint64(bytes.size()));
    if (!statusHasNoBody(action.status) && !action.body.empty()) {
        m_socket->write(action.body.data(), qint64(action.body.size()));
    }
}

void EchoConnection::resetConnection()
{
#ifdef Q_OS_UNIX
    // SO_LINGER with a zero timeout makes close() send RST instead of FIN, as Go's echo server
    // does when it hijacks and drops a connection for a failing /retry/ attempt.
    const qintptr fd = m_socket->socketDescriptor();
    if (fd >= 0) {
        const linger option{1, 0};
        ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &option, sizeof option);
    }
#endif
    m_socket->abort();
    deleteLater(); // abort() from a connected state may not emit disconnected() in every case
}

} // namespace Torii::Backends::Internal
