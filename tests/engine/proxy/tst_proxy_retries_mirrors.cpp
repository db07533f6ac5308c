// Retries, the stale pooled connection re-send and RequestMirror in the epoll data plane, over
// real sockets on 127.0.0.1: scripted endpoints (a thread per connection) decide per connection
// and per request whether to answer with a status, wait, or close without answering, and keep a
// log of what they received, so each test sees how many attempts reached which endpoint.
#include "retry_test_support.h"

#include "engine/http/http1_codec.h"
#include "engine/proxy/gateway.h"
#include "engine/routetable/route_table.h"

#include <QtTest/QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

using namespace Torii;
using namespace Torii::Proxy;
namespace RT = Torii::RouteTable;

namespace {

constexpr int kPort = 8080;

struct Received
{
    int connection = 0; // 0-based, in accept order
    int index = 0;      // request number on that connection, 0-based
    std::string head;
    std::string body;
};

// What a scripted endpoint does with one request.
struct Action
{
    int status = 200;          // 0: close the connection without answering
    std::chrono::milliseconds delay{0};
    bool hold = false;         // never answer (keep the connection open until shutdown)
};

class ScriptedBackend
{
public:
    using Script = std::function<Action(const Received &)>;
    explicit ScriptedBackend(Script script)
        : m_script(std::move(script))
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
            for (int c = 0;; ++c) {
                const int fd = ::accept(m_listen, nullptr, nullptr);
                if (fd < 0) {
                    return; // shutdown() below
                }
                {
                    std::lock_guard lock(m_mutex);
                    m_fds.push_back(fd);
                }
                m_connections.emplace_back([this, fd, c] { serve(fd, c); });
            }
        });
    }
    ~ScriptedBackend()
    {
        m_stopping = true;
        ::shutdown(m_listen, SHUT_RDWR);
        m_acceptor.join();
        ::close(m_listen);
        {
            std::lock_guard lock(m_mutex);
            for (int fd : m_fds) {
                ::shutdown(fd, SHUT_RDWR);
            }
        }
        for (std::thread &t : m_connections) {
            t.join();
        }
    }
    quint16 port() const { return m_port; }
    std::string endpoint() const { return "127.0.0.1:" + std::to_string(m_port); }
    std::vector<Received> log() const
    {
        std::lock_guard lock(m_mutex);
        return m_log;
    }
    int connections() const
    {
        std::lock_guard lock(m_mutex);
        return int(m_fds.size());
    }

