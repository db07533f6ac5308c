#pragma once

// The compiled, immutable routing table the gateway serves from (see ARCHITECTURE.md). It holds
// no Gateway API types: the controller (engine/controller) translates accepted routes into the
// plain values below, and the data plane, the GUI and toriictl read only this.
//
// Thread: a built RouteTable is immutable and shared as std::shared_ptr<const RouteTable>;
// lookups from any number of threads are safe. Building happens on one thread.

#include "engine/core/diagnostic.h"
#include "engine/core/header_field.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace Torii::RouteTable {

// Which object a compiled row came from, for explain() and for metrics.
struct RouteSource
{
    std::string kind;      // HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute
    std::string ns;
    std::string name;
    int ruleIndex = 0;     // index in spec.rules
    std::string ruleName;  // spec.rules[].name, may be empty
    int matchIndex = -1;   // index in rule.matches (-1: the rule has no matches: match-all)
    // Precedence tie-breaks: objects without a creationTimestamp get one in load order.
    std::int64_t creationOrder = 0; // smaller = older
};

enum class StringMatchType { Exact, RegularExpression };
enum class PathMatchType { Exact, PathPrefix, RegularExpression };

struct PathMatch
{
    PathMatchType type = PathMatchType::PathPrefix;
    std::string value = "/";
};

struct HeaderMatch
{
    StringMatchType type = StringMatchType::Exact;
    std::string name; // case-insensitive
    std::string value;
};

struct QueryParamMatch
{
    StringMatchType type = StringMatchType::Exact;
    std::string name; // case-sensitive (exact)
    std::string value;
};

// A GRPCRoute method match, already in gRPC's terms (path /service/method).
struct GrpcMethodMatch
{
    StringMatchType type = StringMatchType::Exact;
    std::string service; // may be empty: any
    std::string method;  // may be empty: any
};

struct RequestMatch
{
    std::optional<PathMatch> path;            // absent for gRPC rows and match-all rows
    std::vector<HeaderMatch> headers;
    std::vector<QueryParamMatch> queryParams;
    std::optional<std::string> method;        // HTTP method, upper case
    std::optional<GrpcMethodMatch> grpcMethod;
};

struct HeaderModifier
{
    std::vector<HeaderField> set;
    std::vector<HeaderField> add;
    std::vector<std::string> remove;
};

enum class PathModifierType { ReplaceFullPath, ReplacePrefixMatch };

struct PathModifier
{
    PathModifierType type = PathModifierType::ReplaceFullPath;
    std::string value;
};

struct RequestRedirect
{
    std::optional<std::string> scheme;
    std::optional<std::string> hostname;
    std::optional<int> port;
    std::optional<PathModifier> path;
    int statusCode = 302;
};

struct UrlRewrite
{
    std::optional<std::string> hostname;
    std::optional<PathModifier> path;
};

struct Backend;

struct RequestMirror
{
    std::shared_ptr<const Backend> backend;
    double percent = 100.0; // 0..100, from percent or fraction
};

struct Cors
{
    std::vector<std::string> allowOrigins;
    bool allowCredentials = false;
    std::vector<std::string> allowMethods;
    std::vector<std::string> allowHeaders;
    std::vector<std::string> exposeHeaders;
    std::optional<int> maxAge;
};

// Filters in the order the route lists them. Exactly one member is set per filter.
struct Filter
{
    enum class Type {
        RequestHeaderModifier,
        ResponseHeaderModifier,
        RequestRedirect,
        UrlRewrite,
        RequestMirror,
        Cors,
        Unsupported, // ExtensionRef and anything Torii cannot apply: answered with 500
    };
    Type type = Type::Unsupported;
    HeaderModifier headers;
    RequestRedirect redirect;
    UrlRewrite rewrite;
    RequestMirror mirror;
    Cors cors;
    std::string unsupportedReason;
};

// How the gateway talks TLS to a backend (BackendTLSPolicy), resolved once per table from the
// policy that wins its Service port and shared by every backendRef to that port.
struct BackendTls
{
    std::string policy;        // "namespace/name" of the BackendTLSPolicy, for messages
    std::string hostname;      // SNI, and the name the certificate must carry when no SAN is listed
    std::string trustedPem;    // the ca.crt of every usable caCertificateRef, concatenated
    bool systemTrust = false;  // wellKnownCACertificates: System (the OS store)
    std::vector<std::string> dnsNames; // subjectAltNames type Hostname: any one must match
    std::vector<std::string> uris;     // subjectAltNames type URI: compared exactly
    // Identifies the settings (same key: same verification), for per-worker SSL_CTX caches and
    // connection pools: connections are reused only for the same endpoint and key.
    std::string key;
};

