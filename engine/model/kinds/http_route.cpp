#include "http_route.h"

namespace Torii::Model {

namespace {

constexpr auto pathMatchFields = [](auto &v, auto &s) {
    v.field("type", s.type);
    v.field("value", s.value);
};

// HTTPHeaderMatch and HTTPQueryParamMatch.
constexpr auto nameValueMatchFields = [](auto &v, auto &s) {
    v.field("type", s.type);
    v.field("name", s.name);
    v.field("value", s.value);
};

constexpr auto routeMatchFields = [](auto &v, auto &s) {
    v.field("path", s.path);
    v.field("headers", s.headers);
    v.field("queryParams", s.queryParams);
    v.field("method", s.method);
};

constexpr auto backendRefFields = [](auto &v, auto &s) {
    Internal::backendRefFields(v, s);
    v.field("filters", s.filters);
};

constexpr auto timeoutsFields = [](auto &v, auto &s) {
    v.field("request", s.request);
    v.field("backendRequest", s.backendRequest);
};

constexpr auto retryFields = [](auto &v, auto &s) {
    v.field("codes", s.codes);
    v.field("attempts", s.attempts);
    v.field("backoff", s.backoff);
};

constexpr auto ruleFields = [](auto &v, auto &s) {
    v.field("name", s.name);
    v.field("matches", s.matches);
    v.field("filters", s.filters);
    v.field("backendRefs", s.backendRefs);
    v.field("timeouts", s.timeouts);
    v.field("retry", s.retry);
    v.field("sessionPersistence", s.sessionPersistence);
};

constexpr auto specFields = [](auto &v, auto &s) {
    Internal::commonRouteSpecFields(v, s);
    v.field("hostnames", s.hostnames);
    v.field("rules", s.rules);
};

} // namespace

TORII_MODEL_DEFINE_CODEC(HTTPPathMatch, pathMatchFields)
TORII_MODEL_DEFINE_CODEC(HTTPHeaderMatch, nameValueMatchFields)
TORII_MODEL_DEFINE_CODEC(HTTPQueryParamMatch, nameValueMatchFields)
TORII_MODEL_DEFINE_CODEC(HTTPRouteMatch, routeMatchFields)
TORII_MODEL_DEFINE_CODEC(HTTPBackendRef, backendRefFields)
TORII_MODEL_DEFINE_CODEC(HTTPRouteTimeouts, timeoutsFields)
TORII_MODEL_DEFINE_CODEC(HTTPRouteRetry, retryFields)
TORII_MODEL_DEFINE_CODEC(HTTPRouteRule, ruleFields)
TORII_MODEL_DEFINE_CODEC(HTTPRouteSpec, specFields)
TORII_MODEL_DEFINE_CODEC(HTTPRoute, Internal::gatewayObjectFields)

} // namespace Torii::Model
