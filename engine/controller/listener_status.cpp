#include "listener_status.h"

#include "certificates.h"
#include "reference_grants.h"

#include <algorithm>
#include <cctype>

namespace Torii::Controller::Internal {

namespace {

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// "All Core ProtocolType values MUST be treated case-insensitively by implementations."
ListenerProtocol parseProtocol(std::string_view protocol)
{
    const std::string p = lower(protocol);
    if (p == "http") {
        return ListenerProtocol::Http;
    }
    if (p == "https") {
        return ListenerProtocol::Https;
    }
    if (p == "tls") {
        return ListenerProtocol::Tls;
    }
    if (p == "tcp") {
        return ListenerProtocol::Tcp;
    }
    if (p == "udp") {
        return ListenerProtocol::Udp;
    }
    return ListenerProtocol::Unsupported; // includes every domain-prefixed custom protocol
}

Model::RouteGroupKind routeKind(std::string_view kind)
{
    Model::RouteGroupKind out;
    out.group = std::string(Model::kGatewayApiGroup);
    out.kind = std::string(kind);
    return out;
}

// The kinds a listener of this protocol can serve. TLS takes TLSRoute in both modes (v1.6.1:
// "TLSRoute ... Terminate" is the TLSRouteModeTerminate feature, which Torii claims).
std::vector<std::string_view> protocolKinds(ListenerProtocol protocol)
{
    switch (protocol) {
    case ListenerProtocol::Http:
    case ListenerProtocol::Https:
        return {"HTTPRoute", "GRPCRoute"};
    case ListenerProtocol::Tls:
        return {"TLSRoute"};
    case ListenerProtocol::Tcp:
        return {"TCPRoute"};
    case ListenerProtocol::Udp:
        return {"UDPRoute"};
    case ListenerProtocol::Unsupported:
        break;
    }
    return {};
}

void resolveKinds(const Model::Listener &listener, ListenerState &state)
{
    const std::vector<std::string_view> valid = protocolKinds(state.protocol);
    const bool specified = listener.allowedRoutes && listener.allowedRoutes->kinds &&
                           !listener.allowedRoutes->kinds->empty();
    if (!specified) {
        for (std::string_view kind : valid) {
            state.kinds.push_back(routeKind(kind));
        }
        return;
    }
    // "If kinds are specified in Spec that are not supported, they MUST NOT appear in this list
    // and an implementation MUST set the "ResolvedRefs" condition to "False" with the
    // "InvalidRouteKinds" reason. If both valid and invalid Route kinds are specified, the
    // implementation MUST reference the valid Route kinds that have been specified."
    std::vector<std::string> invalid;
    for (const Model::RouteGroupKind &kind : *listener.allowedRoutes->kinds) {
        const bool known = kind.groupOrDefault() == Model::kGatewayApiGroup &&
                           std::find(valid.begin(), valid.end(), kind.kind) != valid.end();
        if (!known) {
            invalid.push_back(kind.groupOrDefault() == Model::kGatewayApiGroup
                                  ? kind.kind
                                  : kind.kind + "." + std::string(kind.groupOrDefault()));
            continue;
        }
        if (!state.takesKind(Model::kGatewayApiGroup, kind.kind)) {
            state.kinds.push_back(routeKind(kind.kind));
        }
    }
    if (!invalid.empty()) {
        state.refProblems.push_back(Verdict::no(Reason::InvalidRouteKinds,
                                                "allowedRoutes.kinds names " + joinList(invalid) +
                                                    ", which a " + protocolName(state.protocol) +
                                                    " listener cannot serve."));
    }
}

void checkCertificates(const ResourceIndex &index, const ListenerOwner &owner,
                       const Model::Listener &listener, ListenerState &state)
{
    const std::vector<Model::SecretObjectReference> refs =
        listener.tls ? itemsOf(listener.tls->certificateRefs)
                     : std::vector<Model::SecretObjectReference>{};
    if (refs.empty()) {
        state.refProblems.push_back(
            Verdict::no(Reason::InvalidCertificateRef,
                        "The listener terminates TLS but has no certificateRefs."));
        return;
    }
    for (const Model::SecretObjectReference &ref : refs) {
        const std::string ns = ref.namespace_.value_or(owner.ns);
        const std::string target = ns + "/" + ref.name;
        const std::string group(ref.groupOrDefault());
        const std::string kind(ref.kindOrDefault());
        // RefNotPermitted wins: InvalidCertificateRef "must be used only when the reference is
        // allowed".
        if (!referenceAllowed(index, {std::string(Model::kGatewayApiGroup), owner.kind, owner.ns},
                              {group, kind, ns, ref.name})) {
            state.refProblems.push_back(
                Verdict::no(Reason::RefNotPermitted, "certificateRef " + kind + " " + target +
                                                         " is in another namespace and no "
                                                         "ReferenceGrant in " +
                                                         ns + " allows references from " +
                                                         owner.kind + "s in " + owner.ns + "."));
            continue;
        }
        if (!group.empty() || kind != "Secret") {
            state.refProblems.push_back(
                Verdict::no(Reason::InvalidCertificateRef,
                            "certificateRef " + target + " has kind " +
                                (group.empty() ? kind : kind + "." + group) +
                                "; Torii reads certificates only from core Secrets."));
            continue;
        }
        const auto *secret = index.findTyped<Model::Secret>(ns, ref.name);
        if (!secret) {
            state.refProblems.push_back(
                Verdict::no(Reason::InvalidCertificateRef,
                            "certificateRef Secret " + target + " does not exist."));
            continue;
        }
        const std::string problem = tlsKeyPairProblem(*secret);
        if (!problem.empty()) {
            state.refProblems.push_back(Verdict::no(
                Reason::InvalidCertificateRef,
                "certificateRef Secret " + target + " is not a TLS key pair: " + problem + "."));
        } else {
            state.keyPairs.emplace_back(secretValue(*secret, "tls.crt").value_or(""),
                                        secretValue(*secret, "tls.key").value_or(""));
        }
    }
}

} // namespace

const char *protocolName(ListenerProtocol protocol)
{
    switch (protocol) {
    case ListenerProtocol::Http:
        return "HTTP";
    case ListenerProtocol::Https:
        return "HTTPS";
    case ListenerProtocol::Tls:
        return "TLS";
    case ListenerProtocol::Tcp:
        return "TCP";
    case ListenerProtocol::Udp:
        return "UDP";
    case ListenerProtocol::Unsupported:
        break;
    }
    return "unsupported";
}

bool ListenerState::takesKind(std::string_view group, std::string_view kind) const
{
    return std::any_of(kinds.begin(), kinds.end(), [&](const Model::RouteGroupKind &k) {
        return k.groupOrDefault() == group && k.kind == kind;
    });
}

ListenerState evaluateListener(const ResourceIndex &index, const ListenerOwner &owner,
                               const Model::Listener &listener)
{
    ListenerState state;
    state.owner = owner;
    state.spec = &listener;
    state.protocol = parseProtocol(listener.protocol);
    if (listener.hostname && !listener.hostname->empty()) {
        state.hostname = lower(*listener.hostname);
    }
    const std::string mode =
        listener.tls && listener.tls->mode ? *listener.tls->mode : std::string("Terminate");
    state.passthrough = state.protocol == ListenerProtocol::Tls && mode == "Passthrough";
    state.conflicted = Verdict::yes(Reason::NoConflicts, "Listener " + listener.name +
                                                             " does not conflict with any other "
                                                             "listener.");

    if (state.protocol == ListenerProtocol::Unsupported) {
        state.accepted = Verdict::no(Reason::UnsupportedProtocol,
                                     "Protocol " + listener.protocol +
                                         " is not supported; Torii serves HTTP, HTTPS, TLS, "
                                         "TCP and UDP.");
        return state;
    }
    if (listener.port < 1 || listener.port > 65535) {
        state.accepted =
            Verdict::no(Reason::PortUnavailable, "Port " + std::to_string(listener.port) +
                                                     " is not a valid port (1-65535).");
        return state;
    }
    if (state.protocol == ListenerProtocol::Https && mode != "Terminate") {
        state.accepted =
            Verdict::no(Reason::UnsupportedValue,
                        "HTTPS listeners terminate TLS; tls.mode " + mode + " is not supported.");
        return state;
    }
    if (state.protocol == ListenerProtocol::Tls && mode != "Terminate" && mode != "Passthrough") {
        state.accepted =
            Verdict::no(Reason::UnsupportedValue, "tls.mode " + mode + " is not a TLS mode.");
        return state;
    }
    const bool terminates = state.protocol == ListenerProtocol::Https ||
                            (state.protocol == ListenerProtocol::Tls && !state.passthrough);
    if (terminates) {
        checkCertificates(index, owner, listener, state);
    }
    resolveKinds(listener, state);
    state.accepted = Verdict::yes(Reason::Accepted, "Listener " + listener.name + " is valid.");
    return state;
}

Model::ListenerStatus ListenerState::toStatus(const ConditionContext &context) const
{
    Model::ListenerStatus status;
    status.name = spec->name;
    // A listener that takes no traffic supports no kinds (the conformance suite expects an
    // empty list for unsupported and conflicted listeners).
    status.supportedKinds = isAccepted() ? kinds : std::vector<Model::RouteGroupKind>{};
    status.attachedRoutes = static_cast<std::int32_t>(attachedRoutes.size());

    const Verdict acceptedVerdict = !accepted.ok     ? accepted
                                    : !conflicted.ok ? conflicted
                                                     : accepted;
    status.conditions.push_back(makeCondition(ConditionType::Accepted, acceptedVerdict, context));

    Verdict programmed = Verdict::yes(Reason::Programmed, "Listener " + name() + " is programmed.");
    if (!conflicted.ok) {
        programmed = Verdict::no(conflicted.reason, conflicted.message);
    } else if (!accepted.ok) {
        programmed =
            Verdict::no(Reason::Invalid, "The listener is not accepted: " + accepted.message);
    } else if (!resolvedRefs()) {
        programmed = Verdict::no(Reason::Invalid, "The listener has unresolved references: " +
                                                      refProblems.front().message);
    }
    status.conditions.push_back(makeCondition(ConditionType::Programmed, programmed, context));

    Verdict refs = Verdict::yes(Reason::ResolvedRefs,
                                "All references of listener " + name() + " are resolved.");
    if (!refProblems.empty()) {
        std::string message;
        for (const Verdict &problem : refProblems) {
            message += (message.empty() ? "" : " ") + problem.message;
        }
        refs = Verdict::no(refProblems.front().reason, message);
    }
    status.conditions.push_back(makeCondition(ConditionType::ResolvedRefs, refs, context));

    // Conflicted is a negative-polarity condition: True means conflicted.
    status.conditions.push_back(makeCondition(ConditionType::Conflicted, !conflicted.ok,
                                              conflicted.reason, conflicted.message, context));
    return status;
}

} // namespace Torii::Controller::Internal
