// The HTTP/2 client path in front of HTTP/1.1 endpoints that do what the echo backends do not:
// interim (1xx) responses, chunked trailers, failing first attempts. A raw endpoint (a thread
// per connection on 127.0.0.1) answers each request with bytes a script returns; the client is
// nghttp2's (h2_test_client.h), so the frames the gateway sends are seen as they are.
#include "h2_test_client.h"

#include "engine/proxy/gateway.h"
#include "engine/routetable/route_table.h"
#include "engine/tls/certificate_authority.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <QtTest/QTest>

#include <atomic>
#include <csignal>
#include <mutex>
#include <thread>

using namespace Torii;
using namespace Torii::Proxy;
namespace RT = Torii::RouteTable;
using TestSupport::H2Client;

namespace {

constexpr int kPort = 8080;

struct Received
{
    int index = 0; // request number on this endpoint, 0-based, in arrival order
    std::string head;
    std::string body;
};

bool containsNoCase(std::string text, std::string needle)
{
    for (std::string *s : {&text, &needle}) {
        for (char &c : *s) {
            c = char(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return text.find(needle) != std::string::npos;
}

// A blocking test server on 127.0.0.1: one thread per accepted connection, each running
// serve(fd). Subclasses call startAccepting() at the end of their constructor and
// stopAccepting() first in their destructor (so no serve() outlives their members).
class LoopbackServer
{
public:
    virtual ~LoopbackServer() = default;
    std::string endpoint() const { return "127.0.0.1:" + std::to_string(m_port); }

protected:
    virtual void serve(int fd) = 0;
    void startAccepting(int backlog)
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_listen, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
        ::listen(m_listen, backlog);
        socklen_t length = sizeof sa;
        ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&sa), &length);
        m_port = ntohs(sa.sin_port);
        m_acceptor = std::thread([this] {
            for (;;) {
                const int fd = ::accept(m_listen, nullptr, nullptr);
                if (fd < 0) {
                    return;
                }
                std::lock_guard lock(m_mutex);
                m_fds.push_back(fd);
                m_threads.emplace_back([this, fd] { serve(fd); });
            }
        });
    }
    void stopAccepting()
    {
        ::shutdown(m_listen, SHUT_RDWR);
        m_acceptor.join();
        ::close(m_listen);
        std::vector<std::thread> threads;
        {
            std::lock_guard lock(m_mutex);
            for (int fd : m_fds) {
                ::shutdown(fd, SHUT_RDWR);
            }
            threads.swap(m_threads);
        }
        for (std::thread &t : threads) {
            t.join();
        }
    }

    int m_listen = -1;
    quint16 m_port = 0;
    std::thread m_acceptor;
    mutable std::mutex m_mutex;
    std::vector<int> m_fds;
    std::vector<std::thread> m_threads;
};

// An HTTP/1.1 endpoint that writes whatever the script returns for each request ("": close the
// connection without answering). "Expect: 100-continue" is answered with 100 Continue before the
// body is read, as a server does. Request bodies: Content-Length or chunked (no trailers).
class RawBackend : public LoopbackServer
{
public:
    using Script = std::function<std::string(const Received &)>;
    explicit RawBackend(Script script)
        : m_script(std::move(script))
    {
        startAccepting(64);
    }
    ~RawBackend()
    {
        stopAccepting();
    }
    std::vector<Received> log() const
    {
        std::lock_guard lock(m_mutex);
        return m_log;
    }

private:
    bool fill(int fd, std::string &input)
    {
        char buffer[16384];
        const long n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) {
            return false;
        }
        input.append(buffer, std::size_t(n));
        return true;
    }

