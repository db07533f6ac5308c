#pragma once

#include "engine/model/kinds/api_groups.h"
#include "engine/model/kinds/http_filters.h"
#include "engine/model/kinds/object_meta.h"
#include "engine/model/kinds/route_common.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Torii::Model {

struct GRPCMethodMatch
{
    std::optional<std::string> type; // Exact (default), RegularExpression
    std::optional<std::string> service;
    std::optional<std::string> method;
    Node unknown;

    friend bool operator==(const GRPCMethodMatch &, const GRPCMethodMatch &) = default;
};

struct GRPCHeaderMatch
{
    std::optional<std::string> type; // Exact (default), RegularExpression
    std::string name;
    std::string value;
    Node unknown;

    friend bool operator==(const GRPCHeaderMatch &, const GRPCHeaderMatch &) = default;
};

struct GRPCRouteMatch
{
    std::optional<GRPCMethodMatch> method;
    std::optional<std::vector<GRPCHeaderMatch>> headers;
    Node unknown;

    friend bool operator==(const GRPCRouteMatch &, const GRPCRouteMatch &) = default;
};

struct GRPCRouteFilter
{
    std::string type; // ResponseHeaderModifier, RequestHeaderModifier, RequestMirror, ExtensionRef
    std::optional<HTTPHeaderFilter> requestHeaderModifier;
    std::optional<HTTPHeaderFilter> responseHeaderModifier;
    std::optional<HTTPRequestMirrorFilter> requestMirror;
    std::optional<LocalObjectReference> extensionRef;
    Node unknown;

    friend bool operator==(const GRPCRouteFilter &, const GRPCRouteFilter &) = default;
};

struct GRPCBackendRef : BackendRef
{
    std::optional<std::vector<GRPCRouteFilter>> filters;

    friend bool operator==(const GRPCBackendRef &, const GRPCBackendRef &) = default;
};

struct GRPCRouteRule
{
    std::optional<std::string> name;
    std::optional<std::vector<GRPCRouteMatch>> matches;
    std::optional<std::vector<GRPCRouteFilter>> filters;
    std::optional<std::vector<GRPCBackendRef>> backendRefs;
    std::optional<SessionPersistence> sessionPersistence; // experimental
    Node unknown;

    friend bool operator==(const GRPCRouteRule &, const GRPCRouteRule &) = default;
};

struct GRPCRouteSpec : CommonRouteSpec
{
    std::optional<std::vector<std::string>> hostnames;
    std::optional<std::vector<GRPCRouteRule>> rules;
    Node unknown;

    friend bool operator==(const GRPCRouteSpec &, const GRPCRouteSpec &) = default;
};

using GRPCRouteStatus = RouteStatus;

struct GRPCRoute
{
    static constexpr std::string_view kGroup = kGatewayApiGroup;
    static constexpr std::string_view kKind = "GRPCRoute";
    static constexpr std::string_view kVersion = "v1";

    std::string apiVersion = "gateway.networking.k8s.io/v1";
    std::string kind = "GRPCRoute";
    ObjectMeta metadata;
    GRPCRouteSpec spec;
    std::optional<GRPCRouteStatus> status;
    Node unknown;

    friend bool operator==(const GRPCRoute &, const GRPCRoute &) = default;
};

TORII_MODEL_DECLARE_CODEC(GRPCMethodMatch);
TORII_MODEL_DECLARE_CODEC(GRPCHeaderMatch);
TORII_MODEL_DECLARE_CODEC(GRPCRouteMatch);
TORII_MODEL_DECLARE_CODEC(GRPCRouteFilter);
TORII_MODEL_DECLARE_CODEC(GRPCBackendRef);
TORII_MODEL_DECLARE_CODEC(GRPCRouteRule);
TORII_MODEL_DECLARE_CODEC(GRPCRouteSpec);
TORII_MODEL_DECLARE_CODEC(GRPCRoute);

} // namespace Torii::Model
