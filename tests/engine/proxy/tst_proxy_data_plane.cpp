// The epoll data plane over real sockets on 127.0.0.1: table hot swap under load on keep-alive
// connections, a request in flight finishing on its table, several workers (SO_REUSEPORT), the
// event ring (drain, drop when full), the header (408) and idle timeouts, and TLS termination
// with a certificate this test makes itself (SNI, X-Forwarded-Proto, 421, garbage on the port).
// Clients are blocking POSIX sockets (and OpenSSL for TLS), usable from several threads.
#include "engine/http/http1_codec.h"
#include "engine/proxy/gateway.h"
#include "engine/routetable/route_table.h"
#include "simulator/backends/http_echo_backend.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtTest/QTest>

#include <csignal>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <thread>

using namespace Torii;
using namespace Torii::Proxy;
namespace RT = Torii::RouteTable;

namespace {

constexpr int kPort = 8080;

struct Response
{
    int status = 0;
    Http::Headers headers;
    std::string body;
    QJsonObject json() const
    {
        return QJsonDocument::fromJson(QByteArray::fromStdString(body)).object();
    }
    QString pod() const { return json().value("pod").toString(); }
    QString echoHeader(const char *name) const
    {
        const QJsonArray v = json().value("headers").toObject().value(name).toArray();
        return v.isEmpty() ? QString() : v.first().toString();
    }
};

class Collector : public Http::ResponseHandler
{
public:
    std::vector<Response> responses;
    void onHead(Http::ResponseHead &&head) override
    {
        responses.push_back({head.status, std::move(head.headers), {}});
    }
    void onBody(std::string_view chunk) override { responses.back().body.append(chunk); }
    void onComplete(Http::Headers &&) override {}
};

// A blocking client on one connection, plain or TLS (with SNI). Thread: one at a time.
class Client
{
public:
    explicit Client(quint16 port, SSL_CTX *tls = nullptr, const char *sni = nullptr)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(port);
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0) {
            return;
        }
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        timeval tv{5, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        if (tls) {
            m_ssl = SSL_new(tls);
            SSL_set_fd(m_ssl, m_fd);
            if (sni) {
                SSL_set_tlsext_host_name(m_ssl, sni);
            }
            if (SSL_connect(m_ssl) != 1) {
                return;
            }
        }
        m_connected = true;
    }
    ~Client()
    {
        if (m_ssl) {
            SSL_free(m_ssl);
        }
        ::close(m_fd);
    }
    bool connected() const { return m_connected; }
    // The CN of the certificate the server presented ("" without TLS).
    std::string peerCommonName() const
    {
        if (!m_ssl) {
            return {};
        }
        X509 *cert = SSL_get1_peer_certificate(m_ssl);
        if (!cert) {
            return {};
        }
        char cn[256] = {};
        X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_commonName, cn, sizeof cn);
        X509_free(cert);
        return cn;
    }
    bool sendRaw(std::string_view bytes)
    {
        while (!bytes.empty()) {
            const long n = m_ssl ? SSL_write(m_ssl, bytes.data(), int(bytes.size()))
                                 : ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (n <= 0) {
                return false;
            }
            bytes.remove_prefix(std::size_t(n));
        }
        return true;
    }
    // Reads until `count` responses arrived, the peer closed, or 5 s passed.
    std::vector<Response> read(std::size_t count)
    {
        char buffer[16384];
        while (m_collector.responses.size() < count || !m_parser.idle()) {
            if (m_collector.responses.size() >= count && m_parser.idle()) {
                break;
            }
            const long n = m_ssl ? SSL_read(m_ssl, buffer, sizeof buffer)
                                 : ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                m_closed = true;
                m_parser.finish(m_collector);
                break;
            }
            std::string_view data(buffer, std::size_t(n));
            while (!data.empty()) {
                const auto r = m_parser.feed(data, m_collector);
                data.remove_prefix(r.consumed);
                if (r.status == Http::FeedStatus::Error || r.status == Http::FeedStatus::NeedMore) {
                    break;
                }
            }
        }
        return std::exchange(m_collector.responses, {});
    }
    Response get(const std::string &target, const std::string &host)
    {
        if (!sendRaw("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n")) {
            return {};
        }
        auto responses = read(1);
        return responses.empty() ? Response{} : responses.front();
    }
    // True when the peer closes within 5 s (bytes before the close are dropped).
    bool closedByPeer()
    {
        char buffer[4096];
        for (;;) {
            const long n = m_ssl ? SSL_read(m_ssl, buffer, sizeof buffer)
                                 : ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && !m_ssl)) {
                return true;
            }
            if (n < 0) {
                return m_ssl != nullptr && SSL_get_error(m_ssl, int(n)) != SSL_ERROR_WANT_READ;
            }
        }
    }
    bool closed() const { return m_closed; }

