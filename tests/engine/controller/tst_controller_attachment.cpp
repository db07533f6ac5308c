// Route attachment: hostname intersection (each rule of the spec text), allowedRoutes namespaces
// (All, Same, Selector with matchLabels and matchExpressions over Namespace labels), the route
// parent conditions (NotAllowedByListeners, NoMatchingListenerHostname, NoMatchingParent),
// attachedRoutes counts, parents of other controllers, and HTTPRoute/GRPCRoute hostname sharing.
#include "controller_test_support.h"

#include "engine/controller/route_attachment.h"

#include <QtTest/QTest>

using namespace ControllerTest;
using Torii::Controller::Internal::effectiveHostnames;
using Torii::Controller::Internal::intersectHostname;

namespace {

const char *kNamespaces = R"(
apiVersion: v1
kind: Namespace
metadata:
  name: team-a
  labels:
    env: prod
    team: a
---
apiVersion: v1
kind: Namespace
metadata:
  name: team-b
  labels:
    env: dev
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: infra}
spec:
  ports:
  - port: 8080
---
)";

std::string gateway(const std::string &listeners)
{
    return std::string(kClass) +
           "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n"
           "  namespace: infra\nspec:\n  gatewayClassName: torii\n  listeners:\n" +
           listeners + "---\n";
}

// An HTTPRoute named `name` in `ns` with the given parentRef fields and hostnames, sending to
// infra/svc (granted to every namespace below).
std::string route(const std::string &name, const std::string &ns, const std::string &parentRef,
                  const std::string &hostnames = {}, const std::string &kind = "HTTPRoute")
{
    std::string out = "apiVersion: gateway.networking.k8s.io/v1\nkind: " + kind +
                      "\nmetadata:\n  name: " + name + "\n  namespace: " + ns +
                      "\nspec:\n  parentRefs:\n  - " + parentRef + "\n";
    if (!hostnames.empty()) {
        out += "  hostnames: " + hostnames + "\n";
    }
    out += "  rules:\n  - backendRefs:\n    - {name: svc, namespace: infra, port: 8080}\n---\n";
    return out;
}

const char *kGrantAll = R"(apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: all, namespace: infra}
spec:
  from:
  - {group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: team-a}
  - {group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: team-b}
  - {group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: no-object}
  to:
  - {group: "", kind: Service}
---
)";

} // namespace

class TestControllerAttachment : public QObject
{
    Q_OBJECT

private slots:
    void hostnameIntersection_data()
    {
        QTest::addColumn<QString>("listener"); // "" = no hostname
        QTest::addColumn<QString>("route");
        QTest::addColumn<QString>("expected"); // "-" = no intersection

        // httproute_types.go, hostnames: "A Listener with `test.example.com` as the hostname
        // matches HTTPRoutes that have either not specified any hostnames, or have specified at
        // least one of `test.example.com` or `*.example.com`."
        QTest::newRow("exact listener, same exact route") << "test.example.com"
                                                          << "test.example.com"
                                                          << "test.example.com";
        QTest::newRow("exact listener, wildcard route") << "test.example.com"
                                                        << "*.example.com"
                                                        << "test.example.com";
        QTest::newRow("exact listener, other exact route") << "test.example.com"
                                                           << "other.example.com"
                                                           << "-";
        // "A Listener with `*.example.com` as the hostname matches HTTPRoutes that have either not
        // specified any hostnames or have specified at least one hostname that matches the
        // Listener hostname. For example, `*.example.com`, `test.example.com`, and
        // `foo.test.example.com` would all match. On the other hand, `example.com` and
        // `test.example.net` would not match."
        QTest::newRow("wildcard listener, same wildcard") << "*.example.com"
                                                          << "*.example.com"
                                                          << "*.example.com";
        QTest::newRow("wildcard listener, one label deeper") << "*.example.com"
                                                             << "test.example.com"
                                                             << "test.example.com";
        QTest::newRow("wildcard listener, two labels deeper") << "*.example.com"
                                                              << "foo.test.example.com"
                                                              << "foo.test.example.com";
        QTest::newRow("wildcard listener, the bare domain") << "*.example.com"
                                                            << "example.com"
                                                            << "-";
        QTest::newRow("wildcard listener, another domain") << "*.example.com"
                                                           << "test.example.net"
                                                           << "-";
        // The more specific wildcard is the intersection.
        QTest::newRow("wildcard listener, narrower wildcard route") << "*.example.com"
                                                                    << "*.foo.example.com"
                                                                    << "*.foo.example.com";
        QTest::newRow("narrower wildcard listener, wider wildcard route") << "*.foo.example.com"
                                                                          << "*.example.com"
                                                                          << "*.foo.example.com";
        QTest::newRow("listener without hostname") << ""
                                                   << "foo.example.com"
                                                   << "foo.example.com";
        QTest::newRow("listener without hostname, wildcard route") << ""
                                                                   << "*.example.com"
                                                                   << "*.example.com";
    }

