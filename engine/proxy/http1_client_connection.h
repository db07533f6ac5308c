#pragma once

#include "exchange.h"
#include "http1_upstream.h"
#include "http2_upstream.h"

#include "engine/http/http1_codec.h"
#include "engine/net/byte_buffer.h"
#include "engine/net/event_loop.h"
#include "engine/net/tcp_socket.h"

#include <openssl/types.h>

#include <memory>
#include <optional>
#include <string>

namespace Torii::Proxy::Internal {

struct LoopWorkerContext;

// The I/O half of one client connection on one listener (plain TCP, or TLS terminated here):
// reads into a reused buffer, feeds the shared codec, hands each request head to the I/O-free
// exchange logic (exchange.h) on the table snapshot current when the head arrives, and either
// writes the local answer or streams the request to an Http1Upstream and the response back.
// Pipelined requests are handled one after the other, so answers leave in request order; the
// next request is not parsed until the current answer is complete.
//
// Timers (one loop timer per connection, re-armed lazily from a deadline): header timeout (a
// started head not complete in time: 408, close), the route's request/backendRequest timeout
// (504, or a retry for backendRequest), idle keep-alive (close quietly), TLS handshake (close
// quietly); plus the retry backoff's timer while a retry waits.
// Retries (retry_policy.h) and the stale-connection re-send: the body is kept while replayable
// (Exchange::body), the next attempt re-runs decideRequest on the kept client head. Towards an
// HTTP/2 endpoint (h2c, h2 over TLS) the same: each attempt is a new stream (the head as HTTP/2
// headers, the kept body as DATA, the trailers), and a stream the endpoint never processed
// (REFUSED_STREAM, GOAWAY, a close of an idle connection) is sent once more on a new connection.
// Mirrors: the upstream head and the body are handed to the worker's MirrorSender as they are
// sent upstream. 1xx answers (100 Continue, 103 Early Hints) from either kind of endpoint are
// forwarded to HTTP/1.1 clients, not to HTTP/1.0 ones.
// Backpressure: more than 1 MiB queued towards the client pauses reading the upstream; more than
// 1 MiB queued towards the upstream pauses reading the client.
// Closing: after a "Connection: close" answer the write side is shut and the rest of the
// client's bytes are read and dropped for a moment (lingering close), so the client sees the
// answer instead of a reset.
//
// Thread: the worker's. Ownership: owned by the LoopWorker; retires itself through the context
// when it ends (deleted after the loop round).
class Http1ClientConnection : private Http::RequestHandler, private Http2StreamListener
{
public:
    static constexpr std::size_t kHighWater = 1 << 20;

    Http1ClientConnection(LoopWorkerContext &context, Net::UniqueFd fd, std::string peer,
                          int gatewayPort, SSL_CTX *tls);
    ~Http1ClientConnection() override;
    Http1ClientConnection(const Http1ClientConnection &) = delete;
    Http1ClientConnection &operator=(const Http1ClientConnection &) = delete;

    // Starts watching the socket. False when the loop refused it (the connection is then
    // retired).
    bool start();
    // Cuts the connection now (the worker is stopping).
    void abort();

private:
    enum class Deadline { None, Header, Request, Idle, Linger, Handshake };