private:
    int m_fd = -1;
    SSL *m_ssl = nullptr;
    bool m_connected = false;
    bool m_closed = false;
    Http::ResponseParser m_parser;
    Collector m_collector;
};

RT::Backend backend(const std::string &service)
{
    RT::Backend b;
    b.ns = "default";
    b.service = service;
    b.port = 8080;
    b.weight = 1;
    return b;
}

RT::HttpRoute route(const std::string &name, const std::string &service)
{
    RT::HttpRoute r;
    r.source.kind = "HTTPRoute";
    r.source.ns = "default";
    r.source.name = name;
    r.match.path = RT::PathMatch{RT::PathMatchType::PathPrefix, "/"};
    r.backends = {backend(service)};
    return r;
}

// Both tables route "/" on every host: "one" to pod-a, "two" to pod-b.
std::shared_ptr<const RT::RouteTable>
table(bool second, RT::ListenerProtocol protocol = RT::ListenerProtocol::HTTP)
{
    RT::RouteTableBuilder builder;
    builder.addListener(kPort, protocol);
    builder.addListenerHost(kPort, "a.example");
    builder.addListenerHost(kPort, "b.example");
    builder.addListenerHost(kPort, "*");
    for (const char *host : {"a.example", "b.example", "*"}) {
        builder.addHttpRoute(kPort, {host}, route(second ? "two" : "one", second ? "b" : "a"));
    }
    return builder.build();
}

// A self-signed certificate for a.example and b.example, made here with OpenSSL.
std::shared_ptr<SSL_CTX> makeServerContext(const char *commonName = "a.example")
{
    EVP_PKEY *key = EVP_EC_gen("P-256");
    X509 *cert = X509_new();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
    X509_set_pubkey(cert, key);
    X509_NAME *name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>(commonName), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    X509V3_CTX v3;
    X509V3_set_ctx_nodb(&v3);
    X509V3_set_ctx(&v3, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION *san = X509V3_EXT_conf_nid(nullptr, &v3, NID_subject_alt_name,
                                              "DNS:a.example,DNS:b.example");
    X509_add_ext(cert, san, -1);
    X509_EXTENSION_free(san);
    X509_sign(cert, key, EVP_sha256());
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    SSL_CTX_use_certificate(ctx, cert);
    SSL_CTX_use_PrivateKey(ctx, key);
    X509_free(cert);
    EVP_PKEY_free(key);
    if (SSL_CTX_check_private_key(ctx) != 1) {
        SSL_CTX_free(ctx);
        return {};
    }
    return std::shared_ptr<SSL_CTX>(ctx, SSL_CTX_free);
}

// A minimal HTTP/1.1 endpoint that counts the connections it accepts: answers "ok" to every
// request head on keep-alive connections, one thread per connection.
class CountingBackend
{
public:
    CountingBackend()
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_listen, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
        ::listen(m_listen, 64);
        socklen_t length = sizeof sa;
        ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&sa), &length);
        m_port = ntohs(sa.sin_port);
        m_acceptor = std::thread([this] {
            for (;;) {
                const int fd = ::accept(m_listen, nullptr, nullptr);
                if (fd < 0) {
                    return; // shutdown() below
                }
                ++accepted;
                m_connections.emplace_back([fd] {
                    std::string input;
                    char buffer[4096];
                    for (;;) {
                        const long n = ::recv(fd, buffer, sizeof buffer, 0);
                        if (n <= 0) {
                            break;
                        }
                        input.append(buffer, std::size_t(n));
                        std::size_t end;
                        while ((end = input.find("\r\n\r\n")) != std::string::npos) {
                            input.erase(0, end + 4);
                            const std::string answer =
                                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
                            ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
                        }
                    }
                    ::close(fd);
                });
            }
        });
    }
    ~CountingBackend()
    {
        ::shutdown(m_listen, SHUT_RDWR);
        m_acceptor.join();
        ::close(m_listen);
        for (std::thread &t : m_connections) {
            t.join(); // the gateway closed its side when it stopped
        }
    }
    quint16 port() const { return m_port; }
    std::atomic<int> accepted{0};

