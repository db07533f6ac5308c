#pragma once

// The request half of a route test, read from the `requests` list the case parser keeps as Nodes
// (../shared/conformance/README.md, "Request cases" and "expect"). Defaults are applied here, so
// the checks read plain values: method GET, protocol http, status 200, the path expected by the
// backend = the path sent (with its unique query parameter).
//
// Deliberate reading of an absent field where the README is silent: an absent `expect.namespace`
// is not compared (every HTTP case of the corpus that expects 200 states one), and an absent
// `expect.request.path` in a given `expect.request` means the path sent.
//
// Protocol websocket (websocket_requests.h): `messages` are read as WebSocketMessages, the status
// defaults to 101, and only the fields a WebSocket handshake can carry are accepted (host,
// headers, path; method GET); expect.backend and expect.namespace cannot be judged on a 101 (the
// echo's /ws endpoint does not name its pod) and make the item unsupported.
//
// A field the runner cannot honour yet (the backend's view of TLS, another protocol) is
// not an error: `unsupported` names it, and the case is skipped with that reason.
// Contract: never throws; a malformed item (e.g. a status that is not a number) gets `unsupported`
// too, saying what was wrong, rather than being guessed at.

#include "route_test_case.h"

#include "engine/core/catalog.h"
#include "simulator/backends/websocket_frame.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace Torii::Scenarios {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct UniqueQueryParam
{
    std::string name;
    std::string scope = "attempt"; // attempt | case | round
};

struct SentRequest
{
    std::optional<ObjectRef> gateway; // request.gateway; else the test's
    std::optional<int> listenerPort;  // else the Gateway's first listener in its manifest
    std::string protocol = "http";
    std::optional<std::string> host; // else the Gateway address (127.0.0.1:local port)
    std::string method = "GET";
    std::string path = "/";
    HeaderList headers;
    std::string body;
    HeaderList echoSetHeaders;
    std::optional<UniqueQueryParam> uniqueQueryParam;
    std::string randomHeader; // empty: none
    bool unfollowRedirect = false;
    // protocol https: the TLS server name when it differs from `host`, and the "namespace/name"
    // of a Secret whose certificate and key the client presents.
    std::optional<std::string> sni;
    std::optional<std::string> clientCertificate;
    // protocol tcp/tls/udp: the bytes sent (tcp/tls: newline-separated echo commands, each sent
    // after the previous answer; udp: one datagram). Absent: a reachability probe.
    std::optional<std::string> payload;
    // protocol grpc (request.grpc): the unary call made, with an empty request message (the
    // suite always sends EchoRequest{}); `headers` travel as metadata.
    std::string grpcService;
    std::string grpcMethod;
    // protocol websocket (request.messages): sent one after another, each after the previous
    // one's echo when expect.echoedMessages.
    std::vector<Backends::WebSocketMessage> messages;
};

struct ExpectedRequest
{
    std::optional<std::string> host;
    std::string method = "GET";
    std::optional<std::string> path; // nullopt: the path sent
    HeaderList headers;
    std::vector<std::string> absentHeaders;
};

struct ExpectedResponse
{
    HeaderList headers;
    std::vector<std::pair<std::string, std::vector<std::string>>> headersOneOf;
    std::vector<std::string> absentHeaders;
    bool ignoreWhitespace = false;
};

struct ExpectedRedirect
{
    std::optional<std::string> scheme;
    std::optional<std::string> host;
    std::optional<std::string> port;
    std::optional<std::string> path;
};

struct ExpectedDistribution
{
    int requests = 0;
    // The conformance README: "the measurement is repeated up to this many times (10)"; most
    // case files leave the field out and say "Up to 10 attempts" in their notes, as the Go suite
    // does. One attempt would fail a correct 70/30 split about once in 60 runs (500 requests,
    // tolerance 0.05).
    int attempts = 10;
    double tolerance = 0.0;
    std::vector<std::pair<std::string, double>> backends; // backend name → share
};

// expect.mirroredTo: a backend (Service name) that must also receive the request.
struct ExpectedMirror
{
    std::string backend;
    std::string ns;
    std::optional<double> percent; // informative; the share is judged by mirrorDistribution
};

// expect.mirrorDistribution (README, "Mirrors"): per round, `requests` sends with one request id,
// then each listed backend's count of that id must lie within [min, max].
struct ExpectedMirrorDistribution
{
    int requests = 0;
    int rounds = 1;
    struct Range
    {
        std::string backend;
        double min = 0;
        double max = 0;
    };
    std::vector<Range> counts;
};

struct Expectation
{
    std::vector<int> statuses{200};
    bool statusGiven = false;
    // expect.status "not-200": any status but 200 (and 408/504, "not settled yet"), on every one
    // of at least 5 sends; nothing else is compared. `statuses` is empty then.
    bool statusNot200 = false;
    std::optional<std::string> backend; // pod-name prefix
    std::optional<std::string> ns;
    // nullopt: "received as sent" (README, "expect", request).
    std::optional<ExpectedRequest> request;
    ExpectedResponse response;
    std::optional<ExpectedRedirect> redirect;
    std::optional<ExpectedDistribution> distribution;
    std::optional<std::string> sameBackendAsHeader;
    std::vector<ExpectedMirror> mirroredTo;
    std::optional<ExpectedMirrorDistribution> mirrorDistribution;
    // expect.connection: "ok" (the connection and any TLS handshake succeed) or
    // "handshake-fails" (they must fail; any HTTP response fails the item), or for protocol tls
    // "reset" (the connection is accepted, then closed or reset instead of a ServerHello).
    // Only that is checked.
    std::optional<std::string> connection;
    // protocol tcp/tls: the echo's IS_TLS answer (expect.response.isTLS) and the SNI its TEST
    // JSON reports (expect.tls.serverName); HTTP: the SNI in the echo answer's `tls` object
    // (the gateway's TLS to a BackendTLSPolicy backend), compared on 200/204 only.
    std::optional<bool> isTls;
    std::optional<std::string> tlsServerName;
    // protocol grpc: the status code name the call must end with ("OK", "UNIMPLEMENTED", ...);
    // `statuses` is not used then.
    std::string grpcStatus = "OK";
    // protocol websocket: every message sent must come back unchanged (expect.echoedMessages).
    bool echoedMessages = false;
};

struct RequestCase
{
    std::optional<Action> action; // an `action` item: nothing is sent
    SentRequest request;
    Expectation expect;
    int repeat = 1;
    std::string subtest;
    std::string notes;
    Model::Mark mark;
    // Why this item cannot be run yet; the case is then skipped with it.
    std::optional<Core::Text> unsupported;
};

std::vector<RequestCase> parseRequestCases(const Model::Node &requests);

} // namespace Torii::Scenarios