private:
    void serve(int fd, int connection)
    {
        std::string input;
        char buffer[16384];
        int index = 0;
        for (;;) {
            std::size_t end;
            while ((end = input.find("\r\n\r\n")) == std::string::npos) {
                const long n = ::recv(fd, buffer, sizeof buffer, 0);
                if (n <= 0) {
                    ::close(fd);
                    return;
                }
                input.append(buffer, std::size_t(n));
            }
            Received r;
            r.connection = connection;
            r.index = index++;
            r.head = input.substr(0, end + 4);
            input.erase(0, end + 4);
            std::size_t length = 0;
            const std::size_t cl = r.head.find("Content-Length: ");
            if (cl != std::string::npos) {
                length = std::stoul(r.head.substr(cl + 16));
            }
            if (r.head.find("Transfer-Encoding: chunked") != std::string::npos) {
                // Kept raw, chunk sizes and trailers included: up to the empty line after the
                // last chunk (the tests' payloads hold no "0\r\n" line of their own).
                while ((length = chunkedLength(input)) == 0) {
                    const long n = ::recv(fd, buffer, sizeof buffer, 0);
                    if (n <= 0) {
                        ::close(fd);
                        return;
                    }
                    input.append(buffer, std::size_t(n));
                }
            }
            while (input.size() < length) {
                const long n = ::recv(fd, buffer, sizeof buffer, 0);
                if (n <= 0) {
                    ::close(fd);
                    return;
                }
                input.append(buffer, std::size_t(n));
            }
            r.body = input.substr(0, length);
            input.erase(0, length);
            const Action action = m_script(r);
            {
                std::lock_guard lock(m_mutex);
                m_log.push_back(r);
            }
            if (action.hold) {
                while (!m_stopping && ::recv(fd, buffer, sizeof buffer, 0) > 0) {
                }
                ::close(fd);
                return;
            }
            if (action.delay.count() > 0) {
                std::this_thread::sleep_for(action.delay);
            }
            if (action.status == 0) {
                ::close(fd); // closed without a response byte
                return;
            }
            const std::string body = "attempt " + std::to_string(r.connection) + "/" +
                                     std::to_string(r.index);
            const std::string answer = "HTTP/1.1 " + std::to_string(action.status) +
                                       " X\r\nContent-Length: " + std::to_string(body.size()) +
                                       "\r\n\r\n" + body;
            ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
        }
    }

    // The length of the chunked body at the start of `input`, trailers included; 0: incomplete.
    static std::size_t chunkedLength(const std::string &input)
    {
        std::size_t zero = input.rfind("0\r\n", 0) == 0 ? 0 : input.find("\r\n0\r\n");
        if (zero == std::string::npos) {
            return 0;
        }
        zero += zero == 0 ? 0 : 2;
        if (input.compare(zero + 3, 2, "\r\n") == 0) {
            return zero + 5; // no trailers
        }
        const std::size_t end = input.find("\r\n\r\n", zero + 3);
        return end == std::string::npos ? 0 : end + 4;
    }

    Script m_script;
    int m_listen = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::thread m_acceptor;
    std::vector<std::thread> m_connections;
    mutable std::mutex m_mutex;
    std::vector<int> m_fds;
    std::vector<Received> m_log;
};

// A blocking keep-alive client: one request, one response.
class Client
{
public:
    explicit Client(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(port);
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::connect(m_fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
        timeval tv{10, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    }
    ~Client() { ::close(m_fd); }

    struct Response
    {
        int status = 0;
        std::string body;
    };

    // `body` is sent with a Content-Length, or as it is after "Transfer-Encoding: chunked" when
    // `chunked` (then it is the encoded body, trailers included).
    Response request(const std::string &method, const std::string &target,
                     const std::string &body = {}, bool chunked = false)
    {
        std::string bytes = method + ' ' + target + " HTTP/1.1\r\nHost: a.example\r\n";
        if (chunked) {
            bytes += "Transfer-Encoding: chunked\r\n";
        } else if (!body.empty()) {
            bytes += "Content-Length: " + std::to_string(body.size()) + "\r\n";
        }
        bytes += "\r\n" + body;
        ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        Http::ResponseParser parser{Http::Limits{}};
        struct Collect : Http::ResponseHandler
        {
            Response r;
            bool done = false;
            void onHead(Http::ResponseHead &&head) override { r.status = head.status; }
            void onBody(std::string_view chunk) override { r.body.append(chunk); }
            void onComplete(Http::Headers &&) override { done = true; }
        } collect;
        parser.setRequestMethod(method);
        char buffer[16384];
        while (!collect.done) {
            const long n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                break;
            }
            std::string_view data(buffer, std::size_t(n));
            while (!data.empty() && !collect.done) {
                const auto f = parser.feed(data, collect);
                data.remove_prefix(f.consumed);
                if (f.status == Http::FeedStatus::Error || f.status == Http::FeedStatus::NeedMore) {
                    break;
                }
            }
        }
        return collect.r;
    }

private:
    int m_fd = -1;
};

RT::Backend backendRef(const std::string &service)
{
    RT::Backend b;
    b.ns = "default";
    b.service = service;
    b.port = 8080;
    return b;
}

RT::HttpRoute routeTo(const std::string &service)
{
    RT::HttpRoute r;
    r.source.kind = "HTTPRoute";
    r.source.ns = "default";
    r.source.name = "r";
    r.match.path = RT::PathMatch{RT::PathMatchType::PathPrefix, "/"};
    r.backends = {backendRef(service)};
    return r;
}

std::shared_ptr<const RT::RouteTable> tableOf(RT::HttpRoute route)
{
    RT::RouteTableBuilder builder;
    builder.addListener(kPort, RT::ListenerProtocol::HTTP);
    builder.addListenerHost(kPort, "*");
    builder.addHttpRoute(kPort, {"*"}, std::move(route));
    return builder.build();
}

using RetryTest::refusedEndpoint;
using RetryTest::retryOn;

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
    GatewayConfig config;
    config.listeners.push_back({kPort, "127.0.0.1", 0, nullptr});
    config.eventRingCapacity = 64;
    config.connectTimeout = std::chrono::milliseconds(2000);
    Running running;
    running.gateway = std::make_unique<Gateway>(config);
    running.gateway->setRouteTable(tableOf(std::move(route)));
    running.gateway->setEndpoints(std::move(endpoints));
    if (running.gateway->start()) {
        running.port = running.gateway->boundPorts().at(kPort);
    }
    return running;
}

} // namespace

