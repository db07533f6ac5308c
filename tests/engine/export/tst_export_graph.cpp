// The hierarchy graph: nodes, roles and status of the demo workspace and of crafted cases (a
// refused route carries the condition's reason on its edge, a dangling backendRef a Missing
// node), the Graphviz layout (positions inside the role lanes, splines), DOT, SVG and PNG.
#include "export_test_support.h"

#include "engine/export/graph_layout.h"
#include "engine/export/hierarchy_graph.h"

using namespace Torii::Export;
using namespace ExportTest;

namespace {

const GraphEdge *edgeBetween(const HierarchyGraph &g, const std::string &from, const std::string &to)
{
    for (const GraphEdge &e : g.edges) {
        if (e.from == from && e.to == to) {
            return &e;
        }
    }
    return nullptr;
}

const char *kRefused = R"(
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
      namespaces: {from: Same}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: outsider, namespace: apps}
spec:
  parentRefs:
  - {name: gw, namespace: infra, sectionName: http}
  rules:
  - backendRefs:
    - {name: ghost, port: 8080}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: insider, namespace: infra}
spec:
  parentRefs:
  - {name: gw}
  rules:
  - backendRefs:
    - {name: web, port: 8080, weight: 3}
    - {name: other, namespace: apps, port: 8080, weight: 1}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: infra}
spec:
  ports:
  - {port: 8080}
---
apiVersion: v1
kind: Service
metadata: {name: other, namespace: apps}
spec:
  ports:
  - {port: 8080}
)";

} // namespace

