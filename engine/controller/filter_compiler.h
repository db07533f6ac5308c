#pragma once

// Gateway API filters, backends, timeouts and retries in the RouteTable's plain terms.

#include "engine/controller/backend_resolution.h"
#include "engine/controller/backend_tls_policy_status.h"
#include "engine/controller/resource_index.h"
#include "engine/routetable/route_table.h"

#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

namespace Torii::Controller::Internal {

// What compiling needs besides the route itself.
struct CompileContext
{
    const ResourceIndex &index;
    const BackendTlsTargets &backendTls;
};

// A backendRef (or a mirror's) as the table serves it. An unresolvable one keeps its weight and
// says why in invalidReason ("BackendNotFound: Service default/x does not exist."): the spec's
// "500 status codes MUST be returned for requests that would have otherwise been routed to an
// invalid backend".
// A backend whose BackendTLSPolicy cannot be applied is invalid too; an HTTP or gRPC one whose
// policy is accepted carries its TLS origination settings (Backend::tls).
RouteTable::Backend compileBackend(const CompileContext &context,
                                   const Model::BackendObjectReference &ref, int weight,
                                   const Referrer &route, bool httpLike);

std::vector<RouteTable::Filter>
compileHttpFilters(const CompileContext &context,
                   const std::vector<Model::HTTPRouteFilter> &filters, const Referrer &route);
std::vector<RouteTable::Filter>
compileGrpcFilters(const CompileContext &context,
                   const std::vector<Model::GRPCRouteFilter> &filters, const Referrer &route);

// A Gateway API Duration (GEP-2257: "1h", "10s", "500ms", "1h30m"); nullopt when malformed.
std::optional<std::chrono::milliseconds> parseDuration(std::string_view text);

} // namespace Torii::Controller::Internal
