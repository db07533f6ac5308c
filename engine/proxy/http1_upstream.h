#pragma once

#include "backend_tls_session.h"

#include "engine/http/http1_codec.h"
#include "engine/net/byte_buffer.h"
#include "engine/net/event_loop.h"
#include "engine/net/tcp_socket.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace Torii::Proxy::Internal {

// What an Http1Upstream reports to the exchange using it, on the worker's loop. The listener may
// release or discard the connection inside any of these calls (the connection is then retired,
// never deleted under its own callback).
class UpstreamListener
{
public:
    virtual ~UpstreamListener() = default;
    virtual void upstreamHead(Http::ResponseHead &&head) = 0; // interim (1xx) heads too
    virtual void upstreamBody(std::string_view chunk) = 0;
    // The response's trailers (a chunked HTTP/1.1 body's, HTTP/2's), just before
    // upstreamComplete; not called when there are none.
    virtual void upstreamTrailers(Http::Headers &&) {}
    virtual void upstreamComplete() = 0;
    // The endpoint could not be reached, closed early, or answered bytes that are not HTTP/1.1.
    // No further call follows; the connection is not reusable.
    virtual void upstreamFailed(const std::string &reason) = 0;
    // The send buffer drained below the high-water mark (backpressure: read the client again).
    virtual void upstreamWritable() = 0;
    // One batch of reads ended (the listener flushes what it queued for its client).
    virtual void upstreamBatchDone() = 0;
};

// One TCP connection to one endpoint on the worker's EventLoop, carrying one request at a time
// (HTTP/1.1 keep-alive, no pipelining towards upstreams): a non-blocking connect with its own
// timeout, an output buffer, the response parser (the codec: pure). It only moves bytes.
// With a BackendTlsSession (the backend's BackendTLSPolicy) the bytes go through TLS: the
// handshake and the certificate check are part of connecting (same timeout; a failure is a
// connect failure, connected() stays false). Plain connections take one null test per I/O.
// Thread: the worker's. Ownership: a unique_ptr held by the exchange using it or by the
// Http1UpstreamPool while idle; destroying it removes it from the loop and closes the socket.
class Http1Upstream : private Http::ResponseHandler
{
public:
    static constexpr std::size_t kHighWater = 1 << 20; // bytes queued towards the endpoint

    Http1Upstream(Net::EventLoop &loop, std::string endpoint, const std::string &host,
                  std::uint16_t port, const Http::Limits &limits,
                  std::chrono::milliseconds connectTimeout,
                  std::unique_ptr<BackendTlsSession> tls = nullptr);
    ~Http1Upstream() override;
    Http1Upstream(const Http1Upstream &) = delete;
    Http1Upstream &operator=(const Http1Upstream &) = delete;

    const std::string &endpoint() const { return m_endpoint; }
    // Where the pool keeps it while idle: the endpoint, and for TLS the policy too (a TLS
    // connection is reused only for the same endpoint and policy).
    const std::string &poolKey() const { return m_tls ? m_tls->poolKey() : m_endpoint; }
    bool isTls() const { return m_tls != nullptr; }

    // Starts an exchange: responses go to `listener` (not owned; cleared by detach()).
    // `method` tells the parser whether a body follows (HEAD).
    void begin(UpstreamListener *listener, std::string_view method);
    // Queues request bytes and writes what the socket takes (buffered until connected).
    void send(std::string_view bytes);
    // No more callbacks to the current listener.
    void detach() { m_listener = nullptr; }
    // Connected, the last response complete and keep-alive, nothing broken.
    bool reusable() const;
    std::size_t bytesToWrite() const { return m_output.size(); }
    // Stops/starts reading from the endpoint (backpressure towards a slow client).
    void setReadPaused(bool paused);
    // Whether the connection was established, TLS handshake and certificate check included
    // (false: the failure was a connect failure).
    bool connected() const { return m_connected; }
    // Whether any byte of a response arrived for the current request (begin() clears it).
    bool responseStarted() const { return m_responseBytes; }
    // Set by the pool when an idle connection is handed out again: a failure before any
    // response byte then means the endpoint closed it while idle (a stale connection).
    bool wasReused() const { return m_reused; }
    void markReused() { m_reused = true; }
    // While idle in the pool: called (once) when the endpoint closes it or sends stray bytes.
    void setOnUnusable(std::function<void()> callback) { m_onUnusable = std::move(callback); }

private:
    void onIo(std::uint32_t events);
    void onConnected();
    void continueHandshake();
    Net::IoResult transportRead(char *buffer, std::size_t capacity);
    Net::IoResult transportWrite(std::string_view bytes);
    void readAvailable();
    void parseInput();
    void onPeerClosed();
    void flush();
    void updateInterest();
    void fail(const std::string &reason);
    void becameUnusable();

