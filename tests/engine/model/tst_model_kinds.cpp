// The typed model (engine/model/kinds): exact round trips over the upstream corpora, every CRD
// field typed, hand-written objects of each kind decoding to the right values, and decoders that
// survive any wrongly-typed input without losing it.
// (moc cannot read "//" inside raw string literals: keep URLs out of the YAML snippets below.)
#include "common/shared_corpus.h"

#include "engine/model/kinds/typed_object.h"
#include "engine/yaml/yaml_loader.h"

#include <QtTest/QTest>

#include <algorithm>
#include <map>

using namespace Torii;
using Model::Node;

Q_DECLARE_METATYPE(Torii::Model::Node)

namespace {

// ---- helpers

Node parseYaml(std::string_view text)
{
    const Yaml::LoadResult result = Yaml::loadText(text, "inline.yaml");
    if (result.fatal || result.documents.empty()) {
        qWarning("inline YAML did not parse");
        return Node();
    }
    return result.documents.front().root;
}

Model::TypedObject decodeYaml(std::string_view text)
{
    return Model::decodeObject(parseYaml(text));
}

// Where two trees first differ, for failure messages.
std::string firstDifference(const Node &expected, const Node &actual, const std::string &path)
{
    if (expected.equals(actual)) {
        return {};
    }
    if (expected.isMap() && actual.isMap()) {
        for (const Node::Entry &entry : expected.entries()) {
            const Node *other = actual.find(entry.key);
            if (!other) {
                return path + "." + entry.key + ": missing after the round trip";
            }
            std::string diff = firstDifference(entry.value, *other, path + "." + entry.key);
            if (!diff.empty()) {
                return diff;
            }
        }
        for (const Node::Entry &entry : actual.entries()) {
            if (!expected.has(entry.key)) {
                return path + "." + entry.key + ": added by the round trip (" +
                       entry.value.toJson() + ")";
            }
        }
    }
    if (expected.isList() && actual.isList() && expected.size() == actual.size()) {
        for (std::size_t i = 0; i < expected.size(); ++i) {
            std::string diff = firstDifference(expected.items()[i], actual.items()[i],
                                               path + "[" + std::to_string(i) + "]");
            if (!diff.empty()) {
                return diff;
            }
        }
    }
    return path + ": expected " + expected.toJson() + ", got " + actual.toJson();
}

struct GroupKind
{
    std::string group;
    std::string kind;
};

GroupKind groupKindOf(const Node &object)
{
    return {std::string(Model::splitApiVersion(object["apiVersion"].str()).group),
            object["kind"].str()};
}

// encodeObject(decodeObject(...)) against the input; empty when exact.
std::string roundTripDifference(const Node &object)
{
    const GroupKind gk = groupKindOf(object);
    const Model::TypedObject typed = Model::decodeObject(gk.group, gk.kind, object);
    return firstDifference(object, Model::encodeObject(typed), gk.kind);
}

struct CorpusObject
{
    QString label;
    Node object;
};

// Every object of a corpus folder: all documents of valid/ and valid-experimental/, every case's
// `object` (and `oldObject`, the object an update starts from) of cel-cases/.
std::vector<CorpusObject> corpusObjects(const QString &sub)
{
    std::vector<CorpusObject> out;
    const QString root = Test::sharedPath(sub);
    const bool celCases = sub.endsWith(QLatin1String("cel-cases"));
    for (const QString &file : Test::yamlFilesUnder(root)) {
        const QString rel = QDir(root).relativeFilePath(file);
        const Yaml::LoadResult loaded = Yaml::loadFile(file.toStdString());
        for (const Yaml::LoadedDocument &doc : loaded.documents) {
            if (!celCases) {
                if (doc.root.isMap()) {
                    out.push_back({QStringLiteral("%1#%2").arg(rel).arg(doc.index), doc.root});
                }
                continue;
            }
            for (const Node &c : doc.root["cases"].items()) {
                const QString name = QString::fromStdString(c["name"].str());
                out.push_back({rel + QStringLiteral(": ") + name, c["object"]});
                if (c.has("oldObject")) {
                    out.push_back({rel + QStringLiteral(": ") + name + QStringLiteral(" (old)"),
                                   c["oldObject"]});
                }
            }
        }
    }
    return out;
}

const QStringList kCorpora = {QStringLiteral("validation/valid"),
                              QStringLiteral("validation/valid-experimental"),
                              QStringLiteral("validation/cel-cases")};

// Every path to a node of `root`, as a list of (key or index) steps.
using Path = std::vector<std::string>;
void collectPaths(const Node &node, Path &current, std::vector<Path> &out)
{
    if (node.isMap()) {
        for (const Node::Entry &entry : node.entries()) {
            current.push_back(entry.key);
            out.push_back(current);
            collectPaths(entry.value, current, out);
            current.pop_back();
        }
    } else if (node.isList()) {
        for (std::size_t i = 0; i < node.items().size(); ++i) {
            current.push_back("#" + std::to_string(i));
            out.push_back(current);
            collectPaths(node.items()[i], current, out);
            current.pop_back();
        }
    }
}

Node *nodeAt(Node &root, const Path &path)
{
    Node *cur = &root;
    for (const std::string &step : path) {
        if (step.rfind('#', 0) == 0) {
            cur = &cur->items()[std::stoul(step.substr(1))];
        } else {
            cur = cur->find(step);
        }
    }
    return cur;
}

// ---- hand-written objects, one per kind (values chosen to be distinguishable)

constexpr std::string_view kGatewayClass = R"(
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: torii
spec:
  controllerName: example.com/gateway-controller
  description: the studio class
  parametersRef: {group: example.com, kind: Config, name: cfg, namespace: infra}
status:
  conditions:
  - {type: Accepted, status: "True", reason: Accepted, message: ok,
     lastTransitionTime: "2024-01-01T00:00:00Z", observedGeneration: 3}
  supportedFeatures:
  - name: HTTPRoute
)";

constexpr std::string_view kGateway = R"(
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: prod
  namespace: infra
  labels: {team: net}
  annotations: {note: x}
  generation: 4
  uid: 1234
