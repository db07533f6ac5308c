// BackendTLSPolicy in the compiled table: each HTTP/gRPC backendRef whose Service port an
// accepted policy targets carries the TLS origination settings (SNI hostname, trusted CA PEM or
// the system store, SANs), resolved once per table and shared; the oldest policy wins a target,
// a sectionName policy wins over a whole-Service one for its port, and plain ports stay plain.
#include "controller_test_support.h"

#include <QtTest/QTest>

using namespace ControllerTest;
namespace RT = Torii::RouteTable;

namespace {

const char *kWorld = R"(
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: torii
  listeners:
  - {name: http, port: 80, protocol: HTTP}
---
apiVersion: v1
kind: Service
metadata: {name: secure, namespace: infra}
spec:
  ports:
  - {name: https, port: 443, appProtocol: HTTPS}
  - {name: plain, port: 80}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /tls}}]
    backendRefs: [{name: secure, port: 443}]
  - matches: [{path: {type: PathPrefix, value: /tls-again}}]
    backendRefs: [{name: secure, port: 443}]
  - matches: [{path: {type: PathPrefix, value: /plain}}]
    backendRefs: [{name: secure, port: 80}]
---
)";

const char *kCaRef = "    caCertificateRefs: [{group: \"\", kind: ConfigMap, name: ca}]\n";

std::string policy(const std::string &name, const std::string &validation,
                   const std::string &section = {}, const std::string &created = {})
{
    std::string out = "apiVersion: gateway.networking.k8s.io/v1\nkind: BackendTLSPolicy\n"
                      "metadata:\n  name: " +
                      name + "\n  namespace: infra\n";
    if (!created.empty()) {
        out += "  creationTimestamp: \"" + created + "\"\n";
    }
    out += "spec:\n  targetRefs:\n  - {group: \"\", kind: Service, name: secure";
    if (!section.empty()) {
        out += ", sectionName: " + section;
    }
    return out + "}\n  validation:\n    hostname: abc.example.com\n" + validation + "---\n";
}

// The backend the row for `path` sends to.
const RT::Backend &backendFor(const Run &run, const std::string &path)
{
    const auto table = run.table("infra/gw");
    RT::Request request;
    request.host = "any.example.com";
    request.path = path;
    const RT::MatchResult match = table->lookup(80, request);
    if (!match.route || match.route->backends.empty()) {
        qFatal("no route for %s", path.c_str());
    }
    return match.route->backends.front();
}

} // namespace

class TestControllerBackendTls : public QObject
{
    Q_OBJECT

private slots:
    void acceptedPolicyCarriesItsSettings()
    {
        const Run run = reconcileYaml(
            std::string(kClass) + kWorld + caConfigMap("infra", "ca") +
            policy("p", std::string(kCaRef) +
                            "    subjectAltNames:\n"
                            "    - {type: Hostname, hostname: abc.example.com}\n"
                            "    - {type: URI, uri: \"spiffe://abc.example.com/id\"}\n"));
        const RT::Backend &backend = backendFor(run, "/tls");
        QVERIFY(backend.isValid());
        QVERIFY(backend.tls);
        QCOMPARE(backend.tls->policy, std::string("infra/p"));
        QCOMPARE(backend.tls->hostname, std::string("abc.example.com"));
        QVERIFY(backend.tls->trustedPem.find(std::string(kCertificate)) != std::string::npos);
        QVERIFY(!backend.tls->systemTrust);
        QCOMPARE(backend.tls->dnsNames, std::vector<std::string>{"abc.example.com"});
        QCOMPARE(backend.tls->uris, std::vector<std::string>{"spiffe://abc.example.com/id"});
        QCOMPARE(backend.tls->key.size(), std::size_t(64)); // a SHA-256 in hex
        // Resolved once per table: every backendRef to the port shares the same settings.
        QCOMPARE(backendFor(run, "/tls-again").tls.get(), backend.tls.get());
    }

    void systemStore()
    {
        const Run run = reconcileYaml(std::string(kClass) + kWorld +
                                      policy("p", "    wellKnownCACertificates: System\n"));
        const RT::Backend &backend = backendFor(run, "/tls");
        QVERIFY(backend.tls);
        QVERIFY(backend.tls->systemTrust);
        QVERIFY(backend.tls->trustedPem.empty());
        QVERIFY(backend.tls->dnsNames.empty() && backend.tls->uris.empty());
    }

    void sectionNameSelectsThePort()
    {
        const Run run = reconcileYaml(std::string(kClass) + kWorld + caConfigMap("infra", "ca") +
                                      policy("p", kCaRef, "https"));
        QVERIFY(backendFor(run, "/tls").tls);
        QVERIFY(!backendFor(run, "/plain").tls); // the other port of the Service stays plain
    }

    void sectionPolicyWinsOverWholeService()
    {
        const Run run = reconcileYaml(
            std::string(kClass) + kWorld + caConfigMap("infra", "ca") +
            policy("whole", std::string(kCaRef) +
                                "    subjectAltNames: [{type: Hostname, hostname: a.example}]\n") +
            policy("section", kCaRef, "https"));
        QCOMPARE(backendFor(run, "/tls").tls->policy, std::string("infra/section"));
        QCOMPARE(backendFor(run, "/plain").tls->policy, std::string("infra/whole"));
    }

    // "When more than one BackendTLSPolicy selects the same target and sectionName ... the
    // older policy by creation timestamp takes precedence."
    void olderPolicyWins()
    {
        const Run run = reconcileYaml(
            std::string(kClass) + kWorld + caConfigMap("infra", "ca") +
            policy("newer",
                   std::string(kCaRef) +
                       "    subjectAltNames: [{type: Hostname, hostname: newer.example}]\n",
                   {}, "2024-02-01T00:00:00Z") +
            policy("older",
                   std::string(kCaRef) +
                       "    subjectAltNames: [{type: Hostname, hostname: older.example}]\n",
                   {}, "2024-01-01T00:00:00Z"));
        const RT::Backend &backend = backendFor(run, "/tls");
        QVERIFY(backend.tls);
        QCOMPARE(backend.tls->policy, std::string("infra/older"));
        QCOMPARE(backend.tls->dnsNames, std::vector<std::string>{"older.example"});
    }

    void sameSettingsSameKey()
    {
        const Run a = reconcileYaml(std::string(kClass) + kWorld + caConfigMap("infra", "ca") +
                                    policy("p", kCaRef));
        const Run b = reconcileYaml(std::string(kClass) + kWorld + caConfigMap("infra", "ca") +
                                    policy("p", kCaRef));
        const Run other = reconcileYaml(
            std::string(kClass) + kWorld + caConfigMap("infra", "ca") +
            policy("p", std::string(kCaRef) +
                            "    subjectAltNames: [{type: Hostname, hostname: x.example}]\n"));
        QCOMPARE(backendFor(a, "/tls").tls->key, backendFor(b, "/tls").tls->key);
        QVERIFY(backendFor(a, "/tls").tls->key != backendFor(other, "/tls").tls->key);
    }

    void unusablePolicyIsNoOrigination()
    {
        // The ConfigMap does not exist: the backend answers 500, and carries no TLS settings.
        const Run run = reconcileYaml(std::string(kClass) + kWorld + policy("p", kCaRef));
        const RT::Backend &backend = backendFor(run, "/tls");
        QVERIFY(!backend.isValid());
        QVERIFY(!backend.tls);
    }
};

QTEST_GUILESS_MAIN(TestControllerBackendTls)
#include "tst_controller_backend_tls.moc"
