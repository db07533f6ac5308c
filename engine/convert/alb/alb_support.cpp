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

} // namespace Torii::Convert::Alb::Internal
