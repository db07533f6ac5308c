#include "retry_policy.h"

#include <algorithm>

namespace Torii::Proxy::Internal {

namespace {

std::string describe(const RetryPolicy::Outcome &outcome)
{
    using Kind = RetryPolicy::Outcome::Kind;
    switch (outcome.kind) {
    case Kind::Response:
        return "status " + std::to_string(outcome.status);
    case Kind::ConnectFailed:
        return "the connection to the backend failed";
    case Kind::Reset:
        return "the backend closed the connection without answering";
    case Kind::BackendTimeout:
        return "the backend request timeout expired";
    }
    return "the attempt failed";
}

std::string millis(std::chrono::milliseconds d)
{
    return std::to_string(d.count()) + "ms";
}

} // namespace

RetryPolicy::RetryPolicy(const std::optional<RouteTable::Retry> &retry,
                         const RouteTable::Timeouts &timeouts)
    : m_requestTimeout(timeouts.request)
{
    if (!retry) {
        return;
    }
    m_enabled = true;
    m_maxRetries = std::max(0, retry->attempts.value_or(kDefaultRetries));
    m_codes = retry->codes;
    if (retry->backoff) {
        m_backoff = std::max(std::chrono::milliseconds(0), *retry->backoff);
    }
}

std::chrono::milliseconds RetryPolicy::backoffBefore(int retryNumber) const
{
    const std::chrono::milliseconds cap = m_backoff * kBackoffCapFactor;
    std::chrono::milliseconds delay = m_backoff;
    for (int i = 1; i < retryNumber && delay < cap; ++i) {
        delay *= 2;
    }
    return std::min(delay, cap);
}

bool RetryPolicy::isRetriable(const Outcome &outcome) const
{
    if (outcome.kind != Outcome::Kind::Response) {
        return true;
    }
    return std::find(m_codes.begin(), m_codes.end(), outcome.status) != m_codes.end();
}

RetryPolicy::Decision RetryPolicy::afterAttempt(int attempt, const Outcome &outcome,
                                                std::chrono::milliseconds elapsed,
                                                BodyState body) const
{
    Decision d;
    const std::string what = describe(outcome);
    if (!m_enabled) {
        d.reason = what + "; the rule has no retry";
        return d;
    }
    if (outcome.kind == Outcome::Kind::Response && !isRetriable(outcome)) {
        d.reason = what + " is not in retry.codes";
        return d;
    }
    if (body == BodyState::Streamed) {
        d.reason = what + ", but the request body was not kept (over " +
                   std::to_string(kMaxReplayableBody) + " bytes or streamed), so it is not retried";
        return d;
    }
    const int retryNumber = attempt; // attempt 1 failed → retry 1
    if (retryNumber > m_maxRetries) {
        d.reason = what + " after " + std::to_string(attempt) + " attempt(s); retry.attempts (" +
                   std::to_string(m_maxRetries) + " retries) is used up";
        return d;
    }
    const std::chrono::milliseconds delay = backoffBefore(retryNumber);
    if (m_requestTimeout && elapsed + delay >= *m_requestTimeout) {
        d.reason = what + "; a retry after " + millis(delay) +
                   " would reach the request timeout (" + millis(*m_requestTimeout) + ")";
        return d;
    }
    d.retry = true;
    d.delay = delay;
    d.reason = what + " is retriable; retry " + std::to_string(retryNumber) + " of " +
               std::to_string(m_maxRetries) + " after " + millis(delay);
    return d;
}

bool RetryPolicy::shouldBufferBody(const Http::RequestHead &head)
{
    if (head.chunked) {
        return true; // kept while under the limit; the connection reports Streamed beyond it
    }
    return !head.contentLength || *head.contentLength <= kMaxReplayableBody;
}

} // namespace Torii::Proxy::Internal
