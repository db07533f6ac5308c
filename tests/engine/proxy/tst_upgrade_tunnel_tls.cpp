// WebSocket upgrades through the gateway with TLS on either side, over real sockets on 127.0.0.1:
// an HTTPS listener terminating the client's TLS, and endpoints a BackendTLSPolicy says to reach
// over TLS (SNI = the policy hostname, chain and names verified as for plain requests). Each case
// does the RFC 6455 handshake, sends a frame right behind the head, a frame much larger than the
// tunnel's 1 MiB buffers (backpressure, and records OpenSSL holds decrypted), then closes: the
// client's close_notify and EOF reach the endpoint, and the endpoint's end reaches the client as
// a clean TLS end. An endpoint whose certificate does not verify answers 502 over the client's TLS.
// Last, the whole serve path: an HTTPS listener to the mock HTTPS echo (StreamEchoServer's relay
// in front of an HttpEchoBackend) whose /ws echoes frames unchanged.
#include "engine/proxy/gateway.h"
#include "engine/routetable/route_table.h"
#include "engine/tls/certificate_authority.h"
#include "engine/tls/client_context.h"
#include "engine/tls/server_context.h"
#include "simulator/backends/http_echo_backend.h"
#include "simulator/backends/stream_echo_server.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <openssl/ssl.h>

#include <QtTest/QTest>

#include <arpa/inet.h>
#include <atomic>
#include <memory>
#include <mutex>
#include <netinet/in.h>
#include <optional>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace Torii;
using namespace Torii::Proxy;
namespace RT = Torii::RouteTable;

