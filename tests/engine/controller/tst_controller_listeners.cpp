// Listener status: protocols and supportedKinds, allowedRoutes.kinds, certificateRefs (missing,
// malformed, wrong kind, cross-namespace with and without a ReferenceGrant), conflicts inside one
// Gateway, frontend client-certificate validation, and the Gateway conditions they lead to.
#include "controller_test_support.h"

#include <QtTest/QTest>

using namespace ControllerTest;

namespace {

// A Gateway infra/gw with the given listeners (YAML list items indented by two spaces).
std::string gatewayWith(const std::string &listeners, const std::string &specExtra = {})
{
    return std::string(kClass) +
           "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n"
           "  namespace: infra\nspec:\n  gatewayClassName: torii\n" +
           specExtra + "  listeners:\n" + listeners + "---\n";
}

std::string httpsListener(const std::string &certificateRef)
{
    return "  - name: l\n    port: 443\n    protocol: HTTPS\n    tls:\n      certificateRefs:\n" +
           certificateRef;
}

const char *kGrantSecrets = R"(apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata:
  name: grant
  namespace: certs
spec:
  from:
  - group: gateway.networking.k8s.io
    kind: Gateway
    namespace: infra
  to:
  - group: ""
    kind: Secret
    name: %1
---
)";

} // namespace

class TestControllerListeners : public QObject
{
    Q_OBJECT

private slots:
    void listenerStatus_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("accepted");
        QTest::addColumn<QString>("programmed");
        QTest::addColumn<QString>("resolvedRefs");
        QTest::addColumn<QString>("kinds");

        const auto row = [](const char *name, const std::string &yaml, const char *accepted,
                            const char *programmed, const char *resolved, const char *kinds) {
            QTest::newRow(name) << QString::fromStdString(yaml) << accepted << programmed
                                << resolved << kinds;
        };
        const std::string secret = tlsSecret("infra", "cert");
        const std::string ref = "      - name: cert\n";

