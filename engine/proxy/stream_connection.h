#pragma once

// One accepted connection on an L4 listener (TCP, TLS Passthrough, TLS Terminate): routes it
// once, then splices bytes between the client and one backend endpoint until both sides are done.
//
// - Tcp: the port's TCPRoute (RouteTable::lookupStream(port)).
// - TlsPassthrough: the ClientHello is read (client_hello.h; within StreamSettings::helloTimeout)
//   and the TLSRoute is looked up by its SNI (hostname intersection and wildcards are the
//   table's); the bytes read so far, ClientHello included, go to the backend first: TLS is never
//   terminated. Garbage, a missing route or no endpoint: the connection is closed without a
//   byte sent (the client sees EOF, as conformance's "reset" cases expect).
// - TlsTerminate: the gateway completes the handshake with the listener's SSL_CTX (the SNI picks
//   the certificate), looks the route up by the SNI, and forwards the decrypted stream over TCP.
//
// The backend is drawn per connection by weight among the route's backendRefs (weight 0 never),
// the endpoint round robin. Splicing: one bounded buffer per direction (StreamSettings::
// bufferBytes): a side is read only while the buffer towards the other has room, so a slow
// reader stops the fast writer instead of growing memory. Half-close: EOF from one side is
// passed on as shutdown(SHUT_WR) (TLS: close_notify, then SHUT_WR) once its buffer is drained;
// the connection ends when both directions are closed, on an error, or after idleTimeout without
// a byte either way. One RequestEvent per connection (method "TCP"/"TLS", target = SNI,
// bytesIn = client → backend, bytesOut = backend → client, latencyMicros = duration).
//
// Speed (tests/bench/l4_compare.sh against nginx and haproxy): both sockets are watched
// edge-triggered for Readable|Writable from the start and never modified; the connection keeps
// each side's readiness itself (cleared when a read comes back short or a write would block),
// so a relayed message costs one read and one write, with no epoll_ctl and no read that only
// finds EAGAIN. Each callback moves bytes until nothing is ready, at most kRoundBudget per
// direction, then yields to the other connections (EventLoop::resumeNextRound). A completed
// connect is taken from the Writable edge (SO_ERROR is read only with an error or hangup); the
// buffers are RelayBuffers, their blocks borrowed from the worker's pool only while they hold
// bytes; the sockets are closed without epoll_ctl(DEL), and once both directions are done
// without shutdown() (close sends the FIN). A plain direction (TCP, TLS passthrough) that reads
// kBulkRead bytes at once switches to splice(2) through a pipe of its own (the bytes never enter
// user space; the pipe's 64 KiB is the direction's bound), once its buffer is empty, so the
// order of the bytes holds; small messages keep the copy, which costs them less.
//
// Thread: the worker's loop only. Ownership: the LoopWorker owns it; it retires itself through
// `retire` (deleted after the current loop round).

#include "gateway_config.h"
#include "loop_worker_context.h"
#include "relay_buffer.h"

#include "engine/net/event_loop.h"
#include "engine/net/tcp_socket.h"

#include <openssl/types.h>

#include <chrono>
#include <functional>
#include <string>

namespace Torii::Proxy::Internal {

struct StreamSettings
{
    std::chrono::milliseconds connectTimeout{5000};
    std::chrono::milliseconds idleTimeout{std::chrono::hours(1)};
    std::chrono::milliseconds helloTimeout{30000}; // ClientHello (passthrough) or handshake
    std::size_t bufferBytes = 64 * 1024;
};

class StreamConnection
{
public:
    // `buffers`: the worker's pool, of at least max(bufferBytes, kMaxClientHello) per block.
    StreamConnection(LoopWorkerContext &context, const StreamSettings &settings,
                     RelayBufferPool &buffers, Net::UniqueFd client, int gatewayPort,
                     ListenerKind kind, SSL_CTX *terminate,
                     std::function<void(StreamConnection *)> retire);
    // The block size a worker's RelayBufferPool needs for `settings`.
    static std::size_t poolBlockBytes(const StreamSettings &settings);
    ~StreamConnection();
    StreamConnection(const StreamConnection &) = delete;
    StreamConnection &operator=(const StreamConnection &) = delete;

    void start();
    // Closes both sides now (gateway stop); publishes the event. Retires itself.
    void abort() { finish(); }

private:
    enum class Phase { ReadingHello, Handshaking, Connecting, Splicing, Done };

    void onClient(std::uint32_t events);
    void onUpstream(std::uint32_t events);
    void readHello();
    void handshake();
    void route(const std::string &serverName);
    void connected();
    void pump();
    bool readClient(std::size_t *budget);
    bool writeClient();
    bool readUpstream(std::size_t *budget);
    bool writeUpstream();
    void closeDirections();
    // Bulk transfers (plain sockets only): splice(2) through a pipe instead of copying.
    struct SplicePipe
    {
        Net::UniqueFd readEnd;
        Net::UniqueFd writeEnd;
        std::size_t bytes = 0; // in the pipe, not yet written on
        bool wanted = false;   // a read brought kBulkRead bytes or more: a bulk transfer
        bool active() const { return readEnd.valid(); }
    };
    void startSplicing(SplicePipe &pipe, const RelayBuffer &buffer, bool eof);
    bool spliceIn(int from, SplicePipe &pipe, bool *readable, bool *eof, std::size_t *budget,
                  std::uint64_t *counter);
    bool spliceOut(SplicePipe &pipe, int to, bool *writable);
    void armIdle();
    void finish();

    LoopWorkerContext &m_context;
    const StreamSettings &m_settings;
    Net::UniqueFd m_client;
    Net::UniqueFd m_upstream;
    SSL *m_ssl = nullptr; // TlsTerminate: the client side's TLS
    ListenerKind m_kind;
    Phase m_phase = Phase::ReadingHello;
    std::function<void(StreamConnection *)> m_retire;

    RelayBuffer m_toUpstream;     // client → backend (passthrough: starts with the ClientHello)
    RelayBuffer m_toClient;       // backend → client
    SplicePipe m_pipeToUpstream;  // replaces m_toUpstream once a bulk transfer is seen
    SplicePipe m_pipeToClient;    // replaces m_toClient likewise
    bool m_spliceFailed = false;  // no pipe could be made: copy
    bool m_clientEof = false;     // the client finished sending
    bool m_upstreamEof = false;   // the backend finished sending
    bool m_upstreamShut = false;  // SHUT_WR sent to the backend
    bool m_clientShut = false;    // SHUT_WR (and close_notify) sent to the client
    bool m_sslWantsWrite = false; // the handshake needs the client socket writable
    bool m_failed = false;        // a read or write failed: the connection ends
    // Edge-triggered readiness, as last reported and not yet used up: set by an event, cleared
    // when a read comes back short or empty, or a write would block.
    bool m_clientReadable = false;
    bool m_clientWritable = false;
    bool m_upstreamReadable = false;
    bool m_upstreamWritable = false;
    // The peer's half-close (or a reset) was reported: a short read no longer means that
    // everything was read, as the EOF behind the data came with the same edge.
    bool m_clientHangup = false;
    bool m_upstreamHangup = false;
    bool m_clientWatched = false;
    bool m_upstreamWatched = false;

    Net::TimerId m_timer = 0;     // hello/handshake, connect, or idle
    Net::TimerId m_resume = 0;    // a pump() left for the next round (budget used up)
    Net::EventLoop::Clock::time_point m_started;
    Net::EventLoop::Clock::time_point m_lastActivity;
    RequestEvent m_event;
};

} // namespace Torii::Proxy::Internal
