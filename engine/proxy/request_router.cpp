#include "request_router.h"

#include "cors_policy.h"
#include "request_filters.h"

#include <charconv>
#include <numeric>

namespace Torii::Proxy {

std::string endpointKey(const std::string &ns, const std::string &service, int port)
{
    // Built for every forwarded request: one allocation, no temporaries.
    char digits[16];
    const char *digitsEnd = std::to_chars(digits, digits + sizeof digits, port).ptr;
    std::string key;
    key.reserve(ns.size() + service.size() + 2 + std::size_t(digitsEnd - digits));
    key.append(ns);
    key.push_back('/');
    key.append(service);
    key.push_back(':');
    key.append(digits, std::size_t(digitsEnd - digits));
    return key;
}

} // namespace Torii::Proxy

namespace Torii::Proxy::Internal {

void EndpointChooser::bind(const std::shared_ptr<const RouteTable::RouteTable> &table,
                           const std::shared_ptr<const EndpointMap> &endpoints)
{
    if (table == m_table && endpoints == m_endpoints) {
        return;
    }
    m_table = table;
    m_endpoints = endpoints;
    m_resolved.clear();
}

EndpointChooser::Target EndpointChooser::resolve(const RouteTable::Backend &backend,
                                                 const EndpointMap &endpoints)
{
    Target target;
    target.key = endpointKey(backend.ns, backend.service, backend.port);
    const auto found = endpoints.find(target.key);
    if (found != endpoints.end()) {
        target.endpoints.reserve(found->second.size());
        for (const std::string &address : found->second) {
            Endpoint &endpoint = target.endpoints.emplace_back();
            endpoint.address = address;
            if (!splitEndpoint(address, &endpoint.host, &endpoint.port)) {
                endpoint.host.clear();
                endpoint.port = 0;
            }
        }
    }
    target.position = &m_positions[target.key];
    return target;
}

const EndpointChooser::Target &EndpointChooser::target(const RouteTable::Backend &backend,
                                                       const RouteTable::RouteTable *table,
                                                       const EndpointMap &endpoints)
{
    if (table == nullptr || table != m_table.get() || &endpoints != m_endpoints.get()) {
        m_uncached = resolve(backend, endpoints);
        return m_uncached;
    }
    auto found = m_resolved.find(&backend);
    if (found == m_resolved.end()) {
        found = m_resolved.emplace(&backend, resolve(backend, endpoints)).first;
    }
    return found->second;
}

const EndpointChooser::Endpoint *EndpointChooser::next(const Target &target)
{
    if (target.endpoints.empty()) {
        return nullptr;
    }
    const std::size_t chosen = *target.position % target.endpoints.size();
    *target.position = chosen + 1;
    return &target.endpoints[chosen];
}

int chooseWeighted(const std::vector<RouteTable::Backend> &backends, double r)
{
    long long total = 0;
    for (const RouteTable::Backend &b : backends) {
        total += std::max(b.weight, 0);
    }
    if (total <= 0) {
        return -1;
    }
    double point = std::clamp(r, 0.0, 1.0) * double(total);
    for (std::size_t i = 0; i < backends.size(); ++i) {
        const int weight = std::max(backends[i].weight, 0);
        if (weight > 0 && point < double(weight)) {
            return int(i);
        }
        point -= double(weight);
    }
    // r == 1.0 or rounding: the last backend with weight.
    for (std::size_t i = backends.size(); i-- > 0;) {
        if (backends[i].weight > 0) {
            return int(i);
        }
    }
    return -1;
}

bool splitEndpoint(const std::string &endpoint, std::string *host, quint16 *port)
{
    const std::size_t colon = endpoint.rfind(':');
    if (colon == std::string::npos || colon == 0) {
        return false;
    }
    unsigned value = 0;
    const char *begin = endpoint.data() + colon + 1;
    const char *end = endpoint.data() + endpoint.size();
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || ptr != end || value == 0 || value > 65535) {
        return false;
    }
    *host = endpoint.substr(0, colon);
    if (host->size() > 2 && host->front() == '[' && host->back() == ']') {
        *host = host->substr(1, host->size() - 2);
    }
    *port = quint16(value);
    return true;
}