class TestExportGraph : public QObject
{
    Q_OBJECT

private slots:
    void roles_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("role");
        QTest::newRow("class") << "GatewayClass" << int(Role::InfrastructureProvider);
        QTest::newRow("gateway") << "Gateway" << int(Role::ClusterOperator);
        QTest::newRow("listener") << "Listener" << int(Role::ClusterOperator);
        QTest::newRow("policy") << "BackendTLSPolicy" << int(Role::ClusterOperator);
        QTest::newRow("secret") << "Secret" << int(Role::ClusterOperator);
        QTest::newRow("listenerset") << "ListenerSet" << int(Role::ApplicationDeveloper);
        QTest::newRow("grant") << "ReferenceGrant" << int(Role::ApplicationDeveloper);
        QTest::newRow("httproute") << "HTTPRoute" << int(Role::ApplicationDeveloper);
        QTest::newRow("udproute") << "UDPRoute" << int(Role::ApplicationDeveloper);
        QTest::newRow("service") << "Service" << int(Role::ApplicationDeveloper);
        QTest::newRow("unknown") << "Widget" << int(Role::None);
    }
    void roles()
    {
        QFETCH(QString, kind);
        QFETCH(int, role);
        QCOMPARE(int(roleOfKind(kind.toStdString())), role);
        QCOMPARE(roleFromId(roleId(Role(role))), std::optional<Role>(Role(role)));
    }

    void demoGraph()
    {
        const Loaded demo = loadDemo();
        QVERIFY(!demo.resources.empty());
        const HierarchyGraph g = buildHierarchyGraph(demo.resources, demo.result);
        QCOMPARE(g.countOf("GatewayClass"), std::size_t(1));
        QCOMPARE(g.countOf("Gateway"), std::size_t(1));
        QCOMPARE(g.countOf("Listener"), std::size_t(5));
        QCOMPARE(g.countOf("HTTPRoute"), std::size_t(3));
        QCOMPARE(g.countOf("TCPRoute"), std::size_t(1));
        QCOMPARE(g.countOf("UDPRoute"), std::size_t(1));
        QCOMPARE(g.countOf("TLSRoute"), std::size_t(1));
        QCOMPARE(g.countOf("ReferenceGrant"), std::size_t(1));
        QCOMPARE(g.countOf("Secret"), std::size_t(1));
        const GraphNode *secret = g.node("Secret/cert-manager/wildcard-example-com-tls");
        QVERIFY(secret);
        QCOMPARE(int(secret->status), int(NodeStatus::Plain)); // in the workspace, not missing
        QVERIFY(secret->resourceIndex >= 0);
        QCOMPARE(g.countOf("Namespace"), std::size_t(0)); // not part of the hierarchy
        const GraphNode *gw = g.node("Gateway/gateway-system/production-gateway");
        QVERIFY(gw);
        QCOMPARE(int(gw->status), int(NodeStatus::Ok));
        QCOMPARE(int(gw->role), int(Role::ClusterOperator));
        // The class edge and every parentRef are accepted in the demo.
        const GraphEdge *cls = edgeBetween(g, "GatewayClass//torii", gw->id);
        QVERIFY(cls);
        QCOMPARE(int(cls->status), int(EdgeStatus::Ok));
        int parentRefs = 0;
        for (const GraphEdge &e : g.edges) {
            if (e.kind == EdgeKind::ParentRef) {
                ++parentRefs;
                QVERIFY2(e.status == EdgeStatus::Ok, (e.from + " -> " + e.to + " " + e.reason).c_str());
            }
        }
        QCOMPARE(parentRefs, 6);
        // sectionName: the TCP route hangs off the postgres listener.
        QVERIFY(edgeBetween(g, gw->id + "#postgres", "TCPRoute/data/postgres"));
        // The weighted rule: 95 % and 5 %.
        const GraphEdge *stable = nullptr;
        for (const GraphEdge &e : g.edges) {
            if (e.from == "HTTPRoute/webapp/ab-testing-route" && e.label == "95 %") {
                stable = &e;
            }
        }
        QVERIFY(stable);
        QCOMPARE(stable->to, std::string("Service/webapp/webapp-stable"));
        // The grant bridges Gateway → ReferenceGrant → Secret.
        QVERIFY(edgeBetween(g, gw->id, "ReferenceGrant/cert-manager/gateway-certificates"));
        QVERIFY(edgeBetween(g, "ReferenceGrant/cert-manager/gateway-certificates",
                            "Secret/cert-manager/wildcard-example-com-tls"));
        const GraphEdge *cert = edgeBetween(g, gw->id + "#https", "Secret/cert-manager/wildcard-example-com-tls");
        QVERIFY(cert);
        QCOMPARE(int(cert->status), int(EdgeStatus::Ok));
    }

    void refusedRouteShowsReason()
    {
        const Loaded l = loadYaml(std::string(kClass) + kRefused);
        const HierarchyGraph g = buildHierarchyGraph(l.resources, l.result);
        const GraphEdge *e = edgeBetween(g, "Gateway/infra/gw#http", "HTTPRoute/apps/outsider");
        QVERIFY(e);
        QCOMPARE(int(e->status), int(EdgeStatus::Refused));
        QCOMPARE(e->reason, std::string("NotAllowedByListeners"));
        QCOMPARE(e->label, std::string("NotAllowedByListeners"));
        QVERIFY(!e->message.empty());
        const GraphNode *route = g.node("HTTPRoute/apps/outsider");
        QVERIFY(route);
        QCOMPARE(int(route->status), int(NodeStatus::Failed));
        QVERIFY(route->statusSummary.find("NotAllowedByListeners") != std::string::npos);

        // Without sectionName the edge comes from the Gateway itself.
        const GraphEdge *inside = edgeBetween(g, "Gateway/infra/gw", "HTTPRoute/infra/insider");
        QVERIFY(inside);
        QCOMPARE(int(inside->status), int(EdgeStatus::Ok));

        // The DOT draws it dashed, red, labelled with the reason, the message as the tooltip.
        const std::string dot = toDot(g);
        QVERIFY(dot.find("label=\"NotAllowedByListeners\"") != std::string::npos);
        QVERIFY(dot.find("style=dashed") != std::string::npos);
        QVERIFY(dot.find("tooltip=\"NotAllowedByListeners: ") != std::string::npos);
    }

    void backendRefs()
    {
        const Loaded l = loadYaml(std::string(kClass) + kRefused);
        const HierarchyGraph g = buildHierarchyGraph(l.resources, l.result);
        // A dangling ref of a route that was not compiled: a Missing node, BackendNotFound.
        const GraphNode *ghost = g.node("Service/apps/ghost");
        QVERIFY(ghost);
        QCOMPARE(int(ghost->status), int(NodeStatus::Missing));
        const GraphEdge *toGhost = edgeBetween(g, "HTTPRoute/apps/outsider", ghost->id);
        QVERIFY(toGhost);
        QCOMPARE(toGhost->reason, std::string("BackendNotFound"));
        // Compiled: the local one resolves; the cross-namespace one has no ReferenceGrant.
        const GraphEdge *web = edgeBetween(g, "HTTPRoute/infra/insider", "Service/infra/web");
        QVERIFY(web);
        QCOMPARE(int(web->status), int(EdgeStatus::Ok));
        QCOMPARE(web->label, std::string("75 %"));
        const GraphEdge *other = edgeBetween(g, "HTTPRoute/infra/insider", "Service/apps/other");
        QVERIFY(other);
        QCOMPARE(int(other->status), int(EdgeStatus::Refused));
        QCOMPARE(other->reason, std::string("RefNotPermitted"));
        QCOMPARE(other->label, std::string("25 % · RefNotPermitted"));
    }

    void madeUpObjectsAreMarked()
    {
        const Loaded l = loadYaml(std::string(kClass) + R"(
apiVersion: v1
kind: Service
metadata:
  name: made
  namespace: apps
  annotations: {torii.dev/implicit-service: "true"}
spec:
  ports: [{port: 80}]
)");
        const HierarchyGraph g = buildHierarchyGraph(l.resources, l.result);
        const GraphNode *n = g.node("Service/apps/made");
        QVERIFY(n);
        QVERIFY(n->implicit);
        QVERIFY(toDot(g).find("rounded,dashed,filled") != std::string::npos);
    }

    void layoutKeepsNodesInTheirLanes()
    {
        const Loaded demo = loadDemo();
        std::string error;
        const HierarchyLayout layout =
            layoutHierarchy(buildHierarchyGraph(demo.resources, demo.result), {true}, &error);
        QVERIFY2(error.empty(), error.c_str());
        QVERIFY(layout.width > 100 && layout.height > 100);
        QCOMPARE(layout.lanes.size(), std::size_t(3));
        QCOMPARE(int(layout.lanes[0].role), int(Role::InfrastructureProvider));
        for (std::size_t i = 0; i < layout.nodes.size(); ++i) {
            const NodeBox &box = layout.nodes[i];
            QVERIFY(box.width > 20 && box.height > 10);
            QVERIFY(box.center.x > 0 && box.center.x < layout.width);
            QVERIFY(box.center.y > 0 && box.center.y < layout.height);
            const Role role = layout.graph.nodes[i].role;
            bool inLane = role == Role::None;
            for (const LaneBand &lane : layout.lanes) {
                if (lane.role == role) {
                    inLane = box.center.x > lane.x && box.center.x < lane.x + lane.width &&
                             box.center.y > lane.y && box.center.y < lane.y + lane.height;
                }
            }
            QVERIFY2(inLane, layout.graph.nodes[i].id.c_str());
        }
        int drawn = 0;
        for (const EdgePath &e : layout.edges) {
            if (!e.bezier.empty()) {
                ++drawn;
                QCOMPARE((e.bezier.size() - 1) % 3, std::size_t(0));
            }
        }
        QCOMPARE(drawn, int(layout.edges.size()));
        // Without lanes: no bands.
        QVERIFY(layoutHierarchy(layout.graph, {false}).lanes.empty());
    }

    void refusedEdgeHasLabelPosition()
    {
        const Loaded l = loadYaml(std::string(kClass) + kRefused);
        const HierarchyLayout layout = layoutHierarchy(buildHierarchyGraph(l.resources, l.result));
        bool found = false;
        for (std::size_t k = 0; k < layout.edges.size(); ++k) {
            if (layout.graph.edges[k].reason == "NotAllowedByListeners") {
                QVERIFY(layout.edges[k].labelCenter.has_value());
                found = true;
            }
        }
        QVERIFY(found);
    }

    void renders()
    {
        const Loaded demo = loadDemo();
        const HierarchyGraph g = buildHierarchyGraph(demo.resources, demo.result);
        std::string error;
        const auto svg = renderHierarchy(g, "svg", {true}, &error);
        QVERIFY2(svg, error.c_str());
        QVERIFY(svg->find("<svg") != std::string::npos);
        QVERIFY(svg->find("production&#45;gateway") != std::string::npos);
        const auto png = renderHierarchy(g, "png", {true}, &error);
        QVERIFY2(png, error.c_str());
        QVERIFY(png->rfind("\x89PNG", 0) == 0);
        QVERIFY(!renderHierarchy(g, "no-such-format", {}, &error));
        QVERIFY(!error.empty());
    }

    void dotIsDeterministic()
    {
        const Loaded demo = loadDemo();
        const HierarchyGraph g = buildHierarchyGraph(demo.resources, demo.result);
        QCOMPARE(toDot(g, {true}), toDot(buildHierarchyGraph(demo.resources, demo.result), {true}));
        QVERIFY(toDot(g, {true}).find("subgraph \"cluster_cluster-operator\"") != std::string::npos);
        QVERIFY(toDot(g, {false}).find("subgraph") == std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestExportGraph)
#include "tst_export_graph.moc"
