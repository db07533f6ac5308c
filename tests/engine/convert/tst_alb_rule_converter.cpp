// Every mapping of the ALB rule converter on rules written here: conditions → hostnames and
// matches, weighted forward → backendRefs, redirect → RequestRedirect, what has no equivalent
// (fixed-response, source-ip, value-only query, authenticate), the three input shapes, and
// bad input.

#include "engine/convert/alb/alb_rule_converter.h"
#include "engine/yaml/yaml_loader.h"

#include <QtTest/QTest>

using namespace Torii;
using Torii::Convert::Conversion;
using Torii::Model::Node;

#define QCOMPARE_STR(a, b) QCOMPARE(QString::fromStdString(a), QString::fromStdString(b))

class TstAlbRuleConverter : public QObject
{
    Q_OBJECT

private slots:
    void conditionsBecomeHostnamesAndMatches();
    void weightedForwardAndTargetGroupPorts();
    void redirectBecomesRequestRedirect();
    void noEquivalentActionsAndConditions();
    void cloudFormationTemplate();
    void cloudFormationIntrinsicValues();
    void badInput();
};

namespace {

Conversion convert(const std::string &json)
{
    return Convert::Alb::convertAlbText(json, "rules.json");
}

const Node *route(const Conversion &c, const std::string &name)
{
    for (const Node &o : c.objects) {
        if (o["kind"].str() == "HTTPRoute" && o["metadata"]["name"].str() == name) {
            return &o;
        }
    }
    return nullptr;
}

const Core::Diagnostic *noteWith(const Conversion &c, const std::string &fragment)
{
    for (const auto &n : c.notes) {
        if (n.message.find(fragment) != std::string::npos) {
            return &n;
        }
    }
    return nullptr;
}

// describe-rules output around the given rules (one listener).
std::string rules(const std::string &body)
{
    return R"({"Rules": [)" + body + "]}";
}

const char *kArn =
    R"("RuleArn": "arn:aws:elasticloadbalancing:us-east-1:1:listener-rule/app/lb/1/2/)";

} // namespace