private:
    int m_listen = -1;
    quint16 m_port = 0;
    std::thread m_acceptor;
    std::vector<std::thread> m_connections;
};

} // namespace

class TestProxyDataPlane : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void hotSwapUnderLoad();
    void inFlightRequestFinishesOnItsTable();
    void severalWorkersShareThePort();
    void eventRingDrainsAndDropsWhenFull();
    void upstreamConnectionsAreReused();
    void headerTimeoutIs408();
    void idleKeepAliveCloses();
    void tlsTermination();
    void tlsGarbageClosesQuietly();
    void tlsContextSwap();
    void workersBlockSigpipe();

private:
    std::unique_ptr<Gateway> startGateway(GatewayConfig config);
    EndpointMap m_endpoints;
    std::vector<std::unique_ptr<Backends::HttpEchoBackend>> m_backends;
};

void TestProxyDataPlane::initTestCase()
{
    for (const char *pod : {"pod-a", "pod-b"}) {
        Backends::EchoIdentity id;
        id.namespaceName = "default";
        id.pod = QString::fromLatin1(pod);
        auto echo = std::make_unique<Backends::HttpEchoBackend>(id);
        QVERIFY(echo->start().ok());
        m_backends.push_back(std::move(echo));
    }
    m_endpoints[endpointKey("default", "a", 8080)] = {"127.0.0.1:" +
                                                      std::to_string(m_backends[0]->port())};
    m_endpoints[endpointKey("default", "b", 8080)] = {"127.0.0.1:" +
                                                      std::to_string(m_backends[1]->port())};
}

void TestProxyDataPlane::cleanupTestCase()
{
    m_backends.clear();
}

std::unique_ptr<Gateway> TestProxyDataPlane::startGateway(GatewayConfig config)
{
    if (config.listeners.empty()) {
        config.listeners.push_back({kPort, "127.0.0.1", 0});
    }
    auto gateway = std::make_unique<Gateway>(std::move(config));
    gateway->setRouteTable(table(false));
    gateway->setEndpoints(m_endpoints);
    std::string error;
    if (!gateway->start(&error)) {
        qWarning("start failed: %s", error.c_str());
        return {};
    }
    return gateway;
}

void TestProxyDataPlane::hotSwapUnderLoad()
{
    GatewayConfig config;
    config.workers = 2;
    config.eventRingCapacity = 1 << 16;
    auto gateway = startGateway(config);
    QVERIFY(gateway);
    const quint16 port = gateway->boundPorts().at(kPort);

    constexpr int kThreads = 4;
    std::atomic<bool> running{true};
    std::atomic<int> ok{0}, failed{0}, dropped{0}, seenA{0}, seenB{0};
    std::vector<std::thread> clients;
    for (int t = 0; t < kThreads; ++t) {
        clients.emplace_back([&] {
            Client client(port);
            if (!client.connected()) {
                ++dropped;
                return;
            }
            while (running.load()) {
                const Response r = client.get("/load", "a.example");
                if (client.closed()) {
                    ++dropped; // the gateway closed a keep-alive connection
                    return;
                }
                if (r.status != 200) {
                    ++failed;
                    continue;
                }
                ++ok;
                (r.pod() == "pod-a" ? seenA : seenB) += 1;
            }
        });
    }
    for (int swap = 0; swap < 100; ++swap) {
        gateway->setRouteTable(table(swap % 2 == 0));
        std::this_thread::sleep_for(std::chrono::milliseconds(3));
    }
    running = false;
    for (std::thread &t : clients) {
        t.join();
    }
    QCOMPARE(failed.load(), 0);
    QCOMPARE(dropped.load(), 0);
    QVERIFY(ok.load() > 100);
    QVERIFY2(seenA.load() > 0 && seenB.load() > 0, "both tables answered");
    std::size_t events = 0;
    std::size_t non200 = 0;
    gateway->drainEvents([&](const RequestEvent &e) {
        ++events;
        non200 += e.status != 200;
    });
    QCOMPARE(events, std::size_t(ok.load()));
    QCOMPARE(non200, std::size_t(0));
    QCOMPARE(gateway->droppedEvents(), std::uint64_t(0));
}

