#pragma once

#include "engine/http/http1_codec.h"

#include <QObject>
#include <QString>
#include <chrono>
#include <string>
#include <string_view>

QT_BEGIN_NAMESPACE
class QTcpSocket;
class QTimer;
QT_END_NAMESPACE

namespace Torii::Proxy::Internal {

// What an UpstreamConnection reports to the exchange using it. Calls come from the worker's
// event loop; the listener may release or discard the connection inside any of them.
class UpstreamListener
{
public:
    virtual ~UpstreamListener() = default;
    virtual void upstreamHead(Http::ResponseHead &&head) = 0; // interim (1xx) heads too
    virtual void upstreamBody(std::string_view chunk) = 0;
    virtual void upstreamComplete() = 0;
    // The endpoint could not be reached, closed early, or answered bytes that are not HTTP/1.1.
    // No further call follows; the connection is not reusable.
    virtual void upstreamFailed(const std::string &reason) = 0;
    // The send buffer drained below the high-water mark (backpressure: read the client again).
    virtual void upstreamWritable() = 0;
};

// One TCP connection to one endpoint, carrying one request at a time (HTTP/1.1 keep-alive, no
// pipelining towards upstreams). It owns its socket and response parser (the codec: pure) and
// only moves bytes. Thread: created, used and destroyed in the worker thread.
// Ownership: a QObject owned by its parent: the ClientConnection using it, or the UpstreamPool
// while idle. Discard with deleteLater() (it may be inside one of its own callbacks).
class UpstreamConnection : public QObject, private Http::ResponseHandler
{
    Q_OBJECT
public:
    UpstreamConnection(std::string endpoint, const std::string &host, quint16 port,
                       const Http::Limits &limits, std::chrono::milliseconds connectTimeout,
                       QObject *parent);
    ~UpstreamConnection() override;

    const std::string &endpoint() const { return m_endpoint; }

    // Starts an exchange: responses go to `listener` (not owned; cleared by detach()).
    // `method` tells the parser whether a body follows (HEAD).
    void begin(UpstreamListener *listener, const std::string &method);
    // Queues request bytes (buffered until connected).
    void send(std::string_view bytes);
    // No more callbacks to the current listener.
    void detach() { m_listener = nullptr; }
    // Connected, the last response complete and keep-alive, nothing broken.
    bool reusable() const;
    qint64 bytesToWrite() const;
    // Stops/starts reading from the endpoint (backpressure towards a slow client).
    void setReadPaused(bool paused);

signals:
    // An idle connection was closed by the endpoint or broke; the pool drops it.
    void becameUnusable();

private:
    void onConnected();
    void readAvailable();
    void onDisconnected();
    void fail(const std::string &reason);

    void onHead(Http::ResponseHead &&head) override;
    void onBody(std::string_view chunk) override;
    void onComplete(Http::Headers &&trailers) override;

    std::string m_endpoint;
    QTcpSocket *m_socket;   // owned (QObject child)
    QTimer *m_connectTimer; // owned (QObject child)
    Http::ResponseParser m_parser;
    UpstreamListener *m_listener = nullptr; // not owned
    QByteArray m_pending;                   // request bytes written before the connection was up
    QByteArray m_input;                     // response bytes not parsed yet
    bool m_connected = false;
    bool m_broken = false;
    bool m_keepAlive = false;
    bool m_awaitingResponse = false;
    bool m_readPaused = false;
    bool m_lastWasInterim = false;
};

} // namespace Torii::Proxy::Internal
