// The Ingress converter on inputs written here (no ../shared needed): Ingress semantics, every
// converted ingress-nginx and nginx.org annotation, the notes for what is not converted (with
// file:line:col), and provenance.
#include "gateway_api_equivalence.h"

#include "engine/convert/ingress/ingress_converter.h"
#include "engine/model/resource.h"
#include "engine/validation/validator.h"
#include "engine/yaml/yaml_loader.h"

#include <QtTest/QTest>

#include <algorithm>
#include <utility>

using namespace Torii;

namespace {

// What the v1.6.1 CRDs refuse in any output of the current test function (checked in cleanup()).
QStringList g_invalidOutput;

Convert::Conversion convert(const std::string &yaml, Convert::IngressOptions options = {})
{
    std::vector<Convert::IngressInput> inputs;
    const Yaml::LoadResult loaded = Yaml::loadText(yaml, "in.yaml");
    if (loaded.fatal) {
        qFatal("test input does not parse");
    }
    for (const Yaml::LoadedDocument &doc : loaded.documents) {
        inputs.push_back({"in.yaml", doc.root});
    }
    Convert::Conversion conversion = Convert::convertIngresses(inputs, options);
    std::vector<Model::Resource> resources;
    for (const Model::Node &object : conversion.objects) {
        resources.push_back(Model::makeResource(object, {}));
    }
    for (const Core::Diagnostic &d : Validation::validateAll(resources)) {
        if (d.isError()) {
            g_invalidOutput << QString::fromStdString(d.toCompilerStyle());
        }
    }
    return conversion;
}

// One Ingress with `annotations` (YAML lines, 4-space indented under annotations:) and `rules`.
std::string ingress(const std::string &name, const std::string &annotations,
                    const std::string &host = "app.example.com", const std::string &path = "/",
                    const std::string &pathType = "Prefix", const std::string &service = "app",
                    const std::string &extraSpec = "")
{
    std::string out =
        "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: " + name +
        "\n  namespace: shop\n";
    if (!annotations.empty()) {
        out += "  annotations:\n" + annotations;
    }
    out += "spec:\n  ingressClassName: nginx\n" + extraSpec + "  rules:\n  - host: " + host +
           "\n    http:\n      paths:\n      - path: " + path + "\n        pathType: " + pathType +
           "\n        backend:\n          service:\n            name: " + service +
           "\n            port:\n              number: 80\n";
    return out;
}

std::string all(const Convert::Conversion &c)
{
    std::string out;
    for (const std::string &e : Test::canonicalGatewayApiEntries(c.objects)) {
        out += e + "\n";
    }
    return out;
}

bool has(const Convert::Conversion &c, const std::string &needle)
{
    const bool found = all(c).find(needle) != std::string::npos;
    if (!found) {
        qWarning("not found: %s\nin:\n%s", needle.c_str(), all(c).c_str());
    }
    return found;
}

const Core::Diagnostic *noteWith(const Convert::Conversion &c, const std::string &text)
{
    for (const Core::Diagnostic &d : c.notes) {
        if (d.message.find(text) != std::string::npos) {
            return &d;
        }
    }
    return nullptr;
}

const Model::Node *object(const Convert::Conversion &c, const std::string &kind,
                          const std::string &name)
{
    for (const Model::Node &o : c.objects) {
        if (o["kind"].asString() == kind && o["metadata"]["name"].asString() == name) {
            return &o;
        }
    }
    return nullptr;
}

} // namespace

class TestIngressConverter : public QObject
{
    Q_OBJECT

private slots:
    void cleanup()
    {
        const QStringList invalid = std::exchange(g_invalidOutput, {});
        QVERIFY2(invalid.isEmpty(), qPrintable(invalid.join(QLatin1Char('\n'))));
    }

    void hostWithoutPathsMakesNoEmptyGateway()
    {
        const Convert::Conversion c =
            convert("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: a}\nspec:\n"
                    "  ingressClassName: nginx\n  rules:\n  - host: a.example.com\n");
        QVERIFY(c.usable());
        QVERIFY(c.objects.empty());
    }

