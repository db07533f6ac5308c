#pragma once

#include "exchange.h"
#include "http1_upstream.h"

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
// fire and forget: each copy goes to one endpoint through the worker's upstream pool (over TLS
// when a BackendTLSPolicy targets the mirror's Service port, verified and pooled exactly as the
// main request's connection: the pool's BackendTlsSession; a copy whose backend fails the
// verification is dropped like one whose endpoint is down), its answer
// is read and dropped, and nothing about it ever reaches the client's exchange (a slow or dead
// mirror cannot delay or fail the client's request: the connection only hands bytes over).
// Bounded, so a mirror that cannot keep up costs memory and sockets only up to a limit: at most
// kMaxInFlight copies per worker and kMaxQueued bytes queued towards one copy; beyond that the
// copy is dropped and counted (`dropped`, the Gateway's counter). A copy still unanswered after
// kTimeout is cut.
// Thread: the worker's. Ownership: owned by the LoopWorker, after the pool it uses.
class MirrorSender
{
public:
    static constexpr std::size_t kMaxInFlight = 256;
    static constexpr std::size_t kMaxQueued = 256 * 1024;
    static constexpr std::chrono::milliseconds kTimeout{15000};

    MirrorSender(Net::EventLoop &loop, Http1UpstreamPool &pool,
                 std::atomic<std::uint64_t> *dropped);
    ~MirrorSender();
    MirrorSender(const MirrorSender &) = delete;
    MirrorSender &operator=(const MirrorSender &) = delete;

    // Starts one copy: `head` (serialized) to endpoint (host:port), over TLS as `tls` says
    // (the mirror backend's BackendTLSPolicy settings, read during the call only; null: plain).
    // Returns its id for sendBody/finishBody, or 0 when it was dropped (too many in flight).
    std::uint64_t start(const std::string &endpoint, const std::string &host, std::uint16_t port,
                        std::string_view method, std::string_view head,
                        const RouteTable::BackendTls *tls = nullptr);
    // More request bytes for copy `id` (already framed as its head says). Unknown ids (a copy
    // that ended or was dropped) are ignored. A copy over kMaxQueued is dropped and counted.
    void sendBody(std::uint64_t id, std::string_view bytes);
    // The request of copy `id` was sent whole (its connection may be reused after the answer).
    void finishBody(std::uint64_t id);
    // The client's request ended before its body did: the copy cannot be completed.
    void abandon(std::uint64_t id);

    std::size_t inFlight() const { return m_copies.size(); }

private:
    class Copy;
    void end(std::uint64_t id, bool reuse);
    void countDrop();

    Net::EventLoop &m_loop;
    Http1UpstreamPool &m_pool;
    std::atomic<std::uint64_t> *m_dropped; // not owned; may be null
    std::uint64_t m_nextId = 1;
    std::unordered_map<std::uint64_t, std::unique_ptr<Copy>> m_copies;
};

// Starts the copies that the forwarded request's RequestMirror filters (the row's and the chosen
// backendRef's) fire, each to an endpoint of its mirror backend, with the upstream head
// (x.upstreamHead: after every request filter, Host kept). Copies whose body follows land in
// x.mirrorCopies: the caller sends them the body (sendBody, framed as the head says) and ends
// them (finishBody, or abandon). One place for both client paths, HTTP/1.1 and HTTP/2.
void startMirrorCopies(MirrorSender &sender, Exchange &x, const ForwardPlan &plan,
                       EndpointChooser &chooser, const std::function<double()> &random);

} // namespace Torii::Proxy::Internal
