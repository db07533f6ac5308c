// The I/O-free exchange logic (engine/proxy/exchange.h): what the gateway decides for a request
// head and how it shapes the response head, without a socket.
#include "engine/proxy/exchange.h"

#include <QtTest/QTest>

using namespace Torii;
using namespace Torii::Proxy;
using namespace Torii::Proxy::Internal;
namespace RT = Torii::RouteTable;

namespace {

std::shared_ptr<const RT::RouteTable> makeTable()
{
    RT::RouteTableBuilder builder;
    builder.addListener(443, RT::ListenerProtocol::HTTPS);
    builder.addListenerHost(443, "a.example");
    builder.addListenerHost(443, "*.wild.example");
    RT::HttpRoute r;
    r.source.kind = "HTTPRoute";
    r.source.ns = "default";
    r.source.name = "web";
    r.match.path = RT::PathMatch{RT::PathMatchType::PathPrefix, "/"};
    RT::Backend b;
    b.ns = "default";
    b.service = "svc";
    b.port = 80;
    r.backends = {b};
    r.timeouts.request = std::chrono::milliseconds(900);
    r.timeouts.backendRequest = std::chrono::milliseconds(300);
    RT::Filter response;
    response.type = RT::Filter::Type::ResponseHeaderModifier;
    response.headers.set = {{"X-Served-By", "torii"}};
    r.filters.push_back(response);
    builder.addHttpRoute(443, {"a.example", "*.wild.example"}, r);
    return builder.build();
}

Http::RequestHead head(const std::string &host, int minor = 1)
{
    Http::RequestHead h;
    h.method = "GET";
    h.target = "/x";
    h.versionMinor = minor;
    h.keepAlive = minor == 1;
    h.headers.add("Host", host);
    h.headers.add("Connection", "keep-alive");
    return h;
}

} // namespace

class TestProxyExchange : public QObject
{
    Q_OBJECT
private slots:
    void forwardsWithPlanAndTimeout()
    {
        auto table = makeTable();
        EndpointMap endpoints{{"default/svc:80", {"127.0.0.1:9"}}};
        EndpointChooser rr;
        RoutingInput input{443, table.get(), &endpoints, "10.0.0.1", nullptr, &rr};
        input.tls = true;
        input.serverName = "a.example";
        Exchange x;
        RequestDecision start = startExchange(x, input, head("a.example"));
        QVERIFY(!start.local);
        QCOMPARE(start.forward.endpoint, std::string("127.0.0.1:9"));
        QCOMPARE(start.forward.endpointPort, quint16(9));
        QCOMPARE(start.forward.head.headers.find("X-Forwarded-Proto")->value,
                 std::string("https"));
        QCOMPARE(start.forward.head.headers.find("X-Forwarded-For")->value,
                 std::string("10.0.0.1"));
        QVERIFY(!start.forward.head.headers.contains("Connection")); // hop-by-hop
        QCOMPARE(x.timeout.count(), 300);                           // the smaller of the two
        QCOMPARE(x.event.backend, std::string("default/svc:80"));
        QCOMPARE(x.event.route.name, std::string("web"));
        QVERIFY(timeoutAnswer(x).explanation.find("(300 ms)") != std::string::npos);
        QCOMPARE(upstreamFailedAnswer(x, "refused").status, 502);
    }

