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
class Http2ClientConnection;
struct Http2Handover;
class UpgradeTunnel;
struct UpgradeHandover;
class Http1UpstreamPool;
class Http2UpstreamPool;
class MirrorSender;

// What every connection of one worker shares: its loop, its snapshot cache, its upstream pool,
// its endpoint chooser (round-robin counters), its event ring. Thread: the worker's only (nothing here is shared
// with another worker: no locks on the request path). Ownership: the LoopWorker owns it and
// outlives every connection.
struct TableTraits
{
    bool retries = false;
    bool mirrors = false;
    bool h2c = false; // some backendRef speaks h2c (appProtocol kubernetes.io/h2c)
};
// Scans every row of `table` (defined beside its first user, http1_client_connection.cpp; the
// HTTP/2 client path caches it the same way, in LoopWorkerContext::tableTraits).
TableTraits scanTable(const RouteTable::RouteTable &table);

struct LoopWorkerContext
{
    Net::EventLoop *loop = nullptr; // not owned
    std::unique_ptr<SnapshotCache> snapshots;
    Http::Limits limits;
    std::function<double()> random;
    EndpointChooser endpointChooser;
    Http1UpstreamPool *pool = nullptr;   // owned by the LoopWorker
    Http2UpstreamPool *h2Pool = nullptr; // h2c endpoints' connections; owned by the LoopWorker
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
    // HTTP/2 (http2_client_connection.h): a connection that turned out to speak it is handed
    // over (the preface, ALPN h2, an h2c upgrade); retired the same way when done.
    std::function<void(Http2Handover &&)> startHttp2;
    std::function<void(Http2ClientConnection *)> retireHttp2;
    // A routed WebSocket upgrade (upgrade_tunnel.h), retired the same way when it ends.
    std::function<void(UpgradeHandover &&)> startTunnel;
    std::function<void(UpgradeTunnel *)> retireTunnel;

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
