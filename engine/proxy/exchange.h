#pragma once

// The I/O-free half of one request/response exchange: what the gateway decides and how it
// shapes the heads, separate from the sockets that carry the bytes (Http1ClientConnection).
// Route lookup on the snapshot, filters, backend and endpoint choice (decideRequest), the
// response head's filters and framing, the 502/504 explanations and the finished RequestEvent
// live here, so they are unit-testable without a network and the next protocols (HTTP/2 streams)
// reuse them. No sockets, no clock reads (the caller passes the time), no Qt.
//
// Seams for the HTTPRoute policies written beside this (CORS, retries, mirrors): a policy sees
// the RequestDecision (route, backend) before the forward starts (startExchange) and the
// response head in shapeResponseHead; a retry re-runs decideRequest on the buffered head.

#include "gateway_config.h"
#include "local_answers.h"
#include "request_event.h"
#include "request_router.h"
#include "retry_policy.h"

#include "engine/http/http1_codec.h"
#include "engine/routetable/route_table.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace Torii::Proxy::Internal {

// One request and its answer. The table and endpoint snapshots are held for the whole exchange:
// the route and filter pointers below point into the table. Value type, owned by the connection.
struct Exchange
{
    std::shared_ptr<const RouteTable::RouteTable> table;
    std::shared_ptr<const EndpointMap> endpoints;
    RequestEvent event;
    std::chrono::steady_clock::time_point started;
    std::vector<const RouteTable::HeaderModifier *> responseHeaders; // not owned (the table's)
    std::chrono::milliseconds timeout{0};  // min(timeouts.request, backendRequest); 0: none
    const RouteTable::Cors *cors = nullptr; // an actual CORS request's filter (the table's)
    std::string corsOrigin;
    bool headRequest = false;
    bool clientKeepAlive = true;
    bool client11 = true;
    bool chunkedUpstream = false;   // the request body is sent chunked
    bool chunkedDownstream = false; // the response body is sent chunked
    bool requestComplete = false;
    bool responseStarted = false;
    bool responseComplete = false;
    bool closeAfter = false;

    // Retries and re-sends (driven by Http1ClientConnection). Set by startExchange for a forward.
    const RouteTable::HttpRoute *route = nullptr; // the matched row (the table's)
    std::chrono::milliseconds requestTimeout{0};  // timeouts.request; 0: none
    std::chrono::milliseconds backendTimeout{0};  // timeouts.backendRequest (per attempt); 0: none
    std::optional<RetryPolicy> retry;             // when the row has `retry`
    std::optional<Http::RequestHead> clientHead;  // the client's head, for a retry's new decision
    std::string endpointHost;                     // of the current attempt
    quint16 endpointPort = 0;
    const RouteTable::BackendTls *backendTls = nullptr; // of the current attempt (the table's)
    std::string upstreamHead;                     // the current attempt's serialized head
    // The current attempt's head when it goes to an HTTP/2 endpoint (h2c, gRPC, h2 over TLS):
    // a stream is opened with it for each attempt (Http2Upstream::open/openReplay); empty when
    // the attempt goes over HTTP/1.1 (upstreamHead).
    std::optional<Http::RequestHead> h2Head;
    std::string body;                             // the request body so far, while replayable
    Http::Headers bodyTrailers;                   // a chunked body's trailers, for a re-send
    RetryPolicy::BodyState bodyState = RetryPolicy::BodyState::None;
    bool keepBody = false;  // keep a copy of the body (a retry or a stale re-send may need it)
    bool staleResent = false; // re-sent once after a stale pooled connection or a refused stream
    std::vector<std::uint64_t> mirrorCopies; // MirrorSender ids whose body is still being sent
};

// Fills `x` from `head` and the routing decision (`input` carries the snapshots, which `x`
// must already hold), and returns that decision: answer `local`, or forward `forward` (whose
// head is the upstream head). Its host key and backend have moved to x.event. Never throws.
RequestDecision startExchange(Exchange &x, const RoutingInput &input, Http::RequestHead &&head);

// Turns the endpoint's final (non-1xx) response head into the one sent to the client:
// hop-by-hop fields out, the ResponseHeaderModifiers, framing (Content-Length kept, else chunked
// to 1.1 clients or close-delimited to 1.0), Connection, HTTP/1.1. Updates `x` (status,
// chunkedDownstream, closeAfter, responseStarted).
void shapeResponseHead(Exchange &x, Http::ResponseHead &head);
// An interim (1xx) head for a 1.1 client: hop-by-hop fields out, HTTP/1.1. False: do not send
// it (HTTP/1.0 clients do not understand 1xx, RFC 9110 15.2).
bool shapeInterimHead(const Exchange &x, Http::ResponseHead &head);

// The gateway's 502 when the endpoint failed, and 504 when the route's timeout elapsed.
LocalAnswer upstreamFailedAnswer(const Exchange &x, const std::string &reason);
LocalAnswer timeoutAnswer(const Exchange &x);

// Records a local answer in `x` and returns its bytes (Connection: close when x.closeAfter or
// the client asked for it).
std::string localAnswerBytes(Exchange &x, const LocalAnswer &answer);

// Stamps the latency at `now` on the event.
void finishEvent(Exchange &x, std::chrono::steady_clock::time_point now);

// ---- attempts after the first (retries, the stale re-send), for either client protocol ----

// Keeps `chunk` of the request body (when x.keepBody) for another attempt while the whole body
// stays within RetryPolicy::kMaxReplayableBody; past that the copy is dropped and the body is
// Streamed (never re-sent).
void keepBodyChunk(Exchange &x, std::string_view chunk);
// The bytes of a re-sent attempt: x.upstreamHead, the body kept so far (chunk-encoded when the
// request is chunked) and, once the request is complete, its end with x.bodyTrailers.
std::string replayBytes(const Exchange &x);
// The next attempt's backend and endpoint, chosen again on x.clientHead (the same snapshots):
// updates x (attempts, backend, endpoint, TLS, response filters, the serialized head) and
// returns the plan, or the local answer when no backend can take it now.
RequestDecision nextAttempt(Exchange &x, const RoutingInput &input);

} // namespace Torii::Proxy::Internal
