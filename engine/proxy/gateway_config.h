#pragma once

#include "request_event.h"

#include "engine/http/http1_codec.h"

#include <QtGlobal>

#include <openssl/types.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace Torii::Proxy {

// One plain-TCP HTTP/1.1 listener. HTTPS termination, HTTP/2 and L4 listeners are planned: they
// will add a protocol (and certificates) here, and their own connection class beside
// ClientConnection; routing and filters stay shared.
struct ListenerConfig
{
    int gatewayPort = 80;                  // the Gateway API listener port, as in the table
    std::string bindAddress = "127.0.0.1"; // an IP literal
    quint16 localPort = 0;                 // 0: the OS picks a free port
    // Null: plain HTTP. Otherwise the listener terminates TLS with this context, which carries
    // every certificate of the Gateway listeners sharing this port and picks one by SNI
    // (engine/tls builds it). The request's Host must then belong to the listener the SNI chose
    // (421 otherwise).
    std::shared_ptr<SSL_CTX> tlsContext;
};

// "namespace/service:port" → the endpoints serving it, each "127.0.0.1:port" (or "host:port"
// with an IP literal host). An absent or empty entry makes the gateway answer 503.
using EndpointMap = std::map<std::string, std::vector<std::string>>;

// The key of a backend in an EndpointMap: "namespace/service:port".
std::string endpointKey(const std::string &ns, const std::string &service, int port);

struct GatewayConfig
{
    std::vector<ListenerConfig> listeners;
    Http::Limits limits;                            // request and response parsing limits
    std::chrono::milliseconds connectTimeout{5000}; // upstream TCP connect; elapsed: 502
    std::size_t maxIdlePerEndpoint = 8;             // idle keep-alive upstream connections kept
    // Uniform in [0, 1), for the weighted backend choice. Called on the worker thread only.
    // Empty: a std::mt19937 seeded from std::random_device. Tests inject a seeded source.
    std::function<double()> random;
    RequestEventCallback onEvent; // optional; see RequestEvent
};

} // namespace Torii::Proxy
