// Precedence of rows inside one host entry, from the HTTPRoute and GRPCRoute spec text
// (gateway-api v1.6.1, HTTPRouteRule.matches and GRPCRouteRule.matches).
#include "routetable_test_support.h"

#include <QtTest/QTest>

using namespace Torii::RouteTable;
using namespace Torii::RouteTable::TestSupport;

class TestRouteTablePrecedence : public QObject
{
    Q_OBJECT

private:
    // Both insertion orders must give the same winner: precedence never depends on load order.
    static void checkWinner(const QString &a, const QString &b, const QString &req,
                            const QString &expected)
    {
        for (const QString &rows : {a + ";" + b, b + ";" + a}) {
            const auto t = table(rows);
            const MatchResult result = t->lookup(80, request(req));
            QCOMPARE(labelOf(result.route), expected);
            QCOMPARE(labelOf(t->explain(80, request(req)).result.route), expected);
        }
    }

private slots:
    void pairs_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<QString>("req");
        QTest::addColumn<QString>("winner");

        // "precedence must be given to the match having: * "Exact" path match. * "Prefix" path
        // match with largest number of characters. * Method match. * Largest number of header
        // matches. * Largest number of query param matches."
        QTest::newRow("Exact beats a longer prefix") << "A exact:/foo"
                                                     << "B prefix:/foo/ method:GET header:x=1"
                                                     << "GET /foo h:x=1"
                                                     << "A";
        QTest::newRow("Exact beats a prefix with more of everything")
            << "A exact:/foo/bar"
            << "B prefix:/foo method:GET header:x=1 query:q=1"
            << "GET /foo/bar?q=1 h:x=1"
            << "A";
        QTest::newRow("longer prefix beats shorter") << "A prefix:/foo/bar"
                                                     << "B prefix:/foo"
                                                     << "GET /foo/bar/baz"
                                                     << "A";
        QTest::newRow("longer prefix counts characters as written") << "A prefix:/foo/"
                                                                    << "B prefix:/foo"
                                                                    << "GET /foo/x"
                                                                    << "A";
        QTest::newRow("longer prefix beats method") << "A prefix:/foo/bar"
                                                    << "B prefix:/foo method:GET"
                                                    << "GET /foo/bar"
                                                    << "A";
        QTest::newRow("method beats headers") << "A prefix:/ method:GET"
                                              << "B prefix:/ header:x=1 header:y=2"
                                              << "GET / h:x=1 h:y=2"
                                              << "A";
        QTest::newRow("more headers beat fewer") << "A header:x=1 header:y=2"
                                                 << "B header:x=1"
                                                 << "GET / h:x=1 h:y=2"
                                                 << "A";
        QTest::newRow("headers beat query params") << "A header:x=1"
                                                   << "B query:p=1 query:q=2"
                                                   << "GET /?p=1&q=2 h:x=1"
                                                   << "A";
        QTest::newRow("more query params beat fewer") << "A query:p=1 query:q=2"
                                                      << "B query:p=1"
                                                      << "GET /?p=1&q=2"
                                                      << "A";
        // "If multiple entries specify equivalent header names, only the first entry with an
        // equivalent name MUST be considered for a match." A repeated name counts once.
        QTest::newRow("a repeated header name counts once") << "A header:x=1 header:y=1"
                                                            << "B header:x=1 header:X=2"
                                                            << "GET / h:x=1 h:y=1"
                                                            << "A";

        // "Note: The precedence of RegularExpression path matches are implementation-specific."
        // Torii: after Exact, before PathPrefix (Envoy Gateway's order).
        QTest::newRow("regex after Exact") << "A exact:/foo"
                                           << "B regex:/f.*"
                                           << "GET /foo"
                                           << "A";
        QTest::newRow("regex before a longer prefix") << "A regex:/f.*"
                                                      << "B prefix:/foo/bar"
                                                      << "GET /foo/bar"
                                                      << "A";
        QTest::newRow("longer regex first") << "A regex:/foo/.*"
                                            << "B regex:/.*"
                                            << "GET /foo/x"
                                            << "A";

        // "If no matches are specified, the default is a prefix path match on "/"".
        QTest::newRow("match-all is prefix /: a longer prefix wins") << "A prefix:/a"
                                                                     << "B header:x=1 match:-1"
                                                                     << "GET /a h:x=1"
                                                                     << "A";
        QTest::newRow("match-all is prefix /: then headers decide") << "A prefix:/ header:x=1"
                                                                    << "B match:-1"
                                                                    << "GET /a h:x=1"
                                                                    << "A";

        // "If ties still exist across multiple Routes, matching precedence MUST be determined in
        // order of the following criteria, continuing on ties: * The oldest Route based on
        // creation timestamp. * The Route appearing first in alphabetical order by
        // "{namespace}/{name}"."
        QTest::newRow("older creation beats newer") << "A prefix:/ route:z/z created:1"
                                                    << "B prefix:/ route:a/a created:2"
                                                    << "GET /"
                                                    << "A";
        QTest::newRow("older creation loses to a better match") << "A prefix:/ route:a/a created:1"
                                                                << "B prefix:/x route:z/z created:2"
                                                                << "GET /x"
                                                                << "B";
        QTest::newRow("namespace/name alphabetical: namespace first") << "A route:a/z"
                                                                      << "B route:b/a"
                                                                      << "GET /"
                                                                      << "A";
        QTest::newRow("namespace/name alphabetical: then name") << "A route:a/a"
                                                                << "B route:a/b"
                                                                << "GET /"
                                                                << "A";
        QTest::newRow("namespace/name compared as one string") << "A route:a-b/y"
                                                               << "B route:a/x"
                                                               << "GET /"
                                                               << "A";

