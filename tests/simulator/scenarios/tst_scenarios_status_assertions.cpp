// Every status check on hand-built statuses: one row where it holds, rows where it does not,
// and the message saying what was expected and what was found.
#include "engine/yaml/resource_reader.h"
#include "simulator/scenarios/cluster_state.h"
#include "simulator/scenarios/route_test_case.h"
#include "simulator/scenarios/status_assertions.h"

#include <QtTest/QTest>

using namespace Torii;
using namespace Torii::Scenarios;

namespace {

constexpr const char *kController = "torii.dev/gateway-controller";

// Objects as `kubectl get -o yaml` would show them: each `status` is what the check reads.
constexpr const char *kWorld = R"(
apiVersion: v1
kind: Namespace
metadata: {name: infra}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: torii, generation: 1}
spec: {controllerName: torii.dev/gateway-controller}
status:
  conditions:
  - {type: Accepted, status: "True", reason: Accepted, observedGeneration: 1}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra, generation: 1}
spec: {gatewayClassName: torii}
status:
  addresses:
  - {type: IPAddress, value: 127.0.0.1}
  conditions:
  - {type: Accepted, status: "True", reason: Accepted, observedGeneration: 1}
  - {type: Programmed, status: "True", reason: Programmed, observedGeneration: 1}
  attachedListenerSets: 2
  listeners:
  - name: http
    attachedRoutes: 1
    supportedKinds:
    - {group: gateway.networking.k8s.io, kind: HTTPRoute}
    - {kind: GRPCRoute}
    conditions:
    - {type: Accepted, status: "True", reason: Accepted, observedGeneration: 1}
    - {type: ResolvedRefs, status: "True", reason: ResolvedRefs, observedGeneration: 1}
    - {type: Programmed, status: "True", reason: Programmed, observedGeneration: 1}
  - name: https
    attachedRoutes: 0
    supportedKinds: []
    conditions:
    - {type: Accepted, status: "True", reason: Accepted, observedGeneration: 1}
    - {type: ResolvedRefs, status: "False", reason: InvalidCertificateRef, observedGeneration: 1}
    - {type: Programmed, status: "False", reason: Invalid, observedGeneration: 1}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: empty, namespace: infra, generation: 3}
spec: {gatewayClassName: torii}
status:
  conditions:
  - {type: Accepted, status: "True", reason: Accepted, observedGeneration: 2}
  listeners:
  - {name: tls, attachedRoutes: 0, supportedKinds: [], conditions: []}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: skipped
  namespace: infra
  annotations: {gateway-api/skip-this-for-readiness: "true"}
spec: {gatewayClassName: torii}
status:
  conditions:
  - {type: Accepted, status: "False", reason: UnsupportedAddress, observedGeneration: 1}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: route, namespace: infra, generation: 1}
status:
  parents:
  - parentRef: {group: gateway.networking.k8s.io, kind: Gateway, name: gw}
    controllerName: torii.dev/gateway-controller
    conditions:
    - {type: Accepted, status: "True", reason: Accepted, observedGeneration: 1}
    - {type: ResolvedRefs, status: "True", reason: ResolvedRefs, observedGeneration: 1}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: elsewhere, namespace: app, generation: 2}
status:
  parents:
  - parentRef: {name: gw, namespace: infra}
    controllerName: example.com/other
    conditions:
    - {type: Accepted, status: "False", reason: NotAllowedByListeners, observedGeneration: 2}
    - {type: ResolvedRefs, status: "True", reason: ResolvedRefs, observedGeneration: 1}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: orphan, namespace: infra}
status:
  parents: []
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: unwritten, namespace: infra}
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: ls, namespace: infra, generation: 1}
status:
  conditions:
  - {type: Accepted, status: "False", reason: ListenersNotValid, observedGeneration: 1}
  listeners:
  - name: extra
    attachedRoutes: 0
    conditions:
    - {type: Conflicted, status: "True", reason: HostnameConflict, observedGeneration: 1}
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: policy, namespace: infra, generation: 1}
status:
  ancestors:
  - ancestorRef: {name: gw, namespace: infra}
    controllerName: torii.dev/gateway-controller
    conditions:
    - {type: Accepted, status: "False", reason: NoValidCACertificate, observedGeneration: 1}
    - {type: ResolvedRefs, status: "False", reason: InvalidKind, observedGeneration: 1}
)";

