// What one row matches: path, headers, query params, method, gRPC service/method; explain()
// texts; invalid regexes. From HTTPRouteMatch and GRPCRouteMatch (gateway-api v1.6.1).
#include "routetable_test_support.h"

#include <QtTest/QTest>

#include <random>

using namespace Torii;
using namespace Torii::RouteTable;
using namespace Torii::RouteTable::TestSupport;

class TestRouteTableMatching : public QObject
{
    Q_OBJECT

private slots:
    void singleRow_data()
    {
        QTest::addColumn<QString>("rowDescriptor");
        QTest::addColumn<QString>("req");
        QTest::addColumn<bool>("matches");

        // PathPrefix: "This matches full path elements. A path element refers to the list of
        // labels in the path split by the `/` separator. When specified, a trailing `/` is
        // ignored. For example, the paths `/abc`, `/abc/`, and `/abc/def` would all match the
        // prefix `/abc`, but the path `/abcd` would not."
        QTest::newRow("prefix itself") << "A prefix:/abc"
                                       << "GET /abc" << true;
        QTest::newRow("prefix with slash") << "A prefix:/abc"
                                           << "GET /abc/" << true;
        QTest::newRow("prefix child") << "A prefix:/abc"
                                      << "GET /abc/def" << true;
        QTest::newRow("prefix not a segment") << "A prefix:/abc"
                                              << "GET /abcd" << false;
        QTest::newRow("shorter path") << "A prefix:/abc"
                                      << "GET /ab" << false;
        QTest::newRow("trailing slash ignored: itself") << "A prefix:/abc/"
                                                        << "GET /abc" << true;
        QTest::newRow("trailing slash ignored: child") << "A prefix:/abc/"
                                                       << "GET /abc/def" << true;
        QTest::newRow("trailing slash ignored: not a segment") << "A prefix:/abc/"
                                                               << "GET /abcd" << false;
        QTest::newRow("deep prefix") << "A prefix:/a/b"
                                     << "GET /a/b/c/d" << true;
        QTest::newRow("deep prefix, other element") << "A prefix:/a/b"
                                                    << "GET /a/bc" << false;
        QTest::newRow("root matches all") << "A prefix:/"
                                          << "GET /anything/at/all" << true;
        QTest::newRow("case-sensitive") << "A prefix:/abc"
                                        << "GET /ABC" << false;
        QTest::newRow("query string ignored") << "A prefix:/abc"
                                              << "GET /abc?x=/y" << true;
        QTest::newRow("query string not part of the path") << "A prefix:/abc"
                                                           << "GET /ab?c" << false;
        QTest::newRow("fragment ignored") << "A prefix:/abc"
                                          << "GET /abc#top" << true;
        QTest::newRow("no path: default prefix /") << "A match:-1"
                                                   << "GET /x/y" << true;
        // Exact: "Matches the URL path exactly and with case sensitivity."
        QTest::newRow("exact") << "A exact:/abc"
                               << "GET /abc" << true;
        QTest::newRow("exact, query ignored") << "A exact:/abc"
                                              << "GET /abc?q=1" << true;
        QTest::newRow("exact, trailing slash differs") << "A exact:/abc"
                                                       << "GET /abc/" << false;
        QTest::newRow("exact, child") << "A exact:/abc"
                                      << "GET /abc/def" << false;
        QTest::newRow("exact, case") << "A exact:/abc"
                                     << "GET /Abc" << false;
        // RegularExpression (implementation-specific): RE2, full match on the path.
        QTest::newRow("regex") << "A regex:/v[0-9]+/.*"
                               << "GET /v12/x" << true;
        QTest::newRow("regex is a full match") << "A regex:/v[0-9]+"
                                               << "GET /v12/x" << false;
        QTest::newRow("regex, query ignored") << "A regex:/v[0-9]+"
                                              << "GET /v1?a=b" << true;

        // HTTPHeaderMatch: "Name matching MUST be case-insensitive."
        QTest::newRow("header exact") << "A header:x-canary=yes"
                                      << "GET / h:x-canary=yes" << true;
        QTest::newRow("header name case-insensitive") << "A header:X-Canary=yes"
                                                      << "GET / h:x-CANARY=yes" << true;
        QTest::newRow("header value case-sensitive") << "A header:x-canary=yes"
                                                     << "GET / h:x-canary=Yes" << false;
        QTest::newRow("header missing") << "A header:x-canary=yes"
                                        << "GET / h:other=yes" << false;
        QTest::newRow("header regex") << "A header~x-v=v[0-9]+"
                                      << "GET / h:x-v=v42" << true;
        QTest::newRow("header regex is a full match") << "A header~x-v=v[0-9]"
                                                      << "GET / h:x-v=v42" << false;
        // "When a header is repeated in an HTTP request, it is implementation-specific behavior as
        // to how this is represented." Torii joins the values with "," (RFC 9110 §5.3).
        QTest::newRow("repeated header joined") << "A header:x=a,b"
                                                << "GET / h:x=a h:X=b" << true;
        QTest::newRow("repeated header: one value is not enough") << "A header:x=a"
                                                                  << "GET / h:x=a h:x=b" << false;
        QTest::newRow("repeated header regex") << "A header~x=a,.*"
                                               << "GET / h:x=a h:x=b" << true;
        QTest::newRow("all headers must match") << "A header:x=1 header:y=2"
                                                << "GET / h:x=1 h:y=3" << false;

        // HTTPQueryParamMatch: "This must be an exact string match." "it is *recommended* that
        // implementations should match against the first value of the param".
        QTest::newRow("query exact") << "A query:v=1"
                                     << "GET /?v=1" << true;
        QTest::newRow("query among others") << "A query:v=1"
                                            << "GET /?a=2&v=1&b=3" << true;
        QTest::newRow("query value differs") << "A query:v=1"
                                             << "GET /?v=2" << false;
        QTest::newRow("query name case-sensitive") << "A query:v=1"
                                                   << "GET /?V=1" << false;
        QTest::newRow("query missing") << "A query:v=1"
                                       << "GET /x" << false;
        QTest::newRow("query first value") << "A query:v=1"
                                           << "GET /?v=1&v=2" << true;
        QTest::newRow("query not the second value") << "A query:v=2"
                                                    << "GET /?v=1&v=2" << false;
        QTest::newRow("query regex") << "A query~v=^[0-9]+$"
                                     << "GET /?v=123" << true;
        QTest::newRow("query regex full match") << "A query~v=[0-9]"
                                                << "GET /?v=123" << false;
        QTest::newRow("query percent-decoded") << "A query:q=a/b"
                                               << "GET /?q=a%2Fb" << true;
        QTest::newRow("query empty value") << "A query~q=.*"
                                           << "GET /?q" << true;

        // HTTPRouteMatch.method: "When specified, this route will be matched only if the
        // request has the specified method."
        QTest::newRow("method") << "A method:POST"
                                << "POST /" << true;
        QTest::newRow("method differs") << "A method:POST"
                                        << "GET /" << false;
        QTest::newRow("everything ANDed") << "A prefix:/a method:PUT header:x=1 query:q=2"
                                          << "PUT /a/b?q=2 h:x=1" << true;

        // GRPCMethodMatch: "Value of the service to match against. If left empty or omitted,
        // will match any service." / "... of the method ... will match all services."
        QTest::newRow("gRPC service and method") << "A grpc:pkg.Svc/Get"
                                                 << "POST /pkg.Svc/Get grpc" << true;
        QTest::newRow("gRPC other method") << "A grpc:pkg.Svc/Get"
                                           << "POST /pkg.Svc/Put grpc" << false;
        QTest::newRow("gRPC service only") << "A grpc:pkg.Svc/"
                                           << "POST /pkg.Svc/Put grpc" << true;
        QTest::newRow("gRPC service only, other service") << "A grpc:pkg.Svc/"
                                                          << "POST /pkg.Svc2/Put grpc" << false;
        QTest::newRow("gRPC method only") << "A grpc:/Get"
                                          << "POST /any.Svc/Get grpc" << true;
        QTest::newRow("gRPC method only, other method") << "A grpc:/Get"
                                                        << "POST /any.Svc/GetAll grpc" << false;
        QTest::newRow("gRPC regex service") << "A grpc~pkg[.].*/"
                                            << "POST /pkg.A/Get grpc" << true;
        QTest::newRow("gRPC regex method") << "A grpc~/Get.*"
                                           << "POST /x.Y/GetAll grpc" << true;
        QTest::newRow("gRPC regex both") << "A grpc~pkg[.].*/Get"
                                         << "POST /pkg.A/GetAll grpc" << false;
        QTest::newRow("gRPC needs a gRPC request") << "A grpc:pkg.Svc/Get"
                                                   << "POST /pkg.Svc/Get" << false;
        QTest::newRow("gRPC match-all") << "A kind:GRPCRoute"
                                        << "POST /x.Y/Z grpc" << true;
        QTest::newRow("gRPC match-all needs gRPC") << "A kind:GRPCRoute"
                                                   << "POST /x.Y/Z" << false;
        QTest::newRow("gRPC path must be /service/method") << "A grpc:pkg.Svc/"
                                                           << "POST /pkg.Svc/Get/x grpc" << false;
        QTest::newRow("gRPC headers") << "A grpc:pkg.Svc/ header:v=2"
                                      << "POST /pkg.Svc/M grpc h:v=2" << true;
        QTest::newRow("HTTPRoute rows serve gRPC requests too") << "A prefix:/pkg.Svc"
                                                                << "POST /pkg.Svc/Get grpc" << true;
    }

