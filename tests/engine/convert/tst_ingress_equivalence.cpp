// The Ingress converter against ingress2gateway's fixtures (../shared/fixtures/ingress2gateway):
// every nginx.org input (provider "nginx") and every ingress-nginx input of pull request 399
// (kgateway and agentgateway emitters; only their standard Gateway API objects are compared) is
// converted and compared with the expected output as Gateway API semantics
// (gateway_api_equivalence.h). Prints N/M per provider and each difference; fails on a difference
// that is not in kKeptDifferences below. Each converted output must also pass our validation.

#include "common/shared_corpus.h"
#include "gateway_api_equivalence.h"

#include "engine/convert/ingress/ingress_converter.h"
#include "engine/model/resource.h"
#include "engine/validation/validator.h"
#include "engine/yaml/yaml_loader.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtTest/QTest>

using namespace Torii;

namespace {

struct Provider
{
    const char *name;
    const char *folder;       // under fixtures/ingress2gateway
    const char *gatewayClass; // the emitter's GatewayClass ("" = the ingress class)
};

const Provider kProviders[] = {
    {"nginx", "nginx", ""},
    {"ingress-nginx (PR 399, kgateway)", "from-pull-requests/ingress-nginx-to-kgateway-pr399",
     "kgateway"},
    {"ingress-nginx (PR 399, agentgateway)",
     "from-pull-requests/ingress-nginx-to-agentgateway-pr399", "agentgateway"},
};

// Differences we keep, and why. A difference (one "missing: …" or "extra: …" line) is kept when
// its fixture file matches `fixture` ("*" = any) and the line contains `contains`.
struct KeptDifference
{
    const char *fixture;
    const char *contains;
    const char *why;
};

const KeptDifference kKeptDifferences[] = {
    // ---- Emitter-specific objects of PR 399: not Gateway API, nothing to compare with.
    {"*", "\"kind\":\"Backend\"",
     "kgateway's emitter routes service-upstream backends to its own Backend CRD; we keep the "
     "Service (service-upstream is reported as not converted)"},
    {"*", "\"type\":\"ExtensionRef\"",
     "kgateway's emitter attaches its TrafficPolicy CRDs (rate limits, buffers) as ExtensionRef "
     "filters; those annotations have no Gateway API equivalent, we report them instead"},
    {"*", "AgentgatewayBackend",
     "agentgateway's emitter routes to its own backend CRD; we keep the Service"},
    // ---- Places where we follow the controllers (or the spec) and ingress2gateway does not.
    {"nginx-ssl-redirect.yaml", "HTTPRoute",
     "nginx.org/redirect-to-https redirects only when X-Forwarded-Proto is \"http\" (TLS ended in "
     "a load balancer in front). ingress2gateway binds the route to the HTTP listener only and "
     "redirects every request there - behind such a load balancer that is a redirect loop, and "
     "the HTTPS listener it adds (with a made-up Secret) serves nothing. We repeat each match "
     "with the header and redirect those, keeping the backends for the rest."},
    {"nginx-ssl-redirect.yaml", "listener {\"hostname\":\"secure.example.com\",\"port\":443",
     "see above: no HTTPS listener with a Secret that does not exist"},
    {"nginx-hsts.yaml", "HTTPRoute",
     "F5's controller redirects HTTP to HTTPS for hosts with TLS by default (ssl-redirect "
     "defaults to true): our route serves HTTPS and the HTTP listener gets a 301 redirect route; "
     "ingress2gateway serves the backends on plain HTTP too"},
    {"nginx-listen-ports.yaml", "HTTPRoute",
     "same default HTTP → HTTPS redirect of F5's controller for the TLS host (on the custom "
     "ports)"},
    {"nginx-ssl-services.yaml", "BackendTLSPolicy",
     "ingress2gateway writes validation.hostname \"\" (refused by the CRD: hostname is required, "
     "and a CA source too); we write the Service's cluster name and the system CAs, with a "
     "warning to check both"},
    {"backend_protocol.yaml", "Route",
     "backend-protocol GRPC: we emit a GRPCRoute (as ingress2gateway's main branch does and as "
     "gRPC needs HTTP/2 to the backend); the PR 399 branch emits an HTTPRoute"},
    {"service_upstream.yaml", "Route",
     "the counterpart of the emitters' own backend CRDs (kgateway Backend, AgentgatewayBackend): "
     "we route to the Service itself; in the agentgateway fixture backend-protocol GRPC also "
     "makes it a GRPCRoute, see backend_protocol.yaml"},
    {"golden.yaml", "extra: HTTPRoute default hostnames=[\"myservicea.foo.org\"]",
     "the counterpart of kgateway's ExtensionRef filters above: the same rules without them"},
    {"backend_tls.yaml", "BackendTLSPolicy",
     "the kgateway/agentgateway emitters put backend TLS into their own policy CRDs; we emit the "
     "standard BackendTLSPolicy"},
    {"golden.yaml", "BackendTLSPolicy",
     "backend TLS as a standard BackendTLSPolicy, see backend_tls.yaml"},
    {"use_regex.yaml", "RegularExpression",
     "use-regex makes every path of the host a case-insensitive regex in ingress-nginx (its "
     "documentation: \"enforced on ALL paths for a given host regardless of what Ingress they are "
     "defined on\"), matched from the start: (?i)/path.* under Gateway API's whole-path matching. "
     "The PR 399 branch converts only the annotated Ingress's paths, case-sensitively, as ^/path"},
    {"use_regex_session_affinity.yaml", "RegularExpression", "use-regex host-wide, as above"},
    {"use_regex.yaml", "PathPrefix", "the other side of the regex difference above"},
    {"use_regex_session_affinity.yaml", "PathPrefix", "the other side of the regex difference"},
    {"rewrite_target.yaml", "myservicea.foo.org",
     "rewrite-target implies use-regex for the whole host in ingress-nginx (same documentation), "
     "so the host's paths become case-insensitive regexes; PR 399 keeps PathPrefix"},
    {"ssl_passthrough.yaml", "TLSRoute",
     "(name only) the TLSRoute is the same; PR 399 writes it as v1alpha2 with sectionName"},
};

bool kept(const QString &fixture, const std::string &difference, QString *why)
{
    for (const KeptDifference &k : kKeptDifferences) {
        if ((QLatin1String(k.fixture) == QLatin1String("*") ||
             fixture == QLatin1String(k.fixture)) &&
            difference.find(k.contains) != std::string::npos) {
            *why = QString::fromUtf8(k.why);
            return true;
        }
    }
    return false;
}

std::vector<Convert::IngressInput> readInput(const QString &path)
{
    std::vector<Convert::IngressInput> inputs;
    const Yaml::LoadResult loaded = Yaml::loadFile(path.toStdString());
    for (const Yaml::LoadedDocument &doc : loaded.documents) {
        if (doc.root.isMap()) {
            inputs.push_back({path.toStdString(), doc.root});
        }
    }
    return inputs;
}

} // namespace

