#include "request_filters.h"

namespace Torii::Proxy::Internal {

using RouteTable::Filter;

void applyHeaderModifier(const RouteTable::HeaderModifier &modifier, Http::Headers &headers)
{
    for (const HeaderField &h : modifier.set) {
        headers.set(h.name, h.value);
    }
    for (const HeaderField &h : modifier.add) {
        bool appended = false;
        for (Http::HeaderField &field : headers.fields) {
            if (Http::equalsIgnoreCase(field.name, h.name)) {
                field.value += ',' + h.value;
                appended = true;
                break;
            }
        }
        if (!appended) {
            headers.add(h.name, h.value);
        }
    }
    for (const std::string &name : modifier.remove) {
        headers.remove(name);
    }
}

std::string matchedPrefix(const RouteTable::HttpRoute &route)
{
    if (route.match.path && route.match.path->type == RouteTable::PathMatchType::PathPrefix) {
        return route.match.path->value;
    }
    return "/";
}

std::string modifyPath(const RouteTable::PathModifier &modifier, std::string_view matchedPrefix,
                       std::string_view target)
{
    const std::size_t queryAt = target.find('?');
    const std::string_view path = target.substr(0, queryAt);
    const std::string_view query =
        queryAt == std::string_view::npos ? std::string_view() : target.substr(queryAt);

    std::string out;
    if (modifier.type == RouteTable::PathModifierType::ReplaceFullPath) {
        out = modifier.value;
    } else {
        // The prefix matched on segment boundaries, so its trailing '/' (if any) is not part of
        // what is replaced: "/foo/" and "/foo" both leave "/bar" of "/foo/bar".
        std::string_view prefix = matchedPrefix;
        while (!prefix.empty() && prefix.back() == '/') {
            prefix.remove_suffix(1);
        }
        std::string_view rest = path.substr(std::min(prefix.size(), path.size()));
        out = modifier.value;
        if (!out.empty() && out.back() == '/' && !rest.empty() && rest.front() == '/') {
            rest.remove_prefix(1);
        }
        out += rest;
    }
    if (out.empty() || out.front() != '/') {
        out.insert(out.begin(), '/');
    }
    out += query;
    return out;
}

std::string_view hostWithoutPort(std::string_view host)
{
    if (!host.empty() && host.front() == '[') {
        const std::size_t close = host.find(']');
        return close == std::string_view::npos ? host : host.substr(0, close + 1);
    }
    const std::size_t colon = host.rfind(':');
    return colon == std::string_view::npos ? host : host.substr(0, colon);
}

namespace {

int defaultPort(std::string_view scheme)
{
    if (Http::equalsIgnoreCase(scheme, "https")) {
        return 443;
    }
    if (Http::equalsIgnoreCase(scheme, "http")) {
        return 80;
    }
    return 0;
}

} // namespace

std::string redirectLocation(const RouteTable::RequestRedirect &redirect,
                             const RouteTable::HttpRoute &route, std::string_view host,
                             std::string_view target, int gatewayPort,
                             std::string_view requestScheme)
{
    const std::string scheme = redirect.scheme.value_or(std::string(requestScheme));
    const std::string hostname = redirect.hostname.value_or(std::string(hostWithoutPort(host)));
    int port = gatewayPort;
    if (redirect.port) {
        port = *redirect.port;
    } else if (redirect.scheme) {
        port = defaultPort(scheme);
    }
    std::string location = scheme + "://" + hostname;
    if (port > 0 && port != defaultPort(scheme)) {
        location += ':' + std::to_string(port);
    }
    if (redirect.path) {
        location += modifyPath(*redirect.path, matchedPrefix(route), target);
    } else {
        location += target.empty() ? std::string_view("/") : target;
    }
    return location;
}

void planFilters(const std::vector<Filter> &filters, FilterPlan &plan)
{
    for (const Filter &filter : filters) {
        switch (filter.type) {
        case Filter::Type::RequestHeaderModifier:
            plan.requestHeaders.push_back(&filter.headers);
            break;
        case Filter::Type::ResponseHeaderModifier:
            plan.responseHeaders.push_back(&filter.headers);
            break;
        case Filter::Type::RequestRedirect:
            plan.redirect = &filter.redirect;
            break;
        case Filter::Type::UrlRewrite:
            plan.rewrite = &filter.rewrite;
            break;
        case Filter::Type::Cors:
            break; // decideRequest applies it (CorsPolicy), before the other filters
        case Filter::Type::RequestMirror:
            break; // not applied in this slice (gateway.h)
        case Filter::Type::Unsupported:
            if (plan.unsupported.empty()) {
                plan.unsupported = filter.unsupportedReason.empty() ? "unsupported filter"
                                                                    : filter.unsupportedReason;
            }
            break;
        }
    }
}

} // namespace Torii::Proxy::Internal
