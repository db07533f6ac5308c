#include "udp_echo_server.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Torii::Backends {

namespace {
constexpr std::size_t kDnsHeader = 12;
} // namespace

UdpEchoServer::UdpEchoServer(Mode mode, EchoIdentity identity)
    : m_mode(mode)
    , m_identity(std::move(identity))
{}

UdpEchoServer::~UdpEchoServer()
{
    stop();
}

std::string UdpEchoServer::echoAnswer(const EchoIdentity &identity, std::string_view datagram)
{
    const QJsonObject json{{"request", QString::fromUtf8(datagram.data(), int(datagram.size()))},
                           {"namespace", identity.namespaceName},
                           {"ingress", identity.ingress},
                           {"service", identity.service},
                           {"pod", identity.pod}};
    return QJsonDocument(json).toJson(QJsonDocument::Compact).toStdString();
}

std::string UdpEchoServer::dnsAnswer(std::string_view query, std::uint32_t askerIpv4)
{
    if (query.size() < kDnsHeader || (std::uint8_t(query[2]) & 0x80) != 0) {
        return {};
    }
    std::string reply(query.substr(0, kDnsHeader));
    const std::uint8_t opcode = (std::uint8_t(query[2]) >> 3) & 0x0f;
    const bool recursion = (std::uint8_t(query[2]) & 0x01) != 0;
    reply[2] = char(0x80 | (opcode << 3) | 0x04 /* AA */ | (recursion ? 0x01 : 0));
    reply[3] = char(0x80); // RA, rcode 0
    const auto formErr = [&reply] {
        reply[3] = char(0x80 | 1);
        for (int i = 4; i < 12; ++i) {
            reply[std::size_t(i)] = 0;
        }
        return reply;
    };
    const unsigned questions = unsigned(std::uint8_t(query[4])) << 8 | std::uint8_t(query[5]);
    if (opcode != 0 || questions != 1) {
        return formErr();
    }
    // The question: labels up to the root, then type and class.
    std::size_t pos = kDnsHeader;
    while (true) {
        if (pos >= query.size()) {
            return formErr();
        }
        const std::uint8_t length = std::uint8_t(query[pos]);
        if (length == 0) {
            ++pos;
            break;
        }
        if (length > 63 || pos + 1 + length > query.size()) {
            return formErr();
        }
        pos += 1 + length;
    }
    if (pos + 4 > query.size()) {
        return formErr();
    }
    const unsigned type = unsigned(std::uint8_t(query[pos])) << 8 | std::uint8_t(query[pos + 1]);
    const unsigned klass = unsigned(std::uint8_t(query[pos + 2])) << 8 | std::uint8_t(query[pos + 3]);
    pos += 4;
    reply.append(query.substr(kDnsHeader, pos - kDnsHeader));
    // No authority or additional records in the reply (an EDNS OPT the query had is dropped).
    reply[6] = reply[7] = reply[8] = reply[9] = reply[10] = reply[11] = 0;
    if (type == 1 && klass == 1) {
        reply[7] = 1; // ANCOUNT
        const unsigned char answer[] = {0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 0, 0, 4,
                                        std::uint8_t(askerIpv4 >> 24), std::uint8_t(askerIpv4 >> 16),
                                        std::uint8_t(askerIpv4 >> 8), std::uint8_t(askerIpv4)};
        reply.append(reinterpret_cast<const char *>(answer), sizeof answer);
    }
    return reply;
}

std::string UdpEchoServer::start(quint16 port)
{
    if (m_fd >= 0) {
        return "the endpoint is already running";
    }
    m_fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
        ::pipe2(m_stopPipe, O_CLOEXEC) != 0) {
        const std::string why = "cannot bind 127.0.0.1:" + std::to_string(port) +
                                " (UDP): " + std::strerror(errno);
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        m_fd = -1;
        return why;
    }
    socklen_t length = sizeof addr;
    ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &length);
    m_port = ntohs(addr.sin_port);
    m_thread = std::thread([this] { receiveLoop(); });
    return {};
}

void UdpEchoServer::stop()
{
    if (m_fd < 0) {
        return;
    }
    const char byte = 1;
    (void)!::write(m_stopPipe[1], &byte, 1);
    m_thread.join();
    ::close(m_fd);
    ::close(m_stopPipe[0]);
    ::close(m_stopPipe[1]);
    m_fd = -1;
    m_stopPipe[0] = m_stopPipe[1] = -1;
    m_port = 0;
}

void UdpEchoServer::receiveLoop()
{
    // echo-basic reads into a 1024-byte buffer; Torii's stand-in takes whole datagrams so the
    // gateway's large-datagram path can be tested end to end.
    std::string buffer(65536, '\0');
    pollfd fds[2] = {{m_fd, POLLIN, 0}, {m_stopPipe[0], POLLIN, 0}};
    while (true) {
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            return;
        }
        if (fds[1].revents) {
            return;
        }
        sockaddr_in from{};
        socklen_t fromLength = sizeof from;
        const ssize_t n = ::recvfrom(m_fd, buffer.data(), buffer.size(), MSG_DONTWAIT,
                                     reinterpret_cast<sockaddr *>(&from), &fromLength);
        if (n < 0) {
            continue;
        }
        const std::string_view datagram(buffer.data(), std::size_t(n));
        const std::string answer = m_mode == Mode::Echo
                                       ? echoAnswer(m_identity, datagram)
                                       : dnsAnswer(datagram, ntohl(from.sin_addr.s_addr));
        if (answer.empty()) {
            continue;
        }
        if (::sendto(m_fd, answer.data(), answer.size(), 0, reinterpret_cast<sockaddr *>(&from),
                     fromLength) >= 0) {
            ++m_answered;
        }
    }
}

} // namespace Torii::Backends
