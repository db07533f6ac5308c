// GatewayClass acceptance (own classes, acceptAllClasses, the implicit class, parametersRef) and
// the Gateway-level conditions: Accepted, Programmed, addresses, infrastructure parameters,
// observedGeneration and lastTransitionTime.
#include "controller_test_support.h"

#include <QtTest/QTest>

using namespace ControllerTest;

namespace {

const char *kGateway = R"(
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
  namespace: infra
spec:
  gatewayClassName: %1
  listeners:
  - name: http
    port: 80
    protocol: HTTP
)";

std::string gatewayOf(const QString &className)
{
    return QString::fromUtf8(kGateway).arg(className).toStdString();
}

std::string classOf(const QString &name, const QString &controller, const QString &extra = {})
{
    return QString("apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n"
                   "  name: %1\nspec:\n  controllerName: %2\n%3---\n")
        .arg(name, controller, extra)
        .toStdString();
}

} // namespace

class TestControllerClasses : public QObject
{
    Q_OBJECT

private slots:
    void classAcceptance_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<bool>("acceptAll");
        QTest::addColumn<QString>("classAccepted"); // "" = no status
        QTest::addColumn<QString>("gatewayAccepted");
        QTest::addColumn<QString>("diagnostic");

        const QString own = "torii.dev/gateway-controller";
        const QString foreign = "example.com/other-controller";
        const QString missingParams = "  parametersRef:\n    group: example.com\n"
                                      "    kind: Params\n    name: missing\n";
        const QString presentParams = "  parametersRef:\n    group: \"\"\n    kind: ConfigMap\n"
                                      "    name: params\n    namespace: infra\n";
        const std::string configMap =
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: params\n  namespace: infra\n"
            "data:\n  a: b\n---\n";

