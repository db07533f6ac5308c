#pragma once

// Decides what happens to one request head: a local answer (404, 500, 503, redirect) or a
// forward to one endpoint with the upstream head ready to send. Pure apart from the random
// source and the round-robin counters it is given: no sockets, no clock.

#include "gateway_config.h"
#include "local_answers.h"

#include "engine/http/http1_codec.h"
#include "engine/routetable/route_table.h"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace Torii::Proxy::Internal {

// Picks the endpoint of a backendRef, round-robin over the Service's endpoints. Not
// thread-safe: owned by the worker.
//
// Every forwarded request needs its backend's key ("ns/service:port") and endpoint list; building
// the key and finding it in the map cost an allocation, string compares and a string hash per
// request. Bound to the worker's current (table, endpoint map) snapshot, the chooser resolves each
// backendRef of that table once, by its address. It holds the snapshot it resolved against, so a
// later table or map at a freed one's address is never taken for it; anything else (unbound
// callers, another snapshot) takes the same path without the cache. Positions are kept by key,
// so a table swap does not restart the rotation.
class EndpointChooser
{
public:
    // One endpoint of a Service, split once per snapshot (not per request or connection).
    struct Endpoint
    {
        std::string address; // "127.0.0.1:8080", as the endpoint map has it
        std::string host;    // "127.0.0.1" (an IPv6 literal without its brackets)
        quint16 port = 0;    // 0: the address is not host:port
    };
    // One backendRef resolved against an endpoint map.
    struct Target
    {
        std::string key;                 // "ns/service:port"
        std::vector<Endpoint> endpoints; // empty: none
        std::size_t *position = nullptr; // into m_positions (node-stable)
    };

    void bind(const std::shared_ptr<const RouteTable::RouteTable> &table,
              const std::shared_ptr<const EndpointMap> &endpoints);
    // `backend` (a backendRef of `table`: its address is the cache key) in `endpoints`. Valid
    // until the next call.
    const Target &target(const RouteTable::Backend &backend, const RouteTable::RouteTable *table,
                         const EndpointMap &endpoints);
    // The next endpoint of `target` in turn; null when it has none.
    static const Endpoint *next(const Target &target);

private:
    Target resolve(const RouteTable::Backend &backend, const EndpointMap &endpoints);

    std::shared_ptr<const RouteTable::RouteTable> m_table;
    std::shared_ptr<const EndpointMap> m_endpoints;
    std::unordered_map<const RouteTable::Backend *, Target> m_resolved;
    std::unordered_map<std::string, std::size_t> m_positions;
    Target m_uncached; // the last resolution outside the bound snapshot
};

// Index of the backend a draw `r` in [0, 1) picks, weights taken as they are (weight 0 gets no
// traffic), or -1 when every weight is 0 or there is no backend.
int chooseWeighted(const std::vector<RouteTable::Backend> &backends, double r);

// "127.0.0.1:8080" → host and port; false when it is not host:port.
bool splitEndpoint(const std::string &endpoint, std::string *host, quint16 *port);

struct ForwardPlan
{
    std::string endpoint; // "127.0.0.1:port"
    std::string endpointHost;
    quint16 endpointPort = 0;
    Http::RequestHead head; // to send upstream: filters applied, framing set
    const RouteTable::Backend *backendRef = nullptr; // the chosen backendRef (the table's)
    const RouteTable::BackendTls *backendTls = nullptr; // its BackendTLSPolicy; null: plain
    std::vector<const RouteTable::HeaderModifier *> responseHeaders; // not owned (the table's)
    std::optional<std::chrono::milliseconds> requestTimeout;         // timeouts.request
    std::optional<std::chrono::milliseconds> backendTimeout;         // timeouts.backendRequest
    // The rule's CORS filter when the request is an actual CORS request (it has an Origin):
    // its fields go on the response (CorsPolicy::applyToResponse). Not owned (the table's).
    const RouteTable::Cors *cors = nullptr;
    std::string corsOrigin;
};

struct RequestDecision
{
    std::string hostnameKey;
    const RouteTable::HttpRoute *route = nullptr; // not owned; null: no route matched
    std::string backend;                          // "ns/service:port", "" when none chosen
    std::optional<LocalAnswer> local;             // set: answer this; else forward
    ForwardPlan forward;
};

struct RoutingInput
{
    int gatewayPort = 0;
    const RouteTable::RouteTable *table = nullptr;   // may be null (404); not owned
    const EndpointMap *endpoints = nullptr;          // not owned; never null
    std::string_view clientAddress;                  // for X-Forwarded-For
    const std::function<double()> *random = nullptr; // uniform [0, 1); not owned
    EndpointChooser *endpointChooser = nullptr;      // not owned
    bool tls = false;                                // X-Forwarded-Proto: https
    // TLS: the SNI the client sent ("" when none). A request whose Host selects another host
    // entry of the port than the SNI does gets 421 (the certificate it checked was not for it).
    std::string_view serverName;
};

// Takes `head` (the client's request head, as parsed) and decides. Never throws. The head is
// moved once, into forward.head, and made the upstream head there: every move of a head copies
// its short strings (method, target) with a memcpy call, and this runs for every request.
RequestDecision decideRequest(const RoutingInput &input, Http::RequestHead &&head);

} // namespace Torii::Proxy::Internal
