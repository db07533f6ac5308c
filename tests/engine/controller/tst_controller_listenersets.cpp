// ListenerSets (GEP-1713): attachment through the Gateway's allowedListeners, conflicts with the
// Gateway's listeners and between ListenerSets in the spec's precedence (Gateway first, then
// ListenerSets by creation time, then namespace/name), attachedListenerSets, and routes that
// attach through a ListenerSet.
#include "controller_test_support.h"

#include <QtTest/QTest>

using namespace ControllerTest;

namespace {

std::string gateway(const std::string &allowedListeners,
                    const std::string &listeners =
                        "  - {name: gw-listener, port: 80, protocol: HTTP, hostname: gw.com}\n")
{
    std::string out = std::string(kClass) +
                      "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: friends\n"
                      "  labels: {listenersets: allowed}\n---\n"
                      "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n"
                      "  name: gw\n  namespace: infra\nspec:\n  gatewayClassName: torii\n";
    if (!allowedListeners.empty()) {
        out += "  allowedListeners:\n    namespaces: " + allowedListeners + "\n";
    }
    return out + "  listeners:\n" + listeners + "---\n";
}

std::string listenerSet(const std::string &name, const std::string &ns,
                        const std::string &listeners, const std::string &created = {})
{
    std::string out = "apiVersion: gateway.networking.k8s.io/v1\nkind: ListenerSet\nmetadata:\n"
                      "  name: " +
                      name + "\n  namespace: " + ns + "\n";
    if (!created.empty()) {
        out += "  creationTimestamp: \"" + created + "\"\n";
    }
    return out + "spec:\n  parentRef: {name: gw, namespace: infra}\n  listeners:\n" + listeners +
           "---\n";
}

} // namespace

class TestControllerListenerSets : public QObject
{
    Q_OBJECT

private slots:
    void attachment_data()
    {
        QTest::addColumn<QString>("allowed");
        QTest::addColumn<QString>("setNs");
        QTest::addColumn<QString>("accepted");
        QTest::addColumn<int>("attached");

        // gateway_types.go: "The default value is to allow no ListenerSets."
        QTest::newRow("no allowedListeners") << ""
                                             << "infra"
                                             << "False/NotAllowed" << 0;
        QTest::newRow("None") << "{from: None}"
                              << "infra"
                              << "False/NotAllowed" << 0;
        QTest::newRow("Same, same namespace") << "{from: Same}"
                                              << "infra"
                                              << "True/Accepted" << 1;
        QTest::newRow("Same, other namespace") << "{from: Same}"
                                               << "friends"
                                               << "False/NotAllowed" << 0;
        QTest::newRow("All") << "{from: All}"
                             << "elsewhere"
                             << "True/Accepted" << 1;
        QTest::newRow("Selector, matching")
            << "{from: Selector, selector: {matchLabels: {listenersets: allowed}}}"
            << "friends"
            << "True/Accepted" << 1;
        QTest::newRow("Selector, not matching")
            << "{from: Selector, selector: {matchLabels: {listenersets: allowed}}}"
            << "infra"
            << "False/NotAllowed" << 0;
    }

    void attachment()
    {
        QFETCH(QString, allowed);
        QFETCH(QString, setNs);
        QFETCH(QString, accepted);
        QFETCH(int, attached);
        const Run run = reconcileYaml(
            gateway(allowed.toStdString()) +
            listenerSet("ls", setNs.toStdString(),
                        "  - {name: ls-listener, port: 80, protocol: HTTP, hostname: ls.com}\n"));
        const Node *set = run.status("ListenerSet", setNs.toStdString(), "ls");
        QCOMPARE(condition(set, "conditions", "Accepted"), accepted);
        const QString programmed =
            accepted.startsWith("True") ? QString("True/Programmed") : accepted;
        QCOMPARE(condition(set, "conditions", "Programmed"), programmed);
        QCOMPARE(set->has("listeners"), accepted.startsWith("True"));
        const Node *gatewayStatus = run.status("Gateway", "infra", "gw");
        QCOMPARE((*gatewayStatus)["attachedListenerSets"].asInt(), std::int64_t(attached));
        // The Gateway's own listener is never affected.
        QCOMPARE(condition(listener(gatewayStatus, "gw-listener")->find("conditions"), "Accepted"),
                 QString("True/Accepted"));
        // The table carries the ListenerSet's listener only when it is attached.
        QVERIFY(run.table("infra/gw"));
    }

