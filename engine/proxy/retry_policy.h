#pragma once

// HTTPRoute retries (rules[].retry, GEP-1731; Gateway API v1.6.1) as a pure policy: after an
// attempt failed, retry or not, and after how long. No sockets, no clock: the connection passes
// the time already spent. Use:
//
//   RetryPolicy policy(route.retry, route.timeouts);
//   // before the first attempt: decide whether to keep a copy of the body
//   bool keepBody = RetryPolicy::shouldBufferBody(clientHead);  (and policy.enabled())
//   ... attempt n (1-based) ends with an outcome:
//   RetryPolicy::Decision d = policy.afterAttempt(n, outcome, elapsedSinceRequestStart, body);
//   if (d.retry) { wait d.delay (a timer), send attempt n + 1 to a freshly chosen endpoint }
//   else        { pass the last answer on (or the gateway's 502/503/504 for a failure) }
//
// What is retried (the spec's text, read strictly):
// - A response whose status is listed in `codes` ("Implementations MUST support 500, 502, 503,
//   504"; any listed 400-599 code is honoured). Not listed: never retried, even a 5xx.
// - A backend request timeout (timeouts.backendRequest expired without a response): backoff's
//   text names "timing out" as a retriable failure.
// - A connection failure (connect refused/failed) or a connection closed or reset before any
//   response byte arrived. v1.6.1 leaves this to the implementation; the later Gateway API
//   (HTTPRouteRetryConnectionError) retries it, and nothing reached the client yet.
// - Never after response bytes were sent to the client (the connection must not ask then).
//
// How many: `attempts` is the number of *retries* ("the maximum number of times an individual
// request ... should be retried"), so at most 1 + attempts requests reach backends. Unset:
// Torii's default, 1 retry (kDefaultRetries). No `retry` stanza at all: no retries.
//
// Backoff: the first retry waits `backoff` (unset: kDefaultBackoff, 25 ms); each later one
// doubles it, capped at 10 × backoff (the spec allows exponential growth and a cap, never less
// than the minimum). No jitter, so the schedule is reproducible in tests and explanations.
//
// Timeouts: with timeouts.request set, a retry whose backoff would end at or after the request
// deadline is not made (the spec: the whole request, retries included, must not exceed it; the
// gateway answers 504 when the deadline passes). timeouts.backendRequest bounds each attempt;
// the connection enforces it and reports BackendTimeout.
//
// Request bodies: a retry must resend the body, so it is only possible when the whole body was
// kept in memory. The connection buffers a body only when shouldBufferBody() says so (no body,
// or a declared Content-Length of at most kMaxReplayableBody bytes; a chunked body is buffered
// while it stays under that limit) and reports BodyState::Streamed as soon as it could not keep
// all of it: such a request is never retried.
//
// Thread: pure; a RetryPolicy copies what it needs from the table (no pointers kept).

#include "engine/http/http1_codec.h"
#include "engine/routetable/route_table.h"

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace Torii::Proxy::Internal {

class RetryPolicy
{
public:
    static constexpr int kDefaultRetries = 1;
    static constexpr std::chrono::milliseconds kDefaultBackoff{25};
    static constexpr int kBackoffCapFactor = 10;
    static constexpr std::size_t kMaxReplayableBody = 64 * 1024;

    // How one attempt ended.
    struct Outcome
    {
        enum class Kind {
            Response,       // a response head arrived with `status`
            ConnectFailed,  // no connection to the endpoint (refused, unreachable)
            Reset,          // connection reset or closed before any response byte
            BackendTimeout, // timeouts.backendRequest expired without a response
        };
        Kind kind = Kind::Response;
        int status = 0; // for Response
    };

    enum class BodyState {
        None,     // the request has no body
        Buffered, // the whole body is kept in memory and can be sent again
        Streamed, // (part of) the body was forwarded without a copy: cannot be replayed
    };

    struct Decision
    {
        bool retry = false;
        std::chrono::milliseconds delay{0}; // wait this long before the next attempt
        std::string reason; // English, for request events and explanations ("status 500 is in
                            // retry.codes; retry 1 of 3 after 25ms")
    };

    RetryPolicy(const std::optional<RouteTable::Retry> &retry,
                const RouteTable::Timeouts &timeouts);

    // False when the row has no `retry`: afterAttempt() never retries.
    bool enabled() const { return m_enabled; }
    // Retries allowed after the first attempt (0 when not enabled).
    int maxRetries() const { return m_maxRetries; }
    // The wait before retry `retryNumber` (1 = the first retry).
    std::chrono::milliseconds backoffBefore(int retryNumber) const;
    // Whether `outcome` is a failure this policy retries (ignoring counts and time).
    bool isRetriable(const Outcome &outcome) const;

    // `attempt`: the attempt that just ended (1 = the first request). `elapsed`: time since the
    // gateway received the request. Never retries when not enabled, when the body cannot be
    // replayed, after maxRetries() retries, or when the backoff would reach timeouts.request.
    Decision afterAttempt(int attempt, const Outcome &outcome, std::chrono::milliseconds elapsed,
                          BodyState body) const;

    // Whether the connection should keep a copy of this request's body for a retry.
    static bool shouldBufferBody(const Http::RequestHead &head);

private:
    bool m_enabled = false;
    int m_maxRetries = 0;
    std::vector<int> m_codes;
    std::chrono::milliseconds m_backoff{kDefaultBackoff};
    std::optional<std::chrono::milliseconds> m_requestTimeout;
};

} // namespace Torii::Proxy::Internal
