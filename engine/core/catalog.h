#pragma once

#include <string>
#include <vector>

// The engine's user-visible texts are English templates with %1..%9 placeholders, marked for
// translation with QT_TRANSLATE_NOOP("Diagnostics", "...") (written out: lupdate does not expand
// macros of ours), so that toriictl and the GUI share one
// Japanese catalog (translations/torii_ja.ts). The engine stores the template and its arguments;
// a front end asks for the localized text when it shows it.
#include <QtCore/qglobal.h>

namespace Torii::Core {

// A translatable text: template + arguments. Empty when `source` is null.
struct Text
{
    const char *source =
        nullptr; // static storage, marked with QT_TRANSLATE_NOOP("Diagnostics", ...)
    std::vector<std::string> args;

    bool isEmpty() const { return source == nullptr; }
    std::string english() const;
    std::string localized() const; // through QCoreApplication::translate("Diagnostics", source)
};

Text text(const char *source, std::vector<std::string> args = {});

// Substitutes %1..%9 in `templ` (a UTF-8 string) with `args`.
std::string substitute(const std::string &templ, const std::vector<std::string> &args);

} // namespace Torii::Core
