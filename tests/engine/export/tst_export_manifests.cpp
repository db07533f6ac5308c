// Manifest export: apply order, the three split modes, private keys left out unless asked,
// made-up objects never, warnings for what the cluster will reject or ignore, and the exported
// YAML reads back and validates clean.
#include "export_test_support.h"

#include "engine/export/manifest_export.h"
#include "engine/validation/validator.h"

using namespace Torii;
using namespace Torii::Export;
using namespace ExportTest;

namespace {

// Written out of apply order on purpose.
const char *kWorkspace = R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: apps}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  rules:
  - backendRefs: [{name: web, port: 8080}]
status:
  parents: []
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: apps}
spec:
  ports: [{port: 8080}]
---
apiVersion: v1
kind: Service
metadata:
  name: invented
  namespace: apps
  annotations: {torii.dev/implicit-service: "true"}
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: Secret
metadata: {name: tls, namespace: infra}
type: kubernetes.io/tls
stringData:
  tls.crt: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
  tls.key: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n"
---
apiVersion: v1
kind: Secret
metadata: {name: plain, namespace: infra}
stringData: {token: abc}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: torii
  listeners:
  - name: http
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces: {from: All}
---
apiVersion: v1
kind: Namespace
metadata: {name: infra}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: torii}
spec:
  controllerName: torii.dev/gateway-controller
)";

std::vector<std::string> kindsOf(const std::vector<Model::Resource> &resources,
                                 const std::vector<std::size_t> &indices)
{
    std::vector<std::string> kinds;
    for (std::size_t i : indices) {
        kinds.push_back(resources[i].kind + " " + resources[i].name);
    }
    return kinds;
}

bool hasWarning(const ExportResult &r, const std::string &code)
{
    for (const auto &d : r.warnings) {
        if (d.code == code) {
            return true;
        }
    }
    return false;
}

} // namespace

class TestExportManifests : public QObject
{
    Q_OBJECT

private slots:
    void applyOrderAndExclusions()
    {
        const Loaded l = loadYaml(kWorkspace);
        const ExportResult r = exportManifests(l.resources, {}, {});
        QCOMPARE(r.files.size(), std::size_t(1));
        QCOMPARE(r.files[0].name, std::string("manifests.yaml"));
        const std::vector<std::string> expected = {"Namespace infra", "GatewayClass torii",
                                                   "Secret plain", "Gateway gw",
                                                   "HTTPRoute web", "Service web"};
        QCOMPARE(kindsOf(l.resources, r.exported), expected);
        QCOMPARE(r.excluded.size(), std::size_t(2)); // the made-up Service, the TLS Secret
        QVERIFY(hasWarning(r, "export.secret-excluded"));
        QVERIFY(hasWarning(r, "export.made-up"));
        const std::string &text = r.files[0].text;
        QVERIFY(text.rfind("apiVersion: v1\nkind: Namespace\n", 0) == 0);
        QVERIFY(text.find("status") == std::string::npos);
        QVERIFY(text.find("PRIVATE KEY") == std::string::npos);
        QVERIFY(text.find("invented") == std::string::npos);
        QVERIFY(text.find("torii.dev/implicit-service") == std::string::npos);
    }

    void secretsOnlyWhenAsked()
    {
        const Loaded l = loadYaml(kWorkspace);
        ExportOptions options;
        options.includeSecrets = true;
        const ExportResult r = exportManifests(l.resources, {}, options);
        QVERIFY(r.files[0].text.find("PRIVATE KEY") != std::string::npos);
        QVERIFY(!hasWarning(r, "export.secret-excluded"));
        // Made-up objects stay out whatever the options.
        QVERIFY(r.files[0].text.find("invented") == std::string::npos);
        QCOMPARE(r.excluded.size(), std::size_t(1));
    }

