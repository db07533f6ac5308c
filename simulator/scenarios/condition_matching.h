#pragma once

// Matching and describing conditions the way the suite's findConditionInList does: by type, by
// status when the case gives one, by reason when the case gives one. Module-private.

#include "route_test_case.h"

#include "engine/model/node.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace Torii::Scenarios::Internal {

// "Accepted=True (reason Accepted)", "Accepted=True", "Accepted (any status)".
std::string describeExpected(const ExpectedCondition &condition);
// "Accepted=True, Programmed=True (reason Programmed)".
std::string describeExpected(const std::vector<ExpectedCondition> &conditions);
// An actual `conditions` list: "Accepted=False (NotAllowedByListeners), ResolvedRefs=True
// (ResolvedRefs)", or "no conditions".
std::string describeActual(const Model::Node &conditions);

bool hasCondition(const Model::Node &conditions, const ExpectedCondition &expected);
// The first expected condition the list lacks, or nullptr when all are present.
const ExpectedCondition *firstMissing(const Model::Node &conditions,
                                      const std::vector<ExpectedCondition> &expected);

struct StaleCondition
{
    std::string type;
    std::string observedGeneration; // "absent" when the condition has none
};
// The first condition whose observedGeneration is not `generation`.
std::optional<StaleCondition> firstStale(const Model::Node &conditions, std::int64_t generation);

// Quoted text, or "(absent)" for a missing/null value.
std::string quotedOrAbsent(const Model::Node *value);

} // namespace Torii::Scenarios::Internal
