#include "stream_echo_server.h"

#include "engine/tls/server_context.h"
#include "relayed_tls.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Torii::Backends {

namespace {

constexpr char kWelcome[] = "Gateway API Test TCP Server\n";
constexpr std::size_t kMaxLine = 64 * 1024; // a line longer than this ends the connection

void blockSigpipe()
{
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
}

// Blocking I/O on a plain socket or its TLS session.
struct Channel
{
    int fd;
    SSL *ssl;
    // >0 bytes, 0 EOF, <0 error.
    long read(char *buffer, std::size_t size)
    {
        if (ssl) {
            const int r = SSL_read(ssl, buffer, int(size));
            if (r <= 0) {
                const int e = SSL_get_error(ssl, r);
                ERR_clear_error();
                return e == SSL_ERROR_ZERO_RETURN || (e == SSL_ERROR_SYSCALL && r == 0) ? 0 : -1;
            }
            return r;
        }
        while (true) {
            const ssize_t r = ::recv(fd, buffer, size, 0);
            if (r < 0 && errno == EINTR) {
                continue;
            }
            return r;
        }
    }
    bool writeAll(std::string_view bytes)
    {
        while (!bytes.empty()) {
            if (ssl) {
                const int r = SSL_write(ssl, bytes.data(), int(bytes.size()));
                if (r <= 0) {
                    ERR_clear_error();
                    return false;
                }
                bytes.remove_prefix(std::size_t(r));
            } else {
                const ssize_t r = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
                if (r < 0 && errno == EINTR) {
                    continue;
                }
                if (r <= 0) {
                    return false;
                }
                bytes.remove_prefix(std::size_t(r));
            }
        }
        return true;
    }
};

bool writeAllFd(int fd, std::string_view bytes)
{
    Channel c{fd, nullptr};
    return c.writeAll(bytes);
}

} // namespace

StreamEchoServer::StreamEchoServer(Options options)
    : m_options(std::move(options))
{}

StreamEchoServer::~StreamEchoServer()
{
    stop();
}

std::string StreamEchoServer::start(quint16 port)
{
    if (m_listenFd >= 0) {
        return "the endpoint is already running";
    }
    if (!m_options.certificatePem.empty()) {
        Tls::ServerContextOptions tlsOptions;
        if (m_options.mode == Mode::TcpLines) {
            tlsOptions.alpn.clear(); // echo-basic's TCP TLS port offers no ALPN
        }
        Core::Text error;
        m_tls = Tls::buildServerContext(
            {{"", m_options.certificatePem, m_options.privateKeyPem}}, tlsOptions, &error);
        if (!m_tls) {
            return "the endpoint's certificate is not usable";
        }
    } else if (m_options.mode == Mode::HttpsRelay) {
        return "an HTTPS echo endpoint needs a certificate";
    }
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const int on = 1;
    ::setsockopt(m_listenFd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (m_listenFd < 0 || ::bind(m_listenFd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
        ::listen(m_listenFd, 1024) != 0 || ::pipe2(m_stopPipe, O_CLOEXEC) != 0) {
        const std::string why = std::string("cannot listen on 127.0.0.1:") +
                                std::to_string(port) + ": " + std::strerror(errno);
        if (m_listenFd >= 0) {
            ::close(m_listenFd);
        }
        m_listenFd = -1;
        m_tls.reset();
        return why;
    }
    socklen_t length = sizeof addr;
    ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&addr), &length);
    m_port = ntohs(addr.sin_port);
    m_accepted = 0;
    m_acceptThread = std::thread([this] { acceptLoop(); });
    return {};
}

void StreamEchoServer::stop()
{
    if (m_listenFd < 0) {
        return;
    }
    const char byte = 1;
    (void)!::write(m_stopPipe[1], &byte, 1);
    m_acceptThread.join();
    {
        std::unique_lock lock(m_mutex);
        for (int fd : m_open) {
            ::shutdown(fd, SHUT_RDWR); // wakes a blocked read; the thread closes it
        }
        m_idle.wait(lock, [this] { return m_running == 0; });
    }
    ::close(m_listenFd);
    ::close(m_stopPipe[0]);
    ::close(m_stopPipe[1]);
    m_listenFd = -1;
    m_stopPipe[0] = m_stopPipe[1] = -1;
    m_port = 0;
}

void StreamEchoServer::acceptLoop()
{
    blockSigpipe();
    pollfd fds[2] = {{m_listenFd, POLLIN, 0}, {m_stopPipe[0], POLLIN, 0}};
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
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) {
            continue;
        }
        const int on = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        ++m_accepted;
        {
            std::lock_guard lock(m_mutex);
            m_open.insert(fd);
            ++m_running;
        }
        std::thread([this, fd] {
            blockSigpipe();
            serve(fd);
            std::lock_guard lock(m_mutex);
            m_open.erase(fd);
            ::close(fd);
            if (--m_running == 0) {
                m_idle.notify_all();
            }
        }).detach();
    }
}