    void serve(int fd) override
    {
        std::string input;
        for (;;) {
            std::size_t end;
            while ((end = input.find("\r\n\r\n")) == std::string::npos) {
                if (!fill(fd, input)) {
                    ::close(fd);
                    return;
                }
            }
            Received r;
            r.head = input.substr(0, end + 4);
            input.erase(0, end + 4);
            if (containsNoCase(r.head, "expect: 100-continue")) {
                const std::string go = "HTTP/1.1 100 Continue\r\n\r\n";
                ::send(fd, go.data(), go.size(), MSG_NOSIGNAL);
            }
            if (containsNoCase(r.head, "transfer-encoding: chunked")) {
                for (;;) { // chunk-size CRLF data CRLF ... 0 CRLF CRLF
                    std::size_t line;
                    while ((line = input.find("\r\n")) == std::string::npos) {
                        if (!fill(fd, input)) {
                            ::close(fd);
                            return;
                        }
                    }
                    const std::size_t size = std::stoul(input.substr(0, line), nullptr, 16);
                    while (input.size() < line + 2 + size + 2) {
                        if (!fill(fd, input)) {
                            ::close(fd);
                            return;
                        }
                    }
                    r.body += input.substr(line + 2, size);
                    input.erase(0, line + 2 + size + 2);
                    if (size == 0) {
                        break;
                    }
                }
            } else if (const std::size_t at = r.head.find("ontent-Length: ");
                       at != std::string::npos) {
                const std::size_t size = std::stoul(r.head.substr(at + 15));
                while (input.size() < size) {
                    if (!fill(fd, input)) {
                        ::close(fd);
                        return;
                    }
                }
                r.body = input.substr(0, size);
                input.erase(0, size);
            }
            std::string answer;
            {
                std::lock_guard lock(m_mutex);
                r.index = int(m_log.size());
                m_log.push_back(r);
            }
            answer = m_script(r);
            if (answer.empty()) {
                ::close(fd);
                return;
            }
            ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
        }
    }

    Script m_script;
    std::vector<Received> m_log;
};

// An HTTP/2 endpoint over TLS (ALPN h2 only, the certificate `leaf`): every stream is answered
// 200 with "tls h2 <scheme> <path>". One thread per connection, blocking OpenSSL and nghttp2's
// server session. `alpnSeen` is the protocol the last handshake settled on ("" for none).
class TlsH2Backend : public LoopbackServer
{
public:
    explicit TlsH2Backend(const Tls::PemPair &leaf)
    {
        m_ctx = SSL_CTX_new(TLS_server_method());
        BIO *certBio = BIO_new_mem_buf(leaf.certificate.data(), int(leaf.certificate.size()));
        X509 *cert = PEM_read_bio_X509(certBio, nullptr, nullptr, nullptr);
        BIO *keyBio = BIO_new_mem_buf(leaf.privateKey.data(), int(leaf.privateKey.size()));
        EVP_PKEY *key = PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr);
        SSL_CTX_use_certificate(m_ctx, cert);
        SSL_CTX_use_PrivateKey(m_ctx, key);
        X509_free(cert);
        EVP_PKEY_free(key);
        BIO_free(certBio);
        BIO_free(keyBio);
        SSL_CTX_set_alpn_select_cb(
            m_ctx,
            [](SSL *, const unsigned char **out, unsigned char *outlen, const unsigned char *in,
               unsigned int inlen, void *) -> int {
                static const unsigned char kH2[] = {2, 'h', '2'};
                unsigned char *selected = nullptr;
                if (SSL_select_next_proto(&selected, outlen, kH2, sizeof kH2, in, inlen) !=
                    OPENSSL_NPN_NEGOTIATED) {
                    return SSL_TLSEXT_ERR_ALERT_FATAL;
                }
                *out = selected;
                return SSL_TLSEXT_ERR_OK;
            },
            nullptr);
        startAccepting(16);
    }
    ~TlsH2Backend()
    {
        stopAccepting();
        SSL_CTX_free(m_ctx);
    }
    int connections() const
    {
        std::lock_guard lock(m_mutex);
        return int(m_fds.size());
    }
    std::string alpnSeen() const
    {
        std::lock_guard lock(m_mutex);
        return m_alpn;
    }

