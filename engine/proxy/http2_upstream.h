#pragma once

#include "http1_upstream.h"

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

struct nghttp2_session;

namespace Torii::Proxy::Internal {

// What an Http2Upstream reports about one of its streams: the UpstreamListener calls (head,
// body, trailers, complete, failed, writable, batch done); gRPC's grpc-status lives in the
// trailers. upstreamWritable means: the stream's request bytes left the buffer (read the client
// again).
class Http2StreamListener : public UpstreamListener
{
public:
    // The endpoint never processed the stream, so it may be sent again even when not idempotent
    // (RFC 9113 8.7): RST_STREAM REFUSED_STREAM, a GOAWAY whose last-stream-id is below it, or
    // (the analogue of HTTP/1.1's stale pooled connection) the connection closed without GOAWAY
    // before any answer on a stream opened when the connection was idle after earlier streams.
    // The stream is over as after upstreamFailed. Default: upstreamFailed(reason).
    virtual void upstreamRefused(const std::string &reason) { upstreamFailed(reason); }
};

// One HTTP/2 connection with prior knowledge (h2c, RFC 9113 3.3) to one endpoint, carrying many
// streams at once: the backends whose Service port says appProtocol kubernetes.io/h2c, and every
// gRPC call from an HTTP/2 client (gRPC is HTTP/2 end to end). nghttp2's client session frames; the bytes move on the worker's loop through our
// own non-blocking socket. Requests are given HTTP/1-shaped (the gateway's ForwardPlan head:
// Host → :authority, hop-by-hop fields out, "te: trailers" kept for gRPC).
// Flow control: response DATA is acknowledged (WINDOW_UPDATE) as it is handed to the listener,
// except while the listener paused the stream (setReadPaused), so a slow client holds the
// endpoint back at the stream window; a stream's request body waits in its buffer until the
// endpoint's window takes it.
// Thread: the worker's. Ownership: the Http2UpstreamPool owns it; streams are borrowed by their
// listeners by id.
// With a BackendTlsSession (a BackendTLSPolicy targets the endpoint's Service port) the
// connection is TLS with ALPN "h2" (RFC 9113 3.2), verified as Http1Upstream's is (same
// session type, same per-policy contexts, same connect timeout); an endpoint that does not
// agree to h2 fails the connection.
// Attempts: the listeners (the client connections, MirrorSender) retry by opening a new stream
// (openReplay) on this or another connection; a stream the endpoint never processed is reported
// as upstreamRefused, so it can be sent again whatever its method.
class Http2Upstream
{
public:
    static constexpr std::size_t kHighWater = 1 << 20; // request bytes buffered per stream

    Http2Upstream(Net::EventLoop &loop, std::string endpoint, const std::string &host,
                  std::uint16_t port, std::chrono::milliseconds connectTimeout,
                  std::unique_ptr<BackendTlsSession> tls = nullptr);
    ~Http2Upstream();
    Http2Upstream(const Http2Upstream &) = delete;
    Http2Upstream &operator=(const Http2Upstream &) = delete;

    const std::string &endpoint() const { return m_endpoint; }
    // Where the pool keeps it: the endpoint, and for TLS the policy too.
    const std::string &poolKey() const { return m_tls ? m_tls->poolKey() : m_endpoint; }
    // Not failed, no GOAWAY from the endpoint, and below its concurrent-stream limit.
    bool acceptsStreams() const;
    std::size_t openStreams() const { return m_streams.size(); }

    // Opens a stream for `head`; `endStream`: no body follows. -1 when it cannot (the listener
    // is then not called). A connection failure reported later reaches the listener through
    // upstreamFailed (possibly right after open returns, on the next loop round).
    std::int32_t open(Http2StreamListener *listener, const Http::RequestHead &head, bool endStream);
    // An attempt after the first (a retry, a refused stream sent again): opens a stream for
    // `head` with the `body` kept so far and, when `complete`, its end with `trailers`; later
    // body bytes follow through sendBody/endBody as for open. -1 as for open.
    std::int32_t openReplay(Http2StreamListener *listener, const Http::RequestHead &head,
                            std::string_view body, bool complete, const Http::Headers &trailers);
    // The TCP (and TLS) connection was made: a failure now is a reset, not a connect failure.
    bool connected() const { return m_connected; }
    void sendBody(std::int32_t id, std::string_view bytes);
    void endBody(std::int32_t id, const Http::Headers &trailers);
    std::size_t bytesToWrite(std::int32_t id) const;
    void setReadPaused(std::int32_t id, bool paused);
    // The listener is gone: no more callbacks; the stream is reset when still open.
    void close(std::int32_t id);
    // Called once the connection can carry no new stream and has none (the pool retires it).
    void setOnIdleUnusable(std::function<void()> callback) { m_onIdleUnusable = std::move(callback); }

private:
    struct Stream;
    struct Callbacks;