// Where a share of the traffic goes. A backend that could not be resolved keeps its weight and
// answers 500 for its share (the spec's rule for invalid backendRefs), saying why.
struct Backend
{
    std::string ns;
    std::string service;
    int port = 0;
    int weight = 1;
    std::string appProtocol;       // from the Service port: kubernetes.io/h2c, kubernetes.io/ws …
    std::string invalidReason;     // non-empty: not resolvable (500 for this share)
    std::vector<Filter> filters;   // backendRef-level filters (HTTP and gRPC)
    std::shared_ptr<const BackendTls> tls; // null: plain TCP to the endpoints

    bool isValid() const { return invalidReason.empty(); }
};

struct Timeouts
{
    std::optional<std::chrono::milliseconds> request;
    std::optional<std::chrono::milliseconds> backendRequest;
};

struct Retry
{
    std::vector<int> codes;
    std::optional<int> attempts;
    std::optional<std::chrono::milliseconds> backoff;
};

// One compiled row: one match of one rule of one route, with what to do when it matches.
struct HttpRoute
{
    RouteSource source;
    RequestMatch match;
    std::vector<Filter> filters;
    std::vector<Backend> backends; // empty: 500 (no backend), unless a redirect filter answers
    Timeouts timeouts;
    std::optional<Retry> retry;
};

// A TLS passthrough/terminate, TCP or UDP route attached to a listener.
struct StreamRoute
{
    RouteSource source;
    std::vector<Backend> backends;
};

enum class ListenerProtocol { HTTP, HTTPS, TLS, TCP, UDP };

// The request fields routing looks at.
//
// How lookup() reads them (choices the spec leaves to implementations are marked *):
// - host: the port suffix ("a.example.com:8080", "[::1]:80") and one trailing dot are ignored, the
//   name is compared case-insensitively.
// - path: everything before '?' (and '#'); empty means "/". Compared case-sensitively, undecoded.
// - headers: names case-insensitive. *A header sent several times is matched against its values
//   joined with "," in request order (RFC 9110 §5.3 combination, as Envoy does).
// - query: "name=value" pairs split at '&'; names and values are compared after %XX decoding ('+'
//   stays '+'). *A repeated parameter matches by its first value (the spec's recommendation).
// - grpc: the request is gRPC (content-type application/grpc…). Rows of GRPCRoutes match gRPC
//   requests only; rows of HTTPRoutes match both.
struct RequestRef;

struct Request
{
    std::string method = "GET";
    std::string host;          // Host / :authority, port stripped by the caller or not: both work
    std::string path = "/";    // path and query, as sent
    std::vector<HeaderField> headers;
    bool grpc = false;

    RequestRef ref() const; // views into this request
};

// The same fields as views into storage the caller keeps (the gateway's parsed head): what
// lookup() reads, so a forwarded request is looked up without copying its head.
struct RequestRef
{
    std::string_view method = "GET";
    std::string_view host;
    std::string_view path = "/";
    std::span<const HeaderField> headers;
    bool grpc = false;
};

inline RequestRef Request::ref() const
{
    return RequestRef{method, host, path, headers, grpc};
}

struct MatchResult
{
    const HttpRoute *route = nullptr; // null: no route matches (404)
    std::string hostnameKey;          // which host entry answered (exact name, "*.x", or "*")
};

// Why each row before the chosen one did not match, for `toriictl routes --explain`.
struct Explanation
{
    struct Step
    {
        const HttpRoute *route;
        std::string hostnameKey;
        bool matched = false;
        std::string reason; // "path /a is not Exact /b; header x-canary: missing" or "matches"
    };
    std::vector<Step> steps; // the chosen host entry's rows in precedence order, up to the match
    MatchResult result;      // always equal to lookup()'s answer for the same request
    std::string hostReason;  // which host entry was chosen and why (or why none was)
};

class RouteTable;

// Collects compiled rows per listener port and host, then sorts them by the Gateway API's
// precedence and builds the lookup indexes.
class RouteTableBuilder
{
public:
    RouteTableBuilder();
    ~RouteTableBuilder();