private:
    struct Connection
    {
        SSL *ssl = nullptr;
        nghttp2_session *session = nullptr;
        std::map<std::int32_t, std::pair<std::string, std::string>> requests; // scheme, path
        std::map<std::int32_t, std::string> bodies;
    };

    void serve(int fd) override
    {
        // OpenSSL writes with write(): a gateway that went away would raise SIGPIPE here.
        sigset_t pipe;
        sigemptyset(&pipe);
        sigaddset(&pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
        Connection c;
        c.ssl = SSL_new(m_ctx);
        SSL_set_fd(c.ssl, fd);
        const bool ok = SSL_accept(c.ssl) == 1;
        {
            const unsigned char *protocol = nullptr;
            unsigned int length = 0;
            if (ok) {
                SSL_get0_alpn_selected(c.ssl, &protocol, &length);
            }
            std::lock_guard lock(m_mutex);
            m_alpn = ok ? std::string(reinterpret_cast<const char *>(protocol), length) : "";
        }
        if (ok) {
            run(c);
        }
        if (c.session) {
            nghttp2_session_del(c.session);
        }
        SSL_free(c.ssl);
        ::close(fd);
    }

    static void run(Connection &c)
    {
        nghttp2_session_callbacks *callbacks = nullptr;
        nghttp2_session_callbacks_new(&callbacks);
        nghttp2_session_callbacks_set_on_header_callback(
            callbacks, [](nghttp2_session *, const nghttp2_frame *frame, const uint8_t *name,
                          size_t nameLength, const uint8_t *value, size_t valueLength, uint8_t,
                          void *user) -> int {
                auto &conn = *static_cast<Connection *>(user);
                const std::string n(reinterpret_cast<const char *>(name), nameLength);
                const std::string v(reinterpret_cast<const char *>(value), valueLength);
                if (n == ":scheme") {
                    conn.requests[frame->hd.stream_id].first = v;
                } else if (n == ":path") {
                    conn.requests[frame->hd.stream_id].second = v;
                }
                return 0;
            });
        nghttp2_session_callbacks_set_on_frame_recv_callback(
            callbacks, [](nghttp2_session *session, const nghttp2_frame *frame, void *user) -> int {
                auto &conn = *static_cast<Connection *>(user);
                if ((frame->hd.type != NGHTTP2_HEADERS && frame->hd.type != NGHTTP2_DATA) ||
                    !(frame->hd.flags & NGHTTP2_FLAG_END_STREAM)) {
                    return 0;
                }
                const std::int32_t id = frame->hd.stream_id;
                const auto &[scheme, path] = conn.requests[id];
                conn.bodies[id] = "tls h2 " + scheme + " " + path;
                static const std::string kStatus = ":status", k200 = "200";
                nghttp2_nv nv{reinterpret_cast<uint8_t *>(const_cast<char *>(kStatus.data())),
                              reinterpret_cast<uint8_t *>(const_cast<char *>(k200.data())),
                              kStatus.size(), k200.size(), NGHTTP2_NV_FLAG_NONE};
                nghttp2_data_provider provider{};
                provider.source.ptr = &conn.bodies[id];
                provider.read_callback = [](nghttp2_session *, int32_t, uint8_t *buf,
                                            size_t length, uint32_t *flags,
                                            nghttp2_data_source *source, void *) -> ssize_t {
                    auto *body = static_cast<std::string *>(source->ptr);
                    const size_t n = std::min(length, body->size());
                    std::memcpy(buf, body->data(), n);
                    body->erase(0, n);
                    if (body->empty()) {
                        *flags |= NGHTTP2_DATA_FLAG_EOF;
                    }
                    return ssize_t(n);
                };
                nghttp2_submit_response(session, id, &nv, 1, &provider);
                return 0;
            });
        nghttp2_session_server_new(&c.session, callbacks, &c);
        nghttp2_session_callbacks_del(callbacks);
        nghttp2_submit_settings(c.session, NGHTTP2_FLAG_NONE, nullptr, 0);
        for (;;) {
            const uint8_t *data = nullptr;
            ssize_t n;
            while ((n = nghttp2_session_mem_send(c.session, &data)) > 0) {
                if (SSL_write(c.ssl, data, int(n)) <= 0) {
                    return;
                }
            }
            char buffer[16384];
            const int r = SSL_read(c.ssl, buffer, sizeof buffer);
            if (r <= 0 ||
                nghttp2_session_mem_recv(c.session, reinterpret_cast<uint8_t *>(buffer),
                                         size_t(r)) < 0) {
                return;
            }
        }
    }

    SSL_CTX *m_ctx = nullptr;
    std::string m_alpn;
};

