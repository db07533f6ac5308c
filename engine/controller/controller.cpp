// reconcile(): the order in which a controller's judgements depend on each other.
//
//   GatewayClasses → Gateways (own listeners) → ListenerSets (attachment) → per Gateway: frontend
//   TLS validation, listener conflicts across the Gateway and its ListenerSets, Gateway Accepted
//   → ListenerSets Accepted → routes (attachment, backends, HTTPRoute/GRPCRoute sharing) →
//   attachedRoutes → statuses → BackendTLSPolicies → one RouteTable per accepted Gateway.

#include "controller.h"

#include "backend_tls_policy_status.h"
#include "frontend_validation.h"
#include "gateway_class_status.h"
#include "gateway_status.h"
#include "listener_conflicts.h"
#include "listener_set_status.h"
#include "resource_index.h"
#include "route_compiler.h"
#include "route_status.h"

#include <QtCore/QtGlobal>

#include <algorithm>
#include <map>

namespace Torii::Controller {

namespace {

using namespace Internal;

void warnSuperseded(const ResourceIndex &index, Core::Diagnostics &diagnostics)
{
    for (std::size_t i = 0; i < index.size(); ++i) {
        if (index.isSuperseded(i) && Model::isGatewayApiObject(index.typed(i))) {
            diagnostics.push_back(warningAt(
                index, i, "controller.superseded",
                Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "%1 is defined again later; the later definition "
                                             "is the one reconciled."),
                           {index.resource(i).displayName()})));
        }
    }
}

// The ListenerSet's parent, when it is one of Torii's Gateways.
GatewayState *parentOf(const ResourceIndex &index, std::size_t i, const Model::ListenerSet &set,
                       std::map<std::size_t, GatewayState> &gateways,
                       Core::Diagnostics &diagnostics)
{
    const Model::ParentGatewayReference &ref = set.spec.parentRef;
    if (ref.groupOrDefault() != Model::kGatewayApiGroup || ref.kindOrDefault() != "Gateway") {
        return nullptr;
    }
    const std::string ns = ref.namespace_.value_or(index.namespaceOf(i));
    for (auto &[gatewayIndex, gateway] : gateways) {
        if (gateway.ns == ns && gateway.name == ref.name) {
            return &gateway;
        }
    }
    if (!index.find(Model::kGatewayApiGroup, "Gateway", ns, ref.name)) {
        diagnostics.push_back(warningAt(
            index, i, "controller.parent-missing",
            Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "%1 names parent %2 %3, which is not among the loaded "
                                         "objects."),
                       {index.resource(i).displayName(), "Gateway", ns + "/" + ref.name})));
    }
    return nullptr;
}

// The Gateway's accepted listeners that terminate TLS, with what their certificateRefs resolved
// to: what the local gateway needs to serve them (ControllerResult::tlsListeners).
std::vector<TlsListener> tlsListenersOf(const GatewayState &gateway)
{
    std::vector<TlsListener> out;
    for (const ListenerState *listener : gateway.allListeners()) {
        const bool terminates =
            listener->protocol == ListenerProtocol::Https ||
            (listener->protocol == ListenerProtocol::Tls && !listener->passthrough);
        if (!terminates || !listener->isAccepted()) {
            continue;
        }
        TlsListener tls;
        tls.owner = listener->owner.display();
        tls.name = listener->name();
        tls.port = listener->port();
        tls.protocol = protocolName(listener->protocol);
        tls.hostname = listener->hostname.value_or("");
        for (const auto &[chain, key] : listener->keyPairs) {
            tls.keyPairs.push_back({chain, key});
        }
        tls.clientCaBundles = listener->clientCaBundles;
        tls.clientValidationInsecure = listener->clientValidationInsecure;
        for (const Verdict &problem : listener->refProblems) {
            const bool aboutCertificates =
                problem.reason == Reason::InvalidCertificateRef ||
                (problem.reason == Reason::RefNotPermitted &&
                 problem.message.rfind("certificateRef ", 0) == 0);
            if (aboutCertificates) {
                tls.certificateProblem = problem.message;
                break;
            }
        }
        out.push_back(std::move(tls));
    }
    return out;
}

} // namespace