spec:
  gatewayClassName: torii
  listeners:
  - name: https
    hostname: "*.example.com"
    port: 443
    protocol: HTTPS
    tls:
      mode: Terminate
      certificateRefs:
      - {kind: Secret, name: wildcard, namespace: certs}
      options: {example.com/min-tls: "1.2"}
    allowedRoutes:
      namespaces:
        from: Selector
        selector:
          matchLabels: {expose: "true"}
          matchExpressions:
          - {key: env, operator: In, values: [prod, staging]}
      kinds:
      - {group: gateway.networking.k8s.io, kind: HTTPRoute}
  - {name: tcp, port: 9000, protocol: TCP}
  addresses:
  - {type: IPAddress, value: 10.0.0.1}
  - value: lb.example.com
  infrastructure:
    labels: {a: b}
    annotations: {c: d}
    parametersRef: {group: example.com, kind: Infra, name: i}
  allowedListeners:
    namespaces: {from: Same}
  tls:
    backend:
      clientCertificateRef: {name: client}
    frontend:
      default:
        validation:
          caCertificateRefs:
          - {group: "", kind: ConfigMap, name: ca}
          mode: AllowInsecureFallback
      perPort:
      - port: 8443
        tls:
          validation:
            caCertificateRefs: [{group: "", kind: ConfigMap, name: ca2, namespace: certs}]
  defaultScope: All
status:
  addresses: [{type: IPAddress, value: 192.0.2.1}]
  conditions:
  - {type: Programmed, status: "True", reason: Programmed, message: "",
     lastTransitionTime: "2024-01-01T00:00:00Z"}
  listeners:
  - name: https
    supportedKinds: [{kind: HTTPRoute}]
    attachedRoutes: 2
    conditions: []
  attachedListenerSets: 1
)";

constexpr std::string_view kListenerSet = R"(
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: extra, namespace: apps}
spec:
  parentRef: {name: prod, namespace: infra}
  listeners:
  - {name: extra-http, port: 8080, protocol: HTTP, hostname: extra.example.com}
status:
  conditions: [{type: Accepted, status: "True", reason: Accepted, message: "",
                lastTransitionTime: "2024-01-01T00:00:00Z"}]
  listeners:
  - {name: extra-http, attachedRoutes: 0, conditions: []}
)";

constexpr std::string_view kHTTPRoute = R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: apps}
spec:
  parentRefs:
  - {name: prod, namespace: infra, sectionName: https, port: 443}
  useDefaultGateways: All
  hostnames: [www.example.com, "*.example.org"]
  rules:
  - name: api
    matches:
    - path: {type: PathPrefix, value: /api}
      headers: [{name: x-env, value: canary, type: Exact}]
      queryParams: [{type: RegularExpression, name: q, value: "^a"}]
      method: GET
    filters:
    - type: RequestHeaderModifier
      requestHeaderModifier:
        set: [{name: x-a, value: "1"}]
        add: [{name: x-b, value: "2"}]
        remove: [x-c]
    - type: RequestMirror
      requestMirror:
        backendRef: {name: shadow, port: 8080}
        fraction: {numerator: 1, denominator: 10}
    - type: CORS
      cors: {allowOrigins: ["*.example.com"], allowCredentials: true, maxAge: 60}
    - type: ExternalAuth
      externalAuth:
        protocol: HTTP
        backendRef: {name: auth, port: 9000}
        http: {path: /check, allowedHeaders: [authorization]}
        forwardBody: {maxSize: 1024}
    - type: ExtensionRef
      extensionRef: {group: example.com, kind: Filter, name: f}
    backendRefs:
    - name: api
      port: 8080
      weight: 90
      filters:
      - type: ResponseHeaderModifier
        responseHeaderModifier: {remove: [server]}
    - {group: "", kind: Service, name: api-canary, namespace: apps, port: 8080, weight: 10}
    timeouts: {request: 10s, backendRequest: 2s}
    retry: {codes: [502, 503], attempts: 3, backoff: 100ms}
    sessionPersistence:
      sessionName: s
      absoluteTimeout: 1h
      type: Cookie
      cookieConfig: {lifetimeType: Permanent}
  - filters:
    - type: RequestRedirect
      requestRedirect:
        scheme: https
        hostname: secure.example.com
        path: {type: ReplacePrefixMatch, replacePrefixMatch: /v2}
        port: 443
        statusCode: 301
    - type: URLRewrite
      urlRewrite: {hostname: internal, path: {type: ReplaceFullPath, replaceFullPath: /x}}
status:
  parents:
  - parentRef: {name: prod, namespace: infra}
    controllerName: example.com/gateway-controller
    conditions:
    - {type: Accepted, status: "True", reason: Accepted, message: "",
       lastTransitionTime: "2024-01-01T00:00:00Z", observedGeneration: 1}
)";

constexpr std::string_view kGRPCRoute = R"(
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: rpc}
spec:
  parentRefs: [{name: prod}]
  hostnames: [grpc.example.com]
  rules:
  - name: echo
    matches:
    - method: {type: Exact, service: echo.Echo, method: Ping}
      headers: [{name: x-v, value: "2"}]
    filters:
    - type: RequestMirror
      requestMirror: {backendRef: {name: mirror, port: 9000}, percent: 5}
    backendRefs:
    - name: echo
      port: 9000
      filters:
      - type: RequestHeaderModifier
        requestHeaderModifier: {add: [{name: x, value: added}]}
    sessionPersistence: {type: Header, sessionName: sid}
)";

constexpr std::string_view kTCPRoute = R"(
apiVersion: gateway.networking.k8s.io/v1
kind: TCPRoute
metadata: {name: db}
spec:
  parentRefs: [{name: prod, sectionName: tcp}]
  rules:
  - name: pg
    backendRefs: [{name: postgres, port: 5432, weight: 1}]
)";

constexpr std::string_view kUDPRoute = R"(
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: UDPRoute
metadata: {name: dns}
spec:
  parentRefs: [{name: prod}]
  rules:
  - backendRefs: [{name: coredns, port: 53}]
)";

constexpr std::string_view kTLSRoute = R"(
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: passthrough}
spec:
  parentRefs: [{name: prod, sectionName: tls}]
  hostnames: [secure.example.com]
  rules:
  - backendRefs: [{name: tls-backend, port: 443}]
)";

constexpr std::string_view kReferenceGrant = R"(
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: allow, namespace: certs}
spec:
  from: [{group: gateway.networking.k8s.io, kind: Gateway, namespace: infra}]
  to: [{group: "", kind: Secret}, {group: "", kind: Secret, name: wildcard}]
)";

