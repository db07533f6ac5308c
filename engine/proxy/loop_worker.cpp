#include "loop_worker.h"

#include "http1_client_connection.h"
#include "http1_upstream.h"
#include "http2_client_connection.h"
#include "http2_upstream.h"
#include "mirror_sender.h"
#include "upgrade_tunnel.h"

#include <random>

namespace Torii::Proxy::Internal {

namespace {
constexpr std::chrono::milliseconds kAcceptBackoff{100}; // after EMFILE and the like
} // namespace

LoopWorker::LoopWorker(const GatewayConfig &config, std::shared_ptr<SharedState> shared,
                       std::vector<Listener> listeners, RequestEventRing *events,
                       std::atomic<std::uint64_t> *tlsFailures,
                       std::atomic<std::uint64_t> *mirrorDrops,
                       std::atomic<std::uint64_t> *udpDrops)
    : m_listeners(std::move(listeners))
{
    m_streamSettings.connectTimeout = config.connectTimeout;
    m_streamSettings.idleTimeout = config.streamIdleTimeout;
    m_streamSettings.helloTimeout = config.headerTimeout;
    m_streamSettings.bufferBytes = std::max<std::size_t>(1024, config.streamBufferBytes);
    m_relayBuffers =
        std::make_unique<RelayBufferPool>(StreamConnection::poolBlockBytes(m_streamSettings));
    m_udpSettings.sessionTimeout = config.udpSessionTimeout;
    m_udpSettings.maxSessions = config.udpMaxSessions;
    m_udpSettings.queueDatagrams = config.udpQueueDatagrams;
    m_udpDrops = udpDrops ? udpDrops : &m_ownUdpDrops;
    m_context.loop = &m_loop;
    m_context.snapshots = std::make_unique<SnapshotCache>(std::move(shared));
    m_context.limits = config.limits;
    m_context.onEvent = config.onEvent;
    m_context.events = events;
    m_context.tlsFailures = tlsFailures;
    m_context.headerTimeout = config.headerTimeout;
    m_context.idleTimeout = config.idleTimeout;
    m_context.random = config.random;
    if (!m_context.random) {
        auto engine = std::make_shared<std::mt19937>(std::random_device{}());
        m_context.random = [engine] {
            return std::uniform_real_distribution<double>(0.0, 1.0)(*engine);
        };
    }
    m_context.retireConnection = [this](Http1ClientConnection *c) { retire(c); };
    m_context.startHttp2 = [this](Http2Handover &&h) { startHttp2(std::move(h)); };
    m_context.retireHttp2 = [this](Http2ClientConnection *c) { retire(c); };
    m_context.startTunnel = [this](UpgradeHandover &&h) { startTunnel(std::move(h)); };
    m_context.retireTunnel = [this](UpgradeTunnel *t) { retire(t); };
    m_connectTimeout = config.connectTimeout;
    m_pool = std::make_unique<Http1UpstreamPool>(
        m_loop, config.limits, config.connectTimeout, config.maxIdlePerEndpoint,
        [this](std::unique_ptr<Http1Upstream> u) { retire(std::move(u)); });
    m_pool->tlsContexts().setSystemTrustStandIn(config.systemTrustStandIn);
    m_context.pool = m_pool.get();
    m_h2Pool = std::make_unique<Http2UpstreamPool>(m_loop, config.connectTimeout);
    m_context.h2Pool = m_h2Pool.get();
    m_mirrors = std::make_unique<MirrorSender>(m_loop, *m_pool, mirrorDrops, m_h2Pool.get());
    m_context.mirrors = m_mirrors.get();
}

// Connections first (they use the pool and the context), then the pool, then the listeners.
LoopWorker::~LoopWorker()
{
    std::vector<Http1ClientConnection *> open;
    for (auto &[raw, owned] : m_connections) {
        open.push_back(raw);
    }
    for (Http1ClientConnection *c : open) {
        c->abort(); // retires into m_deadConnections
    }
    m_connections.clear();
    m_deadConnections.clear();
    std::vector<Http2ClientConnection *> open2;
    for (auto &[raw, owned] : m_http2) {
        open2.push_back(raw);
    }
    for (Http2ClientConnection *c : open2) {
        c->abort(); // GOAWAY, then retires into m_deadHttp2
    }
    m_http2.clear();
    m_deadHttp2.clear();
    std::vector<UpgradeTunnel *> tunnels;
    for (auto &[raw, owned] : m_tunnels) {
        tunnels.push_back(raw);
    }
    for (UpgradeTunnel *t : tunnels) {
        t->abort(); // retires into m_deadTunnels
    }
    m_tunnels.clear();
    m_deadTunnels.clear();
    std::vector<StreamConnection *> streams;
    for (auto &[raw, owned] : m_streams) {
        streams.push_back(raw);
    }
    for (StreamConnection *s : streams) {
        s->abort(); // retires into m_deadStreams
    }
    m_streams.clear();
    m_deadStreams.clear();
    m_udp.clear();
    m_deadUpstreams.clear();
    m_mirrors.reset();
    m_h2Pool.reset();
    m_pool.reset();
    m_deadUpstreams.clear();
    for (Listener &listener : m_listeners) {
        m_loop.remove(listener.fd.get());
    }
}

bool LoopWorker::init(std::string *error)
{
    if (!m_loop.isValid()) {
        if (error) {
            *error = m_loop.initError();
        }
        return false;
    }
    for (Listener &listener : m_listeners) {
        Listener *l = &listener;
        if (listener.kind == ListenerKind::Udp) {
            m_udp.push_back(std::make_unique<UdpProxy>(m_context, m_udpSettings, listener.fd.get(),
                                                       listener.gatewayPort, m_udpDrops));
            if (!m_udp.back()->init(error)) {
                return false;
            }
            continue;
        }
        if (!m_loop.add(listener.fd.get(), Net::Readable,
                        [this, l](std::uint32_t) { acceptPending(*l); }, error)) {
            return false;
        }
    }
    return true;
}

// One connection per readiness event, as nginx does by default: the listener is
// level-triggered, so a backlog is reported again next round (between other connections' work),
// and the common case, one new connection, costs no accept() that finds the queue empty.
void LoopWorker::acceptPending(Listener &listener)
{
    bool wouldBlock = false;
    std::string peer; // for HTTP connections; L4 ones do not use it
    Net::UniqueFd fd = Net::acceptTcp(listener.fd.get(), &wouldBlock,
                                      listener.kind == ListenerKind::Http ? &peer : nullptr);
    if (!fd) {
        if (!wouldBlock) {
            // Out of descriptors or the like: stop accepting for a moment instead of spinning
            // on a listener that stays readable.
            const int listenFd = listener.fd.get();
            m_loop.modify(listenFd, 0);
            m_loop.addTimer(kAcceptBackoff,
                            [this, listenFd] { m_loop.modify(listenFd, Net::Readable); });
        }
        return;
    }
    if (listener.kind != ListenerKind::Http) {
        acceptStream(listener, std::move(fd));
        return;
    }
    auto connection = std::make_unique<Http1ClientConnection>(
        m_context, std::move(fd), std::move(peer), listener.gatewayPort, currentTls(listener));
    Http1ClientConnection *raw = connection.get();
    m_connections.emplace(raw, std::move(connection));
    raw->start(); // on failure it retires itself
}

// A TLS listener (HTTPS, TLS Terminate) handshakes with the context published last
// (setTlsContexts), else the one it started with; the connection's SSL keeps its own reference.
SSL_CTX *LoopWorker::currentTls(const Listener &listener)
{
    SSL_CTX *tls = listener.tls.get();
    if (tls) {
        m_context.snapshots->refresh();
        const TlsContextMap &published = *m_context.snapshots->tlsContexts();
        if (const auto it = published.find(listener.gatewayPort);
            it != published.end() && it->second) {
            tls = it->second.get();
        }
    }
    return tls;
}

void LoopWorker::retire(Http1ClientConnection *connection)
{
    auto it = m_connections.find(connection);
    if (it == m_connections.end()) {
        return;
    }
    m_deadConnections.push_back(std::move(it->second));
    m_connections.erase(it);
    scheduleReap();
}

void LoopWorker::startHttp2(Http2Handover &&handover)
{
    auto connection = std::make_unique<Http2ClientConnection>(m_context, std::move(handover));
    Http2ClientConnection *raw = connection.get();
    m_http2.emplace(raw, std::move(connection));
    raw->start(); // on failure it retires itself
}

void LoopWorker::retire(Http2ClientConnection *connection)
{
    auto it = m_http2.find(connection);
    if (it == m_http2.end()) {
        return;
    }
    m_deadHttp2.push_back(std::move(it->second));
    m_http2.erase(it);
    scheduleReap();
}

void LoopWorker::startTunnel(UpgradeHandover &&handover)
{
    auto tunnel = std::make_unique<UpgradeTunnel>(m_context, std::move(handover), m_connectTimeout);
    UpgradeTunnel *raw = tunnel.get();
    m_tunnels.emplace(raw, std::move(tunnel));
    raw->start(); // on failure it retires itself
}

void LoopWorker::retire(UpgradeTunnel *tunnel)
{
    auto it = m_tunnels.find(tunnel);
    if (it == m_tunnels.end()) {
        return;
    }
    m_deadTunnels.push_back(std::move(it->second));
    m_tunnels.erase(it);
    scheduleReap();
}

void LoopWorker::retire(std::unique_ptr<Http1Upstream> upstream)
{
    m_deadUpstreams.push_back(std::move(upstream));
    scheduleReap();
}

// Deleted after the current round: the object may be inside its own callback now.
void LoopWorker::scheduleReap()
{
    if (m_reapScheduled) {
        return;
    }
    m_reapScheduled = true;
    m_loop.post([this] {
        m_reapScheduled = false;
        m_deadStreams.clear();
        auto http2 = std::move(m_deadHttp2);
        http2.clear();
        auto tunnels = std::move(m_deadTunnels);
        tunnels.clear();
        auto connections = std::move(m_deadConnections);
        auto upstreams = std::move(m_deadUpstreams);
        connections.clear(); // may retire upstreams again (scheduled for the next round)
        upstreams.clear();
    });
}

void LoopWorker::acceptStream(Listener &listener, Net::UniqueFd fd)
{
    // TLS Terminate handshakes with the context published last, as HTTPS listeners do.
    SSL_CTX *tls = listener.kind == ListenerKind::TlsTerminate ? currentTls(listener)
                                                                : listener.tls.get();
    auto connection = std::make_unique<StreamConnection>(
        m_context, m_streamSettings, *m_relayBuffers, std::move(fd), listener.gatewayPort,
        listener.kind, tls,
        [this](StreamConnection *c) { retire(c); });
    StreamConnection *raw = connection.get();
    m_streams.emplace(raw, std::move(connection));
    raw->start(); // on failure it retires itself
}

void LoopWorker::retire(StreamConnection *connection)
{
    auto it = m_streams.find(connection);
    if (it == m_streams.end()) {
        return;
    }
    m_deadStreams.push_back(std::move(it->second));
    m_streams.erase(it);
    scheduleReap();
}

} // namespace Torii::Proxy::Internal
