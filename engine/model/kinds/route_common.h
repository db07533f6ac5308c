#pragma once

#include "engine/model/kinds/condition.h"
#include "engine/model/kinds/references.h"

#include <optional>
#include <string>
#include <vector>

// What every route kind shares (Go shared_types.go): parentRefs, parent status, session
// persistence.
namespace Torii::Model {

// Embedded in every *RouteSpec (they derive from it, so `spec.parentRefs` reads as in YAML).
// Has no `unknown` of its own: the deriving spec holds the leftovers.
struct CommonRouteSpec
{
    std::optional<std::vector<ParentReference>> parentRefs;
    std::optional<std::string> useDefaultGateways; // experimental: All, None

    friend bool operator==(const CommonRouteSpec &, const CommonRouteSpec &) = default;
};

struct RouteParentStatus
{
    ParentReference parentRef;
    std::string controllerName;
    std::vector<Condition> conditions;
    Node unknown;

    friend bool operator==(const RouteParentStatus &, const RouteParentStatus &) = default;
};

// Status of every route kind (HTTPRouteStatus … embed it and add nothing).
struct RouteStatus
{
    std::vector<RouteParentStatus> parents;
    Node unknown;

    friend bool operator==(const RouteStatus &, const RouteStatus &) = default;
};

// Experimental.
struct CookieConfig
{
    std::optional<std::string> lifetimeType; // Permanent, Session (default)
    Node unknown;

    friend bool operator==(const CookieConfig &, const CookieConfig &) = default;
};

// Experimental (HTTPRouteRule, GRPCRouteRule).
struct SessionPersistence
{
    std::optional<std::string> sessionName;
    std::optional<std::string> absoluteTimeout; // Gateway API Duration
    std::optional<std::string> type;            // Cookie (default), Header
    std::optional<CookieConfig> cookieConfig;
    Node unknown;

    friend bool operator==(const SessionPersistence &, const SessionPersistence &) = default;
};

TORII_MODEL_DECLARE_CODEC(RouteParentStatus);
TORII_MODEL_DECLARE_CODEC(RouteStatus);
TORII_MODEL_DECLARE_CODEC(CookieConfig);
TORII_MODEL_DECLARE_CODEC(SessionPersistence);

namespace Internal {

inline constexpr auto commonRouteSpecFields = [](auto &v, auto &s) {
    v.field("parentRefs", s.parentRefs);
    v.field("useDefaultGateways", s.useDefaultGateways);
};

} // namespace Internal

} // namespace Torii::Model