    void hostnameIntersection()
    {
        QFETCH(QString, listener);
        QFETCH(QString, route);
        QFETCH(QString, expected);
        const std::optional<std::string> l =
            listener.isEmpty() ? std::nullopt : std::optional<std::string>(listener.toStdString());
        const auto result = intersectHostname(l, route.toStdString());
        QCOMPARE(result ? QString::fromStdString(*result) : QString("-"), expected);
    }

    void effectiveHostnameSets()
    {
        // Neither restricts: every host.
        QCOMPARE(effectiveHostnames(std::nullopt, {}), std::vector<std::string>{"*"});
        // The route has none: the listener's.
        QCOMPARE(effectiveHostnames(std::string("a.example.com"), {}),
                 std::vector<std::string>{"a.example.com"});
        // "if a Listener specified `*.example.com`, and the HTTPRoute specified
        // `test.example.com` and `test.example.net`, `test.example.net` must not be considered
        // for a match."
        QCOMPARE(effectiveHostnames(std::string("*.example.com"),
                                    {"test.example.com", "test.example.net"}),
                 std::vector<std::string>{"test.example.com"});
        QVERIFY(effectiveHostnames(std::string("a.example.com"), {"b.example.com"}).empty());
    }

    void allowedNamespaces_data()
    {
        QTest::addColumn<QString>("namespaces"); // the listener's allowedRoutes.namespaces
        QTest::addColumn<QString>("routeNs");
        QTest::addColumn<QString>("accepted");

        const QString same = "{from: Same}";
        QTest::newRow("Same, same namespace") << same << "infra"
                                              << "True/Accepted";
        QTest::newRow("Same, other namespace") << same << "team-a"
                                               << "False/NotAllowedByListeners";
        QTest::newRow("default is Same") << ""
                                         << "team-a"
                                         << "False/NotAllowedByListeners";
        QTest::newRow("All") << "{from: All}"
                             << "team-b"
                             << "True/Accepted";

        const QString prod = "{from: Selector, selector: {matchLabels: {env: prod}}}";
        QTest::newRow("matchLabels, matching") << prod << "team-a"
                                               << "True/Accepted";
        QTest::newRow("matchLabels, not matching") << prod << "team-b"
                                                   << "False/NotAllowedByListeners";
        const QString in = "{from: Selector, selector: {matchExpressions: [{key: env, operator: "
                           "In, values: [prod, staging]}]}}";
        QTest::newRow("In, matching") << in << "team-a"
                                      << "True/Accepted";
        QTest::newRow("In, not matching") << in << "team-b"
                                          << "False/NotAllowedByListeners";
        const QString notIn = "{from: Selector, selector: {matchExpressions: [{key: env, "
                              "operator: NotIn, values: [prod]}]}}";
        QTest::newRow("NotIn, other value") << notIn << "team-b"
                                            << "True/Accepted";
        QTest::newRow("NotIn, listed value") << notIn << "team-a"
                                             << "False/NotAllowedByListeners";
        QTest::newRow("NotIn, label absent") << notIn << "no-object"
                                             << "True/Accepted";
        const QString exists = "{from: Selector, selector: {matchExpressions: [{key: env, "
                               "operator: Exists}]}}";
        QTest::newRow("Exists, present") << exists << "team-b"
                                         << "True/Accepted";
        QTest::newRow("Exists, absent") << exists << "no-object"
                                        << "False/NotAllowedByListeners";
        const QString doesNotExist = "{from: Selector, selector: {matchExpressions: [{key: env, "
                                     "operator: DoesNotExist}]}}";
        QTest::newRow("DoesNotExist, absent") << doesNotExist << "no-object"
                                              << "True/Accepted";
        QTest::newRow("DoesNotExist, present") << doesNotExist << "team-a"
                                               << "False/NotAllowedByListeners";
        // The API server labels every Namespace with kubernetes.io/metadata.name, including
        // namespaces that exist only implicitly here and Namespace objects without the label.
        const QString byName = "{from: Selector, selector: {matchLabels: "
                               "{kubernetes.io/metadata.name: %1}}}";
        QTest::newRow("metadata.name label, no Namespace object")
            << byName.arg("no-object") << "no-object"
            << "True/Accepted";
        QTest::newRow("metadata.name label, Namespace object") << byName.arg("team-a") << "team-a"
                                                               << "True/Accepted";
        QTest::newRow("metadata.name label, other namespace") << byName.arg("team-a") << "team-b"
                                                              << "False/NotAllowedByListeners";
        QTest::newRow("matchLabels AND matchExpressions")
            << "{from: Selector, selector: {matchLabels: {team: a}, matchExpressions: [{key: "
               "env, operator: In, values: [dev]}]}}"
            << "team-a"
            << "False/NotAllowedByListeners";
        QTest::newRow("empty selector selects every namespace") << "{from: Selector, selector: {}}"
                                                                << "team-b"
                                                                << "True/Accepted";
    }

