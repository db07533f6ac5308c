// Backend resolution: the route's ResolvedRefs reason (BackendNotFound, InvalidKind,
// RefNotPermitted, UnsupportedProtocol) for each way a backendRef can be broken, valid
// cross-namespace references through ReferenceGrants, and the compiled backend that keeps an
// invalid ref's weight as a 500 share.
#include "controller_test_support.h"

#include <QtTest/QTest>

using namespace ControllerTest;

namespace {

const char *kWorld = R"(
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
kind: Service
metadata: {name: local, namespace: apps}
spec:
  ports:
  - {name: http, port: 8080}
  - {name: h2c, port: 8081, appProtocol: kubernetes.io/h2c}
  - {name: mysql, port: 3306, appProtocol: mysql}
---
apiVersion: v1
kind: Service
metadata: {name: remote, namespace: web}
spec:
  ports:
  - {port: 8080}
---
)";

std::string grant(const std::string &ns, const std::string &fromKind, const std::string &fromNs,
                  const std::string &toKind, const std::string &toName)
{
    std::string out =
        "apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\n"
        "metadata: {name: grant, namespace: " +
        ns + "}\nspec:\n  from:\n  - {group: gateway.networking.k8s.io, kind: " + fromKind +
        ", namespace: " + fromNs + "}\n  to:\n  - {group: \"\", kind: " + toKind;
    if (!toName.empty()) {
        out += ", name: " + toName;
    }
    return out + "}\n---\n";
}

} // namespace

class TestControllerBackends : public QObject
{
    Q_OBJECT

private slots:
    void resolvedRefs_data()
    {
        QTest::addColumn<QString>("extra");
        QTest::addColumn<QString>("rule"); // the route's single rule
        QTest::addColumn<QString>("resolvedRefs");
        QTest::addColumn<QString>("backendInvalid"); // prefix of the table's invalidReason

        const QString local = "  - backendRefs:\n    - {name: local, port: 8080}\n";
        const QString remote =
            "  - backendRefs:\n    - {name: remote, namespace: web, port: 8080}\n";
        QTest::newRow("valid") << "" << local << "True/ResolvedRefs"
                               << "";
        QTest::newRow("Service missing") << ""
                                         << "  - backendRefs:\n    - {name: missing, port: 8080}\n"
                                         << "False/BackendNotFound"
                                         << "BackendNotFound";
        QTest::newRow("port missing on the Service")
            << ""
            << "  - backendRefs:\n    - {name: local, port: 9999}\n"
            << "False/BackendNotFound"
            << "BackendNotFound";
        QTest::newRow("kind other than Service")
            << ""
            << "  - backendRefs:\n    - {group: \"\", kind: ConfigMap, name: local, port: 1}\n"
            << "False/InvalidKind"
            << "InvalidKind";
        QTest::newRow("unknown group")
            << ""
            << "  - backendRefs:\n    - {group: unknownkind.example.com, kind: NonExistent, "
               "name: local, port: 1}\n"
            << "False/InvalidKind"
            << "InvalidKind";
        // "a ReferenceGrant object is required in the referent namespace".
        QTest::newRow("cross-namespace, no grant") << "" << remote << "False/RefNotPermitted"
                                                   << "RefNotPermitted";
        QTest::newRow("cross-namespace, grant for the Service")
            << QString::fromStdString(grant("web", "HTTPRoute", "apps", "Service", "remote"))
            << remote << "True/ResolvedRefs"
            << "";
        QTest::newRow("cross-namespace, grant for every Service")
            << QString::fromStdString(grant("web", "HTTPRoute", "apps", "Service", "")) << remote
            << "True/ResolvedRefs"
            << "";
        QTest::newRow("grant in the wrong namespace")
            << QString::fromStdString(grant("apps", "HTTPRoute", "apps", "Service", "")) << remote
            << "False/RefNotPermitted"
            << "RefNotPermitted";
        QTest::newRow("grant from another kind")
            << QString::fromStdString(grant("web", "GRPCRoute", "apps", "Service", "")) << remote
            << "False/RefNotPermitted"
            << "RefNotPermitted";
        QTest::newRow("grant from another namespace")
            << QString::fromStdString(grant("web", "HTTPRoute", "infra", "Service", "")) << remote
            << "False/RefNotPermitted"
            << "RefNotPermitted";
        QTest::newRow("grant to another kind")
            << QString::fromStdString(grant("web", "HTTPRoute", "apps", "Secret", "")) << remote
            << "False/RefNotPermitted"
            << "RefNotPermitted";
        QTest::newRow("grant to another name")
            << QString::fromStdString(grant("web", "HTTPRoute", "apps", "Service", "other"))
            << remote << "False/RefNotPermitted"
            << "RefNotPermitted";
        // The grant decides before existence: without one, the reason is RefNotPermitted even
        // for a Service that does not exist (UDPRouteInvalidCrossNamespaceBackendRef).
        QTest::newRow("cross-namespace to a missing Service, no grant")
            << ""
            << "  - backendRefs:\n    - {name: missing, namespace: web, port: 8080}\n"
            << "False/RefNotPermitted"
            << "RefNotPermitted";
        QTest::newRow("appProtocol Torii cannot speak")
            << ""
            << "  - backendRefs:\n    - {name: local, port: 3306}\n"
            << "False/UnsupportedProtocol"
            << "UnsupportedProtocol";
        QTest::newRow("mirror to a missing Service")
            << ""
            << "  - filters:\n    - type: RequestMirror\n      requestMirror:\n"
               "        backendRef: {name: missing, port: 8080}\n"
               "    backendRefs:\n    - {name: local, port: 8080}\n"
            << "False/BackendNotFound"
            << "";
        QTest::newRow("ExtensionRef filter")
            << ""
            << "  - filters:\n    - type: ExtensionRef\n      extensionRef: {group: example.com, "
               "kind: Thing, name: x}\n    backendRefs:\n    - {name: local, port: 8080}\n"
            << "False/InvalidKind"
            << "";
        QTest::newRow("the first broken ref decides")
            << ""
            << "  - backendRefs:\n    - {name: local, port: 8080}\n"
               "    - {name: missing, port: 8080}\n    - {name: remote, namespace: web, port: 1}\n"
            << "False/BackendNotFound"
            << "";
    }

