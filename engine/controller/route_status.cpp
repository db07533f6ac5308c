#include "route_status.h"

#include "route_rules.h"

#include <QtCore/QtGlobal>

#include <algorithm>

namespace Torii::Controller::Internal {

namespace {

std::string lowerCase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// ResolvedRefs for every parent: the first broken reference decides the reason.
Verdict judgeReferences(const ResourceIndex &index, const RouteState &route,
                        const std::vector<RuleRefs> &rules)
{
    const bool httpLike = route.identity.kind == "HTTPRoute" || route.identity.kind == "GRPCRoute";
    std::vector<Verdict> problems;
    for (const RuleRefs &rule : rules) {
        for (const Model::BackendObjectReference *ref : rule.references) {
            ResolvedBackend backend = resolveBackend(index, *ref, route.referrer, httpLike);
            if (!backend.verdict.ok) {
                problems.push_back(std::move(backend.verdict));
            }
        }
        for (const Model::LocalObjectReference *extension : rule.extensions) {
            // "InvalidKind: ... one of the Route's rules has a reference to an unknown or
            // unsupported Group and/or Kind." Torii implements no extension filter; requests
            // through such a filter get a 500.
            problems.push_back(Verdict::no(
                Reason::InvalidKind, "ExtensionRef filter " + extension->kind + "." +
                                         extension->group + " " + extension->name +
                                         " is not a filter kind Torii implements; requests it "
                                         "would process get a 500."));
        }
    }
    if (problems.empty()) {
        return Verdict::yes(Reason::ResolvedRefs, "All references are resolved.");
    }
    std::string message = problems.front().message;
    if (problems.size() > 1) {
        message += " (" + std::to_string(problems.size() - 1) + " more unresolved reference" +
                   (problems.size() > 2 ? "s" : "") + ")";
    }
    return Verdict::no(problems.front().reason, message);
}

std::optional<ParentState> findParent(const ResourceIndex &index, std::size_t routeIndex,
                                      const RouteIdentity &route, const Model::ParentReference &ref,
                                      const ParentDirectory &directory,
                                      Core::Diagnostics &diagnostics)
{
    const std::string group(ref.groupOrDefault());
    const std::string kind(ref.kindOrDefault());
    if (group != Model::kGatewayApiGroup || (kind != "Gateway" && kind != "ListenerSet")) {
        return std::nullopt; // a Service (mesh) or another controller's kind of parent
    }
    const std::string ns = ref.namespace_.value_or(route.ns);
    const std::string key = ns + "/" + ref.name;
    ParentState parent;
    parent.ref = ref;
    parent.ref.group = group;
    parent.ref.kind = kind;
    if (kind == "Gateway") {
        const auto it = directory.gateways.find(key);
        if (it != directory.gateways.end()) {
            parent.gateway = it->second;
            return parent;
        }
    } else {
        const auto it = directory.listenerSets.find(key);
        if (it != directory.listenerSets.end()) {
            parent.listenerSet = it->second;
            parent.gateway = it->second->gateway;
            return parent;
        }
    }
    if (!index.find(group, kind, ns, ref.name)) {
        diagnostics.push_back(warningAt(
            index, routeIndex, "controller.parent-missing",
            Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "%1 names parent %2 %3, which is not among the loaded "
                                         "objects."),
                       {route.display(), kind, key})));
    }
    return std::nullopt; // absent, or reconciled by another controller
}

void attachParent(const ResourceIndex &index, const RouteState &route, ParentState &parent)
{
    if (parent.listenerSet) {
        ListenerSetState &set = *parent.listenerSet;
        if (!set.isAccepted()) {
            parent.accepted = Verdict::no(
                Reason::NoMatchingParent,
                set.display() + " is not attached to a Gateway: " + set.accepted.message);
            return;
        }
        const ParentAttachment attachment = attachToListeners(
            index, route.identity, parent.ref, set.listenerPointers(), set.display());
        parent.accepted = attachment.accepted;
        parent.listeners = attachment.listeners;
        return;
    }
    GatewayState &gateway = *parent.gateway;
    if (!gateway.accepted.ok) {
        parent.accepted =
            Verdict::no(Reason::NoMatchingParent,
                        gateway.display() + " is not accepted: " + gateway.accepted.message);
        return;
    }
    // A Gateway parentRef reaches the Gateway's own listeners; a ListenerSet's listeners are
    // reached through the ListenerSet.
    const ParentAttachment attachment = attachToListeners(
        index, route.identity, parent.ref, gateway.ownListeners(), gateway.display());
    parent.accepted = attachment.accepted;
    parent.listeners = attachment.listeners;
}

} // namespace