    void manyPathsAreSplitIntoRoutesOf16Rules()
    {
        std::string yaml = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: a}\n"
                           "spec:\n  ingressClassName: nginx\n  rules:\n  - host: a.example.com\n"
                           "    http:\n      paths:\n";
        for (int i = 0; i < 20; ++i) {
            yaml += "      - {path: /p" + std::to_string(i) +
                    ", pathType: Prefix, backend: {service: {name: s, port: {number: 80}}}}\n";
        }
        const Convert::Conversion c = convert(yaml);
        QVERIFY(c.usable());
        QVERIFY(object(c, "HTTPRoute", "a-a-example-com"));
        QVERIFY(object(c, "HTTPRoute", "a-a-example-com-2"));
        QCOMPARE(object(c, "HTTPRoute", "a-a-example-com")->at("spec.rules")->size(),
                 std::size_t(16));
        QCOMPARE(object(c, "HTTPRoute", "a-a-example-com-2")->at("spec.rules")->size(),
                 std::size_t(4));
    }

    void classNamesBecomeValidObjectNames()
    {
        std::string in = ingress("a", "");
        in.replace(in.find("ingressClassName: nginx"), 23, "ingressClassName: Public_Web");
        const Convert::Conversion c = convert(in);
        QVERIFY(c.usable());
        QVERIFY(has(c, "Gateway shop/public-web\n"));
        QVERIFY(object(c, "Gateway", "public-web"));
        QVERIFY(noteWith(c, "is not a valid object name"));
    }

    void claims()
    {
        const auto doc = [](const char *yaml) {
            return Yaml::loadText(yaml, "x.yaml").documents.at(0).root;
        };
        QCOMPARE(Convert::claimIngress(doc("apiVersion: networking.k8s.io/v1\nkind: Ingress\n")),
                 Convert::Claim::Mine);
        QCOMPARE(Convert::claimIngress(doc("apiVersion: extensions/v1beta1\nkind: Ingress\n")),
                 Convert::Claim::Error);
        QCOMPARE(Convert::claimIngress(doc("apiVersion: v1\nkind: Service\n")),
                 Convert::Claim::NotMine);
        const Convert::Conversion c =
            convert("apiVersion: v1\nkind: Service\nmetadata: {name: a}\n");
        QVERIFY(!c.usable());
        const Convert::Conversion old =
            convert("apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: {name: a}\n");
        QVERIFY(!old.usable());
        QVERIFY(noteWith(old, "removed API version"));
    }

    void pathTypesHostsAndDefaultBackend()
    {
        std::string yaml = ingress("web", "", "app.example.com", "/exact", "Exact");
        yaml += "---\n" + ingress("web2", "", "app.example.com", "/prefix", "Prefix");
        yaml += "---\n" + ingress("web3", "", "app.example.com", "/impl", "ImplementationSpecific");
        yaml += "---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: def, "
                "namespace: shop}\nspec:\n  ingressClassName: nginx\n  defaultBackend:\n    "
                "service: {name: fallback, port: {number: 8080}}\n";
        const Convert::Conversion c = convert(yaml);
        QVERIFY(c.usable());
        QVERIFY(has(c, "Gateway shop/nginx listener {\"hostname\":\"app.example.com\",\"port\":80,"
                       "\"protocol\":\"HTTP\"}"));
        QVERIFY(has(c, "\"path\":{\"type\":\"Exact\",\"value\":\"/exact\"}"));
        QVERIFY(has(c, "\"path\":{\"type\":\"PathPrefix\",\"value\":\"/prefix\"}"));
        QVERIFY(has(c, "\"path\":{\"type\":\"PathPrefix\",\"value\":\"/impl\"}"));
        // Ingresses of one host are merged into one HTTPRoute named after the first.
        QVERIFY(object(c, "HTTPRoute", "web-app-example-com"));
        QVERIFY(!object(c, "HTTPRoute", "web2-app-example-com"));
        QCOMPARE((*object(c, "HTTPRoute", "web-app-example-com")).at("spec.rules")->size(),
                 std::size_t(3));
        // The defaultBackend: a route without hostnames, on a listener for every host.
        QVERIFY(has(c, "HTTPRoute shop hostnames=[] parents=[\"shop/nginx\"] rule={\"backendRefs\":"
                       "[{\"group\":\"\",\"kind\":\"Service\",\"name\":\"fallback\""));
        QVERIFY(has(c, "listener {\"hostname\":\"*\",\"port\":80"));
    }

    void tlsHostsRedirectToHttps()
    {
        const std::string tls = "  tls:\n  - hosts: [app.example.com]\n    secretName: app-tls\n";
        const Convert::Conversion c =
            convert(ingress("web", "", "app.example.com", "/", "Prefix", "app", tls));
        QVERIFY(has(c,
                    "\"port\":443,\"protocol\":\"HTTPS\",\"tls\":{\"certificateRefs\":[{\"group\":"
                    "\"\",\"kind\":\"Secret\",\"name\":\"app-tls\",\"namespace\":\"shop\"}],"
                    "\"mode\":\"Terminate\"}"));
        // ingress-nginx: port 80 answers 308 to https; the backends are served on 443 only.
        QVERIFY(has(c, "\"requestRedirect\":{\"scheme\":\"https\",\"statusCode\":308}"));
        const Model::Node *main = object(c, "HTTPRoute", "web-app-example-com");
        QVERIFY(main);
        QCOMPARE((*main)["spec"]["parentRefs"].items().at(0)["sectionName"].asString(),
                 std::string("app-example-com-https"));
        QVERIFY(object(c, "HTTPRoute", "web-app-example-com-http"));

        // ssl-redirect "false": no redirect route; force-ssl-redirect without TLS: a warning.
        const Convert::Conversion off =
            convert(ingress("web", "    nginx.ingress.kubernetes.io/ssl-redirect: \"false\"\n",
                            "app.example.com", "/", "Prefix", "app", tls));
        QVERIFY(!object(off, "HTTPRoute", "web-app-example-com-http"));
        const Convert::Conversion force = convert(
            ingress("web", "    nginx.ingress.kubernetes.io/force-ssl-redirect: \"true\"\n"));
        QVERIFY(noteWith(force, "force-ssl-redirect"));
    }

    void servicePortNames()
    {
        std::string yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: app, namespace: "
                           "shop}\nspec:\n  ports:\n"
                           "  - {name: web, port: 8080}\n---\n";
        std::string in = ingress("web", "");
        in.replace(in.find("number: 80"), 10, "name: web");
        const Convert::Conversion c = convert(yaml + in);
        QVERIFY(c.usable());
        QVERIFY(has(c, "\"name\":\"app\",\"namespace\":\"shop\",\"port\":8080"));
        std::string missing = ingress("web", "");
        missing.replace(missing.find("number: 80"), 10, "name: nope");
        const Convert::Conversion bad = convert(missing);
        QVERIFY(!bad.usable());
        const Core::Diagnostic *d = noteWith(bad, "port \"nope\"");
        QVERIFY(d);
        QCOMPARE(d->line, 18); // the port: map of the backend
        QCOMPARE(d->file, std::string("in.yaml"));
    }

    void canaryWeight()
    {
        std::string yaml = ingress("main", "");
        yaml += "---\n" + ingress("canary",
                                  "    nginx.ingress.kubernetes.io/canary: \"true\"\n"
                                  "    nginx.ingress.kubernetes.io/canary-weight: \"30\"\n"
                                  "    nginx.ingress.kubernetes.io/canary-weight-total: \"200\"\n",
                                  "app.example.com", "/", "Prefix", "app-v2");
        const Convert::Conversion c = convert(yaml);
        QVERIFY(c.usable());
        const Model::Node *route = object(c, "HTTPRoute", "canary-app-example-com");
        QVERIFY(route);
        const Model::Node &refs = route->at("spec.rules")->items().at(0)["backendRefs"];
        QCOMPARE(refs.size(), std::size_t(2));
        QCOMPARE(refs.items()[0]["weight"].asInt(), 170);
        QCOMPARE(refs.items()[1]["weight"].asInt(), 30);
        QCOMPARE(refs.items()[1]["name"].asString(), std::string("app-v2"));
    }

    void canaryByHeader()
    {
        const std::string main = ingress("main", "");
        const Convert::Conversion always =
            convert(main + "---\n" +
                    ingress("canary",
                            "    nginx.ingress.kubernetes.io/canary: \"true\"\n"
                            "    nginx.ingress.kubernetes.io/canary-by-header: X-Canary\n",
                            "app.example.com", "/", "Prefix", "app-v2"));
        QVERIFY(has(always, "\"headers\":[{\"name\":\"x-canary\",\"type\":\"Exact\",\"value\":"
                            "\"always\"}]"));
        QVERIFY(has(always, "\"headers\":[{\"name\":\"x-canary\",\"type\":\"Exact\",\"value\":"
                            "\"never\"}]"));
        // Header only (no weight): the plain rule keeps only the primary.
        QVERIFY(has(always, "rule={\"backendRefs\":[{\"group\":\"\",\"kind\":\"Service\",\"name\":"
                            "\"app\",\"namespace\":\"shop\",\"port\":80,\"weight\":1}],\"matches\":"
                            "[{\"path\":{\"type\":\"PathPrefix\",\"value\":\"/\"}}]}"));
        const Convert::Conversion value =
            convert(main + "---\n" +
                    ingress("canary",
                            "    nginx.ingress.kubernetes.io/canary: \"true\"\n"
                            "    nginx.ingress.kubernetes.io/canary-by-header: X-Canary\n"
                            "    nginx.ingress.kubernetes.io/canary-by-header-value: beta\n"
                            "    nginx.ingress.kubernetes.io/canary-weight: \"10\"\n",
                            "app.example.com", "/", "Prefix", "app-v2"));
        QVERIFY(has(value, "\"value\":\"beta\""));
        QVERIFY(all(value).find("never") == std::string::npos);
        QVERIFY(has(value, "\"name\":\"app-v2\",\"namespace\":\"shop\",\"port\":80,\"weight\":1}"));
        const Convert::Conversion pattern =
            convert(main + "---\n" +
                    ingress("canary",
                            "    nginx.ingress.kubernetes.io/canary: \"true\"\n"
                            "    nginx.ingress.kubernetes.io/canary-by-header: X-Canary\n"
                            "    nginx.ingress.kubernetes.io/canary-by-header-pattern: \"^b.*\"\n",
                            "app.example.com", "/", "Prefix", "app-v2"));
        QVERIFY(has(pattern, "\"type\":\"RegularExpression\",\"value\":\"^b.*\""));
        // A canary without its primary, and canary-by-cookie: reported.
        const Convert::Conversion orphan =
            convert(ingress("canary", "    nginx.ingress.kubernetes.io/canary: \"true\"\n"
                                      "    nginx.ingress.kubernetes.io/canary-by-cookie: beta\n"));
        QVERIFY(!orphan.usable());
        QVERIFY(noteWith(orphan, "has no primary Ingress"));
        QVERIFY(noteWith(orphan, "canary-by-cookie is not converted"));
    }

    void rewriteAndRegex()
    {
        // rewrite-target: the whole host becomes case-insensitive regex, the path is replaced.
        std::string yaml = ingress("a", "    nginx.ingress.kubernetes.io/rewrite-target: /new\n",
                                   "app.example.com", "/old");
        yaml += "---\n" + ingress("b", "", "app.example.com", "/other", "Prefix", "other");
        yaml += "---\n" + ingress("c", "", "app.example.com", "/exact", "Exact", "other");
        const Convert::Conversion c = convert(yaml);
        QVERIFY(has(c, "\"path\":{\"type\":\"RegularExpression\",\"value\":\"(?i)/old.*\"}"));
        QVERIFY(has(c, "\"path\":{\"type\":\"RegularExpression\",\"value\":\"(?i)/other.*\"}"));
        QVERIFY(has(c, "\"path\":{\"type\":\"Exact\",\"value\":\"/exact\"}"));
        QVERIFY(has(c, "\"urlRewrite\":{\"path\":{\"replaceFullPath\":\"/new\",\"type\":"
                       "\"ReplaceFullPath\"}}"));
        // The documented idiom: strip a prefix.
        const Convert::Conversion idiom =
            convert(ingress("a",
                            "    nginx.ingress.kubernetes.io/rewrite-target: /$2\n"
                            "    nginx.ingress.kubernetes.io/x-forwarded-prefix: /api\n",
                            "app.example.com", "/api(/|$)(.*)", "ImplementationSpecific"));
        QVERIFY(has(idiom, "\"path\":{\"type\":\"PathPrefix\",\"value\":\"/api\"}"));
        QVERIFY(has(idiom, "\"replacePrefixMatch\":\"/\",\"type\":\"ReplacePrefixMatch\""));
        QVERIFY(
            has(idiom, "{\"name\":\"x-forwarded-prefix\",\"type\":\"Exact\",\"value\":\"/api\"}"));
        // Other capture references cannot be converted.
        const Convert::Conversion capture =
            convert(ingress("a", "    nginx.ingress.kubernetes.io/rewrite-target: /x/$1\n",
                            "app.example.com", "/(.*)", "ImplementationSpecific"));
        QVERIFY(noteWith(capture, "capture groups"));
        // use-regex with an end anchor.
        const Convert::Conversion anchored =
            convert(ingress("a", "    nginx.ingress.kubernetes.io/use-regex: \"true\"\n",
                            "app.example.com", "/v[0-9]+/items$", "ImplementationSpecific"));
        QVERIFY(has(anchored, "\"value\":\"(?i)/v[0-9]+/items\"}"));
    }

    void redirects()
    {
        const Convert::Conversion permanent = convert(
            ingress("a", "    nginx.ingress.kubernetes.io/permanent-redirect: "
                         "https://new.example.com:8443/x?y=1\n"
                         "    nginx.ingress.kubernetes.io/permanent-redirect-code: \"308\"\n"));
        QVERIFY(has(permanent, "\"requestRedirect\":{\"hostname\":\"new.example.com\",\"path\":{"
                               "\"replaceFullPath\":\"/x\",\"type\":\"ReplaceFullPath\"},\"port\":"
                               "8443,\"scheme\":\"https\",\"statusCode\":308}"));
        QVERIFY(has(permanent, "rule={\"backendRefs\":[],\"filters\""));
        QVERIFY(noteWith(permanent, "cannot set a query string"));
        const Convert::Conversion both = convert(ingress(
            "a", "    nginx.ingress.kubernetes.io/permanent-redirect: https://p.example.com\n"
                 "    nginx.ingress.kubernetes.io/temporal-redirect: https://t.example.com\n"
                 "    nginx.ingress.kubernetes.io/temporal-redirect-code: \"308\"\n"));
        QVERIFY(has(both, "\"hostname\":\"t.example.com\""));
        QVERIFY(has(both, "\"statusCode\":302"));
        QVERIFY(noteWith(both, "both temporal-redirect and permanent-redirect"));
        QVERIFY(noteWith(both, "redirect code 308 is not allowed"));

        const Convert::Conversion appRoot = convert(ingress(
            "a", "    nginx.ingress.kubernetes.io/app-root: /app1\n", "app.example.com", "/"));
        QVERIFY(has(appRoot, "\"matches\":[{\"path\":{\"type\":\"Exact\",\"value\":\"/\"}}]"));
        QVERIFY(has(appRoot, "\"replaceFullPath\":\"/app1\",\"type\":\"ReplaceFullPath\"},"
                             "\"statusCode\":302"));
        const Convert::Conversion f5AppRoot =
            convert(ingress("a", "    nginx.org/app-root: /coffee\n", "app.example.com", "/"));
        QVERIFY(has(f5AppRoot, "\"replaceFullPath\":\"/coffee\",\"type\":\"ReplaceFullPath\"},"
                               "\"statusCode\":302"));
        const Convert::Conversion absolute =
            convert(ingress("a", "    nginx.ingress.kubernetes.io/app-root: https://x/app\n"));
        QVERIFY(noteWith(absolute, "is not a path"));

        const Convert::Conversion www = convert(
            ingress("a", "    nginx.ingress.kubernetes.io/from-to-www-redirect: \"true\"\n"));
        QVERIFY(has(www, "hostnames=[\"www.app.example.com\"]"));
        QVERIFY(
            has(www, "\"requestRedirect\":{\"hostname\":\"app.example.com\",\"statusCode\":308}"));
        QVERIFY(has(www, "listener {\"hostname\":\"www.app.example.com\",\"port\":80"));
    }

    void headersCorsTimeouts()
    {
        const Convert::Conversion c = convert(
            ingress("a", "    nginx.ingress.kubernetes.io/upstream-vhost: internal.example\n"
                         "    nginx.ingress.kubernetes.io/connection-proxy-header: keep-alive\n"
                         "    nginx.ingress.kubernetes.io/enable-cors: \"true\"\n"
                         "    nginx.ingress.kubernetes.io/cors-allow-origin: \"https://a.example, "
                         "https://b.example\"\n"
                         "    nginx.ingress.kubernetes.io/cors-allow-credentials: \"false\"\n"
                         "    nginx.ingress.kubernetes.io/proxy-read-timeout: \"120\"\n"
                         "    nginx.ingress.kubernetes.io/proxy-connect-timeout: \"5\"\n"));
        QVERIFY(has(c, "{\"name\":\"host\",\"type\":\"Exact\",\"value\":\"internal.example\"}"));
        QVERIFY(has(c, "{\"name\":\"connection\",\"type\":\"Exact\",\"value\":\"keep-alive\"}"));
        QVERIFY(has(c, "\"allowCredentials\":false"));
        QVERIFY(has(c, "\"allowOrigins\":[\"https://a.example\",\"https://b.example\"]"));
        QVERIFY(has(c, "\"maxAge\":1728000"));
        QVERIFY(has(c, "\"timeouts\":{\"request\":\"1200s\"}"));
        const Convert::Conversion custom = convert(ingress(
            "a", "    nginx.ingress.kubernetes.io/enable-cors: \"true\"\n"
                 "    nginx.ingress.kubernetes.io/cors-allow-methods: \"GET, POST\"\n"
                 "    nginx.ingress.kubernetes.io/cors-allow-headers: \"X-Custom\"\n"
                 "    nginx.ingress.kubernetes.io/cors-expose-headers: \"X-Total, X-Page\"\n"
                 "    nginx.ingress.kubernetes.io/cors-max-age: \"600\"\n"
                 "    nginx.ingress.kubernetes.io/proxy-send-timeout: \"7\"\n"));
        QVERIFY(has(custom, "\"allowHeaders\":[\"X-Custom\"],\"allowMethods\":[\"GET\",\"POST\"]"));
        QVERIFY(has(custom, "\"exposeHeaders\":[\"X-Page\",\"X-Total\"],\"maxAge\":600"));
        QVERIFY(has(custom, "\"timeouts\":{\"request\":\"70s\"}"));
        const Convert::Conversion defaults =
            convert(ingress("a", "    nginx.ingress.kubernetes.io/enable-cors: \"true\"\n"));
        QVERIFY(has(defaults, "\"allowOrigins\":[\"*\"]"));
        QVERIFY(has(defaults, "\"allowMethods\":[\"DELETE\",\"GET\",\"OPTIONS\",\"PATCH\",\"POST\","
                              "\"PUT\"]"));
        QVERIFY(has(defaults, "\"allowCredentials\":true"));
    }

    void backendProtocols()
    {
        const Convert::Conversion grpc =
            convert(ingress("a", "    nginx.ingress.kubernetes.io/backend-protocol: GRPC\n",
                            "app.example.com", "/pkg.Greeter/SayHello", "Prefix"));
        QVERIFY(has(grpc, "GRPCRoute shop"));
        QVERIFY(has(grpc,
                    "\"method\":{\"method\":\"SayHello\",\"service\":\"pkg.Greeter\",\"type\":"
                    "\"Exact\"}"));
        const Convert::Conversion tls = convert(
            ingress("a", "    nginx.ingress.kubernetes.io/backend-protocol: HTTPS\n"
                         "    nginx.ingress.kubernetes.io/proxy-ssl-verify: \"on\"\n"
                         "    nginx.ingress.kubernetes.io/proxy-ssl-secret: shop/app-ca\n"
                         "    nginx.ingress.kubernetes.io/proxy-ssl-name: app.internal\n"
                         "    nginx.ingress.kubernetes.io/proxy-ssl-verify-depth: \"2\"\n"));
        QVERIFY(has(
            tls, "BackendTLSPolicy shop targets=[{\"group\":\"\",\"kind\":\"Service\","
                 "\"name\":\"app\"}] {\"validation\":{\"caCertificateRefs\":[{\"group\":\"\","
                 "\"kind\":\"ConfigMap\",\"name\":\"app-ca\"}],\"hostname\":\"app.internal\"}}"));
        QVERIFY(noteWith(tls, "proxy-ssl-verify-depth is not converted"));
        const Convert::Conversion otherNs = convert(
            ingress("a", "    nginx.ingress.kubernetes.io/backend-protocol: HTTPS\n"
                         "    nginx.ingress.kubernetes.io/proxy-ssl-verify: \"on\"\n"
                         "    nginx.ingress.kubernetes.io/proxy-ssl-secret: other/app-ca\n"));
        QVERIFY(!otherNs.usable());
        const Convert::Conversion grpcs =
            convert(ingress("a", "    nginx.ingress.kubernetes.io/backend-protocol: grpcs\n",
                            "app.example.com", "/pkg.Greeter", "Prefix"));
        QVERIFY(has(grpcs, "\"method\":{\"service\":\"pkg.Greeter\",\"type\":\"Exact\"}"));
        QVERIFY(has(grpcs, "BackendTLSPolicy shop"));
        const Convert::Conversion grpcTimeout =
            convert(ingress("a", "    nginx.ingress.kubernetes.io/backend-protocol: GRPC\n"
                                 "    nginx.ingress.kubernetes.io/proxy-read-timeout: \"30\"\n"));
        QVERIFY(noteWith(grpcTimeout, "no GRPCRoute equivalent"));
        QVERIFY(all(grpcTimeout).find("timeouts") == std::string::npos);
        QVERIFY(noteWith(grpcs, "check validation.hostname"));
        const Convert::Conversion fcgi =
            convert(ingress("a", "    nginx.ingress.kubernetes.io/backend-protocol: FCGI\n"));
        QVERIFY(noteWith(fcgi, "backend protocol FCGI"));
        QVERIFY(!object(fcgi, "HTTPRoute", "a-app-example-com"));
    }

    void sslPassthrough()
    {
        const Convert::Conversion c =
            convert(ingress("a", "    nginx.ingress.kubernetes.io/ssl-passthrough: \"true\"\n",
                            "secure.example.com", "/", "Prefix", "tls-app"));
        QVERIFY(has(c, "listener {\"hostname\":\"secure.example.com\",\"port\":443,\"protocol\":"
                       "\"TLS\",\"tls\":{\"mode\":\"Passthrough\"}}"));
        QVERIFY(has(c, "TLSRoute shop hostnames=[\"secure.example.com\"]"));
        QVERIFY(all(c).find("HTTPRoute") == std::string::npos);
    }

    void nginxOrgAnnotations()
    {
        const Convert::Conversion c =
            convert(ingress("a", "    nginx.org/proxy-set-headers: \"X-A: 1,X-B:two\"\n"
                                 "    nginx.org/proxy-hide-headers: \"Server, X-Powered-By\"\n"
                                 "    nginx.org/hsts: \"true\"\n"
                                 "    nginx.org/hsts-max-age: \"100\"\n"
                                 "    nginx.org/hsts-include-subdomains: \"true\"\n"
                                 "    nginx.org/rewrites: \"serviceName=app rewrite=/v2/\"\n"
                                 "    nginx.org/websocket-services: app\n"
                                 "    nginx.org/server-snippets: \"return 200;\"\n"));
        QVERIFY(has(c, "{\"name\":\"x-a\",\"type\":\"Exact\",\"value\":\"1\"}"));
        QVERIFY(has(c, "{\"name\":\"x-b\",\"type\":\"Exact\",\"value\":\"two\"}"));
        QVERIFY(has(c, "\"remove\":[\"Server\",\"X-Powered-By\"]"));
        QVERIFY(has(c, "\"value\":\"max-age=100; includeSubDomains\""));
        QVERIFY(has(c, "\"replacePrefixMatch\":\"/v2/\",\"type\":\"ReplacePrefixMatch\""));
        QVERIFY(noteWith(c, "WebSocket"));
        QVERIFY(noteWith(c, "nginx.org/server-snippets is not converted"));

        const std::string tls = "  tls:\n  - secretName: app-tls\n";
        const Convert::Conversion ports =
            convert(ingress("a",
                            "    nginx.org/listen-ports: \"8080\"\n"
                            "    nginx.org/listen-ports-ssl: \"8443,9443\"\n"
                            "    ingress.kubernetes.io/ssl-redirect: \"false\"\n",
                            "app.example.com", "/", "Prefix", "app", tls));
        QVERIFY(has(ports, "listener {\"hostname\":\"app.example.com\",\"port\":8080"));
        QVERIFY(has(ports, "listener {\"hostname\":\"app.example.com\",\"port\":8443,\"protocol\":"
                           "\"HTTPS\""));
        QVERIFY(has(ports, "\"port\":9443"));
        // F5's default HTTP → HTTPS redirect goes to the custom HTTPS port.
        const Convert::Conversion portsRedirect =
            convert(ingress("a", "    nginx.org/listen-ports-ssl: \"8443\"\n", "app.example.com",
                            "/", "Prefix", "app", tls));
        QVERIFY(has(portsRedirect, "\"requestRedirect\":{\"port\":8443,\"scheme\":\"https\","
                                   "\"statusCode\":301}"));
        QVERIFY(all(ports).find("listener {\"hostname\":\"app.example.com\",\"port\":80,") ==
                std::string::npos);
        QVERIFY(all(ports).find("redirect") == std::string::npos);

        const Convert::Conversion regex = convert(ingress(
            "a", "    nginx.org/path-regex: case_insensitive\n", "app.example.com", "/v[0-9]+"));
        QVERIFY(has(regex, "\"type\":\"RegularExpression\",\"value\":\"(?i)/v[0-9]+\""));

        const Convert::Conversion https = convert(
            ingress("a", "    nginx.org/redirect-to-https: \"true\"\n", "app.example.com", "/api"));
        QVERIFY(has(https, "\"headers\":[{\"name\":\"x-forwarded-proto\",\"type\":\"Exact\","
                           "\"value\":\"http\"}],\"path\":{\"type\":\"PathPrefix\",\"value\":"
                           "\"/api\"}"));
        QVERIFY(has(https, "\"scheme\":\"https\",\"statusCode\":301"));

        const Convert::Conversion services = convert(
            ingress("a", "    nginx.org/grpc-services: app\n    nginx.org/ssl-services: app\n"));
        QVERIFY(has(services, "GRPCRoute shop"));
        QVERIFY(has(services, "\"hostname\":\"app.shop.svc\",\"wellKnownCACertificates\":"
                              "\"System\""));
        QVERIFY(object(services, "BackendTLSPolicy", "a-app-backend-tls"));
    }

    void unconvertedAnnotationsAreReportedWhereWritten()
    {
        const Convert::Conversion c =
            convert(ingress("a", "    nginx.ingress.kubernetes.io/auth-url: https://auth\n"
                                 "    nginx.ingress.kubernetes.io/some-future-key: x\n"
                                 "    nginx.ingress.kubernetes.io/canary-weight: lots\n"
                                 "    cert-manager.io/cluster-issuer: letsencrypt\n"));
        const Core::Diagnostic *auth = noteWith(c, "auth-url is not converted");
        QVERIFY(auth);
        QCOMPARE(auth->line, 7);
        QCOMPARE(auth->column, 5);
        QCOMPARE(auth->fieldPath,
                 std::string("metadata.annotations[\"nginx.ingress.kubernetes.io/auth-url\"]"));
        QVERIFY(!auth->hint.empty());
        QVERIFY(noteWith(c, "some-future-key is not converted"));
        QVERIFY(noteWith(c, "\"lots\" is not an integer"));
        const Core::Diagnostic *foreign = noteWith(c, "cert-manager.io/cluster-issuer");
        QVERIFY(foreign);
        QCOMPARE(foreign->severity, Core::Severity::Info);
    }

    void provenanceAndOptions()
    {
        Convert::IngressOptions options;
        options.gatewayClass = "eg";
        std::string in = ingress("a", "    nginx.ingress.kubernetes.io/upstream-vhost: x\n");
        in.replace(in.find("  namespace: shop\n"), 18, "");
        options.defaultNamespace = "team";
        const Convert::Conversion c = convert(in, options);
        QVERIFY(has(c, "Gateway team/eg"));
        const auto find = [&](const std::string &target) -> const Convert::Provenance * {
            for (const Convert::Provenance &p : c.provenance) {
                if (p.targetPath == target) {
                    return &p;
                }
            }
            return nullptr;
        };
        const Convert::Provenance *path = find("spec.rules[0].matches[0].path");
        QVERIFY(path);
        QCOMPARE(path->targetResource, std::string("HTTPRoute team/a-app-example-com"));
        QCOMPARE(path->sourcePointer, std::string("spec.rules[0].http.paths[0].path"));
        QCOMPARE(path->sourceMark.line, 13u);
        QVERIFY(!path->explanation.isEmpty());
        const Convert::Provenance *filter = find("spec.rules[0].filters[0]");
        QVERIFY(filter);
        QCOMPARE(
            filter->sourcePointer,
            std::string("metadata.annotations[\"nginx.ingress.kubernetes.io/upstream-vhost\"]"));
        QVERIFY(find("spec.gatewayClassName"));
        QVERIFY(find("spec.listeners[0]"));
    }
};

QTEST_GUILESS_MAIN(TestIngressConverter)
#include "tst_ingress_converter.moc"