constexpr std::string_view kBackendTLSPolicy = R"(
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: tls, namespace: apps}
spec:
  targetRefs: [{group: "", kind: Service, name: api, sectionName: https}]
  validation:
    caCertificateRefs: [{group: "", kind: ConfigMap, name: ca}]
    hostname: api.internal
    subjectAltNames:
    - {type: Hostname, hostname: api.internal}
    - {type: URI, uri: "spiffe:cluster/api"}
  options: {example.com/x: z}
status:
  ancestors:
  - ancestorRef: {name: prod, namespace: infra}
    controllerName: example.com/gateway-controller
    conditions: []
)";

constexpr std::string_view kCoreKinds = R"(
apiVersion: v1
kind: Namespace
metadata:
  name: apps
  labels: {expose: "true"}
spec: {finalizers: [kubernetes]}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: apps}
spec:
  type: ClusterIP
  clusterIP: 10.96.0.10
  selector: {app: api}
  ports:
  - {name: http, port: 8080, targetPort: http, protocol: TCP, appProtocol: kubernetes.io/h2c}
  - {port: 9090, targetPort: 9091, nodePort: 30000}
---
apiVersion: v1
kind: Secret
metadata: {name: wildcard, namespace: certs}
type: kubernetes.io/tls
data: {tls.crt: Y3J0, tls.key: a2V5}
stringData: {extra: plain}
immutable: true
---
apiVersion: v1
kind: ConfigMap
metadata: {name: ca, namespace: apps}
data: {ca.crt: PEM}
binaryData: {blob: AAAA}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: apps}
spec:
  replicas: 3
  selector: {matchLabels: {app: api}}
  strategy: {type: RollingUpdate}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
      - name: api
        image: example/api:1.0
        ports: [{name: http, containerPort: 8080, protocol: TCP}]
        env: [{name: A, value: b}]
status: {readyReplicas: 3}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: legacy, namespace: apps}
spec:
  ingressClassName: nginx
  defaultBackend: {service: {name: default, port: {number: 80}}}
  tls: [{hosts: [www.example.com], secretName: www-cert}]
  rules:
  - host: www.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend: {service: {name: web, port: {name: http}}}
      - path: /static
        pathType: Exact
        backend: {resource: {apiGroup: example.com, kind: Bucket, name: assets}}
)";

const std::vector<std::string_view> kSamples = {
    kGatewayClass, kGateway,  kListenerSet, kHTTPRoute,      kGRPCRoute,
    kTCPRoute,     kUDPRoute, kTLSRoute,    kReferenceGrant, kBackendTLSPolicy,
};

std::vector<Node> sampleObjects()
{
    std::vector<Node> out;
    for (std::string_view text : kSamples) {
        out.push_back(parseYaml(text));
    }
    const Yaml::LoadResult core = Yaml::loadText(kCoreKinds, "core.yaml");
    for (const Yaml::LoadedDocument &doc : core.documents) {
        out.push_back(doc.root);
    }
    return out;
}

// An instance holding every property of a CRD schema (first enum value, one item per list, one
// entry per free-form map), to prove the typed model has a field for each.
Node synthesize(const Node &schema)
{
    const std::string type = schema["type"].str();
    if (schema["x-kubernetes-int-or-string"].asBool()) {
        return Node::string("x");
    }
    if (type == "object") {
        Node out = Node::map();
        if (const Node *props = schema.find("properties")) {
            for (const Node::Entry &prop : props->entries()) {
                out.set(prop.key, synthesize(prop.value));
            }
        } else if (const Node *extra = schema.find("additionalProperties")) {
            out.set("example.com/key", synthesize(*extra));
        }
        return out;
    }
    if (type == "array") {
        Node out = Node::list();
        out.append(synthesize(schema["items"]));
        return out;
    }
    if (type == "integer") {
        return Node::integer(7);
    }
    if (type == "boolean") {
        return Node::boolean(true);
    }
    if (const Node *values = schema.find("enum"); values && values->size() > 0) {
        return values->items().front();
    }
    return Node::string("x");
}

} // namespace

class TestModelKinds : public QObject
{
    Q_OBJECT

private slots:
    // ---- corpus (../shared)

    void corpusRoundTrip_data()
    {
        QTest::addColumn<QString>("corpus");
        QTest::addColumn<Node>("object");
        for (const QString &sub : kCorpora) {
            if (!QDir(Test::sharedPath(sub)).exists()) {
                // One row that skips (or fails under CI) with the usual message.
                QTest::addRow("%s (missing)", qPrintable(sub)) << sub << Node();
                continue;
            }
            for (const CorpusObject &item : corpusObjects(sub)) {
                QTest::addRow("%s", qPrintable(item.label)) << sub << item.object;
            }
        }
    }

    void corpusRoundTrip()
    {
        QFETCH(QString, corpus);
        QFETCH(Node, object);
        TORII_REQUIRE_SHARED(corpus);
        const GroupKind gk = groupKindOf(object);
        const Model::TypedObject typed = Model::decodeObject(gk.group, gk.kind, object);
        if (typed.index() == 0) {
            // Kinds outside the typed model (XBackendTrafficPolicy …) stay opaque Nodes.
            QVERIFY2(gk.group != Model::kGatewayApiGroup || !Model::findGatewayApiKind(gk.kind),
                     gk.kind.c_str());
            return;
        }
        QCOMPARE(Model::kindName(typed), std::string_view(gk.kind));
        const std::string diff = roundTripDifference(object);
        QVERIFY2(diff.empty(), diff.c_str());
        const std::vector<std::string> leftovers = Model::leftoverPaths(typed);
        if (Model::isGatewayApiObject(typed)) {
            // The corpus only uses CRD fields: everything must land in a typed field.
            QVERIFY2(leftovers.empty(), leftovers.empty() ? "" : leftovers.front().c_str());
        }
    }

    // Counts, per corpus and kind (the data rows above give the per-object failures).
    void corpusRoundTripCounts()
    {
        for (const QString &sub : kCorpora) {
            TORII_REQUIRE_SHARED(sub);
        }
        int exact = 0;
        int opaque = 0;
        QStringList failures;
        for (const QString &sub : kCorpora) {
            std::map<std::string, int> perKind;
            int corpusExact = 0;
            for (const CorpusObject &item : corpusObjects(sub)) {
                const GroupKind gk = groupKindOf(item.object);
                if (Model::decodeObject(gk.group, gk.kind, item.object).index() == 0) {
                    ++opaque;
                    continue;
                }
                const std::string diff = roundTripDifference(item.object);
                if (!diff.empty()) {
                    failures << item.label + QStringLiteral(": ") + QString::fromStdString(diff);
                    continue;
                }
                ++corpusExact;
                ++perKind[gk.kind];
            }
            QString kinds;
            for (const auto &[kind, count] : perKind) {
                kinds += QStringLiteral(" %1 %2").arg(QString::fromStdString(kind)).arg(count);
            }
            qInfo("%s: %d objects round-trip exactly (%s)", qPrintable(sub), corpusExact,
                  qPrintable(kinds.trimmed()));
            exact += corpusExact;
        }
        qInfo("round trip: %d exact, %d left opaque (kinds outside the typed model)", exact,
              opaque);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        // valid/ 103 documents, valid-experimental/ 11, cel-cases 195 objects + 2 oldObjects,
        // minus the 9 XBackendTrafficPolicy objects.
        QVERIFY(exact >= 300);
    }

