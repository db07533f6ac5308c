#pragma once

#include "engine/routetable/route_table.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace Torii::Proxy {

// One finished request as the gateway saw it: what metrics, the GUI's traffic view and
// `toriictl serve` read. Value type.
struct RequestEvent
{
    int gatewayPort = 0; // the Gateway API listener port (not the local port)
    std::string method;
    std::string target;             // as the client sent it
    std::string hostnameKey;        // the host entry chosen ("" when none matched)
    bool routed = false;            // false: no route matched (then `route` is empty)
    RouteTable::RouteSource route;  // the row that answered
    std::string backend;            // "namespace/service:port", "" when none was chosen
    std::string endpoint;           // "127.0.0.1:port", "" when none was contacted
    int status = 0;                 // the status sent to the client (0: none was sent)
    bool localAnswer = false;       // the gateway answered itself (404, 5xx, redirect, 4xx)
    std::uint64_t bytesIn = 0;      // request body bytes received from the client (decoded)
    std::uint64_t bytesOut = 0;     // response body bytes sent to the client (decoded)
    std::int64_t latencyMicros = 0; // from the request head to the last response byte queued
    int attempts = 1;               // requests sent to backends for it (retries: 1 + retries)
    int mirrors = 0;                // mirrored copies started for it (RequestMirror)
    std::string_view protocol = "HTTP/1.1"; // the client's: "HTTP/1.1" or "HTTP/2" (a literal)
};

// Called on the gateway's worker thread that served the request, once per request, after its
// answer was queued (with several workers: on several threads at once). It must be quick and
// must not call back into the Gateway. The lock-free alternative is GatewayConfig::
// eventRingCapacity with Gateway::drainEvents (per-worker rings, drained on the owner's thread).
using RequestEventCallback = std::function<void(const RequestEvent &)>;

} // namespace Torii::Proxy