namespace {

LocalAnswer answer(int status, std::string explanation)
{
    return LocalAnswer{status, std::move(explanation) + '\n', {}};
}

std::string_view hostOf(const Http::RequestHead &head)
{
    const Http::HeaderField *host = head.headers.find("Host");
    return host ? std::string_view(host->value) : std::string_view();
}

std::string_view pathOf(const std::string &target)
{
    return target.empty() ? std::string_view("/") : std::string_view(target);
}

// The upstream head: hop-by-hop fields out, X-Forwarded-*, then the filters, then framing.
void prepareUpstreamHead(const RoutingInput &input, const RouteTable::HttpRoute &route,
                         const FilterPlan &plan, Http::RequestHead &head)
{
    const bool chunked = head.chunked;
    Http::removeHopByHop(head.headers); // Transfer-Encoding is one of them
    // One pass: Content-Length out (the gateway frames the body), and whether the client (or an
    // earlier proxy) sent X-Forwarded-*, which the usual request does not: then they are
    // appended without another scan. Names are told apart by length first.
    bool earlierFor = false;
    bool earlierProto = false;
    std::erase_if(head.headers.fields, [&](const Http::HeaderField &field) {
        switch (field.name.size()) {
        case 14:
            return Http::equalsIgnoreCase(field.name, "Content-Length");
        case 15:
            earlierFor = earlierFor || Http::equalsIgnoreCase(field.name, "X-Forwarded-For");
            return false;
        case 17:
            earlierProto = earlierProto || Http::equalsIgnoreCase(field.name, "X-Forwarded-Proto");
            return false;
        default:
            return false;
        }
    });
    // X-Forwarded-For: the client's address appended to what earlier proxies wrote.
    if (earlierFor) {
        head.headers.set("X-Forwarded-For", *head.headers.joined("X-Forwarded-For") + ", " +
                                                std::string(input.clientAddress));
    } else {
        head.headers.add("X-Forwarded-For", std::string(input.clientAddress));
    }
    if (earlierProto) {
        head.headers.set("X-Forwarded-Proto", input.tls ? "https" : "http");
    } else {
        head.headers.add("X-Forwarded-Proto", input.tls ? "https" : "http");
    }
    if (plan.rewrite) {
        if (plan.rewrite->hostname) {
            head.headers.set("Host", *plan.rewrite->hostname);
        }
        if (plan.rewrite->path) {
            head.target = modifyPath(*plan.rewrite->path, matchedPrefix(route), head.target);
        }
    }
    for (const RouteTable::HeaderModifier *modifier : plan.requestHeaders) {
        applyHeaderModifier(*modifier, head.headers);
    }
    // Framing is the gateway's, whatever a filter did: the body is forwarded as it arrives
    // (only a header filter can have added framing fields again).
    if (!plan.requestHeaders.empty()) {
        head.headers.remove("Transfer-Encoding");
        head.headers.remove("Content-Length");
    }
    if (chunked) {
        head.headers.add("Transfer-Encoding", "chunked");
    } else if (head.contentLength) {
        head.headers.add("Content-Length", std::to_string(*head.contentLength));
    }
    head.versionMajor = 1;
    head.versionMinor = 1;
}

} // namespace