    // Every property of every served version of the ten CRDs (both channels) has a typed field.
    void everyCrdFieldIsTyped()
    {
        TORII_REQUIRE_SHARED("crds");
        int versions = 0;
        QStringList failures;
        for (const QString &channel :
             {QStringLiteral("standard"), QStringLiteral("experimental")}) {
            for (const QString &file : Test::yamlFilesUnder(Test::sharedPath("crds/" + channel))) {
                const Yaml::LoadResult loaded = Yaml::loadFile(file.toStdString());
                for (const Yaml::LoadedDocument &doc : loaded.documents) {
                    const Node &crd = doc.root;
                    if (crd["kind"].str() != "CustomResourceDefinition" ||
                        crd.at("spec.group")->str() != Model::kGatewayApiGroup) {
                        continue;
                    }
                    const std::string kind = crd.at("spec.names.kind")->str();
                    QVERIFY2(Model::findGatewayApiKind(kind), kind.c_str());
                    for (const Node &version : crd.at("spec.versions")->items()) {
                        Node object = synthesize(*version.at("schema.openAPIV3Schema"));
                        object.set("apiVersion", Node::string(std::string(Model::kGatewayApiGroup) +
                                                              "/" + version["name"].str()));
                        object.set("kind", Node::string(kind));
                        object.set("metadata", parseYaml("{name: x, namespace: ns}"));
                        const auto typed = Model::decodeObject(object);
                        const auto leftovers = Model::leftoverPaths(typed);
                        const std::string diff = roundTripDifference(object);
                        const QString where =
                            channel + QLatin1Char(' ') +
                            QString::fromStdString(kind + " " + version["name"].str());
                        if (!leftovers.empty()) {
                            failures << where + QStringLiteral(": not typed: ") +
                                            QString::fromStdString(leftovers.front());
                        }
                        if (!diff.empty()) {
                            failures << where + QStringLiteral(": ") + QString::fromStdString(diff);
                        }
                        ++versions;
                    }
                }
            }
        }
        qInfo("CRD coverage: %d kind versions, every property typed", versions);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QCOMPARE(versions, 38); // 19 versions per channel
    }

    // The served/storage table matches the CRDs' flags.
    void servedVersionsMatchCrds()
    {
        TORII_REQUIRE_SHARED("crds");
        int checked = 0;
        for (const QString &channel :
             {QStringLiteral("standard"), QStringLiteral("experimental")}) {
            const bool experimental = channel == QLatin1String("experimental");
            for (const QString &file : Test::yamlFilesUnder(Test::sharedPath("crds/" + channel))) {
                for (const auto &doc : Yaml::loadFile(file.toStdString()).documents) {
                    const Node &crd = doc.root;
                    if (crd["kind"].str() != "CustomResourceDefinition" ||
                        crd.at("spec.group")->str() != Model::kGatewayApiGroup) {
                        continue;
                    }
                    const auto *info = Model::findGatewayApiKind(crd.at("spec.names.kind")->str());
                    QVERIFY(info);
                    QCOMPARE(info->namespaced, crd.at("spec.scope")->str() == "Namespaced");
                    for (const Node &version : crd.at("spec.versions")->items()) {
                        const std::string name = version["name"].str();
                        QCOMPARE(info->serves(name, experimental), version["served"].asBool());
                        if (version["storage"].asBool()) {
                            QCOMPARE(info->storageVersion, std::string_view(name));
                        }
                        QVERIFY(info->serves(Model::kGatewayApiVersion, experimental));
                        ++checked;
                    }
                }
            }
        }
        QCOMPARE(checked, 38);
    }

    // ---- project-owned: hand-written objects of each kind

    void gatewayClassFields()
    {
        const auto typed = decodeYaml(kGatewayClass);
        const auto *gc = std::get_if<Model::GatewayClass>(&typed);
        QVERIFY(gc);
        QCOMPARE(gc->metadata.name, std::string("torii"));
        QCOMPARE(gc->spec.controllerName, std::string("example.com/gateway-controller"));
        QCOMPARE(gc->spec.description.value_or(""), std::string("the studio class"));
        QVERIFY(gc->spec.parametersRef);
        QCOMPARE(gc->spec.parametersRef->namespace_.value_or(""), std::string("infra"));
        QVERIFY(gc->status && gc->status->conditions);
        const Model::Condition *accepted = Model::findCondition(gc->status->conditions, "Accepted");
        QVERIFY(accepted);
        QCOMPARE(accepted->status, std::string(Model::ConditionStatus::True));
        QCOMPARE(accepted->observedGeneration.value_or(0), std::int64_t(3));
        QCOMPARE(gc->status->supportedFeatures->at(0).name, std::string("HTTPRoute"));
        QVERIFY(Model::leftoverPaths(typed).empty());
    }