RT::HttpRoute routeTo(const std::string &service)
{
    RT::HttpRoute r;
    r.source.kind = "HTTPRoute";
    r.source.ns = "default";
    r.source.name = "r";
    r.match.path = RT::PathMatch{RT::PathMatchType::PathPrefix, "/"};
    RT::Backend b;
    b.ns = "default";
    b.service = service;
    b.port = 8080;
    b.weight = 1;
    r.backends = {b};
    return r;
}

struct Running
{
    std::unique_ptr<Gateway> gateway;
    quint16 port = 0;
    std::vector<RequestEvent> events()
    {
        std::vector<RequestEvent> out;
        gateway->drainEvents([&](const RequestEvent &e) { out.push_back(e); });
        return out;
    }
};

Running startGateway(RT::HttpRoute route, EndpointMap endpoints)
{
    RT::RouteTableBuilder builder;
    builder.addListener(kPort, RT::ListenerProtocol::HTTP);
    builder.addListenerHost(kPort, "*");
    builder.addHttpRoute(kPort, {"*"}, std::move(route));
    GatewayConfig config;
    config.listeners.push_back({kPort, "127.0.0.1", 0, nullptr});
    config.eventRingCapacity = 64;
    Running running;
    running.gateway = std::make_unique<Gateway>(config);
    running.gateway->setRouteTable(builder.build());
    running.gateway->setEndpoints(std::move(endpoints));
    if (running.gateway->start()) {
        running.port = running.gateway->boundPorts().at(kPort);
    }
    return running;
}

const std::string kOk = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

std::string answer(int status, const std::string &body)
{
    return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
}

RT::Retry retryOn(std::vector<int> codes, int attempts, int backoffMs)
{
    RT::Retry retry;
    retry.codes = std::move(codes);
    retry.attempts = attempts;
    retry.backoff = std::chrono::milliseconds(backoffMs);
    return retry;
}

// A port nothing listens on (bound, then closed).
std::string refusedEndpoint()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
    socklen_t length = sizeof sa;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&sa), &length);
    ::close(fd);
    return "127.0.0.1:" + std::to_string(ntohs(sa.sin_port));
}

H2Client::Result exchange(H2Client &client, const std::string &method, const std::string &path,
                          const std::string *body = nullptr)
{
    std::vector<std::pair<std::string, std::string>> extra;
    if (body) {
        extra.emplace_back("content-length", std::to_string(body->size()));
    }
    const std::int32_t id = client.request(method, path, "example.test", extra, body);
    client.runUntil([&] { return client.results[id].closed; });
    return client.results[id];
}

} // namespace

class TestProxyHttp2ClientPath : public QObject
{
    Q_OBJECT
private slots:
    void earlyHintsAreForwarded();
    void continueKeepsTheStream();
    void chunkedTrailersBecomeHttp2Trailers();
    void retriesListedStatusAndReplaysBody();
    void retriesAreBoundedByAttempts();
    void connectFailureIsRetriedOnAnotherEndpoint();
    void staleConnectionIsResentOnce();
    void mirrorGetsACopy();
    void tlsTowardsHttp2Endpoint();
};