    void allowedNamespaces()
    {
        QFETCH(QString, namespaces);
        QFETCH(QString, routeNs);
        QFETCH(QString, accepted);
        std::string listeners = "  - name: http\n    port: 80\n    protocol: HTTP\n";
        if (!namespaces.isEmpty()) {
            listeners += "    allowedRoutes:\n      namespaces: " + namespaces.toStdString() + "\n";
        }
        const Run run =
            reconcileYaml(std::string(kNamespaces) + kGrantAll + gateway(listeners) +
                          route("r", routeNs.toStdString(), "{name: gw, namespace: infra}"));
        const Node *status = run.status("HTTPRoute", routeNs.toStdString(), "r");
        QCOMPARE(condition(parentEntry(status, "gw")->find("conditions"), "Accepted"), accepted);
        QCOMPARE(condition(parentEntry(status, "gw")->find("conditions"), "ResolvedRefs"),
                 QString("True/ResolvedRefs"));
        const Node *http = listener(run.status("Gateway", "infra", "gw"), "http");
        QCOMPARE((*http)["attachedRoutes"].asInt(), std::int64_t(accepted.startsWith("True")));
    }

    void parentConditions_data()
    {
        QTest::addColumn<QString>("listeners");
        QTest::addColumn<QString>("parentRef");
        QTest::addColumn<QString>("hostnames");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("accepted");

        const QString http = "  - name: http\n    port: 80\n    protocol: HTTP\n";
        const QString withHost =
            "  - name: http\n    port: 80\n    protocol: HTTP\n    hostname: foo.example.com\n";
        const QString two = "  - name: a\n    port: 80\n    protocol: HTTP\n"
                            "    hostname: a.example.com\n"
                            "  - name: b\n    port: 8080\n    protocol: HTTP\n";
        QTest::newRow("whole Gateway") << http << "{name: gw}"
                                       << ""
                                       << "HTTPRoute"
                                       << "True/Accepted";
        QTest::newRow("sectionName matches") << http << "{name: gw, sectionName: http}"
                                             << ""
                                             << "HTTPRoute"
                                             << "True/Accepted";
        QTest::newRow("wrong sectionName") << http << "{name: gw, sectionName: http1}"
                                           << ""
                                           << "HTTPRoute"
                                           << "False/NoMatchingParent";
        QTest::newRow("wrong port") << http << "{name: gw, port: 81}"
                                    << ""
                                    << "HTTPRoute"
                                    << "False/NoMatchingParent";
        // "When both Port (experimental) and SectionName are specified, the name and port of
        // the selected listener must match both specified values."
        QTest::newRow("sectionName right, port wrong")
            << http << "{name: gw, sectionName: http, port: 81}"
            << ""
            << "HTTPRoute"
            << "False/NoMatchingParent";
        QTest::newRow("sectionName and port right")
            << http << "{name: gw, sectionName: http, port: 80}"
            << ""
            << "HTTPRoute"
            << "True/Accepted";
        QTest::newRow("kind not allowed") << http << "{name: gw}"
                                          << ""
                                          << "TCPRoute"
                                          << "False/NotAllowedByListeners";
        QTest::newRow("no hostname intersects") << withHost << "{name: gw}"
                                                << "[not-accepted.test.com]"
                                                << "HTTPRoute"
                                                << "False/NoMatchingListenerHostname";
        QTest::newRow("one hostname intersects") << withHost << "{name: gw}"
                                                 << "[bar.example.com, foo.example.com]"
                                                 << "HTTPRoute"
                                                 << "True/Accepted";
        // "If 1 of 2 Gateway listeners accept attachment from the referencing Route, the Route
        // MUST be considered successfully attached."
        QTest::newRow("one of two listeners takes it") << two << "{name: gw}"
                                                       << "[c.example.com]"
                                                       << "HTTPRoute"
                                                       << "True/Accepted";
        QTest::newRow("port selects the listener that refuses")
            << two << "{name: gw, port: 80}"
            << "[c.example.com]"
            << "HTTPRoute"
            << "False/NoMatchingListenerHostname";
    }