    void gatewayFields()
    {
        const auto typed = decodeYaml(kGateway);
        const auto *gw = std::get_if<Model::Gateway>(&typed);
        QVERIFY(gw);
        QCOMPARE(gw->metadata.namespace_, std::string("infra"));
        QCOMPARE(gw->metadata.generation.value_or(0), std::int64_t(4));
        QCOMPARE(gw->metadata.labels.value("team"), std::string("net"));
        QCOMPARE(gw->spec.gatewayClassName, std::string("torii"));
        QCOMPARE(gw->spec.listeners.size(), std::size_t(2));
        const Model::Listener &https = gw->spec.listeners[0];
        QCOMPARE(https.port, 443);
        QCOMPARE(https.protocol, std::string("HTTPS"));
        QCOMPARE(https.hostname.value_or(""), std::string("*.example.com"));
        QCOMPARE(https.tls->mode.value_or(""), std::string("Terminate"));
        QCOMPARE(https.tls->certificateRefs->at(0).kindOrDefault(), std::string_view("Secret"));
        QCOMPARE(https.tls->certificateRefs->at(0).namespace_.value_or(""), std::string("certs"));
        QCOMPARE(https.tls->options->value("example.com/min-tls"), std::string("1.2"));
        const auto &routes = *https.allowedRoutes;
        QCOMPARE(routes.namespaces->from.value_or(""), std::string("Selector"));
        QCOMPARE(routes.namespaces->selector->matchLabels->value("expose"), std::string("true"));
        const auto &expr = routes.namespaces->selector->matchExpressions->at(0);
        QCOMPARE(expr.operator_, std::string("In"));
        QCOMPARE(expr.values->size(), std::size_t(2));
        QCOMPARE(routes.kinds->at(0).kind, std::string("HTTPRoute"));
        QVERIFY(!gw->spec.listeners[1].tls);
        QCOMPARE(gw->spec.addresses->at(1).type.has_value(), false);
        QCOMPARE(gw->spec.infrastructure->parametersRef->kind, std::string("Infra"));
        QCOMPARE(gw->spec.allowedListeners->namespaces->from.value_or(""), std::string("Same"));
        QCOMPARE(gw->spec.tls->backend->clientCertificateRef->name, std::string("client"));
        const auto &frontend = *gw->spec.tls->frontend;
        QCOMPARE(frontend.default_.validation->mode.value_or(""),
                 std::string("AllowInsecureFallback"));
        QCOMPARE(frontend.perPort->at(0).port, 8443);
        QCOMPARE(frontend.perPort->at(0).tls.validation->caCertificateRefs.at(0).name,
                 std::string("ca2"));
        QCOMPARE(gw->spec.defaultScope.value_or(""), std::string("All"));
        QCOMPARE(gw->status->listeners->at(0).attachedRoutes, 2);
        QCOMPARE(gw->status->attachedListenerSets.value_or(0), 1);
        QCOMPARE(gw->status->addresses->at(0).value, std::string("192.0.2.1"));
        // uid is metadata nobody types (it is an int here, a string in real objects).
        QCOMPARE(Model::leftoverPaths(typed), std::vector<std::string>{"metadata.uid"});
    }

    void listenerSetFields()
    {
        const auto typed = decodeYaml(kListenerSet);
        const auto *ls = std::get_if<Model::ListenerSet>(&typed);
        QVERIFY(ls);
        QCOMPARE(ls->spec.parentRef.name, std::string("prod"));
        QCOMPARE(ls->spec.parentRef.kindOrDefault(), std::string_view("Gateway"));
        QCOMPARE(ls->spec.listeners.at(0).hostname.value_or(""), std::string("extra.example.com"));
        QCOMPARE(ls->status->listeners->at(0).name, std::string("extra-http"));
    }

    void httpRouteFields()
    {
        const auto typed = decodeYaml(kHTTPRoute);
        const auto *route = std::get_if<Model::HTTPRoute>(&typed);
        QVERIFY(route);
        const auto &parent = route->spec.parentRefs->at(0);
        QCOMPARE(parent.groupOrDefault(), Model::kGatewayApiGroup);
        QCOMPARE(parent.sectionName.value_or(""), std::string("https"));
        QCOMPARE(parent.port.value_or(0), 443);
        QCOMPARE(route->spec.useDefaultGateways.value_or(""), std::string("All"));
        QCOMPARE(route->spec.hostnames->size(), std::size_t(2));
        const Model::HTTPRouteRule &rule = route->spec.rules->at(0);
        QCOMPARE(rule.name.value_or(""), std::string("api"));
        const Model::HTTPRouteMatch &match = rule.matches->at(0);
        QCOMPARE(match.path->value.value_or(""), std::string("/api"));
        QCOMPARE(match.headers->at(0).value, std::string("canary"));
        QCOMPARE(match.queryParams->at(0).type.value_or(""), std::string("RegularExpression"));
        QCOMPARE(match.method.value_or(""), std::string("GET"));
        const auto &filters = *rule.filters;
        QCOMPARE(filters.size(), std::size_t(5));
        QCOMPARE(filters[0].requestHeaderModifier->remove->at(0), std::string("x-c"));
        QCOMPARE(filters[1].requestMirror->backendRef.kindOrDefault(), std::string_view("Service"));
        QCOMPARE(filters[1].requestMirror->fraction->denominator.value_or(0), 10);
        QCOMPARE(filters[2].cors->allowCredentials.value_or(false), true);
        QCOMPARE(filters[2].cors->maxAge.value_or(0), 60);
        QCOMPARE(filters[3].externalAuth->http->path.value_or(""), std::string("/check"));
        QCOMPARE(filters[3].externalAuth->forwardBody->maxSize.value_or(0), 1024);
        QCOMPARE(filters[4].extensionRef->kind, std::string("Filter"));
        const auto &backend = rule.backendRefs->at(0);
        QCOMPARE(backend.name, std::string("api"));
        QCOMPARE(backend.weight.value_or(1), 90);
        QCOMPARE(backend.filters->at(0).responseHeaderModifier->remove->at(0),
                 std::string("server"));
        QCOMPARE(rule.backendRefs->at(1).group.value_or("?"), std::string(""));
        QCOMPARE(rule.timeouts->backendRequest.value_or(""), std::string("2s"));
        QCOMPARE(rule.retry->codes->size(), std::size_t(2));
        QCOMPARE(rule.sessionPersistence->cookieConfig->lifetimeType.value_or(""),
                 std::string("Permanent"));
        const auto &redirect = *route->spec.rules->at(1).filters->at(0).requestRedirect;
        QCOMPARE(redirect.statusCode.value_or(0), 301);
        QCOMPARE(redirect.path->replacePrefixMatch.value_or(""), std::string("/v2"));
        QCOMPARE(route->spec.rules->at(1).filters->at(1).urlRewrite->path->type,
                 std::string("ReplaceFullPath"));
        QVERIFY(!route->spec.rules->at(1).matches);
        QCOMPARE(route->status->parents.at(0).controllerName,
                 std::string("example.com/gateway-controller"));
        QVERIFY(Model::leftoverPaths(typed).empty());
    }

