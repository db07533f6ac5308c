#pragma once

// Compiled forms of RequestMatch and the one function that decides whether a request satisfies
// one. lookup() and explain() both call evaluate(), so what explain() says is what lookup() does.

#include "engine/core/diagnostic.h"
#include "engine/routetable/route_table.h"

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace Torii::RouteTable::Internal {

// The request as the matchers read it: views into a Request, parsed once per lookup.
struct RequestView
{
    std::string_view method;
    std::string_view path;  // before '?' and '#'; "/" when empty
    std::string_view query; // after '?', before '#'
    std::span<const HeaderField> headers;
    bool grpc = false;
    bool grpcPathValid = false; // path is "/<service>/<method>" with both parts non-empty
    std::string_view grpcService;
    std::string_view grpcMethod;
};

// `request` must outlive the view.
RequestView makeRequestView(const RequestRef &request);

// One header, query param, gRPC service or gRPC method condition.
struct CompiledString
{
    StringMatchType type = StringMatchType::Exact;
    std::string name;  // header: lowercased; query: as written; gRPC: "service" / "method"
    std::string value; // literal or pattern, as written
    std::shared_ptr<const re2::RE2> regex; // set for RegularExpression (null if invalid)
};

struct CompiledMatch
{
    bool grpcRow = false; // a GRPCRoute row: matches gRPC requests only
    bool hasPath = false;
    PathMatchType pathType = PathMatchType::PathPrefix;
    std::string pathValue = "/"; // as written
    std::string prefixKey = "/"; // PathPrefix without its trailing '/' ("/" stays "/")
    std::shared_ptr<const re2::RE2> pathRegex;
    std::optional<std::string> method;
    std::vector<CompiledString> headers;     // first of each (case-insensitive) name only
    std::vector<CompiledString> queryParams; // first of each name only
    std::optional<CompiledString> grpcService;
    std::optional<CompiledString> grpcMethod;
    std::string invalidReason; // non-empty: an invalid regular expression, never matches

    // Exact gRPC service and method: the request path must be exactly "/service/method".
    bool grpcExactBoth() const;
    bool isValid() const { return invalidReason.empty(); }
};

// Compiles `route.match`. An invalid regex sets invalidReason and adds a diagnostic
// ("routetable.regex") naming the route's field.
std::shared_ptr<const CompiledMatch> compileMatch(const HttpRoute &route,
                                                  Core::Diagnostics *diagnostics);

// Whether `request` satisfies `match`. With `why`, every failed condition is described there
// ("path /a is not Exact /b; header x-canary: missing"), else it stops at the first failure.
bool evaluate(const CompiledMatch &match, const RequestView &request, std::string *why);

// "/foo/" → "/foo"; "/" and "" → "/".
std::string normalizePrefix(std::string_view value);
// PathPrefix by path elements: `key` (normalized) matches "/foo", "/foo/", "/foo/bar", not
// "/foobar".
bool prefixMatches(std::string_view key, std::string_view path);

} // namespace Torii::RouteTable::Internal
