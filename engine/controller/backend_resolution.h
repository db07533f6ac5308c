#pragma once

// Resolves a route's backendRef (or a RequestMirror's) the way the spec's ResolvedRefs reasons
// require: only core Services (InvalidKind otherwise), cross-namespace only with a ReferenceGrant
// (RefNotPermitted), the Service must exist (BackendNotFound) with the referenced port, and its
// port's appProtocol must be one Torii speaks (UnsupportedProtocol).

#include "engine/controller/conditions.h"
#include "engine/controller/reference_grants.h"
#include "engine/controller/resource_index.h"

#include <cstdint>
#include <optional>
#include <string>

namespace Torii::Controller::Internal {

struct ResolvedBackend
{
    // ok: reason ResolvedRefs. Otherwise InvalidKind, RefNotPermitted, BackendNotFound or
    // UnsupportedProtocol, with a sentence naming the backendRef.
    Verdict verdict;
    std::string ns; // the Service's namespace (the route's when not written)
    std::string name;
    int port = 0;         // the Service port as written in the backendRef (0: absent)
    std::string portName; // the Service port's name, when it has one
    std::string appProtocol;
    std::optional<std::size_t> serviceIndex;
};

// `route`: the route's group, kind and namespace (for ReferenceGrants). `httpLike`: the route
// speaks HTTP or gRPC to the backend, so the port's appProtocol matters.
ResolvedBackend resolveBackend(const ResourceIndex &index, const Model::BackendObjectReference &ref,
                               const Referrer &route, bool httpLike);

// The appProtocol values an HTTP or gRPC backend may have (Kubernetes' standard names).
bool isSupportedAppProtocol(std::string_view appProtocol);

} // namespace Torii::Controller::Internal