void TestProxyHttp2ClientPath::earlyHintsAreForwarded()
{
    RawBackend backend([](const Received &) {
        return "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n" + kOk;
    });
    Running g = startGateway(routeTo("a"), {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    QVERIFY(client.connected());
    const std::int32_t id = client.request("GET", "/page", "example.test");
    QVERIFY(client.runUntil([&] { return client.results[id].closed; }));
    const H2Client::Result &r = client.results[id];
    QCOMPARE(r.error, 0u);
    QCOMPARE(r.interim, std::vector<int>{103});
    QCOMPARE(r.header("link"), std::string("</style.css>; rel=preload"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, std::string("ok"));
}

void TestProxyHttp2ClientPath::continueKeepsTheStream()
{
    RawBackend backend([](const Received &r) {
        return "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(r.body.size()) + "\r\n\r\n" +
               r.body;
    });
    Running g = startGateway(routeTo("a"), {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    const std::string body = "hello";
    const std::int32_t id = client.request(
        "POST", "/upload", "example.test",
        {{"expect", "100-continue"}, {"content-length", "5"}}, &body);
    QVERIFY(client.runUntil([&] { return client.results[id].closed; }));
    QCOMPARE(client.results[id].error, 0u);
    QCOMPARE(client.results[id].interim, std::vector<int>{100});
    QCOMPARE(client.results[id].status, 200);
    QCOMPARE(client.results[id].body, body);
    // The connection goes on: another stream after the interim one.
    const std::int32_t next = client.request("GET", "/after", "example.test");
    QVERIFY(client.runUntil([&] { return client.results[next].closed; }));
    QCOMPARE(client.results[next].status, 200);
    QCOMPARE(backend.log().size(), std::size_t(2));
}

void TestProxyHttp2ClientPath::chunkedTrailersBecomeHttp2Trailers()
{
    RawBackend backend([](const Received &) {
        return std::string("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: X-Checksum\r\n"
                           "\r\n5\r\nhello\r\n6\r\n world\r\n0\r\nX-Checksum: abc123\r\n\r\n");
    });
    Running g = startGateway(routeTo("a"), {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    const std::int32_t id = client.request("GET", "/file", "example.test", {{"te", "trailers"}});
    QVERIFY(client.runUntil([&] { return client.results[id].closed; }));
    const H2Client::Result &r = client.results[id];
    QCOMPARE(r.error, 0u);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, std::string("hello world"));
    QCOMPARE(r.header("x-checksum"), std::string("abc123"));
    QVERIFY(r.header("transfer-encoding").empty());
    // A second request reuses the upstream connection: the trailers did not leave it unusable.
    const std::int32_t next = client.request("GET", "/again", "example.test");
    QVERIFY(client.runUntil([&] { return client.results[next].closed; }));
    QCOMPARE(client.results[next].header("x-checksum"), std::string("abc123"));
}

void TestProxyHttp2ClientPath::retriesListedStatusAndReplaysBody()
{
    RawBackend backend([](const Received &r) {
        return r.index < 2 ? answer(503, "busy") : answer(200, "took " + r.body);
    });
    RT::HttpRoute route = routeTo("a");
    route.retry = retryOn({503}, 3, 5);
    Running g = startGateway(route, {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    const std::string body = "hello body";
    const H2Client::Result r = exchange(client, "POST", "/p", &body);
    QCOMPARE(r.error, 0u);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, std::string("took hello body"));
    const std::vector<Received> log = backend.log();
    QCOMPARE(log.size(), std::size_t(3));
    for (const Received &received : log) {
        QCOMPARE(received.body, body); // the body replayed each time
        QVERIFY2(received.head.rfind("POST /p HTTP/1.1\r\n", 0) == 0, received.head.c_str());
    }
    const std::vector<RequestEvent> events = g.events();
    QCOMPARE(events.size(), std::size_t(1));
    QCOMPARE(events[0].attempts, 3);
    QCOMPARE(events[0].status, 200);
    QCOMPARE(std::string(events[0].protocol), std::string("HTTP/2"));
    // The connection goes on.
    QCOMPARE(exchange(client, "GET", "/again").status, 200);
}

void TestProxyHttp2ClientPath::retriesAreBoundedByAttempts()
{
    RawBackend backend([](const Received &) { return answer(503, "busy"); });
    RT::HttpRoute route = routeTo("a");
    route.retry = retryOn({503}, 2, 1);
    Running g = startGateway(route, {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    const H2Client::Result r = exchange(client, "GET", "/x");
    QCOMPARE(r.status, 503); // the last attempt's answer, passed on
    QCOMPARE(r.body, std::string("busy"));
    QCOMPARE(backend.log().size(), std::size_t(3)); // 1 + 2 retries
    QCOMPARE(g.events().at(0).attempts, 3);
    // An unlisted status is not retried.
    RawBackend failing([](const Received &) { return answer(500, "broken"); });
    Running other = startGateway(route, {{endpointKey("default", "a", 8080), {failing.endpoint()}}});
    H2Client second(other.port);
    QCOMPARE(exchange(second, "GET", "/y").status, 500);
    QCOMPARE(failing.log().size(), std::size_t(1));
}

void TestProxyHttp2ClientPath::connectFailureIsRetriedOnAnotherEndpoint()
{
    RawBackend backend([](const Received &) { return kOk; });
    RT::HttpRoute route = routeTo("a");
    route.retry = retryOn({}, 1, 1);
    // Round robin: the first attempt goes to the refused endpoint, the retry to the live one.
    Running g = startGateway(
        route, {{endpointKey("default", "a", 8080), {refusedEndpoint(), backend.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    QCOMPARE(exchange(client, "GET", "/x").status, 200);
    const std::vector<RequestEvent> events = g.events();
    QCOMPARE(events.at(0).attempts, 2);
    QCOMPARE(events.at(0).endpoint, backend.endpoint());
    // Without a retry stanza the same failure is the gateway's 502.
    Running plain =
        startGateway(routeTo("a"), {{endpointKey("default", "a", 8080), {refusedEndpoint()}}});
    H2Client other(plain.port);
    QCOMPARE(exchange(other, "GET", "/x").status, 502);
}

void TestProxyHttp2ClientPath::staleConnectionIsResentOnce()
{
    // The second request (on the pooled connection of the first) is met with a close and no
    // answer, as an endpoint closing an idle connection at the moment it is reused.
    RawBackend backend([](const Received &r) {
        return r.index == 1 ? std::string() : answer(200, "attempt " + std::to_string(r.index));
    });
    Running g = startGateway(routeTo("a"), {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    QCOMPARE(exchange(client, "GET", "/one").status, 200);
    const std::string body = "payload";
    const H2Client::Result r = exchange(client, "POST", "/two", &body);
    QCOMPARE(r.status, 200); // re-sent on a fresh connection, not a 502
    QCOMPARE(r.body, std::string("attempt 2"));
    const std::vector<Received> log = backend.log();
    QCOMPARE(log.size(), std::size_t(3));
    QCOMPARE(log.back().body, body);
    const std::vector<RequestEvent> events = g.events();
    QCOMPARE(events.size(), std::size_t(2));
    QCOMPARE(events.at(1).attempts, 1); // not a policy retry
}

void TestProxyHttp2ClientPath::mirrorGetsACopy()
{
    RawBackend main([](const Received &r) { return answer(200, "main got " + r.body); });
    RawBackend mirror([](const Received &) { return answer(500, "mirror"); });
    RT::HttpRoute route = routeTo("a");
    RT::Backend target = routeTo("m").backends.front();
    RT::Filter filter;
    filter.type = RT::Filter::Type::RequestMirror;
    filter.mirror.backend = std::make_shared<RT::Backend>(target);
    RT::Filter header;
    header.type = RT::Filter::Type::RequestHeaderModifier;
    header.headers.set = {{"X-Filtered", "yes"}};
    route.filters = {filter, header};
    Running g = startGateway(route, {{endpointKey("default", "a", 8080), {main.endpoint()}},
                                     {endpointKey("default", "m", 8080), {mirror.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    const std::string body = "copy me";
    QCOMPARE(exchange(client, "POST", "/with-length", &body).body, std::string("main got copy me"));
    // No content-length: the body goes chunked to both.
    const std::int32_t id = client.request("POST", "/chunked", "example.test", {}, &body);
    QVERIFY(client.runUntil([&] { return client.results[id].closed; }));
    QCOMPARE(client.results[id].status, 200); // the mirror's 500 is dropped
    QCOMPARE(exchange(client, "GET", "/no-body").status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(mirror.log().size(), std::size_t(3), 5000);
    for (const Received &received : mirror.log()) {
        QCOMPARE(received.body, received.head.rfind("GET", 0) == 0 ? std::string() : body);
        // The head after the rule's request filters, whatever the filter order.
        QVERIFY2(received.head.find("X-Filtered: yes\r\n") != std::string::npos,
                 received.head.c_str());
    }
    QCOMPARE(main.log().size(), std::size_t(3));
    const std::vector<RequestEvent> events = g.events();
    QCOMPARE(events.size(), std::size_t(3));
    QCOMPARE(events.at(0).mirrors, 1);
    QCOMPARE(g.gateway->droppedMirrors(), std::uint64_t(0));
}

void TestProxyHttp2ClientPath::tlsTowardsHttp2Endpoint()
{
    const auto ca = Tls::CertificateAuthority::create("h2 backend CA");
    TlsH2Backend backend(ca->issue("h2.example.com", {"DNS:h2.example.com"},
                                   Tls::CertificateUse::Server));
    auto policy = std::make_shared<RT::BackendTls>();
    policy->policy = "default/h2-tls";
    policy->hostname = "h2.example.com";
    policy->trustedPem = ca->pem().certificate;
    policy->key = "h2-tls";
    RT::HttpRoute route = routeTo("h2");
    route.backends[0].appProtocol = "kubernetes.io/h2c";
    route.backends[0].tls = policy;
    Running g = startGateway(route, {{endpointKey("default", "h2", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    H2Client client(g.port);
    std::vector<std::int32_t> ids;
    for (int i = 0; i < 5; ++i) { // streams of one client, on one TLS connection upstream
        ids.push_back(client.request("GET", "/s" + std::to_string(i), "example.test"));
    }
    QVERIFY(client.runUntil([&] {
        return std::all_of(ids.begin(), ids.end(),
                           [&](std::int32_t id) { return client.results[id].closed; });
    }));
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(client.results[ids[i]].status, 200);
        QCOMPARE(client.results[ids[i]].body, "tls h2 https /s" + std::to_string(i));
    }
    QCOMPARE(backend.alpnSeen(), std::string("h2"));
    QCOMPARE(backend.connections(), 1);
    {
        // An HTTP/1.1 client's request to the same backend: a stream on that TLS connection.
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(g.port);
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa), 0);
        const std::string request = "GET /h1 HTTP/1.1\r\nHost: example.test\r\n\r\n";
        ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
        std::string response;
        const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (response.find("tls h2 https /h1") == std::string::npos &&
               std::chrono::steady_clock::now() < end) {
            pollfd p{fd, POLLIN, 0};
            char buffer[4096];
            if (::poll(&p, 1, 100) > 0) {
                const long n = ::recv(fd, buffer, sizeof buffer, 0);
                if (n <= 0) {
                    break;
                }
                response.append(buffer, std::size_t(n));
            }
        }
        ::close(fd);
        QVERIFY2(response.rfind("HTTP/1.1 200", 0) == 0, response.c_str());
        QVERIFY2(response.find("tls h2 https /h1") != std::string::npos, response.c_str());
        QCOMPARE(backend.connections(), 1);
    }

    // A policy the endpoint's certificate does not satisfy: no request reaches it, 502.
    auto wrong = std::make_shared<RT::BackendTls>(*policy);
    wrong->hostname = "other.example.com";
    wrong->key = "h2-tls-wrong";
    RT::HttpRoute mismatch = routeTo("h2");
    mismatch.backends[0].appProtocol = "kubernetes.io/h2c";
    mismatch.backends[0].tls = wrong;
    Running other =
        startGateway(mismatch, {{endpointKey("default", "h2", 8080), {backend.endpoint()}}});
    H2Client second(other.port);
    const H2Client::Result r = exchange(second, "GET", "/x");
    QCOMPARE(r.status, 502);
    QVERIFY2(r.body.find("did not verify") != std::string::npos, r.body.c_str());
}

QTEST_GUILESS_MAIN(TestProxyHttp2ClientPath)
#include "tst_proxy_http2_client_path.moc"
