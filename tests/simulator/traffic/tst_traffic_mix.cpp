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
  protocol: http          # http | https | h2 | grpc | tcp | udp | tls
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
                                          "  protocol: h2\n"
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
        const Core::Diagnostic *h2 = find(r.diagnostics, "mix.protocol-not-served");
        QVERIFY(h2);
        QCOMPARE(h2->line, 4);
        QVERIFY(h2->message.find("does not send h2 yet") != std::string::npos);
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
        for (const char *p : {"http", "https", "h2", "grpc", "tcp", "udp", "tls"}) {
            QCOMPARE(std::string(toString(*protocolFromString(p))), std::string(p));
        }
        QVERIFY(!protocolFromString("HTTP"));
    }

    void httpsIsSentAndLaterProtocolsAreRefusedWhereWritten()
    {
        const MixParseResult https = parseMix("requests:\n"
                                              "- protocol: https\n"
                                              "  host: secure.example.com\n"
                                              "- host: plain.example.com\n",
                                              "https.yaml");
        QVERIFY(https.ok());
        QCOMPARE(https.mix.templates[0].protocol, Protocol::Https);
        QCOMPARE(https.mix.templates[1].protocol, Protocol::Http); // the default
        QVERIFY(isServedProtocol(Protocol::Http));
        QVERIFY(isServedProtocol(Protocol::Https));

        for (const char *later : {"h2", "grpc", "tcp", "udp", "tls"}) {
            const std::string text =
                std::string("requests:\n- host: a.example.com\n  protocol:   ") + later + "\n";
            const MixParseResult r = parseMix(text, "later.yaml");
            QVERIFY2(!r.ok(), later);
            QVERIFY(!isServedProtocol(*protocolFromString(later)));
            const Core::Diagnostic *d = find(r.diagnostics, "mix.protocol-not-served");
            QVERIFY2(d, later);
            QCOMPARE(d->file, std::string("later.yaml"));
            QCOMPARE(d->line, 3);
            QCOMPARE(d->column, 15); // the value, not the key
            QVERIFY2(d->message.find(std::string("does not send ") + later + " yet") !=
                         std::string::npos,
                     d->message.c_str());
            QVERIFY(d->message.find("part 2 (issue 5)") != std::string::npos);
            QVERIFY(d->message.find("http and https") != std::string::npos);
        }

        const MixParseResult unknown = parseMix("requests:\n- protocol: quic\n", "unknown.yaml");
        const Core::Diagnostic *d = find(unknown.diagnostics, "mix.protocol");
        QVERIFY(d);
        QCOMPARE(d->line, 2);
        QCOMPARE(d->column, 13);
        QVERIFY2(d->message.find("\"quic\"; use http, https, h2, grpc, tcp, udp or tls") !=
                     std::string::npos,
                 d->message.c_str());
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
