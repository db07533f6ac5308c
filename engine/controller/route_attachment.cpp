#include "route_attachment.h"

#include <algorithm>

namespace Torii::Controller::Internal {

namespace {

bool isWildcard(std::string_view host)
{
    return host.size() > 2 && host[0] == '*' && host[1] == '.';
}

// "foo.example.com" (or "*.foo.example.com") is covered by the wildcard "*.example.com":
// "Hostnames that are prefixed with a wildcard label (`*.`) are interpreted as a suffix match.
// That means that a match for `*.example.com` would match both `test.example.com`, and
// `foo.test.example.com`, but not `example.com`."
bool wildcardCovers(std::string_view wildcard, std::string_view host)
{
    const std::string_view suffix = wildcard.substr(1); // ".example.com"
    if (isWildcard(host)) {
        const std::string_view hostSuffix = host.substr(1);
        return hostSuffix == suffix ||
               (hostSuffix.size() > suffix.size() && hostSuffix.ends_with(suffix));
    }
    return host.size() > suffix.size() && host.ends_with(suffix);
}

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

} // namespace

std::optional<std::string> intersectHostname(const std::optional<std::string> &listener,
                                             std::string_view routeHost)
{
    const std::string route = lower(routeHost);
    if (!listener || *listener == "*") {
        return route;
    }
    if (*listener == route) {
        return route;
    }
    // Listener `*.example.com`, route `foo.example.com` → `foo.example.com`.
    if (isWildcard(*listener) && wildcardCovers(*listener, route)) {
        return route;
    }
    // Listener `foo.example.com`, route `*.example.com` → `foo.example.com`.
    if (isWildcard(route) && wildcardCovers(route, *listener)) {
        return *listener;
    }
    return std::nullopt;
}

std::vector<std::string> effectiveHostnames(const std::optional<std::string> &listener,
                                            const std::vector<std::string> &routeHostnames)
{
    // "A Listener with `test.example.com` as the hostname matches HTTPRoutes that have either not
    // specified any hostnames, or ..."
    if (routeHostnames.empty()) {
        return {listener.value_or("*")};
    }
    std::vector<std::string> out;
    for (const std::string &host : routeHostnames) {
        if (auto intersection = intersectHostname(listener, host)) {
            if (std::find(out.begin(), out.end(), *intersection) == out.end()) {
                out.push_back(*intersection);
            }
        }
    }
    return out;
}

bool hostnameWithin(std::string_view a, const std::optional<std::string> &b)
{
    if (!b || *b == "*") {
        return true;
    }
    if (a == "*") {
        return false;
    }
    if (a == *b) {
        return true;
    }
    return isWildcard(*b) && wildcardCovers(*b, a);
}

bool hostnamesOverlap(const std::vector<std::string> &a, const std::vector<std::string> &b)
{
    for (const std::string &x : a) {
        for (const std::string &y : b) {
            if (x == "*" || y == "*") {
                return true;
            }
            const std::optional<std::string> listenerLike =
                x == "*" ? std::nullopt : std::optional<std::string>(x);
            if (intersectHostname(listenerLike, y)) {
                return true;
            }
        }
    }
    return false;
}

bool namespaceAllowed(const ResourceIndex &index, const ListenerState &listener,
                      std::string_view routeNs)
{
    const Model::AllowedRoutes allowed =
        listener.spec->allowedRoutes.value_or(Model::AllowedRoutes{});
    const Model::RouteNamespaces namespaces = allowed.namespaces.value_or(Model::RouteNamespaces{});
    const std::string from = namespaces.from.value_or("Same");
    if (from == "All") {
        return true;
    }
    if (from == "Selector") {
        // A missing selector selects nothing (metav1.LabelSelectorAsSelector(nil)).
        return namespaces.selector && index.namespaceMatches(*namespaces.selector, routeNs);
    }
    if (from == "Same") {
        return routeNs == listener.owner.ns;
    }
    return false;
}

ParentAttachment attachToListeners(const ResourceIndex &index, const RouteIdentity &route,
                                   const Model::ParentReference &ref,
                                   const std::vector<ListenerState *> &candidates,
                                   const std::string &parentDisplay)
{
    ParentAttachment out;
    // "When both Port (experimental) and SectionName are specified, the name and port of the
    // selected listener must match both specified values."
    std::vector<ListenerState *> selected;
    for (ListenerState *listener : candidates) {
        if (ref.sectionName && listener->name() != *ref.sectionName) {
            continue;
        }
        if (ref.port && listener->port() != *ref.port) {
            continue;
        }
        selected.push_back(listener);
    }
    if (selected.empty()) {
        std::string what;
        if (ref.sectionName) {
            what = "named " + *ref.sectionName;
        }
        if (ref.port) {
            what += (what.empty() ? "" : " ") + std::string("on port ") + std::to_string(*ref.port);
        }
        out.accepted = Verdict::no(Reason::NoMatchingParent,
                                   parentDisplay + " has no listener " +
                                       (what.empty() ? std::string("at all") : what) + ".");
        return out;
    }

    std::vector<std::string> kindRefusals;
    std::vector<std::string> namespaceRefusals;
    std::vector<std::string> hostnameRefusals;
    for (ListenerState *listener : selected) {
        if (!listener->takesKind(Model::kGatewayApiGroup, route.kind)) {
            kindRefusals.push_back(listener->name());
            continue;
        }
        if (!namespaceAllowed(index, *listener, route.ns)) {
            namespaceRefusals.push_back(listener->name());
            continue;
        }
        std::vector<std::string> hostnames = {"*"};
        if (route.usesHostnames) {
            hostnames = effectiveHostnames(listener->hostname, route.hostnames);
            if (hostnames.empty()) {
                hostnameRefusals.push_back(listener->name() + " (" +
                                           listener->hostname.value_or("*") + ")");
                continue;
            }
        }
        out.listeners.push_back(ListenerAttachment{listener, std::move(hostnames)});
    }
    if (!out.listeners.empty()) {
        std::vector<std::string> names;
        for (const ListenerAttachment &attachment : out.listeners) {
            names.push_back(attachment.listener->name());
        }
        out.accepted = Verdict::yes(
            Reason::Accepted, "The route is attached to " + parentDisplay + " through listener" +
                                  (names.size() > 1 ? "s " : " ") + joinList(names) + ".");
        return out;
    }
    // Prefer the most specific refusal: a listener would have taken the route but for its
    // hostname.
    if (!hostnameRefusals.empty()) {
        out.accepted = Verdict::no(Reason::NoMatchingListenerHostname,
                                   "None of the route's hostnames (" + joinList(route.hostnames) +
                                       ") intersects the hostname of listener" +
                                       (hostnameRefusals.size() > 1 ? "s " : " ") +
                                       joinList(hostnameRefusals) + " of " + parentDisplay + ".");
        return out;
    }
    std::string message;
    if (!kindRefusals.empty()) {
        message = "Listener" + std::string(kindRefusals.size() > 1 ? "s " : " ") +
                  joinList(kindRefusals) + " of " + parentDisplay +
                  (kindRefusals.size() > 1 ? " do" : " does") + " not allow " + route.kind + "s.";
    }
    if (!namespaceRefusals.empty()) {
        message += (message.empty() ? "" : " ") + std::string("Listener") +
                   (namespaceRefusals.size() > 1 ? "s " : " ") + joinList(namespaceRefusals) +
                   " of " + parentDisplay + (namespaceRefusals.size() > 1 ? " do" : " does") +
                   " not allow routes from namespace " + route.ns + ".";
    }
    out.accepted = Verdict::no(Reason::NotAllowedByListeners, message);
    return out;
}

} // namespace Torii::Controller::Internal
