#pragma once

// The resource hierarchy of a workspace as data: GatewayClass → Gateway (→ ListenerSet) →
// Listener → Route → Service, with ReferenceGrants, BackendTLSPolicies and the Secrets listeners
// use, each node with its role (roles.h) and a status summary from the controller, each edge with
// whether the controller accepted it and why not. The GUI's hierarchy view, `toriictl graph` and
// the DOT/SVG output (graph_layout.h) all read this one structure.
//
// Edges point the way the graph reads (left to right): class → Gateway → Listener → Route →
// Service; a route's parentRef edge therefore goes from the listener to the route.

#include "engine/controller/controller.h"
#include "engine/core/catalog.h"
#include "engine/export/roles.h"
#include "engine/model/resource.h"

#include <cstddef>
#include <string>
#include <vector>

namespace Torii::Export {

enum class NodeStatus {
    Ok,           // every condition says what it should
    Warning,      // accepted, but a condition reports a problem (e.g. ResolvedRefs=False)
    Failed,       // not accepted
    NoController, // a Gateway API object no controller (Torii) reports on
    Missing,      // referenced, not in the workspace
    Plain,        // a core object without conditions (Service, Secret) that exists
};

enum class EdgeKind {
    Class,           // GatewayClass → Gateway (spec.gatewayClassName)
    Listener,        // Gateway or ListenerSet → its Listener
    ListenerSetParent, // Gateway → ListenerSet (the ListenerSet's parentRef)
    ParentRef,       // Listener (or Gateway/ListenerSet when no sectionName) → Route
    BackendRef,      // Route → Service (one edge per rule and backendRef)
    Certificate,     // Listener → Secret (tls.certificateRefs)
    GrantFrom,       // referrer (kind/namespace in `from`) → ReferenceGrant
    GrantTo,         // ReferenceGrant → what it allows (kind/name in `to`)
    PolicyTarget,    // BackendTLSPolicy → Service (targetRefs)
};

enum class EdgeStatus {
    Ok,      // accepted / resolved / allowed
    Refused, // the controller refused it: `reason` and `message` say why
    Unknown, // nothing decided it (no controller, route not compiled)
};

struct GraphNode
{
    std::string id;   // unique: "Kind/namespace/name", listeners "<parent id>#<listener name>"
    std::string kind; // API kind; "Listener" for a listener
    std::string ns;   // "" for cluster-scoped kinds
    std::string name; // listener: its name
    std::string detail; // listener: "HTTPS :443 *.example.com"; route: hostnames
    Role role = Role::None;
    NodeStatus status = NodeStatus::Plain;
    // "Accepted, Programmed" or "Accepted=False NotAllowedByListeners: message" (API spelling).
    std::string statusSummary;
    bool implicit = false;   // made up by the studio (torii.dev/implicit-service …)
    int resourceIndex = -1;  // index into the input resources; -1 for listeners and missing ones
    std::string parentId;    // listener: the Gateway/ListenerSet node that declares it
};

struct GraphEdge
{
    std::string from;
    std::string to;
    EdgeKind kind = EdgeKind::Class;
    EdgeStatus status = EdgeStatus::Ok;
    std::string reason;  // condition reason when refused (API spelling, e.g. RefNotPermitted)
    std::string message; // the condition's message
    // Short text drawn on the edge: "95 %" on a weighted backendRef, "rule 2", the reason when
    // refused.
    std::string label;
};

struct HierarchyGraph
{
    std::vector<GraphNode> nodes; // in a stable order: by kind rank, then namespace/name
    std::vector<GraphEdge> edges; // in creation order (deterministic for the same input)

    const GraphNode *node(const std::string &id) const;
    std::size_t countOf(std::string_view kind) const;
};

// Builds the graph from the loaded objects and the controller's result for them
// (`result.statuses` parallel to `resources`). Objects of kinds the graph does not show
// (Namespace, Deployment, ConfigMap …) are left out; Secrets appear only when a listener names
// them; objects annotated as made up by the studio are shown and marked implicit. Never throws.
HierarchyGraph buildHierarchyGraph(const std::vector<Model::Resource> &resources,
                                   const Controller::ControllerResult &result);

// Whether the studio made the object up (serve's implicit Services, development certificates):
// an annotation torii.dev/implicit-service, torii.dev/generated or
// torii.dev/development-certificate, or a source file written as "<…>".
bool isStudioMadeUp(const Model::Resource &resource);

// "missing", "implicit" … as translatable texts for drawing.
Core::Text nodeStatusText(NodeStatus status);

} // namespace Torii::Export
