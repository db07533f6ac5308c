// Istio Gateway / VirtualService → Gateway API: unit tests of our own, then the ingress2gateway
// corpus (../shared/fixtures/ingress2gateway/istio and from-pull-requests/istio-pr409) compared
// as Gateway API semantics (gateway_api_equivalence.h), with N/M printed.
//
// Differences from upstream's expected output that we keep on purpose (applied below in
// `applyKeptDifferences`, each with why):
//  1. A destination without `weight` gets no weight. Upstream writes `weight: 0`, which in the
//     Gateway API means "send nothing": a route with one such backend answers 500 to everything.
//     Istio means 100 % for a lone destination.
//  2. A rule with `redirect` has no backendRefs. The v1.6.1 CRD refuses RequestRedirect together
//     with backendRefs (CEL rule), and Istio itself forbids redirect together with route.
//  3. TCPRoutes have no `hostnames`: the field does not exist in TCPRoute (upstream writes a
//     hostname that is not even in the input).
//  4. A VirtualService in another namespace than its Gateway opens that Gateway's listeners to
//     its namespace with `allowedRoutes` (a namespace selector). Upstream writes a ReferenceGrant
//     to the Gateway, which the Gateway API does not consult for attachment: the route would stay
//     detached (NotAllowedByListeners).
//  5. Fields upstream drops and we keep because they change behaviour: the server's
//     `credentialName` as the listener's certificateRef (Terminate without one is refused by the
//     CRD), mirror percentages (`requestMirror.percent`: 50 % is not 100 %), redirect and rewrite
//     `authority` (`hostname`), and parentRefs to Gateways that are not among the inputs (a route
//     without parentRefs serves nothing; upstream drops them).
//  6. Listener names are made unique (the listener list is keyed by name; upstream repeats
//     `https-protocol-wildcard-ns-wildcard`) — invisible to the comparison, which ignores names.
//  8. A TLS server without a tls block is a Passthrough listener (Istio routes it by SNI without
//     terminating; the CRD requires a mode for TLS listeners), TCP listeners have no hostname
//     (the CRD refuses one) so hosts that differ only by name share one listener (the CRD
//     refuses two listeners with the same port, protocol and hostname).
//  9. A CORS origin prefix (`https://dashboard.`) is not converted: the CRD's origin pattern
//     allows only exact origins and `*.` host wildcards (upstream writes `https://dashboard.*`,
//     which is refused).
//  7. A URI rewrite of prefix matches gives one rule per prefix match (ReplacePrefixMatch needs
//     exactly one PathPrefix match per rule) — the same entries for the comparison.

#include "common/shared_corpus.h"
#include "gateway_api_equivalence.h"

#include "engine/convert/istio/istio_converter.h"
#include "engine/model/resource.h"
#include "engine/validation/validator.h"
#include "engine/yaml/yaml_loader.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <set>

using namespace Torii;
using Model::Node;

