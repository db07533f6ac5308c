#include "conversion.h"

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

} // namespace Torii::Convert
