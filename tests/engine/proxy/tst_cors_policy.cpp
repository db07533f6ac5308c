// The CORS filter's decisions (engine/proxy/cors_policy.h) from the HTTPRoute CORS filter's spec
// text (v1.6.1) and the expectations of conformance test HTTPRouteCORS, on the four routes of
// its manifest, written out here as RouteTable::Cors values. conformanceCases() then judges the
// policy's answers with the route-test runner's own comparison (request_checks.h) against every
// request case of ../shared/conformance/cases/httproute-cors.yaml, as the live gateway's
// responses will be judged once the connection calls the policy.
#include "common/shared_corpus.h"

#include "engine/proxy/cors_policy.h"
#include "simulator/scenarios/request_checks.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtTest/QTest>

#include <map>

using namespace Torii;
using namespace Torii::Proxy::Internal;

namespace {

// The conformance manifest's routes (httproute-cors.yaml), as the controller compiles them.
std::map<QString, RouteTable::Cors> corsRoutes()
{
    std::map<QString, RouteTable::Cors> out;
    RouteTable::Cors one;
    one.allowOrigins = {"https://www.foo.com", "https://*.bar.com"};
    one.allowMethods = {"GET", "OPTIONS"};
    one.allowHeaders = {"x-header-1", "x-header-2"};
    one.exposeHeaders = {"x-header-3", "x-header-4"};
    one.allowCredentials = true;
    one.maxAge = 3600;
    out["cors-1"] = one;
    RouteTable::Cors two;
    two.allowOrigins = {"https://www.foo.com"};
    two.allowMethods = {"*"};
    two.maxAge = 5;
    out["cors-2"] = two;
    RouteTable::Cors origin;
    origin.allowOrigins = {"*"};
    origin.allowMethods = {"PUT"};
    origin.maxAge = 5;
    out["wildcard-origin"] = origin;
    RouteTable::Cors all;
    all.allowOrigins = {"*"};
    all.allowMethods = {"*"};
    all.allowHeaders = {"*"};
    all.allowCredentials = true;
    all.maxAge = 5;
    out["wildcard-all"] = all;
    all.allowCredentials = false;
    out["wildcard-all-unauth"] = all;
    return out;
}

// "Name: value" lines of `headers`, sorted by name, for one comparison.
QString render(const Http::Headers &headers)
{
    QStringList lines;
    for (const Http::HeaderField &f : headers.fields) {
        lines << QString::fromStdString(f.name).toLower() + QStringLiteral(": ") +
                     QString::fromStdString(f.value);
    }
    lines.sort();
    return lines.join(QLatin1Char('\n'));
}

Http::RequestHead request(const QString &method, const QString &origin, const QString &acrm,
                          const QString &acrh)
{
    Http::RequestHead head;
    head.method = method.toStdString();
    head.target = "/";
    head.headers.add("Host", "gw");
    if (!origin.isEmpty()) {
        head.headers.add("Origin", origin.toStdString());
    }
    if (!acrm.isEmpty()) {
        head.headers.add("Access-Control-Request-Method", acrm.toStdString());
    }
    if (!acrh.isEmpty()) {
        head.headers.add("Access-Control-Request-Headers", acrh.toStdString());
    }
    return head;
}

} // namespace

