#pragma once

#include "engine/model/kinds/api_groups.h"
#include "engine/model/kinds/object_meta.h"
#include "engine/model/kinds/route_common.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// TCPRoute, UDPRoute and TLSRoute: rules are a name and plain backendRefs (no matches, no
// filters). In v1 their rules and rule backendRefs are required.
namespace Torii::Model {

struct TCPRouteRule
{
    std::optional<std::string> name;
    std::vector<BackendRef> backendRefs;
    Node unknown;

    friend bool operator==(const TCPRouteRule &, const TCPRouteRule &) = default;
};

struct TCPRouteSpec : CommonRouteSpec
{
    std::vector<TCPRouteRule> rules;
    Node unknown;

    friend bool operator==(const TCPRouteSpec &, const TCPRouteSpec &) = default;
};

using TCPRouteStatus = RouteStatus;

struct TCPRoute
{
    static constexpr std::string_view kGroup = kGatewayApiGroup;
    static constexpr std::string_view kKind = "TCPRoute";
    static constexpr std::string_view kVersion = "v1";

    std::string apiVersion = "gateway.networking.k8s.io/v1";
    std::string kind = "TCPRoute";
    ObjectMeta metadata;
    TCPRouteSpec spec;
    std::optional<TCPRouteStatus> status;
    Node unknown;

    friend bool operator==(const TCPRoute &, const TCPRoute &) = default;
};

struct UDPRouteRule
{
    std::optional<std::string> name;
    std::vector<BackendRef> backendRefs;
    Node unknown;

    friend bool operator==(const UDPRouteRule &, const UDPRouteRule &) = default;
};

struct UDPRouteSpec : CommonRouteSpec
{
    std::vector<UDPRouteRule> rules;
    Node unknown;

    friend bool operator==(const UDPRouteSpec &, const UDPRouteSpec &) = default;
};

using UDPRouteStatus = RouteStatus;

struct UDPRoute
{
    static constexpr std::string_view kGroup = kGatewayApiGroup;
    static constexpr std::string_view kKind = "UDPRoute";
    static constexpr std::string_view kVersion = "v1";

    std::string apiVersion = "gateway.networking.k8s.io/v1";
    std::string kind = "UDPRoute";
    ObjectMeta metadata;
    UDPRouteSpec spec;
    std::optional<UDPRouteStatus> status;
    Node unknown;

    friend bool operator==(const UDPRoute &, const UDPRoute &) = default;
};

struct TLSRouteRule
{
    std::optional<std::string> name;
    std::vector<BackendRef> backendRefs;
    Node unknown;

    friend bool operator==(const TLSRouteRule &, const TLSRouteRule &) = default;
};

struct TLSRouteSpec : CommonRouteSpec
{
    // Required in v1 but optional in v1alpha2, which the experimental channel still serves:
    // optional here so that a v1alpha2 object without hostnames round-trips.
    std::optional<std::vector<std::string>> hostnames;
    std::vector<TLSRouteRule> rules;
    Node unknown;

    friend bool operator==(const TLSRouteSpec &, const TLSRouteSpec &) = default;
};

using TLSRouteStatus = RouteStatus;

struct TLSRoute
{
    static constexpr std::string_view kGroup = kGatewayApiGroup;
    static constexpr std::string_view kKind = "TLSRoute";
    static constexpr std::string_view kVersion = "v1";

    std::string apiVersion = "gateway.networking.k8s.io/v1";
    std::string kind = "TLSRoute";
    ObjectMeta metadata;
    TLSRouteSpec spec;
    std::optional<TLSRouteStatus> status;
    Node unknown;

    friend bool operator==(const TLSRoute &, const TLSRoute &) = default;
};

TORII_MODEL_DECLARE_CODEC(TCPRouteRule);
TORII_MODEL_DECLARE_CODEC(TCPRouteSpec);
TORII_MODEL_DECLARE_CODEC(TCPRoute);
TORII_MODEL_DECLARE_CODEC(UDPRouteRule);
TORII_MODEL_DECLARE_CODEC(UDPRouteSpec);
TORII_MODEL_DECLARE_CODEC(UDPRoute);
TORII_MODEL_DECLARE_CODEC(TLSRouteRule);
TORII_MODEL_DECLARE_CODEC(TLSRouteSpec);
TORII_MODEL_DECLARE_CODEC(TLSRoute);

} // namespace Torii::Model
