#include "diagnostic.h"

#include <algorithm>

namespace Torii::Core {

const char *severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        return "note";
    }
    return "error";
}

std::string Diagnostic::toCompilerStyle() const
{
    std::string out = file.empty() ? std::string("<input>") : file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) {
            out += ':' + std::to_string(column);
        }
    }
    out += ": ";
    out += severityName(severity);
    out += ": ";
    if (!fieldPath.empty()) {
        out += fieldPath + ": ";
    }
    out += message;
    if (!code.empty()) {
        out += " [" + code + ']';
    }
    return out;
}

std::string Diagnostic::localizedMessage() const
{
    return messageText.isEmpty() ? message : messageText.localized();
}

std::string Diagnostic::localizedHint() const
{
    return hintText.isEmpty() ? hint : hintText.localized();
}

Diagnostic makeDiagnostic(Severity severity, std::string code, Text message, Text hint)
{
    Diagnostic d;
    d.severity = severity;
    d.code = std::move(code);
    d.message = message.english();
    d.hint = hint.english();
    d.messageText = std::move(message);
    d.hintText = std::move(hint);
    return d;
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.isError(); });
}

int countOf(const Diagnostics &diagnostics, Severity severity)
{
    return static_cast<int>(
        std::count_if(diagnostics.begin(), diagnostics.end(),
                      [severity](const Diagnostic &d) { return d.severity == severity; }));
}

} // namespace Torii::Core