class TestCorsPolicy : public QObject
{
    Q_OBJECT
private slots:
    void originMatching_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("origin");
        QTest::addColumn<bool>("matches");
        QTest::newRow("exact") << "https://www.foo.com"
                               << "https://www.foo.com" << true;
        QTest::newRow("case-insensitive host and scheme") << "https://www.foo.com"
                                                          << "HTTPS://WWW.Foo.com" << true;
        QTest::newRow("other scheme") << "https://www.foo.com"
                                      << "http://www.foo.com" << false;
        QTest::newRow("default port written out") << "https://www.foo.com"
                                                  << "https://www.foo.com:443" << true;
        QTest::newRow("other port") << "https://www.foo.com"
                                    << "https://www.foo.com:8443" << false;
        QTest::newRow("http default port") << "http://a.com:80"
                                           << "http://a.com" << true;
        QTest::newRow("wildcard one label") << "https://*.bar.com"
                                            << "https://www.bar.com" << true;
        QTest::newRow("wildcard many labels (greedy left)") << "https://*.bar.com"
                                                            << "https://xpto.www.bar.com" << true;
        QTest::newRow("wildcard needs a label") << "https://*.bar.com"
                                                << "https://bar.com" << false;
        QTest::newRow("wildcard is not a substring") << "https://*.bar.com"
                                                     << "https://foobar.com" << false;
        QTest::newRow("wildcard keeps the port rule") << "https://*.bar.com"
                                                      << "https://a.bar.com:8443" << false;
        QTest::newRow("host * alone") << "https://*"
                                      << "https://anything.example:443" << true;
        QTest::newRow("host * keeps scheme") << "https://*"
                                             << "http://anything.example" << false;
        QTest::newRow("* matches everything") << "*"
                                              << "https://foobar.com:12345" << true;
        QTest::newRow("* matches null") << "*"
                                        << "null" << true;
        QTest::newRow("null is not an origin") << "https://www.foo.com"
                                               << "null" << false;
        QTest::newRow("path is not an origin") << "https://www.foo.com"
                                               << "https://www.foo.com/x" << false;
        QTest::newRow("bad port") << "https://www.foo.com"
                                  << "https://www.foo.com:99999" << false;
        QTest::newRow("ipv6 literal with port") << "http://[::1]:8080"
                                                << "http://[::1]:8080" << true;
    }
    void originMatching()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, origin);
        QFETCH(bool, matches);
        QCOMPARE(CorsPolicy::originMatches(pattern.toStdString(), origin.toStdString()), matches);
    }

    void classify_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("origin");
        QTest::addColumn<QString>("acrm");
        QTest::addColumn<int>("kind");
        QTest::newRow("no origin") << "GET"
                                   << ""
                                   << "" << int(CorsPolicy::Kind::NotCors);
        QTest::newRow("OPTIONS without origin") << "OPTIONS"
                                                << ""
                                                << "GET" << int(CorsPolicy::Kind::NotCors);
        QTest::newRow("preflight") << "OPTIONS"
                                   << "https://a.com"
                                   << "GET" << int(CorsPolicy::Kind::Preflight);
        QTest::newRow("OPTIONS without request method is actual")
            << "OPTIONS"
            << "https://a.com"
            << "" << int(CorsPolicy::Kind::Actual);
        // The conformance "simple request" cases send Access-Control-Request-Method with GET.
        QTest::newRow("GET with request method is actual")
            << "GET"
            << "https://a.com"
            << "GET" << int(CorsPolicy::Kind::Actual);
    }
    void classify()
    {
        QFETCH(QString, method);
        QFETCH(QString, origin);
        QFETCH(QString, acrm);
        QFETCH(int, kind);
        const RouteTable::Cors cors = corsRoutes()["cors-1"];
        QCOMPARE(int(CorsPolicy(cors).classify(request(method, origin, acrm, {}))), kind);
    }

    // Every preflight subtest of HTTPRouteCORS, with the exact headers Torii sends (each within
    // the case's accepted values).
    void preflight_data()
    {
        QTest::addColumn<QString>("route");
        QTest::addColumn<QString>("origin");
        QTest::addColumn<QString>("acrm");
        QTest::addColumn<QString>("acrh");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("headers");
        const QString h1 = QStringLiteral("access-control-allow-credentials: true\n"
                                          "access-control-allow-headers: x-header-1, x-header-2\n"
                                          "access-control-allow-methods: GET, OPTIONS\n"
                                          "access-control-allow-origin: %1\n"
                                          "access-control-expose-headers: x-header-3, x-header-4\n"
                                          "access-control-max-age: 3600\n"
                                          "vary: Origin");
        QTest::newRow("exact origin")
            << "cors-1"
            << "https://www.foo.com"
            << "GET"
            << "x-header-1, x-header-2" << 200 << h1.arg(QStringLiteral("https://www.foo.com"));
        QTest::newRow("wildcard origin")
            << "cors-1"
            << "https://www.bar.com"
            << "GET"
            << "x-header-1, x-header-2" << 200 << h1.arg(QStringLiteral("https://www.bar.com"));
        QTest::newRow("wildcard origin, several labels")
            << "cors-1"
            << "https://xpto.www.bar.com"
            << "GET"
            << "x-header-1, x-header-2" << 200
            << h1.arg(QStringLiteral("https://xpto.www.bar.com"));
        QTest::newRow("non-matching origin: 403, no CORS header") << "cors-1"
                                                                  << "https://foobar.com"
                                                                  << "GET"
                                                                  << "" << 403 << "vary: Origin";
        QTest::newRow("methods * without credentials: the requested one")
            << "cors-2"
            << "https://www.foo.com"
            << "POST"
            << "" << 200
            << "access-control-allow-methods: POST\n"
               "access-control-allow-origin: https://www.foo.com\n"
               "access-control-max-age: 5\nvary: Origin";
        QTest::newRow("origin * echoes the origin")
            << "wildcard-origin"
            << "https://foobar.com"
            << "PUT"
            << "" << 200
            << "access-control-allow-methods: PUT\n"
               "access-control-allow-origin: https://foobar.com\n"
               "access-control-max-age: 5\nvary: Origin";
        QTest::newRow("origin * with a port")
            << "wildcard-origin"
            << "https://foobar.com:12345"
            << "PUT"
            << "" << 200
            << "access-control-allow-methods: PUT\n"
               "access-control-allow-origin: https://foobar.com:12345\n"
               "access-control-max-age: 5\nvary: Origin";
        QTest::newRow("all wildcards with credentials: never *")
            << "wildcard-all"
            << "https://other.foo.com"
            << "PUT"
            << "x-header-1, x-header-2" << 200
            << "access-control-allow-credentials: true\n"
               "access-control-allow-headers: x-header-1, x-header-2\n"
               "access-control-allow-methods: PUT\n"
               "access-control-allow-origin: https://other.foo.com\n"
               "access-control-max-age: 5\nvary: Origin";
        QTest::newRow("all wildcards without credentials")
            << "wildcard-all-unauth"
            << "https://other.foo.com"
            << "PUT"
            << "x-header-1, x-header-2" << 200
            << "access-control-allow-headers: x-header-1, x-header-2\n"
               "access-control-allow-methods: PUT\n"
               "access-control-allow-origin: https://other.foo.com\n"
               "access-control-max-age: 5\nvary: Origin";
        QTest::newRow("headers * with credentials, none requested: omitted")
            << "wildcard-all"
            << "https://other.foo.com"
            << "PUT"
            << "" << 200
            << "access-control-allow-credentials: true\n"
               "access-control-allow-methods: PUT\n"
               "access-control-allow-origin: https://other.foo.com\n"
               "access-control-max-age: 5\nvary: Origin";
        QTest::newRow("headers * without credentials, none requested: *")
            << "wildcard-all-unauth"
            << "https://other.foo.com"
            << "PUT"
            << "" << 200
            << "access-control-allow-headers: *\n"
               "access-control-allow-methods: PUT\n"
               "access-control-allow-origin: https://other.foo.com\n"
               "access-control-max-age: 5\nvary: Origin";
    }
    void preflight()
    {
        QFETCH(QString, route);
        QFETCH(QString, origin);
        QFETCH(QString, acrm);
        QFETCH(QString, acrh);
        QFETCH(int, status);
        QFETCH(QString, headers);
        const std::map<QString, RouteTable::Cors> routes = corsRoutes();
        const CorsPolicy policy(routes.at(route));
        const Http::RequestHead head = request(QStringLiteral("OPTIONS"), origin, acrm, acrh);
        QCOMPARE(policy.classify(head), CorsPolicy::Kind::Preflight);
        const CorsPolicy::PreflightAnswer answer = policy.preflight(head);
        QCOMPARE(answer.status, status);
        QCOMPARE(answer.originAllowed, status == 200);
        QCOMPARE(render(answer.headers), headers);
        QVERIFY(!answer.explanation.empty() && answer.explanation.back() == '\n');
    }

    // The actual-request subtests: headers added to the upstream's answer.
    void actual_data()
    {
        QTest::addColumn<QString>("route");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("origin");
        QTest::addColumn<QString>("upstream"); // one "Name: value" field the backend sent, or ""
        QTest::addColumn<QString>("headers");
        QTest::newRow("exact origin")
            << "cors-1"
            << "GET"
            << "https://www.foo.com"
            << ""
            << "access-control-allow-credentials: true\n"
               "access-control-allow-origin: https://www.foo.com\n"
               "access-control-expose-headers: x-header-3, x-header-4\nvary: Origin";
        QTest::newRow("wildcard origin")
            << "cors-1"
            << "GET"
            << "https://www.bar.com"
            << ""
            << "access-control-allow-credentials: true\n"
               "access-control-allow-origin: https://www.bar.com\n"
               "access-control-expose-headers: x-header-3, x-header-4\nvary: Origin";
        QTest::newRow("non-matching origin: nothing but Vary") << "cors-1"
                                                               << "GET"
                                                               << "https://foobar.com"
                                                               << ""
                                                               << "vary: Origin";
        QTest::newRow("origin * with a port, no credentials")
            << "wildcard-origin"
            << "PUT"
            << "https://foobar.com:12345"
            << ""
            << "access-control-allow-origin: https://foobar.com:12345\nvary: Origin";
        QTest::newRow("credentials true") << "wildcard-all"
                                          << "GET"
                                          << "https://other.foo.com"
                                          << ""
                                          << "access-control-allow-credentials: true\n"
                                             "access-control-allow-origin: https://other.foo.com\n"
                                             "vary: Origin";
        QTest::newRow("upstream's credentials header removed without allowCredentials")
            << "wildcard-all-unauth"
            << "GET"
            << "https://other.foo.com"
            << "Access-Control-Allow-Credentials: true"
            << "access-control-allow-origin: https://other.foo.com\nvary: Origin";
        QTest::newRow("upstream's allow-origin replaced")
            << "cors-2"
            << "GET"
            << "https://www.foo.com"
            << "Access-Control-Allow-Origin: https://evil.example"
            << "access-control-allow-origin: https://www.foo.com\nvary: Origin";
        QTest::newRow("existing Vary: Origin kept once")
            << "cors-2"
            << "GET"
            << "https://www.foo.com"
            << "Vary: Origin"
            << "access-control-allow-origin: https://www.foo.com\nvary: Origin";
        QTest::newRow("no origin: untouched") << "cors-1"
                                              << "GET"
                                              << ""
                                              << "X-Up: 1"
                                              << "x-up: 1";
    }
    void actual()
    {
        QFETCH(QString, route);
        QFETCH(QString, method);
        QFETCH(QString, origin);
        QFETCH(QString, upstream);
        QFETCH(QString, headers);
        const std::map<QString, RouteTable::Cors> routes = corsRoutes();
        const CorsPolicy policy(routes.at(route));
        const Http::RequestHead head = request(method, origin, {}, {});
        Http::Headers response;
        if (!upstream.isEmpty()) {
            const QStringList parts = upstream.split(QStringLiteral(": "));
            response.add(parts[0].toStdString(), parts[1].toStdString());
        }
        policy.applyToResponse(head, response);
        QCOMPARE(render(response), headers);
    }

    void exposeWildcard()
    {
        RouteTable::Cors cors;
        cors.allowOrigins = {"*"};
        cors.exposeHeaders = {"*"};
        const Http::RequestHead head =
            request(QStringLiteral("GET"), QStringLiteral("https://a.com"), {}, {});
        Http::Headers response;
        response.add("X-Total", "3");
        response.add("Content-Type", "text/plain");
        CorsPolicy(cors).applyToResponse(head, response);
        QCOMPARE(response.find("Access-Control-Expose-Headers")->value, std::string("*"));
        // With credentials "*" may not be sent: the response's own field names instead.
        cors.allowCredentials = true;
        Http::Headers withCredentials;
        withCredentials.add("X-Total", "3");
        withCredentials.add("Content-Type", "text/plain");
        CorsPolicy(cors).applyToResponse(head, withCredentials);
        QCOMPARE(withCredentials.find("Access-Control-Expose-Headers")->value,
                 std::string("x-total, content-type"));
    }

    void conformanceCases()
    {
        TORII_REQUIRE_SHARED(QStringLiteral("conformance/cases"));
        const std::string path =
            Test::sharedPath(QStringLiteral("conformance/cases/httproute-cors.yaml")).toStdString();
        const Scenarios::RouteTestFile file = Scenarios::parseRouteTestFile(path);
        QVERIFY(!file.hasErrors() && file.tests.size() == 1);
        const std::vector<Scenarios::RequestCase> items =
            Scenarios::parseRequestCases(file.tests.front().requests);
        QVERIFY(items.size() >= 17);
        const std::map<QString, RouteTable::Cors> routes = corsRoutes();
        // The manifest's path prefixes, longest first (the table's precedence).
        const std::vector<std::pair<std::string, QString>> prefixes = {
            {"/cors-wildcard-methods-headers-unauth", "wildcard-all-unauth"},
            {"/cors-wildcard-methods-headers", "wildcard-all"},
            {"/cors-wildcard-origin", "wildcard-origin"},
            {"/cors-1", "cors-1"},
            {"/cors-2", "cors-2"}};
        for (const Scenarios::RequestCase &item : items) {
            QVERIFY2(!item.unsupported, item.subtest.c_str());
            QString route;
            for (const auto &[prefix, name] : prefixes) {
                if (route.isEmpty() && item.request.path.rfind(prefix, 0) == 0) {
                    route = name;
                }
            }
            QVERIFY2(!route.isEmpty(), item.request.path.c_str());
            const CorsPolicy policy(routes.at(route));
            Http::RequestHead head;
            head.method = item.request.method;
            head.target = item.request.path;
            head.headers.add("Host", "127.0.0.1");
            for (const auto &[name, value] : item.request.headers) {
                head.headers.add(name, value);
            }
            Scenarios::HttpExchangeResult response;
            response.ok = true;
            if (policy.classify(head) == CorsPolicy::Kind::Preflight) {
                const CorsPolicy::PreflightAnswer answer = policy.preflight(head);
                response.head.status = answer.status;
                response.head.headers = answer.headers;
                response.head.headers.add("Content-Type", "text/plain; charset=utf-8");
                response.body = answer.explanation;
            } else {
                // The backend's echo of the request as forwarded, then the policy's headers.
                QJsonObject received;
                for (const Http::HeaderField &f : head.headers.fields) {
                    if (!Http::equalsIgnoreCase(f.name, "Host")) {
                        QJsonArray values = received[QString::fromStdString(f.name)].toArray();
                        values.append(QString::fromStdString(f.value));
                        received[QString::fromStdString(f.name)] = values;
                    }
                }
                const QJsonObject echo{
                    {QStringLiteral("path"), QString::fromStdString(head.target)},
                    {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                    {QStringLiteral("method"), QString::fromStdString(head.method)},
                    {QStringLiteral("namespace"), QStringLiteral("gateway-conformance-infra")},
                    {QStringLiteral("pod"), QStringLiteral("infra-backend-v1-abcdefghij-abcde")},
                    {QStringLiteral("headers"), received}};
                response.head.status = 200;
                response.head.headers.add("Content-Type", "application/json");
                response.body = QJsonDocument(echo).toJson(QJsonDocument::Compact).toStdString();
                policy.applyToResponse(head, response.head.headers);
            }
            const Scenarios::CapturedRequest captured =
                Scenarios::captureRequest(response, head.method);
            const auto mismatch = Scenarios::compareResponse(
                item, Scenarios::SentSummary{head.method, head.target}, response, captured);
            QVERIFY2(!mismatch, qPrintable(QString::fromStdString(
                                    item.subtest + ": " +
                                    (mismatch ? mismatch->field + ": expected " +
                                                    mismatch->expected + ", got " + mismatch->got
                                              : std::string()))));
        }
    }

    void originOnlyOverload()
    {
        const std::map<QString, RouteTable::Cors> routes = corsRoutes();
        const CorsPolicy policy(routes.at(QStringLiteral("cors-2")));
        Http::Headers allowed;
        policy.applyToResponse(std::string_view("https://www.foo.com"), allowed);
        QCOMPARE(render(allowed),
                 QStringLiteral("access-control-allow-origin: https://www.foo.com\nvary: Origin"));
        Http::Headers denied;
        policy.applyToResponse(std::string_view("https://www.bar.com"), denied);
        QCOMPARE(render(denied), QStringLiteral("vary: Origin"));
    }

    void findFirstCorsFilter()
    {
        std::vector<RouteTable::Filter> filters(3);
        filters[0].type = RouteTable::Filter::Type::RequestHeaderModifier;
        filters[1].type = RouteTable::Filter::Type::Cors;
        filters[1].cors.maxAge = 7;
        filters[2].type = RouteTable::Filter::Type::Cors;
        QCOMPARE(CorsPolicy::find(filters), &filters[1].cors);
        filters.erase(filters.begin() + 1, filters.end());
        QCOMPARE(CorsPolicy::find(filters), nullptr);
    }
};

QTEST_GUILESS_MAIN(TestCorsPolicy)
#include "tst_cors_policy.moc"
