#pragma once

#include <QtCore/QStringList>

namespace Torii::Cli {

// toriictl test --cases FILE|DIR... --status-only [--conformance] [--manifests-root DIR]
//               [-o junit FILE] [--accept-all-classes] [--verbose]
// Prints one line per test (PASS name / FAIL name: reason / SKIP name: reason) and last the line
// "N passed, M failed, K skipped". Exit: 0 nothing failed, 1 a test failed, 2 unusable input
// (bad command line, unreadable or invalid case file, unreadable manifest) or a run that needs the
// live gateway (without --status-only).
int runTest(const QStringList &arguments);

} // namespace Torii::Cli
