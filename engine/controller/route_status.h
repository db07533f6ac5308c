#pragma once

// One route (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute) as the controller judges it: a
// parent entry for each parentRef that names one of Torii's Gateways or ListenerSets (Accepted
// from attachment, ResolvedRefs from its backends), rules Torii cannot serve, and the RouteStatus.

#include "engine/controller/backend_resolution.h"
#include "engine/controller/conditions.h"
#include "engine/controller/gateway_status.h"
#include "engine/controller/listener_set_status.h"
#include "engine/controller/route_attachment.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace Torii::Controller::Internal {

// Torii's Gateways and ListenerSets by "namespace/name".
struct ParentDirectory
{
    std::map<std::string, GatewayState *> gateways;
    std::map<std::string, ListenerSetState *> listenerSets;
};

struct ParentState
{
    Model::ParentReference ref;      // for status: group and kind written out
    GatewayState *gateway = nullptr; // the Gateway the route reaches (directly or not)
    ListenerSetState *listenerSet = nullptr;
    Verdict accepted;
    std::vector<ListenerAttachment> listeners; // empty unless accepted
};

struct RouteState
{
    RouteIdentity identity;
    Referrer referrer;                // for ReferenceGrants
    std::vector<ParentState> parents; // Torii's parents only, in parentRef order
    Verdict resolvedRefs;
    // Rules Torii cannot serve (an unknown or unsupported filter type): dropped from the table.
    std::vector<bool> ruleUsable;
    std::string unusableMessage;

    bool hasUsableRule() const;
};

// Judges the route against its parents. Returns nullopt for objects that are not routes.
std::optional<RouteState> makeRouteState(const ResourceIndex &index, std::size_t i,
                                         const ParentDirectory &directory,
                                         Core::Diagnostics &diagnostics);

// "If a Route (A) of type HTTPRoute or GRPCRoute is attached to a Listener and that listener
// already has another Route (B) of the other type attached and the intersection of the hostnames
// of A and B is non-empty, then the implementation MUST accept exactly one of these two routes"
// (the older, then namespace/name). Then counts attachedRoutes on every listener.
void settleAttachments(const ResourceIndex &index, std::vector<RouteState> &routes);

// Every backendRef and RequestMirror backendRef of the route's usable rules, resolved.
std::vector<ResolvedBackend> resolvedBackends(const ResourceIndex &index, const RouteState &route);

// The RouteStatus, or nullopt when none of the parents is Torii's.
std::optional<Model::Node> routeStatusNode(const ResourceIndex &index, const RouteState &route);

} // namespace Torii::Controller::Internal
