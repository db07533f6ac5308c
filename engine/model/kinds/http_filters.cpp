#include "http_filters.h"

namespace Torii::Model {

namespace {

constexpr auto httpHeaderFields = [](auto &v, auto &s) {
    v.field("name", s.name);
    v.field("value", s.value);
};

constexpr auto httpHeaderFilterFields = [](auto &v, auto &s) {
    v.field("set", s.set);
    v.field("add", s.add);
    v.field("remove", s.remove);
};

constexpr auto fractionFields = [](auto &v, auto &s) {
    v.field("numerator", s.numerator);
    v.field("denominator", s.denominator);
};

constexpr auto mirrorFields = [](auto &v, auto &s) {
    v.field("backendRef", s.backendRef);
    v.field("percent", s.percent);
    v.field("fraction", s.fraction);
};

constexpr auto pathModifierFields = [](auto &v, auto &s) {
    v.field("type", s.type);
    v.field("replaceFullPath", s.replaceFullPath);
    v.field("replacePrefixMatch", s.replacePrefixMatch);
};

constexpr auto redirectFields = [](auto &v, auto &s) {
    v.field("scheme", s.scheme);
    v.field("hostname", s.hostname);
    v.field("path", s.path);
    v.field("port", s.port);
    v.field("statusCode", s.statusCode);
};

constexpr auto urlRewriteFields = [](auto &v, auto &s) {
    v.field("hostname", s.hostname);
    v.field("path", s.path);
};

constexpr auto corsFields = [](auto &v, auto &s) {
    v.field("allowOrigins", s.allowOrigins);
    v.field("allowCredentials", s.allowCredentials);
    v.field("allowMethods", s.allowMethods);
    v.field("allowHeaders", s.allowHeaders);
    v.field("exposeHeaders", s.exposeHeaders);
    v.field("maxAge", s.maxAge);
};

constexpr auto grpcAuthFields = [](auto &v, auto &s) {
    v.field("allowedHeaders", s.allowedHeaders);
};

constexpr auto httpAuthFields = [](auto &v, auto &s) {
    v.field("path", s.path);
    v.field("allowedHeaders", s.allowedHeaders);
    v.field("allowedResponseHeaders", s.allowedResponseHeaders);
};

constexpr auto forwardBodyFields = [](auto &v, auto &s) { v.field("maxSize", s.maxSize); };

constexpr auto externalAuthFields = [](auto &v, auto &s) {
    v.field("protocol", s.protocol);
    v.field("backendRef", s.backendRef);
    v.field("grpc", s.grpc);
    v.field("http", s.http);
    v.field("forwardBody", s.forwardBody);
};

constexpr auto httpRouteFilterFields = [](auto &v, auto &s) {
    v.field("type", s.type);
    v.field("requestHeaderModifier", s.requestHeaderModifier);
    v.field("responseHeaderModifier", s.responseHeaderModifier);
    v.field("requestMirror", s.requestMirror);
    v.field("requestRedirect", s.requestRedirect);
    v.field("urlRewrite", s.urlRewrite);
    v.field("cors", s.cors);
    v.field("externalAuth", s.externalAuth);
    v.field("extensionRef", s.extensionRef);
};

} // namespace

TORII_MODEL_DEFINE_CODEC(HTTPHeader, httpHeaderFields)
TORII_MODEL_DEFINE_CODEC(HTTPHeaderFilter, httpHeaderFilterFields)
TORII_MODEL_DEFINE_CODEC(Fraction, fractionFields)
TORII_MODEL_DEFINE_CODEC(HTTPRequestMirrorFilter, mirrorFields)
TORII_MODEL_DEFINE_CODEC(HTTPPathModifier, pathModifierFields)
TORII_MODEL_DEFINE_CODEC(HTTPRequestRedirectFilter, redirectFields)
TORII_MODEL_DEFINE_CODEC(HTTPURLRewriteFilter, urlRewriteFields)
TORII_MODEL_DEFINE_CODEC(HTTPCORSFilter, corsFields)
TORII_MODEL_DEFINE_CODEC(GRPCAuthConfig, grpcAuthFields)
TORII_MODEL_DEFINE_CODEC(HTTPAuthConfig, httpAuthFields)
TORII_MODEL_DEFINE_CODEC(ForwardBodyConfig, forwardBodyFields)
TORII_MODEL_DEFINE_CODEC(HTTPExternalAuthFilter, externalAuthFields)
TORII_MODEL_DEFINE_CODEC(HTTPRouteFilter, httpRouteFilterFields)

} // namespace Torii::Model
