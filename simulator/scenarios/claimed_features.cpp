#include "claimed_features.h"

#include <array>

namespace Torii::Scenarios {

namespace {

// Not claimed, and why:
// - GatewayInfrastructurePropagation: Torii creates no Pods, Services or ServiceAccounts to carry
//   spec.infrastructure labels and annotations.
//
// Claimed for status only (kStatusOnly below): the controller computes their status as the spec
// says, but the local gateway does not apply them yet (engine/proxy/gateway.h), so the requests
// of such a test would pass or fail for the wrong reason. Their status half runs; their request
// half is skipped with the feature named. None today.
// (RequestMirror, HTTPRouteRetry and HTTPRouteCORS are live: the gateway applies them through
// engine/proxy/{mirror,retry,cors}_policy.h and the runner judges them through the mock
// backends' request logs, the echo server's /retry/ path and the response headers.
// HTTPRouteBackendProtocolH2C is live: h2c upstreams in engine/proxy/http2_upstream.h, h2c echo
// backends in simulator/backends/h2c_echo_server.h.)
constexpr std::array<std::string_view, 0> kStatusOnly{};

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
    "HTTPRouteRequestTimeout",
    "HTTPRouteBackendTimeout",
    "HTTPRouteParentRefPort",
    "HTTPRouteDestinationPortMatching",
    "HTTPRouteNamedRouteRule",
    "HTTPRoute303RedirectStatusCode",
    "HTTPRoute307RedirectStatusCode",
    "HTTPRoute308RedirectStatusCode",
    "GRPCRouteNamedRouteRule",
    // Applied by the gateway through their policies (engine/proxy/gateway.h).
    "HTTPRouteRequestMirror",           // mirror_policy.h
    "HTTPRouteRequestMultipleMirrors",  // mirror_policy.h
    "HTTPRouteRequestPercentageMirror", // mirror_policy.h
    "HTTPRouteRetry",                   // retry_policy.h
    "HTTPRouteCORS",                    // cors_policy.h
    "HTTPRouteBackendProtocolH2C",      // http2_upstream.h
    // The gateway tunnels WebSocket upgrades on HTTP and HTTPS listeners (upgrade_tunnel.h), the
    // mock echo answers /ws (simulator/backends/websocket_echo.h), and the runner now tests it:
    // `protocol: websocket` requests with their messages echoed (websocket_requests.h; Torii's
    // own cases in tests/simulator/scenarios/cases/, as ../shared/conformance/cases has none).
    "HTTPRouteBackendProtocolWebSocket",
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
    return isFeatureClaimedForStatusOnly(feature);
}

bool isFeatureClaimedForStatusOnly(std::string_view feature)
{
    for (std::string_view f : kStatusOnly) {
        if (f == feature) {
            return true;
        }
    }
    return false;
}

std::vector<std::string> unservedFeatures(const std::vector<std::string> &required)
{
    std::vector<std::string> out;
    for (const std::string &f : required) {
        if (isFeatureClaimedForStatusOnly(f)) {
            out.push_back(f);
        }
    }
    return out;
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
