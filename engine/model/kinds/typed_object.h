#pragma once

#include "engine/model/kinds/api_groups.h"
#include "engine/model/kinds/backend_tls_policy.h"
#include "engine/model/kinds/core_kinds.h"
#include "engine/model/kinds/gateway.h"
#include "engine/model/kinds/gateway_class.h"
#include "engine/model/kinds/grpc_route.h"
#include "engine/model/kinds/http_route.h"
#include "engine/model/kinds/l4_routes.h"
#include "engine/model/kinds/listener_set.h"
#include "engine/model/kinds/reference_grant.h"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

// The typed view of one Kubernetes object, and the entry points consumers use.
//
// Contract: decodeObject never throws and never fails on wrongly-typed input; values that do not
// fit their typed field (and fields not in the CRDs) are kept in the structs' `unknown` / `rest`
// members, so encodeObject(decodeObject(g, k, node)) equals `node` (Node::equals) for every object
// that has its required fields. The validator reports type and schema errors from the Node;
// this model does not validate.
//
// Thread: every type here is a plain value; decode/encode are pure functions, safe to call from
// several threads at once.
namespace Torii::Model {

using TypedObject =
    std::variant<std::monostate, GatewayClass, Gateway, ListenerSet, HTTPRoute, GRPCRoute, TCPRoute,
                 UDPRoute, TLSRoute, ReferenceGrant, BackendTLSPolicy, Namespace, Service, Secret,
                 ConfigMap, Deployment, Ingress>;

// The typed object for (apiGroup, kind) — any served version of the group, the apiVersion text is
// kept as written. monostate for any other kind (it stays an opaque Node) or when `object` is not
// a map. Groups: "gateway.networking.k8s.io" for the ten Gateway API kinds, "" (core) for
// Namespace, Service, Secret, ConfigMap, "apps" for Deployment, "networking.k8s.io" for Ingress.
TypedObject decodeObject(std::string_view apiGroup, std::string_view kind, const Node &object);
// Same, reading apiVersion and kind from the object itself.
TypedObject decodeObject(const Node &object);
// The whole object (apiVersion, kind, metadata, spec, status, leftovers). Null for monostate.
Node encodeObject(const TypedObject &object);

// Where the object holds values the typed model could not place: fields in neither CRD channel
// (or not modelled, for core kinds) and values of the wrong shape, as paths below the object
// ("spec.rules[0].filters[1].foo", "metadata.uid"). Empty for monostate. Lets a form tell the user
// what it will keep but cannot show.
std::vector<std::string> leftoverPaths(const TypedObject &object);

// Decodes any typed struct (decode<HTTPRouteRule>(node)); a default T when `node` is not a map.
template<class T>
T decode(const Node &node)
{
    T value{};
    fromNode(node, value);
    return value;
}

// "HTTPRoute" …; "" for monostate.
std::string_view kindName(const TypedObject &object);
// "gateway.networking.k8s.io", "" (core), "apps", "networking.k8s.io"; "" for monostate.
std::string_view groupName(const TypedObject &object);
bool isGatewayApiObject(const TypedObject &object);
// The object's metadata; nullptr for monostate.
const ObjectMeta *objectMeta(const TypedObject &object);
ObjectMeta *objectMeta(TypedObject &object);

// ---- routes (HTTPRoute, GRPCRoute, TCPRoute, UDPRoute, TLSRoute)
bool isRoute(const TypedObject &object);
// parentRefs / useDefaultGateways of a route; nullptr for other kinds.
const CommonRouteSpec *commonRouteSpec(const TypedObject &object);
CommonRouteSpec *commonRouteSpec(TypedObject &object);
// The route's parentRefs (empty when absent or not a route).
std::vector<ParentReference> routeParentRefs(const TypedObject &object);
// The route's hostnames; empty when absent, for TCP/UDP routes and for other kinds.
std::vector<std::string> routeHostnames(const TypedObject &object);
// The route's status; nullptr when absent or not a route.
const RouteStatus *routeStatus(const TypedObject &object);
RouteStatus *routeStatus(TypedObject &object);

} // namespace Torii::Model