namespace {

constexpr int kHttpPort = 8080;
constexpr int kHttpsPort = 8443;
const char *kBackendHost = "ws.backend.example";

// A blocking byte stream over a connected socket, plain or TLS (5 s receive timeout).
class Stream
{
public:
    Stream(int fd, SSL *ssl)
        : m_fd(fd)
        , m_ssl(ssl)
    {
        timeval timeout{5, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    }
    ~Stream()
    {
        if (m_ssl) {
            SSL_free(m_ssl);
        }
        ::close(m_fd);
    }
    bool send(const std::string &bytes)
    {
        std::size_t done = 0;
        while (done < bytes.size()) {
            const int n =
                m_ssl ? SSL_write(m_ssl, bytes.data() + done, int(bytes.size() - done))
                      : int(::send(m_fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL));
            if (n <= 0) {
                return false;
            }
            done += std::size_t(n);
        }
        return true;
    }
    // Some bytes appended to `buffer`; 0: a clean end (TLS: close_notify), -1: an error.
    int receive(std::string &buffer)
    {
        char chunk[16384];
        const int n = m_ssl ? SSL_read(m_ssl, chunk, sizeof chunk)
                            : int(::recv(m_fd, chunk, sizeof chunk, 0));
        if (n > 0) {
            buffer.append(chunk, std::size_t(n));
            return n;
        }
        if (m_ssl) {
            const int error = SSL_get_error(m_ssl, n);
            ERR_clear_error();
            return error == SSL_ERROR_ZERO_RETURN ? 0 : -1;
        }
        return n == 0 ? 0 : -1;
    }
    bool readUntil(std::string &buffer, const std::string &marker)
    {
        while (buffer.find(marker) == std::string::npos) {
            if (receive(buffer) <= 0) {
                return false;
            }
        }
        return true;
    }
    bool readAtLeast(std::string &buffer, std::size_t size)
    {
        while (buffer.size() < size) {
            if (receive(buffer) <= 0) {
                return false;
            }
        }
        return true;
    }
    // Ends our sending side: close_notify for TLS, then the TCP half-close.
    void shutWrite()
    {
        if (m_ssl) {
            SSL_shutdown(m_ssl);
        }
        ::shutdown(m_fd, SHUT_WR);
    }
    SSL *ssl() const { return m_ssl; }

private:
    int m_fd;
    SSL *m_ssl;
};

// RFC 6455 4.2.2: base64(SHA-1(key + GUID)).
std::string websocketAccept(const std::string &key)
{
    const std::string text = key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    unsigned char digest[SHA_DIGEST_LENGTH];
    SHA1(reinterpret_cast<const unsigned char *>(text.data()), text.size(), digest);
    unsigned char out[64];
    const int n = EVP_EncodeBlock(out, digest, SHA_DIGEST_LENGTH);
    return std::string(reinterpret_cast<char *>(out), std::size_t(n));
}

// One binary frame (RFC 6455 5.2), any length; masked as a client must send it.
std::string frame(const std::string &payload, bool masked)
{
    std::string out;
    out.push_back(char(0x82));
    const char maskBit = masked ? char(0x80) : char(0);
    if (payload.size() < 126) {
        out.push_back(char(maskBit | char(payload.size())));
    } else if (payload.size() < 65536) {
        out.push_back(char(maskBit | 126));
        out.push_back(char(payload.size() >> 8));
        out.push_back(char(payload.size() & 0xff));
    } else {
        out.push_back(char(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.push_back(char((payload.size() >> shift) & 0xff));
        }
    }
    const char mask[4] = {0x12, 0x34, 0x56, 0x78};
    if (masked) {
        out.append(mask, 4);
    }
    for (std::size_t i = 0; i < payload.size(); ++i) {
        out.push_back(masked ? char(payload[i] ^ mask[i % 4]) : payload[i]);
    }
    return out;
}

// Takes one whole frame from the front of `buffer` (its payload unmasked); false: incomplete.
bool takeFrame(std::string &buffer, std::string *payload)
{
    if (buffer.size() < 2) {
        return false;
    }
    const auto byte = [&](std::size_t i) { return std::uint64_t(std::uint8_t(buffer[i])); };
    const bool masked = (byte(1) & 0x80) != 0;
    std::uint64_t length = byte(1) & 0x7f;
    std::size_t at = 2;
    if (length == 126) {
        if (buffer.size() < 4) {
            return false;
        }
        length = (byte(2) << 8) | byte(3);
        at = 4;
    } else if (length == 127) {
        if (buffer.size() < 10) {
            return false;
        }
        length = 0;
        for (std::size_t i = 2; i < 10; ++i) {
            length = (length << 8) | byte(i);
        }
        at = 10;
    }
    const std::size_t maskAt = at;
    if (masked) {
        at += 4;
    }
    if (buffer.size() < at + length) {
        return false;
    }
    payload->assign(buffer, at, std::size_t(length));
    if (masked) {
        for (std::size_t i = 0; i < payload->size(); ++i) {
            (*payload)[i] = char((*payload)[i] ^ buffer[maskAt + i % 4]);
        }
    }
    buffer.erase(0, at + std::size_t(length));
    return true;
}

int listenLoopback(quint16 *port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
    ::listen(fd, 16);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    *port = ntohs(address.sin_port);
    return fd;
}

int connectLoopback(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// A WebSocket echo endpoint, plain or TLS: the handshake, then every frame answered with its
// payload prefixed by "echo: "; at the client's end it ends too. One thread per connection.
class WebSocketEndpoint
{
public:
    // `tls`: a server context (the endpoint's certificate); null: plain TCP.
    explicit WebSocketEndpoint(std::shared_ptr<SSL_CTX> tls)
        : m_tls(std::move(tls))
    {
        m_listen = listenLoopback(&port);
        m_acceptor = std::thread([this] { acceptLoop(); });
    }
    ~WebSocketEndpoint()
    {
        m_stopping = true;
        ::shutdown(m_listen, SHUT_RDWR);
        m_acceptor.join();
        for (std::thread &t : m_connections) {
            t.join();
        }
        ::close(m_listen);
    }

    quint16 port = 0;

    struct Seen
    {
        std::string head;       // the request head received
        std::string serverName; // the SNI (TLS only)
        bool cleanEnd = false;  // the client's side ended with close_notify (TLS) or EOF
        std::size_t frames = 0; // frames echoed
    };
    std::vector<Seen> seen() const
    {
        std::lock_guard lock(m_mutex);
        return m_seen;
    }
    int handshakesFailed() const { return m_failedHandshakes.load(); }

private:
    void acceptLoop()
    {
        while (!m_stopping) {
            pollfd p{m_listen, POLLIN, 0};
            if (::poll(&p, 1, 200) <= 0) {
                continue;
            }
            const int fd = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0) {
                continue;
            }
            m_connections.emplace_back([this, fd] { serve(fd); });
        }
    }

    void serve(int fd)
    {
        SSL *ssl = nullptr;
        if (m_tls) {
            ssl = SSL_new(m_tls.get());
            SSL_set_fd(ssl, fd);
        }
        Stream stream(fd, ssl);
        Seen seen;
        if (ssl) {
            timeval timeout{5, 0};
            ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
            if (SSL_accept(ssl) != 1) {
                ERR_clear_error();
                ++m_failedHandshakes;
                return;
            }
            if (const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name)) {
                seen.serverName = name;
            }
        }
        std::string buffer;
        if (stream.readUntil(buffer, "\r\n\r\n")) {
            seen.head = buffer.substr(0, buffer.find("\r\n\r\n"));
            buffer.erase(0, seen.head.size() + 4);
            const std::size_t at = seen.head.find("Sec-WebSocket-Key: ");
            const std::string key =
                at == std::string::npos
                    ? ""
                    : seen.head.substr(at + 19, seen.head.find("\r\n", at) - at - 19);
            stream.send("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                        "Connection: Upgrade\r\nSec-WebSocket-Accept: " +
                        websocketAccept(key) + "\r\n\r\n");
            for (;;) {
                std::string payload;
                while (takeFrame(buffer, &payload)) {
                    stream.send(frame("echo: " + payload, false));
                    ++seen.frames;
                }
                const int n = stream.receive(buffer);
                if (n <= 0) {
                    seen.cleanEnd = n == 0;
                    break;
                }
            }
            stream.shutWrite();
        }
        std::lock_guard lock(m_mutex);
        m_seen.push_back(std::move(seen));
    }

    std::shared_ptr<SSL_CTX> m_tls;
    int m_listen = -1;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_failedHandshakes{0};
    std::thread m_acceptor;
    std::vector<std::thread> m_connections; // the acceptor's only, joined after it
    mutable std::mutex m_mutex;
    std::vector<Seen> m_seen;
};

std::shared_ptr<const RT::BackendTls> backendTls(const std::string &name, const std::string &ca)
{
    auto tls = std::make_shared<RT::BackendTls>();
    tls->policy = "default/" + name;
    tls->hostname = kBackendHost;
    tls->trustedPem = ca;
    tls->key = name;
    return tls;
}

RT::HttpRoute wsRoute(const std::string &path, const std::string &service,
                      std::shared_ptr<const RT::BackendTls> tls)
{
    RT::HttpRoute r;
    r.source.kind = "HTTPRoute";
    r.source.ns = "default";
    r.source.name = service;
    r.match.path = RT::PathMatch{RT::PathMatchType::Exact, path};
    RT::Backend b;
    b.ns = "default";
    b.service = service;
    b.port = 443;
    b.appProtocol = "kubernetes.io/ws";
    b.tls = std::move(tls);
    r.backends.push_back(std::move(b));
    return r;
}

} // namespace

class TestUpgradeTunnelTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        signal(SIGPIPE, SIG_IGN);
        m_ca = Tls::CertificateAuthority::create("tunnel test CA");
        m_otherCa = Tls::CertificateAuthority::create("tunnel other CA");
        const Tls::PemPair listenerLeaf =
            m_ca->issue("ws.example", {"DNS:ws.example"}, Tls::CertificateUse::Server);
        const Tls::PemPair backendLeaf = m_ca->issue(
            kBackendHost, {std::string("DNS:") + kBackendHost}, Tls::CertificateUse::Server);
        auto listenerTls =
            Tls::buildServerContext({{"", listenerLeaf.certificate, listenerLeaf.privateKey}});
        QVERIFY(listenerTls);
        Tls::ServerContextOptions http11;
        http11.alpn = {"http/1.1"};
        auto backendServerTls = Tls::buildServerContext(
            {{"", backendLeaf.certificate, backendLeaf.privateKey}}, http11);
        QVERIFY(backendServerTls);
        m_plainEndpoint = std::make_unique<WebSocketEndpoint>(nullptr);
        m_tlsEndpoint = std::make_unique<WebSocketEndpoint>(backendServerTls);

