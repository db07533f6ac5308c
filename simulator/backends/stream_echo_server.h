#pragma once

#include "echo_identity.h"

#include <QString>

#include <openssl/types.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>

// One endpoint (pod) of a mock Service behind a TCPRoute or TLSRoute, speaking what the
// conformance echo-basic server speaks there (../shared/conformance/cases/FAMILIES.md, §2 and §4):
//
// - Mode::TcpLines (echo-basic with TCP_ECHO_SERVER): on every connection the welcome line
//   "Gateway API Test TCP Server\n", then line commands until the client closes: PING → PONG,
//   IS_TLS → true/false, TEST → one line of JSON (namespace, ingress, service, pod, tcpport,
//   tlsport, isTLS, and on the TLS port a `tls` object: version, serverName, negotiatedProtocol,
//   curves, cipherSuite); anything else gets no answer. With a certificate it is the TLS port:
//   the handshake comes first and the certificate is the one the Deployment names.
// - Mode::HttpsRelay (echo-basic's HTTPS port, tls-backend): terminates TLS with the certificate
//   and relays the decrypted HTTP/1.1 to `relayPort` on 127.0.0.1, where the replica's
//   HttpEchoBackend answers with the echo JSON: one echo implementation for HTTP and HTTPS.
//
// Thread: start()/stop() from one owning thread. An accept thread and a thread per connection
// (blocking I/O: a mock's connections are few and short); stop() shuts every socket down and
// waits for all of them. Not copyable; the destructor stops it.
namespace Torii::Backends {

class StreamEchoServer
{
public:
    enum class Mode { TcpLines, HttpsRelay };
    struct Options
    {
        Mode mode = Mode::TcpLines;
        EchoIdentity identity;
        std::string certificatePem; // "" → plain TCP (HttpsRelay needs one)
        std::string privateKeyPem;
        quint16 relayPort = 0;      // HttpsRelay: the plain HTTP endpoint on 127.0.0.1
    };

    explicit StreamEchoServer(Options options);
    ~StreamEchoServer();
    StreamEchoServer(const StreamEchoServer &) = delete;
    StreamEchoServer &operator=(const StreamEchoServer &) = delete;

    // Listens on 127.0.0.1:`port` (0: the OS chooses). Empty on success, else why (English).
    std::string start(quint16 port = 0);
    void stop();
    quint16 port() const { return m_port; }
    bool isTls() const { return m_tls != nullptr; }
    // Connections accepted since start (any thread).
    std::uint64_t accepted() const { return m_accepted.load(); }

private:
    void acceptLoop();
    void serve(int fd);
    void serveLines(int fd, SSL *ssl);
    void relay(int fd, SSL *ssl);

    Options m_options;
    std::shared_ptr<SSL_CTX> m_tls;
    int m_listenFd = -1;
    int m_stopPipe[2] = {-1, -1};
    quint16 m_port = 0;
    std::thread m_acceptThread;
    std::atomic<std::uint64_t> m_accepted{0};
    std::mutex m_mutex;
    std::condition_variable m_idle;
    std::set<int> m_open; // connection sockets, shut down by stop()
    int m_running = 0;    // connection threads alive (guarded by m_mutex)
};

} // namespace Torii::Backends