    void onIo(std::uint32_t events);
    void readInput(bool hangup);
    void processInput();
    void flushOutput();
    void updateInterest();
    void write(std::string_view bytes);
    void answerLocally(const LocalAnswer &answer);
    void answerProtocolError(const Http::Error &error);
    void finishExchange();
    void startLingeringClose();
    void closeNow();
    void releaseUpstream(bool reuse);
    // The client speaks HTTP/2 (preface, ALPN h2, or the h2c upgrade request `upgrade`): the
    // socket, the SSL and the bytes read so far go to an Http2ClientConnection; this one retires.
    void handOverToHttp2(std::optional<Http::RequestHead> upgrade);
    // A routed WebSocket upgrade: the socket and the exchange go to an UpgradeTunnel.
    void handOverToTunnel();
    // Attempts (retries, the stale re-send) and mirrors.
    RoutingInput routingInput(const Exchange &x) const;
    void sendAttempt(bool freshConnection);
    void armAttemptDeadline();
    bool retryAfter(const RetryPolicy::Outcome &outcome);
    bool resendIfStale();
    void startRetry();
    void startMirrors(const ForwardPlan &plan);
    void sendToMirrors(std::string_view bytes);
    void abandonMirrors();
    void keepBody(std::string_view chunk);
    void setDeadline(Deadline kind, std::chrono::milliseconds after);
    void onTimer();
    void onDeadline();
    // TLS
    bool handshake();
    Net::IoResult transportRead(char *buffer, std::size_t capacity);
    Net::IoResult transportWrite(std::string_view bytes);

    // Http::RequestHandler
    void onHead(Http::RequestHead &&head) override;
    void onBody(std::string_view chunk) override;
    void onComplete(Http::Headers &&trailers) override;
    // UpstreamListener
    void upstreamHead(Http::ResponseHead &&head) override;
    void upstreamBody(std::string_view chunk) override;
    void upstreamComplete() override;
    void upstreamFailed(const std::string &reason) override;
    void upstreamWritable() override;
    void upstreamBatchDone() override;
    void upstreamTrailers(Http::Headers &&trailers) override; // an h2c endpoint's
    // An h2c endpoint (appProtocol kubernetes.io/h2c): the request goes as an HTTP/2 stream.
    // Attempts (retries, a refused stream sent again) replay the kept body as DATA and trailers.
    void startH2cStream(ForwardPlan &plan, bool clientWantsTrailers);
    void openH2Attempt(bool freshConnection, bool replay);
    void upstreamRefused(const std::string &reason) override;

    LoopWorkerContext &m_context;
    Net::UniqueFd m_fd;
    std::string m_peer;
    const int m_gatewayPort;
    Http::RequestParser m_parser;
    Net::ByteBuffer m_input;  // client bytes not parsed yet
    Net::ByteBuffer m_output; // bytes not written to the client yet
    std::optional<Exchange> m_current;
    std::string m_spareHead;   // the finished exchange's upstreamHead buffer, for the next one
    std::string m_headScratch; // response heads are serialized here, then copied to m_output
    std::unique_ptr<Http1Upstream> m_upstream; // in use by m_current
    Http2Upstream *m_h2 = nullptr; // or this h2c stream (the worker's h2 pool owns it)
    std::int32_t m_h2Id = -1;
    bool m_h2Trailers = false; // the client said "TE: trailers": the stream's go in the last chunk
    Http::Headers m_h2ResponseTrailers;
    Net::TimerId m_timer = 0;
    Net::TimerId m_retryTimer = 0; // the backoff before the next attempt
    Net::EventLoop::Clock::time_point m_timerAt;  // when m_timer fires
    Net::EventLoop::Clock::time_point m_deadline; // when the current deadline elapses
    Deadline m_deadlineKind = Deadline::None;
    std::uint32_t m_interest = 0;
    bool m_processing = false;
    bool m_closing = false;   // no more requests: lingering or closed
    bool m_closed = false;    // retired
    bool m_closeWhenFlushed = false;
    bool m_upstreamPaused = false;
    bool m_writeBlocked = false; // the last flush left bytes the socket did not take
    bool m_mayBeHttp2 = true;    // no request yet: the first bytes may be HTTP/2's preface
    std::optional<Http::RequestHead> m_h2cUpgrade; // an "Upgrade: h2c" request, until Upgraded
    bool m_websocket = false; // m_current is a routed WebSocket upgrade, until Upgraded
    // TLS (null: plain TCP)
    SSL *m_ssl = nullptr;
    bool m_handshakeDone = true;
    bool m_tlsWantsWrite = false; // the last SSL call wanted the socket writable
    std::string m_sni;
};

} // namespace Torii::Proxy::Internal
