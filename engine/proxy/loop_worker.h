#pragma once

#include "gateway_config.h"
#include "loop_worker_context.h"
#include "request_event_ring.h"
#include "shared_state.h"
#include "stream_connection.h"
#include "udp_proxy.h"

#include "engine/net/event_loop.h"
#include "engine/net/tcp_socket.h"

#include <atomic>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace Torii::Proxy::Internal {

class MirrorSender;

class Http1ClientConnection;
class Http2ClientConnection;
struct Http2Handover;
class UpgradeTunnel;
struct UpgradeHandover;
class Http1Upstream;
class Http1UpstreamPool;
class Http2UpstreamPool;

// One gateway worker: an EventLoop on its own std::thread, its listening sockets (each worker
// listens on every port with SO_REUSEPORT when there are several, so the kernel spreads the
// connections without an acceptor thread or a handoff), its client connections and its own
// upstream pool. Nothing on the request path is shared with another worker except the
// SharedState snapshots (read through a per-worker cache).
// Thread: constructed and destroyed on the owner's thread while the loop is not running; run()
// on the worker thread; stop() from any thread. Ownership: owns its listeners, connections and
// pool; the ring and counter it writes to are the Gateway's.
class LoopWorker
{
public:
    struct Listener
    {
        Net::UniqueFd fd;
        int gatewayPort = 0;
        std::shared_ptr<SSL_CTX> tls; // null: plain HTTP
        ListenerKind kind = ListenerKind::Http; // L4 kinds: StreamConnection / UdpProxy
    };

    LoopWorker(const GatewayConfig &config, std::shared_ptr<SharedState> shared,
               std::vector<Listener> listeners, RequestEventRing *events,
               std::atomic<std::uint64_t> *tlsFailures,
               std::atomic<std::uint64_t> *mirrorDrops = nullptr,
               std::atomic<std::uint64_t> *udpDrops = nullptr);
    ~LoopWorker();
    LoopWorker(const LoopWorker &) = delete;
    LoopWorker &operator=(const LoopWorker &) = delete;

    // Watches the listeners. False and `error` when the loop could not be set up.
    bool init(std::string *error);
    void run() { m_loop.run(); }
    void stop() { m_loop.stop(); }

private:
    void acceptPending(Listener &listener);
    void retire(Http1ClientConnection *connection);
    void startHttp2(Http2Handover &&handover);
    void retire(Http2ClientConnection *connection);
    void startTunnel(UpgradeHandover &&handover);
    void retire(UpgradeTunnel *tunnel);
    void retire(std::unique_ptr<Http1Upstream> upstream);
    void scheduleReap();
    void acceptStream(Listener &listener, Net::UniqueFd fd);
    SSL_CTX *currentTls(const Listener &listener); // the TLS context a new connection uses
    void retire(StreamConnection *connection);

    Net::EventLoop m_loop;
    LoopWorkerContext m_context;
    std::unique_ptr<Http1UpstreamPool> m_pool;
    std::unique_ptr<Http2UpstreamPool> m_h2Pool;
    std::unique_ptr<MirrorSender> m_mirrors; // uses m_pool
    std::vector<Listener> m_listeners;
    std::unordered_map<Http1ClientConnection *, std::unique_ptr<Http1ClientConnection>>
        m_connections;
    std::vector<std::unique_ptr<Http1ClientConnection>> m_deadConnections;
    std::unordered_map<Http2ClientConnection *, std::unique_ptr<Http2ClientConnection>> m_http2;
    std::vector<std::unique_ptr<Http2ClientConnection>> m_deadHttp2;
    std::unordered_map<UpgradeTunnel *, std::unique_ptr<UpgradeTunnel>> m_tunnels;
    std::vector<std::unique_ptr<UpgradeTunnel>> m_deadTunnels;
    std::chrono::milliseconds m_connectTimeout{5000};
    std::vector<std::unique_ptr<Http1Upstream>> m_deadUpstreams;
    bool m_reapScheduled = false;
    // L4 (stream_connection.h, udp_proxy.h).
    StreamSettings m_streamSettings;
    UdpSettings m_udpSettings;
    std::atomic<std::uint64_t> *m_udpDrops = nullptr;
    std::atomic<std::uint64_t> m_ownUdpDrops{0}; // when the Gateway passes no counter
    std::unique_ptr<RelayBufferPool> m_relayBuffers; // the streams' buffers (relay_buffer.h)
    std::unordered_map<StreamConnection *, std::unique_ptr<StreamConnection>> m_streams;
    std::vector<std::unique_ptr<StreamConnection>> m_deadStreams;
    std::vector<std::unique_ptr<UdpProxy>> m_udp;
};

} // namespace Torii::Proxy::Internal
