#pragma once

#include "exchange.h"
#include "http1_upstream.h"
#include "http2_upstream.h"

#include "engine/net/event_loop.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace Torii::Proxy::Internal {

// Sends the copies of mirrored requests (RequestMirror, mirror_policy.h) for one worker,
// fire and forget: each copy goes to one endpoint through the worker's upstream pools: HTTP/1.1
// through the Http1UpstreamPool, or, when the mirror backend speaks HTTP/2 (appProtocol
// kubernetes.io/h2c, or a gRPC request), as a stream on the endpoint's shared Http2Upstream from
// the worker's Http2UpstreamPool, the one the main requests use (an h2c-only endpoint answers
// HTTP/1.1 with 400). Over TLS when a BackendTLSPolicy targets the mirror's Service port (ALPN
// h2 for HTTP/2), verified and pooled exactly as the main request's connection: a copy whose
// backend fails the verification is dropped like one whose endpoint is down. Its answer is read
// and dropped, and nothing about it ever reaches the client's exchange (a slow or dead mirror
// cannot delay or fail the client's request: the connection only hands bytes over). Refused or
// reset copies are not sent again.
// Bounded, so a mirror that cannot keep up costs memory and sockets only up to a limit: at most
// kMaxInFlight copies per worker and kMaxQueued bytes queued towards one copy; beyond that the
// copy is dropped and counted (`dropped`, the Gateway's counter). A copy still unanswered after
// kTimeout is cut (an HTTP/2 copy's stream is reset, its connection stays).
// The body is handed over unframed: the copy frames it as its protocol wants (chunked when the
// HTTP/1.1 head says so; DATA and trailers on HTTP/2).
// Thread: the worker's. Ownership: owned by the LoopWorker, destroyed before both pools.
class MirrorSender
{
public:
    static constexpr std::size_t kMaxInFlight = 256;
    static constexpr std::size_t kMaxQueued = 256 * 1024;
    static constexpr std::chrono::milliseconds kTimeout{15000};

    MirrorSender(Net::EventLoop &loop, Http1UpstreamPool &pool,
                 std::atomic<std::uint64_t> *dropped, Http2UpstreamPool *h2Pool = nullptr);
    ~MirrorSender();
    MirrorSender(const MirrorSender &) = delete;
    MirrorSender &operator=(const MirrorSender &) = delete;

    // Starts one copy of the request `head` to endpoint (host:port), over TLS as `tls` says
    // (the mirror backend's BackendTLSPolicy settings, read during the call only; null: plain).
    // HTTP/1.1 sends `serializedHead` (`head` serialized, after every request filter); `http2`
    // opens a stream with `head` instead (HTTP/1.1 when the sender has no h2 pool). Returns its
    // id for sendBody/finishBody, or 0 when it was dropped (too many in flight) or failed at once.
    std::uint64_t start(const std::string &endpoint, const std::string &host, std::uint16_t port,
                        const Http::RequestHead &head, std::string_view serializedHead,
                        const RouteTable::BackendTls *tls = nullptr, bool http2 = false);
    // More request body bytes (unframed) for copy `id`. Unknown ids (a copy that ended or was
    // dropped) are ignored. A copy over kMaxQueued is dropped and counted.
    void sendBody(std::uint64_t id, std::string_view bytes);
    // The request of copy `id` ends here, with `trailers` (a chunked or HTTP/2 body's); its
    // HTTP/1.1 connection may be reused after the answer.
    void finishBody(std::uint64_t id, const Http::Headers &trailers = {});
    // The client's request ended before its body did: the copy cannot be completed.
    void abandon(std::uint64_t id);

    std::size_t inFlight() const { return m_copies.size(); }

private:
    class Copy;
    void end(std::uint64_t id, bool reuse);
    void countDrop();

    Net::EventLoop &m_loop;
    Http1UpstreamPool &m_pool;
    Http2UpstreamPool *m_h2Pool; // not owned; may be null (copies then go over HTTP/1.1)
    std::atomic<std::uint64_t> *m_dropped; // not owned; may be null
    std::uint64_t m_nextId = 1;
    std::unordered_map<std::uint64_t, std::unique_ptr<Copy>> m_copies;
};

// Starts the copies that the forwarded request's RequestMirror filters (the row's and the chosen
// backendRef's) fire, each to an endpoint of its mirror backend, with the upstream head
// (plan.head: after every request filter, Host kept; x.upstreamHead when already serialized).
// A mirror backend with appProtocol kubernetes.io/h2c, and every copy of a gRPC request, goes
// as an HTTP/2 stream. Copies whose body follows land in x.mirrorCopies: the caller sends them
// the body (sendBody, unframed) and ends them (finishBody, or abandon). One place for both client
// paths, HTTP/1.1 and HTTP/2.
void startMirrorCopies(MirrorSender &sender, Exchange &x, const ForwardPlan &plan,
                       EndpointChooser &chooser, const std::function<double()> &random);

} // namespace Torii::Proxy::Internal
