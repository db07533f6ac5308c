#pragma once

#include "engine/model/kinds/node_codec.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Torii::Model {

// metav1.Condition, as every Gateway API status uses it (list-map keyed by `type`).
struct Condition
{
    std::string type;
    std::string status; // ConditionStatus::True / False / Unknown
    std::optional<std::int64_t> observedGeneration;
    std::string lastTransitionTime; // RFC 3339 date-time
    std::string reason;
    std::string message;
    Node unknown; // entries not in the schema, or of the wrong shape (see node_codec.h)

    friend bool operator==(const Condition &, const Condition &) = default;
};

namespace ConditionStatus {
inline constexpr std::string_view True = "True";
inline constexpr std::string_view False = "False";
inline constexpr std::string_view Unknown = "Unknown";
} // namespace ConditionStatus

TORII_MODEL_DECLARE_CODEC(Condition);

// The condition of the given type, or nullptr.
const Condition *findCondition(const std::vector<Condition> &conditions, std::string_view type);
const Condition *findCondition(const std::optional<std::vector<Condition>> &conditions,
                               std::string_view type);

} // namespace Torii::Model