    void parentConditions()
    {
        QFETCH(QString, listeners);
        QFETCH(QString, parentRef);
        QFETCH(QString, hostnames);
        QFETCH(QString, kind);
        QFETCH(QString, accepted);
        std::string r = route("r", "infra", parentRef.toStdString(), hostnames.toStdString(),
                              kind.toStdString());
        if (kind == "TCPRoute") {
            r = "apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: TCPRoute\nmetadata:\n"
                "  name: r\n  namespace: infra\nspec:\n  parentRefs:\n  - " +
                parentRef.toStdString() +
                "\n  rules:\n  - backendRefs:\n    - {name: svc, port: 8080}\n";
        }
        const Run run =
            reconcileYaml(std::string(kNamespaces) + gateway(listeners.toStdString()) + r);
        const Node *status = run.status(kind.toStdString(), "infra", "r");
        const Node *entry = parentEntry(status, "gw");
        QVERIFY(entry);
        QCOMPARE(condition(entry->find("conditions"), "Accepted"), accepted);
        // The parentRef is reported with group and kind written out, and Torii's controllerName.
        QCOMPARE((*entry)["parentRef"]["group"].asString(),
                 std::string("gateway.networking.k8s.io"));
        QCOMPARE((*entry)["parentRef"]["kind"].asString(), std::string("Gateway"));
        QCOMPARE((*entry)["controllerName"].asString(),
                 std::string("torii.dev/gateway-controller"));
        QCOMPARE((*entry)["conditions"].items().size(), std::size_t(2));
    }

    void attachedRoutesCount()
    {
        const std::string listeners = "  - name: a\n    port: 80\n    protocol: HTTP\n"
                                      "    hostname: a.example.com\n"
                                      "  - name: b\n    port: 80\n    protocol: HTTP\n"
                                      "    hostname: b.example.com\n";
        const Run run = reconcileYaml(
            std::string(kNamespaces) + gateway(listeners) + route("both", "infra", "{name: gw}") +
            route("only-a", "infra", "{name: gw}", "[a.example.com]") +
            route("none", "infra", "{name: gw}", "[c.example.com]") +
            // Unresolved backends do not stop attachment: the route is still Accepted.
            "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n"
            "  name: broken\n  namespace: infra\nspec:\n  parentRefs:\n  - name: gw\n"
            "    sectionName: b\n  rules:\n  - backendRefs:\n    - {name: missing, port: 80}\n");
        const Node *gatewayStatus = run.status("Gateway", "infra", "gw");
        QCOMPARE((*listener(gatewayStatus, "a"))["attachedRoutes"].asInt(), std::int64_t(2));
        QCOMPARE((*listener(gatewayStatus, "b"))["attachedRoutes"].asInt(), std::int64_t(2));
        const Node *broken = parentEntry(run.status("HTTPRoute", "infra", "broken"), "gw");
        QCOMPARE(condition(broken->find("conditions"), "Accepted"), QString("True/Accepted"));
        QCOMPARE(condition(broken->find("conditions"), "ResolvedRefs"),
                 QString("False/BackendNotFound"));
    }

