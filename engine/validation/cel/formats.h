#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace Torii::Validation::Cel::Internal {

// The Kubernetes CEL format library (apiserver/pkg/cel/library/format.go): the validators of
// k8s.io/apimachinery, with their messages, written out by hand (no regex engine needed).
// lookupFormat() (functions.h) maps names to the ids used here.

// The error messages for `value`; empty when it is valid.
std::vector<std::string> validateFormat(int formatId, std::string_view value);

} // namespace Torii::Validation::Cel::Internal