    void singleRow()
    {
        QFETCH(QString, rowDescriptor);
        QFETCH(QString, req);
        QFETCH(bool, matches);
        Core::Diagnostics diagnostics;
        const auto t = table(rowDescriptor, {"*"}, &diagnostics);
        QVERIFY(diagnostics.empty());
        const Request r = request(req);
        QCOMPARE(t->lookup(80, r).route != nullptr, matches);
        const Explanation e = t->explain(80, r);
        QCOMPARE(e.steps.size(), std::size_t(1));
        QCOMPARE(e.steps[0].matched, matches);
        QCOMPARE(e.result.route != nullptr, matches);
    }

    void explainTexts_data()
    {
        QTest::addColumn<QString>("rowDescriptor");
        QTest::addColumn<QString>("req");
        QTest::addColumn<QString>("reason");
        QTest::newRow("exact") << "A exact:/b"
                               << "GET /a"
                               << "path /a is not Exact /b";
        QTest::newRow("prefix") << "A prefix:/foo"
                                << "GET /foobar"
                                << "path /foobar is not under PathPrefix /foo";
        QTest::newRow("regex") << "A regex:/b.*"
                               << "GET /a"
                               << "path /a does not match RegularExpression /b.*";
        QTest::newRow("header missing") << "A header:x-canary=yes"
                                        << "GET /"
                                        << "header x-canary: missing";
        QTest::newRow("header value") << "A header:X-Canary=yes"
                                      << "GET / h:x-canary=no"
                                      << "header x-canary: no is not yes";
        QTest::newRow("header regex") << "A header~x=^y$"
                                      << "GET / h:x=n"
                                      << "header x: n does not match ^y$";
        QTest::newRow("method") << "A method:GET"
                                << "POST /"
                                << "method POST is not GET";
        QTest::newRow("query regex") << "A query~v=^1$"
                                     << "GET /?v=2"
                                     << "query ?v: 2 does not match ^1$";
        QTest::newRow("query missing") << "A query:v=1"
                                       << "GET /"
                                       << "query ?v: missing";
        QTest::newRow("query empty") << "A query:v=1"
                                     << "GET /?v="
                                     << "query ?v: (empty) is not 1";
        QTest::newRow("every failed condition")
            << "A prefix:/a method:GET header:x=1"
            << "POST /b"
            << "path /b is not under PathPrefix /a; method POST is not GET; header x: missing";
        QTest::newRow("not gRPC") << "A grpc:s/m"
                                  << "POST /s/m"
                                  << "not a gRPC request (GRPCRoute rows match gRPC requests only)";
        QTest::newRow("gRPC service") << "A grpc:pkg.S/M"
                                      << "POST /pkg.T/M grpc"
                                      << "gRPC service pkg.T is not pkg.S";
        QTest::newRow("gRPC method regex") << "A grpc~/Get.*"
                                           << "POST /pkg.T/Put grpc"
                                           << "gRPC method Put does not match Get.*";
        QTest::newRow("gRPC path") << "A grpc:pkg.S/"
                                   << "POST /pkg.S grpc"
                                   << "path /pkg.S is not a gRPC path /service/method";
        QTest::newRow("match") << "A prefix:/a"
                               << "GET /a"
                               << "matches";
    }

