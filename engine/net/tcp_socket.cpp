#include "tcp_socket.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>

namespace Torii::Net {

void UniqueFd::reset(int fd)
{
    if (m_fd >= 0) {
        ::close(m_fd);
    }
    m_fd = fd;
}

std::string errorText(int error)
{
    return std::strerror(error);
}

namespace {

// An IP literal → sockaddr; false when it is none.
bool toSockaddr(const std::string &address, std::uint16_t port, sockaddr_storage *out,
                socklen_t *length)
{
    std::memset(out, 0, sizeof *out);
    auto *v4 = reinterpret_cast<sockaddr_in *>(out);
    if (::inet_pton(AF_INET, address.c_str(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(port);
        *length = sizeof(sockaddr_in);
        return true;
    }
    std::string host = address;
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    auto *v6 = reinterpret_cast<sockaddr_in6 *>(out);
    if (::inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(port);
        *length = sizeof(sockaddr_in6);
        return true;
    }
    return false;
}

std::string addressText(const sockaddr_storage &address)
{
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET) {
        const auto &v4 = reinterpret_cast<const sockaddr_in &>(address);
        ::inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
        return text;
    }
    if (address.ss_family == AF_INET6) {
        const auto &v6 = reinterpret_cast<const sockaddr_in6 &>(address);
        if (IN6_IS_ADDR_V4MAPPED(&v6.sin6_addr)) {
            ::inet_ntop(AF_INET, reinterpret_cast<const char *>(&v6.sin6_addr) + 12, text,
                        sizeof text);
        } else {
            ::inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
        }
        return text;
    }
    return {};
}

void setError(std::string *error, std::string text)
{
    if (error) {
        *error = std::move(text);
    }
}

} // namespace

bool setNoDelay(int fd, bool on)
{
    const int value = on ? 1 : 0;
    return ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &value, sizeof value) == 0;
}

UniqueFd listenTcp(const std::string &address, std::uint16_t port, const ListenOptions &options,
                   std::string *error)
{
    const std::string where = "cannot listen on " + address + ':' + std::to_string(port) + ": ";
    sockaddr_storage sa;
    socklen_t length = 0;
    if (!toSockaddr(address, port, &sa, &length)) {
        setError(error, where + "not an IP address");
        return {};
    }
    UniqueFd fd(::socket(sa.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!fd) {
        setError(error, where + errorText(errno));
        return {};
    }
    const int one = 1;
    ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    // Linux copies TCP_NODELAY to every accepted socket: one call here instead of one per
    // connection in acceptTcp().
    setNoDelay(fd.get());
    if (options.reusePort &&
        ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) != 0) {
        setError(error, where + "SO_REUSEPORT: " + errorText(errno));
        return {};
    }
    if (options.deferAcceptSeconds > 0) {
        // Best effort: without it the listener still works, one wake-up later per connection.
        ::setsockopt(fd.get(), IPPROTO_TCP, TCP_DEFER_ACCEPT, &options.deferAcceptSeconds,
                     sizeof options.deferAcceptSeconds);
    }
    if (::bind(fd.get(), reinterpret_cast<sockaddr *>(&sa), length) != 0 ||
        ::listen(fd.get(), options.backlog) != 0) {
        setError(error, where + errorText(errno));
        return {};
    }
    return fd;
}

std::uint16_t localPort(int fd)
{
    sockaddr_storage sa{};
    socklen_t length = sizeof sa;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&sa), &length) != 0) {
        return 0;
    }
    if (sa.ss_family == AF_INET) {
        return ntohs(reinterpret_cast<sockaddr_in &>(sa).sin_port);
    }
    if (sa.ss_family == AF_INET6) {
        return ntohs(reinterpret_cast<sockaddr_in6 &>(sa).sin6_port);
    }
    return 0;
}

std::string peerAddress(int fd)
{
    sockaddr_storage sa{};
    socklen_t length = sizeof sa;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&sa), &length) != 0) {
        return {};
    }
    return addressText(sa);
}

UniqueFd acceptTcp(int listenFd, bool *wouldBlock, std::string *peer, std::string *error)
{
    *wouldBlock = false;
    sockaddr_storage sa{};
    socklen_t length = sizeof sa;
    int fd;
    do {
        fd = ::accept4(listenFd, reinterpret_cast<sockaddr *>(&sa), &length,
                       SOCK_NONBLOCK | SOCK_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            *wouldBlock = true;
        } else {
            setError(error, "accept: " + errorText(errno));
        }
        return {};
    }
    if (peer) {
        *peer = addressText(sa);
    }
    return UniqueFd(fd);
}

UniqueFd connectTcp(const std::string &address, std::uint16_t port, std::string *error)
{
    // Made only on failure: a proxy connects once per connection.
    const auto where = [&] {
        return "cannot connect to " + address + ':' + std::to_string(port) + ": ";
    };
    sockaddr_storage sa;
    socklen_t length = 0;
    if (!toSockaddr(address, port, &sa, &length)) {
        setError(error, where() + "not an IP address");
        return {};
    }
    UniqueFd fd(::socket(sa.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!fd) {
        setError(error, where() + errorText(errno));
        return {};
    }
    setNoDelay(fd.get());
    int rc;
    do {
        rc = ::connect(fd.get(), reinterpret_cast<sockaddr *>(&sa), length);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0 && errno != EINPROGRESS) {
        setError(error, where() + errorText(errno));
        return {};
    }
    return fd;
}

int connectError(int fd)
{
    int value = 0;
    socklen_t length = sizeof value;
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &value, &length) != 0) {
        return errno;
    }
    return value;
}

IoResult readSome(int fd, char *buffer, std::size_t capacity)
{
    IoResult result;
    ssize_t n;
    do {
        n = ::read(fd, buffer, capacity);
    } while (n < 0 && errno == EINTR);
    if (n > 0) {
        result.bytes = std::size_t(n);
    } else if (n == 0) {
        result.closed = capacity > 0;
    } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
        result.wouldBlock = true;
    } else {
        result.error = errno;
    }
    return result;
}

IoResult writeSome(int fd, std::string_view bytes)
{
    IoResult result;
    ssize_t n;
    do {
        n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    if (n >= 0) {
        result.bytes = std::size_t(n);
    } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
        result.wouldBlock = true;
    } else {
        result.error = errno;
    }
    return result;
}

IoResult writevSome(int fd, const iovec *buffers, int count)
{
    IoResult result;
    msghdr message{};
    message.msg_iov = const_cast<iovec *>(buffers);
    message.msg_iovlen = std::size_t(count > IOV_MAX ? IOV_MAX : count);
    ssize_t n;
    do {
        n = ::sendmsg(fd, &message, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    if (n >= 0) {
        result.bytes = std::size_t(n);
    } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
        result.wouldBlock = true;
    } else {
        result.error = errno;
    }
    return result;
}

} // namespace Torii::Net
