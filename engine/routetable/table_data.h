#pragma once

// What a built RouteTable holds. Shared by the builder (route_table_builder.cpp) and the
// read side (route_table.cpp).

#include "host_index.h"
#include "matchers.h"
#include "row_index.h"

#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace Torii::RouteTable::Internal {

struct HostEntry
{
    std::string key;                            // exact name, "*.suffix" or "*"
    std::vector<const HttpRoute *> routes;      // precedence order
    std::vector<const CompiledMatch *> matches; // parallel to routes
    std::vector<const StreamRoute *> streams;   // precedence order
    RowIndex index;
};

struct PortTable
{
    int port = 0;
    ListenerProtocol protocol = ListenerProtocol::HTTP;
    std::vector<HostEntry> hosts;             // in ListenerView order
    HostIndex httpHosts;                      // over the entries that have HTTP rows
    HostIndex streamHosts;                    // over the entries that have stream routes
    const StreamRoute *firstStream = nullptr; // TCP/UDP: the port's route
};

struct TableData
{
    // Owned rows; host entries point into these (a row under several hostnames is stored once).
    std::deque<HttpRoute> httpRoutes;
    std::deque<StreamRoute> streamRoutes;
    std::vector<std::shared_ptr<const CompiledMatch>> compiled;
    std::vector<PortTable> ports; // ascending port

    const PortTable *find(int port) const;
};

} // namespace Torii::RouteTable::Internal

namespace Torii::RouteTable {

struct RouteTable::Data : Internal::TableData
{
};

} // namespace Torii::RouteTable
