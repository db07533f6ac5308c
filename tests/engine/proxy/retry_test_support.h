#pragma once

// Helpers of the tests of attempts after the first (tst_proxy_retries_mirrors for HTTP/1.1
// endpoints, tst_proxy_http2_client_path for HTTP/2 ones): a row's retry policy, and an endpoint
// that refuses connections. Header-only; test code only.

#include "engine/routetable/route_table.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace RetryTest {

inline Torii::RouteTable::Retry retryOn(std::vector<int> codes, int attempts, int backoffMs)
{
    Torii::RouteTable::Retry retry;
    retry.codes = std::move(codes);
    retry.attempts = attempts;
    retry.backoff = std::chrono::milliseconds(backoffMs);
    return retry;
}

// A port nothing listens on (bound, then closed).
inline std::string refusedEndpoint()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
    socklen_t length = sizeof sa;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&sa), &length);
    ::close(fd);
    return "127.0.0.1:" + std::to_string(ntohs(sa.sin_port));
}

} // namespace RetryTest