void TstAlbRuleConverter::conditionsBecomeHostnamesAndMatches()
{
    const Conversion c = convert(rules(std::string(R"({"Priority": "5", )") + kArn + R"(a",
  "Conditions": [
    {"Field": "host-header", "HostHeaderConfig": {"Values": ["Shop.Example.com", "*.example.org"]}},
    {"Field": "path-pattern", "PathPatternConfig": {"Values": ["/api/*", "/exact", "/img/*.png"]}},
    {"Field": "http-request-method", "HttpRequestMethodConfig": {"Values": ["GET"]}},
    {"Field": "http-header", "HttpHeaderConfig": {"HttpHeaderName": "X-Env", "Values": ["blue", "gr?en"]}},
    {"Field": "query-string", "QueryStringConfig": {"Values": [{"Key": "v", "Value": "1"}]}}],
  "Actions": [{"Type": "forward", "TargetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/shop/abc"}]},
{"Priority": "default", "IsDefault": true, )" +
                                       kArn + R"(b", "Conditions": [],
  "Actions": [{"Type": "forward", "TargetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/def"}]})"));
    QVERIFY(c.usable());
    // One route per hostname plus one for every other host, each with the rules that apply.
    const Node *shop = route(c, "alb-listener-1-shop-example-com");
    QVERIFY(shop);
    QCOMPARE_STR(shop->at("spec.hostnames")->toJson(), std::string(R"(["shop.example.com"])"));
    QCOMPARE_STR(shop->at("spec.parentRefs")->toJson(),
                 std::string(R"([{"name":"alb","sectionName":"listener-1"}])"));
    const Node &rulesNode = *shop->at("spec.rules");
    QCOMPARE(rulesNode.size(), std::size_t(2)); // the rule, then the default rule
    const Node &matches = rulesNode.items()[0]["matches"];
    // 3 paths × 1 method × 2 header values × 1 query pair.
    QCOMPARE(matches.size(), std::size_t(6));
    QCOMPARE_STR(
        matches.items()[0].toJson(),
        std::string(
            R"({"path":{"type":"PathPrefix","value":"/api"},"method":"GET","headers":[{"type":"Exact","name":"X-Env","value":"blue"}],"queryParams":[{"type":"Exact","name":"v","value":"1"}]})"));
    QCOMPARE_STR(matches.items()[1]["headers"].toJson(),
                 std::string(R"([{"type":"RegularExpression","name":"X-Env","value":"gr.en"}])"));
    QCOMPARE_STR(matches.items()[2]["path"].toJson(),
                 std::string(R"({"type":"Exact","value":"/exact"})"));
    QCOMPARE_STR(matches.items()[4]["path"].toJson(),
                 std::string(R"({"type":"RegularExpression","value":"/img/.*\\.png"})"));
    QCOMPARE_STR(rulesNode.items()[0]["backendRefs"].toJson(),
                 std::string(R"([{"name":"shop","port":80}])"));
    QVERIFY(!rulesNode.items()[1].has("matches"));
    QVERIFY(route(c, "alb-listener-1-wildcard-example-org"));
    const Node *any = route(c, "alb-listener-1-any-host");
    QVERIFY(any);
    QVERIFY(!any->at("spec.hostnames"));
    QCOMPARE(any->at("spec.rules")->size(), std::size_t(1));
    QVERIFY(noteWith(c, "also matches the path without the trailing slash"));
    QVERIFY(noteWith(c, "RegularExpression matches"));
    QVERIFY(noteWith(c, "port is not in the input"));
    // Provenance: the matches come from the rule's Conditions.
    bool found = false;
    for (const auto &p : c.provenance) {
        if (p.targetResource == "HTTPRoute alb-listener-1-shop-example-com" &&
            p.targetPath == "spec.rules[0].matches") {
            QCOMPARE_STR(p.sourcePointer, std::string("/Rules/0/Conditions"));
            QCOMPARE(p.sourceMark.line, 1u);
            found = true;
        }
    }
    QVERIFY(found);
}

void TstAlbRuleConverter::weightedForwardAndTargetGroupPorts()
{
    const std::string json = R"({"examples": {
  "DescribeTargetGroups": [{"output": {"TargetGroups": [
    {"TargetGroupArn": "arn:aws:elasticloadbalancing:r:1:targetgroup/blue/1", "Port": 8080},
    {"TargetGroupArn": "arn:aws:elasticloadbalancing:r:1:targetgroup/green/2", "Port": 9090}]}}],
  "DescribeRules": [{"output": {"Rules": [{"Priority": "1", "Conditions": [
      {"Field": "path-pattern", "Values": ["/app/*"]}],
    "Actions": [{"Type": "forward", "ForwardConfig": {"TargetGroups": [
      {"TargetGroupArn": "arn:aws:elasticloadbalancing:r:1:targetgroup/blue/1", "Weight": 90},
      {"TargetGroupArn": "arn:aws:elasticloadbalancing:r:1:targetgroup/green/2", "Weight": 10}]}}]}]}}]}})";
    const Conversion c = convert(json);
    QVERIFY(c.usable());
    const Node *r = route(c, "alb-listener-any-host");
    QVERIFY(r);
    QCOMPARE_STR(
        r->at("spec.rules")->items().at(0)["backendRefs"].toJson(),
        std::string(
            R"([{"name":"blue","port":8080,"weight":90},{"name":"green","port":9090,"weight":10}])"));
    QCOMPARE_STR(r->at("spec.rules")->items().at(0)["matches"].toJson(),
                 std::string(R"([{"path":{"type":"PathPrefix","value":"/app"}}])"));
    QVERIFY(!noteWith(c, "port is not in the input"));
}

