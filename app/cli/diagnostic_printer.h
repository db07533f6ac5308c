#pragma once

#include "engine/core/diagnostic.h"

#include <QtCore/QByteArray>

namespace Torii::Cli {

// Compiler-style text ("file:line:col: error: path: message [code]" and an indented hint line),
// in the user's language where the message comes from Torii's catalog.
QByteArray diagnosticsAsText(const Core::Diagnostics &diagnostics, bool withHints);

// One JSON document: {"diagnostics": [{severity, code, message, hint, path, file, line,
// column, rule}], "summary": {...}} — stable field names for scripts.
QByteArray diagnosticsAsJson(const Core::Diagnostics &diagnostics, int objects, int files);

} // namespace Torii::Cli
