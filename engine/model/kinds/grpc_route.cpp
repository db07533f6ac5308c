#include "grpc_route.h"

namespace Torii::Model {

namespace {

constexpr auto methodMatchFields = [](auto &v, auto &s) {
    v.field("type", s.type);
    v.field("service", s.service);
    v.field("method", s.method);
};

constexpr auto headerMatchFields = [](auto &v, auto &s) {
    v.field("type", s.type);
    v.field("name", s.name);
    v.field("value", s.value);
};

constexpr auto routeMatchFields = [](auto &v, auto &s) {
    v.field("method", s.method);
    v.field("headers", s.headers);
};

constexpr auto filterFields = [](auto &v, auto &s) {
    v.field("type", s.type);
    v.field("requestHeaderModifier", s.requestHeaderModifier);
    v.field("responseHeaderModifier", s.responseHeaderModifier);
    v.field("requestMirror", s.requestMirror);
    v.field("extensionRef", s.extensionRef);
};

constexpr auto backendRefFields = [](auto &v, auto &s) {
    Internal::backendRefFields(v, s);
    v.field("filters", s.filters);
};

constexpr auto ruleFields = [](auto &v, auto &s) {
    v.field("name", s.name);
    v.field("matches", s.matches);
    v.field("filters", s.filters);
    v.field("backendRefs", s.backendRefs);
    v.field("sessionPersistence", s.sessionPersistence);
};

constexpr auto specFields = [](auto &v, auto &s) {
    Internal::commonRouteSpecFields(v, s);
    v.field("hostnames", s.hostnames);
    v.field("rules", s.rules);
};

} // namespace

TORII_MODEL_DEFINE_CODEC(GRPCMethodMatch, methodMatchFields)
TORII_MODEL_DEFINE_CODEC(GRPCHeaderMatch, headerMatchFields)
TORII_MODEL_DEFINE_CODEC(GRPCRouteMatch, routeMatchFields)
TORII_MODEL_DEFINE_CODEC(GRPCRouteFilter, filterFields)
TORII_MODEL_DEFINE_CODEC(GRPCBackendRef, backendRefFields)
TORII_MODEL_DEFINE_CODEC(GRPCRouteRule, ruleFields)
TORII_MODEL_DEFINE_CODEC(GRPCRouteSpec, specFields)
TORII_MODEL_DEFINE_CODEC(GRPCRoute, Internal::gatewayObjectFields)

} // namespace Torii::Model
