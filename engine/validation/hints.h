#pragma once

#include "engine/core/catalog.h"

#include <string_view>

namespace Torii::Validation {

// What to write instead, for a schema keyword that failed ("pattern", "enum", "required" …).
Core::Text hintForSchemaKeyword(std::string_view keyword);

// What to write instead, for a CRD CEL rule, keyed by the rule's message.
Core::Text hintForCelMessage(std::string_view message);

} // namespace Torii::Validation