        row("HTTP: HTTPRoute and GRPCRoute",
            gatewayWith("  - name: l\n    port: 80\n    protocol: HTTP\n"), "True/Accepted",
            "True/Programmed", "True/ResolvedRefs", "HTTPRoute,GRPCRoute");
        // "All Core ProtocolType values MUST be treated case-insensitively by implementations."
        row("protocol in lower case",
            gatewayWith("  - name: l\n    port: 80\n    protocol: http\n"), "True/Accepted",
            "True/Programmed", "True/ResolvedRefs", "HTTPRoute,GRPCRoute");
        row("HTTPS with a valid Secret", secret + gatewayWith(httpsListener(ref)), "True/Accepted",
            "True/Programmed", "True/ResolvedRefs", "HTTPRoute,GRPCRoute");
        row("TLS Passthrough: TLSRoute",
            gatewayWith("  - name: l\n    port: 443\n    protocol: TLS\n    tls:\n"
                        "      mode: Passthrough\n"),
            "True/Accepted", "True/Programmed", "True/ResolvedRefs", "TLSRoute");
        row("TLS Terminate: TLSRoute",
            secret + gatewayWith("  - name: l\n    port: 8443\n    protocol: TLS\n    tls:\n"
                                 "      mode: Terminate\n      certificateRefs:\n" +
                                 ref),
            "True/Accepted", "True/Programmed", "True/ResolvedRefs", "TLSRoute");
        row("TCP: TCPRoute", gatewayWith("  - name: l\n    port: 9000\n    protocol: TCP\n"),
            "True/Accepted", "True/Programmed", "True/ResolvedRefs", "TCPRoute");
        row("UDP: UDPRoute", gatewayWith("  - name: l\n    port: 5300\n    protocol: UDP\n"),
            "True/Accepted", "True/Programmed", "True/ResolvedRefs", "UDPRoute");
        // gateway_types.go: "If an implementation does not support a specified protocol, it MUST
        // set the "Accepted" condition to False for the affected Listener with a reason of
        // "UnsupportedProtocol"."
        row("unsupported protocol",
            gatewayWith("  - name: l\n    port: 1111\n    protocol: INVALID\n"
                        "  - name: ok\n    port: 80\n    protocol: HTTP\n"),
            "False/UnsupportedProtocol", "False/Invalid", "True/ResolvedRefs", "");
        row("allowedRoutes.kinds narrows the kinds",
            gatewayWith("  - name: l\n    port: 80\n    protocol: HTTP\n    allowedRoutes:\n"
                        "      kinds:\n      - kind: HTTPRoute\n"),
            "True/Accepted", "True/Programmed", "True/ResolvedRefs", "HTTPRoute");
        // "If kinds are specified in Spec that are not supported, they MUST NOT appear in this
        // list and an implementation MUST set the "ResolvedRefs" condition to "False" with the
        // "InvalidRouteKinds" reason."
        row("only an invalid kind",
            gatewayWith("  - name: l\n    port: 80\n    protocol: HTTP\n    allowedRoutes:\n"
                        "      kinds:\n      - kind: InvalidRoute\n"),
            "True/Accepted", "False/Invalid", "False/InvalidRouteKinds", "");
        row("a valid and an invalid kind",
            gatewayWith("  - name: l\n    port: 80\n    protocol: HTTP\n    allowedRoutes:\n"
                        "      kinds:\n      - kind: InvalidRoute\n      - kind: HTTPRoute\n"),
            "True/Accepted", "False/Invalid", "False/InvalidRouteKinds", "HTTPRoute");
        row("HTTPRoute on a TLS listener",
            gatewayWith("  - name: l\n    port: 443\n    protocol: TLS\n    tls:\n"
                        "      mode: Passthrough\n    allowedRoutes:\n      kinds:\n"
                        "      - kind: HTTPRoute\n"),
            "True/Accepted", "False/Invalid", "False/InvalidRouteKinds", "");
        row("a kind of another group",
            gatewayWith("  - name: l\n    port: 80\n    protocol: HTTP\n    allowedRoutes:\n"
                        "      kinds:\n      - group: example.com\n        kind: HTTPRoute\n"),
            "True/Accepted", "False/Invalid", "False/InvalidRouteKinds", "");

