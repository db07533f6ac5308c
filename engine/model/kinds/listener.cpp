#include "listener.h"

namespace Torii::Model {

namespace {

constexpr auto routeGroupKindFields = [](auto &v, auto &s) {
    v.field("group", s.group);
    v.field("kind", s.kind);
};

constexpr auto routeNamespacesFields = [](auto &v, auto &s) {
    v.field("from", s.from);
    v.field("selector", s.selector);
};

constexpr auto allowedRoutesFields = [](auto &v, auto &s) {
    v.field("namespaces", s.namespaces);
    v.field("kinds", s.kinds);
};

constexpr auto tlsFields = [](auto &v, auto &s) {
    v.field("mode", s.mode);
    v.field("certificateRefs", s.certificateRefs);
    v.field("options", s.options);
};

constexpr auto listenerFields = [](auto &v, auto &s) {
    v.field("name", s.name);
    v.field("hostname", s.hostname);
    v.field("port", s.port);
    v.field("protocol", s.protocol);
    v.field("tls", s.tls);
    v.field("allowedRoutes", s.allowedRoutes);
};

constexpr auto listenerStatusFields = [](auto &v, auto &s) {
    v.field("name", s.name);
    v.field("supportedKinds", s.supportedKinds);
    v.field("attachedRoutes", s.attachedRoutes);
    v.field("conditions", s.conditions);
};

} // namespace

TORII_MODEL_DEFINE_CODEC(RouteGroupKind, routeGroupKindFields)
TORII_MODEL_DEFINE_CODEC(RouteNamespaces, routeNamespacesFields)
TORII_MODEL_DEFINE_CODEC(AllowedRoutes, allowedRoutesFields)
TORII_MODEL_DEFINE_CODEC(ListenerTLSConfig, tlsFields)
TORII_MODEL_DEFINE_CODEC(Listener, listenerFields)
TORII_MODEL_DEFINE_CODEC(ListenerStatus, listenerStatusFields)

} // namespace Torii::Model
