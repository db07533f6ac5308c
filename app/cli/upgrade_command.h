#pragma once

#include <QtCore/QStringList>

namespace Torii::Cli {

// toriictl upgrade [--dry-run] FILE|DIR...
// Rewrites Gateway API objects written with an older version (v1beta1, v1alpha2, v1alpha3) to v1
// in place: only the apiVersion text changes (engine/convert/version_upgrade_rewrite.h), so
// comments, order and formatting stay. The original goes to FILE.bak first; the new text is
// written atomically (QSaveFile). Prints one line per change ("file:line: Kind name: old → new").
// --dry-run writes nothing and prints a unified diff instead.
// Exit: 0 done (or nothing to do), 1 some apiVersion could not be rewritten, 2 unusable input or
// command line.
int runUpgrade(const QStringList &arguments);

} // namespace Torii::Cli
