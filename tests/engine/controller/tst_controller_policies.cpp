// BackendTLSPolicy status: one ancestor per Torii Gateway whose accepted routes reach the
// targeted Service, Accepted / ResolvedRefs reasons for broken CA references, conflicts between
// policies, and the 5xx the table serves when a policy cannot be applied.
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
  - {name: http, port: 80, protocol: HTTP}
---
apiVersion: v1
kind: Service
metadata: {name: secure, namespace: infra}
spec:
  ports: [{name: https, port: 443, appProtocol: HTTPS}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules:
  - backendRefs: [{name: secure, port: 443}]
---
)";

std::string policy(const std::string &name, const std::string &validation,
                   const std::string &target = "secure", const std::string &created = {})
{
    std::string out = "apiVersion: gateway.networking.k8s.io/v1\nkind: BackendTLSPolicy\n"
                      "metadata:\n  name: " +
                      name + "\n  namespace: infra\n";
    if (!created.empty()) {
        out += "  creationTimestamp: \"" + created + "\"\n";
    }
    return out + "spec:\n  targetRefs:\n  - {group: \"\", kind: Service, name: " + target +
           "}\n  validation:\n    hostname: abc.example.com\n" + validation + "---\n";
}

} // namespace

class TestControllerPolicies : public QObject
{
    Q_OBJECT

private slots:
    void conditions_data()
    {
        QTest::addColumn<QString>("extra");
        QTest::addColumn<QString>("validation");
        QTest::addColumn<QString>("accepted");
        QTest::addColumn<QString>("resolvedRefs");

        const QString ca = "    caCertificateRefs: [{group: \"\", kind: ConfigMap, name: ca}]\n";
        QTest::newRow("valid CA") << QString::fromStdString(caConfigMap("infra", "ca")) << ca
                                  << "True/Accepted"
                                  << "True/ResolvedRefs";
        QTest::newRow("system CAs") << ""
                                    << "    wellKnownCACertificates: System\n"
                                    << "True/Accepted"
                                    << "True/ResolvedRefs";
        // backendtlspolicy_types.go: "If ALL CACertificateRefs are invalid, the implementation
        // MUST also ensure the `Accepted` Condition on the BackendTLSPolicy is set to `status:
        // False`, with a Reason `NoValidCACertificate`."
        QTest::newRow("missing ConfigMap") << "" << ca << "False/NoValidCACertificate"
                                           << "False/InvalidCACertificateRef";
        QTest::newRow("ConfigMap without ca.crt")
            << "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ca, namespace: infra}\n"
               "data: {}\n---\n"
            << ca << "False/NoValidCACertificate"
            << "False/InvalidCACertificateRef";
        QTest::newRow("ca.crt that is not PEM")
            << "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ca, namespace: infra}\n"
               "data: {ca.crt: nonsense}\n---\n"
            << ca << "False/NoValidCACertificate"
            << "False/InvalidCACertificateRef";
        QTest::newRow("unknown kind")
            << ""
            << "    caCertificateRefs: [{group: invalid.io, kind: InvalidKind, name: x}]\n"
            << "False/NoValidCACertificate"
            << "False/InvalidKind";
        QTest::newRow("one valid, one missing")
            << QString::fromStdString(caConfigMap("infra", "ca"))
            << "    caCertificateRefs:\n    - {group: \"\", kind: ConfigMap, name: ca}\n"
               "    - {group: \"\", kind: ConfigMap, name: gone}\n"
            << "True/Accepted"
            << "False/InvalidCACertificateRef";
    }

    void conditions()
    {
        QFETCH(QString, extra);
        QFETCH(QString, validation);
        QFETCH(QString, accepted);
        QFETCH(QString, resolvedRefs);
        const Run run = reconcileYaml(std::string(kClass) + kWorld + extra.toStdString() +
                                      policy("p", validation.toStdString()));
        const Node *status = run.status("BackendTLSPolicy", "infra", "p");
        QVERIFY(status);
        const auto &ancestors = (*status)["ancestors"].items();
        QCOMPARE(ancestors.size(), std::size_t(1));
        QCOMPARE(ancestors.front()["ancestorRef"].toJson(),
                 std::string(R"({"group":"gateway.networking.k8s.io","kind":"Gateway",)"
                             R"("namespace":"infra","name":"gw"})"));
        QCOMPARE(ancestors.front()["controllerName"].asString(),
                 std::string("torii.dev/gateway-controller"));
        QCOMPARE(condition(ancestors.front().find("conditions"), "Accepted"), accepted);
        QCOMPARE(condition(ancestors.front().find("conditions"), "ResolvedRefs"), resolvedRefs);

        // "Connections using an invalid CACertificateRef MUST fail, and the client MUST receive
        // an HTTP 5xx error response."
        const auto view = run.table("infra/gw")->listener(80);
        const auto &backend = view->hosts.front().routes.front()->backends.front();
        QCOMPARE(backend.isValid(), accepted.startsWith("True"));
    }

    // "For any BackendTLSPolicy that does not take precedence, the implementation MUST ensure
    // the `Accepted` Condition is set to `status: False`, with Reason `Conflicted`."
    void olderPolicyWins()
    {
        const std::string validation =
            "    caCertificateRefs: [{group: \"\", kind: ConfigMap, name: ca}]\n";
        const Run run =
            reconcileYaml(std::string(kClass) + kWorld + caConfigMap("infra", "ca") +
                          policy("newer", validation, "secure", "2024-02-01T00:00:00Z") +
                          policy("older", validation, "secure", "2024-01-01T00:00:00Z"));
        const auto accepted = [&](const char *name) {
            const Node *status = run.status("BackendTLSPolicy", "infra", name);
            return condition((*status)["ancestors"].items().front().find("conditions"), "Accepted");
        };
        QCOMPARE(accepted("older"), QString("True/Accepted"));
        QCOMPARE(accepted("newer"), QString("False/Conflicted"));
    }

    void noAncestorNoStatus()
    {
        const Run run = reconcileYaml(
            std::string(kClass) + kWorld +
            policy("unused", "    wellKnownCACertificates: System\n", "nobody-routes-here"));
        QVERIFY(!run.status("BackendTLSPolicy", "infra", "unused"));
    }
};

QTEST_GUILESS_MAIN(TestControllerPolicies)
#include "tst_controller_policies.moc"