    void explainTexts()
    {
        QFETCH(QString, rowDescriptor);
        QFETCH(QString, req);
        QFETCH(QString, reason);
        const Explanation e = table(rowDescriptor)->explain(80, request(req));
        QCOMPARE(e.steps.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(e.steps[0].reason), reason);
        QCOMPARE(QString::fromStdString(e.steps[0].hostnameKey), QStringLiteral("*"));
    }

    // explain() walks the rows in order up to the match, and agrees with lookup().
    void explainWalksUntilTheMatch()
    {
        const auto t = table("A exact:/x; B prefix:/a/b; C prefix:/a; D prefix:/");
        const Explanation e = t->explain(80, request("GET /a/c"));
        QCOMPARE(e.steps.size(), std::size_t(3));
        QCOMPARE(labelOf(e.steps[0].route), QStringLiteral("A"));
        QCOMPARE(e.steps[0].reason, std::string("path /a/c is not Exact /x"));
        QCOMPARE(e.steps[1].reason, std::string("path /a/c is not under PathPrefix /a/b"));
        QVERIFY(e.steps[2].matched);
        QCOMPARE(labelOf(e.result.route), QStringLiteral("C"));
        QCOMPARE(e.result.route, t->lookup(80, request("GET /a/c")).route);
    }

    // "routetable.regex": the row stays listed, never matches, and says why.
    void invalidRegex_data()
    {
        QTest::addColumn<QString>("rowDescriptor");
        QTest::addColumn<QString>("field");
        QTest::newRow("path") << "BAD regex:/(a"
                              << "spec.rules[0].matches[0].path.value";
        QTest::newRow("header") << "BAD header:ok=1 header~x=a(?=b)"
                                << "spec.rules[0].matches[0].headers[1].value";
        QTest::newRow("query") << "BAD query~q=[z-a]"
                               << "spec.rules[0].matches[0].queryParams[0].value";
        QTest::newRow("gRPC method") << "BAD grpc~/(x"
                                     << "spec.rules[0].matches[0].method.method";
    }

