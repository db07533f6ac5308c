#include "l4_routes.h"

namespace Torii::Model {

namespace {

// TCPRouteRule, UDPRouteRule, TLSRouteRule.
constexpr auto ruleFields = [](auto &v, auto &s) {
    v.field("name", s.name);
    v.field("backendRefs", s.backendRefs);
};

// TCPRouteSpec, UDPRouteSpec.
constexpr auto specFields = [](auto &v, auto &s) {
    Internal::commonRouteSpecFields(v, s);
    v.field("rules", s.rules);
};

constexpr auto tlsSpecFields = [](auto &v, auto &s) {
    Internal::commonRouteSpecFields(v, s);
    v.field("hostnames", s.hostnames);
    v.field("rules", s.rules);
};

} // namespace

TORII_MODEL_DEFINE_CODEC(TCPRouteRule, ruleFields)
TORII_MODEL_DEFINE_CODEC(TCPRouteSpec, specFields)
TORII_MODEL_DEFINE_CODEC(TCPRoute, Internal::gatewayObjectFields)
TORII_MODEL_DEFINE_CODEC(UDPRouteRule, ruleFields)
TORII_MODEL_DEFINE_CODEC(UDPRouteSpec, specFields)
TORII_MODEL_DEFINE_CODEC(UDPRoute, Internal::gatewayObjectFields)
TORII_MODEL_DEFINE_CODEC(TLSRouteRule, ruleFields)
TORII_MODEL_DEFINE_CODEC(TLSRouteSpec, tlsSpecFields)
TORII_MODEL_DEFINE_CODEC(TLSRoute, Internal::gatewayObjectFields)

} // namespace Torii::Model