        RT::RouteTableBuilder builder;
        EndpointMap endpoints;
        const auto at = [](quint16 p) { return "127.0.0.1:" + std::to_string(p); };
        for (int port : {kHttpPort, kHttpsPort}) {
            builder.addListener(port, port == kHttpsPort ? RT::ListenerProtocol::HTTPS
                                                         : RT::ListenerProtocol::HTTP);
            builder.addListenerHost(port, "*");
            builder.addHttpRoute(port, {"*"}, wsRoute("/plain", "plain-ws", nullptr));
            builder.addHttpRoute(
                port, {"*"},
                wsRoute("/tls", "tls-ws", backendTls("tls-ws", m_ca->pem().certificate)));
            builder.addHttpRoute(
                port, {"*"},
                wsRoute("/unverified", "unverified-ws",
                        backendTls("unverified-ws", m_otherCa->pem().certificate)));
        }
        Backends::EchoIdentity id;
        id.namespaceName = "default";
        id.pod = "ws-mock";
        m_mockEcho = std::make_unique<Backends::HttpEchoBackend>(id);
        QVERIFY(m_mockEcho->start().ok());
        Backends::StreamEchoServer::Options relay;
        relay.mode = Backends::StreamEchoServer::Mode::HttpsRelay;
        relay.identity = id;
        relay.certificatePem = backendLeaf.certificate;
        relay.privateKeyPem = backendLeaf.privateKey;
        relay.relayPort = m_mockEcho->port();
        m_mockRelay = std::make_unique<Backends::StreamEchoServer>(relay);
        QCOMPARE(m_mockRelay->start(), std::string());
        builder.addHttpRoute(
            kHttpsPort, {"*"},
            wsRoute("/ws", "mock-ws", backendTls("mock-ws", m_ca->pem().certificate)));
        endpoints[endpointKey("default", "mock-ws", 443)] = {at(m_mockRelay->port())};
        endpoints[endpointKey("default", "plain-ws", 443)] = {at(m_plainEndpoint->port)};
        endpoints[endpointKey("default", "tls-ws", 443)] = {at(m_tlsEndpoint->port)};
        endpoints[endpointKey("default", "unverified-ws", 443)] = {at(m_tlsEndpoint->port)};

