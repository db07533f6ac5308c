#pragma once

#include "backend_behaviour.h"
#include "echo_identity.h"
#include "request_log.h"

#include <QString>
#include <memory>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

// One endpoint (pod) of a mock Service: a real HTTP/1.1 server on 127.0.0.1 that answers like
// the Gateway API conformance echo server (../shared/conformance/README.md, "The echo backend"):
// the echo JSON, X-Echo-Set-Header, /health, /status/NNN, ?delay=, /retry/. Keep-alive and
// pipelining are supported; request bodies (Content-Length or chunked) are read and discarded.
// Plain TCP HTTP/1.1 only: h2c, HTTPS, WebSocket (/ws) and gRPC are later issues.
// A BackendBehaviour (backend_behaviour.h: latency, errors, down/up, size, slow start) shapes
// the echo answers and can be changed while it runs.
namespace Torii::Backends {

namespace Internal {
class EchoServer;
}

// The outcome of start(): the bound port, or an error (translated, for display).
struct StartResult
{
    quint16 port = 0;
    QString error;
    bool ok() const { return error.isEmpty(); }
};

// Thread: start(), stop() and the accessors are called from one owning thread (any thread but
// the worker). The endpoint owns a worker QThread; its QTcpServer and sockets are created, used
// and destroyed in that thread and share nothing mutable with the owner (the identity is copied
// into it). A QCoreApplication must exist while it runs.
// Ownership: not copyable or movable; the destructor stops it.
class HttpEchoBackend
{
public:
    explicit HttpEchoBackend(EchoIdentity identity);
    ~HttpEchoBackend();
    HttpEchoBackend(const HttpEchoBackend &) = delete;
    HttpEchoBackend &operator=(const HttpEchoBackend &) = delete;

    // Starts the worker and listens on 127.0.0.1:`port` (0: chosen by the OS); blocks until the
    // socket is bound (a few milliseconds). When already running: an error, nothing changes.
    StartResult start(quint16 port = 0);
    // Closes the listener and every connection, and joins the worker. The port is free when it
    // returns. Does nothing when not running.
    void stop();

    bool isRunning() const { return m_thread != nullptr; }
    // The bound port while running, else 0.
    quint16 port() const { return m_port; }
    const EchoIdentity &identity() const { return m_identity; }
    // The targets this endpoint has echoed (kept across stop() and start(); clear() to reset).
    // Safe to read from any thread while the worker answers.
    const RequestLog &requestLog() const { return *m_log; }
    RequestLog &requestLog() { return *m_log; }

    // Changes the behaviour, also while running (the worker reads it under a lock). Going down
    // or up is applied in the worker before this returns (down: the listener is closed and open
    // connections are reset; up: it listens on the same port again). Returns an error
    // (translated) when the behaviour is unusable (nothing changes) or the port cannot be bound
    // again; empty on success. Owner thread.
    QString setBehaviour(const BackendBehaviour &behaviour);
    BackendBehaviour behaviour() const { return m_behaviour->behaviour(); }

private:
    EchoIdentity m_identity;
    std::unique_ptr<QThread> m_thread; // null when stopped
    quint16 m_port = 0;
    std::shared_ptr<RequestLog> m_log = std::make_shared<RequestLog>(); // shared with the worker
    std::shared_ptr<BehaviourControl> m_behaviour = std::make_shared<BehaviourControl>(); // too
    Internal::EchoServer *m_server = nullptr; // the worker's, while running (for down/up)
};

} // namespace Torii::Backends