ClusterState world()
{
    Yaml::ReadResult read = Yaml::readText(kWorld, "world.yaml");
    if (Core::hasErrors(read.diagnostics)) {
        qFatal("world.yaml: %s", read.diagnostics.front().toCompilerStyle().c_str());
    }
    ClusterState cluster;
    std::vector<std::optional<Model::Node>> statuses;
    for (Model::Resource &r : read.resources) {
        std::optional<Model::Node> status;
        if (const Model::Node *s = r.object.find("status")) {
            status = *s;
            r.object.remove("status");
        }
        statuses.push_back(std::move(status));
        cluster.apply(std::move(r));
    }
    cluster.setStatuses(std::move(statuses));
    return cluster;
}

// One status item, as a case file writes it, parsed by the real parser.
StatusAssertion assertion(const QByteArray &item)
{
    const std::string text =
        "tests:\n- name: t\n  manifests: []\n  status:\n  - " + item.toStdString() + "\n";
    const RouteTestFile file = parseRouteTestText(text, "case.yaml");
    if (file.hasErrors() || file.tests.empty() || !file.tests[0].status[0].assertion) {
        qFatal("bad test item: %s", text.c_str());
    }
    return *file.tests[0].status[0].assertion;
}

} // namespace

class TestScenariosStatusAssertions : public QObject
{
    Q_OBJECT

private slots:
    void checks_data()
    {
        QTest::addColumn<QByteArray>("item"); // a flow map: one status item of a case file
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("message"); // the whole English message

        // hasAddress
        QTest::newRow("hasAddress holds")
            << QByteArray("{kind: Gateway, namespace: infra, name: gw, check: hasAddress}")
            << "PASS"
            << "Gateway infra/gw: hasAddress holds";
        QTest::newRow("hasAddress without addresses")
            << QByteArray("{kind: Gateway, namespace: infra, name: empty, check: hasAddress}")
            << "FAIL"
            << "Gateway infra/empty: expected status.addresses to hold an entry with a type; "
               "found none";
        QTest::newRow("no such object")
            << QByteArray("{kind: Gateway, namespace: infra, name: nope, check: hasAddress}")
            << "FAIL"
            << "Gateway infra/nope does not exist";
        QTest::newRow("no status")
            << QByteArray("{kind: HTTPRoute, namespace: infra, name: unwritten, "
                          "check: routeCondition, parents: [{parentRef: {name: gw}, "
                          "conditions: [{type: Accepted}]}]}")
            << "FAIL"
            << "HTTPRoute infra/unwritten has no status: no controller wrote one";

        // routeParents
        QTest::newRow("routeParents holds, namespace may be absent")
            << QByteArray("{kind: HTTPRoute, namespace: infra, name: route, check: routeParents, "
                          "namespaceRequired: false, parents: [{parentRef: {group: "
                          "gateway.networking.k8s.io, kind: Gateway, namespace: infra, name: gw, "
                          "sectionName: other}, conditions: [{type: Accepted, status: \"True\", "
                          "reason: Accepted}]}]}")
            << "PASS"
            << "HTTPRoute infra/route: routeParents holds";
        QTest::newRow("routeParents namespaceRequired")
            << QByteArray("{kind: HTTPRoute, namespace: infra, name: route, check: routeParents, "
                          "namespaceRequired: true, parents: [{parentRef: {group: "
                          "gateway.networking.k8s.io, kind: Gateway, namespace: infra, name: gw}, "
                          "conditions: [{type: Accepted, status: \"True\"}]}]}")
            << "FAIL"
            << "HTTPRoute infra/route: the status.parents entry for Gateway infra/gw has "
               "parentRef.namespace (absent); expected \"infra\" (namespaceRequired)";
        QTest::newRow("routeParents wrong controller")
            << QByteArray("{kind: HTTPRoute, namespace: app, name: elsewhere, check: "
                          "routeParents, parents: [{parentRef: {group: gateway.networking.k8s.io, "
                          "kind: Gateway, namespace: infra, name: gw}, conditions: []}]}")
            << "FAIL"
            << "HTTPRoute app/elsewhere: the status.parents entry for Gateway infra/gw has "
               "controllerName \"example.com/other\"; expected \"torii.dev/gateway-controller\"";
        QTest::newRow("routeParents missing condition")
            << QByteArray(
                   "{kind: HTTPRoute, namespace: infra, name: route, check: routeParents, "
                   "parents: [{parentRef: {group: gateway.networking.k8s.io, kind: "
                   "Gateway, name: gw}, conditions: [{type: Accepted, status: \"False\"}]}]}")
            << "FAIL"
            << "HTTPRoute infra/route: the status.parents entry for Gateway infra/gw lacks "
               "condition Accepted=False; it has Accepted=True (Accepted), ResolvedRefs=True "
               "(ResolvedRefs)";
        QTest::newRow("routeParents kind differs")
            << QByteArray("{kind: HTTPRoute, namespace: infra, name: route, check: routeParents, "
                          "parents: [{parentRef: {group: gateway.networking.k8s.io, kind: "
                          "ListenerSet, name: gw}, conditions: []}]}")
            << "FAIL"
            << "HTTPRoute infra/route: the status.parents entry for ListenerSet infra/gw has "
               "parentRef.kind \"Gateway\"; expected \"ListenerSet\" written out";
        QTest::newRow("routeParents no entry")
            << QByteArray("{kind: HTTPRoute, namespace: infra, name: orphan, check: "
                          "routeParents, parents: [{parentRef: {group: gateway.networking.k8s.io, "
                          "kind: Gateway, name: gw}, conditions: [{type: Accepted, status: "
                          "\"True\"}]}]}")
            << "FAIL"
            << "HTTPRoute infra/orphan: expected a status.parents entry for Gateway infra/gw with "
               "Accepted=True; found no entries";

        // routeCondition
        QTest::newRow("routeCondition holds")
            << QByteArray("{kind: HTTPRoute, namespace: infra, name: route, check: "
                          "routeCondition, parents: [{parentRef: {namespace: infra, name: gw}, "
                          "conditions: [{type: ResolvedRefs, status: \"True\", reason: "
                          "ResolvedRefs}]}]}")
            << "PASS"
            << "HTTPRoute infra/route: routeCondition holds";
        QTest::newRow("routeCondition wrong reason")
            << QByteArray("{kind: HTTPRoute, namespace: infra, name: route, check: "
                          "routeCondition, parents: [{parentRef: {namespace: infra, name: gw}, "
                          "conditions: [{type: ResolvedRefs, status: \"False\", reason: "
                          "BackendNotFound}]}]}")
            << "FAIL"
            << "HTTPRoute infra/route: expected condition ResolvedRefs=False (reason "
               "BackendNotFound) on the status.parents entry for Gateway infra/gw; it has "
               "Accepted=True (Accepted), ResolvedRefs=True (ResolvedRefs)";
        QTest::newRow("routeCondition other namespace")
            << QByteArray("{kind: HTTPRoute, namespace: app, name: elsewhere, check: "
                          "routeCondition, parents: [{parentRef: {namespace: web, name: gw}, "
                          "conditions: [{type: Accepted}]}]}")
            << "FAIL"
            << "HTTPRoute app/elsewhere: expected a status.parents entry for Gateway web/gw with "
               "Accepted (any status); found Gateway infra/gw by \"example.com/other\": "
               "Accepted=False (NotAllowedByListeners), ResolvedRefs=True (ResolvedRefs)";
        QTest::newRow("routeCondition stale")
            << QByteArray("{kind: HTTPRoute, namespace: app, name: elsewhere, check: "
                          "routeCondition, parents: [{parentRef: {namespace: infra, name: gw}, "
                          "conditions: [{type: Accepted, status: \"False\"}]}]}")
            << "FAIL"
            << "HTTPRoute app/elsewhere: condition ResolvedRefs of the status.parents entry for "
               "Gateway infra/gw has observedGeneration 1, but metadata.generation is 2 (the "
               "status is not up to date)";

        // noAcceptedParents
        QTest::newRow("noAcceptedParents, empty")
            << QByteArray("{kind: HTTPRoute, namespace: infra, name: orphan, check: "
                          "noAcceptedParents}")
            << "PASS"
            << "HTTPRoute infra/orphan: noAcceptedParents holds";
        QTest::newRow("noAcceptedParents, accepted")
            << QByteArray("{kind: HTTPRoute, namespace: infra, name: route, check: "
                          "noAcceptedParents}")
            << "FAIL"
            << "HTTPRoute infra/route: expected no status.parents, or exactly one entry whose "
               "Accepted condition is False; found Gateway gw by "
               "\"torii.dev/gateway-controller\": Accepted=True (Accepted), ResolvedRefs=True "
               "(ResolvedRefs)";
        QTest::newRow("noAcceptedParents, rejected but stale")
            << QByteArray("{kind: HTTPRoute, namespace: app, name: elsewhere, check: "
                          "noAcceptedParents}")
            << "FAIL"
            << "HTTPRoute app/elsewhere: condition ResolvedRefs of the status.parents entry for "
               "Gateway infra/gw has observedGeneration 1, but metadata.generation is 2 (the "
               "status is not up to date)";

        // allListeners / listenerConditions
        QTest::newRow("allListeners holds for one listener")
            << QByteArray("{kind: Gateway, namespace: infra, name: gw, check: allListeners, "
                          "listeners: [{name: http, conditions: [{type: Accepted, status: "
                          "\"True\"}]}]}")
            << "PASS"
            << "Gateway infra/gw: allListeners holds";
        QTest::newRow("allListeners fails on an unnamed listener")
            << QByteArray("{kind: Gateway, namespace: infra, name: gw, check: allListeners, "
                          "listeners: [{name: http, conditions: [{type: ResolvedRefs, status: "
                          "\"True\"}]}]}")
            << "FAIL"
            << "Gateway infra/gw: listener \"https\" lacks condition ResolvedRefs=True; it has "
               "Accepted=True (Accepted), ResolvedRefs=False (InvalidCertificateRef), "
               "Programmed=False (Invalid)";
        QTest::newRow("allListeners listener missing")
            << QByteArray("{kind: Gateway, namespace: infra, name: gw, check: allListeners, "
                          "listeners: [{name: grpc, conditions: []}]}")
            << "FAIL"
            << "Gateway infra/gw: expected listener \"grpc\" in status.listeners; found http "
               "(attachedRoutes 1), https (attachedRoutes 0)";
        QTest::newRow("listenerConditions holds")
            << QByteArray("{kind: Gateway, namespace: infra, name: gw, check: "
                          "listenerConditions, listeners: [{name: https, conditions: [{type: "
                          "ResolvedRefs, status: \"False\", reason: InvalidCertificateRef}]}]}")
            << "PASS"
            << "Gateway infra/gw: listenerConditions holds";
        QTest::newRow("listenerConditions on a Gateway ignores generation")
            << QByteArray("{kind: Gateway, namespace: infra, name: empty, check: "
                          "listenerConditions, listeners: [{name: tls, conditions: []}]}")
            << "PASS"
            << "Gateway infra/empty: listenerConditions holds";
        QTest::newRow("listenerConditions on a ListenerSet")
            << QByteArray("{kind: ListenerSet, namespace: infra, name: ls, check: "
                          "listenerConditions, listeners: [{name: extra, conditions: [{type: "
                          "Conflicted, status: \"False\"}]}]}")
            << "FAIL"
            << "ListenerSet infra/ls: listener \"extra\" lacks condition Conflicted=False; it "
               "has Conflicted=True (HostnameConflict)";

        // listeners
        QTest::newRow("listeners holds")
            << QByteArray("{kind: Gateway, namespace: infra, name: gw, check: listeners, "
                          "listeners: [{name: http, supportedKinds: [{kind: HTTPRoute}, {kind: "
                          "GRPCRoute}], attachedRoutes: 1, conditions: [{type: Programmed, "
                          "status: \"True\"}]}, {name: https, supportedKinds: [], "
                          "attachedRoutes: 0}]}")
            << "PASS"
            << "Gateway infra/gw: listeners holds";
        QTest::newRow("listeners count")
            << QByteArray("{kind: Gateway, namespace: infra, name: gw, check: listeners, "
                          "listeners: [{name: http}]}")
            << "FAIL"
            << "Gateway infra/gw: expected exactly 1 entries in status.listeners (http); found 2 "
               "(http (attachedRoutes 1), https (attachedRoutes 0))";
        QTest::newRow("listeners attachedRoutes")
            << QByteArray("{kind: Gateway, namespace: infra, name: gw, check: listeners, "
                          "listeners: [{name: http, attachedRoutes: 2}, {name: https}]}")
            << "FAIL"
            << "Gateway infra/gw: listener \"http\" has attachedRoutes 1; expected 2";
        QTest::newRow("listeners supportedKinds group")
            << QByteArray("{kind: Gateway, namespace: infra, name: gw, check: listeners, "
                          "listeners: [{name: http, supportedKinds: [{group: example.com, kind: "
                          "HTTPRoute}]}, {name: https}]}")
            << "FAIL"
            << "Gateway infra/gw: listener \"http\" lacks supportedKinds entry "
               "example.com/HTTPRoute; it lists gateway.networking.k8s.io/HTTPRoute, "
               "gateway.networking.k8s.io/GRPCRoute";
        QTest::newRow("listeners empty supportedKinds")
            << QByteArray("{kind: Gateway, namespace: infra, name: gw, check: listeners, "
                          "listeners: [{name: http, supportedKinds: []}, {name: https}]}")
            << "FAIL"
            << "Gateway infra/gw: listener \"http\" must list no supportedKinds; it lists "
               "gateway.networking.k8s.io/HTTPRoute, gateway.networking.k8s.io/GRPCRoute";
        QTest::newRow("listeners stale")
            << QByteArray("{kind: Gateway, namespace: infra, name: empty, check: listeners, "
                          "listeners: [{name: tls}]}")
            << "FAIL"
            << "Gateway infra/empty: condition Accepted of status.conditions has "
               "observedGeneration 2, but metadata.generation is 3 (the status is not up to "
               "date)";

        // zeroAttachedRoutes
        QTest::newRow("zeroAttachedRoutes, two listeners")
            << QByteArray("{kind: Gateway, namespace: infra, name: gw, check: zeroAttachedRoutes}")
            << "FAIL"
            << "Gateway infra/gw: expected no status.listeners, or exactly one listener with "
               "attachedRoutes 0; found http (attachedRoutes 1), https (attachedRoutes 0)";
        QTest::newRow("zeroAttachedRoutes, one empty listener but stale")
            << QByteArray("{kind: Gateway, namespace: infra, name: empty, check: "
                          "zeroAttachedRoutes}")
            << "FAIL"
            << "Gateway infra/empty: condition Accepted of status.conditions has "
               "observedGeneration 2, but metadata.generation is 3 (the status is not up to "
               "date)";

        // gatewayCondition / gatewayClassCondition / listenerSetCondition
        QTest::newRow("gatewayCondition holds")
            << QByteArray("{kind: Gateway, namespace: infra, name: gw, check: gatewayCondition, "
                          "conditions: [{type: Accepted, status: \"True\"}, {type: Programmed, "
                          "status: \"True\", reason: Programmed}]}")
            << "PASS"
            << "Gateway infra/gw: gatewayCondition holds";
        QTest::newRow("gatewayCondition missing")
            << QByteArray("{kind: Gateway, namespace: infra, name: gw, check: gatewayCondition, "
                          "conditions: [{type: Accepted, status: \"False\", reason: "
                          "ListenersNotValid}]}")
            << "FAIL"
            << "Gateway infra/gw: expected condition Accepted=False (reason ListenersNotValid) "
               "in status.conditions; it has Accepted=True (Accepted), Programmed=True "
               "(Programmed)";
        QTest::newRow("gatewayClassCondition any status")
            << QByteArray("{kind: GatewayClass, name: torii, check: gatewayClassCondition, "
                          "conditions: [{type: Accepted}]}")
            << "PASS"
            << "GatewayClass torii: gatewayClassCondition holds";
        QTest::newRow("listenerSetCondition holds")
            << QByteArray("{kind: ListenerSet, namespace: infra, name: ls, check: "
                          "listenerSetCondition, conditions: [{type: Accepted, status: "
                          "\"False\", reason: ListenersNotValid}]}")
            << "PASS"
            << "ListenerSet infra/ls: listenerSetCondition holds";
        QTest::newRow("listenerSetCondition missing")
            << QByteArray("{kind: ListenerSet, namespace: infra, name: ls, check: "
                          "listenerSetCondition, conditions: [{type: Programmed, status: "
                          "\"False\"}]}")
            << "FAIL"
            << "ListenerSet infra/ls: expected condition Programmed=False in status.conditions; "
               "it has Accepted=False (ListenersNotValid)";

        // attachedListenerSets
        QTest::newRow("attachedListenerSets holds")
            << QByteArray("{kind: Gateway, namespace: infra, name: gw, check: "
                          "attachedListenerSets, attachedListenerSets: 2}")
            << "PASS"
            << "Gateway infra/gw: attachedListenerSets holds";
        QTest::newRow("attachedListenerSets absent is 0")
            << QByteArray("{kind: Gateway, namespace: infra, name: empty, check: "
                          "attachedListenerSets, attachedListenerSets: 1}")
            << "FAIL"
            << "Gateway infra/empty: expected status.attachedListenerSets 1; found none (0)";

        // addresses
        QTest::newRow("addresses only in prose")
            << QByteArray("{kind: Gateway, namespace: infra, name: gw, check: addresses, notes: "
                          "the usable pool}")
            << "SKIP"
            << "Gateway infra/gw: the expected addresses are spelled out only in prose (the "
               "usable pool), which this runner cannot compare";
        QTest::newRow("addresses listed")
            << QByteArray("{kind: Gateway, namespace: infra, name: gw, check: addresses, "
                          "addresses: [{type: IPAddress, value: 127.0.0.1}]}")
            << "PASS"
            << "Gateway infra/gw: addresses holds";
        QTest::newRow("addresses listed, absent")
            << QByteArray("{kind: Gateway, namespace: infra, name: gw, check: addresses, "
                          "addresses: [{value: 10.0.0.1}]}")
            << "FAIL"
            << "Gateway infra/gw: expected status.addresses to hold {\"value\":\"10.0.0.1\"}; "
               "found [{\"type\":\"IPAddress\",\"value\":\"127.0.0.1\"}]";

        // policyCondition
        QTest::newRow("policyCondition holds")
            << QByteArray("{kind: BackendTLSPolicy, namespace: infra, name: policy, check: "
                          "policyCondition, ancestors: [{ancestorRef: {namespace: infra, name: "
                          "gw}, conditions: [{type: ResolvedRefs, status: \"False\", reason: "
                          "InvalidKind}]}]}")
            << "PASS"
            << "BackendTLSPolicy infra/policy: policyCondition holds";
        QTest::newRow("policyCondition wrong reason")
            << QByteArray("{kind: BackendTLSPolicy, namespace: infra, name: policy, check: "
                          "policyCondition, ancestors: [{ancestorRef: {namespace: infra, name: "
                          "gw}, conditions: [{type: Accepted, status: \"False\", reason: "
                          "Invalid}]}]}")
            << "FAIL"
            << "BackendTLSPolicy infra/policy: expected condition Accepted=False (reason Invalid) "
               "on the status.ancestors entry for Gateway infra/gw; it has Accepted=False "
               "(NoValidCACertificate), ResolvedRefs=False (InvalidKind)";

        // latestConditions
        QTest::newRow("latestConditions holds")
            << QByteArray("{kind: HTTPRoute, namespace: infra, name: route, check: "
                          "latestConditions}")
            << "PASS"
            << "HTTPRoute infra/route: latestConditions holds";
        QTest::newRow("latestConditions on a stale route parent")
            << QByteArray("{kind: HTTPRoute, namespace: app, name: elsewhere, check: "
                          "latestConditions}")
            << "FAIL"
            << "HTTPRoute app/elsewhere: condition ResolvedRefs of a status.parents entry has "
               "observedGeneration 1, but metadata.generation is 2 (the status is not up to "
               "date)";
        QTest::newRow("latestConditions with nothing written")
            << QByteArray("{kind: HTTPRoute, namespace: infra, name: orphan, check: "
                          "latestConditions}")
            << "FAIL"
            << "HTTPRoute infra/orphan: expected conditions at generation 1; the status has no "
               "conditions";
        QTest::newRow("latestConditions on a policy")
            << QByteArray("{kind: BackendTLSPolicy, namespace: infra, name: policy, check: "
                          "latestConditions}")
            << "PASS"
            << "BackendTLSPolicy infra/policy: latestConditions holds";

        // generationChanged needs an action: see generationChanged() below.
        QTest::newRow("generationChanged without an action")
            << QByteArray("{kind: HTTPRoute, namespace: infra, name: route, check: "
                          "generationChanged}")
            << "FAIL"
            << "HTTPRoute infra/route: generationChanged compares with the generation before an "
               "action, and no action has run before it";

        // namespaceReady
        QTest::newRow("namespaceReady fails on a stale Gateway")
            << QByteArray("{kind: Namespace, name: infra, check: namespaceReady, "
                          "gatewayConditions: [{type: Accepted, status: \"True\"}]}")
            << "FAIL"
            << "Namespace infra is not ready: condition Accepted of Gateway infra/empty has "
               "observedGeneration 2, but metadata.generation is 3";
        QTest::newRow("namespaceReady fails on a missing condition")
            << QByteArray("{kind: Namespace, name: infra, check: namespaceReady}") << "FAIL"
            << "Namespace infra is not ready: Gateway infra/empty lacks condition Programmed=True; "
               "it has Accepted=True (Accepted)";
        QTest::newRow("namespaceReady with no Gateways")
            << QByteArray("{kind: Namespace, name: app, check: namespaceReady}") << "PASS"
            << "Namespace app: namespaceReady holds";
    }

