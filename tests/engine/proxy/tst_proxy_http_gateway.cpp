// The gateway over real sockets on 127.0.0.1:0, in front of echo backends: QTcpSocket clients
// (responses read with the shared codec) and, where installed, the curl binary.
#include "engine/http/http1_codec.h"
#include "engine/proxy/gateway.h"
#include "engine/routetable/route_table.h"
#include "simulator/backends/http_echo_backend.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest/QTest>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <mutex>
#include <random>

using namespace Torii;
using namespace Torii::Proxy;
namespace RT = Torii::RouteTable;

namespace {

struct Response
{
    int status = 0;
    Http::Headers headers;
    QByteArray body;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString header(const char *name) const
    {
        const Http::HeaderField *f = headers.find(name);
        return f ? QString::fromStdString(f->value) : QString();
    }
    QString pod() const { return json().value("pod").toString(); }
    QString echoHeader(const char *name) const
    {
        const QJsonArray values = json().value("headers").toObject().value(name).toArray();
        return values.isEmpty() ? QString() : values.first().toString();
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
    void onBody(std::string_view chunk) override
    {
        responses.back().body.append(chunk.data(), qsizetype(chunk.size()));
    }
    void onComplete(Http::Headers &&) override {}
};

// A blocking test client on one connection (the gateway runs in its own thread).
class Client
{
public:
    explicit Client(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_connected = m_socket.waitForConnected(5000);
    }
    bool connected() const { return m_connected; }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.waitForBytesWritten(5000);
    }
    std::vector<Response> read(int count)
    {
        QElapsedTimer clock;
        clock.start();
        while (int(m_collector.responses.size()) < count && clock.elapsed() < 5000) {
            if (m_buffer.isEmpty() && !m_socket.waitForReadyRead(100)) {
                if (m_socket.state() != QAbstractSocket::ConnectedState) {
                    m_parser.finish(m_collector);
                    break;
                }
                continue;
            }
            m_buffer += m_socket.readAll();
            while (!m_buffer.isEmpty()) {
                const auto result = m_parser.feed(
                    std::string_view(m_buffer.constData(), m_buffer.size()), m_collector);
                m_buffer.remove(0, qsizetype(result.consumed));
                if (result.status != Http::FeedStatus::MessageComplete) {
                    if (result.status == Http::FeedStatus::Error) {
                        m_buffer.clear();
                    }
                    break;
                }
            }
        }
        return std::exchange(m_collector.responses, {});
    }
    Response request(const QByteArray &method, const QByteArray &target, const QByteArray &host,
                     const QByteArray &extra = {})
    {
        send(method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\n" + extra + "\r\n");
        auto responses = read(1);
        return responses.empty() ? Response{} : responses.front();
    }
    Response get(const QByteArray &target, const QByteArray &host = "foo.example",
                 const QByteArray &extra = {})
    {
        return request("GET", target, host, extra);
    }
    bool closedByPeer()
    {
        QElapsedTimer clock;
        clock.start();
        while (m_socket.state() == QAbstractSocket::ConnectedState && clock.elapsed() < 5000) {
            m_socket.waitForReadyRead(100);
            m_socket.readAll();
        }
        return m_socket.state() != QAbstractSocket::ConnectedState;
    }

private:
    QTcpSocket m_socket;
    bool m_connected = false;
    QByteArray m_buffer;
    Http::ResponseParser m_parser;
    Collector m_collector;
};

RT::Backend backend(const std::string &service, int weight = 1)
{
    RT::Backend b;
    b.ns = "default";
    b.service = service;
    b.port = 8080;
    b.weight = weight;
    return b;
}

RT::HttpRoute route(const std::string &name, const std::string &prefix,
                    std::vector<RT::Backend> backends)
{
    RT::HttpRoute r;
    r.source.kind = "HTTPRoute";
    r.source.ns = "default";
    r.source.name = name;
    r.match.path = RT::PathMatch{RT::PathMatchType::PathPrefix, prefix};
    r.backends = std::move(backends);
    return r;
}

RT::Filter headerFilter(RT::Filter::Type type, RT::HeaderModifier modifier)
{
    RT::Filter f;
    f.type = type;
    f.headers = std::move(modifier);
    return f;
}

constexpr int kGatewayPort = 8080;

} // namespace

class TestProxyHttpGateway : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void routesByHostAndPath_data();
    void routesByHostAndPath();
    void notFoundExplains();
    void weightedSplit();
    void headerModifiers();
    void redirect();
    void urlRewritePrefix();
    void invalidBackendIs500();
    void unsupportedFilterIs500();
    void noEndpointIs503();
    void refusedEndpointIs502();
    void timeoutIs504();
    void keepAlive();
    void pipelining();
    void chunkedRequestBody();
    void largeBodyStreams();
    void forwardedHeaders();
    void badRequestCloses();
    void tableSwapOnOpenConnection();
    void curlRows();
    void stopFreesPorts();

private:
    std::shared_ptr<const RT::RouteTable> buildTable(bool swapped = false);
    quint16 port() const { return m_gateway->boundPorts().at(kGatewayPort); }