    // listenerset_types.go: "Implementations MUST treat the parent Gateway as having the merged
    // list of all listeners from itself and attached ListenerSets using the following
    // precedence: 1. "parent" Gateway 2. ListenerSet ordered by creation time (oldest first)
    // 3. ListenerSet ordered alphabetically by "{namespace}/{name}"."
    void hostnameConflictPrecedence()
    {
        const std::string shared = "  - {name: dup, port: 80, protocol: HTTP, hostname: x.com}\n";
        // Loaded newest first: creation time, not load order, decides.
        const Run run = reconcileYaml(
            gateway("{from: Same}",
                    "  - {name: gw-listener, port: 80, protocol: HTTP, hostname: gw.com}\n") +
            listenerSet("newer", "infra",
                        shared + "  - {name: own, port: 80, protocol: HTTP, hostname: n.com}\n",
                        "2024-03-01T00:00:00Z") +
            listenerSet("older", "infra", shared, "2024-01-01T00:00:00Z") +
            listenerSet("gw-dup", "infra",
                        "  - {name: clash, port: 80, protocol: HTTP, hostname: gw.com}\n",
                        "2023-01-01T00:00:00Z"));

        const Node *older = run.status("ListenerSet", "infra", "older");
        const Node *newer = run.status("ListenerSet", "infra", "newer");
        const Node *gwDup = run.status("ListenerSet", "infra", "gw-dup");
        QCOMPARE(condition(listener(older, "dup")->find("conditions"), "Conflicted"),
                 QString("False/NoConflicts"));
        QCOMPARE(condition(listener(newer, "dup")->find("conditions"), "Conflicted"),
                 QString("True/HostnameConflict"));
        QCOMPARE(condition(listener(newer, "dup")->find("conditions"), "Accepted"),
                 QString("False/HostnameConflict"));
        QCOMPARE(condition(listener(newer, "dup")->find("conditions"), "Programmed"),
                 QString("False/HostnameConflict"));
        QCOMPARE(condition(listener(newer, "own")->find("conditions"), "Accepted"),
                 QString("True/Accepted"));
        // The Gateway's own listeners come first, even before an older ListenerSet.
        QCOMPARE(condition(listener(gwDup, "clash")->find("conditions"), "Conflicted"),
                 QString("True/HostnameConflict"));
        QCOMPARE(condition(gwDup, "conditions", "Accepted"), QString("False/ListenersNotValid"));
        QCOMPARE(condition(gwDup, "conditions", "Programmed"), QString("False/ListenersNotValid"));
        QCOMPARE(condition(newer, "conditions", "Accepted"), QString("True/ListenersNotValid"));
        QCOMPARE(condition(newer, "conditions", "Programmed"), QString("True/Programmed"));
        const Node *gatewayStatus = run.status("Gateway", "infra", "gw");
        QCOMPARE(
            condition(listener(gatewayStatus, "gw-listener")->find("conditions"), "Conflicted"),
            QString("False/NoConflicts"));
        // "A ListenerSet is successfully attached ... The ListenerSet's status has the
        // condition Accepted: true".
        QCOMPARE((*gatewayStatus)["attachedListenerSets"].asInt(), std::int64_t(2));
    }

    void equalTimesFallBackToNamespaceAndName()
    {
        const std::string shared = "  - {name: dup, port: 80, protocol: HTTP, hostname: x.com}\n";
        const Run run = reconcileYaml(gateway("{from: All}") +
                                      listenerSet("b", "infra", shared, "2024-01-01T00:00:00Z") +
                                      listenerSet("a", "infra", shared, "2024-01-01T00:00:00Z"));
        QCOMPARE(
            condition(listener(run.status("ListenerSet", "infra", "a"), "dup")->find("conditions"),
                      "Conflicted"),
            QString("False/NoConflicts"));
        QCOMPARE(
            condition(listener(run.status("ListenerSet", "infra", "b"), "dup")->find("conditions"),
                      "Conflicted"),
            QString("True/HostnameConflict"));
    }