    void invalidRegex()
    {
        QFETCH(QString, rowDescriptor);
        QFETCH(QString, field);
        Core::Diagnostics diagnostics;
        const auto t = table(rowDescriptor + "; OK match:-1 kind:GRPCRoute; OK2 prefix:/",
                             {"a.example.com", "*"}, &diagnostics);
        QCOMPARE(diagnostics.size(), std::size_t(1)); // once, although listed under two hosts
        QCOMPARE(diagnostics[0].code, std::string("routetable.regex"));
        QVERIFY(diagnostics[0].isError());
        QCOMPARE(QString::fromStdString(diagnostics[0].fieldPath), field);
        QVERIFY(diagnostics[0].message.find("HTTPRoute default/r") != std::string::npos ||
                diagnostics[0].message.find("GRPCRoute default/r") != std::string::npos);
        const Request r = request("POST /(a/x?q=z h:ok=1 h:x=ab", "a.example.com");
        QCOMPARE(labelOf(t->lookup(80, r).route), QStringLiteral("OK2"));
        const Explanation e = t->explain(80, r);
        QVERIFY(!e.steps.empty());
        const auto bad = std::find_if(e.steps.begin(), e.steps.end(), [](const auto &step) {
            return step.route->source.ruleName == "BAD";
        });
        QVERIFY(bad != e.steps.end());
        QVERIFY(!bad->matched);
        QVERIFY(bad->reason.starts_with("never matches: invalid regular expression"));
    }

    // The index (exact map, element prefixes, scanned rows) must agree with walking every row.
    void indexAgreesWithWalk()
    {
        std::mt19937 random(7);
        const QStringList paths = {"/",     "/a",  "/a/", "/a/b",  "/a/b/c",   "/b",
                                   "/a/bc", "/ab", "//a", "/a//b", "/pkg.S/M", "/pkg.S"};
        const QStringList conditions = {"",          "method:GET",  "header:x=1",
                                        "query:q=1", "header~x=.*", "method:POST"};
        QStringList rows;
        for (int i = 0; i < 300; ++i) {
            const QString path = paths[static_cast<int>(random() % paths.size())];
            const QString kinds[] = {"exact:", "prefix:", "regex:"};
            QString descriptor = QStringLiteral("R%1 ").arg(i);
            switch (random() % 5) {
            case 0:
                descriptor += "grpc:pkg.S/" + QString(random() % 2 ? "M" : "");
                break;
            case 1:
                descriptor += "grpc~/M";
                break;
            default:
                descriptor += kinds[random() % 3] +
                              (path == "/" ? QString("/") : path + (random() % 3 == 0 ? ".*" : ""));
            }
            descriptor += " " + conditions[static_cast<int>(random() % conditions.size())];
            descriptor += QStringLiteral(" created:%1 rule:%2").arg(random() % 4).arg(random() % 3);
            rows << descriptor;
        }
        const auto t = table(rows.join(';'));
        int matched = 0;
        for (const QString &path : paths) {
            for (const char *extra : {"", "?q=1", "?q=2"}) {
                for (const char *method : {"GET", "POST"}) {
                    for (const char *flags : {"", " h:x=1", " grpc", " grpc h:x=1"}) {
                        const Request r = request(QString(method) + " " + path + extra + flags);
                        const MatchResult looked = t->lookup(80, r);
                        const Explanation walked = t->explain(80, r);
                        QCOMPARE(labelOf(looked.route), labelOf(walked.result.route));
                        matched += looked.route ? 1 : 0;
                    }
                }
            }
        }
        QVERIFY(matched > 100);
    }
};

QTEST_GUILESS_MAIN(TestRouteTableMatching)
#include "tst_routetable_matching.moc"
