#pragma once

// Whether a route's parentRef attaches it to listeners: sectionName and port select listeners,
// then each listener's allowedRoutes (kinds and namespaces) and the hostname intersection decide.
// The Route's Accepted condition for that parent comes from here.

#include "engine/controller/conditions.h"
#include "engine/controller/listener_status.h"
#include "engine/controller/resource_index.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Torii::Controller::Internal {

// The route as attachment sees it.
struct RouteIdentity
{
    std::size_t index = 0;
    std::string kind; // HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute
    std::string ns;
    std::string name;
    bool usesHostnames = false;         // HTTP, gRPC and TLS routes match on hostnames
    std::vector<std::string> hostnames; // lower case, as written

    std::string display() const { return kind + " " + ns + "/" + name; }
};

struct ListenerAttachment
{
    ListenerState *listener = nullptr;
    // The hostnames this route serves on this listener: route ∩ listener, "*" when neither
    // restricts (TCP and UDP routes always "*").
    std::vector<std::string> hostnames;
};

struct ParentAttachment
{
    Verdict accepted;
    std::vector<ListenerAttachment> listeners; // where it attached (empty when not accepted)
};

// `candidates`: the listeners of the parent (a Gateway's own listeners, or a ListenerSet's).
// `parentDisplay`: "Gateway ns/name" for messages.
ParentAttachment attachToListeners(const ResourceIndex &index, const RouteIdentity &route,
                                   const Model::ParentReference &ref,
                                   const std::vector<ListenerState *> &candidates,
                                   const std::string &parentDisplay);

// ---- hostnames

// The intersection of a listener hostname (nullopt: any) with one route hostname, per the spec:
// exact names must be equal; `*.example.com` matches `foo.example.com` and `*.foo.example.com`
// (and gives the more specific one); nullopt when they do not intersect.
std::optional<std::string> intersectHostname(const std::optional<std::string> &listener,
                                             std::string_view route);
// Every intersection of the listener hostname with the route hostnames (deduplicated, in route
// order); {"*"} when neither restricts; {} when the route's hostnames all miss the listener.
std::vector<std::string> effectiveHostnames(const std::optional<std::string> &listener,
                                            const std::vector<std::string> &routeHostnames);
// a ⊆ b: every host `a` matches, `b` matches too. "*" and nullopt are every host.
bool hostnameWithin(std::string_view a, const std::optional<std::string> &b);
// Whether two hostname sets share a host (for the HTTPRoute/GRPCRoute rule on one listener).
bool hostnamesOverlap(const std::vector<std::string> &a, const std::vector<std::string> &b);

// allowedRoutes.namespaces of the listener (From Same: the namespace of the Gateway or
// ListenerSet that declares it; All; Selector over namespace labels).
bool namespaceAllowed(const ResourceIndex &index, const ListenerState &listener,
                      std::string_view routeNs);

} // namespace Torii::Controller::Internal
