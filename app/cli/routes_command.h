#pragma once

#include <QtCore/QStringList>

namespace Torii::Cli {

// toriictl routes [--accept-all-classes] [--gateway NS/NAME]
//                 [--explain METHOD URL [-H 'name: value']...] FILE|DIR...
// The compiled route table of every Gateway, per listener port and host, in precedence order;
// with --explain, which row a request lands on and why every row before it did not match.
int runRoutes(const QStringList &arguments);

} // namespace Torii::Cli
