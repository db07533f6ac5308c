// The runner on project-owned cases and manifests (written to a temporary folder): actions and
// the checks that follow them against the real controller, every reason a case is skipped, the
// conformance set-up (rewrites and the certificates of SETUP.md, checked with OpenSSL).
#include "engine/yaml/resource_reader.h"
#include "simulator/scenarios/case_runner.h"
#include "simulator/scenarios/conformance_setup.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <QtCore/QByteArray>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <memory>

using namespace Torii;
using namespace Torii::Scenarios;

namespace {

constexpr const char *kShop = R"(apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: torii}
spec: {controllerName: torii.dev/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: shop}
spec:
  gatewayClassName: torii
  listeners:
  - name: http
    port: 80
    protocol: HTTP
    allowedRoutes: {namespaces: {from: All}}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: backend}
spec:
  ports: [{port: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: api-v2, namespace: backend}
spec:
  ports: [{port: 8080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: backend}
spec: {replicas: 3}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: api-manual, namespace: backend}
addressType: IPv4
endpoints: []
---
apiVersion: gateway.networking.k8s.io/v1
kind: ReferenceGrant
metadata: {name: shop-to-backend, namespace: backend}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}]
  to: [{group: "", kind: Service}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: api, namespace: shop}
spec:
  parentRefs: [{name: web}]
  rules:
  - backendRefs: [{name: api, namespace: backend, port: 8080}]
)";

constexpr const char *kCases = R"(tests:
- name: PatchBumpsGeneration
  manifests: [shop.yaml]
  status:
  - {kind: HTTPRoute, namespace: shop, name: api, check: latestConditions}
  - action:
      patch:
        kind: HTTPRoute
        namespace: shop
        name: api
        set: {"spec.rules[0].backendRefs[0].name": api-v2}
  - {kind: HTTPRoute, namespace: shop, name: api, check: generationChanged}
  - {kind: HTTPRoute, namespace: shop, name: api, check: latestConditions}
  - kind: HTTPRoute
    namespace: shop
    name: api
    check: routeCondition
    parents:
    - parentRef: {name: web}
      conditions:
      - {type: ResolvedRefs, status: "True", reason: ResolvedRefs}
- name: LabelKeepsGeneration
  manifests: [shop.yaml]
  status:
  - action:
      patch: {kind: HTTPRoute, namespace: shop, name: api, set: {metadata.labels.team: a}}
  - {kind: HTTPRoute, namespace: shop, name: api, check: generationChanged}
- name: DeleteGrant
  manifests: [shop.yaml]
  status:
  - action:
      delete: {kind: ReferenceGrant, namespace: backend, name: shop-to-backend}
  - kind: HTTPRoute
    namespace: shop
    name: api
    check: routeCondition
    parents:
    - parentRef: {name: web}
      conditions:
      - {type: ResolvedRefs, status: "False", reason: RefNotPermitted}
- name: FillSlices
  manifests: [shop.yaml]
  status:
  - action:
      fillEndpointSlices: {namespace: backend, names: [api-manual], fromPodsOf: api}
  - {kind: Gateway, namespace: shop, name: web, check: gatewayCondition, conditions: [{type: Accepted, status: "True"}]}
- name: FillMissingSlice
  manifests: [shop.yaml]
  status:
  - action:
      fillEndpointSlices: {namespace: backend, names: [api-manual, nope], fromPodsOf: api}
  - {kind: Gateway, namespace: shop, name: web, check: hasAddress}
- name: BadPatch
  manifests: [shop.yaml]
  status:
  - action:
      patch: {kind: HTTPRoute, namespace: shop, name: api, set: {"spec.rules[3].name": x}}
  - {kind: Gateway, namespace: shop, name: web, check: gatewayCondition, conditions: [{type: Accepted}]}
- name: ProseStep
  manifests: [shop.yaml]
  status:
  - {kind: Gateway, namespace: shop, name: web, check: gatewayCondition, conditions: [{type: Accepted, status: "True"}]}
  - {kind: HTTPRoute, namespace: shop, name: api, check: noAcceptedParents, notes: after the listener is removed}
  - {kind: Gateway, namespace: shop, name: web, check: zeroAttachedRoutes}