void TestProxyDataPlane::inFlightRequestFinishesOnItsTable()
{
    GatewayConfig config;
    config.eventRingCapacity = 16;
    auto gateway = startGateway(config);
    QVERIFY(gateway);
    Client client(gateway->boundPorts().at(kPort));
    const std::string target = "/slow?delay=400ms&n=" + std::to_string(std::rand());
    QVERIFY(client.sendRaw("GET " + target + " HTTP/1.1\r\nHost: a.example\r\n\r\n"));
    // The backend has the request: it was routed on the first table and is now in flight.
    QTRY_COMPARE_WITH_TIMEOUT(m_backends[0]->requestLog().count(target), 1, 5000);
    gateway->setRouteTable(table(true));
    auto responses = client.read(1);
    QCOMPARE(responses.size(), std::size_t(1));
    QCOMPARE(responses[0].status, 200);
    QCOMPARE(responses[0].pod(), QStringLiteral("pod-a")); // the old table's backend
    // The next request on the same connection uses the new table.
    QCOMPARE(client.get("/", "a.example").pod(), QStringLiteral("pod-b"));
    std::vector<std::string> routes;
    gateway->drainEvents([&](const RequestEvent &e) { routes.push_back(e.route.name); });
    QCOMPARE(routes, (std::vector<std::string>{"one", "two"}));
}

void TestProxyDataPlane::severalWorkersShareThePort()
{
    GatewayConfig config;
    config.workers = 3;
    config.eventRingCapacity = 1024;
    auto gateway = startGateway(config);
    QVERIFY(gateway);
    const quint16 port = gateway->boundPorts().at(kPort);
    for (int i = 0; i < 30; ++i) { // new connections: the kernel spreads them
        Client client(port);
        QVERIFY(client.connected());
        QCOMPARE(client.get("/", "b.example").status, 200);
    }
    QCOMPARE(gateway->drainEvents([](const RequestEvent &) {}), std::size_t(30));
    gateway->stop();
    // Every worker's socket is closed: the port can be bound again without SO_REUSEPORT.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa), 0);
    ::close(fd);
}

void TestProxyDataPlane::eventRingDrainsAndDropsWhenFull()
{
    GatewayConfig config;
    config.eventRingCapacity = 4;
    auto gateway = startGateway(config);
    QVERIFY(gateway);
    Client client(gateway->boundPorts().at(kPort));
    for (int i = 0; i < 10; ++i) {
        QCOMPARE(client.get("/n" + std::to_string(i), "a.example").status, 200);
    }
    std::vector<std::string> targets;
    QCOMPARE(gateway->drainEvents([&](const RequestEvent &e) { targets.push_back(e.target); }),
             std::size_t(4));
    QCOMPARE(targets, (std::vector<std::string>{"/n0", "/n1", "/n2", "/n3"})); // oldest kept
    QCOMPARE(gateway->droppedEvents(), std::uint64_t(6));
    QCOMPARE(client.get("/again", "a.example").status, 200); // room again after the drain
    targets.clear();
    gateway->drainEvents([&](const RequestEvent &e) { targets.push_back(e.target); });
    QCOMPARE(targets, (std::vector<std::string>{"/again"}));
}

void TestProxyDataPlane::upstreamConnectionsAreReused()
{
    CountingBackend counting;
    EndpointMap endpoints = m_endpoints;
    endpoints[endpointKey("default", "a", 8080)] = {"127.0.0.1:" +
                                                    std::to_string(counting.port())};
    {
        GatewayConfig config;
        config.listeners.push_back({kPort, "127.0.0.1", 0});
        Gateway gateway(config);
        gateway.setRouteTable(table(false));
        gateway.setEndpoints(endpoints);
        QVERIFY(gateway.start());
        const quint16 port = gateway.boundPorts().at(kPort);
        for (int c = 0; c < 3; ++c) { // sequential client connections share the pooled one
            Client client(port);
            for (int i = 0; i < 20; ++i) {
                const Response r = client.get("/", "a.example");
                QCOMPARE(r.status, 200);
                QCOMPARE(r.body, std::string("ok"));
            }
        }
        QCOMPARE(counting.accepted.load(), 1);
        // Two clients at once: two upstream connections, then both kept.
        Client first(port), second(port);
        QVERIFY(first.sendRaw("GET / HTTP/1.1\r\nHost: a.example\r\n\r\n"));
        QVERIFY(second.sendRaw("GET / HTTP/1.1\r\nHost: a.example\r\n\r\n"));
        QCOMPARE(first.read(1).size(), std::size_t(1));
        QCOMPARE(second.read(1).size(), std::size_t(1));
        QVERIFY(counting.accepted.load() <= 2);
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(first.get("/", "a.example").status, 200);
            QCOMPARE(second.get("/", "a.example").status, 200);
        }
        QVERIFY(counting.accepted.load() <= 2);
    }
}

