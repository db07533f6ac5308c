#include "conversion.h"

#include <cctype>
#include <charconv>

namespace Torii::Convert {

std::string appendPointer(const std::string &base, std::string_view token)
{
    std::string out = base;
    out.reserve(base.size() + token.size() + 2);
    out += '/';
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string appendPointer(const std::string &base, std::size_t index)
{
    return base + '/' + std::to_string(index);
}

std::string textOf(const Model::Node &n)
{
    if (n.isString()) {
        return n.str();
    }
    return n.isScalar() && !n.isNull() ? n.asString() : std::string();
}

std::optional<std::int64_t> integerOf(const Model::Node &n)
{
    if (n.isInt()) {
        return n.asInt();
    }
    if (n.isFloat()) {
        return static_cast<std::int64_t>(n.asDouble());
    }
    if (n.isString()) {
        std::int64_t v = 0;
        const std::string &s = n.str();
        auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec == std::errc() && ptr == s.data() + s.size()) {
            return v;
        }
    }
    return std::nullopt;
}

std::string kubernetesName(std::string_view raw, std::size_t maxLength)
{
    std::string out;
    for (char c : raw) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) {
            out += static_cast<char>(std::tolower(u));
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    if (out.size() > maxLength) {
        out.resize(maxLength);
    }
    while (!out.empty() && out.back() == '-') {
        out.pop_back();
    }
    return out;
}

} // namespace Torii::Convert
