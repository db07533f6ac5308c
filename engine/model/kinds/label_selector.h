#pragma once

#include "engine/model/kinds/node_codec.h"
#include "engine/model/kinds/string_map.h"

#include <optional>
#include <string>
#include <vector>

namespace Torii::Model {

// metav1.LabelSelectorRequirement. `operator` is a C++ keyword, hence `operator_`.
struct LabelSelectorRequirement
{
    std::string key;
    std::string operator_; // In, NotIn, Exists, DoesNotExist
    std::optional<std::vector<std::string>> values;
    Node unknown;

    friend bool operator==(const LabelSelectorRequirement &,
                           const LabelSelectorRequirement &) = default;
};

// metav1.LabelSelector (Gateway allowedRoutes/allowedListeners, Deployment selector).
struct LabelSelector
{
    std::optional<StringMap> matchLabels;
    std::optional<std::vector<LabelSelectorRequirement>> matchExpressions;
    Node unknown;

    friend bool operator==(const LabelSelector &, const LabelSelector &) = default;
};

TORII_MODEL_DECLARE_CODEC(LabelSelectorRequirement);
TORII_MODEL_DECLARE_CODEC(LabelSelector);

} // namespace Torii::Model
