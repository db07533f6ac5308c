#pragma once

// The local gateway's data plane: serves a compiled RouteTable as an HTTP/1.1 gateway on
// 127.0.0.1 (plain TCP, or TLS terminated with the listener's SSL_CTX), forwarding to the
// endpoints of an EndpointMap (the mock backends, or a user's local application).
//
// What it does per request: parse (engine/http), look the route up in the current table
// snapshot, apply the row's and the chosen backend's filters (RequestHeaderModifier,
// ResponseHeaderModifier, RequestRedirect, URLRewrite; Unsupported → 500), choose a backend by
// weight and an endpoint round robin, forward with hop-by-hop fields removed plus
// X-Forwarded-For / X-Forwarded-Proto (https on TLS listeners), and stream both bodies. The
// gateway answers itself, with a text/plain body saying why: 404 (no route), 500 (invalid
// backend, unsupported filter, no backend), 503 (no endpoint), 502 (upstream unreachable, broken,
// or not connected within connectTimeout), 504 (timeouts.request / backendRequest), 408 (request
// head not complete within headerTimeout), 421 (TLS: the Host selects another host entry of the
// port than the SNI did), and the codec's 400/413/431/501/505 (then it closes). Keep-alive
// connections idle for idleTimeout are closed; a TLS handshake that fails (or garbage on a TLS
// port) closes the connection quietly and is counted (tlsHandshakeFailures()).
//
// CORS (the rule's filter, cors_policy.h): preflights are answered by the gateway (200 with the
// CORS fields, or 403 for an origin not allowed); actual CORS requests get the fields added to
// the upstream's response.
// Retries (the rule's `retry`, retry_policy.h): a listed status, a connect failure, a reset
// before any response byte or timeouts.backendRequest makes the gateway wait the backoff, re-run
// the backend choice on the kept request head and send it again (bodies up to the policy's
// replay limit; a larger body is streamed and not retried), all within timeouts.request; the
// client sees the last answer only, RequestEvent::attempts counts the requests sent.
// A request sent on a reused idle upstream connection that the endpoint had closed (EOF or reset
// before any response byte) is re-sent once on a fresh connection (not a policy retry).
// RequestMirror (mirror_policy.h): a copy of the upstream head and body goes to one endpoint of
// the mirror backend, fire and forget (mirror_sender.h: answer dropped, bounded, drops counted
// in droppedMirrors()).
// L4 listeners (ListenerConfig::kind: TCP, TLS Passthrough/Terminate, UDP) are served by
// stream_connection.h and udp_proxy.h on the same workers, from the same table snapshots.
// HTTP/2 (http2_client_connection.h): on HTTP listeners with prior knowledge or an "Upgrade: h2c"
// request without a body, on HTTPS listeners by ALPN h2; each stream is one exchange as above
// (retries, mirrors and 1xx excepted); a gRPC request the gateway answers itself gets a
// trailers-only gRPC status (no route 12, no endpoint 14, timeout 4). Backends whose Service
// port says appProtocol kubernetes.io/h2c, and gRPC calls from HTTP/2 clients, are reached over
// HTTP/2 with prior knowledge (http2_upstream.h: one shared connection per endpoint and worker),
// from HTTP/1.1 clients too (trailers as chunked trailers when the client sent TE: trailers).
// Not in this slice: session persistence; WebSocket upgrades are planned (an Upgrade request
// other than h2c is forwarded as plain HTTP/1.1 and the connection closes after it).
//
// How it runs: GatewayConfig::workers threads (std::thread), each with its own epoll EventLoop
// (engine/net), its own listening sockets (SO_REUSEPORT when several), connections, upstream
// pool, round-robin counters and event ring: no locks on the request path. The table and
// endpoint snapshots are read through a per-worker cache that only takes the SharedState lock
// after a publish (a generation counter). No Qt in the data plane.
//
// Ownership: a Gateway is not copyable or movable; its destructor stops it.

#include "gateway_config.h"

#include "engine/routetable/route_table.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace Torii::Proxy {

class RequestEventRing;

namespace Internal {
class SharedState;
class LoopWorker;
}

class Gateway
{
public:
    explicit Gateway(GatewayConfig config);
    ~Gateway();
    Gateway(const Gateway &) = delete;
    Gateway &operator=(const Gateway &) = delete;

    // Binds every listener and starts the workers; returns once they are bound (milliseconds).
    // On failure nothing listens, `error` (if given) says why, and false is returned. Calling it
    // while running is an error. Thread: the owning thread (the one that calls start/stop).
    bool start(std::string *error = nullptr);
    // Closes the listeners and every connection and joins the workers; the ports are free when
    // it returns. Requests in flight are cut. Does nothing when stopped. Thread: the owning one.
    void stop();
    bool isRunning() const { return !m_threads.empty(); }

    // Gateway port → bound local port, after a successful start() (empty when stopped).
    const std::map<int, quint16> &boundPorts() const { return m_boundPorts; }

    // Replaces the table atomically (STYLE.md point 3): requests whose head arrives afterwards use
    // the new table; a request in flight finishes on the snapshot it started with. Null: every
    // request gets 404. Thread: any; may be called before start().
    void setRouteTable(std::shared_ptr<const RouteTable::RouteTable> table);
    // Replaces the endpoint map the same way. Thread: any.
    void setEndpoints(EndpointMap endpoints);
    // Replaces the certificates of TLS listeners the same way (an edited Secret, a renewed
    // development certificate): connections accepted afterwards handshake with the new context,
    // open ones keep theirs (an SSL holds its own reference to the context it began with).
    // Ports that are not TLS listeners are ignored. Thread: any.
    void setTlsContexts(TlsContextMap contexts);

    // The finished requests queued in the workers' event rings (eventRingCapacity > 0), oldest
    // first per worker, up to `max`; returns how many were passed to `sink`. Thread: the owning
    // one (a single consumer); works after stop() for what was left.
    std::size_t drainEvents(const std::function<void(const RequestEvent &)> &sink,
                            std::size_t max = SIZE_MAX);
    // Events dropped because a ring was full (since construction).
    std::uint64_t droppedEvents() const;
    // TLS handshakes that failed (garbage, no shared cipher, closed early), since construction.
    std::uint64_t tlsHandshakeFailures() const { return m_tlsFailures.load(); }
    // Mirrored copies dropped because a mirror could not keep up (too many copies in flight, or
    // too many bytes queued towards one), since construction.
    std::uint64_t droppedMirrors() const { return m_mirrorDrops.load(); }
    // UDP datagrams dropped (no route or endpoint for a new flow, too many sessions, a full
    // queue, too large), since construction.
    std::uint64_t droppedDatagrams() const { return m_udpDrops.load(); }

private:
    GatewayConfig m_config;
    std::shared_ptr<Internal::SharedState> m_shared;
    std::vector<std::unique_ptr<Internal::LoopWorker>> m_workers;
    std::vector<std::thread> m_threads; // empty when stopped
    std::vector<std::unique_ptr<RequestEventRing>> m_rings; // one per worker of the last start
    std::uint64_t m_droppedBefore = 0; // drops of rings replaced by a later start()
    std::atomic<std::uint64_t> m_tlsFailures{0};
    std::atomic<std::uint64_t> m_mirrorDrops{0};
    std::atomic<std::uint64_t> m_udpDrops{0};
    std::map<int, quint16> m_boundPorts;
};

} // namespace Torii::Proxy
