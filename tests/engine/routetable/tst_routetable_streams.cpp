// TLS, TCP and UDP routes: lookupStream() and the listener view (gateway-api v1.6.1).
#include "routetable_test_support.h"

#include <QtTest/QTest>

using namespace Torii::RouteTable;
using namespace Torii::RouteTable::TestSupport;

namespace {

StreamRoute stream(const std::string &label, const std::string &kind, const std::string &ns,
                   const std::string &name, std::int64_t created = 0, int rule = 0)
{
    StreamRoute route;
    route.source.kind = kind;
    route.source.ns = ns;
    route.source.name = name;
    route.source.ruleName = label;
    route.source.ruleIndex = rule;
    route.source.creationOrder = created;
    Backend backend;
    backend.ns = ns;
    backend.service = label;
    backend.port = 443;
    route.backends.push_back(backend);
    return route;
}

QString labelOf(const StreamRoute *route)
{
    return route ? QString::fromStdString(route->source.ruleName) : QStringLiteral("none");
}

std::shared_ptr<const RouteTable> tlsTable()
{
    RouteTableBuilder builder;
    builder.addListener(443, ListenerProtocol::TLS);
    builder.addStreamRoute(443, {"a.example.com"}, stream("EXACT", "TLSRoute", "ns", "exact"));
    builder.addStreamRoute(443, {"*.example.com"}, stream("WILD", "TLSRoute", "ns", "wild"));
    builder.addStreamRoute(443, {"*.b.example.com"}, stream("WILDB", "TLSRoute", "ns", "wildb"));
    builder.addStreamRoute(443, {"*"}, stream("ANY", "TLSRoute", "ns", "any"));
    // Same SNI, several routes: the oldest, then namespace/name, then the first rule.
    builder.addStreamRoute(443, {"multi.example.org"}, stream("NEW", "TLSRoute", "a", "a", 5));
    builder.addStreamRoute(443, {"multi.example.org"}, stream("OLD", "TLSRoute", "z", "z", 1));
    builder.addStreamRoute(443, {"tie.example.org"}, stream("ZZ", "TLSRoute", "b", "a", 1));
    builder.addStreamRoute(443, {"tie.example.org"}, stream("AA", "TLSRoute", "a", "z", 1));
    builder.addStreamRoute(443, {"rule.example.org"}, stream("R1", "TLSRoute", "a", "a", 1, 1));
    builder.addStreamRoute(443, {"rule.example.org"}, stream("R0", "TLSRoute", "a", "a", 1, 0));
    return builder.build();
}

} // namespace

class TestRouteTableStreams : public QObject
{
    Q_OBJECT

private slots:
    void tlsBySni_data()
    {
        QTest::addColumn<QString>("sni");
        QTest::addColumn<QString>("winner");
        // TLSRoute hostnames "match against the SNI attribute of TLS ClientHello"; the listener
        // rule applies: "Exact matches MUST be processed before wildcard matches, and wildcard
        // matches MUST be processed before fallback (empty Hostname value) matches."
        QTest::newRow("exact") << "a.example.com"
                               << "EXACT";
        QTest::newRow("wildcard") << "x.example.com"
                                  << "WILD";
        QTest::newRow("more specific wildcard") << "x.b.example.com"
                                                << "WILDB";
        QTest::newRow("wildcard spans labels") << "x.y.example.com"
                                               << "WILD";
        QTest::newRow("apex is not the wildcard") << "example.com"
                                                  << "ANY";
        QTest::newRow("fallback") << "other.net"
                                  << "ANY";
        QTest::newRow("no SNI") << ""
                                << "ANY";
        QTest::newRow("case-insensitive") << "A.Example.COM"
                                          << "EXACT";
        // "The oldest Route based on creation timestamp." / "the Route appearing first in
        // alphabetical order (namespace/name)" (Listener.allowedRoutes).
        QTest::newRow("oldest route") << "multi.example.org"
                                      << "OLD";
        QTest::newRow("namespace/name on equal age") << "tie.example.org"
                                                     << "AA";
        QTest::newRow("first rule") << "rule.example.org"
                                    << "R0";
    }

    void tlsBySni()
    {
        QFETCH(QString, sni);
        QFETCH(QString, winner);
        QCOMPARE(labelOf(tlsTable()->lookupStream(443, sni.toStdString())), winner);
    }

