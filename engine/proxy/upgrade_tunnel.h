#pragma once

#include "backend_tls_session.h"
#include "exchange.h"

#include "engine/net/byte_buffer.h"
#include "engine/net/event_loop.h"
#include "engine/net/tcp_socket.h"

#include <openssl/types.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace Torii::Proxy::Internal {

struct LoopWorkerContext;

// An owned SSL (SSL_free).
struct SslFree
{
    void operator()(SSL *ssl) const;
};
using UniqueSsl = std::unique_ptr<SSL, SslFree>;

// What an HTTP/1.1 client connection hands over for a WebSocket upgrade (RFC 6455 4.1:
// "Connection: Upgrade", "Upgrade: websocket") that routing sent to an endpoint.
struct UpgradeHandover
{
    Net::UniqueFd fd; // the client's socket
    // The client's TLS session on `fd` (an HTTPS listener: the handshake is done); null: plain
    // TCP. The tunnel reads and writes the client through it.
    UniqueSsl clientSsl;
    std::string clientBytes;  // bytes the client sent after the request head (decrypted)
    std::string upstreamHead; // the request head for the endpoint, Upgrade kept
    std::string endpointHost;
    std::uint16_t endpointPort = 0;
    // The routing decision's event and snapshots; its backendTls (the backend's
    // BackendTLSPolicy) says whether the endpoint is reached over TLS.
    Exchange exchange;
};

// A WebSocket through the gateway: the filtered request head goes to the endpoint on a new TCP
// connection, then bytes are copied both ways unchanged (the endpoint's 101 and the frames),
// with bounded buffers (1 MiB per direction: a full one stops reading the other side) and
// half-close (one side's EOF is passed on as a shutdown of the other's write side once its
// bytes are out). An endpoint that answers something else than 101 is passed through the same
// way and the connection ends when the endpoint closes. One RequestEvent when the tunnel ends
// (the endpoint's status, bytes each way after the head).
//
// Either side may be TLS, independently: the client's when the listener terminates HTTPS (the
// SSL the client connection used is handed over, tls_io.h moves the bytes), the endpoint's when
// a BackendTLSPolicy targets the backend (a BackendTlsSession from the worker pool's contexts:
// the same handshake, SNI and certificate check as pooled connections, run after the TCP connect
// within the connect timeout; a failure answers 502 saying why). Bytes OpenSSL decrypted ahead
// of a full buffer are read once there is room again (no readiness event would tell), and a
// half-close sends close_notify before the TCP shutdown.
//
// Thread: the worker's. Ownership: the LoopWorker owns it; it retires itself through the
// context when both directions are done, on an error, or when the connect fails (502 then).
class UpgradeTunnel
{
public:
    static constexpr std::size_t kBufferBytes = 1 << 20;

    UpgradeTunnel(LoopWorkerContext &context, UpgradeHandover &&handover,
                  std::chrono::milliseconds connectTimeout);
    ~UpgradeTunnel();
    UpgradeTunnel(const UpgradeTunnel &) = delete;
    UpgradeTunnel &operator=(const UpgradeTunnel &) = delete;

    bool start();
    void abort();

private:
    struct Side
    {
        Net::UniqueFd fd;
        Net::ByteBuffer toWrite;    // bytes for this side
        bool readEnded = false;     // EOF read from this side
        bool writeShut = false;     // this side's write half was shut (the other ended)
        bool tlsWantsWrite = false; // the last SSL_read wanted the socket writable
        std::uint32_t interest = 0;
    };

    void onClient(std::uint32_t events);
    void onEndpoint(std::uint32_t events);
    void continueHandshake();
    void connected();
    void pump(Side &from, Side &to, bool fromClient);
    void pumpPending();
    void flush(Side &side);
    void shutWrite(Side &side);
    void update();
    void failConnect(const std::string &reason);
    void finish();
    Net::IoResult readFrom(Side &side, char *buffer, std::size_t capacity);
    Net::IoResult writeTo(Side &side, std::string_view bytes);
    bool tlsPending(const Side &side) const;

    LoopWorkerContext &m_context;
    Side m_client;
    Side m_endpoint;
    UniqueSsl m_clientSsl;                            // null: plain client
    std::unique_ptr<BackendTlsSession> m_endpointTls; // null: plain endpoint
    std::uint32_t m_handshakeInterest = 0;            // while the endpoint's TLS handshake runs
    Exchange m_x;
    std::string m_endpointName;
    std::string m_statusLine; // the endpoint's first bytes, until the status code is known
    Net::TimerId m_connectTimer = 0;
    bool m_connected = false;
    bool m_finished = false;
};

} // namespace Torii::Proxy::Internal