    void grpcRouteFields()
    {
        const auto typed = decodeYaml(kGRPCRoute);
        const auto *route = std::get_if<Model::GRPCRoute>(&typed);
        QVERIFY(route);
        const auto &rule = route->spec.rules->at(0);
        QCOMPARE(rule.matches->at(0).method->service.value_or(""), std::string("echo.Echo"));
        QCOMPARE(rule.matches->at(0).headers->at(0).name, std::string("x-v"));
        QCOMPARE(rule.filters->at(0).requestMirror->percent.value_or(0), 5);
        QCOMPARE(rule.backendRefs->at(0).filters->at(0).requestHeaderModifier->add->at(0).value,
                 std::string("added"));
        QCOMPARE(rule.sessionPersistence->type.value_or(""), std::string("Header"));
        QVERIFY(!route->status);
    }

    void l4RouteFields()
    {
        const auto tcp = decodeYaml(kTCPRoute);
        QCOMPARE(std::get<Model::TCPRoute>(tcp).spec.rules.at(0).backendRefs.at(0).port.value_or(0),
                 5432);
        const auto udp = decodeYaml(kUDPRoute);
        QCOMPARE(std::get<Model::UDPRoute>(udp).apiVersion,
                 std::string("gateway.networking.k8s.io/v1alpha2"));
        QCOMPARE(std::get<Model::UDPRoute>(udp).spec.rules.at(0).backendRefs.at(0).name,
                 std::string("coredns"));
        const auto tls = decodeYaml(kTLSRoute);
        QCOMPARE(std::get<Model::TLSRoute>(tls).spec.hostnames->at(0),
                 std::string("secure.example.com"));
        QCOMPARE(Model::routeHostnames(tls), std::vector<std::string>{"secure.example.com"});
        QVERIFY(Model::routeHostnames(tcp).empty());
    }

    void referenceGrantAndPolicyFields()
    {
        const auto grant = decodeYaml(kReferenceGrant);
        const auto &rg = std::get<Model::ReferenceGrant>(grant);
        QCOMPARE(rg.spec.from.at(0).namespace_, std::string("infra"));
        QVERIFY(!rg.spec.to.at(0).name);
        QCOMPARE(rg.spec.to.at(1).name.value_or(""), std::string("wildcard"));

        const auto policy = decodeYaml(kBackendTLSPolicy);
        const auto &btp = std::get<Model::BackendTLSPolicy>(policy);
        QCOMPARE(btp.spec.targetRefs.at(0).sectionName.value_or(""), std::string("https"));
        QCOMPARE(btp.spec.validation.hostname, std::string("api.internal"));
        QCOMPARE(btp.spec.validation.subjectAltNames->at(1).uri.value_or(""),
                 std::string("spiffe:cluster/api"));
        QCOMPARE(btp.spec.options->value("example.com/x"), std::string("z"));
        QCOMPARE(btp.status->ancestors.at(0).ancestorRef.namespace_.value_or(""),
                 std::string("infra"));
    }

    void coreKindFields()
    {
        const Yaml::LoadResult loaded = Yaml::loadText(kCoreKinds, "core.yaml");
        QCOMPARE(loaded.documents.size(), std::size_t(6));
        std::vector<Model::TypedObject> objects;
        for (const auto &doc : loaded.documents) {
            objects.push_back(Model::decodeObject(doc.root));
            QVERIFY2(roundTripDifference(doc.root).empty(), roundTripDifference(doc.root).c_str());
        }
        const auto &ns = std::get<Model::Namespace>(objects[0]);
        QCOMPARE(ns.metadata.labels.value("expose"), std::string("true"));
        QVERIFY(ns.rest.has("spec"));

        const auto &svc = std::get<Model::Service>(objects[1]);
        QCOMPARE(svc.spec.type.value_or(""), std::string("ClusterIP"));
        QCOMPARE(svc.spec.selector->value("app"), std::string("api"));
        const auto &ports = *svc.spec.ports;
        QCOMPARE(ports[0].port, 8080);
        QCOMPARE(ports[0].targetPort->stringValue(), std::string("http"));
        QCOMPARE(ports[0].appProtocol.value_or(""), std::string("kubernetes.io/h2c"));
        QVERIFY(ports[1].targetPort->isInt());
        QCOMPARE(ports[1].targetPort->intValue(), 9091);
        QVERIFY(ports[1].rest.has("nodePort"));
        QVERIFY(svc.spec.rest.has("clusterIP"));

        const auto &secret = std::get<Model::Secret>(objects[2]);
        QCOMPARE(secret.type.value_or(""), std::string("kubernetes.io/tls"));
        QVERIFY(secret.data->contains("tls.key"));
        QCOMPARE(secret.stringData->value("extra"), std::string("plain"));
        QVERIFY(secret.rest.has("immutable"));

        const auto &cm = std::get<Model::ConfigMap>(objects[3]);
        QCOMPARE(cm.data->value("ca.crt"), std::string("PEM"));
        QVERIFY(cm.rest.has("binaryData"));

        const auto &deploy = std::get<Model::Deployment>(objects[4]);
        QCOMPARE(deploy.spec.replicas.value_or(0), 3);
        QCOMPARE(deploy.spec.selector->matchLabels->value("app"), std::string("api"));
        QCOMPARE(deploy.spec.template_.metadata.labels.value("app"), std::string("api"));
        const auto &container = deploy.spec.template_.spec.containers.at(0);
        QCOMPARE(container.image.value_or(""), std::string("example/api:1.0"));
        QCOMPARE(container.ports->at(0).containerPort, 8080);
        QVERIFY(container.rest.has("env"));
        QVERIFY(deploy.rest.has("status"));

        const auto &ingress = std::get<Model::Ingress>(objects[5]);
        QCOMPARE(ingress.spec.ingressClassName.value_or(""), std::string("nginx"));
        QCOMPARE(ingress.spec.defaultBackend->service->port->number.value_or(0), 80);
        QCOMPARE(ingress.spec.tls->at(0).secretName.value_or(""), std::string("www-cert"));
        const auto &paths = ingress.spec.rules->at(0).http->paths;
        QCOMPARE(paths.at(0).pathType, std::string("Prefix"));
        QCOMPARE(paths.at(0).backend.service->port->name.value_or(""), std::string("http"));
        QCOMPARE(paths.at(1).backend.resource->kind, std::string("Bucket"));
    }

    void everySampleRoundTrips()
    {
        for (const Node &object : sampleObjects()) {
            const auto typed = Model::decodeObject(object);
            QVERIFY2(typed.index() != 0, object["kind"].str().c_str());
            const std::string diff = roundTripDifference(object);
            QVERIFY2(diff.empty(), diff.c_str());
        }
    }