- name: ProseCreate
  manifests: [shop.yaml]
  notes: >-
    Then the test creates, from code, HTTPRoute shop/second: spec.parentRefs [{name: web}],
    spec.rules [{backendRefs: [{name: api, namespace: backend, port: 8080}]}].
  status:
  - {kind: Gateway, namespace: shop, name: web, check: listeners, listeners: [{name: http, attachedRoutes: 1}]}
  - {kind: Gateway, namespace: shop, name: web, check: listeners, listeners: [{name: http, attachedRoutes: 2}], notes: after the second route is created}
  - {kind: HTTPRoute, namespace: shop, name: second, check: routeCondition, parents: [{parentRef: {name: web}, conditions: [{type: Accepted, status: "True"}]}]}
- name: ProseDeleteAfterTheRequests
  manifests: [shop.yaml]
  notes: After the traffic check the test deletes that ReferenceGrant backend/shop-to-backend.
  status:
  - {kind: HTTPRoute, namespace: shop, name: api, check: routeCondition, parents: [{parentRef: {name: web}, conditions: [{type: ResolvedRefs, status: "True"}]}]}
  - {kind: HTTPRoute, namespace: shop, name: api, check: routeCondition, parents: [{parentRef: {name: web}, conditions: [{type: ResolvedRefs, status: "False", reason: RefNotPermitted}]}], notes: after the ReferenceGrant is deleted}
- name: ProsePatchOfTheItemsObject
  manifests: [shop.yaml]
  notes: "Patch: spec.rules[0].backendRefs[0].name from api to api-v2."
  status:
  - {kind: HTTPRoute, namespace: shop, name: api, check: generationChanged, notes: after the patch}
- name: ProseUnread
  manifests: [shop.yaml]
  notes: Then the test deletes the Gateway of doom.
  status:
  - {kind: Gateway, namespace: shop, name: web, check: hasAddress, notes: after the Gateway is deleted}
- name: ProseKindOnlyAmbiguous
  manifests: [shop.yaml]
  notes: Then the test deletes the Service.
  status:
  - {kind: Gateway, namespace: shop, name: web, check: hasAddress, notes: after the Service is deleted}
- name: ProseStepAfterAFailure
  manifests: [shop.yaml]
  status:
  - {kind: Gateway, namespace: shop, name: web, check: gatewayCondition, conditions: [{type: Accepted, status: "False"}]}
  - {kind: HTTPRoute, namespace: shop, name: api, check: noAcceptedParents, notes: after the listener is removed}
- name: OnlyWithout
  manifests: [shop.yaml]
  notes: Runs only when the implementation does NOT claim HTTPRoute (it passes at once otherwise).
  status:
  - {kind: Gateway, namespace: shop, name: web, check: hasAddress}
- name: OnlyWith
  manifests: [shop.yaml]
  notes: Runs only when the implementation also claims MeshHTTPRoute (it passes at once otherwise).
  status:
  - {kind: Gateway, namespace: shop, name: web, check: hasAddress}
- name: RequestsOnly
  manifests: [shop.yaml]
  requests:
  - request: {path: /}
- name: MissingManifest
  manifests: [shop.yaml, nowhere.yaml]
  status:
  - {kind: Gateway, namespace: shop, name: web, check: hasAddress}
)";

// The conformance layout: a base manifest (the suite's objects are created after it) and a test
// manifest with the placeholders SETUP.md rewrites.
constexpr const char *kBase = R"(apiVersion: v1
kind: Namespace
metadata: {name: gateway-conformance-infra}
)";

constexpr const char *kConformanceTest = R"(apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: own-class}
spec: {controllerName: "{GATEWAY_CONTROLLER_NAME}"}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: gateway-conformance-infra}
spec:
  gatewayClassName: "{GATEWAY_CLASS_NAME}"
  addresses:
  - {type: test/fake-invalid-type, value: "fake"}
  - value: PLACEHOLDER_UNUSABLE_ADDRS
  - value: PLACEHOLDER_USABLE_ADDRS
  listeners:
  - name: https
    port: 443
    protocol: HTTPS
    tls:
      certificateRefs: [{name: tls-terminate-checks-certificate}]
)";

constexpr const char *kConformanceCases = R"(tests:
- name: SetUp
  manifests: [base/base.yaml, tests/test.yaml]
  status:
  - {kind: GatewayClass, name: own-class, check: gatewayClassCondition, conditions: [{type: Accepted, status: "True"}]}
  - kind: Gateway
    namespace: gateway-conformance-infra
    name: gw
    check: listenerConditions
    listeners:
    - name: https
      conditions:
      - {type: ResolvedRefs, status: "True", reason: ResolvedRefs}
)";