void TstAlbRuleConverter::redirectBecomesRequestRedirect()
{
    const Conversion c = convert(rules(R"({"Priority": "1", "Conditions": [],
  "Actions": [{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443",
    "Host": "#{host}", "Path": "/#{path}", "Query": "#{query}", "StatusCode": "HTTP_301"}}]},
{"Priority": "2", "Conditions": [{"Field": "path-pattern", "Values": ["/old"]}],
  "Actions": [{"Type": "redirect", "RedirectConfig": {"Host": "new.example.com", "Path": "/new",
    "Query": "from=old", "StatusCode": "HTTP_302"}}]})"));
    QVERIFY(c.usable());
    const Node &rs = *route(c, "alb-listener-any-host")->at("spec.rules");
    QCOMPARE_STR(
        rs.items().at(0)["filters"].toJson(),
        std::string(
            R"([{"type":"RequestRedirect","requestRedirect":{"scheme":"https","port":443,"statusCode":301}}])"));
    QCOMPARE_STR(
        rs.items().at(1)["filters"].toJson(),
        std::string(
            R"([{"type":"RequestRedirect","requestRedirect":{"hostname":"new.example.com","path":{"type":"ReplaceFullPath","replaceFullPath":"/new"},"statusCode":302}}])"));
    QVERIFY(!rs.items().at(0).has("backendRefs"));
    const auto *q = noteWith(c, "Redirect query from=old cannot be set");
    QVERIFY(q);
    QCOMPARE(q->line, 6);
}

void TstAlbRuleConverter::noEquivalentActionsAndConditions()
{
    const Conversion c = convert(rules(R"({"Priority": "1", "Conditions": [
    {"Field": "source-ip", "SourceIpConfig": {"Values": ["192.0.2.0/24"]}},
    {"Field": "query-string", "QueryStringConfig": {"Values": [{"Value": "test"}]}},
    {"Field": "host-header", "HostHeaderConfig": {"RegexValues": [".*\\.example\\.com"]}},
    {"Field": "http-request-method", "HttpRequestMethodConfig": {"Values": ["PURGE"]}}],
  "Actions": [{"Type": "authenticate-oidc", "Order": 1}, {"Type": "fixed-response", "Order": 2,
    "FixedResponseConfig": {"StatusCode": "403", "ContentType": "text/plain"}}]})"));
    QVERIFY(c.usable());
    const auto *ip = noteWith(c, "source-ip (192.0.2.0/24) has no HTTPRoute equivalent");
    QVERIFY(ip);
    QCOMPARE(ip->severity, Core::Severity::Warning);
    QVERIFY(noteWith(c, "Query condition on value test with any key"));
    QVERIFY(noteWith(c, "Host pattern .*\\.example\\.com has no Gateway API equivalent"));
    QVERIFY(noteWith(c, "now applies to every host"));
    QVERIFY(noteWith(c, "Method PURGE"));
    QVERIFY(noteWith(c, "Action authenticate-oidc has no Gateway API equivalent"));
    const auto *fixed = noteWith(c, "fixed-response (403)");
    QVERIFY(fixed);
    QCOMPARE(fixed->line, 6);
    // The rule stays (its matches keep their place in the order) without a backend.
    const Node &rs = *route(c, "alb-listener-any-host")->at("spec.rules");
    QCOMPARE(rs.size(), std::size_t(1));
    QVERIFY(!rs.items()[0].has("backendRefs"));
}

