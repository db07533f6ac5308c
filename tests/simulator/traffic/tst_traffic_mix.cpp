#include "simulator/traffic/default_mix.h"
#include "simulator/traffic/load_generator.h"
#include "simulator/traffic/request_mix.h"

#include <QtTest/QtTest>

#include <set>

using namespace Torii;
using namespace Torii::Traffic;

namespace {

const Core::Diagnostic *find(const Core::Diagnostics &d, const std::string &code)
{
    for (const Core::Diagnostic &x : d) {
        if (x.code == code) {
            return &x;
        }
    }
    return nullptr;
}

} // namespace

class TstTrafficMix : public QObject
{
    Q_OBJECT

private slots:
    void readsTheIssuesMix()
    {
        const MixParseResult r = parseMix(R"(requests:
- weight: 90
  protocol: http          # http | https | h2c | h2 | grpc | tcp | udp | tls
  listener: {namespace: gateway-system, gateway: production-gateway, port: 80}
  method: GET
  host: webapp.example.com
  path: /
  headers: {x-canary: "true"}
- weight: 10
  host: webapp.example.com
  path: /b?x=1
  cookies: {ab_test: variant_b, lang: ja}
  method: POST
  body: hello
  name: ab
)",
                                          "mix.yaml");
        QVERIFY2(r.ok(), r.diagnostics.empty() ? "" : r.diagnostics[0].message.c_str());
        QCOMPARE(r.mix.templates.size(), std::size_t(2));
        const RequestTemplate &a = r.mix.templates[0];
        QCOMPARE(a.weight, 90.0);
        QCOMPARE(a.protocol, Protocol::Http);
        QCOMPARE(a.listener.ns, std::string("gateway-system"));
        QCOMPARE(a.listener.gateway, std::string("production-gateway"));
        QCOMPARE(a.listener.port, 80);
        QCOMPARE(a.headers.size(), std::size_t(1));
        QCOMPARE(a.headers[0].second, std::string("true"));
        QCOMPARE(a.name, std::string("GET webapp.example.com/ x-canary=true"));
        const RequestTemplate &b = r.mix.templates[1];
        QCOMPARE(b.name, std::string("ab"));
        QCOMPARE(b.cookies.size(), std::size_t(2));
        QCOMPARE(r.mix.totalWeight(), 100.0);