void write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) {
        qFatal("cannot write %s", qPrintable(path));
    }
}

struct X509Free
{
    void operator()(X509 *x) const { X509_free(x); }
};
struct KeyFree
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyFree>;

X509Ptr readCertificate(const std::string &pem)
{
    BIO *bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    X509Ptr cert(PEM_read_bio_X509(bio, nullptr, nullptr, nullptr));
    BIO_free(bio);
    return cert;
}

KeyPtr readKey(const std::string &pem)
{
    BIO *bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    KeyPtr key(PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr));
    BIO_free(bio);
    return key;
}

std::string secretData(const Model::Resource &secret, const char *key)
{
    return QByteArray::fromBase64(QByteArray::fromStdString(secret.object["data"][key].asString()))
        .toStdString();
}

} // namespace

class TestScenariosCaseRunner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        write(m_dir.filePath("own/manifests/shop.yaml"), kShop);
        write(m_dir.filePath("own/cases/shop.yaml"), kCases);
        write(m_dir.filePath("conf/manifests/base/base.yaml"), kBase);
        write(m_dir.filePath("conf/manifests/tests/test.yaml"), kConformanceTest);
        write(m_dir.filePath("conf/cases/setup.yaml"), kConformanceCases);
        m_own = parseRouteTestFile(m_dir.filePath("own/cases/shop.yaml").toStdString());
        QVERIFY(!m_own.hasErrors());
        // Key generation takes a moment: one set-up serves the tests that only read it.
        ConformanceSetupOptions options;
        options.controllerName = "example.com/ctl";
        m_setup = std::make_unique<ConformanceSetup>(options);
    }

    void cases_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("reason");
        QTest::newRow("patch") << "PatchBumpsGeneration"
                               << "PASS"
                               << "";
        QTest::newRow("metadata patch")
            << "LabelKeepsGeneration"
            << "FAIL"
            << "HTTPRoute shop/api: expected metadata.generation to differ from 1, its value "
               "before the last action; it is still 1";
        QTest::newRow("delete") << "DeleteGrant"
                                << "PASS"
                                << "";
        QTest::newRow("fillEndpointSlices") << "FillSlices"
                                            << "PASS"
                                            << "";
        QTest::newRow("fillEndpointSlices, missing slice")
            << "FillMissingSlice"
            << "FAIL"
            << "cannot fillEndpointSlices backend/api-manual, nope: EndpointSlice backend/nope "
               "does not exist";
        QTest::newRow("bad patch")
            << "BadPatch"
            << "FAIL"
            << "cannot patch HTTPRoute shop/api: \"spec.rules[3].name\": no list item [3]";
        QTest::newRow("prose step")
            << "ProseStep"
            << "SKIP"
            << "HTTPRoute shop/api: follows a step the case describes only in prose (\"after the "
               "listener is removed\"), which the runner cannot perform";
        QTest::newRow("prose: a route created from code")
            << "ProseCreate"
            << "PASS"
            << "";
        QTest::newRow("prose: a grant deleted after the requests")
            << "ProseDeleteAfterTheRequests"
            << "PASS"
            << "";
        QTest::newRow("prose: a patch that names no object")
            << "ProsePatchOfTheItemsObject"
            << "PASS"
            << "";
        QTest::newRow("prose: an unreadable step")
            << "ProseUnread"
            << "SKIP"
            << "Gateway shop/web: follows a step the case describes only in prose (\"after the "
               "Gateway is deleted\"), which the runner cannot perform: cannot read \"Then the "
               "test deletes the Gateway of doom\": \"of doom\" after the deleted object is not "
               "understood";
        QTest::newRow("prose: a kind-only step with several objects of the kind")
            << "ProseKindOnlyAmbiguous"
            << "SKIP"
            << "the notes tell a step (\"Then the test deletes the Service\") without naming its "
               "Service, and the case loaded 2 of them";
        QTest::newRow("a failure before a prose step still fails")
            << "ProseStepAfterAFailure"
            << "FAIL"
            << "Gateway shop/web: expected condition Accepted=False in status.conditions; it has "
               "Accepted=True (Accepted), Programmed=True (Programmed), ResolvedRefs=True "
               "(ResolvedRefs)";
        QTest::newRow("only without a claimed feature")
            << "OnlyWithout"
            << "SKIP"
            << "runs only for an implementation that does not claim HTTPRoute, and Torii claims "
               "it";
        QTest::newRow("only with an unclaimed feature")
            << "OnlyWith"
            << "SKIP"
            << "runs only for an implementation that also claims MeshHTTPRoute, which Torii "
               "does not claim";
        QTest::newRow("requests only")
            << "RequestsOnly"
            << "SKIP"
            << "no status assertions: everything this test checks is in its requests, which need "
               "the live gateway";
    }

    void cases()
    {
        QFETCH(QString, name);
        QFETCH(QString, verdict);
        QFETCH(QString, reason);
        const RouteTest *test = nullptr;
        for (const RouteTest &t : m_own.tests) {
            test = t.name == name.toStdString() ? &t : test;
        }
        QVERIFY(test);
        CaseRunner runner(RunnerOptions{});
        const CaseResult result = runner.run(*test);
        QString log;
        for (const ItemResult &item : result.items) {
            log += QStringLiteral("\n%1 [%2] %3")
                       .arg(verdictName(item.result.verdict), QString::fromStdString(item.what),
                            QString::fromStdString(item.result.english()));
        }
        QVERIFY2(QString::fromLatin1(verdictName(result.verdict)) == verdict,
                 qPrintable(QString::fromStdString(result.reason.english()) + log));
        QCOMPARE(QString::fromStdString(result.reason.english()), reason);
        QVERIFY(!result.inputError);
    }

    void missingManifestIsAnInputError()
    {
        const RouteTest *test = nullptr;
        for (const RouteTest &t : m_own.tests) {
            test = t.name == "MissingManifest" ? &t : test;
        }
        CaseRunner runner(RunnerOptions{});
        const CaseResult result = runner.run(*test);
        QCOMPARE(result.verdict, Verdict::Fail);
        QVERIFY(result.inputError);
        QVERIFY2(result.reason.english().rfind("cannot load manifest ", 0) == 0,
                 result.reason.english().c_str());
        QVERIFY(result.reason.english().find("nowhere.yaml") != std::string::npos);
    }

    void conformanceSetUp()
    {
        const RouteTestFile file =
            parseRouteTestFile(m_dir.filePath("conf/cases/setup.yaml").toStdString());
        QVERIFY(!file.hasErrors());
        RunnerOptions options;
        options.conformance = true;
        CaseRunner runner(options);
        const CaseResult result = runner.run(file.tests[0]);
        QVERIFY2(result.verdict == Verdict::Pass, result.reason.english().c_str());

        // Without the set-up the Gateway's class is the placeholder, which nothing accepts.
        CaseRunner plain(RunnerOptions{});
        QCOMPARE(plain.run(file.tests[0]).verdict, Verdict::Fail);
    }

    void rewrites()
    {
        const ConformanceSetup &setup = *m_setup;
        Yaml::ReadResult read = Yaml::readText(kConformanceTest, "test.yaml");
        QCOMPARE(read.resources.size(), std::size_t(2));
        setup.rewrite(read.resources[0]);
        QCOMPARE(read.resources[0].object["spec"]["controllerName"].asString(),
                 std::string("example.com/ctl"));
        setup.rewrite(read.resources[1]);
        const Model::Node &spec = read.resources[1].object["spec"];
        QCOMPARE(spec["gatewayClassName"].asString(), std::string("torii-conformance"));
        QCOMPARE(spec["addresses"].toJson(),
                 std::string("[{\"type\":\"test/fake-invalid-type\",\"value\":\"fake\"},"
                             "{\"type\":\"IPAddress\",\"value\":\"192.0.2.1\"},"
                             "{\"type\":\"IPAddress\",\"value\":\"127.0.0.1\"}]"));

        const Model::Resource &gatewayClass = setup.createdObjects().front();
        QCOMPARE(gatewayClass.kind, std::string("GatewayClass"));
        QCOMPARE(gatewayClass.name, std::string("torii-conformance"));
        QCOMPARE(gatewayClass.object["spec"]["controllerName"].asString(),
                 std::string("example.com/ctl"));
    }

    void certificates()
    {
        const ConformanceSetup &setup = *m_setup;
        std::map<std::string, const Model::Resource *> byName;
        for (const Model::Resource &r : setup.createdObjects()) {
            byName[r.kind + ' ' + r.ns + '/' + r.name] = &r;
        }
        QCOMPARE(byName.size(), std::size_t(15)); // the class and SETUP.md's fourteen rows

        auto certOf = [&](const std::string &key) {
            const Model::Resource *secret = byName.at("Secret " + key);
            X509Ptr cert = readCertificate(secretData(*secret, "tls.crt"));
            KeyPtr pkey = readKey(secretData(*secret, "tls.key"));
            if (!cert || !pkey || X509_check_private_key(cert.get(), pkey.get()) != 1 ||
                EVP_PKEY_get_bits(pkey.get()) != 2048 ||
                secret->object["type"].asString() != "kubernetes.io/tls") {
                qFatal("bad key pair in %s", key.c_str());
            }
            return cert;
        };
        auto caOf = [&](const std::string &key) {
            return readCertificate(byName.at("ConfigMap " + key)->object["data"]["ca.crt"].str());
        };
        auto signedBy = [](X509 *leaf, X509 *ca) {
            EVP_PKEY *caKey = X509_get0_pubkey(ca);
            return X509_verify(leaf, caKey) == 1;
        };

        const std::string infra = "gateway-conformance-infra/";
        X509Ptr caC = caOf(infra + "tls-checks-ca-certificate");
        X509Ptr caA = caOf(infra + "tls-validity-checks-ca-certificate");
        X509Ptr caB = caOf(infra + "tls-validity-checks-per-port-ca-certificate");
        X509Ptr mismatch = caOf(infra + "mismatch-ca-certificate");
        X509Ptr web = caOf("gateway-conformance-web-backend/web-backend-cm");
        QVERIFY(caC && caA && caB && mismatch && web);
        QCOMPARE(X509_check_ca(caC.get()), 1);

        X509Ptr checks = certOf(infra + "tls-checks-certificate");
        QVERIFY(signedBy(checks.get(), caC.get()));
        QVERIFY(!signedBy(checks.get(), mismatch.get()));
        QCOMPARE(X509_check_host(checks.get(), "abc.example.com", 0, 0, nullptr), 1);
        QCOMPARE(X509_check_host(checks.get(), "other.example.com", 0, 0, nullptr), 1);
        GENERAL_NAMES *names = static_cast<GENERAL_NAMES *>(
            X509_get_ext_d2i(checks.get(), NID_subject_alt_name, nullptr, nullptr));
        bool uri = false;
        for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
            const GENERAL_NAME *n = sk_GENERAL_NAME_value(names, i);
            if (n->type == GEN_URI) {
                const auto *s = ASN1_STRING_get0_data(n->d.uniformResourceIdentifier);
                uri = std::string(reinterpret_cast<const char *>(s)) ==
                      "spiffe://abc.example.com/test-identity";
            }
        }
        GENERAL_NAMES_free(names);
        QVERIFY(uri);

        QVERIFY(signedBy(certOf(infra + "tls-checks-client-certificate").get(), caC.get()));
        QVERIFY(
            signedBy(certOf(infra + "tls-validity-checks-client-certificate").get(), caA.get()));
        QVERIFY(signedBy(certOf(infra + "tls-validity-checks-per-port-client-certificate").get(),
                         caB.get()));
        X509Ptr terminate = certOf(infra + "tls-terminate-checks-certificate");
        QVERIFY(signedBy(terminate.get(), caC.get()));
        QCOMPARE(X509_check_host(terminate.get(), "tls.example.com", 0, 0, nullptr), 1);
        for (const char *ns : {"gateway-conformance-infra/", "gateway-conformance-app-backend/"}) {
            X509Ptr passthrough = certOf(std::string(ns) + "tls-passthrough-checks-certificate");
            QVERIFY(signedBy(passthrough.get(), caC.get()));
        }

        // Self-signed, with wildcard names.
        X509Ptr validity = certOf(infra + "tls-validity-checks-certificate");
        QVERIFY(signedBy(validity.get(), validity.get()));
        QCOMPARE(X509_check_host(validity.get(), "a.wildcard.org", 0, 0, nullptr), 1);
        X509Ptr webCert = certOf("gateway-conformance-web-backend/certificate");
        QVERIFY(signedBy(webCert.get(), webCert.get()));
        QVERIFY(!signedBy(webCert.get(), web.get())); // the CA is unrelated

        // Fresh per set-up.
        const ConformanceSetup again(setup.options());
        QVERIFY(again.createdObjects()[1].object["data"]["tls.crt"].asString() !=
                setup.createdObjects()[1].object["data"]["tls.crt"].asString());
    }

private:
    QTemporaryDir m_dir;
    RouteTestFile m_own;
    std::unique_ptr<ConformanceSetup> m_setup;
};

QTEST_GUILESS_MAIN(TestScenariosCaseRunner)
#include "tst_scenarios_case_runner.moc"
