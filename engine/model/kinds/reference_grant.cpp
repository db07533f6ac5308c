#include "reference_grant.h"

namespace Torii::Model {

namespace {

constexpr auto fromFields = [](auto &v, auto &s) {
    v.field("group", s.group);
    v.field("kind", s.kind);
    v.field("namespace", s.namespace_);
};

constexpr auto toFields = [](auto &v, auto &s) {
    v.field("group", s.group);
    v.field("kind", s.kind);
    v.field("name", s.name);
};

constexpr auto specFields = [](auto &v, auto &s) {
    v.field("from", s.from);
    v.field("to", s.to);
};

} // namespace

TORII_MODEL_DEFINE_CODEC(ReferenceGrantFrom, fromFields)
TORII_MODEL_DEFINE_CODEC(ReferenceGrantTo, toFields)
TORII_MODEL_DEFINE_CODEC(ReferenceGrantSpec, specFields)
TORII_MODEL_DEFINE_CODEC(ReferenceGrant, Internal::gatewayObjectFields)

} // namespace Torii::Model
