#pragma once

// The request mix a load run sends: weighted templates (protocol, target listener, method, host,
// path, headers, cookies, body), read from a YAML file (engine/yaml, so every error has
// file:line:col) or made from the route tables (default_mix.h).
//
//   requests:
//   - weight: 90
//     protocol: http          # http | https | h2 | grpc | tcp | udp | tls
//     listener: {namespace: gateway-system, gateway: production-gateway, port: 80}
//     method: GET
//     host: webapp.example.com
//     path: /
//     headers: {x-canary: "true"}
//     cookies: {ab_test: variant_b}
//     body: "..."            # optional request body (sent with Content-Length)
//     name: canary-header    # optional label for reports
//
// Every protocol of the issue has its value here; the generator sends `http` (HTTP/1.1 over
// plain TCP) and `https` (HTTP/1.1 over TLS, SNI = host) today; h2, grpc, tcp, udp and tls are
// recognised and refused with an error (file:line:col) saying they arrive with the live gateway's
// part 2, and an unknown value gets the list of valid ones. Without `protocol`, a template is
// http.
//
// Pure; any thread.

#include "engine/core/diagnostic.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace Torii::Traffic {

enum class Protocol { Http, Https, H2, Grpc, Tcp, Udp, Tls };
const char *toString(Protocol protocol); // the mix file's spelling: "http", "h2", ...
std::optional<Protocol> protocolFromString(const std::string &text);
// Whether the generator sends this protocol in this build.
bool isServedProtocol(Protocol protocol);

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