    // ---- project-owned: wrong types, unknown fields, absent vs empty, field order

    // Replaces every node of every sample in turn by values of other shapes: decoding must not
    // crash, and the round trip must still give the mutated tree back (the misfit is kept).
    void wrongTypesAnywhereSurviveTheRoundTrip()
    {
        const std::vector<Node> replacements = {
            Node::string("oops"), Node::integer(7),    Node::integer(1LL << 40),
            Node::floating(1.5),  Node::boolean(true), Node::null(),
            Node::list(),         parseYaml("[oops]"), parseYaml("[7]"),
            Node::map(),
        };
        int mutations = 0;
        for (Node sample : sampleObjects()) {
            std::vector<Path> paths;
            Path current;
            collectPaths(sample, current, paths);
            for (const Path &path : paths) {
                const Node original = *nodeAt(sample, path);
                for (const Node &replacement : replacements) {
                    // A map where a struct was would drop its required keys: not a type error.
                    if (original.isMap() && replacement.isMap()) {
                        continue;
                    }
                    Node mutated = sample;
                    *nodeAt(mutated, path) = replacement;
                    const GroupKind gk = groupKindOf(sample);
                    const auto typed = Model::decodeObject(gk.group, gk.kind, mutated);
                    QVERIFY(typed.index() != 0);
                    const Node back = Model::encodeObject(typed);
                    if (!back.equals(mutated)) {
                        std::string where;
                        for (const std::string &step : path) {
                            where += "/" + step;
                        }
                        const std::string msg = gk.kind + where + " = " + replacement.toJson() +
                                                ": " + firstDifference(mutated, back, gk.kind);
                        QFAIL(msg.c_str());
                    }
                    ++mutations;
                }
            }
        }
        qInfo("%d wrong-type mutations decoded and restored exactly", mutations);
        QVERIFY(mutations > 3000);
    }

    void wrongTypesLeaveDefaults()
    {
        const auto typed = decodeYaml(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: [not, a, string], labels: {a: 1}}
spec:
  gatewayClassName: 42
  listeners:
  - {name: http, port: "80", protocol: HTTP, hostname: {a: b}}
  addresses: oops
)");
        const auto &gw = std::get<Model::Gateway>(typed);
        QVERIFY(gw.metadata.name.empty());
        QVERIFY(gw.metadata.labels.empty()); // a non-string value: the whole map stays raw
        QVERIFY(gw.spec.gatewayClassName.empty());
        QCOMPARE(gw.spec.listeners.at(0).port, 0);
        QCOMPARE(gw.spec.listeners.at(0).name, std::string("http"));
        QVERIFY(!gw.spec.listeners.at(0).hostname);
        QVERIFY(!gw.spec.addresses);
        QVERIFY(gw.spec.listeners.at(0).unknown.has("port"));
        QVERIFY(gw.spec.unknown.has("addresses"));
        const std::vector<std::string> expected = {
            "metadata.name",          "metadata.labels",
            "spec.gatewayClassName",  "spec.listeners[0].hostname",
            "spec.listeners[0].port", "spec.addresses"};
        std::vector<std::string> got = Model::leftoverPaths(typed);
        std::sort(got.begin(), got.end());
        std::vector<std::string> want = expected;
        std::sort(want.begin(), want.end());
        QCOMPARE(got, want);