    std::vector<std::unique_ptr<Backends::HttpEchoBackend>> m_backends;
    std::unique_ptr<Gateway> m_gateway;
    std::shared_ptr<std::mt19937> m_random = std::make_shared<std::mt19937>(42);
    std::mutex m_eventsMutex;
    std::vector<RequestEvent> m_events; // written by the worker thread
    quint16 m_deadPort = 0;
};

std::shared_ptr<const RT::RouteTable> TestProxyHttpGateway::buildTable(bool swapped)
{
    RT::RouteTableBuilder builder;
    builder.addListener(kGatewayPort, RT::ListenerProtocol::HTTP);
    builder.addListenerHost(kGatewayPort, "*");
    if (swapped) {
        builder.addHttpRoute(kGatewayPort, {"foo.example"}, route("swapped", "/", {backend("b")}));
        return builder.build();
    }
    builder.addHttpRoute(kGatewayPort, {"foo.example"}, route("foo", "/", {backend("a")}));
    builder.addHttpRoute(kGatewayPort, {"foo.example"}, route("foo-b", "/b", {backend("b")}));
    builder.addHttpRoute(kGatewayPort, {"bar.example"}, route("bar", "/", {backend("c")}));
    builder.addHttpRoute(kGatewayPort, {"split.example"},
                         route("split", "/", {backend("a", 3), backend("b", 1)}));

    RT::HeaderModifier requestMod;
    requestMod.set = {{"X-Set", "set-value"}};
    requestMod.add = {{"X-Add", "added"}};
    requestMod.remove = {"x-remove"};
    RT::HeaderModifier responseMod;
    responseMod.set = {{"X-Response-Set", "yes"}};
    RT::HttpRoute mods = route("mods", "/", {backend("a")});
    mods.filters.push_back(headerFilter(RT::Filter::Type::RequestHeaderModifier, requestMod));
    mods.filters.push_back(headerFilter(RT::Filter::Type::ResponseHeaderModifier, responseMod));
    builder.addHttpRoute(kGatewayPort, {"mods.example"}, mods);

    RT::HttpRoute redirect = route("redirect", "/old", {});
    RT::Filter redirectFilter;
    redirectFilter.type = RT::Filter::Type::RequestRedirect;
    redirectFilter.redirect.scheme = "https";
    redirectFilter.redirect.statusCode = 301;
    redirectFilter.redirect.path =
        RT::PathModifier{RT::PathModifierType::ReplacePrefixMatch, "/new"};
    redirect.filters.push_back(redirectFilter);
    builder.addHttpRoute(kGatewayPort, {"redirect.example"}, redirect);

    RT::HttpRoute rewrite = route("rewrite", "/api", {backend("b")});
    RT::Filter rewriteFilter;
    rewriteFilter.type = RT::Filter::Type::UrlRewrite;
    rewriteFilter.rewrite.hostname = "internal.example";
    rewriteFilter.rewrite.path = RT::PathModifier{RT::PathModifierType::ReplacePrefixMatch, "/v2"};
    rewrite.filters.push_back(rewriteFilter);
    builder.addHttpRoute(kGatewayPort, {"rewrite.example"}, rewrite);

    RT::Backend invalid = backend("missing");
    invalid.invalidReason = "BackendNotFound: service default/missing not found";
    builder.addHttpRoute(kGatewayPort, {"invalid.example"}, route("invalid", "/", {invalid}));
    RT::HttpRoute unsupported = route("ext", "/", {backend("a")});
    RT::Filter ext;
    ext.type = RT::Filter::Type::Unsupported;
    ext.unsupportedReason = "ExtensionRef example.com/Foo is not supported";
    unsupported.filters.push_back(ext);
    builder.addHttpRoute(kGatewayPort, {"ext.example"}, unsupported);
    builder.addHttpRoute(kGatewayPort, {"noep.example"}, route("noep", "/", {backend("idle")}));
    builder.addHttpRoute(kGatewayPort, {"dead.example"}, route("dead", "/", {backend("dead")}));
    RT::HttpRoute slow = route("slow", "/", {backend("a")});
    slow.timeouts.request = std::chrono::milliseconds(200);
    builder.addHttpRoute(kGatewayPort, {"slow.example"}, slow);
    return builder.build();
}

