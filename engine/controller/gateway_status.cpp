#include "gateway_status.h"

#include "certificates.h"
#include "listener_set_status.h"
#include "reference_grants.h"

#include <algorithm>

namespace Torii::Controller::Internal {

namespace {

void checkAddresses(const Model::Gateway &gateway, GatewayState &state)
{
    if (!gateway.spec.addresses) {
        return;
    }
    std::vector<std::string> unusable;
    for (const Model::GatewaySpecAddress &address : *gateway.spec.addresses) {
        const std::string type = address.type.value_or("IPAddress");
        const std::string value = address.value.value_or("");
        if (type == "IPAddress") {
            // "When a value is unspecified, an implementation SHOULD automatically assign an
            // address matching the requested type if possible."
            if (!value.empty() && value != kServedAddress) {
                unusable.push_back(value);
            }
        } else if (type == "Hostname") {
            if (!value.empty() && value != "localhost") {
                unusable.push_back(value);
            }
        } else if (type == "NamedAddress") {
            unusable.push_back(value.empty() ? type : value);
        } else {
            // "UnsupportedAddress: ... an address that was provided is a type which is not
            // supported by the implementation."
            state.unsupportedAddress = Verdict::no(
                Reason::UnsupportedAddress,
                "Address type " + type + " is not supported; Torii serves Gateways on " +
                    std::string(kServedAddress) + " (types IPAddress and Hostname).");
        }
    }
    if (!unusable.empty()) {
        state.unusableAddress = Verdict::no(
            Reason::AddressNotUsable,
            "Torii serves Gateways on " + std::string(kServedAddress) +
                " only and cannot use the requested address" + (unusable.size() > 1 ? "es " : " ") +
                joinList(unusable) + "; remove it from spec.addresses or leave its value empty.");
    }
}

void checkInfrastructure(const ResourceIndex &index, const Model::Gateway &gateway,
                         GatewayState &state)
{
    if (!gateway.spec.infrastructure || !gateway.spec.infrastructure->parametersRef) {
        return;
    }
    const Model::LocalParametersReference &ref = *gateway.spec.infrastructure->parametersRef;
    // "If the referent cannot be found, refers to an unsupported kind, or when the data within
    // that resource is malformed, the Gateway SHOULD be rejected with the "Accepted" status
    // condition set to "False" and an "InvalidParameters" reason."
    if (!index.find(ref.group, ref.kind, state.ns, ref.name)) {
        state.invalidParameters = Verdict::no(Reason::InvalidParameters,
                                              "infrastructure.parametersRef " + ref.kind +
                                                  (ref.group.empty() ? "" : "." + ref.group) + " " +
                                                  state.ns + "/" + ref.name + " does not exist.");
    }
}

void checkClientCertificate(const ResourceIndex &index, const Model::Gateway &gateway,
                            GatewayState &state)
{
    if (!gateway.spec.tls || !gateway.spec.tls->backend ||
        !gateway.spec.tls->backend->clientCertificateRef) {
        return;
    }
    const Model::SecretObjectReference &ref = *gateway.spec.tls->backend->clientCertificateRef;
    const std::string ns = ref.namespace_.value_or(state.ns);
    const std::string target = ns + "/" + ref.name;
    const std::string group(ref.groupOrDefault());
    const std::string kind(ref.kindOrDefault());
    if (!referenceAllowed(index, {std::string(Model::kGatewayApiGroup), "Gateway", state.ns},
                          {group, kind, ns, ref.name})) {
        state.clientCertificate = Verdict::no(
            Reason::RefNotPermitted, "tls.backend.clientCertificateRef " + kind + " " + target +
                                         " is in another namespace and no ReferenceGrant in " + ns +
                                         " allows references from Gateways in " + state.ns + ".");
        return;
    }
    std::string problem;
    if (!group.empty() || kind != "Secret") {
        problem = "it has kind " + (group.empty() ? kind : kind + "." + group) +
                  " (Torii reads client certificates only from core Secrets)";
    } else if (const auto *secret = index.findTyped<Model::Secret>(ns, ref.name)) {
        problem = tlsKeyPairProblem(*secret);
    } else {
        problem = "it does not exist";
    }
    if (!problem.empty()) {
        state.clientCertificate = Verdict::no(Reason::InvalidClientCertificateRef,
                                              "tls.backend.clientCertificateRef " + target +
                                                  " is not usable: " + problem + ".");
    }
}

} // namespace

std::vector<const ListenerState *> GatewayState::allListeners() const
{
    std::vector<const ListenerState *> out;
    for (const ListenerState &listener : listeners) {
        out.push_back(&listener);
    }
    for (const ListenerSetState *set : listenerSets) {
        if (set->isAccepted()) {
            for (const ListenerState &listener : set->listeners) {
                out.push_back(&listener);
            }
        }
    }
    return out;
}

std::vector<ListenerState *> GatewayState::ownListeners()
{
    std::vector<ListenerState *> out;
    for (ListenerState &listener : listeners) {
        out.push_back(&listener);
    }
    return out;
}

GatewayState makeGatewayState(const ResourceIndex &index, std::size_t i,
                              const Model::Gateway &gateway, const ClassVerdict &gatewayClass)
{
    GatewayState state;
    state.index = i;
    state.gateway = &gateway;
    state.ns = index.namespaceOf(i);
    state.name = index.resource(i).name;
    state.gatewayClass = gatewayClass;
    const ListenerOwner owner{i, "Gateway", state.ns, state.name};
    state.listeners.reserve(gateway.spec.listeners.size());
    for (const Model::Listener &listener : gateway.spec.listeners) {
        state.listeners.push_back(evaluateListener(index, owner, listener));
    }
    checkAddresses(gateway, state);
    checkInfrastructure(index, gateway, state);
    checkClientCertificate(index, gateway, state);
    return state;
}

void judgeGateway(GatewayState &state)
{
    std::vector<std::string> invalid;
    std::vector<std::string> valid;
    for (const ListenerState &listener : state.listeners) {
        (listener.isAccepted() ? valid : invalid).push_back(listener.name());
    }
    if (!state.gatewayClass.accepted) {
        state.accepted =
            Verdict::no(Reason::Invalid, "GatewayClass " + state.gatewayClass.name +
                                             " is not accepted: " + state.gatewayClass.message);
    } else if (state.invalidParameters) {
        state.accepted = *state.invalidParameters;
    } else if (state.unsupportedAddress) {
        state.accepted = *state.unsupportedAddress;
    } else if (valid.empty()) {
        // "At least one distinct Listener MUST be present, or else the Gateway effectively
        // contains _no_ Listeners, and must be rejected from processing as a whole."
        state.accepted = Verdict::no(Reason::ListenersNotValid,
                                     "No listener is valid: listener" +
                                         std::string(invalid.size() > 1 ? "s " : " ") +
                                         joinList(invalid) + " cannot be served.");
    } else if (!invalid.empty()) {
        // "The implementation MUST set a "ListenersNotValid" condition on the Gateway Status when
        // the Gateway contains Conflicted Listeners whether or not they accept the Gateway."
        state.accepted = Verdict::yes(Reason::ListenersNotValid,
                                      "Listener" + std::string(invalid.size() > 1 ? "s " : " ") +
                                          joinList(invalid) + " cannot be served; listener" +
                                          (valid.size() > 1 ? "s " : " ") + joinList(valid) +
                                          (valid.size() > 1 ? " are" : " is") + " accepted.");
    } else {
        state.accepted = Verdict::yes(Reason::Accepted, "Torii accepts the Gateway.");
    }

    // ListenerSets are judged after their parent (their acceptance needs it); a ListenerSet the
    // Gateway allows is accepted exactly when one of its listeners is, so allowed is enough here.
    bool anyProgrammed = std::any_of(state.listeners.begin(), state.listeners.end(),
                                     [](const ListenerState &l) { return l.isProgrammed(); });
    for (const ListenerSetState *set : state.listenerSets) {
        if (set->allowed.ok) {
            anyProgrammed = anyProgrammed ||
                            std::any_of(set->listeners.begin(), set->listeners.end(),
                                        [](const ListenerState &l) { return l.isProgrammed(); });
        }
    }
    if (!state.accepted.ok) {
        state.programmed = Verdict::no(Reason::Invalid, "The Gateway is not accepted.");
    } else if (state.unusableAddress) {
        state.programmed = *state.unusableAddress;
    } else if (!anyProgrammed) {
        state.programmed =
            Verdict::no(Reason::Invalid, "No listener can be programmed; see the listeners' "
                                         "conditions.");
    } else {
        state.programmed = Verdict::yes(Reason::Programmed, "Torii serves the Gateway on " +
                                                                std::string(kServedAddress) + ".");
    }
}

Model::Node gatewayStatusNode(const GatewayState &state, const ConditionContext &context,
                              int attachedListenerSets)
{
    Model::GatewayStatus status;
    if (state.accepted.ok) {
        Model::GatewayStatusAddress address;
        address.type = "IPAddress";
        address.value = std::string(kServedAddress);
        status.addresses = std::vector<Model::GatewayStatusAddress>{address};
    }

    std::vector<std::string> unresolved;
    for (const ListenerState &listener : state.listeners) {
        if (!listener.resolvedRefs()) {
            unresolved.push_back(listener.name());
        }
    }
    Verdict resolved = Verdict::yes(Reason::ResolvedRefs, "All references are resolved.");
    if (state.clientCertificate) {
        resolved = *state.clientCertificate;
    } else if (!unresolved.empty()) {
        resolved = Verdict::no(Reason::ListenersNotResolved,
                               "Listener" + std::string(unresolved.size() > 1 ? "s " : " ") +
                                   joinList(unresolved) +
                                   (unresolved.size() > 1 ? " have" : " has") +
                                   " unresolved references.");
    }

    std::vector<Model::Condition> conditions = {
        makeCondition(ConditionType::Accepted, state.accepted, context),
        makeCondition(ConditionType::Programmed, state.programmed, context),
        makeCondition(ConditionType::ResolvedRefs, resolved, context)};
    if (state.insecureFrontendValidation) {
        conditions.push_back(makeCondition(
            ConditionType::InsecureFrontendValidationMode, true, Reason::ConfigurationChanged,
            "Client certificate validation uses AllowInsecureFallback: connections without a "
            "valid client certificate are accepted.",
            context));
    }
    status.conditions = std::move(conditions);

    std::vector<Model::ListenerStatus> listeners;
    for (const ListenerState &listener : state.listeners) {
        listeners.push_back(listener.toStatus(context));
    }
    status.listeners = std::move(listeners);
    status.attachedListenerSets = attachedListenerSets;
    return Model::toNode(status);
}

} // namespace Torii::Controller::Internal
