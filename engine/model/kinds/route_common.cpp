#include "route_common.h"

namespace Torii::Model {

namespace {

constexpr auto routeParentStatusFields = [](auto &v, auto &s) {
    v.field("parentRef", s.parentRef);
    v.field("controllerName", s.controllerName);
    v.field("conditions", s.conditions);
};

constexpr auto routeStatusFields = [](auto &v, auto &s) { v.field("parents", s.parents); };

constexpr auto cookieConfigFields = [](auto &v, auto &s) {
    v.field("lifetimeType", s.lifetimeType);
};

constexpr auto sessionPersistenceFields = [](auto &v, auto &s) {
    v.field("sessionName", s.sessionName);
    v.field("absoluteTimeout", s.absoluteTimeout);
    v.field("type", s.type);
    v.field("cookieConfig", s.cookieConfig);
};

} // namespace

TORII_MODEL_DEFINE_CODEC(RouteParentStatus, routeParentStatusFields)
TORII_MODEL_DEFINE_CODEC(RouteStatus, routeStatusFields)
TORII_MODEL_DEFINE_CODEC(CookieConfig, cookieConfigFields)
TORII_MODEL_DEFINE_CODEC(SessionPersistence, sessionPersistenceFields)

} // namespace Torii::Model
