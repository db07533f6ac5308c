#pragma once

// One UDP listener of the gateway: a session per client flow (source address and port), each
// with its own connected upstream socket to one endpoint of the port's UDPRoute, so the
// backend's answers go back to the client that started the flow.
//
// - A new flow draws its backend by weight (weight 0 never) and its endpoint round robin; its
//   later datagrams follow it. A flow with no route, no valid backend or no endpoint is dropped
//   datagram by datagram (counted), as a UDP path with nothing behind it would.
// - A session without a datagram either way for UdpSettings::sessionTimeout is forgotten (its
//   RequestEvent is published then: method "UDP", bytes both ways, duration). New sessions use the
//   route table published last; running ones keep their endpoint.
// - Datagrams up to 65,507 bytes (IPv4's largest); a larger one is truncated by the kernel and
//   dropped. Queues are bounded: at most maxSessions sessions (per worker), and at most
//   queueDatagrams datagrams waiting per direction of a session; beyond that datagrams are
//   dropped and counted.
//
// The bookkeeping without sockets (the session table, the bounded queues) is udp_sessions.h.
// Several workers: each has its own SO_REUSEPORT socket on the port (gateway.cpp), the kernel
// hashes a flow to one of them, so a flow's session lives on one worker.
//
// Thread: the worker's loop only. Ownership: the LoopWorker owns it; it does not own the
// listening socket (the LoopWorker's Listener does) but watches it.

#include "gateway_config.h"
#include "loop_worker_context.h"
#include "udp_sessions.h"

#include "engine/net/event_loop.h"
#include "engine/net/tcp_socket.h"

#include <atomic>
#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <string>

#include <netinet/in.h>

namespace Torii::Proxy::Internal {

struct UdpSettings
{
    std::chrono::milliseconds sessionTimeout{60000};
    std::size_t maxSessions = 4096;
    std::size_t queueDatagrams = 256;
};

constexpr std::size_t kMaxUdpDatagram = 65507;

// A bound, non-blocking, close-on-exec UDP socket on address:port (0: any port); invalid with
// `error` on failure. SO_REUSEADDR is not set: a taken port is reported. `reusePort`: SO_REUSEPORT,
// for one socket per worker on the same port (a socket without it refuses to share the port).
Net::UniqueFd bindUdp(const std::string &address, std::uint16_t port, std::string *error,
                      bool reusePort = false);

class UdpProxy
{
public:
    UdpProxy(LoopWorkerContext &context, const UdpSettings &settings, int listenFd,
             int gatewayPort, std::atomic<std::uint64_t> *dropped);
    ~UdpProxy();
    UdpProxy(const UdpProxy &) = delete;
    UdpProxy &operator=(const UdpProxy &) = delete;

    bool init(std::string *error);
    std::size_t sessionCount() const { return m_sessions.size(); }

private:
    struct Session
    {
        sockaddr_storage client{};
        socklen_t clientLength = 0;
        explicit Session(std::size_t queueLimit)
            : toUpstream(queueLimit)
        {}
        Net::UniqueFd upstream;
        BoundedQueue<std::string> toUpstream; // waiting for the upstream socket to take them
        Net::EventLoop::Clock::time_point lastActivity;
        Net::EventLoop::Clock::time_point started;
        RequestEvent event;
        bool writable = false; // Writable asked for
    };
    struct Outgoing
    {
        sockaddr_storage client{};
        socklen_t clientLength = 0;
        std::string datagram;
    };

    void onListener(std::uint32_t events);
    void onUpstream(Session *session, std::uint32_t events);
    Session *openSession(const sockaddr_storage &client, socklen_t length);
    void closeSession(const std::string &key);
    void sendUpstream(Session &session, std::string_view datagram);
    void flushToClients();
    void sweep();
    void drop() { m_dropped->fetch_add(1, std::memory_order_relaxed); }

    LoopWorkerContext &m_context;
    const UdpSettings &m_settings;
    int m_fd;
    int m_gatewayPort;
    std::atomic<std::uint64_t> *m_dropped;
    UdpSessionTable<Session, Net::EventLoop::Clock> m_sessions; // key: the client's address bytes
    // Answers the listening socket could not send yet. It is shared by every session: bounded by
    // the per-session limit times a small factor so one flood cannot take it all.
    BoundedQueue<Outgoing> m_toClients;
    bool m_listenerWritable = false;
    Net::TimerId m_sweep = 0;
    std::unique_ptr<char[]> m_buffer; // one datagram (kMaxUdpDatagram + 1)
};

} // namespace Torii::Proxy::Internal