void StreamEchoServer::serve(int fd)
{
    SSL *ssl = nullptr;
    if (m_tls) {
        ssl = SSL_new(m_tls.get());
        if (ssl == nullptr || SSL_set_fd(ssl, fd) != 1 || SSL_accept(ssl) != 1) {
            ERR_clear_error();
            if (ssl) {
                SSL_free(ssl);
            }
            return;
        }
    }
    if (m_options.mode == Mode::TcpLines) {
        serveLines(fd, ssl);
    } else {
        relay(fd, ssl);
    }
    if (ssl) {
        SSL_shutdown(ssl);
        ERR_clear_error();
        SSL_free(ssl);
    }
}

void StreamEchoServer::serveLines(int fd, SSL *ssl)
{
    Channel channel{fd, ssl};
    if (!channel.writeAll(kWelcome)) {
        return;
    }
    const EchoIdentity &id = m_options.identity;
    std::string pending;
    char buffer[4096];
    while (true) {
        const long n = channel.read(buffer, sizeof buffer);
        if (n <= 0) {
            return;
        }
        pending.append(buffer, std::size_t(n));
        std::size_t newline;
        while ((newline = pending.find('\n')) != std::string::npos) {
            std::string line = pending.substr(0, newline);
            pending.erase(0, newline + 1);
            if (!line.empty() && line.back() == '\r') {
                line.pop_back();
            }
            std::string answer;
            if (line == "PING") {
                answer = "PONG\n";
            } else if (line == "IS_TLS") {
                answer = ssl ? "true\n" : "false\n";
            } else if (line == "TEST") {
                QJsonObject json{{"namespace", id.namespaceName},
                                 {"ingress", id.ingress},
                                 {"service", id.service},
                                 {"pod", id.pod},
                                 {"tcpport", QStringLiteral("3000")},
                                 {"tlsport", QStringLiteral("8443")},
                                 {"isTLS", ssl != nullptr}};
                if (ssl) {
                    const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
                    const unsigned char *alpn = nullptr;
                    unsigned alpnLength = 0;
                    SSL_get0_alpn_selected(ssl, &alpn, &alpnLength);
                    QJsonObject tls{
                        {"version", QString::fromLatin1(SSL_get_version(ssl))
                                        .replace(QStringLiteral("TLSv"), QStringLiteral("TLS "))},
                        {"serverName", QString::fromLatin1(name ? name : "")},
                        {"cipherSuite", QString::fromLatin1(SSL_get_cipher_name(ssl))}};
                    if (alpnLength > 0) {
                        tls.insert("negotiatedProtocol",
                                   QString::fromLatin1(reinterpret_cast<const char *>(alpn),
                                                       int(alpnLength)));
                    }
                    json.insert("tls", tls);
                }
                answer = QJsonDocument(json).toJson(QJsonDocument::Compact).toStdString() + "\n";
            }
            if (!answer.empty() && !channel.writeAll(answer)) {
                return;
            }
        }
        if (pending.size() > kMaxLine) {
            return;
        }
    }
}

void StreamEchoServer::relay(int fd, SSL *ssl)
{
    const int upstream = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = 0;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // Bound before connecting, so the echo behind learns this connection's TLS facts by its
    // peer port the moment it accepts (relayed_tls.h).
    socklen_t length = sizeof addr;
    quint16 relayPort = 0;
    if (upstream >= 0 && ::bind(upstream, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0 &&
        ::getsockname(upstream, reinterpret_cast<sockaddr *>(&addr), &length) == 0) {
        relayPort = ntohs(addr.sin_port);
        if (ssl) {
            recordRelayedTls(relayPort, echoTlsOf(ssl));
        }
    }
    addr.sin_port = htons(m_options.relayPort);
    if (upstream < 0 || relayPort == 0 ||
        ::connect(upstream, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        if (relayPort != 0) {
            forgetRelayedTls(relayPort);
        }
        if (upstream >= 0) {
            ::close(upstream);
        }
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_open.insert(upstream); // stop() wakes it too
    }
    Channel client{fd, ssl};
    char buffer[16384];
    bool clientOpen = true;
    while (true) {
        pollfd fds[2] = {{fd, short(clientOpen ? POLLIN : 0), 0}, {upstream, POLLIN, 0}};
        const bool buffered = ssl && SSL_pending(ssl) > 0;
        if (!buffered && ::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        if (clientOpen && (buffered || fds[0].revents)) {
            const long n = client.read(buffer, sizeof buffer);
            if (n <= 0) {
                clientOpen = false;
                ::shutdown(upstream, SHUT_WR);
            } else if (!writeAllFd(upstream, std::string_view(buffer, std::size_t(n)))) {
                break;
            }
        }
        if (fds[1].revents) {
            const ssize_t n = ::recv(upstream, buffer, sizeof buffer, 0);
            if (n <= 0 || !client.writeAll(std::string_view(buffer, std::size_t(n)))) {
                break;
            }
        }
    }
    forgetRelayedTls(relayPort);
    std::lock_guard lock(m_mutex);
    m_open.erase(upstream);
    ::close(upstream);
}

} // namespace Torii::Backends
