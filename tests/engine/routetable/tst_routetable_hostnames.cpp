// Host entry selection, from HTTPRoute.spec.hostnames (gateway-api v1.6.1).
#include "routetable_test_support.h"

#include <QtTest/QTest>

using namespace Torii::RouteTable;
using namespace Torii::RouteTable::TestSupport;

namespace {

std::shared_ptr<const RouteTable> hostTable()
{
    RouteTableBuilder builder;
    builder.addListener(80, ListenerProtocol::HTTP);
    builder.addHttpRoute(80, {"a.example.com"}, row("EXACT prefix:/"));
    builder.addHttpRoute(80, {"*.example.com"}, row("WILD prefix:/"));
    builder.addHttpRoute(80, {"*.b.example.com"}, row("WILDB prefix:/"));
    builder.addHttpRoute(80, {"*"}, row("ANY prefix:/"));
    builder.addHttpRoute(80, {"only.example.com"}, row("ONLY prefix:/only"));
    builder.addHttpRoute(80, {"*.narrow.org"}, row("NARROW prefix:/narrow"));
    builder.addHttpRoute(80, {"Upper.Example.NET"}, row("UPPER prefix:/"));
    return builder.build();
}

} // namespace

class TestRouteTableHostnames : public QObject
{
    Q_OBJECT

private slots:
    void selection_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("winner");
        QTest::addColumn<QString>("entry");