    // Declares a listener port (several Gateway listeners may share a port: they are merged by
    // hostname, as the spec's listener merging does).
    void addListener(int port, ListenerProtocol protocol);
    // Declares the host entry of a listener ("*" when the listener has no hostname), even when
    // no route attaches to it: a request for that host then selects this entry and gets a 404
    // instead of falling through to a less specific listener's routes (listener isolation).
    void addListenerHost(int port, const std::string &hostname);
    // `hostnames`: the route hostnames intersected with the listener's ("*" = any host,
    // "*.example.com" wildcard, or an exact name). A row added under several hostnames is listed
    // in each host entry (stored once: every entry points at the same HttpRoute).
    void addHttpRoute(int port, const std::vector<std::string> &hostnames, HttpRoute route);
    // TLS routes use `hostnames` (SNI); TCP and UDP routes pass {"*"}.
    void addStreamRoute(int port, const std::vector<std::string> &hostnames, StreamRoute route);

    // Sorts and indexes. Regular expressions are compiled with RE2 (full match); an invalid one
    // makes its row never match (it stays listed, explain() says why) and adds an Error
    // diagnostic with code "routetable.regex". A port used before addListener() is declared
    // implicitly (HTTP for HTTP rows; TLS for stream routes with a hostname, else TCP); a port
    // declared twice keeps its first protocol. Hostnames are lowercased; "" means "*".
    // The builder is left empty.
    std::shared_ptr<const RouteTable> build(Core::Diagnostics *diagnostics = nullptr);

private:
    struct Data;
    std::unique_ptr<Data> m_data;
};

class RouteTable
{
public:
    ~RouteTable();

    struct HostView
    {
        std::string hostname;                    // exact, "*.suffix" or "*"
        std::vector<const HttpRoute *> routes;   // in precedence order
        std::vector<const StreamRoute *> streams;
    };
    struct ListenerView
    {
        int port = 0;
        ListenerProtocol protocol = ListenerProtocol::HTTP;
        std::vector<HostView> hosts; // exact names first, then wildcards most specific first, then "*"
    };

    std::vector<int> ports() const;
    // The table of one port as a user reads it (toriictl routes, the GUI's routes table).
    std::optional<ListenerView> listener(int port) const;

    // The HTTP/gRPC row a request on `port` lands on: host entry by exact name, then the most
    // specific matching wildcard, then "*"; inside it, the first row in precedence order whose
    // match holds. Only the chosen host entry is searched (the spec: the most specific hostname
    // wins). Sub-linear in the number of rows of a host.
    //
    // Precedence inside a host entry (HTTPRoute's spec text, continuing on ties): Exact path;
    // *RegularExpression path (longer pattern first); PathPrefix with more characters (a row with
    // no path, and every GRPCRoute row, counts as PathPrefix "/"); for GRPCRoute rows: more
    // characters in the service, then in the method (a pattern's length for RegularExpression);
    // method match; more header matches; more query param matches; older creationOrder;
    // "namespace/name" alphabetically; rule index; match index. Repeated header (case-insensitive)
    // or query param names count once: only the first is considered, as the spec says.
    //
    // No fall-through: a request whose host selects an entry that has no matching row gets 404
    // even when a less specific entry would match (conformance test GatewayHTTPListenerIsolation:
    // bar.example.com/empty-hostname is 404 while "*" has /empty-hostname).
    //
    // Never throws; allocates nothing except the returned hostnameKey when it exceeds the small
    // string buffer (and, once per thread, the buffers for repeated headers and %-decoded queries).
    MatchResult lookup(int port, const RequestRef &request) const;
    MatchResult lookup(int port, const Request &request) const { return lookup(port, request.ref()); }
    Explanation explain(int port, const Request &request) const;

    // TLS: by SNI (same host order, among the entries that hold stream routes; no fall-through);
    // inside an entry the oldest route wins (creationOrder, then "namespace/name", then rule).
    // TCP/UDP: `serverName` is ignored and the port's first route by that order answers.
    const StreamRoute *lookupStream(int port, std::string_view serverName = {}) const;

private:
    friend class RouteTableBuilder;
    RouteTable();
    struct Data;
    std::unique_ptr<Data> m_data;
};

const char *toString(ListenerProtocol protocol);
const char *toString(PathMatchType type);   // "Exact", "PathPrefix", "RegularExpression"
const char *toString(StringMatchType type); // "Exact", "RegularExpression"

} // namespace Torii::RouteTable
