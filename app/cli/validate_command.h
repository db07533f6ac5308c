#pragma once

#include <QtCore/QStringList>

namespace Torii::Cli {

// toriictl validate [-o text|json] [--no-lint] [--no-hints] FILE|DIR...
// Exit: 0 clean (warnings allowed), 1 any error, 2 input unreadable or unparsable.
int runValidate(const QStringList &arguments);

} // namespace Torii::Cli
