#pragma once

#include <QtCore/QStringList>

namespace Torii::Cli {

// toriictl graph [-o dot|svg|png] [--output FILE] [--roles] [--accept-all-classes] FILE|DIR...
// The resource hierarchy (GatewayClass → Gateway → Listener → Route → Service, ReferenceGrants,
// policies) as the controller sees it, laid out by Graphviz: DOT text, or SVG/PNG rendered by
// Graphviz. Refused edges are dashed red and labelled with the condition's reason. --roles draws
// one band per role. Exit: 0 when drawn, 2 when the input or the command line is unusable.
int runGraph(const QStringList &arguments);

} // namespace Torii::Cli
