// The priority-vs-precedence check, both ways: rule sets where Gateway API's specificity order
// would overtake ALB's priority order (a finding with a request that proves it) and sets where
// it would not (no finding). Every verdict of the check's gateway model is compared with
// Torii's own data plane: the converted objects are reconciled by engine/controller and the
// example request is looked up in the compiled RouteTable.

#include "engine/controller/controller.h"
#include "engine/convert/alb/alb_rule_converter.h"
#include "engine/routetable/route_table.h"
#include "engine/yaml/yaml_loader.h"

#include <QtTest/QTest>

using namespace Torii;
using namespace Torii::Convert::Alb;

class TstAlbPrecedenceCheck : public QObject
{
    Q_OBJECT

private slots:
    void orderMatters_data();
    void orderMatters();
    void orderDoesNotMatter_data();
    void orderDoesNotMatter();
    void requestDescription();
};

namespace {

Model::SourceRef sourceOf(const std::string &file)
{
    Model::SourceRef ref;
    ref.file = file;
    return ref;
}

struct Checked
{
    Yaml::LoadResult loaded;
    AlbConversion result;
};

// A describe-rules listing of `rules` (JSON objects without the Actions: each forwards to the
// target group "tg<priority>") and a default rule.
std::unique_ptr<Checked> check(const std::string &rules)
{
    std::string json =
        "{\"Rules\": [" + rules + (rules.empty() ? "" : ",") +
        "{\"IsDefault\": true, \"Priority\": \"default\", \"Conditions\": [], "
        "\"Actions\": [{\"Type\": \"forward\", \"TargetGroupArn\": \"tg-default\"}]}]}";
    auto c = std::make_unique<Checked>();
    c->loaded = Yaml::loadText(json, "rules.json");
    if (c->loaded.documents.empty()) {
        return c;
    }
    c->result = convertAlbRulesDetailed(c->loaded.documents[0].root, "rules.json");
    return c;
}

std::string rule(int priority, const std::string &conditions)
{
    return "{\"Priority\": \"" + std::to_string(priority) + "\", \"Conditions\": [" + conditions +
           "], \"Actions\": [{\"Type\": \"forward\", \"TargetGroupArn\": \"tg" +
           std::to_string(priority) + "\"}]}";
}

const char *const kClass = R"(apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: torii}
spec: {controllerName: torii.dev/gateway-controller}
)";

// What Torii's data plane picks for `request`: the ALB rule behind the RouteTable's row.
std::optional<std::size_t> dataPlaneWinner(const AlbConversion &result,
                                           const ExampleRequest &request)
{
    std::vector<Model::Resource> resources;
    Yaml::LoadResult cls = Yaml::loadText(kClass, "class.yaml");
    resources.push_back(Model::makeResource(cls.documents[0].root, sourceOf("class.yaml")));
    for (const auto &o : result.conversion.objects) {
        resources.push_back(Model::makeResource(o, sourceOf("converted.yaml")));
    }
    const Controller::ControllerResult reconciled = Controller::reconcile(resources);
    auto it = reconciled.routeTables.find("default/alb");
    if (it == reconciled.routeTables.end()) {
        qWarning("no route table for default/alb");
        return std::nullopt;
    }
    RouteTable::Request req;
    req.method = request.method;
    req.host = request.host;
    req.path = request.path;
    for (std::size_t i = 0; i < request.query.size(); ++i) {
        req.path += (i == 0 ? "?" : "&") + request.query[i].first + "=" + request.query[i].second;
    }
    for (const auto &[k, v] : request.headers) {
        req.headers.push_back({k, v});
    }
    const RouteTable::MatchResult m = it->second->lookup(80, req);
    if (!m.route) {
        return std::nullopt;
    }
    for (const GatewayRoute &r : result.routes) {
        if (r.name == m.route->source.name) {
            return r.rules.at(static_cast<std::size_t>(m.route->source.ruleIndex)).albRule;
        }
    }
    return std::nullopt;
}

const std::string kPath = R"({"Field": "path-pattern", "Values": [")";
std::string path(const std::string &v)
{
    return kPath + v + "\"]}";
}
std::string host(const std::string &v)
{
    return R"({"Field": "host-header", "Values": [")" + v + "\"]}";
}
std::string header(const std::string &name, const std::string &v)
{
    return R"({"Field": "http-header", "HttpHeaderConfig": {"HttpHeaderName": ")" + name +
           R"(", "Values": [")" + v + "\"]}}";
}
std::string method(const std::string &v)
{
    return R"({"Field": "http-request-method", "HttpRequestMethodConfig": {"Values": [")" + v +
           "\"]}}";
}
std::string query(const std::string &k, const std::string &v)
{
    return R"({"Field": "query-string", "QueryStringConfig": {"Values": [{"Key": ")" + k +
           R"(", "Value": ")" + v + "\"}]}}";
}

} // namespace

