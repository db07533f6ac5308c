#pragma once

// The request mix a load run sends: weighted templates (protocol, target listener, method, host,
// path, headers, cookies, body), read from a YAML file (engine/yaml, so every error has
// file:line:col) or made from the route tables (default_mix.h).
//
//   requests:
//   - weight: 90
//     protocol: http          # http | https | h2c | h2 | grpc | tcp | udp | tls
//     listener: {namespace: gateway-system, gateway: production-gateway, port: 80}
//     method: GET
//     host: webapp.example.com
//     path: /
//     headers: {x-canary: "true"}
//     cookies: {ab_test: variant_b}
//     body: "..."            # optional request body (sent with Content-Length)
//     name: canary-header    # optional label for reports
//   - weight: 5
//     protocol: grpc          # a unary call with an empty message; headers travel as metadata
//     host: grpc.example.com  # the :authority (a GRPCRoute's hostname)
//     grpc: {service: gateway_api_conformance.echo_basic.grpcecho.GrpcEcho, method: Echo}
//   - weight: 5
//     protocol: tls           # tcp | udp | tls: one echo sample (a new connection or UDP flow)
//     listener: {gateway: l4, port: 9443}
//     host: secure.example.com  # tls only: the SNI
//
// What each protocol sends:
// - http: HTTP/1.1 over plain TCP; https: HTTP/1.1 over TLS (SNI = host, ALPN http/1.1).
// - h2c: HTTP/2 with prior knowledge on an HTTP listener; h2: HTTP/2 over TLS on an HTTPS
//   listener (SNI = host, ALPN h2). One stream per new connection (the route tests' client),
//   so every request is a fresh draw of the gateway's weighted choice.
// - grpc: a unary gRPC call (plaintext HTTP/2) to an HTTP listener; `grpc.service` defaults to
//   the conformance GrpcEcho service and `grpc.method` to Echo. `method`, `path`, `cookies` and
//   `body` do not apply.
// - tcp, tls, udp: one sample of the conformance echo protocol (stream_sampler.h) through a TCP,
//   TLS or UDP listener; only `listener` (and `host` for tls: the SNI, which picks the
//   TLSRoute) apply, any HTTP field is an error.
// An unknown value gets the list of valid ones. Without `protocol`, a template is http.
//
// Pure; any thread.

#include "engine/core/diagnostic.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace Torii::Traffic {

enum class Protocol { Http, Https, H2c, H2, Grpc, Tcp, Udp, Tls };
const char *toString(Protocol protocol); // the mix file's spelling: "http", "h2", ...
std::optional<Protocol> protocolFromString(const std::string &text);
// tcp, udp and tls: echo samples, not HTTP requests.
bool isStreamProtocol(Protocol protocol);

// Which Gateway listener a template is sent to. Empty gateway: the only served one (or the first
// whose port matches); port 0: the gateway's first HTTP listener.
struct ListenerRef
{
    std::string ns;               // empty: any namespace
    std::string gateway;          // Gateway name
    int port = 0;                 // the Gateway API listener port
    std::string toString() const; // "ns/gateway:port"
};

struct RequestTemplate
{
    std::string name; // a label for reports; made from method, host and path when absent
    double weight = 1.0;
    Protocol protocol = Protocol::Http;
    ListenerRef listener;
    std::string method = "GET";
    std::string host;
    std::string path = "/";
    std::vector<std::pair<std::string, std::string>> headers; // in file order
    std::vector<std::pair<std::string, std::string>> cookies; // sent as one Cookie field
    std::string body;
    // grpc: the unary call's service and method (the path is /service/method).
    std::string grpcService = "gateway_api_conformance.echo_basic.grpcecho.GrpcEcho";
    std::string grpcMethod = "Echo";
};

struct RequestMix
{
    std::vector<RequestTemplate> templates;
    double totalWeight() const;
};

struct MixParseResult
{
    RequestMix mix;
    Core::Diagnostics diagnostics;
    bool ok() const { return !Core::hasErrors(diagnostics); }
};

MixParseResult parseMix(std::string_view text, const std::string &fileName);
MixParseResult readMixFile(const std::string &path);

} // namespace Torii::Traffic
