#pragma once

// Field paths as the case files' patch actions write them: `spec.rules[0].backendRefs[0].name`,
// with `["a.b/c"]` for a map key that holds dots, and `[-]` (JSON Pointer's "-") for a new item
// at the end of a list, which the steps told in notes use ("append to spec.listeners {…}",
// prose_steps.h). Module-private.

#include "engine/model/node.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace Torii::Scenarios::Internal {

// A map key or a list index (kAppendIndex: a new item at the end of the list).
using PathSegment = std::variant<std::string, std::size_t>;
inline constexpr std::size_t kAppendIndex = static_cast<std::size_t>(-1);

// Splits the path; false (and `error` set, in English) when it is malformed.
bool parseFieldPath(std::string_view path, std::vector<PathSegment> &segments, std::string &error);

// Sets `value` at `path` below `root`, merge-patch style: maps on the way are created, a null
// value removes the key, a list index must exist (or be `[-]`, which appends; a missing list on
// the way is then created). Returns an English error text or "".
std::string setAtPath(Model::Node &root, std::string_view path, const Model::Node &value);

} // namespace Torii::Scenarios::Internal