void TestProxyHttpGateway::initTestCase()
{
    for (const char *pod : {"pod-a", "pod-b", "pod-c"}) {
        Backends::EchoIdentity id;
        id.namespaceName = "default";
        id.pod = QString::fromLatin1(pod);
        auto echo = std::make_unique<Backends::HttpEchoBackend>(id);
        QVERIFY(echo->start().ok());
        m_backends.push_back(std::move(echo));
    }
    { // a port nobody listens on: bind, note, close
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        m_deadPort = probe.serverPort();
    }
    auto at = [](quint16 p) { return "127.0.0.1:" + std::to_string(p); };
    EndpointMap endpoints;
    endpoints[endpointKey("default", "a", 8080)] = {at(m_backends[0]->port())};
    endpoints[endpointKey("default", "b", 8080)] = {at(m_backends[1]->port())};
    endpoints[endpointKey("default", "c", 8080)] = {at(m_backends[2]->port())};
    endpoints[endpointKey("default", "dead", 8080)] = {at(m_deadPort)};

    GatewayConfig config;
    config.listeners.push_back({kGatewayPort, "127.0.0.1", 0});
    auto random = m_random;
    config.random = [random] { return std::uniform_real_distribution<double>(0, 1)(*random); };
    config.onEvent = [this](const RequestEvent &event) {
        std::lock_guard lock(m_eventsMutex);
        m_events.push_back(event);
    };
    m_gateway = std::make_unique<Gateway>(config);
    m_gateway->setRouteTable(buildTable());
    m_gateway->setEndpoints(endpoints);
    std::string error;
    QVERIFY2(m_gateway->start(&error), error.c_str());
    QVERIFY(port() != 0);
}

void TestProxyHttpGateway::cleanupTestCase()
{
    m_gateway.reset();
    m_backends.clear();
}

void TestProxyHttpGateway::routesByHostAndPath_data()
{
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("pod");
    QTest::newRow("foo /") << QByteArray("foo.example") << QByteArray("/x") << "pod-a";
    QTest::newRow("foo /b prefix") << QByteArray("foo.example") << QByteArray("/b/1") << "pod-b";
    QTest::newRow("foo /bx not segment")
        << QByteArray("foo.example") << QByteArray("/bx") << "pod-a";
    QTest::newRow("host with port") << QByteArray("bar.example:8080") << QByteArray("/") << "pod-c";
    QTest::newRow("host case") << QByteArray("BAR.example") << QByteArray("/q?x=1") << "pod-c";
}

void TestProxyHttpGateway::routesByHostAndPath()
{
    QFETCH(QByteArray, host);
    QFETCH(QByteArray, target);
    QFETCH(QString, pod);
    Client client(port());
    QVERIFY(client.connected());
    const Response r = client.get(target, host);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.pod(), pod);
    QCOMPARE(r.json().value("path").toString(), QString::fromLatin1(target));
    QCOMPARE(r.json().value("host").toString(), QString::fromLatin1(host)); // kept as sent
}

void TestProxyHttpGateway::notFoundExplains()
{
    Client client(port());
    const Response r = client.get("/nothing", "unknown.example");
    QCOMPARE(r.status, 404);
    QCOMPARE(r.header("Content-Type"), QStringLiteral("text/plain; charset=utf-8"));
    QVERIFY2(r.body.contains("host entry \"*\""), r.body.constData());
    QVERIFY2(r.body.contains("unknown.example"), r.body.constData());
    // The connection stays usable after a local answer.
    QCOMPARE(client.get("/").status, 200);
}

void TestProxyHttpGateway::weightedSplit()
{
    Client client(port());
    int a = 0;
    int b = 0;
    for (int i = 0; i < 200; ++i) {
        const Response r = client.get("/", "split.example");
        QCOMPARE(r.status, 200);
        (r.pod() == "pod-a" ? a : b) += 1;
    }
    QVERIFY2(a > 120 && a < 180, qPrintable(QStringLiteral("a=%1 b=%2").arg(a).arg(b)));
    QCOMPARE(a + b, 200);
}