bool RouteState::hasUsableRule() const
{
    return std::find(ruleUsable.begin(), ruleUsable.end(), true) != ruleUsable.end();
}

std::optional<RouteState> makeRouteState(const ResourceIndex &index, std::size_t i,
                                         const ParentDirectory &directory,
                                         Core::Diagnostics &diagnostics)
{
    const Model::TypedObject &object = index.typed(i);
    if (!Model::isRoute(object)) {
        return std::nullopt;
    }
    RouteState route;
    route.identity.index = i;
    route.identity.kind = std::string(Model::kindName(object));
    route.identity.ns = index.namespaceOf(i);
    route.identity.name = index.resource(i).name;
    route.identity.usesHostnames = route.identity.kind == "HTTPRoute" ||
                                   route.identity.kind == "GRPCRoute" ||
                                   route.identity.kind == "TLSRoute";
    for (const std::string &host : Model::routeHostnames(object)) {
        route.identity.hostnames.push_back(lowerCase(host));
    }
    route.referrer =
        Referrer{std::string(Model::kGatewayApiGroup), route.identity.kind, route.identity.ns};

    const std::vector<RuleRefs> rules = rulesOf(object);
    route.resolvedRefs = judgeReferences(index, route, rules);
    std::vector<std::string> unsupported;
    for (const RuleRefs &rule : rules) {
        route.ruleUsable.push_back(rule.unsupportedFilters.empty());
        unsupported.insert(unsupported.end(), rule.unsupportedFilters.begin(),
                           rule.unsupportedFilters.end());
    }
    if (rules.empty()) {
        route.ruleUsable.push_back(true); // the API server's default: one match-all rule
    }
    if (!unsupported.empty()) {
        route.unusableMessage = "Filter type" + std::string(unsupported.size() > 1 ? "s " : " ") +
                                joinList(unsupported) +
                                " is not supported by Torii; the rules using it are ignored.";
    }

    for (const Model::ParentReference &ref : Model::routeParentRefs(object)) {
        if (auto parent = findParent(index, i, route.identity, ref, directory, diagnostics)) {
            attachParent(index, route, *parent);
            // "Unknown values here must result in the implementation setting the Accepted
            // Condition for the Route to `status: False`, with a Reason of `UnsupportedValue`."
            if (parent->accepted.ok && !route.hasUsableRule()) {
                parent->accepted = Verdict::no(Reason::UnsupportedValue, route.unusableMessage);
                parent->listeners.clear();
            }
            route.parents.push_back(std::move(*parent));
        }
    }
    return route;
}

