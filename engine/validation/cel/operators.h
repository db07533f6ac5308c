#pragma once

#include "value.h"

#include <string_view>

namespace Torii::Validation::Cel::Internal {

// CEL operators on evaluated operands. The callers handle Error operands first (they propagate),
// so these functions assume neither operand is an Error.

// Heterogeneous equality as cel-go has it for Kubernetes: numbers compare across int, uint and
// double; lists and maps compare deeply; values of different types are simply not equal.
bool valuesEqual(const Value &a, const Value &b);

// <, <=, >, >= : `op` is one of "<", "<=", ">", ">=". Bool result or a no-such-overload Error.
Value compareValues(std::string_view op, const Value &a, const Value &b);

// +, -, *, /, % : `op` is the operator character.
Value arithmetic(char op, const Value &a, const Value &b);

Value negate(const Value &a);

// `a in b`: element of a list, key of a map.
Value contains(const Value &a, const Value &b);

// The standard message of a missing overload, with the operand types to help the rule author.
Value noSuchOverload(std::string_view function, const Value &a);
Value noSuchOverload(std::string_view function, const Value &a, const Value &b);

} // namespace Torii::Validation::Cel::Internal
