#pragma once

// The vocabulary of Gateway API status: condition types and reasons exactly as the API's Go
// constants spell them (gateway_types.go, gatewayclass_types.go, listenerset_types.go,
// shared_types.go, policy_types.go, backendtlspolicy_types.go of v1.6.1), and the one helper
// that builds a metav1.Condition. Using these names, never literals, keeps a typo out of status.

#include "engine/model/kinds/condition.h"
#include "engine/model/kinds/object_meta.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace Torii::Controller::Internal {

namespace ConditionType {
inline constexpr std::string_view Accepted = "Accepted";
inline constexpr std::string_view Programmed = "Programmed";
inline constexpr std::string_view ResolvedRefs = "ResolvedRefs";
inline constexpr std::string_view Conflicted = "Conflicted";
inline constexpr std::string_view SupportedVersion = "SupportedVersion";
inline constexpr std::string_view PartiallyInvalid = "PartiallyInvalid";
inline constexpr std::string_view InsecureFrontendValidationMode = "InsecureFrontendValidationMode";
} // namespace ConditionType

namespace Reason {
// Shared by several kinds.
inline constexpr std::string_view Accepted = "Accepted";
inline constexpr std::string_view Programmed = "Programmed";
inline constexpr std::string_view ResolvedRefs = "ResolvedRefs";
inline constexpr std::string_view Invalid = "Invalid";
inline constexpr std::string_view Pending = "Pending";
inline constexpr std::string_view RefNotPermitted = "RefNotPermitted";
inline constexpr std::string_view InvalidKind = "InvalidKind";
inline constexpr std::string_view UnsupportedValue = "UnsupportedValue";
inline constexpr std::string_view ListenersNotValid = "ListenersNotValid";
inline constexpr std::string_view InvalidParameters = "InvalidParameters";
// GatewayClass.
inline constexpr std::string_view SupportedVersion = "SupportedVersion";
// Gateway.
inline constexpr std::string_view UnsupportedAddress = "UnsupportedAddress";
inline constexpr std::string_view AddressNotAssigned = "AddressNotAssigned";
inline constexpr std::string_view AddressNotUsable = "AddressNotUsable";
inline constexpr std::string_view InvalidClientCertificateRef = "InvalidClientCertificateRef";
inline constexpr std::string_view ListenersNotResolved = "ListenersNotResolved";
inline constexpr std::string_view ConfigurationChanged = "ConfigurationChanged";
// Listener (and ListenerEntry).
inline constexpr std::string_view PortUnavailable = "PortUnavailable";
inline constexpr std::string_view UnsupportedProtocol = "UnsupportedProtocol";
inline constexpr std::string_view NoValidCACertificate = "NoValidCACertificate";
inline constexpr std::string_view HostnameConflict = "HostnameConflict";
inline constexpr std::string_view ProtocolConflict = "ProtocolConflict";
inline constexpr std::string_view NoConflicts = "NoConflicts";
inline constexpr std::string_view InvalidCertificateRef = "InvalidCertificateRef";
inline constexpr std::string_view InvalidRouteKinds = "InvalidRouteKinds";
inline constexpr std::string_view InvalidCACertificateRef = "InvalidCACertificateRef";
inline constexpr std::string_view InvalidCACertificateKind = "InvalidCACertificateKind";
// ListenerSet.
inline constexpr std::string_view NotAllowed = "NotAllowed";
inline constexpr std::string_view ParentNotAccepted = "ParentNotAccepted";
inline constexpr std::string_view ParentNotProgrammed = "ParentNotProgrammed";
// Route parents.
inline constexpr std::string_view NotAllowedByListeners = "NotAllowedByListeners";
inline constexpr std::string_view NoMatchingListenerHostname = "NoMatchingListenerHostname";
inline constexpr std::string_view NoMatchingParent = "NoMatchingParent";
inline constexpr std::string_view BackendNotFound = "BackendNotFound";
// Policies.
inline constexpr std::string_view Conflicted = "Conflicted";
} // namespace Reason

// Everything a condition takes from its object and the reconcile call.
struct ConditionContext
{
    std::int64_t generation = 1; // metadata.generation, 1 when absent
    std::string transitionTime;  // ControllerOptions::transitionTime
};

// A yes/no verdict with the reason and sentence that explain it; what a condition is made from.
struct Verdict
{
    bool ok = true;
    std::string reason;
    std::string message;

    static Verdict yes(std::string_view reason, std::string message);
    static Verdict no(std::string_view reason, std::string message);
};

// metadata.generation, or 1 when the object has none (the API server starts every object at 1;
// the conformance checks compare observedGeneration with it).
std::int64_t generationOf(const Model::ObjectMeta &meta);

// A condition with status "True" when `status` is true, else "False".
Model::Condition makeCondition(std::string_view type, bool status, std::string_view reason,
                               std::string message, const ConditionContext &context);
Model::Condition makeCondition(std::string_view type, const Verdict &verdict,
                               const ConditionContext &context);

// "a, b and c" — for messages that list names.
std::string joinList(const std::vector<std::string> &items);

} // namespace Torii::Controller::Internal
