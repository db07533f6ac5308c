#pragma once

#include <QtCore/QStringList>

namespace Torii::Cli {

// toriictl serve [--any-port] [--duration SECONDS] [--backend NS/NAME=127.0.0.1:PORT]...
//                [--accept-all-classes] FILE|DIR...
// Runs the design as a live local gateway: the controller's tables on 127.0.0.1 (listener port
// + 10000 below 1024), one mock echo backend per replica of every Service the routes name.
// Prints the listener → local address table and a curl line, serves until SIGINT/SIGTERM or the
// duration, then prints what it served. Exit 0, or 2 when nothing can be served.
int runServe(const QStringList &arguments);

} // namespace Torii::Cli
