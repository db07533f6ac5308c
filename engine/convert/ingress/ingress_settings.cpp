#include "ingress_settings.h"

#include <cctype>
#include <charconv>

namespace Torii::Convert::Ingress {

void AnnotationReader::note(Core::Severity severity, const char *code, Core::Text message,
                            Core::Text hint, const SourcePlace &at) const
{
    if (!notes) {
        return;
    }
    Core::Diagnostic d = Core::makeDiagnostic(severity, code, std::move(message), std::move(hint));
    d.file = file;
    d.fieldPath = at.path;
    d.line = static_cast<int>(at.mark.line);
    d.column = static_cast<int>(at.mark.column);
    notes->push_back(std::move(d));
}

bool parseBool(const std::string &text, bool *ok)
{
    const std::string t = trimmed(text);
    for (const char *yes : {"1", "t", "T", "true", "TRUE", "True", "on", "On", "ON"}) {
        if (t == yes) {
            *ok = true;
            return true;
        }
    }
    for (const char *no : {"0", "f", "F", "false", "FALSE", "False", "off", "Off", "OFF"}) {
        if (t == no) {
            *ok = true;
            return false;
        }
    }
    *ok = false;
    return false;
}

bool parseInteger(const std::string &text, long long *value)
{
    const std::string t = trimmed(text);
    if (t.empty()) {
        return false;
    }
    const char *first = t.data();
    if (*first == '+') {
        ++first;
    }
    const auto [end, error] = std::from_chars(first, t.data() + t.size(), *value);
    return error == std::errc() && end == t.data() + t.size();
}

std::string trimmed(const std::string &text)
{
    std::size_t b = 0;
    std::size_t e = text.size();
    while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) {
        ++b;
    }
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) {
        --e;
    }
    return text.substr(b, e - b);
}

std::vector<std::string> splitList(const std::string &text, char separator)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = text.find(separator, start);
        const std::string item =
            trimmed(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (!item.empty()) {
            out.push_back(item);
        }
        if (end == std::string::npos) {
            break;
        }
        start = end + 1;
    }
    return out;
}

} // namespace Torii::Convert::Ingress