void settleAttachments(const ResourceIndex &index, std::vector<RouteState> &routes)
{
    struct Claim
    {
        RouteState *route;
        ParentState *parent;
        std::size_t attachment;
    };
    // Listeners in the order routes first reach them (not by address: output must not depend
    // on where objects live in memory).
    std::vector<std::pair<ListenerState *, std::vector<Claim>>> claims;
    std::map<ListenerState *, std::size_t> slot;
    for (RouteState &route : routes) {
        if (route.identity.kind != "HTTPRoute" && route.identity.kind != "GRPCRoute") {
            continue;
        }
        for (ParentState &parent : route.parents) {
            for (std::size_t a = 0; a < parent.listeners.size(); ++a) {
                ListenerState *listener = parent.listeners[a].listener;
                const auto [it, added] = slot.emplace(listener, claims.size());
                if (added) {
                    claims.emplace_back(listener, std::vector<Claim>{});
                }
                claims[it->second].second.push_back(Claim{&route, &parent, a});
            }
        }
    }
    std::map<ParentState *, std::vector<std::size_t>> rejected; // attachment indices
    for (auto &[listener, list] : claims) {
        bool mixed = false;
        for (const Claim &claim : list) {
            mixed = mixed || claim.route->identity.kind != list.front().route->identity.kind;
        }
        if (!mixed) {
            continue; // one kind only: nothing to settle
        }
        std::stable_sort(list.begin(), list.end(), [&](const Claim &a, const Claim &b) {
            return index.olderThan(a.route->identity.index, b.route->identity.index);
        });
        // Kept claims per kind: a claim only competes with the other kind's.
        std::map<std::string, std::vector<const Claim *>> kept;
        for (const Claim &claim : list) {
            const auto &hosts = claim.parent->listeners[claim.attachment].hostnames;
            const Claim *clash = nullptr;
            for (const auto &[kind, others] : kept) {
                if (kind == claim.route->identity.kind) {
                    continue;
                }
                for (const Claim *other : others) {
                    if (hostnamesOverlap(other->parent->listeners[other->attachment].hostnames,
                                         hosts)) {
                        clash = other;
                        break;
                    }
                }
            }
            if (!clash) {
                kept[claim.route->identity.kind].push_back(&claim);
                continue;
            }
            rejected[claim.parent].push_back(claim.attachment);
            if (claim.parent->listeners.size() == rejected[claim.parent].size()) {
                claim.parent->accepted = Verdict::no(
                    Reason::NotAllowedByListeners,
                    clash->route->identity.display() + " is older and serves the same " +
                        "hostnames on listener " + listener->name() + "; an HTTPRoute and a " +
                        "GRPCRoute cannot share a hostname on one listener.");
            }
        }
    }
    for (auto &[parent, indices] : rejected) {
        std::sort(indices.rbegin(), indices.rend());
        for (std::size_t a : indices) {
            parent->listeners.erase(parent->listeners.begin() + static_cast<std::ptrdiff_t>(a));
        }
    }
    // "The AttachedRoutes number represents the number of Routes with the Accepted condition set
    // to "True" that have been attached to this Listener."
    for (RouteState &route : routes) {
        for (ParentState &parent : route.parents) {
            if (!parent.accepted.ok) {
                continue;
            }
            for (ListenerAttachment &attachment : parent.listeners) {
                attachment.listener->attachedRoutes.insert(route.identity.index);
            }
        }
    }
}

std::vector<ResolvedBackend> resolvedBackends(const ResourceIndex &index, const RouteState &route)
{
    const bool httpLike = route.identity.kind == "HTTPRoute" || route.identity.kind == "GRPCRoute";
    const std::vector<RuleRefs> rules = rulesOf(index.typed(route.identity.index));
    std::vector<ResolvedBackend> out;
    for (std::size_t r = 0; r < rules.size(); ++r) {
        if (r < route.ruleUsable.size() && !route.ruleUsable[r]) {
            continue;
        }
        for (const Model::BackendObjectReference *ref : rules[r].references) {
            out.push_back(resolveBackend(index, *ref, route.referrer, httpLike));
        }
    }
    return out;
}

std::optional<Model::Node> routeStatusNode(const ResourceIndex &index, const RouteState &route)
{
    if (route.parents.empty()) {
        return std::nullopt;
    }
    const ConditionContext context{index.generation(route.identity.index),
                                   index.options().transitionTime};
    Model::RouteStatus status;
    for (const ParentState &parent : route.parents) {
        Model::RouteParentStatus entry;
        entry.parentRef = parent.ref;
        entry.controllerName = index.options().controllerName;
        entry.conditions.push_back(
            makeCondition(ConditionType::Accepted, parent.accepted, context));
        entry.conditions.push_back(
            makeCondition(ConditionType::ResolvedRefs, route.resolvedRefs, context));
        // "If only a portion of Route Rules are invalid, implementations MUST set the
        // "PartiallyInvalid" condition for the Route."
        if (!route.unusableMessage.empty() && route.hasUsableRule()) {
            entry.conditions.push_back(makeCondition(ConditionType::PartiallyInvalid, true,
                                                     Reason::UnsupportedValue,
                                                     route.unusableMessage, context));
        }
        status.parents.push_back(std::move(entry));
    }
    return Model::toNode(status);
}

} // namespace Torii::Controller::Internal
