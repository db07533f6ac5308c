#include "conversions.h"

#include "duration.h"
#include "network.h"
#include "operators.h"
#include "strings.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace Torii::Validation::Cel::Internal {

Value toInt(const Value &v)
{
    switch (v.kind()) {
    case ValueKind::Int:
        return v;
    case ValueKind::Uint:
        if (v.uintValue() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return Value::error("range error converting " + std::to_string(v.uintValue()) +
                                " to int");
        }
        return Value::integer(static_cast<std::int64_t>(v.uintValue()));
    case ValueKind::Double: {
        const double d = v.doubleValue();
        if (std::isnan(d) || d < -9223372036854775808.0 || d >= 9223372036854775808.0) {
            return Value::error("range error converting " + formatDouble(d) + " to int");
        }
        return Value::integer(static_cast<std::int64_t>(d));
    }
    case ValueKind::String: {
        std::string_view s = v.str();
        std::string_view digits = s;
        if (!digits.empty() && digits[0] == '+') {
            digits.remove_prefix(1);
        }
        std::int64_t out = 0;
        const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), out);
        if (digits.empty() || (digits[0] == '-' && s[0] == '+') || r.ec != std::errc() ||
            r.ptr != digits.data() + digits.size()) {
            const bool range = r.ec == std::errc::result_out_of_range;
            return Value::error("strconv.ParseInt: parsing \"" + std::string(s) +
                                "\": " + (range ? "value out of range" : "invalid syntax"));
        }
        return Value::integer(out);
    }
    case ValueKind::Duration:
        return Value::integer(v.intValue());
    default:
        return noSuchOverload("int", v);
    }
}

Value toUint(const Value &v)
{
    switch (v.kind()) {
    case ValueKind::Uint:
        return v;
    case ValueKind::Int:
        if (v.intValue() < 0) {
            return Value::error("range error converting " + std::to_string(v.intValue()) +
                                " to uint");
        }
        return Value::unsignedInteger(static_cast<std::uint64_t>(v.intValue()));
    case ValueKind::Double: {
        const double d = v.doubleValue();
        if (!(d > -1.0 && d < 18446744073709551616.0)) {
            return Value::error("range error converting " + formatDouble(d) + " to uint");
        }
        return Value::unsignedInteger(static_cast<std::uint64_t>(d));
    }
    case ValueKind::String: {
        const std::string_view s = v.str();
        std::uint64_t out = 0;
        const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
        if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size()) {
            const bool range = r.ec == std::errc::result_out_of_range;
            return Value::error("strconv.ParseUint: parsing \"" + std::string(s) +
                                "\": " + (range ? "value out of range" : "invalid syntax"));
        }
        return Value::unsignedInteger(out);
    }
    default:
        return noSuchOverload("uint", v);
    }
}

Value toDouble(const Value &v)
{
    switch (v.kind()) {
    case ValueKind::Double:
        return v;
    case ValueKind::Int:
        return Value::floating(static_cast<double>(v.intValue()));
    case ValueKind::Uint:
        return Value::floating(static_cast<double>(v.uintValue()));
    case ValueKind::String: {
        std::string_view s = v.str();
        std::string_view body = s;
        bool negative = false;
        if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
            negative = body[0] == '-';
            body.remove_prefix(1);
        }
        std::string lower;
        for (char c : body) {
            lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        if (lower == "inf" || lower == "infinity") {
            const double inf = std::numeric_limits<double>::infinity();
            return Value::floating(negative ? -inf : inf);
        }
        if (lower == "nan") {
            return Value::floating(std::numeric_limits<double>::quiet_NaN());
        }
        double out = 0;
        const auto r = std::from_chars(body.data(), body.data() + body.size(), out);
        if (body.empty() || body[0] == '-' || body[0] == '+' ||
            (r.ec != std::errc() && r.ec != std::errc::result_out_of_range) ||
            r.ptr != body.data() + body.size()) {
            return Value::error("strconv.ParseFloat: parsing \"" + std::string(s) +
                                "\": invalid syntax");
        }
        return Value::floating(negative ? -out : out);
    }
    default:
        return noSuchOverload("double", v);
    }
}

Value toString(const Value &v)
{
    switch (v.kind()) {
    case ValueKind::String:
        return v;
    case ValueKind::Bool:
        return Value::stringRef(v.boolValue() ? "true" : "false");
    case ValueKind::Int:
        return Value::ownedString(std::to_string(v.intValue()));
    case ValueKind::Uint:
        return Value::ownedString(std::to_string(v.uintValue()));
    case ValueKind::Double:
        return Value::ownedString(formatDouble(v.doubleValue()));
    case ValueKind::Duration:
        return Value::ownedString(formatDuration(v.intValue()));
    case ValueKind::Ip:
        return Value::ownedString(formatIp(v.addressBytes(), v.family()));
    case ValueKind::Cidr:
        return Value::ownedString(formatIp(v.addressBytes(), v.family()) + "/" +
                                  std::to_string(v.prefixLength()));
    default:
        return noSuchOverload("string", v);
    }
}

Value toBool(const Value &v)
{
    if (v.kind() == ValueKind::Bool) {
        return v;
    }
    if (v.kind() != ValueKind::String) {
        return noSuchOverload("bool", v);
    }
    const std::string_view s = v.str();
    if (s == "1" || s == "t" || s == "T" || s == "TRUE" || s == "true" || s == "True") {
        return Value::boolean(true);
    }
    if (s == "0" || s == "f" || s == "F" || s == "FALSE" || s == "false" || s == "False") {
        return Value::boolean(false);
    }
    return Value::error("strconv.ParseBool: parsing \"" + std::string(s) + "\": invalid syntax");
}

} // namespace Torii::Validation::Cel::Internal
