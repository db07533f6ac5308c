#pragma once

#include "engine/model/kinds/api_groups.h"
#include "engine/model/kinds/http_filters.h"
#include "engine/model/kinds/object_meta.h"
#include "engine/model/kinds/route_common.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Torii::Model {

struct HTTPPathMatch
{
    std::optional<std::string> type;  // Exact, PathPrefix (default), RegularExpression
    std::optional<std::string> value; // default "/"
    Node unknown;

    friend bool operator==(const HTTPPathMatch &, const HTTPPathMatch &) = default;
};

struct HTTPHeaderMatch
{
    std::optional<std::string> type; // Exact (default), RegularExpression
    std::string name;
    std::string value;
    Node unknown;

    friend bool operator==(const HTTPHeaderMatch &, const HTTPHeaderMatch &) = default;
};

struct HTTPQueryParamMatch
{
    std::optional<std::string> type; // Exact (default), RegularExpression
    std::string name;
    std::string value;
    Node unknown;

    friend bool operator==(const HTTPQueryParamMatch &, const HTTPQueryParamMatch &) = default;
};

struct HTTPRouteMatch
{
    std::optional<HTTPPathMatch> path;
    std::optional<std::vector<HTTPHeaderMatch>> headers;
    std::optional<std::vector<HTTPQueryParamMatch>> queryParams;
    std::optional<std::string> method;
    Node unknown;

    friend bool operator==(const HTTPRouteMatch &, const HTTPRouteMatch &) = default;
};

struct HTTPBackendRef : BackendRef
{
    std::optional<std::vector<HTTPRouteFilter>> filters;

    friend bool operator==(const HTTPBackendRef &, const HTTPBackendRef &) = default;
};

struct HTTPRouteTimeouts
{
    std::optional<std::string> request; // Gateway API Duration ("10s", "1h30m")
    std::optional<std::string> backendRequest;
    Node unknown;

    friend bool operator==(const HTTPRouteTimeouts &, const HTTPRouteTimeouts &) = default;
};

// Experimental.
struct HTTPRouteRetry
{
    std::optional<std::vector<std::int32_t>> codes;
    std::optional<std::int32_t> attempts;
    std::optional<std::string> backoff; // Duration
    Node unknown;

    friend bool operator==(const HTTPRouteRetry &, const HTTPRouteRetry &) = default;
};

struct HTTPRouteRule
{
    std::optional<std::string> name;
    std::optional<std::vector<HTTPRouteMatch>> matches;
    std::optional<std::vector<HTTPRouteFilter>> filters;
    std::optional<std::vector<HTTPBackendRef>> backendRefs;
    std::optional<HTTPRouteTimeouts> timeouts;
    std::optional<HTTPRouteRetry> retry;                  // experimental
    std::optional<SessionPersistence> sessionPersistence; // experimental
    Node unknown;

    friend bool operator==(const HTTPRouteRule &, const HTTPRouteRule &) = default;
};

struct HTTPRouteSpec : CommonRouteSpec
{
    std::optional<std::vector<std::string>> hostnames;
    std::optional<std::vector<HTTPRouteRule>> rules;
    Node unknown;

    friend bool operator==(const HTTPRouteSpec &, const HTTPRouteSpec &) = default;
};

using HTTPRouteStatus = RouteStatus;

struct HTTPRoute
{
    static constexpr std::string_view kGroup = kGatewayApiGroup;
    static constexpr std::string_view kKind = "HTTPRoute";
    static constexpr std::string_view kVersion = "v1";

    std::string apiVersion = "gateway.networking.k8s.io/v1";
    std::string kind = "HTTPRoute";
    ObjectMeta metadata;
    HTTPRouteSpec spec;
    std::optional<HTTPRouteStatus> status;
    Node unknown;

    friend bool operator==(const HTTPRoute &, const HTTPRoute &) = default;
};

TORII_MODEL_DECLARE_CODEC(HTTPPathMatch);
TORII_MODEL_DECLARE_CODEC(HTTPHeaderMatch);
TORII_MODEL_DECLARE_CODEC(HTTPQueryParamMatch);
TORII_MODEL_DECLARE_CODEC(HTTPRouteMatch);
TORII_MODEL_DECLARE_CODEC(HTTPBackendRef);
TORII_MODEL_DECLARE_CODEC(HTTPRouteTimeouts);
TORII_MODEL_DECLARE_CODEC(HTTPRouteRetry);
TORII_MODEL_DECLARE_CODEC(HTTPRouteRule);
TORII_MODEL_DECLARE_CODEC(HTTPRouteSpec);
TORII_MODEL_DECLARE_CODEC(HTTPRoute);

} // namespace Torii::Model