    void protocolConflictWithTheGateway()
    {
        const Run run = reconcileYaml(
            gateway("{from: Same}") +
            listenerSet("ls", "infra",
                        "  - {name: tcp, port: 80, protocol: TCP}\n"
                        "  - {name: web, port: 80, protocol: HTTP, hostname: web.com}\n"));
        const Node *set = run.status("ListenerSet", "infra", "ls");
        QCOMPARE(condition(listener(set, "tcp")->find("conditions"), "Conflicted"),
                 QString("True/ProtocolConflict"));
        QCOMPARE(condition(listener(set, "web")->find("conditions"), "Conflicted"),
                 QString("False/NoConflicts"));
    }

    void routesThroughAListenerSet()
    {
        const std::string routes = R"(
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: infra}
spec:
  ports: [{port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: via-set, namespace: infra}
spec:
  parentRefs:
  - {kind: ListenerSet, name: ls}
  rules:
  - backendRefs: [{name: svc, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: via-gateway-section, namespace: infra}
spec:
  parentRefs:
  - {name: gw, sectionName: ls-listener}
  rules:
  - backendRefs: [{name: svc, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: other-namespace, namespace: apps}
spec:
  parentRefs:
  - {kind: ListenerSet, name: ls, namespace: infra}
  rules:
  - backendRefs: [{name: svc, namespace: infra, port: 8080}]
---
)";
        const Run run = reconcileYaml(
            gateway("{from: Same}") +
            listenerSet("ls", "infra",
                        "  - {name: ls-listener, port: 80, protocol: HTTP, hostname: ls.com}\n") +
            routes);
        const Node *viaSet = parentEntry(run.status("HTTPRoute", "infra", "via-set"), "ls");
        QVERIFY(viaSet);
        QCOMPARE((*viaSet)["parentRef"]["kind"].asString(), std::string("ListenerSet"));
        QCOMPARE(condition(viaSet->find("conditions"), "Accepted"), QString("True/Accepted"));
        // A ListenerSet's listener cannot be reached through a Gateway parentRef.
        QCOMPARE(
            condition(parentEntry(run.status("HTTPRoute", "infra", "via-gateway-section"), "gw")
                          ->find("conditions"),
                      "Accepted"),
            QString("False/NoMatchingParent"));
        // allowedRoutes "Same" means the ListenerSet's namespace.
        QCOMPARE(condition(parentEntry(run.status("HTTPRoute", "apps", "other-namespace"), "ls")
                               ->find("conditions"),
                           "Accepted"),
                 QString("False/NotAllowedByListeners"));
        const Node *lsListener = listener(run.status("ListenerSet", "infra", "ls"), "ls-listener");
        QCOMPARE((*lsListener)["attachedRoutes"].asInt(), std::int64_t(1));

        // The Gateway's table serves the ListenerSet's listener.
        const auto view = run.table("infra/gw")->listener(80);
        QVERIFY(view);
        bool found = false;
        for (const auto &host : view->hosts) {
            if (host.hostname == "ls.com") {
                found = host.routes.size() == 1 && host.routes.front()->source.name == "via-set";
            }
        }
        QVERIFY(found);
    }

    void routeToAListenerSetThatIsNotAttached()
    {
        const Run run = reconcileYaml(
            gateway("") +
            listenerSet("ls", "infra",
                        "  - {name: l, port: 80, protocol: HTTP, hostname: a.com}\n") +
            "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, "
            "namespace: infra}\nspec:\n  parentRefs:\n  - {kind: ListenerSet, name: ls}\n");
        QCOMPARE(
            condition(parentEntry(run.status("HTTPRoute", "infra", "r"), "ls")->find("conditions"),
                      "Accepted"),
            QString("False/NoMatchingParent"));
    }

    void parentGatewayNotAccepted()
    {
        const Run run =
            reconcileYaml(gateway("{from: Same}", "  - {name: bad, port: 80, protocol: NOPE}\n") +
                          listenerSet("ls", "infra", "  - {name: l, port: 80, protocol: HTTP}\n"));
        QCOMPARE(condition(run.status("ListenerSet", "infra", "ls"), "conditions", "Accepted"),
                 QString("False/ParentNotAccepted"));
    }
};

QTEST_GUILESS_MAIN(TestControllerListenerSets)
#include "tst_controller_listenersets.moc"