    // Endpoints rotate per backend whether or not the chooser is bound to the snapshot; a new
    // endpoint map is honoured at once (never an endpoint list of the old one); a new table
    // keeps the rotation where it was.
    void endpointChooserRotatesAndFollowsSnapshots()
    {
        auto table = makeTable();
        auto endpoints = std::make_shared<const EndpointMap>(
            EndpointMap{{"default/svc:80", {"127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:3"}}});
        const auto sendOne = [](const RoutingInput &input) {
            Exchange x;
            RequestDecision start = startExchange(x, input, head("a.example"));
            return start.local ? std::string("local") : start.forward.endpoint;
        };
        for (bool bound : {false, true}) {
            EndpointChooser chooser;
            if (bound) {
                chooser.bind(table, endpoints);
            }
            RoutingInput input{443, table.get(), endpoints.get(), "10.0.0.1", nullptr, &chooser};
            input.tls = true;
            input.serverName = "a.example";
            QCOMPARE(sendOne(input), std::string("127.0.0.1:1"));
            QCOMPARE(sendOne(input), std::string("127.0.0.1:2"));
            QCOMPARE(sendOne(input), std::string("127.0.0.1:3"));
            QCOMPARE(sendOne(input), std::string("127.0.0.1:1"));

            // A new table (same backend key): the rotation goes on.
            auto swapped = makeTable();
            if (bound) {
                chooser.bind(swapped, endpoints);
            }
            input.table = swapped.get();
            QCOMPARE(sendOne(input), std::string("127.0.0.1:2"));

            // A new endpoint map: its endpoints, not the cached list of the old one.
            auto scaled = std::make_shared<const EndpointMap>(
                EndpointMap{{"default/svc:80", {"127.0.0.1:7", "127.0.0.1:8"}}});
            if (bound) {
                chooser.bind(swapped, scaled);
            }
            input.endpoints = scaled.get();
            const std::string next = sendOne(input);
            QVERIFY2(next == "127.0.0.1:7" || next == "127.0.0.1:8", next.c_str());
            QVERIFY(sendOne(input) != next);

            // No endpoint: 503 that names the backend.
            auto empty = std::make_shared<const EndpointMap>();
            if (bound) {
                chooser.bind(swapped, empty);
            }
            input.endpoints = empty.get();
            Exchange x;
            RequestDecision start = startExchange(x, input, head("a.example"));
            QVERIFY(start.local);
            QCOMPARE(start.local->status, 503);
            QVERIFY(start.local->explanation.find("default/svc:80") != std::string::npos);
        }
    }

    void misdirectedHostIs421()
    {
        auto table = makeTable();
        EndpointMap endpoints{{"default/svc:80", {"127.0.0.1:9"}}};
        EndpointChooser rr;
        RoutingInput input{443, table.get(), &endpoints, "10.0.0.1", nullptr, &rr};
        input.tls = true;
        input.serverName = "a.example";
        Exchange x;
        RequestDecision start = startExchange(x, input, head("api.wild.example"));
        QVERIFY(start.local);
        QCOMPARE(start.local->status, 421);
        QVERIFY(start.local->explanation.find("\"*.wild.example\"") != std::string::npos);
        // Same entry by another name of it: allowed.
        input.serverName = "one.wild.example";
        Exchange y;
        QVERIFY(!startExchange(y, input, head("two.wild.example")).local);
        // No SNI (a client connecting by address): nothing to compare.
        input.serverName = {};
        Exchange z;
        QVERIFY(!startExchange(z, input, head("api.wild.example")).local);
    }

    void responseHeadShaping()
    {
        auto table = makeTable();
        EndpointMap endpoints{{"default/svc:80", {"127.0.0.1:9"}}};
        EndpointChooser rr;
        RoutingInput input{443, table.get(), &endpoints, "10.0.0.1", nullptr, &rr};
        Exchange x;
        startExchange(x, input, head("a.example", 0)); // HTTP/1.0 client
        Http::ResponseHead response;
        response.status = 200;
        response.hasBody = true;
        response.headers.add("Keep-Alive", "timeout=5");
        shapeResponseHead(x, response);
        QVERIFY(!response.headers.contains("Keep-Alive"));
        QCOMPARE(response.headers.find("X-Served-By")->value, std::string("torii"));
        // No length for a 1.0 client: the close ends the body.
        QVERIFY(x.closeAfter);
        QCOMPARE(response.headers.find("Connection")->value, std::string("close"));
        QVERIFY(!x.chunkedDownstream);
        QCOMPARE(x.event.status, 200);

        Exchange y;
        startExchange(y, input, head("a.example"));
        Http::ResponseHead chunked;
        chunked.hasBody = true;
        shapeResponseHead(y, chunked);
        QVERIFY(y.chunkedDownstream);
        QCOMPARE(chunked.headers.find("Transfer-Encoding")->value, std::string("chunked"));
        Http::ResponseHead interim;
        interim.status = 100;
        QVERIFY(shapeInterimHead(y, interim));
        QVERIFY(!shapeInterimHead(x, interim)); // never to a 1.0 client
    }

