#pragma once

#include "value.h"

namespace Torii::Validation::Cel::Internal {

// The type conversion functions int(), uint(), double(), string() and bool(), with cel-go's
// rules: range errors instead of wrapping, Go's strconv parsers and number formatting.
Value toInt(const Value &v);
Value toUint(const Value &v);
Value toDouble(const Value &v);
Value toString(const Value &v);
Value toBool(const Value &v);

} // namespace Torii::Validation::Cel::Internal