void TstAlbPrecedenceCheck::orderMatters_data()
{
    QTest::addColumn<QString>("rules");
    QTest::addColumn<int>("albPriority");     // the rule the ALB uses for the example
    QTest::addColumn<int>("gatewayPriority"); // the rule the converted routes use
    QTest::addColumn<QString>("requestPart"); // a part of the example request

    QTest::newRow("longer prefix later")
        << QString::fromStdString(rule(1, path("/api/*")) + "," + rule(2, path("/api/v1/*"))) << 1
        << 2 << "/api/v1/";
    QTest::newRow("exact path later") << QString::fromStdString(rule(1, path("/static/*")) + "," +
                                                                rule(2, path("/static/logo.png")))
                                      << 1 << 2 << "/static/logo.png";
    QTest::newRow("header later") << QString::fromStdString(rule(1, path("/*")) + "," +
                                                            rule(2, header("X-Canary", "yes")))
                                  << 1 << 2 << "X-Canary: yes";
    QTest::newRow("method later") << QString::fromStdString(rule(1, path("/*")) + "," +
                                                            rule(2, method("POST")))
                                  << 1 << 2 << "POST";
    QTest::newRow("query later") << QString::fromStdString(
                                        rule(1, header("X-A", "1")) + "," +
                                        rule(2, header("X-B", "1") + "," + query("v", "2")))
                                 << 1 << 2 << "v=2";
    QTest::newRow("method beats headers")
        << QString::fromStdString(rule(1, header("X-A", "1") + "," + header("X-B", "2")) + "," +
                                  rule(2, method("GET")))
        << 1 << 2 << "X-A: 1";
    QTest::newRow("host rule with less specific path first")
        << QString::fromStdString(rule(1, host("shop.example.com")) + "," + rule(2, path("/cart")))
        << 1 << 2 << "shop.example.com/cart";
}

void TstAlbPrecedenceCheck::orderMatters()
{
    QFETCH(QString, rules);
    QFETCH(int, albPriority);
    QFETCH(int, gatewayPriority);
    QFETCH(QString, requestPart);
    const auto c = check(rules.toStdString());
    const AlbConversion &r = c->result;
    QVERIFY(r.conversion.usable());
    QVERIFY(!r.findings.empty());
    const OrderFinding &f = r.findings.front();
    QCOMPARE(*r.rules.rules[f.albRule].priority, std::int64_t(albPriority));
    QVERIFY(f.gatewayRule);
    QCOMPARE(*r.rules.rules[*f.gatewayRule].priority, std::int64_t(gatewayPriority));
    QVERIFY2(f.request.describe().find(requestPart.toStdString()) != std::string::npos,
             f.request.describe().c_str());
    // The example request is real: both rules match it on the ALB, and Torii's data plane
    // (not only the check's model) sends it to the later rule.
    QVERIFY(albRuleMatches(r.rules.rules[f.albRule], f.request));
    QVERIFY(albRuleMatches(r.rules.rules[*f.gatewayRule], f.request));
    QCOMPARE(dataPlaneWinner(r, f.request), f.gatewayRule);
    // And it is a warning at the ALB rule's position.
    bool noted = false;
    for (const auto &n : r.conversion.notes) {
        if (n.code == "alb.precedence" &&
            n.message.find(f.request.describe()) != std::string::npos) {
            noted = n.severity == Core::Severity::Warning && n.line > 0;
        }
    }
    QVERIFY(noted);
}

void TstAlbPrecedenceCheck::orderDoesNotMatter_data()
{
    QTest::addColumn<QString>("rules");
    QTest::addColumn<QString>("probePath"); // a request both orders must agree on

    QTest::newRow("disjoint paths")
        << QString::fromStdString(rule(1, path("/login")) + "," + rule(2, path("/api/*")))
        << "/api/x";
    QTest::newRow("specific rule already first")
        << QString::fromStdString(rule(1, path("/api/v1/*")) + "," + rule(2, path("/api/*")))
        << "/api/v1/x";
    QTest::newRow("host-less rule first, host rule later")
        << QString::fromStdString(rule(1, path("/*")) + "," + rule(2, host("example.com"))) << "/";
    QTest::newRow("exact before prefix")
        << QString::fromStdString(rule(1, path("/docs/index.html")) + "," +
                                  rule(2, path("/docs/*")))
        << "/docs/index.html";
    QTest::newRow("header rule first")
        << QString::fromStdString(rule(1, header("X-Canary", "yes")) + "," + rule(2, path("/*")))
        << "/";
    QTest::newRow("no rules") << QString() << "/";
}

void TstAlbPrecedenceCheck::orderDoesNotMatter()
{
    QFETCH(QString, rules);
    QFETCH(QString, probePath);
    const auto c = check(rules.toStdString());
    const AlbConversion &r = c->result;
    QVERIFY(r.conversion.usable());
    for (const auto &f : r.findings) {
        qWarning("unexpected finding: %s", f.request.describe().c_str());
    }
    QCOMPARE(int(r.findings.size()), 0);
    // The three agree on a request inside the rules (with the header some rules ask for).
    for (const std::string &h : {std::string("example.com"), std::string("other.test")}) {
        ExampleRequest req;
        req.host = h;
        req.path = probePath.toStdString();
        req.headers.emplace_back("X-Canary", "yes");
        const auto listener = r.rules.listeners.at(0).key;
        const auto alb = albWinner(r.rules, listener, req);
        QVERIFY(alb);
        QCOMPARE(gatewayWinner(r.routes, listener, req), alb);
        QCOMPARE(dataPlaneWinner(r, req), alb);
    }
}

void TstAlbPrecedenceCheck::requestDescription()
{
    ExampleRequest req;
    req.method = "POST";
    req.host = "example.com";
    req.path = "/api";
    req.query = {{"a", "1"}, {"b", "2"}};
    req.headers = {{"X-A", "1"}};
    QCOMPARE(QString::fromStdString(req.describe()),
             QStringLiteral("POST http://example.com/api?a=1&b=2 with X-A: 1"));
}

QTEST_GUILESS_MAIN(TstAlbPrecedenceCheck)
#include "tst_alb_precedence_check.moc"
