#pragma once

#include <QtCore/QStringList>

namespace Torii::Cli {

// toriictl portability [-o table|json] FILE|DIR...
// The Gateway API features the design uses (conformance feature names) and, for each, the
// implementations whose conformance report says they pass it (v1.6 reports; v1.5 for an
// implementation without one, marked), then the implementations that pass them all. The facts are
// the table Torii ships (engine/export/portability.h).
// Exit: 0 listed, 2 unusable input or command line.
int runPortability(const QStringList &arguments);

} // namespace Torii::Cli