    void privateKeyDetection_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<bool>("holds");
        QTest::newRow("tls type") << "apiVersion: v1\nkind: Secret\nmetadata: {name: a}\ntype: kubernetes.io/tls\n" << true;
        QTest::newRow("tls.key entry") << "apiVersion: v1\nkind: Secret\nmetadata: {name: a}\ndata: {tls.key: eA==}\n" << true;
        // "-----BEGIN RSA PRIVATE KEY-----" in base64.
        QTest::newRow("base64 pem") << "apiVersion: v1\nkind: Secret\nmetadata: {name: a}\ndata: {id: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ==}\n" << true;
        QTest::newRow("token") << "apiVersion: v1\nkind: Secret\nmetadata: {name: a}\nstringData: {token: abc}\n" << false;
        QTest::newRow("configmap") << "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {tls.key: x}\n" << false;
    }
    void privateKeyDetection()
    {
        QFETCH(QString, yaml);
        QFETCH(bool, holds);
        const Loaded l = loadYaml(yaml.toStdString());
        QCOMPARE(l.resources.size(), std::size_t(1));
        QCOMPARE(holdsPrivateKey(l.resources[0]), holds);
    }

    void splitModes_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QStringList>("files");
        QTest::newRow("none") << int(SplitMode::None) << QStringList{"manifests.yaml"};
        QTest::newRow("role") << int(SplitMode::Role)
                              << QStringList{"01-infrastructure-provider.yaml",
                                             "02-cluster-operator.yaml",
                                             "03-application-developer.yaml"};
        QTest::newRow("kind") << int(SplitMode::Kind)
                              << QStringList{"00-namespace.yaml", "01-gatewayclass.yaml",
                                             "02-secret.yaml", "04-gateway.yaml",
                                             "07-httproute.yaml", "13-service.yaml"};
    }
    void splitModes()
    {
        QFETCH(int, mode);
        QFETCH(QStringList, files);
        const Loaded l = loadYaml(kWorkspace);
        ExportOptions options;
        options.split = SplitMode(mode);
        const ExportResult r = exportManifests(l.resources, {}, options);
        QStringList names;
        std::size_t objects = 0;
        for (const ExportFile &f : r.files) {
            names << QString::fromStdString(f.name);
            objects += f.objects.size();
            QVERIFY(!f.text.empty());
        }
        QCOMPARE(names, files);
        QCOMPARE(objects, r.exported.size());
        if (options.split == SplitMode::Role) {
            // The cluster operator's file holds the Namespace, the Secret and the Gateway.
            QCOMPARE(kindsOf(l.resources, r.files[1].objects),
                     (std::vector<std::string>{"Namespace infra", "Secret plain", "Gateway gw"}));
        }
    }

    void warnsAboutRejectionAndIgnoredFields()
    {
        const std::string yaml = std::string(kClass) + R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: bad, namespace: apps}
spec:
  rules:
  - matches:
    - path: {type: Exact, value: no-slash}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: torii
  defaultScope: All
  listeners:
  - {name: http, port: 80, protocol: HTTP}
)";
        const Loaded l = loadYaml(yaml);
        const Core::Diagnostics validation = Validation::validateAll(l.resources);
        ExportResult r = exportManifests(l.resources, validation, {});
        bool rejectedBad = false;
        bool ignoredGateway = false;
        for (const auto &d : r.warnings) {
            rejectedBad = rejectedBad || (d.code == "export.rejected" &&
                                          d.message.find("HTTPRoute apps/bad") != std::string::npos);
            ignoredGateway = ignoredGateway || (d.code == "export.ignored" &&
                                                d.message.find("Gateway infra/gw") != std::string::npos);
        }
        QVERIFY(rejectedBad);
        QVERIFY(ignoredGateway);
        // On an experimental-channel install the field is served: no warning about it.
        ExportOptions experimental;
        experimental.channel = Channel::Experimental;
        r = exportManifests(l.resources, validation, experimental);
        QVERIFY(!hasWarning(r, "export.ignored"));
        QVERIFY(hasWarning(r, "export.rejected"));
    }

    // The demo, exported, reads back and validates without an error; the Secret with the demo's
    // private key is not in it.
    void demoRoundTrip()
    {
        const Loaded demo = loadDemo();
        const ExportResult r = exportManifests(demo.resources, Validation::validateAll(demo.resources), {});
        QVERIFY(!hasWarning(r, "export.rejected"));
        std::string all;
        for (const ExportFile &f : r.files) {
            all += f.text + "---\n";
        }
        QVERIFY(all.find("tls.key") == std::string::npos);
        QVERIFY(all.find("'*.example.com'") != std::string::npos); // quoted, without a "!" tag
        QVERIFY(all.find("! '") == std::string::npos);
        const Yaml::ReadResult back = Yaml::readText(all, "exported.yaml");
        QVERIFY(!back.fatal);
        QCOMPARE(back.resources.size(), r.exported.size());
        const Core::Diagnostics diagnostics = Validation::validateAll(back.resources);
        for (const auto &d : diagnostics) {
            QVERIFY2(!d.isError(), d.toCompilerStyle().c_str());
        }
        // Deterministic, byte for byte.
        const ExportResult again = exportManifests(demo.resources, {}, {});
        QCOMPARE(again.files[0].text, r.files[0].text);
    }
};

QTEST_GUILESS_MAIN(TestExportManifests)
#include "tst_export_manifests.moc"
