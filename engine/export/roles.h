#pragma once

// The Gateway API's three roles (https://gateway-api.sigs.k8s.io/concepts/roles-and-personas/):
// the infrastructure provider (Ian) runs the infrastructure and defines GatewayClasses; the
// cluster operator (Chihiro) runs the cluster, its Gateways, policies and certificates; the
// application developer (Ana) writes the routes and Services of an application.
//
// Each kind belongs to the role that writes it in the spec's model:
// - GatewayClass → infrastructure provider.
// - Gateway (and its listeners), BackendTLSPolicy, Namespace, Secret, ConfigMap → cluster
//   operator (the spec puts policies, certificates and network access with the operator).
// - HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute, Service, Deployment → application
//   developer.
// - ReferenceGrant → application developer: a grant lives in the namespace of the object it
//   exposes and is written by that namespace's owner, who consents to the reference (GEP-709's
//   "the owner of the target must opt in"); in the usual case that is the application team.
// - ListenerSet → application developer: GEP-1713 introduced ListenerSets so that application
//   teams can bring their own listeners (hostnames, certificates) to a shared Gateway without
//   editing it; the operator keeps control through the Gateway's spec.allowedListeners. (The
//   intended design's table lists it with the operator; the spec's own use case decided.)
// Kinds outside this list have no role (Role::None) and are drawn outside the lanes.

#include "engine/core/catalog.h"

#include <array>
#include <optional>
#include <string_view>

namespace Torii::Export {

enum class Role { InfrastructureProvider, ClusterOperator, ApplicationDeveloper, None };

inline constexpr std::array<Role, 3> kRoles = {Role::InfrastructureProvider, Role::ClusterOperator,
                                               Role::ApplicationDeveloper};

Role roleOfKind(std::string_view kind);

// Stable identifiers for file names and command lines: "infrastructure-provider",
// "cluster-operator", "application-developer", "none".
const char *roleId(Role role);
std::optional<Role> roleFromId(std::string_view id);

// "Infrastructure provider" … as a translatable text (catalog context "Diagnostics").
Core::Text roleTitle(Role role);

} // namespace Torii::Export