class TestProxyRetriesMirrors : public QObject
{
    Q_OBJECT
private slots:
    void retriesListedStatusAndReplaysBody();
    void retriesReplayChunkedBodyWithTrailers();
    void retriesAreBoundedByAttempts();
    void unlistedStatusIsNotRetried();
    void noRetryStanzaNoRetry();
    void connectFailureIsRetriedOnAnotherEndpoint();
    void backendTimeoutIsRetried();
    void requestTimeoutStopsRetries();
    void largeBodyIsNotRetried();
    void staleConnectionIsResentOnce();
    void staleResendHappensOnlyOnce();
    void mirrorGetsACopy();
    void deadOrSlowMirrorNeverDelaysTheClient();
    void mirrorThatCannotKeepUpIsDropped();
};

void TestProxyRetriesMirrors::retriesListedStatusAndReplaysBody()
{
    // Each connection: its first request 503, except from the third connection on.
    ScriptedBackend backend([](const Received &r) {
        return Action{r.connection < 2 ? 503 : 200};
    });
    RT::HttpRoute route = routeTo("a");
    route.retry = retryOn({503}, 3, 5);
    Running g = startGateway(route, {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    Client client(g.port);
    const Client::Response r = client.request("POST", "/p", "hello body");
    QCOMPARE(r.status, 200);
    const std::vector<Received> log = backend.log();
    QCOMPARE(log.size(), std::size_t(3));
    for (const Received &received : log) {
        QCOMPARE(received.body, std::string("hello body")); // the body replayed each time
        QVERIFY(received.head.rfind("POST /p HTTP/1.1\r\n", 0) == 0);
    }
    const std::vector<RequestEvent> events = g.events();
    QCOMPARE(events.size(), std::size_t(1));
    QCOMPARE(events[0].attempts, 3);
    QCOMPARE(events[0].status, 200);
    // The keep-alive client connection goes on.
    QCOMPARE(client.request("GET", "/again").status, 200);
}

void TestProxyRetriesMirrors::retriesReplayChunkedBodyWithTrailers()
{
    ScriptedBackend backend([](const Received &r) { return Action{r.connection < 1 ? 503 : 200}; });
    RT::HttpRoute route = routeTo("a");
    route.retry = retryOn({503}, 2, 1);
    Running g = startGateway(route, {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    Client client(g.port);
    const std::string encoded = "5\r\nhello\r\n6\r\n world\r\n0\r\nX-Checksum: 42\r\n\r\n";
    const Client::Response r = client.request("POST", "/upload", encoded, true);
    QCOMPARE(r.status, 200);
    const std::vector<Received> log = backend.log();
    QCOMPARE(log.size(), std::size_t(2));
    for (const Received &received : log) {
        QVERIFY2(received.head.find("Transfer-Encoding: chunked\r\n") != std::string::npos,
                 received.head.c_str());
        // The gateway re-chunks the body; the replayed attempt carries the same data and trailer.
        QVERIFY2(received.body.find("hello") != std::string::npos, received.body.c_str());
        QVERIFY2(received.body.find(" world") != std::string::npos, received.body.c_str());
        QVERIFY2(received.body.find("\r\n0\r\nX-Checksum: 42\r\n\r\n") != std::string::npos,
                 received.body.c_str());
    }
    QCOMPARE(g.events().at(0).attempts, 2);
}

void TestProxyRetriesMirrors::retriesAreBoundedByAttempts()
{
    ScriptedBackend backend([](const Received &) { return Action{503}; });
    RT::HttpRoute route = routeTo("a");
    route.retry = retryOn({503}, 2, 1);
    Running g = startGateway(route, {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    Client client(g.port);
    const Client::Response r = client.request("GET", "/x");
    QCOMPARE(r.status, 503); // the last attempt's answer, passed on
    QCOMPARE(backend.log().size(), std::size_t(3)); // 1 + 2 retries
    QCOMPARE(g.events().at(0).attempts, 3);
}

void TestProxyRetriesMirrors::unlistedStatusIsNotRetried()
{
    ScriptedBackend backend([](const Received &) { return Action{500}; });
    RT::HttpRoute route = routeTo("a");
    route.retry = retryOn({503}, 3, 1);
    Running g = startGateway(route, {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    Client client(g.port);
    QCOMPARE(client.request("GET", "/x").status, 500);
    QCOMPARE(backend.log().size(), std::size_t(1));
    QCOMPARE(g.events().at(0).attempts, 1);
}

void TestProxyRetriesMirrors::noRetryStanzaNoRetry()
{
    ScriptedBackend backend([](const Received &) { return Action{503}; });
    Running g = startGateway(routeTo("a"),
                             {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    Client client(g.port);
    QCOMPARE(client.request("GET", "/x").status, 503);
    QCOMPARE(backend.log().size(), std::size_t(1));
}

void TestProxyRetriesMirrors::connectFailureIsRetriedOnAnotherEndpoint()
{
    ScriptedBackend backend([](const Received &) { return Action{200}; });
    RT::HttpRoute route = routeTo("a");
    route.retry = retryOn({}, 1, 1);
    // Round robin: the first attempt goes to the refused endpoint, the retry to the live one.
    Running g = startGateway(
        route, {{endpointKey("default", "a", 8080), {refusedEndpoint(), backend.endpoint()}}});
    QVERIFY(g.port);
    Client client(g.port);
    QCOMPARE(client.request("GET", "/x").status, 200);
    const std::vector<RequestEvent> events = g.events();
    QCOMPARE(events.at(0).attempts, 2);
    QCOMPARE(events.at(0).endpoint, backend.endpoint());

    // Without a retry stanza the same failure is the gateway's 502.
    Running plain = startGateway(routeTo("a"),
                                 {{endpointKey("default", "a", 8080), {refusedEndpoint()}}});
    Client other(plain.port);
    QCOMPARE(other.request("GET", "/x").status, 502);
}

void TestProxyRetriesMirrors::backendTimeoutIsRetried()
{
    // The first connection's request waits longer than backendRequest; later ones answer.
    ScriptedBackend backend([](const Received &r) {
        return r.connection == 0 ? Action{200, std::chrono::milliseconds(1500)} : Action{200};
    });
    RT::HttpRoute route = routeTo("a");
    route.timeouts.backendRequest = std::chrono::milliseconds(200);
    route.retry = retryOn({}, 1, 1);
    Running g = startGateway(route, {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    Client client(g.port);
    const Client::Response r = client.request("GET", "/slow");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, std::string("attempt 1/0"));
    QCOMPARE(g.events().at(0).attempts, 2);
}

void TestProxyRetriesMirrors::requestTimeoutStopsRetries()
{
    ScriptedBackend backend([](const Received &) { return Action{503}; });
    RT::HttpRoute route = routeTo("a");
    route.timeouts.request = std::chrono::milliseconds(300);
    // Backoffs 100 ms then 200 ms: the second retry would end at or after the 300 ms deadline.
    route.retry = retryOn({503}, 10, 100);
    Running g = startGateway(route, {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    Client client(g.port);
    QCOMPARE(client.request("GET", "/x").status, 503);
    QCOMPARE(backend.log().size(), std::size_t(2));
    QCOMPARE(g.events().at(0).attempts, 2);
}

void TestProxyRetriesMirrors::largeBodyIsNotRetried()
{
    ScriptedBackend backend([](const Received &) { return Action{503}; });
    RT::HttpRoute route = routeTo("a");
    route.retry = retryOn({503}, 3, 1);
    Running g = startGateway(route, {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    Client client(g.port);
    const std::string big(200 * 1024, 'b'); // over the replay limit: streamed, not kept
    QCOMPARE(client.request("POST", "/big", big).status, 503);
    QCOMPARE(backend.log().size(), std::size_t(1));
    QCOMPARE(backend.log().at(0).body.size(), big.size());
}

void TestProxyRetriesMirrors::staleConnectionIsResentOnce()
{
    // The first connection answers its first request, then closes when the second arrives
    // without answering (as an endpoint closing an idle connection at the moment it is reused).
    ScriptedBackend backend([](const Received &r) {
        return Action{r.connection == 0 && r.index == 1 ? 0 : 200};
    });
    Running g = startGateway(routeTo("a"),
                             {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    Client client(g.port);
    QCOMPARE(client.request("GET", "/one").status, 200);
    const Client::Response r = client.request("POST", "/two", "payload");
    QCOMPARE(r.status, 200); // re-sent on a fresh connection, not a 502
    QCOMPARE(r.body, std::string("attempt 1/0"));
    const std::vector<Received> log = backend.log();
    QCOMPARE(log.size(), std::size_t(3));
    QCOMPARE(log.back().body, std::string("payload"));
    const std::vector<RequestEvent> events = g.events();
    QCOMPARE(events.size(), std::size_t(2));
    QCOMPARE(events.at(1).attempts, 1); // not a policy retry
}

void TestProxyRetriesMirrors::staleResendHappensOnlyOnce()
{
    // Every request but the very first closes without an answer: the re-send fails as well.
    ScriptedBackend backend([](const Received &r) {
        return Action{r.connection == 0 && r.index == 0 ? 200 : 0};
    });
    Running g = startGateway(routeTo("a"),
                             {{endpointKey("default", "a", 8080), {backend.endpoint()}}});
    QVERIFY(g.port);
    Client client(g.port);
    QCOMPARE(client.request("GET", "/one").status, 200);
    QCOMPARE(client.request("GET", "/two").status, 502);
    QCOMPARE(backend.log().size(), std::size_t(3)); // the first, the stale one, one re-send
    QCOMPARE(backend.connections(), 2);
}

void TestProxyRetriesMirrors::mirrorGetsACopy()
{
    ScriptedBackend main([](const Received &) { return Action{200}; });
    ScriptedBackend mirror([](const Received &) { return Action{500}; });
    RT::HttpRoute route = routeTo("a");
    RT::Filter filter;
    filter.type = RT::Filter::Type::RequestMirror;
    filter.mirror.backend = std::make_shared<RT::Backend>(backendRef("m"));
    RT::Filter header;
    header.type = RT::Filter::Type::RequestHeaderModifier;
    header.headers.set = {{"X-Filtered", "yes"}};
    route.filters = {filter, header};
    Running g = startGateway(route, {{endpointKey("default", "a", 8080), {main.endpoint()}},
                                     {endpointKey("default", "m", 8080), {mirror.endpoint()}}});
    QVERIFY(g.port);
    Client client(g.port);
    for (int i = 0; i < 3; ++i) {
        const Client::Response r = client.request("POST", "/m" + std::to_string(i), "copy me");
        QCOMPARE(r.status, 200); // the mirror's 500 is dropped
    }
    QTRY_COMPARE_WITH_TIMEOUT(mirror.log().size(), std::size_t(3), 5000);
    for (const Received &received : mirror.log()) {
        QCOMPARE(received.body, std::string("copy me"));
        // The head after the rule's request filters, whatever the filter order.
        QVERIFY(received.head.find("X-Filtered: yes\r\n") != std::string::npos);
    }
    QCOMPARE(main.log().size(), std::size_t(3));
    const std::vector<RequestEvent> events = g.events();
    QCOMPARE(events.size(), std::size_t(3));
    QCOMPARE(events.at(0).mirrors, 1);
    QCOMPARE(g.gateway->droppedMirrors(), std::uint64_t(0));
}

void TestProxyRetriesMirrors::deadOrSlowMirrorNeverDelaysTheClient()
{
    ScriptedBackend main([](const Received &) { return Action{200}; });
    ScriptedBackend slow([](const Received &) {
        Action a;
        a.hold = true; // reads the request, never answers
        return a;
    });
    RT::HttpRoute route = routeTo("a");
    for (const char *service : {"dead", "slow"}) {
        RT::Filter filter;
        filter.type = RT::Filter::Type::RequestMirror;
        filter.mirror.backend = std::make_shared<RT::Backend>(backendRef(service));
        route.filters.push_back(filter);
    }
    Running g = startGateway(route, {{endpointKey("default", "a", 8080), {main.endpoint()}},
                                     {endpointKey("default", "dead", 8080), {refusedEndpoint()}},
                                     {endpointKey("default", "slow", 8080), {slow.endpoint()}}});
    QVERIFY(g.port);
    Client client(g.port);
    for (int i = 0; i < 5; ++i) {
        const Client::Response r = client.request("GET", "/d" + std::to_string(i));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, std::string("attempt 0/" + std::to_string(i)));
    }
    QTRY_COMPARE_WITH_TIMEOUT(slow.log().size(), std::size_t(5), 5000);
    const std::vector<RequestEvent> events = g.events();
    QCOMPARE(events.size(), std::size_t(5));
    for (const RequestEvent &e : events) {
        QCOMPARE(e.status, 200);
        QCOMPARE(e.mirrors, 2);
    }
}

void TestProxyRetriesMirrors::mirrorThatCannotKeepUpIsDropped()
{
    ScriptedBackend main([](const Received &) { return Action{200}; });
    // A mirror that accepts nothing and reads nothing: once the kernel's buffers are full, the
    // bytes queue in the gateway, and past the bound the copy is given up and counted.
    const int stuck = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(stuck, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
    ::listen(stuck, 4);
    socklen_t length = sizeof sa;
    ::getsockname(stuck, reinterpret_cast<sockaddr *>(&sa), &length);
    RT::HttpRoute route = routeTo("a");
    RT::Filter filter;
    filter.type = RT::Filter::Type::RequestMirror;
    filter.mirror.backend = std::make_shared<RT::Backend>(backendRef("m"));
    route.filters = {filter};
    Running g = startGateway(
        route, {{endpointKey("default", "a", 8080), {main.endpoint()}},
                {endpointKey("default", "m", 8080),
                 {"127.0.0.1:" + std::to_string(ntohs(sa.sin_port))}}});
    QVERIFY(g.port);
    Client client(g.port);
    const std::string body(48 * 1024 * 1024, 'x'); // far more than loopback buffers hold
    QCOMPARE(client.request("POST", "/big", body).status, 200);
    QCOMPARE(main.log().at(0).body.size(), body.size()); // the client's request is whole
    QCOMPARE(g.gateway->droppedMirrors(), std::uint64_t(1));
    g.gateway->stop();
    ::close(stuck);
}

QTEST_GUILESS_MAIN(TestProxyRetriesMirrors)
#include "tst_proxy_retries_mirrors.moc"