    void resolvedRefs()
    {
        QFETCH(QString, extra);
        QFETCH(QString, rule);
        QFETCH(QString, resolvedRefs);
        QFETCH(QString, backendInvalid);
        const std::string yaml = std::string(kClass) + kWorld + extra.toStdString() +
                                 "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                                 "metadata: {name: r, namespace: apps}\nspec:\n"
                                 "  parentRefs:\n  - {name: gw, namespace: infra}\n  rules:\n" +
                                 rule.toStdString();
        const Run run = reconcileYaml(yaml);
        const Node *entry = parentEntry(run.status("HTTPRoute", "apps", "r"), "gw");
        QVERIFY(entry);
        // Broken backends never stop attachment.
        QCOMPARE(condition(entry->find("conditions"), "Accepted"), QString("True/Accepted"));
        QCOMPARE(condition(entry->find("conditions"), "ResolvedRefs"), resolvedRefs);

        const auto table = run.table("infra/gw");
        QVERIFY(table);
        const auto view = table->listener(80);
        QVERIFY(view && !view->hosts.empty() && !view->hosts.front().routes.empty());
        const auto &backend = view->hosts.front().routes.front()->backends.front();
        QVERIFY2(QString::fromStdString(backend.invalidReason).startsWith(backendInvalid),
                 backend.invalidReason.c_str());
        QCOMPARE(backend.isValid(), backendInvalid.isEmpty());
    }

    void appProtocolReachesTheTable()
    {
        const Run run = reconcileYaml(std::string(kClass) + kWorld + R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: apps}
spec:
  parentRefs:
  - {name: gw, namespace: infra}
  rules:
  - backendRefs:
    - {name: local, port: 8081}
)");
        const auto view = run.table("infra/gw")->listener(80);
        const auto &backend = view->hosts.front().routes.front()->backends.front();
        QCOMPARE(backend.appProtocol, std::string("kubernetes.io/h2c"));
        QCOMPARE(backend.ns, std::string("apps"));
        QCOMPARE(backend.service, std::string("local"));
        QCOMPARE(backend.port, 8081);
    }

    // Stream routes resolve their backends the same way (TCPRoute, UDPRoute, TLSRoute).
    void streamRouteBackends_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<QString>("backendRef");
        QTest::addColumn<QString>("resolvedRefs");

        QTest::newRow("TCP valid") << "TCPRoute"
                                   << "TCP"
                                   << "{name: local, port: 8080}"
                                   << "True/ResolvedRefs";
        QTest::newRow("TCP missing") << "TCPRoute"
                                     << "TCP"
                                     << "{name: nope, port: 8080}"
                                     << "False/BackendNotFound";
        QTest::newRow("UDP cross-namespace") << "UDPRoute"
                                             << "UDP"
                                             << "{name: remote, namespace: web, port: 8080}"
                                             << "False/RefNotPermitted";
        QTest::newRow("TLS unknown kind")
            << "TLSRoute"
            << "TLS"
            << "{group: unknownkind.example.com, kind: NonExistent, name: x, port: 443}"
            << "False/InvalidKind";
        // appProtocol matters only where Torii speaks HTTP to the backend.
        QTest::newRow("TCP to a mysql port") << "TCPRoute"
                                             << "TCP"
                                             << "{name: local, port: 3306}"
                                             << "True/ResolvedRefs";
    }

    void streamRouteBackends()
    {
        QFETCH(QString, kind);
        QFETCH(QString, protocol);
        QFETCH(QString, backendRef);
        QFETCH(QString, resolvedRefs);
        std::string listener =
            "  - name: l\n    port: 9000\n    protocol: " + protocol.toStdString() +
            "\n    allowedRoutes:\n      namespaces: {from: All}\n";
        if (protocol == "TLS") {
            listener += "    tls:\n      mode: Passthrough\n";
        }
        const std::string yaml =
            std::string(kClass) + kWorld +
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: l4, "
            "namespace: infra}\nspec:\n  gatewayClassName: torii\n  listeners:\n" +
            listener +
            "---\napiVersion: gateway.networking.k8s.io/v1\nkind: " + kind.toStdString() +
            "\nmetadata: {name: r, namespace: apps}\nspec:\n  parentRefs:\n  - {name: l4, "
            "namespace: infra}\n" +
            (protocol == "TLS" ? "  hostnames: [tls.example.com]\n" : "") +
            "  rules:\n  - backendRefs:\n    - " + backendRef.toStdString() + "\n";
        const Run run = reconcileYaml(yaml);
        const Node *entry = parentEntry(run.status(kind.toStdString(), "apps", "r"), "l4");
        QVERIFY(entry);
        QCOMPARE(condition(entry->find("conditions"), "Accepted"), QString("True/Accepted"));
        QCOMPARE(condition(entry->find("conditions"), "ResolvedRefs"), resolvedRefs);
    }
};

QTEST_GUILESS_MAIN(TestControllerBackends)
#include "tst_controller_backends.moc"
