#pragma once

// A Gateway of one of Torii's classes: its own listeners, the ListenerSets attached to it, its
// addresses (Torii serves on 127.0.0.1), infrastructure parameters and backend client
// certificate; its Accepted, Programmed and ResolvedRefs conditions and its GatewayStatus.

#include "engine/controller/conditions.h"
#include "engine/controller/gateway_class_status.h"
#include "engine/controller/listener_status.h"
#include "engine/controller/resource_index.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace Torii::Controller::Internal {

// The address every Gateway is served on.
inline constexpr std::string_view kServedAddress = "127.0.0.1";

struct ListenerSetState;

struct GatewayState
{
    std::size_t index = 0;
    const Model::Gateway *gateway = nullptr;
    std::string ns;
    std::string name;
    ClassVerdict gatewayClass;
    // Own listeners, in spec order. Never resized after construction: ListenerState pointers
    // handed out stay valid.
    std::vector<ListenerState> listeners;
    // ListenerSets the Gateway allows, in the spec's precedence (oldest first, then
    // namespace/name). Set by the orchestration.
    std::vector<ListenerSetState *> listenerSets;

    std::optional<Verdict> invalidParameters; // infrastructure.parametersRef does not resolve
    std::optional<Verdict> unsupportedAddress;
    std::optional<Verdict> unusableAddress;
    std::optional<Verdict> clientCertificate; // spec.tls.backend.clientCertificateRef problem
    bool insecureFrontendValidation = false;

    Verdict accepted;   // set by judgeGateway()
    Verdict programmed; // set by judgeGateway()

    std::string display() const { return "Gateway " + ns + "/" + name; }
    std::string key() const { return ns + "/" + name; }
    // Own listeners, then the listeners of accepted ListenerSets, in precedence order.
    std::vector<const ListenerState *> allListeners() const;
    std::vector<ListenerState *> ownListeners();
};

// Reads the Gateway: listeners (evaluateListener), addresses, infrastructure.parametersRef and
// the backend client certificate. Conflicts and frontend validation come later (they need the
// ListenerSets).
GatewayState makeGatewayState(const ResourceIndex &index, std::size_t i,
                              const Model::Gateway &gateway, const ClassVerdict &gatewayClass);

// Accepted and Programmed, once listeners are final. Accepted depends on the Gateway's own
// listeners only; Programmed on any listener that can carry traffic, ListenerSets' included.
void judgeGateway(GatewayState &state);

// The status an API server would show. `attachedListenerSets`: ListenerSets with Accepted=True.
Model::Node gatewayStatusNode(const GatewayState &state, const ConditionContext &context,
                              int attachedListenerSets);

} // namespace Torii::Controller::Internal
