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
// Thread: the worker's loop only. Ownership: the LoopWorker owns it; it retires itself through
// `retire` (deleted after the current loop round).

#include "gateway_config.h"
#include "loop_worker_context.h"

#include "engine/net/byte_buffer.h"
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
    StreamConnection(LoopWorkerContext &context, const StreamSettings &settings,
                     Net::UniqueFd client, int gatewayPort, ListenerKind kind, SSL_CTX *terminate,
                     std::function<void(StreamConnection *)> retire);
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
    bool readClient();
    bool writeClient();
    bool readUpstream();
    bool writeUpstream();
    void updateInterest();
    void setInterest(int fd, std::uint32_t interest, bool eof, std::uint32_t *current,
                     bool *watched, Net::EventLoop::IoCallback callback);
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

    Net::ByteBuffer m_toUpstream; // client → backend (passthrough: starts with the ClientHello)
    Net::ByteBuffer m_toClient;   // backend → client
    bool m_clientEof = false;     // the client finished sending
    bool m_upstreamEof = false;   // the backend finished sending
    bool m_upstreamShut = false;  // SHUT_WR sent to the backend
    bool m_clientShut = false;    // SHUT_WR (and close_notify) sent to the client
    bool m_sslWantsWrite = false; // an SSL call needs the client socket writable
    bool m_failed = false;        // a read or write failed: the connection ends
    std::uint32_t m_clientInterest = 0;
    std::uint32_t m_upstreamInterest = 0;
    bool m_clientWatched = false;
    bool m_upstreamWatched = false;

    Net::TimerId m_timer = 0;     // hello/handshake, connect, or idle
    Net::EventLoop::Clock::time_point m_started;
    Net::EventLoop::Clock::time_point m_lastActivity;
    RequestEvent m_event;
};

} // namespace Torii::Proxy::Internal
