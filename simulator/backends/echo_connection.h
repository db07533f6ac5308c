#pragma once

#include "backend_behaviour.h"
#include "echo_identity.h"
#include "echo_router.h"
#include "request_log.h"
#include "websocket_echo.h"

#include "engine/http/http1_codec.h"

#include <QByteArray>
#include <QObject>
#include <deque>
#include <memory>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace Torii::Backends::Internal {

// One accepted HTTP/1.1 connection of an echo endpoint: reads requests with the shared codec,
// asks answerRequest() what to do and writes the answers in request order (keep-alive and
// pipelining; a delayed answer holds back the ones after it, as HTTP/1.1 requires, but never
// another connection). A WebSocket opening handshake to /ws switches the connection to the
// frame echo (websocket_echo.h); any other Upgrade request is answered as plain HTTP/1.1 and the
// connection stays HTTP/1.1 (h2c has its own server, h2c_echo_server.h).
//
// Thread: lives in, and is used only by, the endpoint's worker thread. Ownership: owns the
// socket (its QObject child); deletes itself (deleteLater) when the socket disconnects.
class EchoConnection : public QObject, private Http::RequestHandler
{
    Q_OBJECT
public:
    // `socket` is adopted. `retries` and `log` are not owned: the server owns or shares them
    // and outlives its connections (they are its QObject children). `log` may be null.
    // `behaviour` (not owned, may be null) shapes the echo answers (backend_behaviour.h).
    EchoConnection(QTcpSocket *socket, const EchoIdentity &identity, RetryLedger *retries,
                   RequestLog *log, BehaviourControl *behaviour, QObject *parent);
    ~EchoConnection() override;

    // Drops the connection with a TCP RST at once (the endpoint went down).
    void abortNow() { resetConnection(); }

private:
    struct Pending
    {
        quint64 id = 0;
        EchoAction action;
        bool ready = false;
    };

    void readAvailable();
    void enqueue(EchoAction action);
    void markReady(quint64 id);
    void flush();
    void writeAnswer(const EchoAction &action);
    void resetConnection();
    void applyBehaviour(EchoAction &action);

    void onHead(Http::RequestHead &&head) override;
    void onBody(std::string_view) override {} // the echo server never reads the body's content
    void onComplete(Http::Headers &&trailers) override;

    QTcpSocket *m_socket;           // owned (QObject child)
    EchoIdentity m_identity; // the server's, with this connection's TLS facts (relayed_tls.h)
    RetryLedger *m_retries;         // not owned: see the constructor
    RequestLog *m_log;              // not owned; may be null
    BehaviourControl *m_behaviour;  // not owned; may be null
    std::unique_ptr<Http::RequestParser> m_parser;
    Http::RequestHead m_head;      // the request being read
    QByteArray m_buffer;           // received bytes the parser has not consumed yet
    std::deque<Pending> m_pending; // answers in request order
    quint64 m_nextId = 0;
    bool m_stopReading = false; // after a closing answer, a reset or a codec error
    // Set by a /ws handshake: once the parser reports the upgrade, bytes go to it.
    std::unique_ptr<WebSocketEcho> m_websocket;
    bool m_websocketActive = false;
    void feedWebSocket(std::string_view bytes);
};

} // namespace Torii::Backends::Internal
