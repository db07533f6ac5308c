#include "udp_proxy.h"

#include "request_router.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Torii::Proxy::Internal {

namespace {

constexpr int kBatch = 64; // datagrams handled per readiness event (fairness)

bool toSockaddr(const std::string &host, std::uint16_t port, sockaddr_storage *out,
                socklen_t *length)
{
    std::memset(out, 0, sizeof *out);
    auto *v4 = reinterpret_cast<sockaddr_in *>(out);
    if (inet_pton(AF_INET, host.c_str(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(port);
        *length = sizeof(sockaddr_in);
        return true;
    }
    auto *v6 = reinterpret_cast<sockaddr_in6 *>(out);
    if (inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(port);
        *length = sizeof(sockaddr_in6);
        return true;
    }
    return false;
}

bool wouldBlock(int error)
{
    return error == EAGAIN || error == EWOULDBLOCK;
}

} // namespace

Net::UniqueFd bindUdp(const std::string &address, std::uint16_t port, std::string *error,
                      bool reusePort)
{
    sockaddr_storage addr;
    socklen_t length = 0;
    if (!toSockaddr(address, port, &addr, &length)) {
        if (error) {
            *error = "cannot listen on " + address + ':' + std::to_string(port) +
                     ": not an IP address";
        }
        return {};
    }
    Net::UniqueFd fd(::socket(addr.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    const int on = 1;
    if (fd && reusePort) {
        ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEPORT, &on, sizeof on);
    }
    if (!fd || ::bind(fd.get(), reinterpret_cast<sockaddr *>(&addr), length) != 0) {
        if (error) {
            *error = "cannot listen on " + address + ':' + std::to_string(port) + " (UDP): " +
                     Net::errorText(errno);
        }
        return {};
    }
    return fd;
}

UdpProxy::UdpProxy(LoopWorkerContext &context, const UdpSettings &settings, int listenFd,
                   int gatewayPort, std::atomic<std::uint64_t> *dropped)
    : m_context(context)
    , m_settings(settings)
    , m_fd(listenFd)
    , m_gatewayPort(gatewayPort)
    , m_dropped(dropped)
    , m_sessions(settings.maxSessions)
    , m_toClients(settings.queueDatagrams * 4)
    , m_buffer(new char[kMaxUdpDatagram + 1])
{}

UdpProxy::~UdpProxy()
{
    if (m_sweep) {
        m_context.loop->cancelTimer(m_sweep);
    }
    while (!m_sessions.empty()) {
        closeSession(m_sessions.anyKey());
    }
    m_context.loop->remove(m_fd);
}

bool UdpProxy::init(std::string *error)
{
    return m_context.loop->add(m_fd, Net::Readable,
                               [this](std::uint32_t events) { onListener(events); }, error);
}

void UdpProxy::onListener(std::uint32_t events)
{
    if (events & Net::Writable) {
        flushToClients();
    }
    if (!(events & Net::Readable)) {
        return;
    }
    for (int i = 0; i < kBatch; ++i) {
        sockaddr_storage from;
        socklen_t fromLength = sizeof from;
        const ssize_t n = ::recvfrom(m_fd, m_buffer.get(), kMaxUdpDatagram + 1, MSG_TRUNC,
                                     reinterpret_cast<sockaddr *>(&from), &fromLength);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return; // EAGAIN, or an ICMP error reported on the socket: nothing to do
        }
        if (std::size_t(n) > kMaxUdpDatagram) {
            drop(); // truncated: larger than a UDP datagram over IPv4 may be
            continue;
        }
        Session *session =
            m_sessions.find(std::string_view(reinterpret_cast<const char *>(&from), fromLength));
        if (session == nullptr) {
            session = openSession(from, fromLength);
        }
        if (session == nullptr) {
            drop();
            continue;
        }
        session->lastActivity = m_context.loop->now();
        session->event.bytesIn += std::size_t(n);
        sendUpstream(*session, std::string_view(m_buffer.get(), std::size_t(n)));
    }
}

UdpProxy::Session *UdpProxy::openSession(const sockaddr_storage &client, socklen_t length)
{
    if (m_sessions.full()) {
        return nullptr;
    }
    m_context.snapshots->refresh();
    const auto &table = m_context.snapshots->table();
    const RouteTable::StreamRoute *stream = table ? table->lookupStream(m_gatewayPort) : nullptr;
    if (stream == nullptr) {
        return nullptr;
    }
    const int chosen = chooseWeighted(stream->backends, m_context.random());
    if (chosen < 0 || !stream->backends[std::size_t(chosen)].isValid()) {
        return nullptr;
    }
    const RouteTable::Backend &backend = stream->backends[std::size_t(chosen)];
    const std::string backendKey = endpointKey(backend.ns, backend.service, backend.port);
    m_context.endpointChooser.bind(table, m_context.snapshots->endpoints());
    const EndpointChooser::Endpoint *chosenEndpoint =
        EndpointChooser::next(m_context.endpointChooser.target(
            backend, table.get(), *m_context.snapshots->endpoints()));
    if (chosenEndpoint == nullptr || chosenEndpoint->port == 0) {
        return nullptr;
    }
    const std::string endpoint = chosenEndpoint->address;
    sockaddr_storage target;
    socklen_t targetLength = 0;
    if (!toSockaddr(chosenEndpoint->host, chosenEndpoint->port, &target, &targetLength)) {
        return nullptr;
    }
    Net::UniqueFd fd(::socket(target.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!fd || ::connect(fd.get(), reinterpret_cast<sockaddr *>(&target), targetLength) != 0) {
        return nullptr;
    }
    auto session = std::make_unique<Session>(m_settings.queueDatagrams);
    session->client = client;
    session->clientLength = length;
    session->upstream = std::move(fd);
    session->started = m_context.loop->now();
    session->lastActivity = session->started;
    session->event.gatewayPort = m_gatewayPort;
    session->event.method = "UDP";
    session->event.routed = true;
    session->event.route = stream->source;
    session->event.backend = backendKey;
    session->event.endpoint = endpoint;
    Session *raw = session.get();
    if (!m_context.loop->add(raw->upstream.get(), Net::Readable,
                             [this, raw](std::uint32_t events) { onUpstream(raw, events); })) {
        return nullptr;
    }
    m_sessions.insert(std::string(reinterpret_cast<const char *>(&client), length),
                      std::move(session)); // not full: checked above
    if (m_sweep == 0) {
        const auto period = std::max(std::chrono::milliseconds(10), m_settings.sessionTimeout / 4);
        m_sweep = m_context.loop->addTimer(period, [this] {
            m_sweep = 0;
            sweep();
        });
    }
    return raw;
}

void UdpProxy::sendUpstream(Session &session, std::string_view datagram)
{
    if (session.toUpstream.empty()) {
        const ssize_t n = ::send(session.upstream.get(), datagram.data(), datagram.size(), 0);
        if (n >= 0) {
            return;
        }
        if (!wouldBlock(errno)) {
            drop(); // ECONNREFUSED from an earlier datagram's ICMP, and the like
            return;
        }
    }
    if (!session.toUpstream.push(std::string(datagram))) {
        drop();
        return;
    }
    if (!session.writable) {
        session.writable = true;
        m_context.loop->modify(session.upstream.get(), Net::Readable | Net::Writable);
    }
}

void UdpProxy::onUpstream(Session *session, std::uint32_t events)
{
    if (events & Net::Writable) {
        while (!session->toUpstream.empty()) {
            const std::string &next = session->toUpstream.front();
            const ssize_t n = ::send(session->upstream.get(), next.data(), next.size(), 0);
            if (n < 0 && wouldBlock(errno)) {
                break;
            }
            if (n < 0) {
                drop();
            }
            session->toUpstream.pop();
        }
        if (session->toUpstream.empty()) {
            session->writable = false;
            m_context.loop->modify(session->upstream.get(), Net::Readable);
        }
    }
    if (!(events & (Net::Readable | Net::Hangup))) {
        return;
    }
    for (int i = 0; i < kBatch; ++i) {
        const ssize_t n = ::recv(session->upstream.get(), m_buffer.get(), kMaxUdpDatagram + 1,
                                 MSG_TRUNC);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (!wouldBlock(errno)) {
                continue; // ECONNREFUSED: the endpoint is not listening; the error is consumed
            }
            return;
        }
        if (std::size_t(n) > kMaxUdpDatagram) {
            drop();
            continue;
        }
        session->lastActivity = m_context.loop->now();
        session->event.bytesOut += std::size_t(n);
        const std::string_view datagram(m_buffer.get(), std::size_t(n));
        if (m_toClients.empty()) {
            const ssize_t sent =
                ::sendto(m_fd, datagram.data(), datagram.size(), 0,
                         reinterpret_cast<const sockaddr *>(&session->client),
                         session->clientLength);
            if (sent >= 0) {
                continue;
            }
            if (!wouldBlock(errno)) {
                drop();
                continue;
            }
        }
        if (!m_toClients.push({session->client, session->clientLength, std::string(datagram)})) {
            drop();
            continue;
        }
        if (!m_listenerWritable) {
            m_listenerWritable = true;
            m_context.loop->modify(m_fd, Net::Readable | Net::Writable);
        }
    }
}

void UdpProxy::flushToClients()
{
    while (!m_toClients.empty()) {
        const Outgoing &next = m_toClients.front();
        const ssize_t n = ::sendto(m_fd, next.datagram.data(), next.datagram.size(), 0,
                                   reinterpret_cast<const sockaddr *>(&next.client),
                                   next.clientLength);
        if (n < 0 && wouldBlock(errno)) {
            return;
        }
        if (n < 0) {
            drop();
        }
        m_toClients.pop();
    }
    m_listenerWritable = false;
    m_context.loop->modify(m_fd, Net::Readable);
}

void UdpProxy::closeSession(const std::string &key)
{
    const std::unique_ptr<Session> taken = m_sessions.take(key);
    if (!taken) {
        return;
    }
    Session &session = *taken;
    m_context.loop->remove(session.upstream.get());
    session.event.latencyMicros = std::chrono::duration_cast<std::chrono::microseconds>(
                                      session.lastActivity - session.started)
                                      .count();
    m_context.publish(std::move(session.event));
}

void UdpProxy::sweep()
{
    for (const std::string &key :
         m_sessions.expired(m_context.loop->now(), m_settings.sessionTimeout)) {
        closeSession(key);
    }
    if (!m_sessions.empty()) {
        const auto period = std::max(std::chrono::milliseconds(10), m_settings.sessionTimeout / 4);
        m_sweep = m_context.loop->addTimer(period, [this] {
            m_sweep = 0;
            sweep();
        });
    }
}

} // namespace Torii::Proxy::Internal
