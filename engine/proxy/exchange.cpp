#include "exchange.h"

#include "cors_policy.h"
#include "request_filters.h"

namespace Torii::Proxy::Internal {

namespace {
// For the 502/504 explanations only (made when needed, not per request).
std::string routeTextOf(const Exchange &x)
{
    return x.event.routed ? describeRoute(x.event.route) : std::string("no route");
}
} // namespace

RequestDecision startExchange(Exchange &x, const RoutingInput &input, Http::RequestHead &&head)
{
    x.event.gatewayPort = input.gatewayPort;
    x.event.method = head.method;
    x.event.target = head.target;
    x.headRequest = head.method == "HEAD";
    x.clientKeepAlive = head.keepAlive;
    x.client11 = head.versionMajor == 1 && head.versionMinor >= 1;
    x.chunkedUpstream = head.chunked;
    const bool bodyFollows = head.chunked || head.contentLength.value_or(0) > 0;
    const bool expectContinue = head.expectContinue;

    RequestDecision start = decideRequest(input, std::move(head));
    x.event.hostnameKey = std::move(start.hostnameKey);
    x.event.routed = start.route != nullptr;
    if (start.route) {
        x.event.route = start.route->source;
    }
    x.event.backend = std::move(start.backend);
    if (start.local) {
        // A client waiting for "100 Continue" will not send the body we would have to read, so
        // the connection ends after the answer (RFC 9110 10.1.1 allows either).
        x.closeAfter = expectContinue && bodyFollows;
        return start;
    }
    x.event.endpoint = start.forward.endpoint;
    x.route = start.route;
    x.endpointHost = start.forward.endpointHost;
    x.endpointPort = start.forward.endpointPort;
    x.backendTls = start.forward.backendTls;
    x.requestTimeout = start.forward.requestTimeout.value_or(std::chrono::milliseconds(0));
    x.backendTimeout = start.forward.backendTimeout.value_or(std::chrono::milliseconds(0));
    if (start.route->retry) {
        x.retry.emplace(start.route->retry, start.route->timeouts);
    }
    x.responseHeaders = std::move(start.forward.responseHeaders);
    x.cors = start.forward.cors;
    x.corsOrigin = std::move(start.forward.corsOrigin);
    std::optional<std::chrono::milliseconds> timeout = start.forward.requestTimeout;
    if (start.forward.backendTimeout && (!timeout || *start.forward.backendTimeout < *timeout)) {
        timeout = start.forward.backendTimeout;
    }
    x.timeout = timeout && timeout->count() > 0 ? *timeout : std::chrono::milliseconds(0);
    return start;
}

bool shapeInterimHead(const Exchange &x, Http::ResponseHead &head)
{
    if (!x.client11) {
        return false;
    }
    Http::removeHopByHop(head.headers);
    head.versionMajor = 1;
    head.versionMinor = 1;
    return true;
}

void shapeResponseHead(Exchange &x, Http::ResponseHead &head)
{
    Http::removeHopByHop(head.headers);
    for (const RouteTable::HeaderModifier *modifier : x.responseHeaders) {
        applyHeaderModifier(*modifier, head.headers);
    }
    if (x.cors) {
        CorsPolicy(*x.cors).applyToResponse(x.corsOrigin, head.headers);
    }
    if (head.hasBody) {
        if (head.contentLength && !head.chunked) {
            // The parser accepted exactly one Content-Length field with this value; it is
            // rewritten only when something else may have touched it (a filter, or a Connection
            // field of the upstream's that listed it as hop-by-hop).
            if (!x.responseHeaders.empty() || x.cors != nullptr
                || !head.headers.contains("Content-Length")) {
                head.headers.set("Content-Length", std::to_string(*head.contentLength));
            }
        } else {
            head.headers.remove("Content-Length");
            if (x.client11) {
                head.headers.add("Transfer-Encoding", "chunked");
                x.chunkedDownstream = true;
            } else {
                x.closeAfter = true; // HTTP/1.0: the close ends the body
            }
        }
    }
    if (!x.clientKeepAlive) {
        x.closeAfter = true;
    }
    if (x.closeAfter) {
        head.headers.add("Connection", "close");
    } else if (!x.client11) {
        head.headers.add("Connection", "keep-alive");
    }
    head.versionMajor = 1;
    head.versionMinor = 1;
    x.event.status = head.status;
    x.responseStarted = true;
}

LocalAnswer upstreamFailedAnswer(const Exchange &x, const std::string &reason)
{
    return LocalAnswer{502,
                       "502 " + routeTextOf(x) + ", backend " + x.event.backend + ", endpoint " +
                           x.event.endpoint + ": " + reason + '\n',
                       {}};
}

LocalAnswer timeoutAnswer(const Exchange &x)
{
    return LocalAnswer{504,
                       "504 " + routeTextOf(x) + ", backend " + x.event.backend + ", endpoint " +
                           x.event.endpoint +
                           ": no complete answer within the route's timeout (" +
                           std::to_string(x.timeout.count()) + " ms)\n",
                       {}};
}

std::string localAnswerBytes(Exchange &x, const LocalAnswer &answer)
{
    if (!x.clientKeepAlive) {
        x.closeAfter = true;
    }
    x.event.localAnswer = true;
    x.event.status = answer.status;
    x.event.bytesOut = x.headRequest ? 0 : answer.explanation.size();
    x.responseStarted = true;
    x.responseComplete = true;
    return serializeLocalAnswer(answer, x.closeAfter, x.headRequest);
}

void finishEvent(Exchange &x, std::chrono::steady_clock::time_point now)
{
    x.event.latencyMicros =
        std::chrono::duration_cast<std::chrono::microseconds>(now - x.started).count();
}

void keepBodyChunk(Exchange &x, std::string_view chunk)
{
    if (chunk.empty() || x.bodyState == RetryPolicy::BodyState::Streamed) {
        return;
    }
    if (!x.keepBody || x.body.size() + chunk.size() > RetryPolicy::kMaxReplayableBody) {
        x.bodyState = RetryPolicy::BodyState::Streamed;
        std::string().swap(x.body);
        return;
    }
    x.body.append(chunk);
    x.bodyState = RetryPolicy::BodyState::Buffered;
}

std::string replayBytes(const Exchange &x)
{
    std::string bytes = x.upstreamHead;
    if (x.chunkedUpstream) {
        if (!x.body.empty()) {
            bytes += Http::encodeChunk(x.body);
        }
        if (x.requestComplete) {
            bytes += Http::lastChunk(x.bodyTrailers);
        }
    } else {
        bytes += x.body;
    }
    return bytes;
}

RequestDecision nextAttempt(Exchange &x, const RoutingInput &input)
{
    ++x.event.attempts;
    RequestDecision next = decideRequest(input, Http::RequestHead(*x.clientHead));
    x.event.backend = std::move(next.backend);
    if (next.local) {
        return next;
    }
    const ForwardPlan &plan = next.forward;
    x.event.endpoint = plan.endpoint;
    x.endpointHost = plan.endpointHost;
    x.endpointPort = plan.endpointPort;
    x.backendTls = plan.backendTls;
    x.responseHeaders = plan.responseHeaders;
    x.upstreamHead = Http::serializeRequestHead(plan.head);
    x.staleResent = false;
    return next;
}

} // namespace Torii::Proxy::Internal
