#include "default_mix.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace Torii::Traffic {

namespace RT = Torii::RouteTable;

std::string ruleKey(const RT::RouteSource &source)
{
    return source.kind + ' ' + source.ns + '/' + source.name + " rule " +
           std::to_string(source.ruleIndex);
}

namespace {

std::string concreteHost(const std::string &hostname)
{
    if (hostname == "*" || hostname.empty()) {
        return "any.torii.invalid";
    }
    if (hostname.rfind("*.", 0) == 0) {
        return "www" + hostname.substr(1);
    }
    return hostname;
}

} // namespace

DefaultMix defaultMix(const std::map<std::string, std::shared_ptr<const RT::RouteTable>> &tables)
{
    DefaultMix out;
    std::set<std::string> seen; // listener + request, so a row listed twice is sent once per host
    std::set<std::string> skipped;
    for (const auto &[gatewayName, table] : tables) {
        const auto slash = gatewayName.find('/');
        for (int port : table->ports()) {
            const auto view = table->listener(port);
            if (!view || (view->protocol != RT::ListenerProtocol::HTTP &&
                          view->protocol != RT::ListenerProtocol::HTTPS)) {
                continue;
            }
            const Protocol protocol =
                view->protocol == RT::ListenerProtocol::HTTPS ? Protocol::Https : Protocol::Http;
            for (const auto &host : view->hosts) {
                for (const RT::HttpRoute *row : host.routes) {
                    const RT::RequestMatch &m = row->match;
                    const bool regex =
                        (m.path && m.path->type == RT::PathMatchType::RegularExpression) ||
                        std::any_of(m.headers.begin(), m.headers.end(),
                                    [](const RT::HeaderMatch &h) {
                                        return h.type == RT::StringMatchType::RegularExpression;
                                    }) ||
                        std::any_of(m.queryParams.begin(), m.queryParams.end(),
                                    [](const RT::QueryParamMatch &q) {
                                        return q.type == RT::StringMatchType::RegularExpression;
                                    });
                    // A GRPCRoute row answers gRPC only: a unary call (request_mix.h) of its
                    // method, or of the echo's when it matches any; not over TLS (the gRPC
                    // client speaks plaintext HTTP/2).
                    const bool grpc = row->source.kind == "GRPCRoute";
                    const bool grpcRegex =
                        m.grpcMethod &&
                        m.grpcMethod->type == RT::StringMatchType::RegularExpression;
                    if (regex || grpcRegex || (grpc && protocol == Protocol::Https)) {
                        skipped.insert(ruleKey(row->source));
                        continue;
                    }
                    RequestTemplate t;
                    t.protocol = grpc ? Protocol::Grpc : protocol;
                    if (grpc && m.grpcMethod && !m.grpcMethod->service.empty()) {
                        t.grpcService = m.grpcMethod->service;
                    }
                    if (grpc && m.grpcMethod && !m.grpcMethod->method.empty()) {
                        t.grpcMethod = m.grpcMethod->method;
                    }
                    t.listener.ns = gatewayName.substr(0, slash);
                    t.listener.gateway =
                        slash == std::string::npos ? gatewayName : gatewayName.substr(slash + 1);
                    t.listener.port = port;
                    t.method = grpc ? "POST" : m.method.value_or("GET");
                    t.host = concreteHost(host.hostname);
                    t.path = grpc ? '/' + t.grpcService + '/' + t.grpcMethod
                                  : (m.path ? m.path->value : "/");
                    char separator = t.path.find('?') == std::string::npos ? '?' : '&';
                    for (const RT::QueryParamMatch &q : m.queryParams) {
                        t.path += separator + q.name + '=' + q.value;
                        separator = '&';
                    }
                    for (const RT::HeaderMatch &h : m.headers) {
                        t.headers.emplace_back(h.name, h.value);
                    }
                    std::string key =
                        t.listener.toString() + ' ' + t.method + ' ' + t.host + t.path;
                    for (const auto &[n, v] : t.headers) {
                        key += ' ' + n + '=' + v;
                    }
                    if (!seen.insert(key).second) {
                        continue;
                    }
                    t.name = ruleKey(row->source) + " match " +
                             std::to_string(std::max(0, row->source.matchIndex)) + " @ " + t.host;
                    out.mix.templates.push_back(std::move(t));
                }
            }
        }
    }
    out.skipped.assign(skipped.begin(), skipped.end());
    return out;
}

} // namespace Torii::Traffic
