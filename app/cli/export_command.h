#pragma once

#include <QtCore/QStringList>

namespace Torii::Cli {

// toriictl export [--split none|role|kind] [--output DIR|FILE] [--include-secrets]
//                 [--channel standard|experimental] FILE|DIR...
// kubectl-ready YAML of a workspace (engine/export's manifest export): canonical, status
// stripped, in apply order; objects the studio made up never, Secrets with private keys only with
// --include-secrets. Without --output (and --split none) the YAML goes to the standard output;
// with a split, --output names the folder to write the files into. Warnings (what the cluster
// will reject or ignore, what was left out) go to the standard error.
// Exit: 0 exported cleanly, 1 exported but the cluster will reject something, 2 unusable input
// or command line (nothing written).
int runExport(const QStringList &arguments);

} // namespace Torii::Cli
