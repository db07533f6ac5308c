#include "ecs_context.h"

#include <cctype>
#include <charconv>

namespace Torii::Convert::Ecs::Internal {

void EcsContext::note(Core::Severity severity, const char *code, const Model::Node &at,
                      const std::string &pointer, Core::Text message, Core::Text hint)
{
    Core::Diagnostic d = Core::makeDiagnostic(severity, code, std::move(message), std::move(hint));
    d.file = m_file;
    d.fieldPath = sourcePointer(pointer);
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
    p.sourcePointer = sourcePointer(pointer);
    p.sourceMark = source.mark();
    p.explanation = std::move(explanation);
    m_out.provenance.push_back(std::move(p));
}

std::string resourceLabel(std::string_view kind, std::string_view name)
{
    return std::string(kind) + ' ' + std::string(name);
}

} // namespace Torii::Convert::Ecs::Internal