        GatewayConfig config;
        config.listeners.push_back({kHttpPort, "127.0.0.1", 0, nullptr});
        ListenerConfig https{kHttpsPort, "127.0.0.1", 0, nullptr};
        https.tlsContext = listenerTls;
        config.listeners.push_back(https);
        config.onEvent = [this](const RequestEvent &event) {
            std::lock_guard lock(m_eventsMutex);
            m_events.push_back(event);
        };
        m_gateway = std::make_unique<Gateway>(config);
        m_gateway->setRouteTable(builder.build());
        m_gateway->setEndpoints(endpoints);
        std::string error;
        QVERIFY2(m_gateway->start(&error), error.c_str());

        Tls::ClientContextOptions client;
        client.trustedCertificates = {m_ca->pem().certificate};
        client.alpn = {"http/1.1"}; // the listener offers h2 first
        m_clientTls = Tls::ClientContext::create(client, &error);
        QVERIFY2(m_clientTls, error.c_str());
    }

    void cleanupTestCase()
    {
        m_gateway.reset();
        m_mockRelay.reset();
        m_mockEcho.reset();
        m_plainEndpoint.reset();
        m_tlsEndpoint.reset();
    }

    void tunnel_data()
    {
        QTest::addColumn<bool>("httpsListener");
        QTest::addColumn<QString>("path");
        QTest::newRow("HTTPS listener, plain endpoint") << true << "/plain";
        QTest::newRow("plain listener, BackendTLSPolicy endpoint") << false << "/tls";
        QTest::newRow("HTTPS listener, BackendTLSPolicy endpoint") << true << "/tls";
        QTest::newRow("plain both ways (unchanged)") << false << "/plain";
    }

    void tunnel()
    {
        QFETCH(bool, httpsListener);
        QFETCH(QString, path);
        WebSocketEndpoint &endpoint = path == "/tls" ? *m_tlsEndpoint : *m_plainEndpoint;
        const std::size_t seenBefore = endpoint.seen().size();
        const std::string target = path.toStdString() + (httpsListener ? "?https" : "?http");
        auto stream = connectToGateway(httpsListener);
        QVERIFY(stream);

        const std::string key = "dGhlIHNhbXBsZSBub25jZQ==";
        QVERIFY(stream->send("GET " + target +
                             " HTTP/1.1\r\nHost: ws.example\r\nUpgrade: websocket\r\n"
                             "Connection: Upgrade\r\nSec-WebSocket-Key: " +
                             key + "\r\nSec-WebSocket-Version: 13\r\n\r\n" + frame("hello", true)));
        std::string buffer;
        QVERIFY(stream->readUntil(buffer, "\r\n\r\n"));
        QVERIFY2(buffer.rfind("HTTP/1.1 101", 0) == 0, buffer.c_str());
        QVERIFY(buffer.find("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=") !=
                std::string::npos);
        buffer.erase(0, buffer.find("\r\n\r\n") + 4);
        std::string payload;
        QVERIFY(readFrame(*stream, buffer, &payload));
        QCOMPARE(payload, std::string("echo: hello"));

        // Larger than the tunnel's buffers each way, in one frame.
        std::string big(3 << 20, '\0');
        for (std::size_t i = 0; i < big.size(); ++i) {
            big[i] = char('a' + i % 23);
        }
        QVERIFY(stream->send(frame(big, true)));
        QVERIFY(readFrame(*stream, buffer, &payload));
        QCOMPARE(payload.size(), big.size() + 6);
        QVERIFY(payload == "echo: " + big);

        // Our end reaches the endpoint; its end comes back as a clean end of the stream.
        stream->shutWrite();
        int end = 1;
        while (end > 0) {
            end = stream->receive(buffer);
        }
        QCOMPARE(end, 0);
        QTRY_COMPARE(endpoint.seen().size(), seenBefore + 1);
        const auto seen = endpoint.seen().back();
        QVERIFY(seen.cleanEnd);
        QCOMPARE(seen.frames, std::size_t(2));
        QVERIFY2(seen.head.find("Upgrade: websocket") != std::string::npos, seen.head.c_str());
        if (path == "/tls") {
            QCOMPARE(seen.serverName, std::string(kBackendHost));
        }
        QTRY_VERIFY(eventFor(target).has_value());
        const RequestEvent event = *eventFor(target);
        QCOMPARE(event.status, 101);
        QVERIFY(event.bytesOut > big.size());
        QVERIFY(event.bytesIn > big.size());
    }

    // The endpoint's certificate does not verify: no tunnel, a 502 saying why, over the
    // client's TLS on an HTTPS listener.
    void unverifiedEndpoint_data()
    {
        QTest::addColumn<bool>("httpsListener");
        QTest::newRow("HTTPS listener") << true;
        QTest::newRow("plain listener") << false;
    }

    void unverifiedEndpoint()
    {
        QFETCH(bool, httpsListener);
        const std::size_t before = m_tlsEndpoint->seen().size();
        auto stream = connectToGateway(httpsListener);
        QVERIFY(stream);
        QVERIFY(stream->send("GET /unverified HTTP/1.1\r\nHost: ws.example\r\n"
                             "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                             "Sec-WebSocket-Version: 13\r\n\r\n"));
        std::string buffer;
        while (stream->receive(buffer) > 0) {
        }
        QVERIFY2(buffer.rfind("HTTP/1.1 502", 0) == 0, buffer.c_str());
        QVERIFY2(buffer.find("the backend's certificate did not verify (BackendTLSPolicy "
                             "default/unverified-ws)") != std::string::npos,
                 buffer.c_str());
        QCOMPARE(m_tlsEndpoint->seen().size(), before); // no request reached it
    }

    // A TLS client that vanishes without close_notify: the tunnel ends (no clean end is faked
    // towards the endpoint) and its event is published.
    void abruptTlsClient()
    {
        const std::size_t seenBefore = m_tlsEndpoint->seen().size();
        {
            auto stream = connectToGateway(true);
            QVERIFY(stream);
            QVERIFY(stream->send("GET /tls?abrupt HTTP/1.1\r\nHost: ws.example\r\n"
                                 "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                 "Sec-WebSocket-Version: 13\r\n\r\n" +
                                 frame("bye", true)));
            std::string buffer;
            QVERIFY(stream->readUntil(buffer, "\r\n\r\n"));
            buffer.erase(0, buffer.find("\r\n\r\n") + 4);
            std::string payload;
            QVERIFY(readFrame(*stream, buffer, &payload));
            QCOMPARE(payload, std::string("echo: bye"));
        } // closed without close_notify (SSL_free, close)
        QTRY_COMPARE(m_tlsEndpoint->seen().size(), seenBefore + 1);
        QVERIFY(!m_tlsEndpoint->seen().back().cleanEnd);
        QTRY_VERIFY(eventFor("/tls?abrupt").has_value());
        QCOMPARE(eventFor("/tls?abrupt")->status, 101);
    }

    // The serve path end to end: HTTPS listener, TLS to the mock HTTPS echo, its /ws echo.
    void mockHttpsEchoBackend()
    {
        auto stream = connectToGateway(true);
        QVERIFY(stream);
        QVERIFY(stream->send("GET /ws HTTP/1.1\r\nHost: ws.example\r\nUpgrade: websocket\r\n"
                             "Connection: Upgrade\r\nSec-WebSocket-Key: "
                             "dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n" +
                             frame("first", true)));
        std::string buffer;
        QVERIFY(stream->readUntil(buffer, "\r\n\r\n"));
        QVERIFY2(buffer.rfind("HTTP/1.1 101", 0) == 0, buffer.c_str());
        buffer.erase(0, buffer.find("\r\n\r\n") + 4);
        std::string payload;
        QVERIFY(readFrame(*stream, buffer, &payload));
        QCOMPARE(payload, std::string("first")); // echoed unchanged
        const std::string big(200000, 'm');
        QVERIFY(stream->send(frame(big, true)));
        QVERIFY(readFrame(*stream, buffer, &payload));
        QVERIFY(payload == big);
        QCOMPARE(m_mockEcho->requestLog().count("/ws"), 1);
        stream->shutWrite();
    }

private:
    std::unique_ptr<Stream> connectToGateway(bool https)
    {
        const quint16 port = m_gateway->boundPorts().at(https ? kHttpsPort : kHttpPort);
        const int fd = connectLoopback(port);
        if (fd < 0) {
            return nullptr;
        }
        if (!https) {
            return std::make_unique<Stream>(fd, nullptr);
        }
        SSL *ssl = m_clientTls->newSession(fd, "ws.example");
        auto stream = std::make_unique<Stream>(fd, ssl);
        if (SSL_connect(ssl) != 1 || !m_clientTls->checkPeer(ssl, "ws.example").empty()) {
            ERR_clear_error();
            return nullptr;
        }
        return stream;
    }

    static bool readFrame(Stream &stream, std::string &buffer, std::string *payload)
    {
        while (!takeFrame(buffer, payload)) {
            if (stream.receive(buffer) <= 0) {
                return false;
            }
        }
        return true;
    }

    std::optional<RequestEvent> eventFor(const std::string &target)
    {
        std::lock_guard lock(m_eventsMutex);
        for (const RequestEvent &e : m_events) {
            if (e.target == target) {
                return e;
            }
        }
        return std::nullopt;
    }

    std::shared_ptr<const Tls::CertificateAuthority> m_ca;
    std::shared_ptr<const Tls::CertificateAuthority> m_otherCa;
    std::shared_ptr<const Tls::ClientContext> m_clientTls;
    std::unique_ptr<WebSocketEndpoint> m_plainEndpoint;
    std::unique_ptr<WebSocketEndpoint> m_tlsEndpoint;
    std::unique_ptr<Backends::HttpEchoBackend> m_mockEcho;
    std::unique_ptr<Backends::StreamEchoServer> m_mockRelay;
    std::unique_ptr<Gateway> m_gateway;
    std::mutex m_eventsMutex;
    std::vector<RequestEvent> m_events;
};

QTEST_GUILESS_MAIN(TestUpgradeTunnelTls)
#include "tst_upgrade_tunnel_tls.moc"