void TstAlbRuleConverter::cloudFormationTemplate()
{
    const char *yaml = R"(Resources:
  TG:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {Port: 8080, Protocol: HTTP}
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Port: 443
      Protocol: HTTPS
      DefaultActions:
        - Type: forward
          TargetGroupArn: !Ref TG
  AdminRule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref Listener
      Priority: 3
      Conditions:
        - Field: path-pattern
          PathPatternConfig: {Values: [/admin]}
      Actions:
        - Type: forward
          TargetGroupArn: {Ref: TG}
)";
    Yaml::LoadResult l = Yaml::loadText(yaml, "stack.yml");
    QCOMPARE(Convert::Alb::claimAlbRules(l.documents.at(0).root), Convert::Claim::Mine);
    const Conversion c = Convert::Alb::convertAlbText(yaml, "stack.yml");
    QVERIFY(c.usable());
    QCOMPARE_STR(c.objects.at(0)["kind"].str(), std::string("Gateway"));
    QCOMPARE_STR(
        c.objects.at(0).at("spec.listeners")->toJson(),
        std::string(
            R"([{"name":"listener","port":443,"protocol":"HTTPS","tls":{"mode":"Terminate","certificateRefs":[{"name":"listener-certificate"}]}}])"));
    QVERIFY(noteWith(c, "HTTPS listener listener needs the Secret listener-certificate"));
    const Node &rs = *route(c, "alb-listener-any-host")->at("spec.rules");
    QCOMPARE_STR(
        rs.toJson(),
        std::string(
            R"([{"matches":[{"path":{"type":"Exact","value":"/admin"}}],"backendRefs":[{"name":"tg","port":8080}]},{"backendRefs":[{"name":"tg","port":8080}]}])"));
}

// Condition values written as intrinsic calls: a parameter's Default is used; what only the
// deployed stack knows stays a placeholder, with a note at the call.
void TstAlbRuleConverter::cloudFormationIntrinsicValues()
{
    const char *yaml = R"(Parameters:
  Domain: {Type: String, Default: shop.example.com}
  Stage: {Type: String}
Resources:
  TG:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {Port: 8080, Protocol: HTTP}
  Rule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref Listener
      Priority: !Ref RulePriority
      Conditions:
        - Field: host-header
          HostHeaderConfig: {Values: [!Ref Domain, !Ref AWS::NoValue]}
        - Field: path-pattern
          PathPatternConfig: {Values: [!Sub "/${Stage}/*"]}
      Actions:
        - Type: forward
          TargetGroupArn: !Ref TG
)";
    const Conversion c = Convert::Alb::convertAlbText(yaml, "stack.yml");
    QVERIFY(c.usable());
    const Node *r = route(c, "alb-listener-shop-example-com");
    QVERIFY(r);
    QCOMPARE_STR(r->at("spec.rules")->items().at(0)["matches"].toJson(),
                 std::string(R"([{"path":{"type":"PathPrefix","value":"/${Stage}"}}])"));
    const Core::Diagnostic *placeholder = noteWith(c, "!Sub /${Stage}/* is known only when");
    QVERIFY(placeholder);
    QCOMPARE(placeholder->line, 17);
    QVERIFY(noteWith(c, "Priority !Ref RulePriority is not a number"));
}

void TstAlbRuleConverter::badInput()
{
    Yaml::LoadResult l = Yaml::loadText(R"({"family": "x", "containerDefinitions": []})", "t.json");
    QCOMPARE(Convert::Alb::claimAlbRules(l.documents.at(0).root), Convert::Claim::NotMine);
    const Conversion notRules = convert(R"({"family": "x", "containerDefinitions": []})");
    QVERIFY(!notRules.usable());
    QVERIFY(noteWith(notRules, "No ALB listener rules found"));
    const Conversion broken = convert(R"({"Rules": [)");
    QVERIFY(!broken.usable());
    const Conversion unknownPriority = convert(rules(R"({"Priority": "soon", "Conditions": [],
      "Actions": [{"Type": "forward", "TargetGroupArn": "tg"}]})"));
    QVERIFY(unknownPriority.usable());
    QVERIFY(noteWith(unknownPriority, "Priority soon is not a number"));
}

QTEST_GUILESS_MAIN(TstAlbRuleConverter)
#include "tst_alb_rule_converter.moc"