RequestDecision decideRequest(const RoutingInput &input, Http::RequestHead &&clientHead)
{
    RequestDecision decision;
    Http::RequestHead &head = decision.forward.head;
    head = std::move(clientHead);
    // Views into `head`, which stays unchanged until prepareUpstreamHead (after their last use).
    const std::string_view host = hostOf(head);
    // Only local answers say where: built on demand, not for every forwarded request.
    const auto where = [&] {
        return "port " + std::to_string(input.gatewayPort) + ", host \"" + std::string(host) +
               "\", " + head.method + ' ' + std::string(pathOf(head.target));
    };

    if (!input.table) {
        decision.local = answer(404, "404 no route: no route table is loaded (" + where() + ")");
        return decision;
    }
    // The lookup reads the head where it is (views and the parsed fields themselves).
    RouteTable::RequestRef request;
    request.method = head.method;
    request.host = host;
    request.path = pathOf(head.target);
    request.headers = head.headers.fields;
    const Http::HeaderField *contentType = head.headers.find("Content-Type");
    request.grpc = contentType && contentType->value.rfind("application/grpc", 0) == 0;

    RouteTable::MatchResult match = input.table->lookup(input.gatewayPort, request);
    if (!input.serverName.empty()) {
        RouteTable::RequestRef bySni;
        bySni.host = input.serverName;
        const std::string sniKey = input.table->lookup(input.gatewayPort, bySni).hostnameKey;
        if (sniKey != match.hostnameKey) {
            decision.local = answer(
                421, "421 misdirected request: the TLS server name \"" +
                         std::string(input.serverName) + "\" selects host entry \"" + sniKey +
                         "\" but the Host selects \"" + match.hostnameKey +
                         "\"; open a new connection for this host (" + where() + ")");
            decision.hostnameKey = std::move(match.hostnameKey);
            return decision;
        }
    }
    decision.hostnameKey = std::move(match.hostnameKey);
    if (!match.route) {
        decision.local =
            answer(404, decision.hostnameKey.empty()
                            ? "404 no route matched: no listener host entry accepts this host (" +
                                  where() + ")"
                            : "404 no route matched: host entry \"" + decision.hostnameKey +
                                  "\" was chosen and none of its rules matches (" + where() + ")");
        return decision;
    }
    const RouteTable::HttpRoute &route = *match.route;
    decision.route = &route;
    // CORS first: a preflight is the gateway's to answer, before any backend is chosen.
    if (const RouteTable::Cors *cors = CorsPolicy::find(route.filters)) {
        const CorsPolicy policy(*cors);
        switch (policy.classify(head)) {
        case CorsPolicy::Kind::Preflight: {
            CorsPolicy::PreflightAnswer preflight = policy.preflight(head);
            decision.local = LocalAnswer{preflight.status, std::move(preflight.explanation),
                                         std::move(preflight.headers)};
            return decision;
        }
        case CorsPolicy::Kind::Actual:
            decision.forward.cors = cors;
            decision.forward.corsOrigin = head.headers.find("Origin")->value;
            break;
        case CorsPolicy::Kind::NotCors:
            break;
        }
    }
    const auto routeText = [&] { return describeRoute(route.source); }; // answers only

    FilterPlan plan;
    planFilters(route.filters, plan);
    if (!plan.unsupported.empty()) {
        decision.local =
            answer(500, "500 " + routeText() + ": filter not supported: " + plan.unsupported);
        return decision;
    }
    if (plan.redirect) {
        LocalAnswer redirect = answer(plan.redirect->statusCode, "");
        const std::string location =
            redirectLocation(*plan.redirect, route, host, pathOf(head.target), input.gatewayPort,
                             input.tls ? "https" : "http");
        redirect.explanation = std::to_string(plan.redirect->statusCode) + " redirect by " +
                               routeText() + " to " + location + '\n';
        redirect.headers.add("Location", location);
        decision.local = std::move(redirect);
        return decision;
    }
    if (route.backends.empty()) {
        decision.local = answer(500, "500 " + routeText() + " has no backendRefs");
        return decision;
    }
    const double r = (input.random && *input.random) ? (*input.random)() : 0.0;
    const int chosen = chooseWeighted(route.backends, r);
    if (chosen < 0) {
        decision.local = answer(500, "500 " + routeText() + ": every backendRef has weight 0");
        return decision;
    }
    const RouteTable::Backend &backend = route.backends[std::size_t(chosen)];
    const EndpointChooser::Target &target =
        input.endpointChooser->target(backend, input.table, *input.endpoints);
    decision.backend = target.key;
    if (!backend.isValid()) {
        decision.local = answer(500, "500 " + routeText() + " chose backend " + decision.backend +
                                         ", which is invalid: " + backend.invalidReason);
        return decision;
    }
    planFilters(backend.filters, plan);
    if (!plan.unsupported.empty()) {
        decision.local = answer(500, "500 " + routeText() + ", backend " + decision.backend +
                                         ": filter not supported: " + plan.unsupported);
        return decision;
    }
    const EndpointChooser::Endpoint *endpoint = EndpointChooser::next(target);
    if (endpoint == nullptr) {
        decision.local = answer(503, "503 " + routeText() + " chose backend " + decision.backend +
                                         ", which has no endpoint (none is running or mapped)");
        return decision;
    }
    ForwardPlan &forward = decision.forward;
    if (endpoint->port == 0) {
        decision.local =
            answer(503, "503 " + routeText() + ", backend " + decision.backend + ": endpoint \"" +
                            endpoint->address + "\" is not host:port");
        return decision;
    }
    forward.endpoint = endpoint->address;
    forward.endpointHost = endpoint->host;
    forward.endpointPort = endpoint->port;
    prepareUpstreamHead(input, route, plan, head);
    forward.backendRef = &backend;
    forward.backendTls = backend.tls.get();
    forward.responseHeaders = plan.responseHeaders;
    forward.requestTimeout = route.timeouts.request;
    forward.backendTimeout = route.timeouts.backendRequest;
    return decision;
}

} // namespace Torii::Proxy::Internal