        // gateway_types.go, InvalidCertificateRef: "A CertificateRef is considered invalid when
        // it refers to a nonexistent or unsupported resource or kind, or when the data within that
        // resource is malformed."
        row("certificateRef to a missing Secret", gatewayWith(httpsListener(ref)), "True/Accepted",
            "False/Invalid", "False/InvalidCertificateRef", "HTTPRoute,GRPCRoute");
        row("certificateRef to a Secret without data",
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: cert\n  namespace: infra\n"
            "type: kubernetes.io/tls\n---\n" +
                gatewayWith(httpsListener(ref)),
            "True/Accepted", "False/Invalid", "False/InvalidCertificateRef", "HTTPRoute,GRPCRoute");
        row("certificateRef to a Secret whose tls.crt is not PEM",
            tlsSecret("infra", "cert", "not a certificate\n") + gatewayWith(httpsListener(ref)),
            "True/Accepted", "False/Invalid", "False/InvalidCertificateRef", "HTTPRoute,GRPCRoute");
        row("certificateRef to a Secret whose key does not match",
            tlsSecret("infra", "cert", kCertificate, kOtherKey) + gatewayWith(httpsListener(ref)),
            "True/Accepted", "False/Invalid", "False/InvalidCertificateRef", "HTTPRoute,GRPCRoute");
        row("certificateRef of an unsupported group",
            gatewayWith(httpsListener("      - group: wrong.group.company.io\n"
                                      "        kind: Secret\n        name: cert\n")),
            "True/Accepted", "False/Invalid", "False/InvalidCertificateRef", "HTTPRoute,GRPCRoute");
        row("certificateRef of an unsupported kind",
            secret + gatewayWith(httpsListener("      - kind: WrongKind\n        name: cert\n")),
            "True/Accepted", "False/Invalid", "False/InvalidCertificateRef", "HTTPRoute,GRPCRoute");
        // "If a ReferenceGrant does not allow this reference, the "ResolvedRefs" condition MUST
        // be set to False for this listener with the "RefNotPermitted" reason."
        row("cross-namespace certificateRef without a ReferenceGrant",
            tlsSecret("certs", "cert") +
                gatewayWith(httpsListener("      - name: cert\n        namespace: certs\n")),
            "True/Accepted", "False/Invalid", "False/RefNotPermitted", "HTTPRoute,GRPCRoute");
        row("cross-namespace certificateRef with a ReferenceGrant",
            tlsSecret("certs", "cert") + QString(kGrantSecrets).arg("cert").toStdString() +
                gatewayWith(httpsListener("      - name: cert\n        namespace: certs\n")),
            "True/Accepted", "True/Programmed", "True/ResolvedRefs", "HTTPRoute,GRPCRoute");
        row("cross-namespace certificateRef with a grant for another Secret",
            tlsSecret("certs", "cert") + QString(kGrantSecrets).arg("other").toStdString() +
                gatewayWith(httpsListener("      - name: cert\n        namespace: certs\n")),
            "True/Accepted", "False/Invalid", "False/RefNotPermitted", "HTTPRoute,GRPCRoute");
        row("cross-namespace certificateRef to a missing Secret with a grant",
            QString(kGrantSecrets).arg("cert").toStdString() +
                gatewayWith(httpsListener("      - name: cert\n        namespace: certs\n")),
            "True/Accepted", "False/Invalid", "False/InvalidCertificateRef", "HTTPRoute,GRPCRoute");
    }

    void listenerStatus()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, accepted);
        QFETCH(QString, programmed);
        QFETCH(QString, resolvedRefs);
        QFETCH(QString, kinds);

        const Run run = reconcileYaml(yaml.toStdString());
        const Node *l = listener(run.status("Gateway", "infra", "gw"), "l");
        QVERIFY(l);
        QCOMPARE(condition(l->find("conditions"), "Accepted"), accepted);
        QCOMPARE(condition(l->find("conditions"), "Programmed"), programmed);
        QCOMPARE(condition(l->find("conditions"), "ResolvedRefs"), resolvedRefs);
        QCOMPARE(condition(l->find("conditions"), "Conflicted"), QString("False/NoConflicts"));
        QCOMPARE(supportedKinds(l), kinds);
    }

    // A Secret given base64-encoded in `data`, as kubectl shows it.
    void base64SecretData()
    {
        const std::string crt =
            QByteArray(kCertificate.data(), int(kCertificate.size())).toBase64().toStdString();
        const std::string key = QByteArray(kKey.data(), int(kKey.size())).toBase64().toStdString();
        const std::string yaml = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: cert\n"
                                 "  namespace: infra\ntype: kubernetes.io/tls\ndata:\n"
                                 "  tls.crt: " +
                                 crt + "\n  tls.key: " + key + "\n---\n" +
                                 gatewayWith(httpsListener("      - name: cert\n"));
        const Run run = reconcileYaml(yaml);
        const Node *l = listener(run.status("Gateway", "infra", "gw"), "l");
        QCOMPARE(condition(l->find("conditions"), "ResolvedRefs"), QString("True/ResolvedRefs"));
    }

    void conflictsInsideOneGateway_data()
    {
        QTest::addColumn<QString>("listeners");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::addColumn<QString>("gatewayAccepted");

        // "In this case all the Listeners that share a port with the TCP Listener are not
        // distinct and so MUST NOT be accepted." and "The implementation MUST NOT pick one
        // conflicting Listener as the winner."
        QTest::newRow("HTTP and TCP on one port")
            << "  - name: a\n    port: 80\n    protocol: HTTP\n"
               "  - name: b\n    port: 80\n    protocol: TCP\n"
            << "True/ProtocolConflict"
            << "True/ProtocolConflict"
            << "False/ListenersNotValid";
        QTest::newRow("TLS Terminate and Passthrough on one port")
            << "  - name: a\n    port: 8443\n    protocol: TLS\n    hostname: a.example.com\n"
               "    tls:\n      mode: Terminate\n      certificateRefs:\n      - name: cert\n"
               "  - name: b\n    port: 8443\n    protocol: TLS\n    hostname: b.example.com\n"
               "    tls:\n      mode: Passthrough\n"
            << "True/ProtocolConflict"
            << "True/ProtocolConflict"
            << "False/ListenersNotValid";
        QTest::newRow("HTTP listeners with different hostnames")
            << "  - name: a\n    port: 80\n    protocol: HTTP\n    hostname: a.example.com\n"
               "  - name: b\n    port: 80\n    protocol: HTTP\n"
            << "False/NoConflicts"
            << "False/NoConflicts"
            << "True/Accepted";
        QTest::newRow("TCP and UDP share a port number")
            << "  - name: a\n    port: 53\n    protocol: TCP\n"
               "  - name: b\n    port: 53\n    protocol: UDP\n"
            << "False/NoConflicts"
            << "False/NoConflicts"
            << "True/Accepted";
        QTest::newRow("a conflicting pair beside a valid listener")
            << "  - name: a\n    port: 80\n    protocol: HTTP\n"
               "  - name: b\n    port: 80\n    protocol: HTTPS\n    tls:\n"
               "      certificateRefs:\n      - name: cert\n"
               "  - name: c\n    port: 8080\n    protocol: HTTP\n"
            << "True/ProtocolConflict"
            << "True/ProtocolConflict"
            << "True/ListenersNotValid";
    }

    void conflictsInsideOneGateway()
    {
        QFETCH(QString, listeners);
        QFETCH(QString, first);
        QFETCH(QString, second);
        QFETCH(QString, gatewayAccepted);
        const Run run =
            reconcileYaml(tlsSecret("infra", "cert") + gatewayWith(listeners.toStdString()));
        const Node *gateway = run.status("Gateway", "infra", "gw");
        const Node *a = listener(gateway, "a");
        const Node *b = listener(gateway, "b");
        QCOMPARE(condition(a->find("conditions"), "Conflicted"), first);
        QCOMPARE(condition(b->find("conditions"), "Conflicted"), second);
        if (first.startsWith("True")) {
            const QString reason = first.mid(5);
            QCOMPARE(condition(a->find("conditions"), "Accepted"), "False/" + reason);
            QCOMPARE(condition(a->find("conditions"), "Programmed"), "False/" + reason);
            QCOMPARE(supportedKinds(a), QString());
        }
        QCOMPARE(condition(gateway, "conditions", "Accepted"), gatewayAccepted);
    }

    void gatewayResolvedRefs()
    {
        const Run run =
            reconcileYaml(gatewayWith(httpsListener("      - name: missing\n") +
                                      "  - name: http\n    port: 80\n    protocol: HTTP\n"));
        const Node *gateway = run.status("Gateway", "infra", "gw");
        QCOMPARE(condition(gateway, "conditions", "ResolvedRefs"),
                 QString("False/ListenersNotResolved"));
        // A listener with broken references is still valid: the Gateway is accepted.
        QCOMPARE(condition(gateway, "conditions", "Accepted"), QString("True/Accepted"));
        QCOMPARE(condition(gateway, "conditions", "Programmed"), QString("True/Programmed"));
    }

    void backendClientCertificate_data()
    {
        QTest::addColumn<QString>("extra");
        QTest::addColumn<QString>("ref");
        QTest::addColumn<QString>("resolvedRefs");

        QTest::newRow("valid") << QString::fromStdString(tlsSecret("infra", "client"))
                               << "{name: client}"
                               << "True/ResolvedRefs";
        QTest::newRow("missing") << ""
                                 << "{name: client}"
                                 << "False/InvalidClientCertificateRef";
        QTest::newRow("wrong kind") << ""
                                    << "{kind: WrongKind, name: client}"
                                    << "False/InvalidClientCertificateRef";
        QTest::newRow("other namespace, no grant")
            << QString::fromStdString(tlsSecret("certs", "client"))
            << "{name: client, namespace: certs}"
            << "False/RefNotPermitted";
    }

    // gateway_types.go, ClientCertificateRef: "the `ResolvedRefs` condition on the Gateway MUST
    // be set to False with the Reason `InvalidClientCertificateRef`".
    void backendClientCertificate()
    {
        QFETCH(QString, extra);
        QFETCH(QString, ref);
        QFETCH(QString, resolvedRefs);
        const Run run = reconcileYaml(
            extra.toStdString() + gatewayWith("  - name: http\n    port: 80\n    protocol: HTTP\n",
                                              "  tls:\n    backend:\n      clientCertificateRef: " +
                                                  ref.toStdString() + "\n"));
        const Node *gateway = run.status("Gateway", "infra", "gw");
        QCOMPARE(condition(gateway, "conditions", "ResolvedRefs"), resolvedRefs);
        QCOMPARE(condition(gateway, "conditions", "Accepted"), QString("True/Accepted"));
    }

    void frontendValidation_data()
    {
        QTest::addColumn<QString>("extra");
        QTest::addColumn<QString>("caRef");
        QTest::addColumn<QString>("accepted");
        QTest::addColumn<QString>("resolvedRefs");

        QTest::newRow("valid CA") << QString::fromStdString(caConfigMap("infra", "ca"))
                                  << "{kind: ConfigMap, group: \"\", name: ca}"
                                  << "True/Accepted"
                                  << "True/ResolvedRefs";
        QTest::newRow("missing ConfigMap") << ""
                                           << "{kind: ConfigMap, group: \"\", name: ca}"
                                           << "False/NoValidCACertificate"
                                           << "False/InvalidCACertificateRef";
        QTest::newRow("a Service as CA") << ""
                                         << "{kind: Service, group: \"\", name: ca}"
                                         << "False/NoValidCACertificate"
                                         << "False/InvalidCACertificateKind";
        QTest::newRow("other namespace, no grant")
            << QString::fromStdString(caConfigMap("certs", "ca"))
            << "{kind: ConfigMap, group: \"\", name: ca, namespace: certs}"
            << "False/NoValidCACertificate"
            << "False/RefNotPermitted";
    }

    void frontendValidation()
    {
        QFETCH(QString, extra);
        QFETCH(QString, caRef);
        QFETCH(QString, accepted);
        QFETCH(QString, resolvedRefs);
        const Run run =
            reconcileYaml(tlsSecret("infra", "cert") + extra.toStdString() +
                          gatewayWith(httpsListener("      - name: cert\n") +
                                          "  - name: http\n    port: 80\n    protocol: HTTP\n",
                                      "  tls:\n    frontend:\n      default:\n        validation:\n"
                                      "          caCertificateRefs:\n          - " +
                                          caRef.toStdString() + "\n"));
        const Node *gateway = run.status("Gateway", "infra", "gw");
        const Node *l = listener(gateway, "l");
        QCOMPARE(condition(l->find("conditions"), "Accepted"), accepted);
        QCOMPARE(condition(l->find("conditions"), "ResolvedRefs"), resolvedRefs);
        // The HTTP listener is not affected by client-certificate validation.
        QCOMPARE(condition(listener(gateway, "http")->find("conditions"), "Accepted"),
                 QString("True/Accepted"));
    }

    void insecureFallbackCondition()
    {
        const Run run = reconcileYaml(
            tlsSecret("infra", "cert") + caConfigMap("infra", "ca") +
            gatewayWith(httpsListener("      - name: cert\n"),
                        "  tls:\n    frontend:\n      default:\n        validation:\n"
                        "          mode: AllowInsecureFallback\n"
                        "          caCertificateRefs:\n          - {kind: ConfigMap, group: \"\", "
                        "name: ca}\n"));
        QCOMPARE(condition(run.status("Gateway", "infra", "gw"), "conditions",
                           "InsecureFrontendValidationMode"),
                 QString("True/ConfigurationChanged"));
    }
};

QTEST_GUILESS_MAIN(TestControllerListeners)
#include "tst_controller_listeners.moc"
