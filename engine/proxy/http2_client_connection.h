#pragma once

#include "exchange.h"
#include "http1_upstream.h"

#include "engine/http/http1_codec.h"
#include "engine/net/byte_buffer.h"
#include "engine/net/event_loop.h"
#include "engine/net/tcp_socket.h"

#include <openssl/types.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct nghttp2_session;

namespace Torii::Proxy::Internal {

struct LoopWorkerContext;

// What an HTTP/1.1 client connection hands over when the client speaks HTTP/2: the prior-knowledge
// preface on a plain listener, ALPN "h2" after a TLS handshake, or an "Upgrade: h2c" request.
struct Http2Handover
{
    Net::UniqueFd fd;
    std::string peer;
    int gatewayPort = 0;
    SSL *ssl = nullptr; // handshaken; owned by the receiver from now on (null: plain TCP)
    std::string sni;
    std::string received; // client bytes already read (decrypted): the preface onwards
    // h2c upgrade (RFC 7540 3.2): the HTTP/1.1 request that becomes stream 1, and its
    // HTTP2-Settings value (base64url). The 101 goes out before the server's SETTINGS.
    std::optional<Http::RequestHead> upgrade;
    std::string http2Settings;
};

// gRPC's status for an answer the gateway makes itself (the HTTP → gRPC table Envoy and the
// gRPC spec use: 400 → 13 INTERNAL, 401 → 16, 403 → 7, 404 → 12 UNIMPLEMENTED, 429/502/503 →
// 14 UNAVAILABLE, 504 → 4 DEADLINE_EXCEEDED when it is the route's timeout, else 2 UNKNOWN).
int grpcStatusForHttp(int httpStatus, bool timeout);
// grpc-message's percent-encoding (gRPC over HTTP/2: printable ASCII except '%' kept).
std::string grpcPercentEncode(std::string_view message);
// Whether a connection's first bytes are HTTP/2's client preface "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n":
// Yes (all 24 bytes), Partial (a prefix of it so far: read more), No.
enum class PrefaceCheck { No, Partial, Yes };
PrefaceCheck checkHttp2Preface(std::string_view received);

// One client connection speaking HTTP/2 (RFC 9113) on one listener, plain (h2c) or over TLS.
// nghttp2's server session does the framing, HPACK and flow-control windows; the bytes move
// through our own non-blocking I/O on the fd or the SSL* (nghttp2_session_mem_recv/mem_send).
//
// Each stream is one Exchange (exchange.h), exactly as an HTTP/1.1 request: pseudo-headers →
// Http::RequestHead (":authority" as Host), startExchange on the table snapshot current when
// the stream's HEADERS arrive, then a local answer or the forward plan sent to an Http1Upstream
// from the worker's pool, or, for a backend with appProtocol kubernetes.io/h2c and for every
// gRPC call, as a stream of the endpoint's shared Http2Upstream (http2_upstream.h); the response
// goes back as HEADERS (hop-by-hop fields out, lower-case names), DATA and, from an HTTP/2
// endpoint, trailers. A gRPC request (content-type application/grpc*) answered by the gateway
// itself gets a trailers-only response (grpc-status, grpc-message). One RequestEvent per stream
// (protocol "HTTP/2").
//
// Flow control and memory: the request body is only acknowledged to the client (WINDOW_UPDATE
// through nghttp2_session_consume) while the upstream's send buffer is below its 1 MiB high
// water; response bytes wait in the stream's buffer while the client's window is closed, and
// more than kHighWater there pauses reading the upstream. More than kHighWater queued towards
// the client's socket stops producing frames and reading the client.
//
// GOAWAY (graceful: streams already accepted finish, on the table they started with): when the
// worker stops (best effort, then the connection is cut), when a stream sees another route table
// than the connection's first one (the client reconnects for the next requests), and after the
// idle timeout with no stream open.
//
// As on the HTTP/1.1 path, with the same code (retry_policy.h, the Exchange's attempt helpers,
// startMirrorCopies): the HTTPRoute retry policy (listed codes, connect failures and resets
// before the response, backoff) and the one re-send after a stale pooled connection (the body
// is kept while it fits RetryPolicy::kMaxReplayableBody); RequestMirror copies. Interim responses (100 Continue, 103 Early Hints) are forwarded as
// HEADERS before the final one; an HTTP/1.1 endpoint's chunked trailers become HTTP/2 trailers.
// A BackendTLSPolicy on an h2c/gRPC backend makes its Http2Upstream TLS with ALPN h2.
// Towards HTTP/2 endpoints (h2c, gRPC, h2 over TLS) the same policies: each attempt is a new
// stream replaying the kept body (Http2Upstream::openReplay), a stream the endpoint never
// processed (REFUSED_STREAM, GOAWAY, a close of an idle connection) is sent once more on a new
// connection, and mirror copies to an HTTP/2 mirror backend are streams of the worker's h2 pool
// (mirror_sender.h). Their 1xx answers are forwarded as from an HTTP/1.1 endpoint.
//
// Output: what the upstreams' callbacks queue during a loop round goes to the client in one
// write at the round's end (sendSoon); frames from reading the client go out right after it.
//
// Thread: the worker's. Ownership: owned by the LoopWorker; retires itself through the context.
class Http2ClientConnection
{
public:
    static constexpr std::size_t kHighWater = 1 << 20;

