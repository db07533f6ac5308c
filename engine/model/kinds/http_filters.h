#pragma once

#include "engine/model/kinds/references.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// HTTPRoute filters (Go httproute_types.go). HTTPHeaderFilter, HTTPRequestMirrorFilter and
// LocalObjectReference are also the GRPCRoute filters' payloads, as in Go.
namespace Torii::Model {

struct HTTPHeader
{
    std::string name;
    std::string value;
    Node unknown;

    friend bool operator==(const HTTPHeader &, const HTTPHeader &) = default;
};

// requestHeaderModifier / responseHeaderModifier.
struct HTTPHeaderFilter
{
    std::optional<std::vector<HTTPHeader>> set;
    std::optional<std::vector<HTTPHeader>> add;
    std::optional<std::vector<std::string>> remove;
    Node unknown;

    friend bool operator==(const HTTPHeaderFilter &, const HTTPHeaderFilter &) = default;
};

struct Fraction
{
    std::int32_t numerator = 0;
    std::optional<std::int32_t> denominator; // default 100
    Node unknown;

    friend bool operator==(const Fraction &, const Fraction &) = default;
};

struct HTTPRequestMirrorFilter
{
    BackendObjectReference backendRef;
    std::optional<std::int32_t> percent;
    std::optional<Fraction> fraction;
    Node unknown;

    friend bool operator==(const HTTPRequestMirrorFilter &,
                           const HTTPRequestMirrorFilter &) = default;
};

struct HTTPPathModifier
{
    std::string type; // ReplaceFullPath, ReplacePrefixMatch
    std::optional<std::string> replaceFullPath;
    std::optional<std::string> replacePrefixMatch;
    Node unknown;

    friend bool operator==(const HTTPPathModifier &, const HTTPPathModifier &) = default;
};

struct HTTPRequestRedirectFilter
{
    std::optional<std::string> scheme; // http, https
    std::optional<std::string> hostname;
    std::optional<HTTPPathModifier> path;
    std::optional<std::int32_t> port;
    std::optional<std::int32_t> statusCode; // default 302
    Node unknown;

    friend bool operator==(const HTTPRequestRedirectFilter &,
                           const HTTPRequestRedirectFilter &) = default;
};

struct HTTPURLRewriteFilter
{
    std::optional<std::string> hostname;
    std::optional<HTTPPathModifier> path;
    Node unknown;

    friend bool operator==(const HTTPURLRewriteFilter &, const HTTPURLRewriteFilter &) = default;
};

struct HTTPCORSFilter
{
    std::optional<std::vector<std::string>> allowOrigins;
    std::optional<bool> allowCredentials;
    std::optional<std::vector<std::string>> allowMethods;
    std::optional<std::vector<std::string>> allowHeaders;
    std::optional<std::vector<std::string>> exposeHeaders;
    std::optional<std::int32_t> maxAge; // seconds, default 5
    Node unknown;

    friend bool operator==(const HTTPCORSFilter &, const HTTPCORSFilter &) = default;
};

// Experimental externalAuth pieces.
struct GRPCAuthConfig
{
    std::optional<std::vector<std::string>> allowedHeaders;
    Node unknown;

    friend bool operator==(const GRPCAuthConfig &, const GRPCAuthConfig &) = default;
};

struct HTTPAuthConfig
{
    std::optional<std::string> path;
    std::optional<std::vector<std::string>> allowedHeaders;
    std::optional<std::vector<std::string>> allowedResponseHeaders;
    Node unknown;

    friend bool operator==(const HTTPAuthConfig &, const HTTPAuthConfig &) = default;
};

struct ForwardBodyConfig
{
    std::optional<std::int32_t> maxSize; // bytes (Go uint16)
    Node unknown;

    friend bool operator==(const ForwardBodyConfig &, const ForwardBodyConfig &) = default;
};

struct HTTPExternalAuthFilter
{
    std::string protocol; // HTTP, GRPC
    BackendObjectReference backendRef;
    std::optional<GRPCAuthConfig> grpc;
    std::optional<HTTPAuthConfig> http;
    std::optional<ForwardBodyConfig> forwardBody;
    Node unknown;

    friend bool operator==(const HTTPExternalAuthFilter &,
                           const HTTPExternalAuthFilter &) = default;
};

struct HTTPRouteFilter
{
    // RequestHeaderModifier, ResponseHeaderModifier, RequestMirror, RequestRedirect, URLRewrite,
    // ExtensionRef, CORS, ExternalAuth (experimental).
    std::string type;
    std::optional<HTTPHeaderFilter> requestHeaderModifier;
    std::optional<HTTPHeaderFilter> responseHeaderModifier;
    std::optional<HTTPRequestMirrorFilter> requestMirror;
    std::optional<HTTPRequestRedirectFilter> requestRedirect;
    std::optional<HTTPURLRewriteFilter> urlRewrite;
    std::optional<HTTPCORSFilter> cors;
    std::optional<HTTPExternalAuthFilter> externalAuth;
    std::optional<LocalObjectReference> extensionRef;
    Node unknown;

    friend bool operator==(const HTTPRouteFilter &, const HTTPRouteFilter &) = default;
};

TORII_MODEL_DECLARE_CODEC(HTTPHeader);
TORII_MODEL_DECLARE_CODEC(HTTPHeaderFilter);
TORII_MODEL_DECLARE_CODEC(Fraction);
TORII_MODEL_DECLARE_CODEC(HTTPRequestMirrorFilter);
TORII_MODEL_DECLARE_CODEC(HTTPPathModifier);
TORII_MODEL_DECLARE_CODEC(HTTPRequestRedirectFilter);
TORII_MODEL_DECLARE_CODEC(HTTPURLRewriteFilter);
TORII_MODEL_DECLARE_CODEC(HTTPCORSFilter);
TORII_MODEL_DECLARE_CODEC(GRPCAuthConfig);
TORII_MODEL_DECLARE_CODEC(HTTPAuthConfig);
TORII_MODEL_DECLARE_CODEC(ForwardBodyConfig);
TORII_MODEL_DECLARE_CODEC(HTTPExternalAuthFilter);
TORII_MODEL_DECLARE_CODEC(HTTPRouteFilter);

} // namespace Torii::Model
