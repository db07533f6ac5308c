#include "conditions.h"

namespace Torii::Controller::Internal {

Verdict Verdict::yes(std::string_view reason, std::string message)
{
    return Verdict{true, std::string(reason), std::move(message)};
}

Verdict Verdict::no(std::string_view reason, std::string message)
{
    return Verdict{false, std::string(reason), std::move(message)};
}

std::int64_t generationOf(const Model::ObjectMeta &meta)
{
    return meta.generation.value_or(1);
}

Model::Condition makeCondition(std::string_view type, bool status, std::string_view reason,
                               std::string message, const ConditionContext &context)
{
    Model::Condition condition;
    condition.type = std::string(type);
    condition.status =
        std::string(status ? Model::ConditionStatus::True : Model::ConditionStatus::False);
    condition.observedGeneration = context.generation;
    condition.lastTransitionTime = context.transitionTime;
    condition.reason = std::string(reason);
    condition.message = std::move(message);
    return condition;
}

Model::Condition makeCondition(std::string_view type, const Verdict &verdict,
                               const ConditionContext &context)
{
    return makeCondition(type, verdict.ok, verdict.reason, verdict.message, context);
}

std::string joinList(const std::vector<std::string> &items)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += i + 1 == items.size() ? " and " : ", ";
        }
        out += items[i];
    }
    return out;
}

} // namespace Torii::Controller::Internal
