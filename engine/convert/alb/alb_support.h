#pragma once

// Small readers the ALB converter's parts share. Module-private.

#include "engine/core/diagnostic.h"
#include "engine/model/node.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace Torii::Convert::Alb::Internal {

// A note at `at`'s line:col in `file`, with `pointer` as the field path.
Core::Diagnostic noteAt(Core::Severity severity, const char *code, const std::string &file,
                        const Model::Node &at, const std::string &pointer, Core::Text message,
                        Core::Text hint = {});

// A scalar's text; "" for null, lists and maps.
std::string textOf(const Model::Node &n);

// A number written as a number or as a string ("10").
std::optional<std::int64_t> integerOf(const Model::Node &n);

// What a CloudFormation value names: a plain string (a short-form `!Ref X` reads as "X"), or the
// target of {"Ref": X} / {"Fn::GetAtt": [X, Attr]}; "" otherwise.
std::string cfnName(const Model::Node &n);

// A DNS-1123 label made of `raw`, at most `maxLength` characters ("" when nothing is left).
std::string kubernetesName(std::string_view raw, std::size_t maxLength = 63);

} // namespace Torii::Convert::Alb::Internal
