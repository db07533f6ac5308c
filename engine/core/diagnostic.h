#pragma once

#include "catalog.h"

#include <string>
#include <vector>

namespace Torii::Core {

enum class Severity { Error, Warning, Info };

const char *severityName(Severity severity);

// One finding about the user's input: what is wrong, where, and what to write instead.
//
// `code` names the check (e.g. "schema.enum", "cel", "yaml.syntax", "lint.annotation"); `message`
// is the text the Kubernetes API server would print where one exists (kept in English, verbatim),
// otherwise the English rendering of the catalog template for `code` (see catalog.h);
// `hint` is advice in the user's language.
struct Diagnostic
{
    Severity severity = Severity::Error;
    std::string code;
    std::string message;
    std::string fieldPath; // e.g. spec.rules[0].matches[1].path.value
    std::string file;
    int line = 0;   // 1-based; 0 = unknown
    int column = 0; // 1-based; 0 = unknown
    std::string hint;
    std::string rule; // the CRD rule or schema keyword that produced it
    // The translatable forms of `message` and `hint` (empty Text: the English text is verbatim,
    // e.g. a CRD's own message, and is shown as is in every language).
    Text messageText;
    Text hintText;

    std::string localizedMessage() const;
    std::string localizedHint() const;

    bool isError() const { return severity == Severity::Error; }
    // "file:line:col: error: message [code]"
    std::string toCompilerStyle() const;
};

// A diagnostic whose message and hint come from the translatable catalog.
Diagnostic makeDiagnostic(Severity severity, std::string code, Text message, Text hint = {});

using Diagnostics = std::vector<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);
int countOf(const Diagnostics &diagnostics, Severity severity);

} // namespace Torii::Core
