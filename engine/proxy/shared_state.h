#pragma once

#include "gateway_config.h"

#include "engine/routetable/route_table.h"

#include <memory>
#include <mutex>

namespace Torii::Proxy::Internal {

// The snapshots the owner publishes and the worker reads: the route table and the endpoint map.
// Each is an immutable shared_ptr<const T>; publishing swaps the pointer under a short lock
// (no I/O, no allocation inside it), and a reader keeps the snapshot it took for as long as its
// request lives (STYLE.md point 3). Thread: any.
class SharedState
{
public:
    void setTable(std::shared_ptr<const RouteTable::RouteTable> table)
    {
        std::lock_guard lock(m_mutex);
        m_table.swap(table);
    } // the old table (in `table`) is released outside the lock
    std::shared_ptr<const RouteTable::RouteTable> table() const
    {
        std::lock_guard lock(m_mutex);
        return m_table;
    }
    void setEndpoints(std::shared_ptr<const EndpointMap> endpoints)
    {
        std::lock_guard lock(m_mutex);
        m_endpoints.swap(endpoints);
    }
    std::shared_ptr<const EndpointMap> endpoints() const
    {
        std::lock_guard lock(m_mutex);
        return m_endpoints;
    }

private:
    mutable std::mutex m_mutex;
    std::shared_ptr<const RouteTable::RouteTable> m_table;
    std::shared_ptr<const EndpointMap> m_endpoints = std::make_shared<const EndpointMap>();
};

} // namespace Torii::Proxy::Internal
