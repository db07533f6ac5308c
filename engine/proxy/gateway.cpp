#include "gateway.h"

#include "loop_worker.h"
#include "request_event_ring.h"
#include "shared_state.h"
#include "udp_proxy.h"

#include "engine/net/tcp_socket.h"

#include <csignal>
#include <mutex>

#include <pthread.h>

namespace Torii::Proxy {

Gateway::Gateway(GatewayConfig config)
    : m_config(std::move(config))
    , m_shared(std::make_shared<Internal::SharedState>())
{}

Gateway::~Gateway()
{
    stop();
}

bool Gateway::start(std::string *error)
{
    if (isRunning()) {
        if (error) {
            *error = "the gateway is already running";
        }
        return false;
    }
    const int workers = std::max(1, m_config.workers);
    // Bind everything first, on this thread: a failure leaves nothing listening. The first
    // socket of a port takes the configured (or an OS-chosen) port; the other workers' sockets
    // join it with SO_REUSEPORT. One worker binds without it, so a port another program (or
    // gateway) holds is reported instead of shared.
    std::vector<std::vector<Internal::LoopWorker::Listener>> perWorker;
    perWorker.resize(std::size_t(workers));
    std::map<int, quint16> bound;
    Net::ListenOptions options;
    options.reusePort = workers > 1;
    for (const ListenerConfig &listener : m_config.listeners) {
        quint16 port = listener.localPort;
        if (listener.kind == ListenerKind::Udp) {
            // A socket per worker joined with SO_REUSEPORT: the kernel hashes a flow's addresses
            // to one socket, so a flow's datagrams, and its session, stay on one worker.
            for (int w = 0; w < workers; ++w) {
                std::string why;
                Net::UniqueFd fd = Internal::bindUdp(listener.bindAddress, port, &why,
                                                     options.reusePort);
                if (!fd) {
                    if (error) {
                        *error = why + " for gateway port " + std::to_string(listener.gatewayPort);
                    }
                    return false;
                }
                if (w == 0) {
                    port = Net::localPort(fd.get());
                    bound[listener.gatewayPort] = port;
                }
                perWorker[std::size_t(w)].push_back(
                    {std::move(fd), listener.gatewayPort, nullptr, listener.kind});
            }
            continue;
        }
        // A TLS client speaks first (its ClientHello): the worker is woken once the hello is
        // there, not once for the connection and again for the hello. HTTP listeners accept at
        // once, so a silent client meets the header timeout as configured; TCP ones too, as
        // the protocol behind a TCPRoute may have the server speak first.
        Net::ListenOptions listenerOptions = options;
        if (listener.kind == ListenerKind::TlsPassthrough ||
            listener.kind == ListenerKind::TlsTerminate) {
            listenerOptions.deferAcceptSeconds = 1;
        }
        for (int w = 0; w < workers; ++w) {
            std::string why;
            Net::UniqueFd fd = Net::listenTcp(listener.bindAddress, port, listenerOptions, &why);
            if (!fd) {
                if (error) {
                    *error = "cannot listen on " + listener.bindAddress + ':' +
                             std::to_string(port) + " for gateway port " +
                             std::to_string(listener.gatewayPort) + ": " +
                             why.substr(why.find(": ") == std::string::npos
                                            ? 0
                                            : why.find(": ") + 2);
                }
                return false; // the sockets bound so far close with `perWorker`
            }
            if (w == 0) {
                port = Net::localPort(fd.get());
                bound[listener.gatewayPort] = port;
            }
            perWorker[std::size_t(w)].push_back(
                {std::move(fd), listener.gatewayPort, listener.tlsContext, listener.kind});
        }
    }
    for (const auto &ring : m_rings) {
        m_droppedBefore += ring->dropped();
    }
    m_rings.clear();
    GatewayConfig workerConfig = m_config;
    if (workers > 1 && workerConfig.random) {
        // An injected source (a seeded generator, for reproducible splits) is one object: the
        // workers take turns. Without one, each worker seeds its own and nothing is shared.
        auto mutex = std::make_shared<std::mutex>();
        workerConfig.random = [mutex, source = m_config.random] {
            std::lock_guard lock(*mutex);
            return source();
        };
    }
    std::vector<std::unique_ptr<Internal::LoopWorker>> created;
    for (int w = 0; w < workers; ++w) {
        RequestEventRing *ring = nullptr;
        if (m_config.eventRingCapacity > 0) {
            m_rings.push_back(std::make_unique<RequestEventRing>(m_config.eventRingCapacity));
            ring = m_rings.back().get();
        }
        auto worker = std::make_unique<Internal::LoopWorker>(
            workerConfig, m_shared, std::move(perWorker[std::size_t(w)]), ring, &m_tlsFailures,
            &m_mirrorDrops, &m_udpDrops);
        if (!worker->init(error)) {
            return false;
        }
        created.push_back(std::move(worker));
    }
    m_workers = std::move(created);
    for (auto &worker : m_workers) {
        Internal::LoopWorker *w = worker.get();
        m_threads.emplace_back([w] {
            // OpenSSL writes a TLS connection with write(), which raises SIGPIPE when the client
            // has gone; blocked on this thread, the write fails with EPIPE instead and the
            // connection ends, not the process. (Plain sockets use MSG_NOSIGNAL already.)
            sigset_t pipe;
            sigemptyset(&pipe);
            sigaddset(&pipe, SIGPIPE);
            pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
            w->run();
        });
    }
    m_boundPorts = std::move(bound);
    return true;
}

void Gateway::stop()
{
    if (!isRunning()) {
        return;
    }
    for (auto &worker : m_workers) {
        worker->stop();
    }
    for (std::thread &thread : m_threads) {
        thread.join();
    }
    m_threads.clear();
    m_workers.clear(); // closes every connection and listener: the ports are free now
    m_boundPorts.clear();
}

void Gateway::setRouteTable(std::shared_ptr<const RouteTable::RouteTable> table)
{
    m_shared->setTable(std::move(table));
}

void Gateway::setEndpoints(EndpointMap endpoints)
{
    m_shared->setEndpoints(std::make_shared<const EndpointMap>(std::move(endpoints)));
}

void Gateway::setTlsContexts(TlsContextMap contexts)
{
    m_shared->setTlsContexts(std::make_shared<const TlsContextMap>(std::move(contexts)));
}

std::size_t Gateway::drainEvents(const std::function<void(const RequestEvent &)> &sink,
                                 std::size_t max)
{
    std::size_t total = 0;
    for (const auto &ring : m_rings) {
        if (total >= max) {
            break;
        }
        total += ring->drain(sink, max - total);
    }
    return total;
}

std::uint64_t Gateway::droppedEvents() const
{
    std::uint64_t dropped = m_droppedBefore;
    for (const auto &ring : m_rings) {
        dropped += ring->dropped();
    }
    return dropped;
}

} // namespace Torii::Proxy
