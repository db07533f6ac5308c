#pragma once

#include "value.h"

#include <cstdint>
#include <string_view>

namespace re2 {
class RE2;
}

namespace Torii::Validation::Cel::Internal {

// Every callable function. The receiver of a member call (x.f(y)) is passed as the first
// argument, so f(x, y) and x.f(y) reach the same implementation.
enum class FunctionId : std::uint8_t {
    // Global conversions and predicates
    Size,
    Int,
    Uint,
    Double,
    String,
    Bool,
    Dyn,
    Type,
    Duration,
    IsIp,
    Ip,
    IsCidr,
    Cidr,
    IsUrl,
    Matches,
    // Strings (cel-go strings extension, as enabled by Kubernetes)
    Contains,
    StartsWith,
    EndsWith,
    Substring,
    Split,
    LowerAscii,
    UpperAscii,
    Trim,
    IndexOf,
    LastIndexOf,
    CharAt,
    Replace,
    Join,
    Reverse,
    // Durations
    GetHours,
    GetMinutes,
    GetSeconds,
    GetMilliseconds,
    // Kubernetes format library: format.<name>().validate(s)
    Validate,
    // Kubernetes IP / CIDR library
    Family,
    IsUnspecified,
    IsLoopback,
    IsLinkLocalMulticast,
    IsLinkLocalUnicast,
    IsGlobalUnicast,
    ContainsIp,
    ContainsCidr,
    CidrIp,
    PrefixLength,
    Masked,
    // Kubernetes lists library
    IsSorted,
    Sum,
    Min,
    Max,
};

// The most arguments any function takes, receiver included.
constexpr int kMaxCallArguments = 4;

// Finds the function called `name` with `argumentCount` arguments (receiver excluded) in the
// member (x.f()) or global (f()) style. False when there is no such declaration.
bool lookupFunction(std::string_view name, bool member, int argumentCount, FunctionId *id);

// Whether a name is a declared function in either style (for better compile messages).
bool isFunctionName(std::string_view name);

// Calls a function on evaluated arguments, none of which is an Error. `regex` is the
// pre-compiled pattern of matches() when the pattern is a literal, else nullptr.
Value callFunction(FunctionId id, const Value *args, int count, const re2::RE2 *regex);

// Kubernetes format.<name>(): the id of a named format, or -1.
int lookupFormat(std::string_view name);

} // namespace Torii::Validation::Cel::Internal