        // "precedence must be given to rules from the HTTPRoute with the largest number of:
        // * Characters in a matching non-wildcard hostname. * Characters in a matching hostname."
        QTest::newRow("exact before wildcard") << "a.example.com"
                                               << "/"
                                               << "EXACT"
                                               << "a.example.com";
        QTest::newRow("wildcard") << "x.example.com"
                                  << "/"
                                  << "WILD"
                                  << "*.example.com";
        QTest::newRow("most specific wildcard") << "x.b.example.com"
                                                << "/"
                                                << "WILDB"
                                                << "*.b.example.com";
        // "a match for `*.example.com` would match both `test.example.com`, and
        // `foo.test.example.com`, but not `example.com`."
        QTest::newRow("wildcard spans several labels") << "foo.test.example.com"
                                                       << "/"
                                                       << "WILD"
                                                       << "*.example.com";
        QTest::newRow("wildcard never matches the apex") << "example.com"
                                                         << "/"
                                                         << "ANY"
                                                         << "*";
        QTest::newRow("apex of the narrower wildcard falls to the wider") << "b.example.com"
                                                                          << "/"
                                                                          << "WILD"
                                                                          << "*.example.com";
        QTest::newRow("\"*\" fallback") << "other.org"
                                        << "/"
                                        << "ANY"
                                        << "*";
        QTest::newRow("no Host header") << ""
                                        << "/"
                                        << "ANY"
                                        << "*";
        // "Implementations MUST ignore any port value specified in the HTTP Host header while
        // performing a match"
        QTest::newRow("port ignored") << "a.example.com:8080"
                                      << "/"
                                      << "EXACT"
                                      << "a.example.com";
        QTest::newRow("port ignored on a wildcard") << "x.example.com:443"
                                                    << "/"
                                                    << "WILD"
                                                    << "*.example.com";
        QTest::newRow("IPv6 literal with port") << "[::1]:8080"
                                                << "/"
                                                << "ANY"
                                                << "*";
        QTest::newRow("IPv4 with port") << "10.0.0.1:80"
                                        << "/"
                                        << "ANY"
                                        << "*";
        // Host names are case-insensitive (RFC 4343), on both sides.
        QTest::newRow("request case-insensitive") << "A.EXAMPLE.Com"
                                                  << "/"
                                                  << "EXACT"
                                                  << "a.example.com";
        QTest::newRow("route hostname case-insensitive") << "upper.example.net"
                                                         << "/"
                                                         << "UPPER"
                                                         << "upper.example.net";
        QTest::newRow("trailing dot") << "a.example.com."
                                      << "/"
                                      << "EXACT"
                                      << "a.example.com";
        // The chosen entry is the only one searched (GatewayHTTPListenerIsolation expects 404).
        QTest::newRow("exact entry matches") << "only.example.com"
                                             << "/only/x"
                                             << "ONLY"
                                             << "only.example.com";
        QTest::newRow("no fall-through from an exact entry") << "only.example.com"
                                                             << "/other"
                                                             << "404"
                                                             << "only.example.com";
        QTest::newRow("no fall-through from a wildcard entry") << "x.narrow.org"
                                                               << "/other"
                                                               << "404"
                                                               << "*.narrow.org";
    }

    void selection()
    {
        QFETCH(QString, host);
        QFETCH(QString, path);
        QFETCH(QString, winner);
        QFETCH(QString, entry);
        const auto t = hostTable();
        Request req = request("GET " + path);
        req.host = host.toStdString();
        const MatchResult result = t->lookup(80, req);
        QCOMPARE(labelOf(result.route), winner);
        QCOMPARE(QString::fromStdString(result.hostnameKey), entry);
        const Explanation explanation = t->explain(80, req);
        QCOMPARE(labelOf(explanation.result.route), winner);
        QCOMPARE(QString::fromStdString(explanation.result.hostnameKey), entry);
    }

    void noCatchAllIs404()
    {
        RouteTableBuilder builder;
        builder.addHttpRoute(80, {"a.example.com"}, row("A prefix:/"));
        const auto t = builder.build();
        const MatchResult result = t->lookup(80, request("GET /", "b.example.com"));
        QVERIFY(!result.route);
        QVERIFY(result.hostnameKey.empty());
        QVERIFY(t->explain(80, request("GET /", "b.example.com"))
                    .hostReason.find("matches no host entry") != std::string::npos);
    }

    void hostReasons_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("reason");
        QTest::newRow("exact")
            << "a.example.com:80"
            << "host \"a.example.com:80\" selects entry \"a.example.com\": exact name";
        QTest::newRow("wildcard") << "x.b.example.com"
                                  << "host \"x.b.example.com\" selects entry \"*.b.example.com\": "
                                     "no exact entry; the most "
                                     "specific wildcard matching \"x.b.example.com\"";
        QTest::newRow("any") << "example.com"
                             << "host \"example.com\" selects entry \"*\": no exact or wildcard "
                                "entry matches \"example.com\"";
    }

    void hostReasons()
    {
        QFETCH(QString, host);
        QFETCH(QString, reason);
        const Explanation e = hostTable()->explain(80, request("GET /", host.toStdString()));
        QCOMPARE(QString::fromStdString(e.hostReason), reason);
    }

    // ListenerView: "exact names first, then wildcards most specific first, then "*"".
    void viewOrder()
    {
        const auto view = hostTable()->listener(80);
        QVERIFY(view.has_value());
        QStringList keys;
        for (const auto &host : view->hosts) {
            keys << QString::fromStdString(host.hostname);
        }
        QCOMPARE(keys.join(' '), QStringLiteral("a.example.com only.example.com upper.example.net "
                                                "*.b.example.com *.example.com *.narrow.org *"));
    }

    void rowUnderSeveralHostnames()
    {
        RouteTableBuilder builder;
        builder.addHttpRoute(80, {"a.example.com", "*.example.org", "A.example.com"},
                             row("R prefix:/r"));
        builder.addHttpRoute(80, {"a.example.com"}, row("S prefix:/s"));
        const auto t = builder.build();
        const auto view = t->listener(80);
        QCOMPARE(view->hosts.size(), std::size_t(2));
        QCOMPARE(labels(view->hosts[0].routes), QStringLiteral("R S"));
        QCOMPARE(labels(view->hosts[1].routes), QStringLiteral("R"));
        QCOMPARE(labelOf(t->lookup(80, request("GET /r", "x.example.org")).route),
                 QStringLiteral("R"));
        QCOMPARE(labelOf(t->lookup(80, request("GET /s", "x.example.org")).route),
                 QStringLiteral("404"));
    }

    void portsAreSeparate()
    {
        RouteTableBuilder builder;
        builder.addListener(80, ListenerProtocol::HTTP);
        builder.addListener(8080, ListenerProtocol::HTTP);
        builder.addHttpRoute(80, {"*"}, row("P80 prefix:/"));
        builder.addHttpRoute(8080, {"*"}, row("P8080 prefix:/"));
        builder.addListener(9090, ListenerProtocol::HTTP);
        const auto t = builder.build();
        QCOMPARE(t->ports(), (std::vector<int>{80, 8080, 9090}));
        QCOMPARE(labelOf(t->lookup(80, request("GET /")).route), QStringLiteral("P80"));
        QCOMPARE(labelOf(t->lookup(8080, request("GET /")).route), QStringLiteral("P8080"));
        QCOMPARE(labelOf(t->lookup(9090, request("GET /")).route), QStringLiteral("404"));
        QCOMPARE(labelOf(t->lookup(81, request("GET /")).route), QStringLiteral("404"));
        QVERIFY(t->listener(9090).has_value());
        QVERIFY(t->listener(9090)->hosts.empty());
        QVERIFY(!t->listener(81).has_value());
        QCOMPARE(t->explain(81, request("GET /")).hostReason,
                 std::string("port 81 has no listener"));
    }

    void builderIsLeftEmpty()
    {
        RouteTableBuilder builder;
        builder.addHttpRoute(80, {"*"}, row("A prefix:/"));
        const auto first = builder.build();
        const auto second = builder.build();
        QCOMPARE(first->ports().size(), std::size_t(1));
        QVERIFY(second->ports().empty());
    }
};

QTEST_GUILESS_MAIN(TestRouteTableHostnames)
#include "tst_routetable_hostnames.moc"
