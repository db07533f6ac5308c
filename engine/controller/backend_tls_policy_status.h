#pragma once

// BackendTLSPolicy status: one `status.ancestors` entry per Torii Gateway that reaches a targeted
// Service through an accepted route, with Accepted (Accepted, Conflicted, NoValidCACertificate,
// Invalid) and ResolvedRefs (ResolvedRefs, InvalidCACertificateRef, InvalidKind).

#include "engine/controller/resource_index.h"
#include "engine/controller/route_status.h"
#include "engine/routetable/route_table.h"

#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

namespace Torii::Controller::Internal {

// What the BackendTLSPolicies mean for the route table, per targeted Service port.
// Services whose policy cannot be applied (not Accepted): "Connections using an invalid
// CACertificateRef MUST fail, and the client MUST receive an HTTP 5xx error response", so the
// table serves those backends' shares with a 500. Services whose winning policy is accepted get
// TLS origination settings, built once here and shared by every backendRef to them.
struct BackendTlsTargets
{
    // (namespace, Service, sectionName or "") → why
    std::map<std::tuple<std::string, std::string, std::string>, std::string> byTarget;
    // (namespace, Service, sectionName or "") → how to talk TLS to it
    std::map<std::tuple<std::string, std::string, std::string>,
             std::shared_ptr<const RouteTable::BackendTls>>
        origination;

    // Why connections to this Service port must fail, or "".
    std::string find(const std::string &ns, const std::string &service,
                     const std::string &portName) const;
    // The TLS settings of this Service port (a policy naming the port's sectionName wins over
    // one for the whole Service), or null: plain TCP.
    std::shared_ptr<const RouteTable::BackendTls>
    originationFor(const std::string &ns, const std::string &service,
                   const std::string &portName) const;
};

// Writes the status of every BackendTLSPolicy into `result` (nullopt when no Torii Gateway is an
// ancestor: nothing of Torii's uses the policy) and returns the policies that cannot be applied.
BackendTlsTargets evaluateBackendTlsPolicies(const ResourceIndex &index,
                                              const std::vector<RouteState> &routes,
                                              ControllerResult &result);

} // namespace Torii::Controller::Internal
