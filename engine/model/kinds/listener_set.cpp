#include "listener_set.h"

namespace Torii::Model {

namespace {

constexpr auto specFields = [](auto &v, auto &s) {
    v.field("parentRef", s.parentRef);
    v.field("listeners", s.listeners);
};

constexpr auto statusFields = [](auto &v, auto &s) {
    v.field("conditions", s.conditions);
    v.field("listeners", s.listeners);
};

} // namespace

TORII_MODEL_DEFINE_CODEC(ListenerSetSpec, specFields)
TORII_MODEL_DEFINE_CODEC(ListenerSetStatus, statusFields)
TORII_MODEL_DEFINE_CODEC(ListenerSet, Internal::gatewayObjectFields)

} // namespace Torii::Model
