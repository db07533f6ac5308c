#pragma once

// The local gateway's data plane: serves a compiled RouteTable as an HTTP/1.1 gateway over plain
// TCP on 127.0.0.1, forwarding to the endpoints of an EndpointMap (the mock backends, or a
// user's local application).
//
// What it does per request: parse (engine/http), look the route up in the current table
// snapshot, apply the row's and the chosen backend's filters (RequestHeaderModifier,
// ResponseHeaderModifier, RequestRedirect, URLRewrite; Unsupported → 500), choose a backend by
// weight and an endpoint round robin, forward with hop-by-hop fields removed plus
// X-Forwarded-For / X-Forwarded-Proto, and stream both bodies. The gateway answers itself, with a
// text/plain body saying why: 404 (no route), 500 (invalid backend, unsupported filter, no
// backend), 503 (no endpoint), 502 (upstream unreachable or broken), 504 (timeouts.request /
// backendRequest), and the codec's 400/413/431/501/505 (then it closes).
//
// Not in this slice (answered normally, as if the filter were absent): RequestMirror, CORS,
// retries (HTTPRoute retry), session persistence. HTTPS, HTTP/2 (h2c), WebSocket upgrades and
// TCP/TLS/UDP routes are planned; an Upgrade request is forwarded as plain HTTP/1.1 and the
// connection closes after it.
//
// Threads: one worker thread (a QThread with its own event loop) creates and owns every
// listening socket and connection; nothing network-related runs on the caller's thread. More
// workers would each own a share of the listeners (or, with SO_REUSEPORT, each listen on every
// port and let the kernel spread connections), each reading the same table snapshot slot.
//
// Ownership: a Gateway is not copyable or movable; its destructor stops it.

#include "gateway_config.h"

#include "engine/routetable/route_table.h"

#include <map>
#include <memory>
#include <string>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace Torii::Proxy {

namespace Internal {
class SharedState;
}

class Gateway
{
public:
    explicit Gateway(GatewayConfig config);
    ~Gateway();
    Gateway(const Gateway &) = delete;
    Gateway &operator=(const Gateway &) = delete;

    // Starts the worker and binds every listener; blocks until they are bound (milliseconds).
    // On failure nothing listens, `error` (if given) says why, and false is returned. Calling it
    // while running is an error. A QCoreApplication must exist while the gateway runs.
    // Thread: the owning thread (the one that calls start/stop).
    bool start(std::string *error = nullptr);
    // Closes the listeners and every connection and joins the worker; the ports are free when it
    // returns. Requests in flight are cut. Does nothing when stopped. Thread: the owning thread.
    void stop();
    bool isRunning() const { return m_thread != nullptr; }

    // Gateway port → bound local port, after a successful start() (empty when stopped).
    const std::map<int, quint16> &boundPorts() const { return m_boundPorts; }

    // Replaces the table atomically (STYLE.md point 3): requests whose head arrives afterwards use
    // the new table; a request in flight finishes on the snapshot it started with. Null: every
    // request gets 404. Thread: any; may be called before start().
    void setRouteTable(std::shared_ptr<const RouteTable::RouteTable> table);
    // Replaces the endpoint map the same way. Thread: any.
    void setEndpoints(EndpointMap endpoints);

private:
    GatewayConfig m_config;
    std::shared_ptr<Internal::SharedState> m_shared; // shared with the worker
    std::unique_ptr<QThread> m_thread;               // null when stopped
    std::map<int, quint16> m_boundPorts;
};

} // namespace Torii::Proxy
