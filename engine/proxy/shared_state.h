#pragma once

#include "gateway_config.h"

#include "engine/routetable/route_table.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>

namespace Torii::Proxy::Internal {

// The snapshots the owner publishes and the workers read: the route table, the endpoint map and
// the TLS contexts of the listeners.
// Each is an immutable shared_ptr<const T>; publishing swaps the pointer under a short lock
// (no I/O, no allocation inside it) and bumps a generation counter, and a reader keeps the
// snapshot it took for as long as its request lives (STYLE.md point 3). Thread: any.
//
// The read path is a SnapshotCache per worker: one relaxed-cost atomic load of the generation per
// request, and the lock (plus the shared_ptr copies) only after a publish. Why not
// std::atomic<std::shared_ptr>: libstdc++ 12 implements it with a spin lock inside the control
// block pointer, which costs a locked RMW on every load plus the refcount increment — the
// generation check costs one plain load while nothing changed, which is nearly always.
class SharedState
{
public:
    void setTable(std::shared_ptr<const RouteTable::RouteTable> table)
    {
        {
            std::lock_guard lock(m_mutex);
            m_table.swap(table);
            m_generation.fetch_add(1, std::memory_order_release);
        }
    } // the old table (in `table`) is released outside the lock
    std::shared_ptr<const RouteTable::RouteTable> table() const
    {
        std::lock_guard lock(m_mutex);
        return m_table;
    }
    void setEndpoints(std::shared_ptr<const EndpointMap> endpoints)
    {
        {
            std::lock_guard lock(m_mutex);
            m_endpoints.swap(endpoints);
            m_generation.fetch_add(1, std::memory_order_release);
        }
    }
    std::shared_ptr<const EndpointMap> endpoints() const
    {
        std::lock_guard lock(m_mutex);
        return m_endpoints;
    }
    void setTlsContexts(std::shared_ptr<const TlsContextMap> contexts)
    {
        {
            std::lock_guard lock(m_mutex);
            m_tlsContexts.swap(contexts);
            m_generation.fetch_add(1, std::memory_order_release);
        }
    }
    std::uint64_t generation() const { return m_generation.load(std::memory_order_acquire); }
    // Every snapshot and the generation they belong to, taken together.
    void read(std::shared_ptr<const RouteTable::RouteTable> *table,
              std::shared_ptr<const EndpointMap> *endpoints,
              std::shared_ptr<const TlsContextMap> *tlsContexts, std::uint64_t *generation) const
    {
        std::lock_guard lock(m_mutex);
        *table = m_table;
        *endpoints = m_endpoints;
        *tlsContexts = m_tlsContexts;
        *generation = m_generation.load(std::memory_order_relaxed);
    }

private:
    mutable std::mutex m_mutex;
    std::atomic<std::uint64_t> m_generation{1};
    std::shared_ptr<const RouteTable::RouteTable> m_table;
    std::shared_ptr<const EndpointMap> m_endpoints = std::make_shared<const EndpointMap>();
    std::shared_ptr<const TlsContextMap> m_tlsContexts = std::make_shared<const TlsContextMap>();
};

// One worker's view of the SharedState: re-reads the snapshots only when the generation moved.
// Thread: the worker's only.
class SnapshotCache
{
public:
    explicit SnapshotCache(std::shared_ptr<SharedState> shared)
        : m_shared(std::move(shared))
    {}
    // Brings the cached snapshots up to date (cheap when nothing was published).
    void refresh()
    {
        if (m_shared->generation() != m_generation) {
            m_shared->read(&m_table, &m_endpoints, &m_tlsContexts, &m_generation);
        }
    }
    const std::shared_ptr<const RouteTable::RouteTable> &table() const { return m_table; }
    const std::shared_ptr<const EndpointMap> &endpoints() const { return m_endpoints; }
    const std::shared_ptr<const TlsContextMap> &tlsContexts() const { return m_tlsContexts; }

private:
    std::shared_ptr<SharedState> m_shared;
    std::uint64_t m_generation = 0;
    std::shared_ptr<const RouteTable::RouteTable> m_table;
    std::shared_ptr<const EndpointMap> m_endpoints;
    std::shared_ptr<const TlsContextMap> m_tlsContexts;
};

} // namespace Torii::Proxy::Internal
