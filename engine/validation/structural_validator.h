#pragma once

#include "schema.h"

#include "engine/core/diagnostic.h"
#include "engine/model/node.h"

#include <string>

namespace Torii::Validation {

struct StructuralResult
{
    // The object as the API server would store it: nulls dropped, unknown fields pruned,
    // schema defaults applied. CEL rules run on this tree.
    Model::Node defaulted;
    Core::Diagnostics diagnostics;
    // A required, enum, maxLength, maxItems, maxProperties or type error was found: the API server
    // then evaluates no CEL rule at all.
    bool blocksCel = false;
};

// Checks `object` against a CRD's structural schema the way the Kubernetes API server does
// (kubectl's strict field validation included): types, enums, patterns, formats, lengths,
// bounds, required fields, list-type set/map uniqueness, oneOf/anyOf/not, unknown fields with a
// "did you mean". `metadata` is not descended into (see object_meta_checks.h).
// Diagnostics carry `file` and the position of the offending value or key.
// `flagExperimental`: warn about experimental-channel fields and values (standard channel).
StructuralResult validateStructure(const Model::Node &object, const SchemaNode &root,
                                   const std::string &file, bool flagExperimental = true);

// Levenshtein distance, for "did you mean".
int editDistance(std::string_view a, std::string_view b);

} // namespace Torii::Validation