void TestProxyDataPlane::headerTimeoutIs408()
{
    GatewayConfig config;
    config.headerTimeout = std::chrono::milliseconds(200);
    auto gateway = startGateway(config);
    QVERIFY(gateway);
    Client client(gateway->boundPorts().at(kPort));
    QVERIFY(client.sendRaw("GET / HTTP/1.1\r\nHost: a.exa"));
    auto responses = client.read(1);
    QCOMPARE(responses.size(), std::size_t(1));
    QCOMPARE(responses[0].status, 408);
    QVERIFY(responses[0].body.find("did not arrive within 200 ms") != std::string::npos);
    QCOMPARE(responses[0].headers.find("Connection")->value, std::string("close"));
    QVERIFY(client.closedByPeer());
}

void TestProxyDataPlane::idleKeepAliveCloses()
{
    GatewayConfig config;
    config.idleTimeout = std::chrono::milliseconds(200);
    config.headerTimeout = std::chrono::milliseconds(100); // shorter: must not answer 408
    auto gateway = startGateway(config);
    QVERIFY(gateway);
    Client client(gateway->boundPorts().at(kPort));
    QCOMPARE(client.get("/", "a.example").status, 200);
    QVERIFY(client.closedByPeer()); // quietly: no 408 after a finished request
    Client fresh(gateway->boundPorts().at(kPort));
    auto none = fresh.read(1);
    QVERIFY(none.empty());
    QVERIFY(fresh.closed());
}

void TestProxyDataPlane::tlsTermination()
{
    std::shared_ptr<SSL_CTX> server = makeServerContext();
    QVERIFY(server);
    GatewayConfig config;
    ListenerConfig listener{kPort, "127.0.0.1", 0};
    listener.tlsContext = server;
    config.listeners.push_back(listener);
    config.eventRingCapacity = 16;
    auto gateway = std::make_unique<Gateway>(config);
    gateway->setRouteTable(table(false, RT::ListenerProtocol::HTTPS));
    gateway->setEndpoints(m_endpoints);
    std::string error;
    QVERIFY2(gateway->start(&error), error.c_str());
    const quint16 port = gateway->boundPorts().at(kPort);

    std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> clientCtx(SSL_CTX_new(TLS_client_method()),
                                                                 SSL_CTX_free);
    Client client(port, clientCtx.get(), "a.example");
    QVERIFY(client.connected());
    const Response ok = client.get("/secure", "a.example");
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.pod(), QStringLiteral("pod-a"));
    QCOMPARE(ok.echoHeader("X-Forwarded-Proto"), QStringLiteral("https"));
    // Same connection, a Host of another host entry than the SNI chose: 421, saying why.
    const Response misdirected = client.get("/secure", "b.example");
    QCOMPARE(misdirected.status, 421);
    QVERIFY2(misdirected.body.find("TLS server name \"a.example\"") != std::string::npos,
             misdirected.body.c_str());
    QVERIFY(misdirected.body.find("\"b.example\"") != std::string::npos);
    // The connection stays usable; the Host with a port is the same entry.
    QCOMPARE(client.get("/", "a.example:443").status, 200);
    Client other(port, clientCtx.get(), "b.example");
    QVERIFY(other.connected());
    QCOMPARE(other.get("/", "b.example").status, 200);
    QCOMPARE(gateway->tlsHandshakeFailures(), std::uint64_t(0));
}

