#include "route_compiler.h"

#include "filter_compiler.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace Torii::Controller::Internal {

namespace {

using RouteTable::HttpRoute;
using RouteTable::StreamRoute;

struct CompiledRows
{
    std::vector<HttpRoute> http;
    std::vector<StreamRoute> streams;
};

RouteTable::ListenerProtocol tableProtocol(ListenerProtocol protocol)
{
    switch (protocol) {
    case ListenerProtocol::Https:
        return RouteTable::ListenerProtocol::HTTPS;
    case ListenerProtocol::Tls:
        return RouteTable::ListenerProtocol::TLS;
    case ListenerProtocol::Tcp:
        return RouteTable::ListenerProtocol::TCP;
    case ListenerProtocol::Udp:
        return RouteTable::ListenerProtocol::UDP;
    default:
        return RouteTable::ListenerProtocol::HTTP;
    }
}

RouteTable::RouteSource sourceOf(const ResourceIndex &index, const RouteState &route, int ruleIndex,
                                 const std::optional<std::string> &ruleName, int matchIndex)
{
    RouteTable::RouteSource source;
    source.kind = route.identity.kind;
    source.ns = route.identity.ns;
    source.name = route.identity.name;
    source.ruleIndex = ruleIndex;
    source.ruleName = ruleName.value_or("");
    source.matchIndex = matchIndex;
    source.creationOrder = index.creationRank(route.identity.index);
    return source;
}

RouteTable::StringMatchType stringType(const std::optional<std::string> &type)
{
    return type && *type == "RegularExpression" ? RouteTable::StringMatchType::RegularExpression
                                                : RouteTable::StringMatchType::Exact;
}

RouteTable::RequestMatch compileHttpMatch(const Model::HTTPRouteMatch &match)
{
    RouteTable::RequestMatch out;
    // The CRD defaults a match's path to PathPrefix "/".
    RouteTable::PathMatch path;
    if (match.path) {
        const std::string type = match.path->type.value_or("PathPrefix");
        path.type = type == "Exact"               ? RouteTable::PathMatchType::Exact
                    : type == "RegularExpression" ? RouteTable::PathMatchType::RegularExpression
                                                  : RouteTable::PathMatchType::PathPrefix;
        path.value = match.path->value.value_or("/");
    }
    out.path = path;
    for (const auto &header : itemsOf(match.headers)) {
        out.headers.push_back({stringType(header.type), header.name, header.value});
    }
    for (const auto &param : itemsOf(match.queryParams)) {
        out.queryParams.push_back({stringType(param.type), param.name, param.value});
    }
    if (match.method) {
        std::string method = *match.method;
        std::transform(method.begin(), method.end(), method.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        out.method = method;
    }
    return out;
}

void compileTimeouts(const Model::HTTPRouteRule &rule, HttpRoute &row)
{
    if (rule.timeouts) {
        if (rule.timeouts->request) {
            row.timeouts.request = parseDuration(*rule.timeouts->request);
        }
        if (rule.timeouts->backendRequest) {
            row.timeouts.backendRequest = parseDuration(*rule.timeouts->backendRequest);
        }
    }
    if (rule.retry) {
        RouteTable::Retry retry;
        for (std::int32_t code : itemsOf(rule.retry->codes)) {
            retry.codes.push_back(code);
        }
        retry.attempts = rule.retry->attempts;
        if (rule.retry->backoff) {
            retry.backoff = parseDuration(*rule.retry->backoff);
        }
        row.retry = retry;
    }
}

CompiledRows compileHttpRoute(const CompileContext &context, const RouteState &route,
                              const Model::HTTPRoute &object)
{
    const ResourceIndex &index = context.index;
    CompiledRows out;
    // The API server's default for a route without rules: one rule matching every request.
    const std::vector<Model::HTTPRouteRule> rules =
        object.spec.rules.value_or(std::vector<Model::HTTPRouteRule>{Model::HTTPRouteRule{}});
    for (std::size_t r = 0; r < rules.size(); ++r) {
        if (r < route.ruleUsable.size() && !route.ruleUsable[r]) {
            continue;
        }
        const Model::HTTPRouteRule &rule = rules[r];
        HttpRoute base;
        base.filters = compileHttpFilters(context, itemsOf(rule.filters), route.referrer);
        for (const Model::HTTPBackendRef &ref : itemsOf(rule.backendRefs)) {
            RouteTable::Backend backend =
                compileBackend(context, ref, ref.weight.value_or(1), route.referrer, true);
            backend.filters = compileHttpFilters(context, itemsOf(ref.filters), route.referrer);
            base.backends.push_back(std::move(backend));
        }
        compileTimeouts(rule, base);
        const auto matches = itemsOf(rule.matches);
        if (matches.empty()) {
            HttpRoute row = base;
            row.source = sourceOf(index, route, static_cast<int>(r), rule.name, -1);
            out.http.push_back(std::move(row));
            continue;
        }
        for (std::size_t m = 0; m < matches.size(); ++m) {
            HttpRoute row = base;
            row.source =
                sourceOf(index, route, static_cast<int>(r), rule.name, static_cast<int>(m));
            row.match = compileHttpMatch(matches[m]);
            out.http.push_back(std::move(row));
        }
    }
    return out;
}

RouteTable::RequestMatch compileGrpcMatch(const Model::GRPCRouteMatch *match)
{
    RouteTable::RequestMatch out;
    RouteTable::GrpcMethodMatch method; // empty service and method: any gRPC call
    if (match && match->method) {
        method.type = stringType(match->method->type);
        method.service = match->method->service.value_or("");
        method.method = match->method->method.value_or("");
    }
    out.grpcMethod = method;
    if (match) {
        for (const auto &header : itemsOf(match->headers)) {
            out.headers.push_back({stringType(header.type), header.name, header.value});
        }
    }
    return out;
}

CompiledRows compileGrpcRoute(const CompileContext &context, const RouteState &route,
                              const Model::GRPCRoute &object)
{
    const ResourceIndex &index = context.index;
    CompiledRows out;
    const std::vector<Model::GRPCRouteRule> rules =
        object.spec.rules.value_or(std::vector<Model::GRPCRouteRule>{Model::GRPCRouteRule{}});
    for (std::size_t r = 0; r < rules.size(); ++r) {
        if (r < route.ruleUsable.size() && !route.ruleUsable[r]) {
            continue;
        }
        const Model::GRPCRouteRule &rule = rules[r];
        HttpRoute base;
        base.filters = compileGrpcFilters(context, itemsOf(rule.filters), route.referrer);
        for (const Model::GRPCBackendRef &ref : itemsOf(rule.backendRefs)) {
            RouteTable::Backend backend =
                compileBackend(context, ref, ref.weight.value_or(1), route.referrer, true);
            backend.filters = compileGrpcFilters(context, itemsOf(ref.filters), route.referrer);
            base.backends.push_back(std::move(backend));
        }
        const auto matches = itemsOf(rule.matches);
        if (matches.empty()) {
            HttpRoute row = base;
            row.source = sourceOf(index, route, static_cast<int>(r), rule.name, -1);
            row.match = compileGrpcMatch(nullptr);
            out.http.push_back(std::move(row));
            continue;
        }
        for (std::size_t m = 0; m < matches.size(); ++m) {
            HttpRoute row = base;
            row.source =
                sourceOf(index, route, static_cast<int>(r), rule.name, static_cast<int>(m));
            row.match = compileGrpcMatch(&matches[m]);
            out.http.push_back(std::move(row));
        }
    }
    return out;
}

template<class Route>
CompiledRows compileStreamRoute(const CompileContext &context, const RouteState &route,
                                const Route &object)
{
    const ResourceIndex &index = context.index;
    CompiledRows out;
    for (std::size_t r = 0; r < object.spec.rules.size(); ++r) {
        const auto &rule = object.spec.rules[r];
        StreamRoute row;
        row.source = sourceOf(index, route, static_cast<int>(r), rule.name, -1);
        for (const Model::BackendRef &ref : rule.backendRefs) {
            row.backends.push_back(
                compileBackend(context, ref, ref.weight.value_or(1), route.referrer, false));
        }
        out.streams.push_back(std::move(row));
    }
    return out;
}

CompiledRows compileRoute(const CompileContext &context, const RouteState &route)
{
    const Model::TypedObject &object = context.index.typed(route.identity.index);
    if (const auto *http = std::get_if<Model::HTTPRoute>(&object)) {
        return compileHttpRoute(context, route, *http);
    }
    if (const auto *grpc = std::get_if<Model::GRPCRoute>(&object)) {
        return compileGrpcRoute(context, route, *grpc);
    }
    if (const auto *tls = std::get_if<Model::TLSRoute>(&object)) {
        return compileStreamRoute(context, route, *tls);
    }
    if (const auto *tcp = std::get_if<Model::TCPRoute>(&object)) {
        return compileStreamRoute(context, route, *tcp);
    }
    if (const auto *udp = std::get_if<Model::UDPRoute>(&object)) {
        return compileStreamRoute(context, route, *udp);
    }
    return {};
}

// Listener isolation: "if Listeners are defined for "foo.example.com" and "*.example.com", a
// request to "foo.example.com" SHOULD only be routed using routes attached to the
// "foo.example.com" Listener". The table picks the most specific host entry, so a route on a
// less specific listener must not add entries for hosts a more specific listener on the same port
// owns.
std::vector<std::string> isolate(const ListenerState &listener,
                                 const std::vector<std::string> &hostnames,
                                 const std::vector<const ListenerState *> &samePort)
{
    std::vector<std::string> out;
    for (const std::string &host : hostnames) {
        const bool owned = std::any_of(samePort.begin(), samePort.end(), [&](const auto *peer) {
            return peer != &listener && peer->hostname && peer->hostname != listener.hostname &&
                   hostnameWithin(*peer->hostname, listener.hostname) &&
                   hostnameWithin(host, peer->hostname);
        });
        if (!owned) {
            out.push_back(host);
        }
    }
    return out;
}

} // namespace

std::shared_ptr<const RouteTable::RouteTable> compileGateway(const ResourceIndex &index,
                                                             const GatewayState &gateway,
                                                             const std::vector<RouteState> &routes,
                                                             const BackendTlsTargets &backendTls,
                                                             Core::Diagnostics &diagnostics)
{
    const CompileContext context{index, backendTls};
    RouteTable::RouteTableBuilder builder;
    std::vector<const ListenerState *> serving;
    for (const ListenerState *listener : gateway.allListeners()) {
        if (listener->isAccepted()) {
            builder.addListener(listener->port(), tableProtocol(listener->protocol));
            builder.addListenerHost(listener->port(), listener->hostname.value_or("*"));
            serving.push_back(listener);
        }
    }
    for (const RouteState &route : routes) {
        std::set<const ListenerState *> done;
        std::optional<CompiledRows> rows;
        for (const ParentState &parent : route.parents) {
            if (parent.gateway != &gateway || !parent.accepted.ok) {
                continue;
            }
            for (const ListenerAttachment &attachment : parent.listeners) {
                const ListenerState *listener = attachment.listener;
                if (!listener->isAccepted() || !done.insert(listener).second) {
                    continue;
                }
                std::vector<const ListenerState *> samePort;
                for (const ListenerState *peer : serving) {
                    if (peer->port() == listener->port()) {
                        samePort.push_back(peer);
                    }
                }
                const std::vector<std::string> hostnames =
                    isolate(*listener, attachment.hostnames, samePort);
                if (hostnames.empty()) {
                    continue;
                }
                if (!rows) {
                    rows = compileRoute(context, route);
                }
                for (const HttpRoute &row : rows->http) {
                    builder.addHttpRoute(listener->port(), hostnames, row);
                }
                for (const StreamRoute &row : rows->streams) {
                    builder.addStreamRoute(listener->port(), hostnames, row);
                }
            }
        }
    }
    return builder.build(&diagnostics);
}

} // namespace Torii::Controller::Internal
