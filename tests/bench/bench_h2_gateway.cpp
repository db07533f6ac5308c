// The gateway alone, for tests/bench/h2/h2_compare.sh: one HTTP listener on 127.0.0.1:PORT with
// one PathPrefix "/" route (any host) to one endpoint, served by the engine/proxy Gateway with
// WORKERS threads (default 1), until SIGINT or SIGTERM. HTTP/1.1 and HTTP/2 (prior knowledge,
// h2c upgrade) on the same port, as `toriictl serve` does, without the controller around it.
//   bench_h2_gateway PORT BACKEND_HOST:PORT [WORKERS] [h2c]
// "h2c" marks the backend appProtocol kubernetes.io/h2c (the gateway then speaks HTTP/2 to it).
#include "engine/proxy/gateway.h"
#include "engine/routetable/route_table.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace Torii;
namespace RT = Torii::RouteTable;

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s PORT BACKEND_HOST:PORT [WORKERS] [h2c]\n", argv[0]);
        return 2;
    }
    const int port = std::atoi(argv[1]);
    const std::string backendAddress = argv[2];
    const int workers = argc > 3 ? std::atoi(argv[3]) : 1;
    const bool h2c = argc > 4 && std::string(argv[4]) == "h2c";

    RT::RouteTableBuilder builder;
    builder.addListener(80, RT::ListenerProtocol::HTTP);
    builder.addListenerHost(80, "*");
    RT::HttpRoute route;
    route.source.kind = "HTTPRoute";
    route.source.ns = "bench";
    route.source.name = "api";
    route.match.path = RT::PathMatch{RT::PathMatchType::PathPrefix, "/"};
    RT::Backend backend;
    backend.ns = "bench";
    backend.service = "backend";
    backend.port = 80;
    if (h2c) {
        backend.appProtocol = "kubernetes.io/h2c";
    }
    route.backends = {backend};
    builder.addHttpRoute(80, {"*"}, route);

    Proxy::GatewayConfig config;
    config.listeners.push_back({80, "127.0.0.1", quint16(port)});
    config.workers = workers;
    // Idle upstream connections kept per endpoint, as nginx's `keepalive 256` in h2_compare.sh:
    // with 16 x 10 streams in flight, the default 64 closes and reopens ~100 connections per
    // burst (half the requests paid a TCP handshake), which measures the setting, not the proxy.
    config.maxIdlePerEndpoint = 256;
    Proxy::Gateway gateway(config);
    gateway.setRouteTable(builder.build());
    Proxy::EndpointMap endpoints;
    endpoints[Proxy::endpointKey("bench", "backend", 80)] = {backendAddress};
    gateway.setEndpoints(endpoints);

    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr); // the workers inherit the mask
    std::string error;
    if (!gateway.start(&error)) {
        std::fprintf(stderr, "cannot start: %s\n", error.c_str());
        return 1;
    }
    std::printf("listening on 127.0.0.1:%d\n", port);
    std::fflush(stdout);
    int received = 0;
    sigwait(&signals, &received);
    gateway.stop();
    return 0;
}
