#include "filter_compiler.h"

#include <cctype>
#include <memory>

namespace Torii::Controller::Internal {

namespace {

RouteTable::HeaderModifier compileHeaders(const Model::HTTPHeaderFilter &filter)
{
    RouteTable::HeaderModifier out;
    for (const Model::HTTPHeader &header : itemsOf(filter.set)) {
        out.set.push_back({header.name, header.value});
    }
    for (const Model::HTTPHeader &header : itemsOf(filter.add)) {
        out.add.push_back({header.name, header.value});
    }
    out.remove = itemsOf(filter.remove);
    return out;
}

std::optional<RouteTable::PathModifier>
compilePath(const std::optional<Model::HTTPPathModifier> &path)
{
    if (!path) {
        return std::nullopt;
    }
    RouteTable::PathModifier out;
    if (path->type == "ReplacePrefixMatch") {
        out.type = RouteTable::PathModifierType::ReplacePrefixMatch;
        out.value = path->replacePrefixMatch.value_or("/");
    } else {
        out.type = RouteTable::PathModifierType::ReplaceFullPath;
        out.value = path->replaceFullPath.value_or("/");
    }
    return out;
}

RouteTable::Filter compileMirror(const CompileContext &context,
                                 const Model::HTTPRequestMirrorFilter &mirror,
                                 const Referrer &route)
{
    RouteTable::Filter out;
    out.type = RouteTable::Filter::Type::RequestMirror;
    out.mirror.backend = std::make_shared<const RouteTable::Backend>(
        compileBackend(context, mirror.backendRef, 1, route, true));
    // "percent" and "fraction" are exclusive; neither means every request is mirrored.
    if (mirror.percent) {
        out.mirror.percent = *mirror.percent;
    } else if (mirror.fraction) {
        const int denominator = mirror.fraction->denominator.value_or(100);
        out.mirror.percent =
            denominator > 0 ? 100.0 * mirror.fraction->numerator / denominator : 0.0;
    }
    return out;
}

RouteTable::Filter unsupported(std::string reason)
{
    RouteTable::Filter out;
    out.type = RouteTable::Filter::Type::Unsupported;
    out.unsupportedReason = std::move(reason);
    return out;
}

RouteTable::Filter compileExtension(const std::optional<Model::LocalObjectReference> &ref)
{
    if (!ref) {
        return unsupported("ExtensionRef filter without extensionRef");
    }
    return unsupported("ExtensionRef filter " + ref->kind + "." + ref->group + " " + ref->name +
                       " is not implemented by Torii");
}

} // namespace

RouteTable::Backend compileBackend(const CompileContext &context,
                                   const Model::BackendObjectReference &ref, int weight,
                                   const Referrer &route, bool httpLike)
{
    const ResolvedBackend resolved = resolveBackend(context.index, ref, route, httpLike);
    RouteTable::Backend backend;
    backend.ns = resolved.ns;
    backend.service = resolved.name;
    backend.port = resolved.port;
    backend.weight = weight;
    backend.appProtocol = resolved.appProtocol;
    if (!resolved.verdict.ok) {
        backend.invalidReason = resolved.verdict.reason + ": " + resolved.verdict.message;
    } else {
        backend.invalidReason =
            context.backendTls.find(resolved.ns, resolved.name, resolved.portName);
        if (httpLike && backend.invalidReason.empty()) {
            backend.tls =
                context.backendTls.originationFor(resolved.ns, resolved.name, resolved.portName);
        }
    }
    return backend;
}

std::vector<RouteTable::Filter>
compileHttpFilters(const CompileContext &context,
                   const std::vector<Model::HTTPRouteFilter> &filters, const Referrer &route)
{
    std::vector<RouteTable::Filter> out;
    for (const Model::HTTPRouteFilter &filter : filters) {
        RouteTable::Filter compiled;
        if (filter.type == "RequestHeaderModifier" && filter.requestHeaderModifier) {
            compiled.type = RouteTable::Filter::Type::RequestHeaderModifier;
            compiled.headers = compileHeaders(*filter.requestHeaderModifier);
        } else if (filter.type == "ResponseHeaderModifier" && filter.responseHeaderModifier) {
            compiled.type = RouteTable::Filter::Type::ResponseHeaderModifier;
            compiled.headers = compileHeaders(*filter.responseHeaderModifier);
        } else if (filter.type == "RequestRedirect" && filter.requestRedirect) {
            const Model::HTTPRequestRedirectFilter &redirect = *filter.requestRedirect;
            compiled.type = RouteTable::Filter::Type::RequestRedirect;
            compiled.redirect.scheme = redirect.scheme;
            compiled.redirect.hostname = redirect.hostname;
            compiled.redirect.port = redirect.port;
            compiled.redirect.path = compilePath(redirect.path);
            compiled.redirect.statusCode = redirect.statusCode.value_or(302);
        } else if (filter.type == "URLRewrite" && filter.urlRewrite) {
            compiled.type = RouteTable::Filter::Type::UrlRewrite;
            compiled.rewrite.hostname = filter.urlRewrite->hostname;
            compiled.rewrite.path = compilePath(filter.urlRewrite->path);
        } else if (filter.type == "RequestMirror" && filter.requestMirror) {
            compiled = compileMirror(context, *filter.requestMirror, route);
        } else if (filter.type == "CORS" && filter.cors) {
            const Model::HTTPCORSFilter &cors = *filter.cors;
            compiled.type = RouteTable::Filter::Type::Cors;
            compiled.cors.allowOrigins = itemsOf(cors.allowOrigins);
            compiled.cors.allowCredentials = cors.allowCredentials.value_or(false);
            compiled.cors.allowMethods = itemsOf(cors.allowMethods);
            compiled.cors.allowHeaders = itemsOf(cors.allowHeaders);
            compiled.cors.exposeHeaders = itemsOf(cors.exposeHeaders);
            compiled.cors.maxAge = cors.maxAge.value_or(5); // the CRD's default
        } else if (filter.type == "ExtensionRef") {
            compiled = compileExtension(filter.extensionRef);
        } else {
            compiled = unsupported("filter type " + filter.type + " is not supported by Torii");
        }
        out.push_back(std::move(compiled));
    }
    return out;
}

std::vector<RouteTable::Filter>
compileGrpcFilters(const CompileContext &context,
                   const std::vector<Model::GRPCRouteFilter> &filters, const Referrer &route)
{
    std::vector<RouteTable::Filter> out;
    for (const Model::GRPCRouteFilter &filter : filters) {
        RouteTable::Filter compiled;
        if (filter.type == "RequestHeaderModifier" && filter.requestHeaderModifier) {
            compiled.type = RouteTable::Filter::Type::RequestHeaderModifier;
            compiled.headers = compileHeaders(*filter.requestHeaderModifier);
        } else if (filter.type == "ResponseHeaderModifier" && filter.responseHeaderModifier) {
            compiled.type = RouteTable::Filter::Type::ResponseHeaderModifier;
            compiled.headers = compileHeaders(*filter.responseHeaderModifier);
        } else if (filter.type == "RequestMirror" && filter.requestMirror) {
            compiled = compileMirror(context, *filter.requestMirror, route);
        } else if (filter.type == "ExtensionRef") {
            compiled = compileExtension(filter.extensionRef);
        } else {
            compiled = unsupported("filter type " + filter.type + " is not supported by Torii");
        }
        out.push_back(std::move(compiled));
    }
    return out;
}

std::optional<std::chrono::milliseconds> parseDuration(std::string_view text)
{
    if (text.empty()) {
        return std::nullopt;
    }
    std::int64_t total = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::int64_t value = 0;
        const std::size_t start = pos;
        while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
            value = value * 10 + (text[pos] - '0');
            if (value > 1'000'000'000) {
                return std::nullopt;
            }
            ++pos;
        }
        if (pos == start) {
            return std::nullopt;
        }
        if (text.substr(pos, 2) == "ms") {
            total += value;
            pos += 2;
        } else if (pos < text.size() && text[pos] == 'h') {
            total += value * 3'600'000;
            ++pos;
        } else if (pos < text.size() && text[pos] == 'm') {
            total += value * 60'000;
            ++pos;
        } else if (pos < text.size() && text[pos] == 's') {
            total += value * 1'000;
            ++pos;
        } else {
            return std::nullopt;
        }
    }
    return std::chrono::milliseconds(total);
}

} // namespace Torii::Controller::Internal
