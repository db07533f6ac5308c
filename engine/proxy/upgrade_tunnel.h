#pragma once

#include "exchange.h"

#include "engine/net/byte_buffer.h"
#include "engine/net/event_loop.h"
#include "engine/net/tcp_socket.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace Torii::Proxy::Internal {

struct LoopWorkerContext;

// What an HTTP/1.1 client connection hands over for a WebSocket upgrade (RFC 6455 4.1:
// "Connection: Upgrade", "Upgrade: websocket") that routing sent to an endpoint.
struct UpgradeHandover
{
    Net::UniqueFd fd;                 // the client's socket (plain TCP)
    std::string clientBytes;          // bytes the client sent after the request head
    std::string upstreamHead;         // the request head for the endpoint, Upgrade kept
    std::string endpointHost;
    std::uint16_t endpointPort = 0;
    Exchange exchange;                // the routing decision's event and snapshots
};

// A WebSocket through the gateway: the filtered request head goes to the endpoint on a new TCP
// connection, then bytes are copied both ways unchanged (the endpoint's 101 and the frames),
// with bounded buffers (1 MiB per direction: a full one stops reading the other side) and
// half-close (one side's EOF is passed on as a shutdown of the other's write side once its
// bytes are out). An endpoint that answers something else than 101 is passed through the same
// way and the connection ends when the endpoint closes. One RequestEvent when the tunnel ends
// (the endpoint's status, bytes each way after the head).
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
        Net::ByteBuffer toWrite; // bytes for this side
        bool readEnded = false;  // EOF read from this side
        bool writeShut = false;  // this side's write half was shut (the other ended)
        std::uint32_t interest = 0;
    };

    void onClient(std::uint32_t events);
    void onEndpoint(std::uint32_t events);
    void connected();
    void pump(Side &from, Side &to, bool fromClient);
    void flush(Side &side);
    void update();
    void failConnect(const std::string &reason);
    void finish();

    LoopWorkerContext &m_context;
    Side m_client;
    Side m_endpoint;
    Exchange m_x;
    std::string m_endpointName;
    std::string m_statusLine; // the endpoint's first bytes, until the status code is known
    Net::TimerId m_connectTimer = 0;
    bool m_connected = false;
    bool m_finished = false;
};

} // namespace Torii::Proxy::Internal
