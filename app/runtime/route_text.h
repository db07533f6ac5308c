#pragma once

// Words for the compiled route table, shared by `toriictl routes` (its table and --explain) and
// the GUI's request tester, so both describe a route row and a lookup the same way: which row a
// request lands on and why each row before it did not match.
//
// Translation context: "RouteExplanation" (the Gateway API words — kinds, match types, filter
// names — stay English).

#include "engine/routetable/route_table.h"

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <vector>

namespace Torii::Runtime {

QString routeSourceText(const RouteTable::RouteSource &source); // "HTTPRoute web/shop rule 0 (x) match 1"
QString routeMatchText(const RouteTable::RequestMatch &match);   // "PathPrefix /api, method GET"
// "web/v1:8080 (90%), web/v2:8080 (10%)", or "no backend".
QString routeBackendsText(const std::vector<RouteTable::Backend> &backends);
// The explanation, one line per row considered after the host line, then the verdict.
QStringList explanationLines(const RouteTable::Explanation &explanation);

} // namespace Torii::Runtime
