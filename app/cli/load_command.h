#pragma once

#include <QtCore/QStringList>

namespace Torii::Cli {

// toriictl load FILE|DIR... [--mix MIX.yaml] (--rate R | --concurrency C)
//               (--duration D | --requests N) [--connections N] [--no-keep-alive]
//               [--target HOST:PORT] [--seed N] [--gateway-seed N] [--timeout D]
//               [--series FILE.csv|FILE.json] [-o table|json|csv]
// Serves the design in-process (or uses a running `toriictl serve` with --target), sends the
// request mix open-loop at a rate or closed-loop at a concurrency, prints a progress line on
// stderr once a second, then the table per rule and backend with the chi-square verdict on the
// weights. Exit 0; 1 when some rule's observed split is not consistent with its weights; 2 when
// the input or the command line is unusable.
int runLoad(const QStringList &arguments);

} // namespace Torii::Cli