ControllerResult reconcile(const std::vector<Model::Resource> &resources,
                           const ControllerOptions &options)
{
    ControllerResult result;
    result.statuses.resize(resources.size());
    const ResourceIndex index(resources, options);
    warnSuperseded(index, result.diagnostics);

    const GatewayClassTable classes(index, result);

    std::map<std::size_t, GatewayState> gateways;
    ParentDirectory directory;
    for (std::size_t i : index.ofKind("Gateway")) {
        const auto *gateway = std::get_if<Model::Gateway>(&index.typed(i));
        if (!gateway) {
            continue;
        }
        const ClassVerdict verdict =
            classes.forGateway(i, gateway->spec.gatewayClassName, result.diagnostics);
        if (!verdict.ours) {
            continue; // another controller's Gateway (or nobody's): no status from Torii
        }
        GatewayState &state =
            gateways.emplace(i, makeGatewayState(index, i, *gateway, verdict)).first->second;
        directory.gateways[state.key()] = &state;
    }

    std::map<std::size_t, ListenerSetState> listenerSets;
    for (std::size_t i : index.ofKind("ListenerSet")) {
        const auto *set = std::get_if<Model::ListenerSet>(&index.typed(i));
        GatewayState *parent =
            set ? parentOf(index, i, *set, gateways, result.diagnostics) : nullptr;
        if (!parent) {
            continue;
        }
        ListenerSetState &state =
            listenerSets.emplace(i, makeListenerSetState(index, i, *set, *parent)).first->second;
        directory.listenerSets[state.ns + "/" + state.name] = &state;
        if (state.allowed.ok) {
            parent->listenerSets.push_back(&state);
        }
    }

    for (auto &[i, gateway] : gateways) {
        // "1. "parent" Gateway 2. ListenerSet ordered by creation time (oldest first) 3.
        // ListenerSet ordered alphabetically by "{namespace}/{name}"."
        std::sort(gateway.listenerSets.begin(), gateway.listenerSets.end(),
                  [&](const ListenerSetState *a, const ListenerSetState *b) {
                      return index.olderThan(a->index, b->index);
                  });
        std::vector<std::vector<ListenerState *>> sources = {gateway.ownListeners()};
        std::vector<ListenerState *> all = sources.front();
        for (ListenerSetState *set : gateway.listenerSets) {
            sources.push_back(set->listenerPointers());
            all.insert(all.end(), sources.back().begin(), sources.back().end());
        }
        gateway.insecureFrontendValidation =
            applyFrontendValidation(index, *gateway.gateway, gateway.ns, all);
        detectConflicts(sources);
        judgeGateway(gateway);
    }
    for (auto &[i, set] : listenerSets) {
        judgeListenerSet(set);
    }

    std::vector<RouteState> routes;
    for (std::size_t i = 0; i < index.size(); ++i) {
        if (index.isSuperseded(i)) {
            continue;
        }
        if (auto route = makeRouteState(index, i, directory, result.diagnostics)) {
            routes.push_back(std::move(*route));
        }
    }
    settleAttachments(index, routes);
    for (const RouteState &route : routes) {
        result.statuses[route.identity.index] = routeStatusNode(index, route);
    }

    for (const auto &[i, gateway] : gateways) {
        const int attached = static_cast<int>(
            std::count_if(gateway.listenerSets.begin(), gateway.listenerSets.end(),
                          [](const ListenerSetState *set) { return set->isAccepted(); }));
        const ConditionContext context{index.generation(i), options.transitionTime};
        result.statuses[i] = gatewayStatusNode(gateway, context, attached);
    }
    for (const auto &[i, set] : listenerSets) {
        const ConditionContext context{index.generation(i), options.transitionTime};
        result.statuses[i] = listenerSetStatusNode(set, context);
    }

    const BackendTlsTargets backendTls = evaluateBackendTlsPolicies(index, routes, result);

    for (const auto &[i, gateway] : gateways) {
        if (gateway.accepted.ok) {
            result.routeTables[gateway.key()] =
                compileGateway(index, gateway, routes, backendTls, result.diagnostics);
            result.tlsListeners[gateway.key()] = tlsListenersOf(gateway);
        }
    }
    return result;
}

} // namespace Torii::Controller