namespace {

Convert::Conversion convertText(const std::string &yaml, const std::string &file = "in.yaml")
{
    Yaml::LoadResult loaded = Yaml::loadText(yaml, file);
    std::vector<Convert::IstioConverter::Document> docs;
    for (auto &d : loaded.documents) {
        docs.push_back({file, d.root});
    }
    return Convert::IstioConverter().convert(docs);
}

const Node *findObject(const Convert::Conversion &c, const std::string &kind,
                       const std::string &name)
{
    for (const Node &o : c.objects) {
        if (o["kind"].str() == kind && o["metadata"]["name"].str() == name) {
            return &o;
        }
    }
    return nullptr;
}

bool hasNote(const Convert::Conversion &c, const std::string &code, int line = 0)
{
    for (const auto &d : c.notes) {
        if (d.code == code && (line == 0 || d.line == line)) {
            return true;
        }
    }
    return false;
}

void removeKey(Node &map, std::string_view key)
{
    if (map.isMap()) {
        map.remove(key);
    }
}

// A mirror's backendRef in the route's own namespace, written or not, is the same reference (the
// comparison fills the namespace of rule backendRefs but not of filter backendRefs).
void dropOwnNamespaceInMirrors(std::vector<Node> &objects)
{
    for (Node &o : objects) {
        const std::string ns = o["metadata"]["namespace"].str();
        Node *rules = o.find("spec") ? o.find("spec")->find("rules") : nullptr;
        if (!rules) {
            continue;
        }
        for (Node &rule : rules->items()) {
            if (Node *filters = rule.find("filters")) {
                for (Node &f : filters->items()) {
                    Node *m = f.find("requestMirror");
                    Node *ref = m ? m->find("backendRef") : nullptr;
                    if (ref && ref->has("namespace") && (*ref)["namespace"].str() == ns) {
                        ref->remove("namespace");
                    }
                }
            }
        }
    }
}

// See the list at the top of this file.
void applyKeptDifferences(std::vector<Node> &expected, std::vector<Node> &actual)
{
    // Expected side: what upstream writes that we do not.
    std::vector<Node> kept;
    for (Node &o : expected) {
        const std::string kind = o["kind"].str();
        if (kind == "ReferenceGrant" && o.at("spec.to") && o["spec"]["to"].items().size() == 1 &&
            o["spec"]["to"].items()[0]["kind"].str() == "Gateway") {
            continue; // 4
        }
        Node *spec = o.find("spec");
        if (kind == "TCPRoute" && spec) {
            spec->remove("hostnames"); // 3
        }
        if (Node *listeners = spec ? spec->find("listeners") : nullptr) { // 8
            Node unique = Node::list();
            for (Node l : listeners->items()) {
                if (l["protocol"].str() == "TCP") {
                    l.remove("hostname");
                }
                if (l["protocol"].str() == "TLS" && !l.has("tls")) {
                    Node tls = Node::map();
                    tls.set("mode", Node::string("Passthrough"));
                    l.set("tls", tls);
                }
                bool seen = false;
                for (const Node &u : unique.items()) {
                    seen = seen || (u["port"].asInt() == l["port"].asInt() &&
                                    u["protocol"].str() == l["protocol"].str() &&
                                    u["hostname"].str() == l["hostname"].str());
                }
                if (!seen) {
                    unique.append(l);
                }
            }
            *listeners = unique;
        }
        if (spec && spec->find("rules")) {
            for (Node &rule : spec->find("rules")->items()) {
                bool redirect = false;
                for (const Node &f : rule["filters"].items()) {
                    redirect = redirect || f["type"].str() == "RequestRedirect";
                }
                if (redirect) {
                    rule.remove("backendRefs"); // 2
                }
                if (Node *filters = rule.find("filters")) {
                    for (Node &f : filters->items()) {
                        Node *origins =
                            f.find("cors") ? f.find("cors")->find("allowOrigins") : nullptr;
                        if (!origins) {
                            continue;
                        }
                        Node keptOrigins = Node::list();
                        for (const Node &origin : origins->items()) {
                            const std::string &text = origin.str();
                            const auto star = text.find('*');
                            if (star == std::string::npos || text == "*" ||
                                (star > 0 && text[star - 1] == '/')) {
                                keptOrigins.append(origin);
                            } // else 9: a prefix written as "…*"
                        }
                        *origins = keptOrigins;
                    }
                }
                if (Node *refs = rule.find("backendRefs")) {
                    for (Node &ref : refs->items()) {
                        if (ref.has("weight") && ref["weight"].asInt() == 0) {
                            ref.remove("weight"); // 1
                        }
                    }
                }
            }
        }
        kept.push_back(std::move(o));
    }
    expected = std::move(kept);

    // Actual side: what we keep that upstream drops (5, 4).
    std::set<std::string> gateways;
    for (const Node &o : actual) {
        if (o["kind"].str() == "Gateway") {
            gateways.insert(o["metadata"]["namespace"].str() + "/" + o["metadata"]["name"].str());
        }
    }
    for (Node &o : actual) {
        Node *spec = o.find("spec");
        if (!spec) {
            continue;
        }
        if (Node *listeners = spec->find("listeners")) {
            for (Node &l : listeners->items()) {
                removeKey(l, "allowedRoutes");
                if (Node *tls = l.find("tls")) {
                    tls->remove("certificateRefs");
                }
            }
        }
        if (Node *parents = spec->find("parentRefs")) {
            Node keptParents = Node::list();
            for (const Node &p : parents->items()) {
                const std::string ns =
                    p.has("namespace") ? p["namespace"].str() : o["metadata"]["namespace"].str();
                if (gateways.count(ns + "/" + p["name"].str())) {
                    keptParents.append(p);
                }
            }
            if (keptParents.items().empty()) {
                spec->remove("parentRefs");
            } else {
                *parents = keptParents;
            }
        }
        if (Node *rules = spec->find("rules")) {
            for (Node &rule : rules->items()) {
                if (Node *filters = rule.find("filters")) {
                    for (Node &f : filters->items()) {
                        if (Node *m = f.find("requestMirror")) {
                            m->remove("percent");
                            m->remove("fraction");
                        }
                        if (Node *r = f.find("requestRedirect")) {
                            r->remove("hostname");
                        }
                        if (Node *r = f.find("urlRewrite")) {
                            r->remove("hostname");
                        }
                    }
                }
            }
        }
    }
}

} // namespace

