#include "catalog.h"

#include <QtCore/QCoreApplication>

namespace Torii::Core {

std::string substitute(const std::string &templ, const std::vector<std::string> &args)
{
    std::string out;
    out.reserve(templ.size() + 16);
    for (std::size_t i = 0; i < templ.size(); ++i) {
        const char c = templ[i];
        if (c == '%' && i + 1 < templ.size() && templ[i + 1] >= '1' && templ[i + 1] <= '9') {
            const std::size_t index = static_cast<std::size_t>(templ[i + 1] - '1');
            if (index < args.size()) {
                out += args[index];
            }
            ++i;
            continue;
        }
        out += c;
    }
    return out;
}

Text text(const char *source, std::vector<std::string> args)
{
    return Text{source, std::move(args)};
}

std::string Text::english() const
{
    return source ? substitute(source, args) : std::string();
}

std::string Text::localized() const
{
    if (!source) {
        return {};
    }
    const QString translated = QCoreApplication::translate("Diagnostics", source);
    return substitute(translated.toStdString(), args);
}

} // namespace Torii::Core