    void onHead(Http::ResponseHead &&head) override;
    void onBody(std::string_view chunk) override;
    void onComplete(Http::Headers &&trailers) override;

    Net::EventLoop &m_loop;
    std::string m_endpoint;
    Net::UniqueFd m_fd;
    Net::TimerId m_connectTimer = 0;
    Http::ResponseParser m_parser;
    std::unique_ptr<BackendTlsSession> m_tls; // null: plain TCP
    std::uint32_t m_handshakeInterest = 0;    // while the TLS handshake runs: what it waits for
    UpstreamListener *m_listener = nullptr; // not owned
    std::function<void()> m_onUnusable;
    Net::ByteBuffer m_output; // request bytes not written yet
    Net::ByteBuffer m_input;  // response bytes not parsed yet
    Http::Headers m_trailers; // of the response that just completed (a chunked body's)
    std::string m_connectFailure;
    bool m_connected = false;
    bool m_broken = false;
    bool m_keepAlive = false;
    bool m_awaitingResponse = false;
    bool m_readPaused = false;
    bool m_lastWasInterim = false;
    bool m_completed = false; // the response ended inside the current feed()
    bool m_responseBytes = false; // bytes of the current response arrived
    bool m_reused = false;
};

// Idle keep-alive connections per endpoint, so consecutive requests skip the TCP handshake.
// Thread: the worker's (each worker has its own pool: no locks). Ownership: owns the idle
// connections; acquire() hands one out, release() takes it back. Connections that must go are
// handed to `retire` (deleted after the current loop round, never under their own callback).
// A connection the endpoint closes at the moment it is reused fails before any response byte
// (Http1Upstream::wasReused): the client connection re-sends that request once on a fresh one
// (connect()), as nginx and Envoy do.
class Http1UpstreamPool
{
public:
    using Retire = std::function<void(std::unique_ptr<Http1Upstream>)>;
    Http1UpstreamPool(Net::EventLoop &loop, Http::Limits limits,
                      std::chrono::milliseconds connectTimeout, std::size_t maxIdlePerEndpoint,
                      Retire retire);
    ~Http1UpstreamPool();

    // An idle connection to `endpoint`, or a new one connecting to host:port. `tls` (the
    // backend's BackendTLSPolicy settings, null: plain) is read during the call only.
    std::unique_ptr<Http1Upstream> acquire(const std::string &endpoint, const std::string &host,
                                           std::uint16_t port,
                                           const RouteTable::BackendTls *tls = nullptr);
    // Always a new connection (the re-send after a stale idle one failed).
    std::unique_ptr<Http1Upstream> connect(const std::string &endpoint, const std::string &host,
                                           std::uint16_t port,
                                           const RouteTable::BackendTls *tls = nullptr);
    // Keeps it idle when reusable and there is room, else retires it.
    void release(std::unique_ptr<Http1Upstream> connection);
    // Retires it, never reusing it.
    void discard(std::unique_ptr<Http1Upstream> connection);
    std::size_t idleCount() const;

    // TLS client contexts made so far (one per distinct BackendTLSPolicy settings).
    std::size_t tlsContextCount() const { return m_tlsContexts.size(); }
    // The per-policy TLS client contexts, for connections that never idle here (upgrade_tunnel).
    BackendTlsContexts &tlsContexts() { return m_tlsContexts; }

private:
    void drop(Http1Upstream *connection);
    std::unique_ptr<Http1Upstream> create(const std::string &endpoint, const std::string &host,
                                          std::uint16_t port, const RouteTable::BackendTls *tls,
                                          std::string poolKey);

    Net::EventLoop &m_loop;
    Http::Limits m_limits;
    std::chrono::milliseconds m_connectTimeout;
    std::size_t m_maxIdle;
    Retire m_retire;
    std::unordered_map<std::string, std::vector<std::unique_ptr<Http1Upstream>>> m_idle;
    BackendTlsContexts m_tlsContexts;
};

} // namespace Torii::Proxy::Internal
