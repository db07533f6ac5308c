#include "condition.h"

namespace Torii::Model {

namespace {

constexpr auto conditionFields = [](auto &v, auto &s) {
    v.field("type", s.type);
    v.field("status", s.status);
    v.field("observedGeneration", s.observedGeneration);
    v.field("lastTransitionTime", s.lastTransitionTime);
    v.field("reason", s.reason);
    v.field("message", s.message);
};

} // namespace

TORII_MODEL_DEFINE_CODEC(Condition, conditionFields)

const Condition *findCondition(const std::vector<Condition> &conditions, std::string_view type)
{
    for (const Condition &condition : conditions) {
        if (condition.type == type) {
            return &condition;
        }
    }
    return nullptr;
}

const Condition *findCondition(const std::optional<std::vector<Condition>> &conditions,
                               std::string_view type)
{
    return conditions ? findCondition(*conditions, type) : nullptr;
}

} // namespace Torii::Model
