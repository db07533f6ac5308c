#pragma once

// Non-blocking TCP helpers over plain file descriptors, for code running on an EventLoop:
// listening (SO_REUSEPORT so several worker loops can each listen on the same port and let the
// kernel spread the connections), accepting, connecting without blocking, and reading/writing
// with EAGAIN reported as "would block" instead of an error. Every socket they create is
// non-blocking, close-on-exec and (for connections) TCP_NODELAY: a gateway writes whole heads
// and bodies, so Nagle would only add latency.
//
// Addresses are IP literals ("127.0.0.1", "::1"); no name resolution happens here.
// Thread: the functions are reentrant. No Qt.

#include <sys/uio.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace Torii::Net {

// Owns one file descriptor; closes it on destruction. Move-only.
class UniqueFd
{
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd)
        : m_fd(fd)
    {}
    ~UniqueFd() { reset(); }
    UniqueFd(UniqueFd &&other) noexcept
        : m_fd(other.release())
    {}
    UniqueFd &operator=(UniqueFd &&other) noexcept
    {
        if (this != &other) {
            reset(other.release());
        }
        return *this;
    }
    UniqueFd(const UniqueFd &) = delete;
    UniqueFd &operator=(const UniqueFd &) = delete;

    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }
    explicit operator bool() const { return valid(); }
    int release()
    {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }
    void reset(int fd = -1);

private:
    int m_fd = -1;
};

struct ListenOptions
{
    bool reusePort = false; // SO_REUSEPORT: every socket bound with it shares the port
    int backlog = 1024;
    // TCP_DEFER_ACCEPT, in seconds (0: off): a connection is handed to accept() only once the
    // client has sent something, or after about this long. Only for protocols where the client
    // speaks first (a TLS ClientHello): the accept and the first read then come in one wake-up,
    // and a client that connects and stays silent holds no descriptor meanwhile.
    int deferAcceptSeconds = 0;
};

// A listening, non-blocking socket on address:port (port 0: the OS picks one). Invalid and
// `error` set ("cannot listen on 127.0.0.1:80: Permission denied") on failure.
UniqueFd listenTcp(const std::string &address, std::uint16_t port, const ListenOptions &options,
                   std::string *error = nullptr);

// The local port a socket is bound to (0 on failure).
std::uint16_t localPort(int fd);

// The peer's address as text ("127.0.0.1", an IPv4-mapped IPv6 address shown as IPv4), or "".
std::string peerAddress(int fd);

// Accepts one pending connection: non-blocking, close-on-exec, TCP_NODELAY inherited from a
// listener made by listenTcp() (which sets it; no call per connection). Invalid when none is
// pending (`wouldBlock` true) or on error (`error` set; EMFILE and the like: the caller retries
// later). `peer` (optional) gets the peer's address as peerAddress() gives it.
UniqueFd acceptTcp(int listenFd, bool *wouldBlock, std::string *peer = nullptr,
                   std::string *error = nullptr);

// Starts a non-blocking connect to address:port. Valid on success or while in progress: wait for
// Writable, then call connectError(). Invalid and `error` set when it failed at once.
UniqueFd connectTcp(const std::string &address, std::uint16_t port, std::string *error = nullptr);

// After Writable on a connecting socket: 0 when connected, else the errno (ECONNREFUSED, ...).
int connectError(int fd);

// The outcome of one read or write.
struct IoResult
{
    std::size_t bytes = 0;   // moved
    bool wouldBlock = false; // EAGAIN: nothing now, wait for the event
    bool closed = false;     // read: the peer closed (EOF)
    int error = 0;           // errno of a real failure (ECONNRESET, EPIPE, ...), else 0
    bool ok() const { return error == 0 && !closed; }
};

// One read() of up to `capacity` bytes (EINTR retried).
IoResult readSome(int fd, char *buffer, std::size_t capacity);
// One send() (MSG_NOSIGNAL: a closed peer is EPIPE, not SIGPIPE).
IoResult writeSome(int fd, std::string_view bytes);
// One sendmsg() of several buffers (MSG_NOSIGNAL); at most IOV_MAX are taken.
IoResult writevSome(int fd, const iovec *buffers, int count);

// TCP_NODELAY on or off; false on failure.
bool setNoDelay(int fd, bool on = true);
// "Connection refused" for an errno.
std::string errorText(int error);

} // namespace Torii::Net
