#pragma once

#include "echo_identity.h"

#include <QtCore/QtGlobal>

#include <atomic>
#include <memory>
#include <string>
#include <thread>

// One replica of the conformance echo-basic pod on its h2c port (infra-backend-v1's Service port
// 8081 → 3001, appProtocol kubernetes.io/h2c, case HTTPRouteBackendProtocolH2C): HTTP/2 over
// cleartext only. A connection must open with the HTTP/2 client preface (prior knowledge) or an
// HTTP/1.1 request asking for the h2c Upgrade without a body (RFC 7540 §3.2; answered on stream
// 1); any other HTTP/1.1 request is refused with 400 and the connection closed.
// Each HTTP/2 request gets what the HTTP echo answers
// (echo_router.h: the echo JSON with proto "HTTP/2.0", /status/NNN, ?delay=, ...), Host being
// the :authority, as Go's HTTP/2 server reports it.
// The HTTP/2 framing is nghttp2's (a server session per connection).
// Thread and ownership: start/stop from one owning thread; one worker thread serves every
// connection with poll(); the destructor stops it.
namespace Torii::Backends {

class H2cEchoServer
{
public:
    explicit H2cEchoServer(EchoIdentity identity);
    ~H2cEchoServer();
    H2cEchoServer(const H2cEchoServer &) = delete;
    H2cEchoServer &operator=(const H2cEchoServer &) = delete;

    // Listens on 127.0.0.1:`port` (0: the OS chooses). Empty on success, else why (English).
    std::string start(quint16 port = 0);
    // Closes the port and every connection; safe when not started.
    void stop();
    quint16 port() const { return m_port; }
    // HTTP/2 requests answered so far (any thread).
    int answered() const { return m_answered.load(); }

private:
    void serve();

    EchoIdentity m_identity;
    int m_listenFd = -1;
    int m_wakeFds[2] = {-1, -1}; // a pipe: stop() writes, the worker's poll() wakes
    quint16 m_port = 0;
    std::atomic<int> m_answered{0};
    std::thread m_worker;
};

} // namespace Torii::Backends
