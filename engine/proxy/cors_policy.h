#pragma once

// The HTTPRoute CORS filter (Gateway API v1.6.1, HTTPCORSFilter) as a pure policy over the
// codec's heads: no sockets, no clock. The connection asks it three things:
//
//   const RouteTable::Cors *cors = CorsPolicy::find(route.filters);
//   if (cors) {
//       CorsPolicy policy(*cors);
//       switch (policy.classify(clientHead)) {
//       case CorsPolicy::Kind::Preflight:   // answer it here, never forward it
//           { CorsPolicy::PreflightAnswer a = policy.preflight(clientHead); ... LocalAnswer }
//       case CorsPolicy::Kind::Actual:      // forward; then, on the upstream's response head:
//           policy.applyToResponse(clientHead, upstreamResponse.headers);
//           (or applyToResponse(origin, ...) when only the Origin value was kept)
//       case CorsPolicy::Kind::NotCors:     // forward unchanged
//       }
//   }
//
// What it answers, and why (the spec text of each field, and conformance test HTTPRouteCORS):
// - Preflight: OPTIONS with Origin and Access-Control-Request-Method. The gateway answers it
//   itself (the conformance cases expect a response that is not the backend's echo). An allowed
//   origin gets 200 with Access-Control-Allow-Origin (the request's Origin, echoed: always valid,
//   and required when allowCredentials is true), -Allow-Methods (the configured list, or for "*"
//   the requested method), -Allow-Headers (the configured list, or for "*" the requested headers;
//   omitted when nothing is configured or, for "*", nothing was requested and credentials are
//   allowed), -Expose-Headers (the list; "*" only without credentials), -Max-Age (maxAge, the
//   CRD's default 5), -Allow-Credentials "true" when allowCredentials. A denied origin gets 403
//   without any CORS header (the spec's alternative to a bare 200; it tells a learner why).
// - Actual request: any other request with an Origin. It is forwarded unchanged; an allowed
//   origin adds Access-Control-Allow-Origin, -Allow-Credentials and -Expose-Headers to the
//   upstream's response (for exposeHeaders "*" with credentials, the names of the response's
//   own header fields, since "*" may not be sent then). A denied origin adds nothing.
// - Every answer that depends on Origin carries "Vary: Origin" (caches must not share it).
// - Origins: "<scheme>://<host>[:<port>]", scheme and host compared case-insensitively, a
//   missing port is the scheme's default (http 80, https 443). A host "*" matches every host,
//   "*.example.com" any host ending in ".example.com" (any number of labels: "a.b.example.com").
//   The single pattern "*" matches every Origin. An Origin that is not of that form ("null")
//   matches only "*".
//
// Only the route rule's filters are consulted (find() on HttpRoute::filters): a preflight is
// answered before any backend is chosen, so a backendRef-level CORS filter cannot apply to it.
// Thread: pure; a CorsPolicy only reads the table's Cors, which outlives it (not owned).

#include "engine/http/http1_codec.h"
#include "engine/routetable/route_table.h"

#include <string>
#include <string_view>
#include <vector>

namespace Torii::Proxy::Internal {

class CorsPolicy
{
public:
    enum class Kind {
        NotCors,   // no Origin header: the filter does nothing
        Preflight, // OPTIONS + Origin + Access-Control-Request-Method: answered by the gateway
        Actual,    // Origin on any other request: forwarded, CORS headers added to the response
    };

    struct PreflightAnswer
    {
        int status = 200; // 200 when the origin is allowed, 403 otherwise
        bool originAllowed = false;
        Http::Headers headers;   // the CORS fields and Vary; no framing fields
        std::string explanation; // one line for the body ("CORS preflight ... allowed ...\n")
    };

    // `cors` is not owned and must outlive the policy (it lives in the RouteTable).
    explicit CorsPolicy(const RouteTable::Cors &cors);

    // The first CORS filter of `filters`, or nullptr (the CRD allows one per rule).
    static const RouteTable::Cors *find(const std::vector<RouteTable::Filter> &filters);

    Kind classify(const Http::RequestHead &request) const;

    // Whether `origin` (an Origin header value) matches one of allowOrigins.
    bool allowsOrigin(std::string_view origin) const;
    // One allowOrigins entry against one Origin value (exposed for tests and explain texts).
    static bool originMatches(std::string_view pattern, std::string_view origin);

    // The gateway's own answer to a preflight. Precondition: classify(request) == Preflight.
    PreflightAnswer preflight(const Http::RequestHead &request) const;

    // Adds the CORS fields of an actual request's answer to `response` (the upstream's response
    // headers, before they are sent to the client); fields of the same name the upstream sent
    // are replaced. Does nothing when the request is not an actual CORS request or its origin is
    // not allowed (except Vary: Origin, which is added whenever an Origin was sent).
    void applyToResponse(const Http::RequestHead &request, Http::Headers &response) const;
    // The same for a connection that kept only the Origin of an actual CORS request (the value
    // of its Origin header; classify() returned Actual), e.g. in its Exchange until
    // shapeResponseHead().
    void applyToResponse(std::string_view origin, Http::Headers &response) const;

private:
    std::string allowMethodsFor(const Http::RequestHead &request) const;
    std::string allowHeadersFor(const Http::RequestHead &request) const;
    std::string exposeHeadersFor(const Http::Headers *response) const;

    const RouteTable::Cors &m_cors;
};

} // namespace Torii::Proxy::Internal
