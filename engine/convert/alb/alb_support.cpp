#include "alb_support.h"

#include <cctype>
#include <charconv>

namespace Torii::Convert::Alb::Internal {

Core::Diagnostic noteAt(Core::Severity severity, const char *code, const std::string &file,
                        const Model::Node &at, const std::string &pointer, Core::Text message,
                        Core::Text hint)
{
    Core::Diagnostic d = Core::makeDiagnostic(severity, code, std::move(message), std::move(hint));
    d.file = file;
    d.fieldPath = pointer;
    d.line = static_cast<int>(at.mark().line);
    d.column = static_cast<int>(at.mark().column);
    return d;
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

std::string cfnName(const Model::Node &n)
{
    if (n.isString()) {
        return n.str();
    }
    if (n["Ref"].isString()) {
        return n["Ref"].str();
    }
    const Model::Node &getAtt = n["Fn::GetAtt"];
    if (getAtt.isList() && getAtt.size() > 0) {
        std::string out;
        for (const auto &part : getAtt.items()) {
            out += (out.empty() ? "" : ".") + textOf(part);
        }
        return out;
    }
    return textOf(getAtt);
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

} // namespace Torii::Convert::Alb::Internal
