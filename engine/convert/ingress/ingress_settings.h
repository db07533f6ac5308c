#pragma once

// What the annotations of one Ingress ask for, read once (nginx_ingress_annotations.cpp for
// `nginx.ingress.kubernetes.io/*`, nginx_org_annotations.cpp for F5's `nginx.org/*`) and then
// applied by the converter to every rule of that Ingress. Each setting keeps where it was written
// so that notes and provenance point at the annotation.

#include "engine/core/diagnostic.h"
#include "engine/model/node.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace Torii::Convert::Ingress {

// A place in the input: YAML path (`metadata.annotations["nginx.org/hsts"]`) and position.
struct SourcePlace
{
    std::string path;
    Model::Mark mark;
};

template<typename T>
struct Setting
{
    T value{};
    bool set = false;
    SourcePlace from;

    void assign(T v, SourcePlace place)
    {
        value = std::move(v);
        set = true;
        from = std::move(place);
    }
    explicit operator bool() const { return set; }
};

struct IngressSettings
{
    // ---- ingress-nginx (nginx.ingress.kubernetes.io/*)
    Setting<bool> canary;
    Setting<long long> canaryWeight;
    Setting<long long> canaryWeightTotal;
    Setting<std::string> canaryByHeader;
    Setting<std::string> canaryByHeaderValue;
    Setting<std::string> canaryByHeaderPattern;
    Setting<bool> useRegex;
    Setting<std::string> rewriteTarget;
    Setting<std::string> xForwardedPrefix;
    Setting<std::string> appRoot;
    Setting<std::string> permanentRedirect;
    Setting<long long> permanentRedirectCode;
    Setting<std::string> temporalRedirect;
    Setting<long long> temporalRedirectCode;
    Setting<bool> sslRedirect;
    Setting<bool> forceSslRedirect;
    Setting<bool> fromToWwwRedirect;
    Setting<std::string> upstreamVhost;
    Setting<std::string> connectionProxyHeader;
    Setting<bool> enableCors;
    Setting<std::string> corsAllowOrigin;
    Setting<std::string> corsAllowMethods;
    Setting<std::string> corsAllowHeaders;
    Setting<std::string> corsExposeHeaders;
    Setting<bool> corsAllowCredentials;
    Setting<long long> corsMaxAge;
    Setting<long long> proxyConnectTimeout;
    Setting<long long> proxySendTimeout;
    Setting<long long> proxyReadTimeout;
    Setting<std::string> backendProtocol; // upper-cased
    Setting<bool> proxySslVerify;
    Setting<std::string> proxySslSecret;
    Setting<std::string> proxySslName;
    Setting<bool> proxySslServerName;
    Setting<bool> sslPassthrough;

    // ---- F5 NGINX Ingress Controller (nginx.org/*)
    Setting<std::vector<std::string>> grpcServices;
    Setting<std::vector<std::string>> sslServices;
    Setting<std::vector<std::string>> proxyHideHeaders;
    Setting<std::vector<std::pair<std::string, std::string>>> proxySetHeaders;
    Setting<std::vector<long long>> listenPorts;
    Setting<std::vector<long long>> listenPortsSsl;
    Setting<std::string> pathRegex; // "true"/"case_sensitive" or "case_insensitive"
    Setting<std::map<std::string, std::string>> rewrites; // service → new prefix
    Setting<bool> redirectToHttps;                        // also ingress.kubernetes.io/ssl-redirect
    Setting<bool> hsts;
    Setting<long long> hstsMaxAge;
    Setting<bool> hstsIncludeSubdomains;

    // Any nginx.org/* key seen: the Ingress is written for F5's controller (its defaults differ).
    bool nginxOrgFlavour = false;
};

// Where notes go while annotations are read: the file and a function that records a note.
struct AnnotationReader
{
    std::string file;
    Core::Diagnostics *notes = nullptr;

    void note(Core::Severity severity, const char *code, Core::Text message, Core::Text hint,
              const SourcePlace &at) const;
};

// "on"/"true"/"1"… as Go's strconv.ParseBool and ingress-nginx read them; false when not a bool.
bool parseBool(const std::string &text, bool *ok);
// A decimal integer (optional sign); false when not one.
bool parseInteger(const std::string &text, long long *value);
// "a, b ,c" → {"a","b","c"} (empty items dropped).
std::vector<std::string> splitList(const std::string &text, char separator);
std::string trimmed(const std::string &text);

} // namespace Torii::Convert::Ingress
