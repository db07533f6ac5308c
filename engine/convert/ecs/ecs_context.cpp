#include "ecs_context.h"

#include <cctype>
#include <charconv>

namespace Torii::Convert::Ecs::Internal {

void EcsContext::note(Core::Severity severity, const char *code, const Model::Node &at,
                      const std::string &pointer, Core::Text message, Core::Text hint)
{
    Core::Diagnostic d = Core::makeDiagnostic(severity, code, std::move(message), std::move(hint));
    d.file = m_file;
    d.fieldPath = pointer;
    d.line = static_cast<int>(at.mark().line);
    d.column = static_cast<int>(at.mark().column);
    m_out.notes.push_back(std::move(d));
}

void EcsContext::trace(const std::string &targetResource, const std::string &targetPath,
                       const Model::Node &source, const std::string &pointer,
                       Core::Text explanation)
{
    Provenance p;
    p.targetResource = targetResource;
    p.targetPath = targetPath;
    p.sourceFile = m_file;
    p.sourcePointer = pointer;
    p.sourceMark = source.mark();
    p.explanation = std::move(explanation);
    m_out.provenance.push_back(std::move(p));
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

std::string textOf(const Model::Node &n)
{
    if (n.isString()) {
        return n.str();
    }
    return n.isScalar() && !n.isNull() ? n.asString() : std::string();
}

std::string resourceLabel(std::string_view kind, std::string_view name)
{
    return std::string(kind) + ' ' + std::string(name);
}

} // namespace Torii::Convert::Ecs::Internal