void TestProxyDataPlane::tlsContextSwap()
{
    // An edited Secret: same listeners, new certificate. New connections get it, an open one
    // keeps working on the handshake it made.
    std::shared_ptr<SSL_CTX> first = makeServerContext("first.example");
    std::shared_ptr<SSL_CTX> second = makeServerContext("second.example");
    QVERIFY(first && second);
    GatewayConfig config;
    ListenerConfig listener{kPort, "127.0.0.1", 0};
    listener.tlsContext = first;
    config.listeners.push_back(listener);
    auto gateway = std::make_unique<Gateway>(config);
    gateway->setRouteTable(table(false, RT::ListenerProtocol::HTTPS));
    gateway->setEndpoints(m_endpoints);
    std::string error;
    QVERIFY2(gateway->start(&error), error.c_str());
    const quint16 port = gateway->boundPorts().at(kPort);
    std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> clientCtx(SSL_CTX_new(TLS_client_method()),
                                                                 SSL_CTX_free);
    Client before(port, clientCtx.get(), "a.example");
    QVERIFY(before.connected());
    QCOMPARE(before.peerCommonName(), std::string("first.example"));
    QCOMPARE(before.get("/", "a.example").status, 200);

    gateway->setTlsContexts({{kPort, second}, {kPort + 1, first}}); // a port it has not: ignored
    first.reset(); // the gateway and the open connection keep what they need

    Client after(port, clientCtx.get(), "a.example");
    QVERIFY(after.connected());
    QCOMPARE(after.peerCommonName(), std::string("second.example"));
    QCOMPARE(after.get("/", "a.example").status, 200);
    QCOMPARE(before.get("/again", "a.example").status, 200);
    QCOMPARE(before.peerCommonName(), std::string("first.example"));

    // An empty map: back to the context the listener started with.
    gateway->setTlsContexts({});
    Client reverted(port, clientCtx.get(), "a.example");
    QVERIFY(reverted.connected());
    QCOMPARE(reverted.peerCommonName(), std::string("first.example"));
}

void TestProxyDataPlane::workersBlockSigpipe()
{
    // A TLS client that goes away mid-answer makes OpenSSL's write() raise SIGPIPE on the worker:
    // the workers block it (EPIPE instead), so a hung-up client cannot end the process. Read
    // from the kernel's view of each thread: the new threads' blocked set has SIGPIPE.
    const auto blockedThreads = [] {
        int count = 0;
        const QDir tasks(QStringLiteral("/proc/self/task"));
        for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile status(tasks.filePath(tid + QStringLiteral("/status")));
            if (!status.open(QIODevice::ReadOnly)) {
                continue;
            }
            for (const QByteArray &line : status.readAll().split('\n')) {
                if (line.startsWith("SigBlk:")) {
                    const quint64 mask = line.mid(7).trimmed().toULongLong(nullptr, 16);
                    count += (mask >> (SIGPIPE - 1)) & 1 ? 1 : 0;
                }
            }
        }
        return count;
    };
    const int before = blockedThreads();
    GatewayConfig config;
    config.listeners.push_back({kPort, "127.0.0.1", 0});
    config.workers = 2;
    auto gateway = startGateway(config);
    QVERIFY(gateway);
    QTRY_COMPARE(blockedThreads(), before + 2);
    gateway->stop();
    QTRY_COMPARE(blockedThreads(), before);
}

void TestProxyDataPlane::tlsGarbageClosesQuietly()
{
    std::shared_ptr<SSL_CTX> server = makeServerContext();
    QVERIFY(server);
    GatewayConfig config;
    ListenerConfig listener{kPort, "127.0.0.1", 0};
    listener.tlsContext = server;
    config.listeners.push_back(listener);
    auto gateway = std::make_unique<Gateway>(config);
    gateway->setRouteTable(table(false, RT::ListenerProtocol::HTTPS));
    gateway->setEndpoints(m_endpoints);
    QVERIFY(gateway->start());
    const quint16 port = gateway->boundPorts().at(kPort);
    {
        Client plain(port); // plain HTTP on a TLS port: not a ClientHello
        QVERIFY(plain.connected());
        QVERIFY(plain.sendRaw("GET / HTTP/1.1\r\nHost: a.example\r\n\r\n"));
        QVERIFY(plain.closedByPeer());
    }
    {
        Client garbage(port);
        std::string noise(3000, '\0');
        for (std::size_t i = 0; i < noise.size(); ++i) {
            noise[i] = char((i * 7919) & 0xff);
        }
        garbage.sendRaw(noise);
        QVERIFY(garbage.closedByPeer());
    }
    QTRY_COMPARE(gateway->tlsHandshakeFailures(), std::uint64_t(2));
    // Still serving.
    std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> clientCtx(SSL_CTX_new(TLS_client_method()),
                                                                 SSL_CTX_free);
    Client client(port, clientCtx.get(), "a.example");
    QVERIFY(client.connected());
    QCOMPARE(client.get("/", "a.example").status, 200);
}

QTEST_GUILESS_MAIN(TestProxyDataPlane)
#include "tst_proxy_data_plane.moc"
