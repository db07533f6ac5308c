#pragma once

// The request half of a route test: after the status half passed, serves the case's objects on
// the live local gateway (LiveEnvironment) and sends each `requests` item, judging every
// response with request_checks.h. One attempt per request: the local gateway is consistent as
// soon as it has started, so the suite's "eventually consistent" retries would only hide a real
// failure (README, "Defaults a case leaves implicit"); a failed expectation fails the item.
//
// Before anything is sent, every item is read: an item the runner cannot honour (another
// protocol, TLS to the backends, an unknown field) makes the whole half a single SKIP
// item with that reason, so a case is never half-checked and reported as a pass.
//
// Mirrors (mirror_checks.h): `mirroredTo` after each passing send, every listed backend must
// have echoed the sent path and query (its request log, via LiveEnvironment::echoedRequests)
// within 10 s. `mirrorDistribution`: per round a new request id and `requests` sends, then each
// listed backend's count of that id must lie in [min, max]; up to `rounds` rounds, one passing
// round is enough. CORS cases need nothing more than the response header checks, and retry
// cases nothing more than the echo backend's /retry/ path.
//
// Protocols tcp, udp and tls (TCPRoute, UDPRoute, TLSRoute) are sent by stream_requests.h,
// protocol grpc (GRPCRoute) by grpc_exchange.h and protocol websocket by websocket_requests.h
// (wss:// when the listener is HTTPS), with the same one-attempt rule; protocol h2c is sent and
// judged as http, over HTTP/2 with prior knowledge (h2c_exchange.h).
// `repeat: N`: N sends, each must pass. `distribution`: `requests` sends per attempt, one after
// another (the suite's `concurrency` only speeds it up; the gateway draws each backend
// independently), up to `attempts` attempts, one passing attempt is enough.
// An `action` item changes the objects (through `applyAction`, which reconciles) and the
// environment is restarted on them before the next item.
//
// Thread: the caller's; `live` serves on its own threads.

#include "case_runner.h"
#include "cluster_state.h"
#include "live_environment.h"

#include <functional>
#include <vector>

namespace Torii::Scenarios {

struct RequestRunInput
{
    const RouteTest *test = nullptr;
    ClusterState *cluster = nullptr;
    LiveEnvironment *live = nullptr;
    Controller::ControllerOptions controller;
    // Applies the action to `cluster`, reconciles, and says how it went.
    std::function<ItemResult(const Action &action, std::size_t index)> applyAction;
};

// One ItemResult per request item (`what` is "request" or the action's verb, `index` its place
// in `requests`), or a single SKIP/FAIL item when the half could not run at all. Empty when the
// test has no requests.
std::vector<ItemResult> runRequests(const RequestRunInput &input);

} // namespace Torii::Scenarios