        QTest::newRow("own class") << QString::fromStdString(classOf("c", own) + gatewayOf("c"))
                                   << false << "True/Accepted"
                                   << "True/Accepted"
                                   << "";
        QTest::newRow("another controller's class: no status")
            << QString::fromStdString(classOf("c", foreign) + gatewayOf("c")) << false << ""
            << ""
            << "";
        QTest::newRow("another controller's class under acceptAllClasses")
            << QString::fromStdString(classOf("c", foreign) + gatewayOf("c")) << true
            << "True/Accepted"
            << "True/Accepted"
            << "";
        // gatewayclass_types.go: InvalidParameters "when the GatewayClass was not accepted because
        // the parametersRef field refers to a nonexistent or unsupported resource or kind".
        QTest::newRow("own class, parametersRef missing")
            << QString::fromStdString(classOf("c", own, missingParams) + gatewayOf("c")) << false
            << "False/InvalidParameters"
            << "False/Invalid"
            << "";
        QTest::newRow("own class, parametersRef missing, acceptAllClasses")
            << QString::fromStdString(classOf("c", own, missingParams) + gatewayOf("c")) << true
            << "False/InvalidParameters"
            << "False/Invalid"
            << "";
        QTest::newRow("foreign class, parametersRef missing, acceptAllClasses: warning")
            << QString::fromStdString(classOf("c", foreign, missingParams) + gatewayOf("c")) << true
            << "True/Accepted"
            << "True/Accepted"
            << "controller.class-parameters";
        QTest::newRow("own class, parametersRef present")
            << QString::fromStdString(configMap + classOf("c", own, presentParams) + gatewayOf("c"))
            << false << "True/Accepted"
            << "True/Accepted"
            << "";
        QTest::newRow("absent class: nobody reconciles the Gateway")
            << QString::fromStdString(gatewayOf("nowhere")) << false << ""
            << ""
            << "controller.class-missing";
        QTest::newRow("absent class under acceptAllClasses: implicit class")
            << QString::fromStdString(gatewayOf("nowhere")) << true << ""
            << "True/Accepted"
            << "controller.implicit-class";
    }

    void classAcceptance()
    {
        QFETCH(QString, yaml);
        QFETCH(bool, acceptAll);
        QFETCH(QString, classAccepted);
        QFETCH(QString, gatewayAccepted);
        QFETCH(QString, diagnostic);

        Torii::Controller::ControllerOptions options;
        options.acceptAllClasses = acceptAll;
        const Run run = reconcileYaml(yaml.toStdString(), options);

        const Node *classStatus = run.status("GatewayClass", "", "c");
        QCOMPARE(condition(classStatus, "conditions", "Accepted"), classAccepted);
        if (classStatus) {
            QCOMPARE(condition(classStatus, "conditions", "SupportedVersion"),
                     QString("True/SupportedVersion"));
        }
        const Node *gatewayStatus = run.status("Gateway", "infra", "gw");
        QCOMPARE(condition(gatewayStatus, "conditions", "Accepted"), gatewayAccepted);
        QCOMPARE(run.table("infra/gw") != nullptr, gatewayAccepted.startsWith("True"));
        if (!diagnostic.isEmpty()) {
            QVERIFY2(run.hasDiagnostic(diagnostic.toStdString()), qPrintable(diagnostic));
        }
    }

    // Every condition carries the object's generation (1 when absent) and the injected time.
    void conditionMetadata()
    {
        const std::string yaml = std::string(kClass) + R"(
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
  namespace: infra
  generation: 7
spec:
  gatewayClassName: torii
  listeners:
  - name: http
    port: 80
    protocol: HTTP
)";
        Torii::Controller::ControllerOptions options;
        options.transitionTime = "2024-05-01T10:00:00Z";
        const Run run = reconcileYaml(yaml, options);
        const Node *gateway = run.status("Gateway", "infra", "gw");
        QVERIFY(gateway);
        const Node &accepted = (*gateway)["conditions"].items().front();
        QCOMPARE(accepted["type"].asString(), std::string("Accepted"));
        QCOMPARE(accepted["observedGeneration"].asInt(), std::int64_t(7));
        QCOMPARE(accepted["lastTransitionTime"].asString(), std::string("2024-05-01T10:00:00Z"));
        QVERIFY(!accepted["message"].asString().empty());
        const Node &listenerCondition = (*listener(gateway, "http"))["conditions"].items().front();
        QCOMPARE(listenerCondition["observedGeneration"].asInt(), std::int64_t(7));

        const Node *gatewayClass = run.status("GatewayClass", "", "torii");
        QCOMPARE((*gatewayClass)["conditions"].items().front()["observedGeneration"].asInt(),
                 std::int64_t(1));
    }

    // The status looks as `kubectl get -o yaml` shows it.
    void gatewayStatusShape()
    {
        const Run run = reconcileYaml(std::string(kClass) + gatewayOf("torii"));
        const Node *gateway = run.status("Gateway", "infra", "gw");
        QVERIFY(gateway);
        QCOMPARE((*gateway)["addresses"].toJson(),
                 std::string(R"([{"type":"IPAddress","value":"127.0.0.1"}])"));
        QCOMPARE(condition(gateway, "conditions", "Programmed"), QString("True/Programmed"));
        QCOMPARE(condition(gateway, "conditions", "ResolvedRefs"), QString("True/ResolvedRefs"));
        QCOMPARE((*gateway)["attachedListenerSets"].asInt(), std::int64_t(0));
        const Node *http = listener(gateway, "http");
        QVERIFY(http);
        QCOMPARE((*http)["attachedRoutes"].asInt(), std::int64_t(0));
        QCOMPARE(supportedKinds(http), QString("HTTPRoute,GRPCRoute"));
        QCOMPARE((*http)["supportedKinds"].items().front()["group"].asString(),
                 std::string("gateway.networking.k8s.io"));
    }

    void gatewayConditions_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("accepted");
        QTest::addColumn<QString>("programmed");

        QTest::newRow("no address requested") << ""
                                              << "True/Accepted"
                                              << "True/Programmed";
        // gateway_types.go: "When a value is unspecified, an implementation SHOULD automatically
        // assign an address matching the requested type if possible."
        QTest::newRow("IPAddress without a value") << "  addresses:\n  - type: IPAddress\n"
                                                   << "True/Accepted"
                                                   << "True/Programmed";
        QTest::newRow("127.0.0.1 requested") << "  addresses:\n  - value: 127.0.0.1\n"
                                             << "True/Accepted"
                                             << "True/Programmed";
        QTest::newRow("an address Torii cannot serve")
            << "  addresses:\n  - type: IPAddress\n    value: 10.0.0.5\n"
            << "True/Accepted"
            << "False/AddressNotUsable";
        QTest::newRow("an unsupported address type")
            << "  addresses:\n  - type: test/fake-invalid-type\n    value: x\n"
            << "False/UnsupportedAddress"
            << "False/Invalid";
        QTest::newRow("infrastructure parametersRef missing")
            << "  infrastructure:\n    parametersRef:\n      group: invalid.io\n"
               "      kind: InvalidParameters\n      name: invalid\n"
            << "False/InvalidParameters"
            << "False/Invalid";
    }

    void gatewayConditions()
    {
        QFETCH(QString, spec);
        QFETCH(QString, accepted);
        QFETCH(QString, programmed);
        const std::string yaml = std::string(kClass) +
                                 "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                                 "metadata:\n  name: gw\n  namespace: infra\nspec:\n"
                                 "  gatewayClassName: torii\n" +
                                 spec.toStdString() +
                                 "  listeners:\n  - name: http\n    port: 80\n"
                                 "    protocol: HTTP\n";
        const Run run = reconcileYaml(yaml);
        const Node *gateway = run.status("Gateway", "infra", "gw");
        QCOMPARE(condition(gateway, "conditions", "Accepted"), accepted);
        QCOMPARE(condition(gateway, "conditions", "Programmed"), programmed);
        QCOMPARE(gateway->has("addresses"), accepted.startsWith("True"));
    }

    void noStatusForOtherKinds()
    {
        const Run run = reconcileYaml(std::string(kClass) + R"(
apiVersion: v1
kind: Service
metadata:
  name: svc
  namespace: infra
spec:
  ports:
  - port: 80
---
apiVersion: gateway.networking.k8s.io/v1
kind: ReferenceGrant
metadata:
  name: grant
  namespace: infra
spec:
  from:
  - group: gateway.networking.k8s.io
    kind: HTTPRoute
    namespace: other
  to:
  - group: ""
    kind: Service
)");
        QCOMPARE(run.result.statuses.size(), run.resources.size());
        QVERIFY(!run.status("Service", "infra", "svc"));
        QVERIFY(!run.status("ReferenceGrant", "infra", "grant"));
    }
};

QTEST_GUILESS_MAIN(TestControllerClasses)
#include "tst_controller_classes.moc"