    void foreignParents()
    {
        const std::string foreignGateway =
            "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n"
            "  name: other\nspec:\n  controllerName: example.com/other\n---\n"
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n"
            "  name: theirs\n  namespace: infra\nspec:\n  gatewayClassName: other\n"
            "  listeners:\n  - {name: http, port: 80, protocol: HTTP}\n---\n";
        const Run run = reconcileYaml(
            std::string(kNamespaces) + foreignGateway +
            gateway("  - name: http\n    port: 80\n    protocol: HTTP\n") +
            route("only-theirs", "infra", "{name: theirs}") +
            route("mesh", "infra", "{group: \"\", kind: Service, name: svc}") +
            "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n"
            "  name: both\n  namespace: infra\nspec:\n  parentRefs:\n  - name: theirs\n"
            "  - name: gw\n  rules:\n  - backendRefs:\n    - {name: svc, port: 8080}\n");
        // "Only parents whose controller is Torii's get an entry".
        QVERIFY(!run.status("HTTPRoute", "infra", "only-theirs"));
        QVERIFY(!run.status("HTTPRoute", "infra", "mesh"));
        QVERIFY(!run.status("Gateway", "infra", "theirs"));
        const Node *both = run.status("HTTPRoute", "infra", "both");
        QCOMPARE((*both)["parents"].items().size(), std::size_t(1));
        QVERIFY(parentEntry(both, "gw"));
    }

    void missingParentIsAWarning()
    {
        const Run run =
            reconcileYaml(std::string(kNamespaces) + route("r", "infra", "{name: nowhere}"));
        QVERIFY(!run.status("HTTPRoute", "infra", "r"));
        QVERIFY(run.hasDiagnostic("controller.parent-missing"));
    }

    // grpcroute_types.go: "If a Route (A) of type HTTPRoute or GRPCRoute is attached to a
    // Listener and that listener already has another Route (B) of the other type attached and
    // the intersection of the hostnames of A and B is non-empty, then the implementation MUST
    // accept exactly one of these two routes ... The oldest Route based on creation timestamp."
    void httpAndGrpcShareNoHostname()
    {
        const std::string grpc =
            "apiVersion: gateway.networking.k8s.io/v1\nkind: GRPCRoute\nmetadata:\n"
            "  name: older\n  namespace: infra\n  creationTimestamp: \"2024-01-01T00:00:00Z\"\n"
            "spec:\n  parentRefs:\n  - name: gw\n  hostnames: [api.example.com]\n  rules:\n"
            "  - backendRefs:\n    - {name: svc, port: 8080}\n---\n";
        const std::string http =
            "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n"
            "  name: newer\n  namespace: infra\n  creationTimestamp: \"2024-02-01T00:00:00Z\"\n"
            "spec:\n  parentRefs:\n  - name: gw\n  hostnames: [\"*.example.com\"]\n  rules:\n"
            "  - backendRefs:\n    - {name: svc, port: 8080}\n---\n";
        const std::string disjoint = route("web", "infra", "{name: gw}", "[www.other.com]");
        const Run run = reconcileYaml(
            std::string(kNamespaces) +
            gateway("  - name: http\n    port: 80\n    protocol: HTTP\n") + http + grpc + disjoint);
        QCOMPARE(
            condition(
                parentEntry(run.status("GRPCRoute", "infra", "older"), "gw")->find("conditions"),
                "Accepted"),
            QString("True/Accepted"));
        QCOMPARE(
            condition(
                parentEntry(run.status("HTTPRoute", "infra", "newer"), "gw")->find("conditions"),
                "Accepted"),
            QString("False/NotAllowedByListeners"));
        QCOMPARE(condition(
                     parentEntry(run.status("HTTPRoute", "infra", "web"), "gw")->find("conditions"),
                     "Accepted"),
                 QString("True/Accepted"));
        const Node *http80 = listener(run.status("Gateway", "infra", "gw"), "http");
        QCOMPARE((*http80)["attachedRoutes"].asInt(), std::int64_t(2));
    }
};

QTEST_GUILESS_MAIN(TestControllerAttachment)
#include "tst_controller_attachment.moc"
