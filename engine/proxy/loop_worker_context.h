#pragma once

#include "gateway_config.h"
#include "request_event.h"
#include "request_event_ring.h"
#include "request_router.h"
#include "shared_state.h"

#include "engine/net/event_loop.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>

namespace Torii::Proxy::Internal {

class Http1ClientConnection;
class Http1UpstreamPool;
class MirrorSender;

// What every connection of one worker shares: its loop, its snapshot cache, its upstream pool,
// its endpoint chooser (round-robin counters), its event ring. Thread: the worker's only (nothing here is shared
// with another worker: no locks on the request path). Ownership: the LoopWorker owns it and
// outlives every connection.
struct TableTraits
{
    bool retries = false;
    bool mirrors = false;
};

struct LoopWorkerContext
{
    Net::EventLoop *loop = nullptr; // not owned
    std::unique_ptr<SnapshotCache> snapshots;
    Http::Limits limits;
    std::function<double()> random;
    EndpointChooser endpointChooser;
    Http1UpstreamPool *pool = nullptr;   // owned by the LoopWorker
    MirrorSender *mirrors = nullptr;     // owned by the LoopWorker
    // What the last table seen uses (a row with `retry`: each request's head is kept for a
    // retry's new decision; a RequestMirror: mirrors are looked up). Cached per table snapshot;
    // held, not pointed at, so a new table at a freed one's address is never taken for it.
    std::shared_ptr<const RouteTable::RouteTable> scannedTable;
    TableTraits tableTraits;
    RequestEventCallback onEvent;        // optional, called on this worker's thread
    RequestEventRing *events = nullptr; // optional; this worker is its only producer
    std::chrono::milliseconds headerTimeout{30000};
    std::chrono::milliseconds idleTimeout{60000};
    std::atomic<std::uint64_t> *tlsFailures = nullptr; // handshakes that failed (the Gateway's)
    // A connection that is done: deleted after the current loop round, never under its own
    // callbacks (upstreams go the same way through the pool).
    std::function<void(Http1ClientConnection *)> retireConnection;

    void publish(RequestEvent &&event)
    {
        if (onEvent) {
            onEvent(event);
        }
        if (events) {
            events->push(std::move(event));
        }
    }
};

} // namespace Torii::Proxy::Internal
