#pragma once

// The HTTPRoute filters that change a request or a response, as pure functions over the codec's
// heads (no sockets, no clock): testable without a network. CORS is its own policy
// (cors_policy.h); RequestMirror is not applied in this slice (see gateway.h).

#include "engine/http/http1_codec.h"
#include "engine/routetable/route_table.h"

#include <string>
#include <string_view>
#include <vector>

namespace Torii::Proxy::Internal {

// set (replaces every field of the name), then add (appends ",value" to an existing field, or
// adds one: the spec's "my-header: foo,bar"), then remove. Names are case-insensitive.
void applyHeaderModifier(const RouteTable::HeaderModifier &modifier, Http::Headers &headers);

// The path a PathModifier makes of `target` ("/path?query"); the query is kept. For
// ReplacePrefixMatch, `matchedPrefix` is the row's PathPrefix value ("/" when the row has no
// path match): that prefix is replaced, on segment boundaries, per the spec's examples
// ("/foo" → "/xyz": "/foo/bar" → "/xyz/bar"; → "/": "/foo/bar" → "/bar", "/foo" → "/").
std::string modifyPath(const RouteTable::PathModifier &modifier, std::string_view matchedPrefix,
                       std::string_view target);

// The row's PathPrefix value, or "/" when it has none (the prefix ReplacePrefixMatch replaces).
std::string matchedPrefix(const RouteTable::HttpRoute &route);

// The Location of a RequestRedirect. `host` is the request's Host (a port in it is dropped),
// `gatewayPort` the listener's port, `requestScheme` "https" on a TLS listener. Per the spec:
// scheme and hostname default to the request's;
// the port defaults to the redirect scheme's well-known port when a scheme is set, else to the
// listener port; a port equal to the scheme's default (http 80, https 443) is omitted.
std::string redirectLocation(const RouteTable::RequestRedirect &redirect,
                             const RouteTable::HttpRoute &route, std::string_view host,
                             std::string_view target, int gatewayPort,
                             std::string_view requestScheme = "http");

// Host without its port ("a.example:8080" → "a.example", "[::1]:80" → "[::1]").
std::string_view hostWithoutPort(std::string_view host);

// What the filters of a row, then of the chosen backend, ask for.
struct FilterPlan
{
    const RouteTable::RequestRedirect *redirect = nullptr; // not owned: points into the table
    const RouteTable::UrlRewrite *rewrite = nullptr;       // not owned
    std::vector<const RouteTable::HeaderModifier *> requestHeaders;  // in order; not owned
    std::vector<const RouteTable::HeaderModifier *> responseHeaders; // in order; not owned
    std::string unsupported; // non-empty: a filter Torii cannot apply (answer 500 saying this)
};

// Adds `filters` to `plan` (a later redirect or rewrite replaces an earlier one).
void planFilters(const std::vector<RouteTable::Filter> &filters, FilterPlan &plan);

} // namespace Torii::Proxy::Internal
