#include "scalar_resolver.h"

#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <string_view>

namespace Torii::Yaml {

namespace {

bool isOneOf(std::string_view s, std::initializer_list<std::string_view> words)
{
    for (std::string_view w : words) {
        if (s == w) {
            return true;
        }
    }
    return false;
}

bool parseInteger(std::string_view s, std::int64_t &out)
{
    std::string digits;
    digits.reserve(s.size());
    for (char c : s) {
        if (c != '_') {
            digits += c;
        }
    }
    std::string_view d = digits;
    bool negative = false;
    if (!d.empty() && (d.front() == '+' || d.front() == '-')) {
        negative = d.front() == '-';
        d.remove_prefix(1);
    }
    if (d.empty()) {
        return false;
    }
    int base = 10;
    if (d.size() > 2 && d[0] == '0' && (d[1] == 'x' || d[1] == 'X')) {
        base = 16;
        d.remove_prefix(2);
    } else if (d.size() > 2 && d[0] == '0' && (d[1] == 'o' || d[1] == 'O')) {
        base = 8;
        d.remove_prefix(2);
    } else if (d.size() > 2 && d[0] == '0' && (d[1] == 'b' || d[1] == 'B')) {
        base = 2;
        d.remove_prefix(2);
    } else if (d.size() > 1 && d[0] == '0') {
        base = 8; // YAML 1.1 octal, as go-yaml v2 reads it
        d.remove_prefix(1);
    }
    std::uint64_t magnitude = 0;
    const auto [ptr, ec] = std::from_chars(d.data(), d.data() + d.size(), magnitude, base);
    if (ec != std::errc() || ptr != d.data() + d.size()) {
        return false;
    }
    if (negative) {
        if (magnitude > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1) {
            return false;
        }
        out = static_cast<std::int64_t>(0 - magnitude);
    } else {
        if (magnitude > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return false;
        }
        out = static_cast<std::int64_t>(magnitude);
    }
    return true;
}

bool looksLikeFloat(std::string_view s)
{
    // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        ++i;
    }
    bool digits = false;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '_')) {
        digits = true;
        ++i;
    }
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '_')) {
            digits = true;
            ++i;
        }
    }
    if (!digits) {
        return false;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
            ++i;
        }
        bool expDigits = false;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
            expDigits = true;
            ++i;
        }
        if (!expDigits) {
            return false;
        }
    }
    return i == s.size();
}

} // namespace

Model::Node resolvePlainScalar(const std::string &text, Model::Mark mark)
{
    using Model::Node;
    const std::string_view s = text;
    if (s.empty() || isOneOf(s, {"~", "null", "Null", "NULL"})) {
        return Node::null(mark);
    }
    if (isOneOf(s, {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"})) {
        return Node::boolean(true, mark);
    }
    if (isOneOf(s, {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"})) {
        return Node::boolean(false, mark);
    }
    const char first = s.front();
    const bool numeric = std::isdigit(static_cast<unsigned char>(first)) || first == '+' ||
                         first == '-' || first == '.';
    if (!numeric) {
        return Node::string(text, mark);
    }
    std::int64_t value = 0;
    if (parseInteger(s, value)) {
        return Node::integer(value, mark);
    }
    if (isOneOf(s, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"})) {
        return Node::floating(std::numeric_limits<double>::infinity(), mark);
    }
    if (isOneOf(s, {"-.inf", "-.Inf", "-.INF"})) {
        return Node::floating(-std::numeric_limits<double>::infinity(), mark);
    }
    if (isOneOf(s, {".nan", ".NaN", ".NAN"})) {
        return Node::floating(std::numeric_limits<double>::quiet_NaN(), mark);
    }
    if (looksLikeFloat(s)) {
        std::string plain;
        for (char c : s) {
            if (c != '_') {
                plain += c;
            }
        }
        return Node::floating(std::strtod(plain.c_str(), nullptr), mark);
    }
    return Node::string(text, mark);
}

bool plainScalarIsNotString(const std::string &text)
{
    return !resolvePlainScalar(text, {}).isString();
}

} // namespace Torii::Yaml