void TestProxyHttpGateway::headerModifiers()
{
    Client client(port());
    const Response r =
        client.get("/", "mods.example", "X-Add: first\r\nX-Remove: gone\r\nX-Set: old\r\n");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.echoHeader("X-Set"), QStringLiteral("set-value"));
    QCOMPARE(r.echoHeader("X-Add"), QStringLiteral("first,added"));
    QVERIFY(r.echoHeader("X-Remove").isEmpty());
    QCOMPARE(r.header("X-Response-Set"), QStringLiteral("yes"));
}

void TestProxyHttpGateway::redirect()
{
    Client client(port());
    const Response r = client.get("/old/page?q=1", "redirect.example");
    QCOMPARE(r.status, 301);
    QCOMPARE(r.header("Location"), QStringLiteral("https://redirect.example/new/page?q=1"));
    QVERIFY(r.body.contains("redirect by HTTPRoute default/redirect"));
}

void TestProxyHttpGateway::urlRewritePrefix()
{
    Client client(port());
    const Response r = client.get("/api/users?id=7", "rewrite.example");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.pod(), QStringLiteral("pod-b"));
    QCOMPARE(r.json().value("path").toString(), QStringLiteral("/v2/users?id=7"));
    QCOMPARE(r.json().value("host").toString(), QStringLiteral("internal.example"));
}

void TestProxyHttpGateway::invalidBackendIs500()
{
    Client client(port());
    const Response r = client.get("/", "invalid.example");
    QCOMPARE(r.status, 500);
    QVERIFY2(r.body.contains("BackendNotFound"), r.body.constData());
    QVERIFY(r.body.contains("default/missing:8080"));
}

void TestProxyHttpGateway::unsupportedFilterIs500()
{
    Client client(port());
    const Response r = client.get("/", "ext.example");
    QCOMPARE(r.status, 500);
    QVERIFY2(r.body.contains("ExtensionRef"), r.body.constData());
}

void TestProxyHttpGateway::noEndpointIs503()
{
    Client client(port());
    const Response r = client.get("/", "noep.example");
    QCOMPARE(r.status, 503);
    QVERIFY2(r.body.contains("default/idle:8080"), r.body.constData());
}

void TestProxyHttpGateway::refusedEndpointIs502()
{
    Client client(port());
    const Response r = client.get("/", "dead.example");
    QCOMPARE(r.status, 502);
    QVERIFY2(r.body.contains(QByteArray::number(m_deadPort)), r.body.constData());
    QCOMPARE(client.get("/").status, 200); // the client connection survives
}

void TestProxyHttpGateway::timeoutIs504()
{
    Client client(port());
    QElapsedTimer clock;
    clock.start();
    const Response r = client.get("/?delay=2s", "slow.example");
    QCOMPARE(r.status, 504);
    QVERIFY(clock.elapsed() < 1500);
    QVERIFY2(r.body.contains("200 ms"), r.body.constData());
}

void TestProxyHttpGateway::keepAlive()
{
    Client client(port());
    const Response first = client.get("/one");
    const Response second = client.get("/b/two");
    QCOMPARE(first.status, 200);
    QCOMPARE(second.status, 200);
    QCOMPARE(first.pod(), QStringLiteral("pod-a"));
    QCOMPARE(second.pod(), QStringLiteral("pod-b"));
}

void TestProxyHttpGateway::pipelining()
{
    Client client(port());
    client.send("GET /b/first HTTP/1.1\r\nHost: foo.example\r\n\r\n"
                "GET /second HTTP/1.1\r\nHost: unknown.example\r\n\r\n"
                "GET /third HTTP/1.1\r\nHost: bar.example\r\n\r\n");
    const auto responses = client.read(3);
    QCOMPARE(responses.size(), std::size_t(3));
    QCOMPARE(responses[0].json().value("path").toString(), QStringLiteral("/b/first"));
    QCOMPARE(responses[1].status, 404);
    QCOMPARE(responses[2].pod(), QStringLiteral("pod-c"));
}

