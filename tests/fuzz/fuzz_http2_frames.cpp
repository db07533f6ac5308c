// Fuzzes the gateway's HTTP/2 client connection (engine/proxy/http2_client_connection.h): the
// client preface, then arbitrary bytes as frames, fed in fuzzer-chosen pieces through the
// connection's own frame handling (nghttp2's server session and our callbacks: streams, header
// limits, routing, local answers, gRPC answers, forwards to upstreams that never answer, flow
// control, GOAWAY). The connection writes to one end of a socketpair (nothing on the network);
// the event loop runs between pieces so deferred deletions and timers happen. Checked: no crash,
// no sanitizer report, no leak. The first byte picks the piece size and whether the bytes come
// after an h2c upgrade request instead of the preface.
#include "engine/proxy/http1_upstream.h"
#include "engine/proxy/http2_client_connection.h"
#include "engine/proxy/http2_upstream.h"
#include "engine/proxy/loop_worker_context.h"
#include "engine/routetable/route_table.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

using namespace Torii;
using namespace Torii::Proxy;
using namespace Torii::Proxy::Internal;
namespace RT = Torii::RouteTable;

namespace {

std::shared_ptr<const RT::RouteTable> table()
{
    RT::RouteTableBuilder builder;
    builder.addListener(80, RT::ListenerProtocol::HTTP);
    builder.addListenerHost(80, "*");
    RT::HttpRoute forward;
    forward.source.kind = "HTTPRoute";
    forward.source.ns = "default";
    forward.source.name = "web";
    forward.match.path = RT::PathMatch{RT::PathMatchType::PathPrefix, "/"};
    RT::Backend web;
    web.ns = "default";
    web.service = "web";
    web.port = 80;
    forward.backends = {web};
    forward.timeouts.request = std::chrono::milliseconds(50);
    builder.addHttpRoute(80, {"web.example"}, forward);
    RT::HttpRoute h2c = forward;
    h2c.source.name = "h2c";
    h2c.backends[0].service = "h2c";
    h2c.backends[0].appProtocol = "kubernetes.io/h2c";
    builder.addHttpRoute(80, {"h2c.example"}, h2c);
    RT::HttpRoute none = forward;
    none.source.name = "none";
    none.backends[0].service = "none"; // no endpoint: 503 / gRPC 14
    builder.addHttpRoute(80, {"none.example"}, none);
    return builder.build();
}

struct World
{
    Net::EventLoop loop;
    std::shared_ptr<SharedState> shared = std::make_shared<SharedState>();
    LoopWorkerContext context;
    std::unique_ptr<Http1UpstreamPool> pool;
    std::unique_ptr<Http2UpstreamPool> h2Pool;
    std::vector<std::unique_ptr<Http1Upstream>> deadUpstreams;
    Http2ClientConnection *retired = nullptr;

    World()
    {
        shared->setTable(table());
        EndpointMap endpoints;
        // A port nothing listens on (connects are refused, or never finish within a run).
        endpoints[endpointKey("default", "web", 80)] = {"127.0.0.1:9"};
        endpoints[endpointKey("default", "h2c", 80)] = {"127.0.0.1:9"};
        shared->setEndpoints(std::make_shared<const EndpointMap>(std::move(endpoints)));
        context.loop = &loop;
        context.snapshots = std::make_unique<SnapshotCache>(shared);
        context.random = [] { return 0.5; };
        context.idleTimeout = std::chrono::milliseconds(1000);
        pool = std::make_unique<Http1UpstreamPool>(
            loop, context.limits, std::chrono::milliseconds(100), 4,
            [this](std::unique_ptr<Http1Upstream> u) { deadUpstreams.push_back(std::move(u)); });
        h2Pool = std::make_unique<Http2UpstreamPool>(loop, std::chrono::milliseconds(100));
        context.pool = pool.get();
        context.h2Pool = h2Pool.get();
        context.retireHttp2 = [this](Http2ClientConnection *c) { retired = c; };
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static World world; // the table and the pools are built once
    if (size == 0) {
        return 0;
    }
    const std::size_t piece = std::size_t(data[0] & 0x3f) * 16 + 1;
    const bool upgrade = (data[0] & 0x40) != 0;
    const std::string_view frames(reinterpret_cast<const char *>(data + 1), size - 1);

    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, pair) != 0) {
        return 0;
    }
    Http2Handover handover;
    handover.fd = Net::UniqueFd(pair[0]);
    handover.peer = "127.0.0.1";
    handover.gatewayPort = 80;
    if (upgrade) {
        Http::RequestHead head;
        head.method = "GET";
        head.target = "/up";
        head.headers.add("Host", "web.example");
        handover.upgrade = head;
        handover.http2Settings = "AAMAAABkAAQCAAAAAAIAAAAA";
    } else {
        handover.received = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
    }
    world.retired = nullptr;
    {
        Http2ClientConnection connection(world.context, std::move(handover));
        connection.start();
        for (std::size_t at = 0; at < frames.size() && !connection.closed(); at += piece) {
            connection.receive(frames.substr(at, piece));
            world.loop.runOnce(std::chrono::milliseconds(0));
            char sink[65536];
            while (::recv(pair[1], sink, sizeof sink, 0) > 0) {
            } // what the gateway answered: read and dropped
        }
        if (!connection.closed()) {
            connection.abort();
        }
    }
    ::close(pair[1]);
    world.loop.runOnce(std::chrono::milliseconds(0));
    world.deadUpstreams.clear();
    return 0;
}