        const std::string wire =
            serializeRequest(b.method, b.host, b.path, b.headers, b.cookies, b.body, true);
        QCOMPARE(wire,
                 std::string("POST /b?x=1 HTTP/1.1\r\nHost: webapp.example.com\r\n"
                             "Cookie: ab_test=variant_b; lang=ja\r\nUser-Agent: torii-load\r\n"
                             "Content-Length: 5\r\n\r\nhello"));
        QVERIFY(
            serializeRequest("GET", "h", "/", {}, {}, {}, false).find("Connection: close\r\n") !=
            std::string::npos);
    }

    void errorsSayWhereAndWhy()
    {
        const MixParseResult r = parseMix("requests:\n"
                                          "- weight: -1\n"
                                          "  path: nope\n"
                                          "  protocol: tcp\n"
                                          "  colour: red\n"
                                          "- protocol: smtp\n"
                                          "  listener: {port: 70000}\n",
                                          "bad.yaml");
        QVERIFY(!r.ok());
        const Core::Diagnostic *weight = find(r.diagnostics, "mix.weight");
        QVERIFY(weight);
        QCOMPARE(weight->line, 2);
        QCOMPARE(weight->column, 11);
        const Core::Diagnostic *path = find(r.diagnostics, "mix.path");
        QVERIFY(path);
        QCOMPARE(path->line, 3);
        // A path on a tcp line: refused at the key, with what does apply.
        const Core::Diagnostic *tcpPath = find(r.diagnostics, "mix.field-not-applicable");
        QVERIFY(tcpPath);
        QCOMPARE(tcpPath->line, 3);
        QCOMPARE(tcpPath->column, 3);
        QCOMPARE(tcpPath->message, std::string("path does not apply to protocol tcp"));
        QVERIFY2(tcpPath->hint.find("only listener applies") != std::string::npos,
                 tcpPath->hint.c_str());
        const Core::Diagnostic *unknown = find(r.diagnostics, "mix.unknown-field");
        QVERIFY(unknown);
        QCOMPARE(unknown->severity, Core::Severity::Warning);
        QCOMPARE(unknown->line, 5);
        const Core::Diagnostic *smtp = find(r.diagnostics, "mix.protocol");
        QVERIFY(smtp);
        QCOMPARE(smtp->line, 6);
        QVERIFY(find(r.diagnostics, "mix.port"));
        QCOMPARE(r.diagnostics[0].file, std::string("bad.yaml"));

        QVERIFY(!parseMix("requests: []\n", "e.yaml").ok());
        QVERIFY(!parseMix("- a\n", "e.yaml").ok());
        QVERIFY(!parseMix("requests: [{weight: 0}]\n", "e.yaml").ok());
        QVERIFY(!parseMix("requests: [\n", "e.yaml").ok()); // YAML syntax error, with position
        for (const char *p : {"http", "https", "h2c", "h2", "grpc", "tcp", "udp", "tls"}) {
            QCOMPARE(std::string(toString(*protocolFromString(p))), std::string(p));
        }
        QVERIFY(!protocolFromString("HTTP"));
    }

    void everyProtocolOfTheIssueReads()
    {
        const MixParseResult r = parseMix(R"(requests:
- protocol: https
  host: secure.example.com
- host: plain.example.com
- protocol: h2c
  host: h2.example.com
  path: /h2
  headers: {x-v: "2"}
- protocol: h2
  host: secure.example.com
- protocol: grpc
  host: grpc.example.com
  headers: {x-tenant: a}
- protocol: grpc
  grpc: {service: my.pkg.Svc, method: Get}
- protocol: tcp
  listener: {gateway: l4, port: 9000}
- protocol: udp
  listener: {port: 9001}
- protocol: tls
  listener: {port: 9443}
  host: secure.example.com
)",
                                          "all.yaml");
        QVERIFY2(r.ok(), r.diagnostics.empty() ? "" : r.diagnostics[0].message.c_str());
        QCOMPARE(r.mix.templates.size(), std::size_t(9));
        const auto &t = r.mix.templates;
        QCOMPARE(t[0].protocol, Protocol::Https);
        QCOMPARE(t[1].protocol, Protocol::Http); // the default
        QCOMPARE(t[2].protocol, Protocol::H2c);
        QCOMPARE(t[2].name, std::string("h2c GET h2.example.com/h2 x-v=2"));
        QCOMPARE(t[3].protocol, Protocol::H2);
        QCOMPARE(t[4].protocol, Protocol::Grpc);
        QCOMPARE(t[4].grpcService,
                 std::string("gateway_api_conformance.echo_basic.grpcecho.GrpcEcho"));
        QCOMPARE(t[4].grpcMethod, std::string("Echo"));
        QCOMPARE(t[4].name, std::string("grpc grpc.example.com "
                                        "/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/"
                                        "Echo x-tenant=a"));
        QCOMPARE(t[5].grpcService, std::string("my.pkg.Svc"));
        QCOMPARE(t[5].grpcMethod, std::string("Get"));
        QCOMPARE(t[6].protocol, Protocol::Tcp);
        QCOMPARE(t[6].name, std::string("tcp */l4:9000"));
        QCOMPARE(t[7].protocol, Protocol::Udp);
        QCOMPARE(t[8].protocol, Protocol::Tls);
        QCOMPARE(t[8].name, std::string("tls */*:9443 sni secure.example.com"));
        QVERIFY(isStreamProtocol(Protocol::Tcp) && isStreamProtocol(Protocol::Udp) &&
                isStreamProtocol(Protocol::Tls));
        QVERIFY(!isStreamProtocol(Protocol::Grpc) && !isStreamProtocol(Protocol::H2c));

        const MixParseResult unknown = parseMix("requests:\n- protocol: quic\n", "unknown.yaml");
        const Core::Diagnostic *d = find(unknown.diagnostics, "mix.protocol");
        QVERIFY(d);
        QCOMPARE(d->line, 2);
        QCOMPARE(d->column, 13);
        QVERIFY2(d->message.find("\"quic\"; use http, https, h2c, h2, grpc, tcp, udp or tls") !=
                     std::string::npos,
                 d->message.c_str());
    }

    void fieldsOutsideTheLinesProtocolAreRefusedWhereWritten()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        QFETCH(QString, hint);
        const MixParseResult r = parseMix(text.toStdString(), "fields.yaml");
        QVERIFY(!r.ok());
        QCOMPARE(r.mix.templates.size(), std::size_t(0)); // the line is dropped, not sent
        QCOMPARE(r.diagnostics.size(), std::size_t(1));
        const Core::Diagnostic &d = r.diagnostics[0];
        QCOMPARE(d.file, std::string("fields.yaml"));
        QCOMPARE(d.line, line);
        QCOMPARE(d.column, column);
        QCOMPARE(QString::fromStdString(d.message), message);
        QVERIFY2(QString::fromStdString(d.hint).contains(hint), d.hint.c_str());
    }

    void fieldsOutsideTheLinesProtocolAreRefusedWhereWritten_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("hint");
        QTest::newRow("udp with a host") << "requests:\n- protocol: udp\n  host: a.example.com\n"
                                         << 3 << 3 << "host does not apply to protocol udp"
                                         << "only listener applies";
        QTest::newRow("tls with headers") << "requests:\n- protocol: tls\n  headers: {a: b}\n"
                                          << 3 << 3 << "headers does not apply to protocol tls"
                                          << "host (the SNI)";
        QTest::newRow("grpc with a body") << "requests:\n- protocol: grpc\n  body: x\n"
                                          << 3 << 3 << "body does not apply to protocol grpc"
                                          << "grpc: {service, method}";
        QTest::newRow("grpc field on an http line")
            << "requests:\n- path: /a\n  grpc: {service: s, method: m}\n"
            << 3 << 3 << "grpc does not apply to protocol http"
            << "protocol: grpc only";
        QTest::newRow("grpc service with a slash")
            << "requests:\n- protocol: grpc\n  grpc: {service: a/b}\n"
            << 3 << 19 << "grpc.service must be a name without spaces or /, not \"a/b\""
            << "";
        QTest::newRow("grpc not a map") << "requests:\n- protocol: grpc\n  grpc: Echo\n"
                                        << 3 << 9 << "grpc is a map: {service, method}"
                                        << "";
    }

    void defaultMixHasOneRequestPerHostAndMatch()
    {
        namespace RT = Torii::RouteTable;
        RT::RouteTableBuilder builder;
        builder.addListener(80, RT::ListenerProtocol::HTTP);
        RT::HttpRoute exact;
        exact.source = {"HTTPRoute", "default", "web", 0, "", 0, 0};
        exact.match.path = RT::PathMatch{RT::PathMatchType::Exact, "/login"};
        exact.match.method = "POST";
        exact.match.headers.push_back({RT::StringMatchType::Exact, "x-canary", "true"});
        exact.match.queryParams.push_back({RT::StringMatchType::Exact, "v", "2"});
        exact.backends.push_back({"default", "web", 80, 1});
        builder.addHttpRoute(80, {"a.example.com", "*.example.org"}, exact);
        RT::HttpRoute regex;
        regex.source = {"HTTPRoute", "default", "web", 1, "", 0, 0};
        regex.match.path = RT::PathMatch{RT::PathMatchType::RegularExpression, "/x.*"};
        builder.addHttpRoute(80, {"a.example.com"}, regex);
        RT::HttpRoute all;
        all.source = {"HTTPRoute", "default", "any", 0, "", -1, 1};
        builder.addHttpRoute(80, {"*"}, all);
        std::map<std::string, std::shared_ptr<const RT::RouteTable>> tables;
        tables["gw/edge"] = builder.build();

        const DefaultMix mix = defaultMix(tables);
        QCOMPARE(mix.mix.templates.size(), std::size_t(3));
        QCOMPARE(mix.skipped, std::vector<std::string>{"HTTPRoute default/web rule 1"});
        std::set<std::string> hosts;
        for (const RequestTemplate &t : mix.mix.templates) {
            hosts.insert(t.host);
            QCOMPARE(t.listener.toString(), std::string("gw/edge:80"));
            if (t.host != "any.torii.invalid") {
                QCOMPARE(t.method, std::string("POST"));
                QCOMPARE(t.path, std::string("/login?v=2"));
                QCOMPARE(t.headers.size(), std::size_t(1));
                // The made-up request lands on the row it was made for.
                RT::Request req;
                req.method = t.method;
                req.host = t.host;
                req.path = t.path;
                req.headers.push_back({t.headers[0].first, t.headers[0].second});
                const RT::MatchResult m = tables["gw/edge"]->lookup(80, req);
                QVERIFY(m.route);
                QCOMPARE(m.route->source.name, std::string("web"));
            }
        }
        QCOMPARE(hosts,
                 (std::set<std::string>{"a.example.com", "www.example.org", "any.torii.invalid"}));
        QCOMPARE(serviceOfPod("webapp-canary-7d9f8b6c4d-x2x9z"), std::string("webapp-canary"));
        QCOMPARE(serviceOfPod("plain"), std::string("plain"));
    }
};

QTEST_GUILESS_MAIN(TstTrafficMix)
#include "tst_traffic_mix.moc"
