#include "node_reader.h"

#include <algorithm>

namespace Torii::Model {

NodeReader::NodeReader(std::string file, Core::Diagnostics &diagnostics, Vocabulary vocabulary)
    : m_file(std::move(file))
    , m_diagnostics(diagnostics)
    , m_vocabulary(vocabulary)
{}

void NodeReader::report(Core::Severity severity, Mark mark, const char *code, Core::Text message)
{
    Core::Diagnostic d = Core::makeDiagnostic(severity, code, std::move(message));
    d.file = m_file;
    d.line = static_cast<int>(mark.line);
    d.column = static_cast<int>(mark.column);
    m_diagnostics.push_back(std::move(d));
    if (severity == Core::Severity::Error) {
        ++m_errors;
    }
}

void NodeReader::error(Mark mark, const char *code, Core::Text message)
{
    report(Core::Severity::Error, mark, code, std::move(message));
}

std::string NodeReader::scalar(const Node &n, const char *field)
{
    if (!n.isScalar() || n.isNull()) {
        error(n.mark(), m_vocabulary.typeCode,
              Core::text(QT_TRANSLATE_NOOP("Diagnostics", "%1 must be a single value"), {field}));
        return {};
    }
    return n.asString();
}

void NodeReader::warnUnknownKeys(const Node &map, const std::vector<std::string_view> &known)
{
    for (const Node::Entry &entry : map.entries()) {
        if (std::find(known.begin(), known.end(), entry.key) == known.end()) {
            report(Core::Severity::Warning, entry.keyMark, m_vocabulary.unknownFieldCode,
                   Core::text(m_vocabulary.unknownFieldMessage, {entry.key}));
        }
    }
}

} // namespace Torii::Model
