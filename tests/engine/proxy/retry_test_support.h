#pragma once

// Helpers of the tests of attempts after the first (tst_proxy_retries_mirrors for HTTP/1.1
// endpoints, tst_proxy_http2_client_path for HTTP/2 ones): a row's retry policy, and an endpoint
// that refuses connections. Header-only; test code only.

#include "engine/net/tcp_socket.h"
#include "engine/routetable/route_table.h"

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

// A port nothing listens on (listened on, then closed).
inline std::string refusedEndpoint()
{
    const Torii::Net::UniqueFd fd = Torii::Net::listenTcp("127.0.0.1", 0, {});
    return "127.0.0.1:" + std::to_string(Torii::Net::localPort(fd.get()));
}

} // namespace RetryTest