    void tlsWithoutFallback()
    {
        RouteTableBuilder builder;
        builder.addStreamRoute(443, {"a.example.com"}, stream("A", "TLSRoute", "ns", "a"));
        const auto t = builder.build();
        QCOMPARE(t->listener(443)->protocol, ListenerProtocol::TLS); // implied by the hostname
        QCOMPARE(labelOf(t->lookupStream(443, "a.example.com")), QStringLiteral("A"));
        QCOMPARE(labelOf(t->lookupStream(443, "b.example.com")), QStringLiteral("none"));
        QCOMPARE(labelOf(t->lookupStream(444, "a.example.com")), QStringLiteral("none"));
    }

    void tcpAndUdp_data()
    {
        QTest::addColumn<int>("protocol");
        QTest::addColumn<QString>("kind");
        QTest::newRow("TCP") << int(ListenerProtocol::TCP) << "TCPRoute";
        QTest::newRow("UDP") << int(ListenerProtocol::UDP) << "UDPRoute";
    }

    // TCP/UDP: the port's first route by creation, then namespace/name; SNI plays no part.
    void tcpAndUdp()
    {
        QFETCH(int, protocol);
        QFETCH(QString, kind);
        const std::string k = kind.toStdString();
        RouteTableBuilder builder;
        builder.addListener(5000, static_cast<ListenerProtocol>(protocol));
        builder.addStreamRoute(5000, {"*"}, stream("NEWER", k, "a", "a", 9));
        builder.addStreamRoute(5000, {"*"}, stream("B", k, "b", "b", 2));
        builder.addStreamRoute(5000, {"*"}, stream("A", k, "a", "z", 2));
        const auto t = builder.build();
        QCOMPARE(labelOf(t->lookupStream(5000)), QStringLiteral("A"));
        QCOMPARE(labelOf(t->lookupStream(5000, "anything.example.com")), QStringLiteral("A"));
        const auto view = t->listener(5000);
        QCOMPARE(int(view->protocol), protocol);
        QCOMPARE(view->hosts.size(), std::size_t(1));
        QCOMPARE(view->hosts[0].hostname, std::string("*"));
        QCOMPARE(view->hosts[0].streams.size(), std::size_t(3));
        QCOMPARE(labelOf(view->hosts[0].streams[0]), QStringLiteral("A"));
        QCOMPARE(labelOf(view->hosts[0].streams[2]), QStringLiteral("NEWER"));
        QVERIFY(view->hosts[0].routes.empty());
        QCOMPARE(t->lookup(5000, request("GET /")).route, nullptr);
    }

    void impliedTcp()
    {
        RouteTableBuilder builder;
        builder.addStreamRoute(6000, {"*"}, stream("T", "TCPRoute", "ns", "t"));
        const auto t = builder.build();
        QCOMPARE(t->listener(6000)->protocol, ListenerProtocol::TCP);
        QCOMPARE(labelOf(t->lookupStream(6000)), QStringLiteral("T"));
    }

    // HTTPS and TLS listeners sharing a port: HTTP lookups see only entries with HTTP rows and
    // stream lookups only entries with stream routes.
    void sharedPort()
    {
        RouteTableBuilder builder;
        builder.addListener(443, ListenerProtocol::HTTPS);
        builder.addListener(443, ListenerProtocol::TLS); // the first protocol stays
        builder.addStreamRoute(443, {"*.pass.example.com"}, stream("PASS", "TLSRoute", "ns", "p"));
        builder.addHttpRoute(443, {"*"}, row("WEB prefix:/"));
        const auto t = builder.build();
        QCOMPARE(t->listener(443)->protocol, ListenerProtocol::HTTPS);
        QCOMPARE(labelOf(t->lookupStream(443, "x.pass.example.com")), QStringLiteral("PASS"));
        QCOMPARE(labelOf(t->lookupStream(443, "www.example.com")), QStringLiteral("none"));
        QCOMPARE(TestSupport::labelOf(t->lookup(443, request("GET /", "x.pass.example.com")).route),
                 QStringLiteral("WEB"));
        const auto view = t->listener(443);
        QCOMPARE(view->hosts.size(), std::size_t(2));
        QCOMPARE(view->hosts[0].hostname, std::string("*.pass.example.com"));
        QCOMPARE(view->hosts[1].hostname, std::string("*"));
    }

    void protocolNames()
    {
        QCOMPARE(QString(toString(ListenerProtocol::HTTPS)), QStringLiteral("HTTPS"));
        QCOMPARE(QString(toString(ListenerProtocol::UDP)), QStringLiteral("UDP"));
        QCOMPARE(QString(toString(PathMatchType::PathPrefix)), QStringLiteral("PathPrefix"));
        QCOMPARE(QString(toString(StringMatchType::RegularExpression)),
                 QStringLiteral("RegularExpression"));
    }
};

QTEST_GUILESS_MAIN(TestRouteTableStreams)
#include "tst_routetable_streams.moc"