    Http2ClientConnection(LoopWorkerContext &context, Http2Handover &&handover);
    ~Http2ClientConnection();
    Http2ClientConnection(const Http2ClientConnection &) = delete;
    Http2ClientConnection &operator=(const Http2ClientConnection &) = delete;

    // Starts watching the socket and processes the bytes handed over. False when the session or
    // the loop could not be set up (the connection is then retired).
    bool start();
    // GOAWAY (best effort: what the socket takes now), then cut (the worker is stopping).
    void abort();
    // The frame handling as if `bytes` had been read from the client (the fuzz target uses it
    // without the event loop running).
    void receive(std::string_view bytes);
    bool closed() const { return m_closed; }

private:
    class Stream;
    friend class Stream;
    struct Callbacks;

    bool setUpSession();
    void onIo(std::uint32_t events);
    void readInput();
    void sendPending();
    void flushOutput();
    void updateInterest();
    void closeNow();
    void closeWhenDone();
    void goAway(std::uint32_t error);
    void onIdleTimer();
    void armIdleTimer();
    void streamClosed(std::int32_t id);
    void reapStreams();
    void sendSoon();
    void postRoundEnd();
    Stream *streamOf(std::int32_t id) const;
    Net::IoResult transportRead(char *buffer, std::size_t capacity);
    Net::IoResult transportWrite(std::string_view bytes);

    LoopWorkerContext &m_context;
    Net::UniqueFd m_fd;
    std::string m_peer;
    const int m_gatewayPort;
    SSL *m_ssl = nullptr;
    std::string m_sni;
    std::string m_received;
    std::optional<Http::RequestHead> m_upgrade;
    std::string m_http2Settings;
    nghttp2_session *m_session = nullptr;
    Net::ByteBuffer m_output; // frames not written to the client yet
    std::unordered_map<std::int32_t, std::unique_ptr<Stream>> m_streams;
    std::vector<std::unique_ptr<Stream>> m_deadStreams; // deleted after the current callbacks
    std::vector<std::int32_t> m_resume; // streams whose upstream may read again (after a send)
    std::shared_ptr<const RouteTable::RouteTable> m_firstTable; // the table GOAWAY compares to
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true); // for posted tasks
    Net::TimerId m_idleTimer = 0;
    Net::EventLoop::Clock::time_point m_idleSince;
    std::uint32_t m_interest = 0;
    bool m_closed = false;
    bool m_goawaySent = false;
    bool m_sending = false;
    bool m_roundEndPosted = false;
    bool m_sendDeferred = false; // sendSoon() asked for a send at the round's end
    bool m_writeBlocked = false;
    bool m_tlsWantsWrite = false;
};

} // namespace Torii::Proxy::Internal
