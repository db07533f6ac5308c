#pragma once

#include "request_event.h"

#include "engine/http/http1_codec.h"

#include <QtGlobal>

#include <openssl/types.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace Torii::Proxy {

// What a listener speaks. Http: HTTP/1.1, plain or terminating TLS (tlsContext). The others are
// L4 (stream_connection.h, udp_proxy.h): Tcp splices each connection to a backend of the port's
// TCPRoute; TlsPassthrough reads the SNI from the ClientHello and splices the still-encrypted
// bytes to the TLSRoute it selects; TlsTerminate terminates TLS with tlsContext and splices the
// decrypted stream over TCP; Udp keeps a session per client address and port.
enum class ListenerKind { Http, Tcp, TlsPassthrough, TlsTerminate, Udp };

// One listener. HTTP/2 is planned: it will add its own connection class beside
// Http1ClientConnection; the exchange logic (routing, filters, answers) stays shared.
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
    ListenerKind kind = ListenerKind::Http;
};

// "namespace/service:port" → the endpoints serving it, each "127.0.0.1:port" (or "host:port"
// with an IP literal host). An absent or empty entry makes the gateway answer 503.
using EndpointMap = std::map<std::string, std::vector<std::string>>;

// Gateway listener port → the TLS context that port terminates with now (see
// Gateway::setTlsContexts). Ports absent from it keep their ListenerConfig::tlsContext.
using TlsContextMap = std::map<int, std::shared_ptr<SSL_CTX>>;

// The key of a backend in an EndpointMap: "namespace/service:port".
std::string endpointKey(const std::string &ns, const std::string &service, int port);

// A CA the gateway trusts beside the operating system's store for BackendTLSPolicies with
// wellKnownCACertificates: System: the workspace's development CA while `serve --dev-ca` runs mock
// HTTPS backends whose certificates it issued (a simulator stand-in for a public CA, which a mock
// cannot have). Endpoints listed in excludedEndpoints ("127.0.0.1:port": real apps bound with
// --backend) get the system store only.
struct SystemTrustStandIn
{
    std::string certificatePem;
    std::set<std::string> excludedEndpoints;
};

struct GatewayConfig
{
    std::vector<ListenerConfig> listeners;
    Http::Limits limits;                            // request and response parsing limits
    std::chrono::milliseconds connectTimeout{5000}; // upstream TCP connect; elapsed: 502
    // Idle keep-alive upstream connections kept per endpoint and worker. As many as the client
    // connections a worker carries at once, or each burst reconnects (nginx: keepalive 64).
    std::size_t maxIdlePerEndpoint = 64;
    // Worker threads, each with its own event loop, connections and upstream pool. With more
    // than one, every worker listens on every port with SO_REUSEPORT and the kernel spreads the
    // connections. 0 is taken as 1.
    int workers = 1;
    // A request head begun but not complete within this: 408 and close. Also the time a new
    // connection has to complete its TLS handshake.
    std::chrono::milliseconds headerTimeout{30000};
    std::chrono::milliseconds idleTimeout{60000}; // keep-alive connection without a request
    // Per-worker event rings Gateway::drainEvents reads (0: none; events then only go to
    // onEvent). When a ring is full, events are dropped and counted (droppedEvents()).
    std::size_t eventRingCapacity = 0;
    // Uniform in [0, 1), for the weighted backend choice. Called on the worker threads only.
    // Empty: a std::mt19937 seeded from std::random_device. Tests inject a seeded source (with
    // several workers, their calls to it are serialized by a lock).
    std::function<double()> random;
    // Optional; called on the worker thread that served the request (see RequestEvent). Kept for
    // the callers that count events under their own lock; Gateway::drainEvents is the
    // lock-free alternative.
    RequestEventCallback onEvent;
    // L4 listeners (ListenerKind other than Http). A TCP/TLS connection with no byte either way
    // for streamIdleTimeout is closed; a UDP session without a datagram for udpSessionTimeout is
    // forgotten. streamBufferBytes bounds what is held per direction of a connection: reading
    // from one side stops while the other side has that much unsent (backpressure).
    std::chrono::milliseconds streamIdleTimeout{std::chrono::hours(1)};
    std::chrono::milliseconds udpSessionTimeout{60000};
    std::size_t streamBufferBytes = 64 * 1024;
    // UDP: sessions per listener and worker (each worker has its own socket and sessions) and
    // datagrams queued per direction of a session; beyond them
    // new flows and datagrams are dropped and counted (Gateway::droppedDatagrams()).
    std::size_t udpMaxSessions = 4096;
    std::size_t udpQueueDatagrams = 256;
    // BackendTLSPolicy origination: see SystemTrustStandIn. Null: the system store alone.
    std::shared_ptr<const SystemTrustStandIn> systemTrustStandIn;
};

} // namespace Torii::Proxy