class TestIstioConversion : public QObject
{
    Q_OBJECT

private slots:
    void claimsIstioKindsOnly()
    {
        auto load = [](const char *y) { return Yaml::loadText(y, "x").documents.at(0).root; };
        QCOMPARE(Convert::IstioConverter::claim(
                     load("apiVersion: networking.istio.io/v1\nkind: VirtualService\n")),
                 Convert::Claim::Mine);
        QCOMPARE(Convert::IstioConverter::claim(
                     load("apiVersion: networking.istio.io/v1alpha3\nkind: Gateway\n")),
                 Convert::Claim::Mine);
        QCOMPARE(Convert::IstioConverter::claim(
                     load("apiVersion: networking.istio.io/v1beta1\nkind: DestinationRule\n")),
                 Convert::Claim::Error);
        QCOMPARE(Convert::IstioConverter::claim(
                     load("apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n")),
                 Convert::Claim::NotMine);
    }

    void gatewayListenersNamesProtocolsAndCertificates()
    {
        const auto c = convertText(R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: edge}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 443, protocol: HTTPS}
    hosts: ["team/)"
                                   R"(*.example.com", "*"]
    tls: {mode: SIMPLE, credentialName: example-cert, minProtocolVersion: TLSV1_2}
  - port: {number: 9443, protocol: GRPC}
    hosts: ["*"]
    tls: {mode: PASSTHROUGH}
  - port: {number: 8443, protocol: HTTPS}
    hosts: ["*"]
    tls: {mode: SIMPLE, credentialName: other}
  - port: {number: 27017, protocol: MONGO}
    hosts: ["*"]
  - port: {number: 7000, protocol: UDP}
    hosts: ["*"]
)");
        const Node *gw = findObject(c, "Gateway", "gw");
        QVERIFY(gw);
        QCOMPARE((*gw)["spec"]["gatewayClassName"].str(), std::string("istio"));
        const auto &ls = (*gw)["spec"]["listeners"].items();
        QCOMPARE(ls.size(), std::size_t(5)); // UDP has no equivalent
        QCOMPARE(ls[0]["name"].str(), std::string("https-protocol-team-ns-wildcard.example.com"));
        QCOMPARE(ls[0]["hostname"].str(), std::string("*.example.com"));
        QCOMPARE(ls[0]["tls"]["mode"].str(), std::string("Terminate"));
        QCOMPARE(ls[0]["tls"]["certificateRefs"].items()[0]["name"].str(),
                 std::string("example-cert"));
        QVERIFY(!ls[1].has("hostname"));
        QCOMPARE(ls[2]["protocol"].str(), std::string("HTTPS"));
        QCOMPARE(ls[2]["tls"]["mode"].str(), std::string("Passthrough"));
        // Same name as ls[1] (both "*" on HTTPS): made unique with the port.
        QCOMPARE(ls[1]["name"].str(), std::string("https-protocol-wildcard-ns-wildcard"));
        QCOMPARE(ls[3]["name"].str(), std::string("https-protocol-wildcard-ns-wildcard-8443"));
        QCOMPARE(ls[4]["protocol"].str(), std::string("TCP"));
        QVERIFY(hasNote(c, "convert.istio.protocol", 18));
        QVERIFY(hasNote(c, "convert.istio.ignored", 9)); // minProtocolVersion at its line
        QVERIFY(hasNote(c, "convert.istio.selector", 5));
    }

    void tlsWithoutTlsBlockIsPassthroughAndTcpSharesAListener()
    {
        const auto c = convertText(R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: edge}
spec:
  servers:
  - port: {number: 8443, protocol: TLS}
    hosts: [a.example.com]
  - port: {number: 5432, protocol: TCP}
    hosts: [db.example.com, other.example.com]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: edge}