        // Garbage in, no crash, nothing typed.
        for (const Node &junk : {Node(), Node::string("x"), Node::list(), Node::integer(1)}) {
            QCOMPARE(Model::decodeObject("gateway.networking.k8s.io", "HTTPRoute", junk).index(),
                     std::size_t(0));
        }
        QCOMPARE(Model::decode<Model::Listener>(Node::string("x")), Model::Listener{});
    }

    void unknownFieldsSurvive()
    {
        const Node object = parseYaml(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, resourceVersion: "12", finalizers: [a]}
spec:
  futureField: {x: 1}
  rules:
  - backendRefs:
    - name: svc
      port: 80
      weightFactor: 3
    filters:
    - type: ExtensionRef
      extensionRef: {group: g, kind: k, name: n}
      vendorThing: true
topLevelExtra: 1
status:
  parents: []
  extra: yes
)");
        const auto typed = Model::decodeObject(object);
        const auto &route = std::get<Model::HTTPRoute>(typed);
        QCOMPARE(route.unknown["topLevelExtra"].asInt(), std::int64_t(1));
        QVERIFY(route.spec.unknown.has("futureField"));
        QVERIFY(route.spec.rules->at(0).backendRefs->at(0).unknown.has("weightFactor"));
        QVERIFY(route.spec.rules->at(0).filters->at(0).unknown.has("vendorThing"));
        QVERIFY(route.metadata.rest.has("finalizers"));
        QVERIFY(route.status->unknown.has("extra"));
        const std::string diff = roundTripDifference(object);
        QVERIFY2(diff.empty(), diff.c_str());
        // Known fields come out in API order, the unknown ones after them.
        const Node encoded = Model::encodeObject(typed);
        std::vector<std::string> keys;
        for (const auto &entry : encoded.entries()) {
            keys.push_back(entry.key);
        }
        QCOMPARE(keys, (std::vector<std::string>{"apiVersion", "kind", "metadata", "spec", "status",
                                                 "topLevelExtra"}));
    }

    void absentStaysDistinctFromEmpty()
    {
        const Node object = parseYaml(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, labels: {}, namespace: ""}
spec:
  hostnames: []
  rules:
  - matches: []
    filters: []
  - {}
status: {parents: []}
)");
        const auto typed = Model::decodeObject(object);
        const auto &route = std::get<Model::HTTPRoute>(typed);
        QVERIFY(route.spec.hostnames && route.spec.hostnames->empty());
        QVERIFY(!route.spec.parentRefs);
        QVERIFY(route.spec.rules->at(0).matches && route.spec.rules->at(0).matches->empty());
        QVERIFY(!route.spec.rules->at(1).matches);
        QVERIFY(route.status && route.status->parents.empty());
        const std::string diff = roundTripDifference(object);
        QVERIFY2(diff.empty(), diff.c_str());

        // No metadata, no apiVersion: nothing is added on the way back.
        const Node bare = parseYaml("{kind: ReferenceGrant, spec: {from: [], to: []}}");
        const Node back = Model::encodeObject(
            Model::decodeObject("gateway.networking.k8s.io", "ReferenceGrant", bare));
        QVERIFY2(back.equals(bare), back.toJson().c_str());
    }

    void newObjectsEncodeRequiredFieldsInApiOrder()
    {
        Model::HTTPRoute route;
        route.metadata.name = "web";
        route.metadata.namespace_ = "apps";
        Model::ParentReference parent;
        parent.name = "prod";
        parent.sectionName = "http";
        route.spec.parentRefs = std::vector<Model::ParentReference>{parent};
        Model::HTTPRouteFilter filter;
        filter.type = "ExtensionRef";
        filter.extensionRef = Model::LocalObjectReference{"", "Filter", "f", {}};
        Model::HTTPRouteRule rule;
        rule.filters = std::vector<Model::HTTPRouteFilter>{filter};
        route.spec.rules = std::vector<Model::HTTPRouteRule>{rule};

        const Node encoded = Model::encodeObject(route);
        const Node expected = parseYaml(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: apps}
spec:
  parentRefs: [{name: prod, sectionName: http}]
  rules:
  - filters: [{type: ExtensionRef, extensionRef: {group: "", kind: Filter, name: f}}]
)");
        QVERIFY2(encoded.equals(expected), encoded.toJson().c_str());
        // Required `group: ""` is written even though it is empty (the CEL rules need it).
        QVERIFY(
            encoded.at("spec")->find("rules")->items()[0]["filters"].items()[0]["extensionRef"].has(
                "group"));
        const Node listener = Model::toNode(Model::Listener{"l", "h", 80, "HTTP", {}, {}, {}});
        std::vector<std::string> keys;
        for (const auto &entry : listener.entries()) {
            keys.push_back(entry.key);
        }
        QCOMPARE(keys, (std::vector<std::string>{"name", "hostname", "port", "protocol"}));
        QCOMPARE(Model::decode<Model::HTTPRoute>(encoded), route);
    }

    void editedFieldWinsOverKeptMisfit()
    {
        const Node object = parseYaml(
            "{apiVersion: gateway.networking.k8s.io/v1, kind: Gateway, metadata: {name: g},"
            " spec: {gatewayClassName: c, listeners: [{name: l, port: '80', protocol: HTTP}]}}");
        auto typed = Model::decodeObject(object);
        auto &gw = std::get<Model::Gateway>(typed);
        QCOMPARE(gw.spec.listeners[0].port, 0);
        // Untouched, the misfit comes back as written …
        QCOMPARE(Model::encodeObject(typed).at("spec")->find("listeners")->items()[0]["port"].str(),
                 std::string("80"));
        // … edited, the typed value replaces it.
        gw.spec.listeners[0].port = 8080;
        const Node edited = Model::encodeObject(typed);
        QCOMPARE(edited.at("spec")->find("listeners")->items()[0]["port"].asInt(),
                 std::int64_t(8080));
    }

    void typedObjectHelpers()
    {
        const auto route = decodeYaml(kHTTPRoute);
        QCOMPARE(Model::kindName(route), std::string_view("HTTPRoute"));
        QCOMPARE(Model::groupName(route), Model::kGatewayApiGroup);
        QVERIFY(Model::isRoute(route));
        QVERIFY(Model::isGatewayApiObject(route));
        QCOMPARE(Model::routeParentRefs(route).at(0).name, std::string("prod"));
        QCOMPARE(Model::routeHostnames(route).size(), std::size_t(2));
        QVERIFY(Model::routeStatus(route));
        QCOMPARE(Model::objectMeta(route)->name, std::string("web"));

        auto grpc = decodeYaml(kGRPCRoute);
        Model::commonRouteSpec(grpc)->parentRefs->at(0).sectionName = "grpc";
        QCOMPARE(std::get<Model::GRPCRoute>(grpc).spec.parentRefs->at(0).sectionName.value_or(""),
                 std::string("grpc"));
        QVERIFY(!Model::routeStatus(grpc));

        const auto gateway = decodeYaml(kGateway);
        QVERIFY(!Model::isRoute(gateway));
        QVERIFY(!Model::commonRouteSpec(gateway));
        QVERIFY(Model::routeParentRefs(gateway).empty());

        const auto service = decodeYaml("{apiVersion: v1, kind: Service, metadata: {name: s}}");
        QCOMPARE(Model::kindName(service), std::string_view("Service"));
        QCOMPARE(Model::groupName(service), std::string_view(""));
        QVERIFY(!Model::isGatewayApiObject(service));

        const Model::TypedObject none = decodeYaml(
            "{apiVersion: gateway.networking.x-k8s.io/v1alpha1, kind: XBackendTrafficPolicy}");
        QCOMPARE(none.index(), std::size_t(0));
        QCOMPARE(Model::kindName(none), std::string_view());
        QVERIFY(!Model::objectMeta(none));
        QVERIFY(Model::encodeObject(none).isNull());
        // Same kind name, other group: not ours.
        QCOMPARE(decodeYaml("{apiVersion: example.com/v1, kind: Gateway}").index(), std::size_t(0));
        QCOMPARE(decodeYaml("{apiVersion: extensions/v1beta1, kind: Ingress}").index(),
                 std::size_t(0));
    }

    void apiGroupConstants()
    {
        QCOMPARE(Model::gatewayApiKinds().size(), std::size_t(10));
        QCOMPARE(Model::HTTPRoute::kGroup, std::string_view("gateway.networking.k8s.io"));
        QCOMPARE(Model::HTTPRoute::kVersion, std::string_view("v1"));
        const auto *grant = Model::findGatewayApiKind("ReferenceGrant");
        QVERIFY(grant);
        QCOMPARE(grant->storageVersion, std::string_view("v1beta1"));
        QVERIFY(grant->serves("v1", false));
        const auto *tls = Model::findGatewayApiKind("TLSRoute");
        QVERIFY(!tls->serves("v1alpha2", false));
        QVERIFY(tls->serves("v1alpha3", true));
        QVERIFY(!Model::findGatewayApiKind("GatewayClass")->namespaced);
        QVERIFY(!Model::findGatewayApiKind("Service"));
        const auto gv = Model::splitApiVersion("gateway.networking.k8s.io/v1beta1");
        QCOMPARE(gv.group, std::string_view("gateway.networking.k8s.io"));
        QCOMPARE(gv.version, std::string_view("v1beta1"));
        QCOMPARE(Model::splitApiVersion("v1").group, std::string_view(""));
    }
};

QTEST_GUILESS_MAIN(TestModelKinds)
#include "tst_model_kinds.moc"