    void corsPreflightAnsweredAndActualDecorated()
    {
        RT::RouteTableBuilder builder;
        builder.addListener(80, RT::ListenerProtocol::HTTP);
        builder.addListenerHost(80, "*");
        RT::HttpRoute r;
        r.source.kind = "HTTPRoute";
        r.source.ns = "default";
        r.source.name = "cors";
        RT::Backend b;
        b.ns = "default";
        b.service = "svc";
        b.port = 80;
        r.backends = {b};
        RT::Filter cors;
        cors.type = RT::Filter::Type::Cors;
        cors.cors.allowOrigins = {"https://app.example"};
        cors.cors.allowMethods = {"GET", "PUT"};
        r.filters.push_back(cors);
        builder.addHttpRoute(80, {"*"}, r);
        auto table = builder.build();
        EndpointMap endpoints{{"default/svc:80", {"127.0.0.1:9"}}};
        EndpointChooser rr;
        RoutingInput input{80, table.get(), &endpoints, "10.0.0.1", nullptr, &rr};

        Http::RequestHead preflight = head("a.example");
        preflight.method = "OPTIONS";
        preflight.headers.add("Origin", "https://app.example");
        preflight.headers.add("Access-Control-Request-Method", "PUT");
        Exchange x;
        RequestDecision start = startExchange(x, input, std::move(preflight));
        QVERIFY(start.local); // never forwarded
        QCOMPARE(start.local->status, 200);
        QCOMPARE(start.local->headers.find("Access-Control-Allow-Origin")->value,
                 std::string("https://app.example"));

        Http::RequestHead actual = head("a.example");
        actual.headers.add("Origin", "https://app.example");
        Exchange y;
        QVERIFY(!startExchange(y, input, std::move(actual)).local);
        Http::ResponseHead response;
        response.contentLength = 0;
        shapeResponseHead(y, response);
        QCOMPARE(response.headers.find("Access-Control-Allow-Origin")->value,
                 std::string("https://app.example"));

        Http::RequestHead denied = head("a.example");
        denied.method = "OPTIONS";
        denied.headers.add("Origin", "https://evil.example");
        denied.headers.add("Access-Control-Request-Method", "PUT");
        Exchange z;
        QCOMPARE(startExchange(z, input, std::move(denied)).local->status, 403);
    }

    void localAnswerRecordsEvent()
    {
        Exchange x;
        x.clientKeepAlive = false;
        x.headRequest = true;
        const std::string bytes = localAnswerBytes(x, LocalAnswer{404, "404 no route\n", {}});
        QVERIFY(bytes.rfind("HTTP/1.1 404 Not Found\r\n", 0) == 0);
        QVERIFY(bytes.find("Connection: close") != std::string::npos);
        QVERIFY(bytes.find("no route") == std::string::npos); // HEAD: no body
        QVERIFY(x.event.localAnswer);
        QCOMPARE(x.event.bytesOut, std::uint64_t(0));
        x.started = std::chrono::steady_clock::time_point{};
        finishEvent(x, x.started + std::chrono::microseconds(1500));
        QCOMPARE(x.event.latencyMicros, std::int64_t(1500));
    }
};

QTEST_GUILESS_MAIN(TestProxyExchange)
#include "tst_proxy_exchange.moc"
