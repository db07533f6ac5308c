#pragma once

// Compiles one Gateway's accepted routes into its RouteTable: a listener port for every listener
// that takes traffic (the Gateway's own and its ListenerSets'), and for every route accepted on
// such a listener one row per match (HTTPRoute, GRPCRoute) or per rule (TLS, TCP, UDP), under the
// hostnames the route serves there.

#include "engine/controller/backend_tls_policy_status.h"
#include "engine/controller/gateway_status.h"
#include "engine/controller/resource_index.h"
#include "engine/controller/route_status.h"
#include "engine/routetable/route_table.h"

#include <memory>
#include <vector>

namespace Torii::Controller::Internal {

// Listeners count when Accepted (supported and unconflicted), even with unresolved
// certificateRefs: the studio serves those with a development certificate (ARCHITECTURE.md,
// "Local stand-ins"), while their status says Programmed=False as a cluster would.
std::shared_ptr<const RouteTable::RouteTable> compileGateway(const ResourceIndex &index,
                                                             const GatewayState &gateway,
                                                             const std::vector<RouteState> &routes,
                                                             const BackendTlsTargets &backendTls,
                                                             Core::Diagnostics &diagnostics);

} // namespace Torii::Controller::Internal
