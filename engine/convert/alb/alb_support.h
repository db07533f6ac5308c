#pragma once

// Small readers the ALB converter's parts share. Module-private.

#include "engine/convert/conversion.h"
#include "engine/core/diagnostic.h"
#include "engine/model/node.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace Torii::Convert::Alb::Internal {

// Shared by every converter (engine/convert/conversion.h).
using Convert::integerOf;
using Convert::kubernetesName;
using Convert::textOf;

// A note at `at`'s line:col in `file`, with `pointer` as the field path.
Core::Diagnostic noteAt(Core::Severity severity, const char *code, const std::string &file,
                        const Model::Node &at, const std::string &pointer, Core::Text message,
                        Core::Text hint = {});

// What a CloudFormation value names: a plain string (a short-form `!Ref X` reads as "X"), or the
// target of {"Ref": X} / {"Fn::GetAtt": [X, Attr]}; "" otherwise.
std::string cfnName(const Model::Node &n);

} // namespace Torii::Convert::Alb::Internal