        // "If ties still exist within an HTTPRoute, matching precedence MUST be granted to the
        // FIRST matching rule (in list order) with a match meeting the above criteria."
        QTest::newRow("rule order") << "A rule:0"
                                    << "B rule:1"
                                    << "GET /"
                                    << "A";
        QTest::newRow("rule order before match order") << "A rule:0 match:3"
                                                       << "B rule:1 match:0"
                                                       << "GET /"
                                                       << "A";
        QTest::newRow("match order") << "A rule:2 match:0"
                                     << "B rule:2 match:1"
                                     << "GET /"
                                     << "A";
        QTest::newRow("a later rule with a better match wins") << "A rule:0 prefix:/"
                                                               << "B rule:1 prefix:/x"
                                                               << "GET /x"
                                                               << "B";

        // GRPCRoute: "Precedence MUST be given to the rule with the largest number of:
        // * Characters in a matching non-wildcard hostname. * Characters in a matching hostname.
        // * Characters in a matching service. * Characters in a matching method.
        // * Header matches."
        QTest::newRow("gRPC: more service characters") << "A grpc:pkg.Service/"
                                                       << "B grpc~pkg[.].*/"
                                                       << "POST /pkg.Service/Get grpc"
                                                       << "A";
        QTest::newRow("gRPC: service-only beats method-only") << "A grpc:pkg.Svc/"
                                                              << "B grpc:/Get"
                                                              << "POST /pkg.Svc/Get grpc"
                                                              << "A";
        QTest::newRow("gRPC: method characters after service") << "A grpc:pkg.Svc/Get"
                                                               << "B grpc:pkg.Svc/ header:x=1"
                                                               << "POST /pkg.Svc/Get grpc h:x=1"
                                                               << "A";
        QTest::newRow("gRPC: then header matches") << "A grpc:pkg.Svc/Get header:x=1"
                                                   << "B grpc:pkg.Svc/Get"
                                                   << "POST /pkg.Svc/Get grpc h:x=1"
                                                   << "A";
        QTest::newRow("gRPC: then the oldest route") << "A grpc:pkg.Svc/Get route:b/b created:1"
                                                     << "B grpc:pkg.Svc/Get route:a/a created:2"
                                                     << "POST /pkg.Svc/Get grpc"
                                                     << "A";
        QTest::newRow("gRPC: then namespace/name") << "A grpc:pkg.Svc/Get route:a/b"
                                                   << "B grpc:pkg.Svc/Get route:b/a"
                                                   << "POST /pkg.Svc/Get grpc"
                                                   << "A";
        QTest::newRow("gRPC: then the first rule") << "A grpc:pkg.Svc/Get rule:0"
                                                   << "B grpc:pkg.Svc/Get rule:1"
                                                   << "POST /pkg.Svc/Get grpc"
                                                   << "A";
    }

    void pairs()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(QString, req);
        QFETCH(QString, winner);
        checkWinner(a, b, req, winner);
    }

    // All criteria at once: the host entry's rows, as `toriictl routes` lists them.
    void combinedOrder()
    {
        const QString rows = "P1 prefix:/a;"
                             "H1 prefix:/ header:x=1;"
                             "E exact:/a/b/c;"
                             "P3 prefix:/a/b/c;"
                             "Q2 prefix:/ query:p=1 query:q=1;"
                             "M prefix:/ method:GET;"
                             "R regex:/a/.*;"
                             "H2 prefix:/ header:x=1 header:y=1;"
                             "OLD prefix:/ route:z/z created:-5;"
                             "ALL route:m/m match:-1;"
                             "N1 prefix:/ route:n/a;"
                             "N2 prefix:/ route:n/b rule:0;"
                             "N3 prefix:/ route:n/b rule:1 match:0;"
                             "N4 prefix:/ route:n/b rule:1 match:1";
        const auto t = table(rows);
        const auto view = t->listener(80);
        QVERIFY(view.has_value());
        QCOMPARE(view->hosts.size(), std::size_t(1));
        QCOMPARE(labels(view->hosts[0].routes),
                 QStringLiteral("E R P3 P1 M H2 H1 Q2 OLD ALL N1 N2 N3 N4"));
    }

    void combinedLookups_data()
    {
        QTest::addColumn<QString>("req");
        QTest::addColumn<QString>("winner");
        QTest::newRow("exact") << "GET /a/b/c h:x=1"
                               << "E";
        QTest::newRow("regex over prefixes") << "GET /a/b/d"
                                             << "R";
        QTest::newRow("regex before the longest prefix") << "GET /a/b/c/d"
                                                         << "R";
        QTest::newRow("prefix /a") << "GET /a"
                                   << "P1";
        QTest::newRow("method") << "GET /z h:x=1 h:y=1"
                                << "M";
        QTest::newRow("two headers") << "POST /z h:x=1 h:y=1"
                                     << "H2";
        QTest::newRow("one header") << "POST /z?p=1&q=1 h:x=1"
                                    << "H1";
        QTest::newRow("query") << "POST /z?p=1&q=1"
                               << "Q2";
        QTest::newRow("oldest of the rest") << "POST /z"
                                            << "OLD";
    }

    void combinedLookups()
    {
        QFETCH(QString, req);
        QFETCH(QString, winner);
        const QString rows = "P1 prefix:/a; H1 prefix:/ header:x=1; E exact:/a/b/c; "
                             "R regex:/a/.+/.*; H2 prefix:/ header:x=1 header:y=1; "
                             "Q2 prefix:/ query:p=1 query:q=1; M prefix:/ method:GET; "
                             "OLD prefix:/ created:-5; P3 prefix:/a/b/c";
        checkWinner(rows, QString(), req, winner);
    }
};

QTEST_GUILESS_MAIN(TestRouteTablePrecedence)
#include "tst_routetable_precedence.moc"