spec:
  hosts: [a.example.com]
  gateways: [gw]
  tls: [{match: [{sniHosts: [a.example.com]}], route: [{destination: {host: a}}]}]
)");
        const Node *gw = findObject(c, "Gateway", "gw");
        QVERIFY(gw);
        const auto &ls = (*gw)["spec"]["listeners"].items();
        QCOMPARE(ls.size(), std::size_t(2));
        QCOMPARE(ls[0]["tls"]["mode"].str(), std::string("Passthrough"));
        QVERIFY(!ls[1].has("hostname"));
        QVERIFY(hasNote(c, "convert.istio.same-listener", 9));
        QVERIFY(hasNote(c, "convert.istio.no-port", 17));
        for (const Node &o : c.objects) {
            for (const auto &d : Validation::validateResource(Model::makeResource(o, {}))) {
                // The only refusal left is the port the input does not give.
                QVERIFY2(!d.isError() || d.message.find("Must have port") != std::string::npos,
                         d.message.c_str());
            }
        }
    }

    void httpRouteMatchesFiltersAndTimeout()
    {
        const auto c = convertText(R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: shop}
spec:
  hosts: [shop.example.com, "*"]
  gateways: [edge/gw, mesh]
  http:
  - name: api
    match:
    - uri: {prefix: /api}
      headers: {x-env: {exact: prod}, x-id: {prefix: ab}}
      method: {exact: post}
    route:
    - destination: {host: api.shop.svc.cluster.local, port: {number: 8080}}
      weight: 90
    - destination: {host: api-canary, port: {number: 8080}}
      weight: 10
    timeout: 1.5s
    retries: {attempts: 3}
    mirror: {host: shadow.tools, port: {number: 80}}
    mirrorPercentage: {value: 12.5}
  - route:
    - destination: {host: web, port: {number: 80}}
)");
        const Node *api = findObject(c, "HTTPRoute", "vs-api");
        QVERIFY(api);
        QCOMPARE((*api)["spec"]["hostnames"].items().size(), std::size_t(1));
        QCOMPARE((*api)["spec"]["parentRefs"].items()[0]["namespace"].str(), std::string("edge"));
        const Node &rule = (*api)["spec"]["rules"].items()[0];
        const Node &match = rule["matches"].items()[0];
        QCOMPARE(match["method"].str(), std::string("POST"));
        QCOMPARE(match["headers"].items().size(), std::size_t(1)); // prefix is not converted
        QCOMPARE(rule["backendRefs"].items()[0]["weight"].asInt(), std::int64_t(90));
        QVERIFY(!rule["backendRefs"].items()[0].has("namespace")); // same namespace
        QCOMPARE(rule["timeouts"]["request"].str(), std::string("1500ms"));
        const Node &mirror = rule["filters"].items()[0]["requestMirror"];
        QCOMPARE(mirror["backendRef"]["namespace"].str(), std::string("tools"));
        QCOMPARE(mirror["fraction"]["numerator"].asInt(), std::int64_t(12500));
        QVERIFY(hasNote(c, "convert.istio.ignored", 19)); // retries
        QVERIFY(hasNote(c, "convert.istio.string-match", 11));
        QVERIFY(hasNote(c, "convert.istio.mesh"));
        QVERIFY(hasNote(c, "convert.istio.unknown-gateway"));
        const Node *unnamed = findObject(c, "HTTPRoute", "vs-idx-1");
        QVERIFY(unnamed);
        // No weight written: Istio's lone destination takes everything.
        QVERIFY(!(*unnamed)["spec"]["rules"].items()[0]["backendRefs"].items()[0].has("weight"));
    }

    void redirectDropsDestinationsAndRewriteSplits()
    {
        const auto c = convertText(R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: ns}
spec:
  hosts: [a.example.com]
  gateways: [gw]
  http:
  - name: old
    match: [{uri: {exact: /old}}]
    redirect: {uri: /new, authority: b.example.com, redirectCode: 301}
    route: [{destination: {host: web, port: {number: 80}}}]
  - name: rw
    match: [{uri: {prefix: /a}}, {uri: {prefix: /b}}, {uri: {regex: "/c[0-9]+"}}]
    rewrite: {uri: /x, authority: internal}
    route: [{destination: {host: web, port: {number: 80}}}]
)");
        const Node *old = findObject(c, "HTTPRoute", "vs-old");
        QVERIFY(old);
        const Node &rule = (*old)["spec"]["rules"].items()[0];
        QVERIFY(!rule.has("backendRefs"));
        QCOMPARE(rule["filters"].items()[0]["requestRedirect"]["hostname"].str(),
                 std::string("b.example.com"));
        QCOMPARE(rule["filters"].items()[0]["requestRedirect"]["statusCode"].asInt(),
                 std::int64_t(301));
        QVERIFY(hasNote(c, "convert.istio.redirect-and-route", 11));
        const Node *full = findObject(c, "HTTPRoute", "vs-rw");
        const Node *prefix = findObject(c, "HTTPRoute", "vs-rw-prefix-match");
        QVERIFY(full && prefix);
        QCOMPARE((*full)["spec"]["rules"]
                     .items()[0]["filters"]
                     .items()[0]["urlRewrite"]["path"]["type"]
                     .str(),
                 std::string("ReplaceFullPath"));
        QCOMPARE((*prefix)["spec"]["rules"].items().size(), std::size_t(2)); // one per prefix
        QCOMPARE((*prefix)["spec"]["rules"]
                     .items()[1]["filters"]
                     .items()[0]["urlRewrite"]["hostname"]
                     .str(),
                 std::string("internal"));
    }

    void crossNamespaceBindingOpensListeners()
    {
        const auto c = convertText(R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  servers: [{port: {number: 80, protocol: HTTP}, hosts: ["*"]}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: app}
spec:
  hosts: [a.example.com]
  gateways: [infra/gw]
  tcp: [{route: [{destination: {host: db, port: {number: 5432}}}]}]
)");
        const Node *gw = findObject(c, "Gateway", "gw");
        QVERIFY(gw);
        const Node &allowed = (*gw)["spec"]["listeners"].items()[0]["allowedRoutes"]["namespaces"];
        QCOMPARE(allowed["from"].str(), std::string("Selector"));
        QCOMPARE(allowed["selector"]["matchExpressions"].items()[0]["values"].toJson(),
                 std::string(R"(["infra","app"])"));
        const Node *tcp = findObject(c, "TCPRoute", "vs-idx-0");
        QVERIFY(tcp);
        QVERIFY(!(*tcp)["spec"].has("hostnames"));
        for (const Node &o : c.objects) {
            QVERIFY(o["kind"].str() != "ReferenceGrant");
        }
    }

    void conversionsValidate()
    {
        // What we write passes the v1.6.1 CRDs when the input has what the CRDs need.
        const auto c = convertText(R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: ns}
spec:
  servers:
  - {port: {number: 443, protocol: HTTPS}, hosts: [a.example.com], tls: {mode: SIMPLE, credentialName: cert}}
  - {port: {number: 80, protocol: HTTP}, hosts: [a.example.com]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: ns}
spec:
  hosts: [a.example.com]
  gateways: [gw]
  http:
  - match: [{uri: {prefix: /a}}, {uri: {exact: /b}}]
    rewrite: {uri: /c}
    route: [{destination: {host: web, port: {number: 80}}}]
  - redirect: {scheme: https, redirectCode: 301}
    route: [{destination: {host: web, port: {number: 80}}}]
)");
        QVERIFY(c.usable());
        for (const Node &o : c.objects) {
            const auto diags = Validation::validateResource(Model::makeResource(o, {}));
            for (const auto &d : diags) {
                QVERIFY2(!d.isError(), (o.toJson() + " → " + d.message).c_str());
            }
        }
    }

    void readsFilesAndReportsSyntaxErrors()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("bad.yaml")).toStdString();
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: networking.istio.io/v1\nkind: [\n");
        f.close();
        const auto c = Convert::IstioConverter().convertFiles({path});
        QVERIFY(!c.usable());
        QCOMPARE(c.notes.front().file, path);
    }

    void corpus()
    {
        TORII_REQUIRE_SHARED(QStringLiteral("fixtures/ingress2gateway/istio"));
        const QString base = Test::sharedPath(QStringLiteral("fixtures/ingress2gateway"));
        QStringList inputs;
        for (const QString &dir : {QStringLiteral("/istio/input"),
                                   QStringLiteral("/from-pull-requests/istio-pr409/input")}) {
            for (const QFileInfo &fi :
                 QDir(base + dir).entryInfoList({"*.yaml"}, QDir::Files, QDir::Name)) {
                inputs << fi.absoluteFilePath();
            }
        }
        QVERIFY(inputs.size() >= 7);
        int equivalent = 0;
        QStringList failures;
        for (const QString &input : inputs) {
            QString output = input;
            output.replace(QStringLiteral("/input/"), QStringLiteral("/output/"));
            QString error;
            std::vector<Node> expected = Test::readExpectedObjects(output, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            const auto c = Convert::IstioConverter().convertFiles({input.toStdString()});
            QVERIFY2(c.usable(), qPrintable(input));
            std::vector<Node> actual = c.objects;
            applyKeptDifferences(expected, actual);
            dropOwnNamespaceInMirrors(expected);
            dropOwnNamespaceInMirrors(actual);
            const auto result = Test::compareGatewayApi(expected, actual);
            if (result.equivalent()) {
                ++equivalent;
            } else {
                QString text = QFileInfo(input).fileName() + QLatin1Char('\n');
                for (const std::string &d : result.differences()) {
                    text += QString::fromStdString(d) + QLatin1Char('\n');
                    qWarning("%s", d.c_str());
                }
                failures << text;
            }
        }
        qInfo("istio: %d/%lld inputs equivalent to ingress2gateway's expected output", equivalent,
              static_cast<long long>(inputs.size()));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestIstioConversion)
#include "tst_istio_conversion.moc"