    void checks()
    {
        QFETCH(QByteArray, item);
        QFETCH(QString, verdict);
        QFETCH(QString, message);
        const ClusterState cluster = world();
        CheckContext context;
        context.controllerName = kController;
        const CheckResult result = evaluate(assertion(item), cluster, context);
        QCOMPARE(QString::fromLatin1(verdictName(result.verdict)), verdict);
        QCOMPARE(QString::fromStdString(result.english()), message);
    }

    void namespaceReadyPasses()
    {
        ClusterState cluster = world();
        // Without the stale Gateway the namespace is ready: `skipped` is Accepted=False but
        // annotated for the suite to skip it.
        QVERIFY(cluster.remove("Gateway", "infra", "empty"));
        CheckContext context;
        const CheckResult result = evaluate(
            assertion("{kind: Namespace, name: infra, check: namespaceReady}"), cluster, context);
        QVERIFY2(result.passed(), result.english().c_str());
    }

    void generationChanged()
    {
        ClusterState cluster = world();
        CheckContext context;
        context.controllerName = kController;
        std::map<std::string, std::int64_t> before;
        for (const Model::Resource &r : cluster.resources()) {
            before[objectLabel(r.kind, r.ns, r.name)] = generationOf(r.object);
        }
        context.generationsBeforeAction = before;
        const StatusAssertion changed =
            assertion("{kind: HTTPRoute, namespace: infra, name: route, check: "
                      "generationChanged}");

        // A label is metadata: the API server keeps the generation.
        QCOMPARE(cluster.patch("HTTPRoute", "infra", "route", "metadata.labels.x",
                               Model::Node::string("y")),
                 std::string());
        CheckResult result = evaluate(changed, cluster, context);
        QCOMPARE(result.verdict, Verdict::Fail);
        QCOMPARE(result.english(),
                 std::string("HTTPRoute infra/route: expected metadata.generation to differ from "
                             "1, its value before the last action; it is still 1"));

        // A spec change moves it on.
        QCOMPARE(
            cluster.patch("HTTPRoute", "infra", "route", "spec.rules[0]", Model::Node::string("x")),
            std::string("\"spec.rules[0]\": no list item [0]"));
        QCOMPARE(
            cluster.patch("HTTPRoute", "infra", "route", "spec.hostnames", Model::Node::list()),
            std::string());
        QCOMPARE(generationOf(cluster.find("HTTPRoute", "infra", "route")->object),
                 std::int64_t(2));
        result = evaluate(changed, cluster, context);
        QVERIFY2(result.passed(), result.english().c_str());

        // Setting the same value again is no change.
        QCOMPARE(
            cluster.patch("HTTPRoute", "infra", "route", "spec.hostnames", Model::Node::list()),
            std::string());
        QCOMPARE(generationOf(cluster.find("HTTPRoute", "infra", "route")->object),
                 std::int64_t(2));
    }

    void localizedMessageUsesTheCatalog()
    {
        // The message is a catalog template plus arguments, so a front end can translate it.
        const ClusterState cluster = world();
        const CheckResult result =
            evaluate(assertion("{kind: Gateway, namespace: infra, name: empty, check: hasAddress}"),
                     cluster, CheckContext{});
        QVERIFY(!result.message.isEmpty());
        QCOMPARE(result.message.args.front(), std::string("Gateway infra/empty"));
        QCOMPARE(result.localized(), result.english()); // no translator installed
    }
};

QTEST_GUILESS_MAIN(TestScenariosStatusAssertions)
#include "tst_scenarios_status_assertions.moc"
