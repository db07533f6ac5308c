#include "label_selector.h"

namespace Torii::Model {

namespace {

constexpr auto requirementFields = [](auto &v, auto &s) {
    v.field("key", s.key);
    v.field("operator", s.operator_);
    v.field("values", s.values);
};

constexpr auto selectorFields = [](auto &v, auto &s) {
    v.field("matchLabels", s.matchLabels);
    v.field("matchExpressions", s.matchExpressions);
};

} // namespace

TORII_MODEL_DEFINE_CODEC(LabelSelectorRequirement, requirementFields)
TORII_MODEL_DEFINE_CODEC(LabelSelector, selectorFields)

} // namespace Torii::Model
