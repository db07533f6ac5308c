#pragma once

// Helpers of the L4 proxy tests (tst_tcp_proxy, tst_udp_proxy, tst_udp_workers, tst_tls_passthrough,
// tst_client_hello): stream route tables, blocking POSIX TCP and UDP clients with deadlines, and a real
// ClientHello made by OpenSSL through memory BIOs. Header-only; test code only.

#include "engine/routetable/route_table.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace L4Test {

namespace RT = Torii::RouteTable;

inline RT::Backend backend(const std::string &service, int weight, int port = 3000)
{
    RT::Backend b;
    b.ns = "default";
    b.service = service;
    b.port = port;
    b.weight = weight;
    return b;
}

// One stream route on `port` (`hostnames` {"*"} for TCP/UDP).
inline std::shared_ptr<const RT::RouteTable>
streamTable(int port, RT::ListenerProtocol protocol,
            std::vector<std::pair<std::vector<std::string>, std::vector<RT::Backend>>> routes)
{
    RT::RouteTableBuilder builder;
    builder.addListener(port, protocol);
    int order = 0;
    for (auto &[hostnames, backends] : routes) {
        RT::StreamRoute route;
        route.source.kind = protocol == RT::ListenerProtocol::UDP   ? "UDPRoute"
                            : protocol == RT::ListenerProtocol::TCP ? "TCPRoute"
                                                                    : "TLSRoute";
        route.source.ns = "default";
        route.source.name = "route-" + std::to_string(order);
        route.source.creationOrder = order++;
        route.backends = std::move(backends);
        builder.addStreamRoute(port, hostnames, std::move(route));
    }
    return builder.build();
}

inline std::string endpointOf(quint16 port)
{
    return "127.0.0.1:" + std::to_string(port);
}

// A blocking TCP connection to 127.0.0.1:port; -1 on failure.
inline int connectTo(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    return fd;
}

inline bool sendAll(int fd, std::string_view bytes)
{
    while (!bytes.empty()) {
        const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n <= 0) {
            return false;
        }
        bytes.remove_prefix(std::size_t(n));
    }
    return true;
}

// Waits up to `timeout` for `fd` to be readable; false on timeout.
inline bool waitReadable(int fd, std::chrono::milliseconds timeout)
{
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, int(timeout.count())) > 0;
}

// A UDP socket (a new client flow each).
inline int udpSocket()
{
    return ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
}

// One datagram to 127.0.0.1:`port`, whole.
inline bool sendTo(int fd, unsigned short port, std::string_view datagram)
{
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return ::sendto(fd, datagram.data(), datagram.size(), 0, reinterpret_cast<sockaddr *>(&addr),
                    sizeof addr) == ssize_t(datagram.size());
}

// One datagram within `timeout`; nullopt when none came.
inline std::optional<std::string> receive(int fd,
                                          std::chrono::milliseconds timeout = std::chrono::seconds(2))
{
    if (!waitReadable(fd, timeout)) {
        return std::nullopt;
    }
    std::string buffer(65536, '\0');
    const ssize_t n = ::recv(fd, buffer.data(), buffer.size(), 0);
    if (n < 0) {
        return std::nullopt;
    }
    buffer.resize(std::size_t(n));
    return buffer;
}

// Reads one line ("\n" included) within `timeout`; "" on EOF, error or timeout. `eof` tells.
inline std::string readLine(int fd, std::chrono::milliseconds timeout = std::chrono::seconds(5),
                            bool *eof = nullptr)
{
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    char c = 0;
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || !waitReadable(fd, left)) {
            return {};
        }
        const ssize_t n = ::recv(fd, &c, 1, 0);
        if (n <= 0) {
            if (eof) {
                *eof = true;
            }
            return {};
        }
        line.push_back(c);
        if (c == '\n') {
            return line;
        }
    }
}

// Reads until EOF within `timeout`; `closed` says whether EOF (or a reset) came.
inline std::string readToEnd(int fd, std::chrono::milliseconds timeout, bool *closed = nullptr)
{
    std::string out;
    char buffer[65536];
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || !waitReadable(fd, left)) {
            if (closed) {
                *closed = false;
            }
            return out;
        }
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) {
            if (closed) {
                *closed = true;
            }
            return out;
        }
        out.append(buffer, std::size_t(n));
    }
}

// The bytes an OpenSSL client sends first (its ClientHello records) for `serverName` ("" for
// no SNI), made without a socket.
inline std::string clientHelloBytes(const std::string &serverName)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    SSL *ssl = SSL_new(ctx);
    BIO *in = BIO_new(BIO_s_mem());
    BIO *out = BIO_new(BIO_s_mem());
    SSL_set_bio(ssl, in, out);
    if (!serverName.empty()) {
        SSL_set_tlsext_host_name(ssl, serverName.c_str());
    }
    SSL_set_connect_state(ssl);
    SSL_do_handshake(ssl); // WANT_READ after writing the ClientHello
    std::string bytes;
    char buffer[4096];
    int n;
    while ((n = BIO_read(out, buffer, sizeof buffer)) > 0) {
        bytes.append(buffer, std::size_t(n));
    }
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    ERR_clear_error();
    return bytes;
}

} // namespace L4Test