void TestProxyHttpGateway::chunkedRequestBody()
{
    {
        std::lock_guard lock(m_eventsMutex);
        m_events.clear();
    }
    Client client(port());
    client.send("POST /upload HTTP/1.1\r\nHost: foo.example\r\nTransfer-Encoding: chunked\r\n\r\n"
                "5\r\nhello\r\n");
    QTest::qWait(50);
    client.send("6\r\n world\r\n0\r\n\r\n");
    const auto responses = client.read(1);
    QCOMPARE(responses.size(), std::size_t(1));
    QCOMPARE(responses[0].status, 200);
    QCOMPARE(responses[0].json().value("method").toString(), QStringLiteral("POST"));
    QTRY_VERIFY_WITH_TIMEOUT(
        [this] {
            std::lock_guard lock(m_eventsMutex);
            return !m_events.empty();
        }(),
        2000);
    std::lock_guard lock(m_eventsMutex);
    QCOMPARE(m_events.back().bytesIn, quint64(11));
    QCOMPARE(m_events.back().status, 200);
    QCOMPARE(m_events.back().route.name, std::string("foo"));
    QCOMPARE(m_events.back().backend, std::string("default/a:8080"));
}

void TestProxyHttpGateway::largeBodyStreams()
{
    // 8 MiB with Content-Length: more than both high-water marks, so backpressure pauses and
    // resumes reading; the backend reads and discards it, then answers.
    Client client(port());
    const QByteArray body(8 << 20, 'x');
    client.send("PUT /big HTTP/1.1\r\nHost: foo.example\r\nContent-Length: " +
                QByteArray::number(body.size()) + "\r\n\r\n" + body);
    const auto responses = client.read(1);
    QCOMPARE(responses.size(), std::size_t(1));
    QCOMPARE(responses[0].status, 200);
    QCOMPARE(client.get("/b/after").pod(), QStringLiteral("pod-b"));
}

void TestProxyHttpGateway::forwardedHeaders()
{
    Client client(port());
    const Response plain = client.get("/");
    QCOMPARE(plain.echoHeader("X-Forwarded-For"), QStringLiteral("127.0.0.1"));
    QCOMPARE(plain.echoHeader("X-Forwarded-Proto"), QStringLiteral("http"));
    const Response chained = client.get("/", "foo.example",
                                        "X-Forwarded-For: 10.0.0.1\r\nConnection: x-hop\r\n"
                                        "X-Hop: secret\r\n");
    QCOMPARE(chained.echoHeader("X-Forwarded-For"), QStringLiteral("10.0.0.1, 127.0.0.1"));
    QVERIFY(chained.echoHeader("X-Hop").isEmpty()); // named in Connection: hop-by-hop
}

void TestProxyHttpGateway::badRequestCloses()
{
    Client client(port());
    client.send("GET / HTTP/1.1\r\n\r\n"); // no Host: 400
    const auto responses = client.read(1);
    QCOMPARE(responses.size(), std::size_t(1));
    QCOMPARE(responses[0].status, 400);
    QVERIFY(client.closedByPeer());
}

void TestProxyHttpGateway::tableSwapOnOpenConnection()
{
    Client client(port());
    QCOMPARE(client.get("/").pod(), QStringLiteral("pod-a"));
    m_gateway->setRouteTable(buildTable(true));
    const Response after = client.get("/");
    QCOMPARE(after.pod(), QStringLiteral("pod-b"));
    QCOMPARE(client.get("/", "bar.example").status, 404);
    m_gateway->setRouteTable(buildTable());
    QCOMPARE(client.get("/").pod(), QStringLiteral("pod-a"));
}

void TestProxyHttpGateway::curlRows()
{
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty()) {
        QSKIP("curl is not installed");
    }
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port());
    QProcess process;
    process.start(curl, {"-s", "-H", "Host: foo.example", "--data-binary", "payload", "-H",
                         "Transfer-Encoding: chunked", base + "/b/curl"});
    QVERIFY(process.waitForFinished(10000));
    const QJsonObject echo = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    QCOMPARE(echo.value("pod").toString(), QStringLiteral("pod-b"));
    QCOMPARE(echo.value("method").toString(), QStringLiteral("POST"));

    process.start(curl, {"-s", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}", "-H",
                         "Host: redirect.example", base + "/old"});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()),
             QStringLiteral("301 https://redirect.example/new"));
}

void TestProxyHttpGateway::stopFreesPorts()
{
    const quint16 bound = port();
    m_gateway->stop();
    QVERIFY(m_gateway->boundPorts().empty());
    QTcpServer again;
    QVERIFY2(again.listen(QHostAddress::LocalHost, bound), qPrintable(again.errorString()));
    again.close();
    std::string error;
    QVERIFY2(m_gateway->start(&error), error.c_str()); // restartable
    Client client(port());
    QCOMPARE(client.get("/").status, 200);
    m_gateway->stop();
}

QTEST_GUILESS_MAIN(TestProxyHttpGateway)
#include "tst_proxy_http_gateway.moc"
