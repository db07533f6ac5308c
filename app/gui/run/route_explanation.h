#pragma once

// Words for the compiled route table, as `toriictl routes --explain` prints them: which route
// row a request lands on and why each row before it did not match.

#include "engine/routetable/route_table.h"

#include <QtCore/QString>

namespace Torii::Gui {

QString routeSourceText(const RouteTable::RouteSource &source); // "HTTPRoute web/shop rule 0 (x)"
QString routeMatchText(const RouteTable::RequestMatch &match);   // "PathPrefix /api, method GET"
QString routeBackendsText(const std::vector<RouteTable::Backend> &backends);
// The whole explanation, one line per row considered, then the verdict.
QString explanationText(const RouteTable::Explanation &explanation);

} // namespace Torii::Gui