    void onIo(std::uint32_t events);
    void onConnected();
    void continueHandshake();
    Net::IoResult transportRead(char *buffer, std::size_t capacity);
    Net::IoResult transportWrite(std::string_view bytes);
    void readAvailable();
    void flush();
    void flushSoon();
    void updateInterest();
    void fail(const std::string &reason);
    void checkIdleUnusable();
    Stream *streamOf(std::int32_t id) const;

    Net::EventLoop &m_loop;
    std::string m_endpoint;
    Net::UniqueFd m_fd;
    Net::TimerId m_connectTimer = 0;
    std::unique_ptr<BackendTlsSession> m_tls; // null: h2c (plain TCP)
    bool m_handshaking = false;
    nghttp2_session *m_session = nullptr;
    Net::ByteBuffer m_output;
    std::unordered_map<std::int32_t, std::unique_ptr<Stream>> m_streams;
    std::function<void()> m_onIdleUnusable;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
    std::uint32_t m_interest = 0;
    bool m_connected = false;
    bool m_failed = false;
    bool m_goaway = false;
    bool m_closedByPeer = false;     // the endpoint ended the connection (EOF or reset)
    std::uint64_t m_streamsEnded = 0; // streams that completed on this connection
    bool m_inSession = false; // inside nghttp2: frames are produced afterwards
    bool m_writeBlocked = false;
    bool m_flushPosted = false; // flushSoon(): a flush waits for the round's end
};

// The h2c connections of one worker: one shared connection per endpoint (a new one when it
// failed, got GOAWAY or is full). Thread: the worker's. Ownership: owns the connections; an
// unusable one with no stream is deleted after the current loop round.
class Http2UpstreamPool
{
public:
    Http2UpstreamPool(Net::EventLoop &loop, std::chrono::milliseconds connectTimeout);
    ~Http2UpstreamPool();
    // `tls` (the backend's BackendTLSPolicy settings; null: h2c) with `contexts` (the worker's
    // per-policy client contexts, Http1UpstreamPool::tlsContexts) is read during the call only.
    Http2Upstream *acquire(const std::string &endpoint, const std::string &host,
                           std::uint16_t port, const RouteTable::BackendTls *tls = nullptr,
                           BackendTlsContexts *contexts = nullptr);
    // A new connection whatever the pool holds (a refused stream is sent again on it).
    Http2Upstream *connect(const std::string &endpoint, const std::string &host,
                           std::uint16_t port, const RouteTable::BackendTls *tls = nullptr,
                           BackendTlsContexts *contexts = nullptr);
    // An attempt's connection: connect() when `fresh` (a refused stream sent again), else
    // acquire(). One place for both client paths.
    Http2Upstream *forAttempt(bool fresh, const std::string &endpoint, const std::string &host,
                              std::uint16_t port, const RouteTable::BackendTls *tls,
                              BackendTlsContexts *contexts)
    {
        return fresh ? connect(endpoint, host, port, tls, contexts)
                     : acquire(endpoint, host, port, tls, contexts);
    }

private:
    Http2Upstream *add(std::vector<std::unique_ptr<Http2Upstream>> &list, const std::string &key,
                       const std::string &endpoint, const std::string &host, std::uint16_t port,
                       const RouteTable::BackendTls *tls, BackendTlsContexts *contexts);
    void retire(Http2Upstream *upstream);

    Net::EventLoop &m_loop;
    std::chrono::milliseconds m_connectTimeout;
    std::unordered_map<std::string, std::vector<std::unique_ptr<Http2Upstream>>> m_connections;
    std::vector<std::unique_ptr<Http2Upstream>> m_dead;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

// True when the chosen backendRef speaks HTTP/2 without TLS (appProtocol kubernetes.io/h2c).
bool speaksH2c(const std::string &appProtocol);

} // namespace Torii::Proxy::Internal
