#pragma once

// One listener of a Gateway or ListenerSet as the controller judges it: protocol and TLS mode,
// the route kinds it can take, its certificate and CA references, its conflicts with other
// listeners, and the routes attached to it; and the ListenerStatus that says so.

#include "engine/controller/conditions.h"
#include "engine/controller/resource_index.h"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace Torii::Controller::Internal {

enum class ListenerProtocol { Http, Https, Tls, Tcp, Udp, Unsupported };

// The object that declares a listener.
struct ListenerOwner
{
    std::size_t index = 0; // resource index of the Gateway or ListenerSet
    std::string kind;      // "Gateway" or "ListenerSet" (the ReferenceGrant `from` kind)
    std::string ns;
    std::string name;

    std::string display() const { return kind + " " + ns + "/" + name; }
};

struct ListenerState
{
    ListenerOwner owner;
    const Model::Listener *spec = nullptr; // points into the owner's typed object
    ListenerProtocol protocol = ListenerProtocol::Unsupported;
    bool passthrough = false;            // TLS listener in mode Passthrough
    std::optional<std::string> hostname; // lower case; nullopt when absent or empty
    // Route kinds this listener takes: the protocol's kinds, narrowed by allowedRoutes.kinds.
    std::vector<Model::RouteGroupKind> kinds;

    Verdict accepted = Verdict::yes(Reason::Accepted, "");
    Verdict conflicted = Verdict::yes(Reason::NoConflicts, ""); // ok: no conflict
    // Problems with references, in the order found; the first one's reason is reported.
    std::vector<Verdict> refProblems;
    // certificateRefs that resolved to usable Secrets, in spec order: (tls.crt, tls.key).
    std::vector<std::pair<std::string, std::string>> keyPairs;
    // spec.tls.frontend as it applies to this HTTPS listener's port: the ca.crt of each usable
    // caCertificateRef (empty: no client certificate validation) and whether the mode is
    // AllowInsecureFallback.
    std::vector<std::string> clientCaBundles;
    bool clientValidationInsecure = false;
    // Routes (resource indices) accepted on this listener: the attachedRoutes count.
    std::set<std::size_t> attachedRoutes;

    const std::string &name() const { return spec->name; }
    int port() const { return spec->port; }
    // Can carry traffic: a supported, unconflicted listener (references may still be broken;
    // see isProgrammed()).
    bool isAccepted() const { return accepted.ok && conflicted.ok; }
    bool resolvedRefs() const { return refProblems.empty(); }
    bool isProgrammed() const { return isAccepted() && resolvedRefs(); }
    bool takesKind(std::string_view group, std::string_view kind) const;
    std::string display() const { return "listener " + name() + " of " + owner.display(); }

    Model::ListenerStatus toStatus(const ConditionContext &context) const;
};

// Reads the listener: protocol (case-insensitive, as the spec requires for core protocols), port,
// TLS mode, route kinds and certificateRefs.
ListenerState evaluateListener(const ResourceIndex &index, const ListenerOwner &owner,
                               const Model::Listener &listener);

const char *protocolName(ListenerProtocol protocol);

} // namespace Torii::Controller::Internal
