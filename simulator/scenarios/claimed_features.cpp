#include "claimed_features.h"

namespace Torii::Scenarios {

namespace {

// Not claimed, and why:
// - GatewayInfrastructurePropagation: Torii creates no Pods, Services or ServiceAccounts to carry
//   spec.infrastructure labels and annotations.
constexpr std::string_view kClaimed[] = {
    // Core of every profile.
    "Gateway",
    "GatewayClass",
    "ReferenceGrant",
    "HTTPRoute",
    "GRPCRoute",
    "TLSRoute",
    "TLSRouteModeTerminate",
    "TCPRoute",
    "UDPRoute",
    "ListenerSet",
    "BackendTLSPolicy",
    "BackendTLSPolicySANValidation",
    // Gateway extended.
    "GatewayPort8080",
    "GatewayHTTPListenerIsolation",
    "GatewayAddressEmpty",
    "GatewayStaticAddresses",
    "GatewayFrontendClientCertificateValidation",
    "GatewayFrontendClientCertificateValidationInsecureFallback",
    "GatewayBackendClientCertificate",
    // HTTPRoute extended: what the route table compiles (engine/routetable/route_table.h).
    "HTTPRouteQueryParamMatching",
    "HTTPRouteMethodMatching",
    "HTTPRouteResponseHeaderModification",
    "HTTPRouteBackendRequestHeaderModification",
    "HTTPRoutePortRedirect",
    "HTTPRouteSchemeRedirect",
    "HTTPRoutePathRedirect",
    "HTTPRouteHostRewrite",
    "HTTPRoutePathRewrite",
    "HTTPRouteRequestMirror",
    "HTTPRouteRequestMultipleMirrors",
    "HTTPRouteRequestPercentageMirror",
    "HTTPRouteRequestTimeout",
    "HTTPRouteBackendTimeout",
    "HTTPRouteRetry",
    "HTTPRouteParentRefPort",
    "HTTPRouteDestinationPortMatching",
    "HTTPRouteBackendProtocolH2C",
    "HTTPRouteBackendProtocolWebSocket",
    "HTTPRouteNamedRouteRule",
    "HTTPRouteCORS",
    "HTTPRoute303RedirectStatusCode",
    "HTTPRoute307RedirectStatusCode",
    "HTTPRoute308RedirectStatusCode",
    "GRPCRouteNamedRouteRule",
};

} // namespace

std::span<const std::string_view> claimedFeatures()
{
    return kClaimed;
}

bool isFeatureClaimed(std::string_view feature)
{
    for (std::string_view f : claimedFeatures()) {
        if (f == feature) {
            return true;
        }
    }
    return false;
}

std::vector<std::string> unclaimedFeatures(const std::vector<std::string> &required)
{
    std::vector<std::string> out;
    for (const std::string &f : required) {
        if (!isFeatureClaimed(f)) {
            out.push_back(f);
        }
    }
    return out;
}

} // namespace Torii::Scenarios