class TestIngressEquivalence : public QObject
{
    Q_OBJECT

private slots:
    void fixtures()
    {
        TORII_REQUIRE_SHARED(QStringLiteral("fixtures/ingress2gateway"));
        int unexplained = 0;
        int totalFixtures = 0;
        for (const Provider &provider : kProviders) {
            const QDir input(Test::sharedPath(QStringLiteral("fixtures/ingress2gateway/") +
                                              QLatin1String(provider.folder) +
                                              QStringLiteral("/input")));
            const QStringList files =
                input.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
            QVERIFY2(!files.isEmpty(), qPrintable(input.path()));
            int equivalent = 0;
            for (const QString &name : files) {
                ++totalFixtures;
                const std::vector<Convert::IngressInput> inputs = readInput(input.filePath(name));
                Convert::IngressOptions options;
                options.gatewayClass = provider.gatewayClass;
                const Convert::Conversion conversion = Convert::convertIngresses(inputs, options);
                QVERIFY2(conversion.usable(), qPrintable(name));

                QString error;
                const std::vector<Model::Node> expected = Test::readExpectedObjects(
                    input.filePath(QStringLiteral("../output/") + name), &error);
                QVERIFY2(error.isEmpty(), qPrintable(error));
                QVERIFY2(!expected.empty(), qPrintable(name));

                const Test::EquivalenceResult result =
                    Test::compareGatewayApi(expected, conversion.objects);
                if (result.equivalent()) {
                    ++equivalent;
                }
                for (const std::string &difference : result.differences()) {
                    QString why;
                    if (kept(name, difference, &why)) {
                        qInfo().noquote()
                            << "  kept" << provider.name << name << ":"
                            << QString::fromStdString(difference) << "\n    why:" << why;
                    } else {
                        ++unexplained;
                        qWarning().noquote() << "  DIFFERENCE" << provider.name << name << ":"
                                             << QString::fromStdString(difference);
                    }
                }

                // Our output must pass our own validation (the v1.6.1 CRDs and CEL rules).
                std::vector<Model::Resource> resources;
                for (const Model::Node &object : conversion.objects) {
                    resources.push_back(Model::makeResource(object, {}));
                }
                for (const Core::Diagnostic &d : Validation::validateAll(resources)) {
                    QVERIFY2(!d.isError(), qPrintable(name + QStringLiteral(": ") +
                                                      QString::fromStdString(d.toCompilerStyle())));
                }
            }
            qInfo().noquote() << QStringLiteral("%1: %2/%3 fixtures equivalent")
                                     .arg(QLatin1String(provider.name))
                                     .arg(equivalent)
                                     .arg(files.size());
        }
        QVERIFY(totalFixtures > 20);
        QCOMPARE(unexplained, 0);
    }
};

QTEST_GUILESS_MAIN(TestIngressEquivalence)
#include "tst_ingress_equivalence.moc"
