#pragma once

#include <QtCore/QStringList>

namespace Torii::Cli {

// toriictl convert SOURCE [-o yaml|json] [--explain] [--namespace NS] [--gateway-class NAME]
//                  FILE|DIR...
// Turns another tool's configuration into Kubernetes / Gateway API objects: the objects on
// stdout, the notes (what has no equivalent, what was guessed) on stderr in compiler style;
// --explain adds, for every generated field, where it came from and why (YAML comments after
// the documents, so the output stays applicable; on stderr with -o json).
// Exit: 0 converted, 1 converted with error notes, 2 unusable input or command line.
int runConvert(const QStringList &arguments);

// Converters plug in through app/runtime/converter_registry (shared with the studio).

} // namespace Torii::Cli
