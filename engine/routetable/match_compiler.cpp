// compileMatch(): RequestMatch → CompiledMatch, once per added row (a row listed under several
// hostnames shares one compiled match, so an invalid regex is reported once).
#include "matchers.h"

#include <re2/re2.h>

#include <algorithm>

namespace Torii::RouteTable::Internal {
namespace {

std::string lowered(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return out;
}

// Where the condition sits in the route, for the diagnostic's field path.
std::string fieldBase(const RouteSource &source)
{
    std::string base = "spec.rules[" + std::to_string(source.ruleIndex) + "]";
    if (source.matchIndex >= 0) {
        base += ".matches[" + std::to_string(source.matchIndex) + "]";
    }
    return base;
}

class Compiler
{
public:
    Compiler(const HttpRoute &route, CompiledMatch &match, Core::Diagnostics *diagnostics)
        : m_route(route)
        , m_match(match)
        , m_diagnostics(diagnostics)
        , m_base(fieldBase(route.source))
    {}

    // Full-match RE2 (the spec's and Envoy's regex dialect); null when the pattern is invalid.
    std::shared_ptr<const re2::RE2> regex(const std::string &pattern, const std::string &field)
    {
        re2::RE2::Options options;
        options.set_log_errors(false); // reported as a diagnostic, not on stderr
        auto compiled = std::make_shared<const re2::RE2>(pattern, options);
        if (compiled->ok()) {
            return compiled;
        }
        const std::string where = m_base + field;
        if (m_match.invalidReason.empty()) {
            m_match.invalidReason = "never matches: invalid regular expression " + pattern +
                                    " at " + where + " (" + compiled->error() + ")";
        }
        if (m_diagnostics) {
            const RouteSource &s = m_route.source;
            Core::Diagnostic diagnostic = Core::makeDiagnostic(
                Core::Severity::Error, "routetable.regex",
                Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "%1 %2/%3: invalid regular expression \"%4\" (%5); "
                                             "this match never matches"),
                           {s.kind, s.ns, s.name, pattern, compiled->error()}),
                Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "Gateway API regular expressions use RE2 syntax: no "
                                             "lookaround and no backreferences; escape a literal "
                                             "'.' or '?' with a backslash.")));
            diagnostic.fieldPath = where;
            m_diagnostics->push_back(std::move(diagnostic));
        }
        return nullptr;
    }

    CompiledString condition(StringMatchType type, std::string name, const std::string &value,
                             const std::string &field)
    {
        CompiledString out;
        out.type = type;
        out.name = std::move(name);
        out.value = value;
        if (type == StringMatchType::RegularExpression) {
            out.regex = regex(value, field);
        }
        return out;
    }

private:
    const HttpRoute &m_route;
    CompiledMatch &m_match;
    Core::Diagnostics *m_diagnostics;
    std::string m_base;
};

} // namespace

std::shared_ptr<const CompiledMatch> compileMatch(const HttpRoute &route,
                                                  Core::Diagnostics *diagnostics)
{
    auto match = std::make_shared<CompiledMatch>();
    const RequestMatch &in = route.match;
    Compiler compiler(route, *match, diagnostics);
    match->grpcRow = route.source.kind == "GRPCRoute" || in.grpcMethod.has_value();
    if (in.path) {
        match->hasPath = true;
        match->pathType = in.path->type;
        match->pathValue = in.path->value;
        match->prefixKey = normalizePrefix(in.path->value);
        if (in.path->type == PathMatchType::RegularExpression) {
            match->pathRegex = compiler.regex(in.path->value, ".path.value");
        }
    }
    match->method = in.method;
    // "If multiple entries specify equivalent header names, only the first entry with an
    // equivalent name MUST be considered for a match." (HTTPHeaderMatch.name; same for query
    // params, with exact names.)
    for (std::size_t i = 0; i < in.headers.size(); ++i) {
        std::string name = lowered(in.headers[i].name);
        const bool seen = std::any_of(match->headers.begin(), match->headers.end(),
                                      [&](const CompiledString &h) { return h.name == name; });
        if (!seen) {
            match->headers.push_back(
                compiler.condition(in.headers[i].type, std::move(name), in.headers[i].value,
                                   ".headers[" + std::to_string(i) + "].value"));
        }
    }
    for (std::size_t i = 0; i < in.queryParams.size(); ++i) {
        const QueryParamMatch &param = in.queryParams[i];
        const bool seen =
            std::any_of(match->queryParams.begin(), match->queryParams.end(),
                        [&](const CompiledString &q) { return q.name == param.name; });
        if (!seen) {
            match->queryParams.push_back(
                compiler.condition(param.type, param.name, param.value,
                                   ".queryParams[" + std::to_string(i) + "].value"));
        }
    }
    if (in.grpcMethod) {
        const GrpcMethodMatch &grpc = *in.grpcMethod;
        if (!grpc.service.empty()) {
            match->grpcService =
                compiler.condition(grpc.type, "service", grpc.service, ".method.service");
        }
        if (!grpc.method.empty()) {
            match->grpcMethod =
                compiler.condition(grpc.type, "method", grpc.method, ".method.method");
        }
    }
    return match;
}

} // namespace Torii::RouteTable::Internal
