#include "nginx_ingress_annotations.h"

#include <algorithm>
#include <cctype>

namespace Torii::Convert::Ingress {

namespace {

using Core::Severity;
using Core::text;

struct BoolKey
{
    const char *key;
    Setting<bool> IngressSettings::*member;
};
struct IntKey
{
    const char *key;
    Setting<long long> IngressSettings::*member;
};
struct StringKey
{
    const char *key;
    Setting<std::string> IngressSettings::*member;
};

// The keys the converter turns into Gateway API (how: ingress_converter.cpp).
const BoolKey kBoolKeys[] = {
    {"canary", &IngressSettings::canary},
    {"use-regex", &IngressSettings::useRegex},
    {"ssl-redirect", &IngressSettings::sslRedirect},
    {"force-ssl-redirect", &IngressSettings::forceSslRedirect},
    {"from-to-www-redirect", &IngressSettings::fromToWwwRedirect},
    {"enable-cors", &IngressSettings::enableCors},
    {"cors-allow-credentials", &IngressSettings::corsAllowCredentials},
    {"ssl-passthrough", &IngressSettings::sslPassthrough},
};
const IntKey kIntKeys[] = {
    {"canary-weight", &IngressSettings::canaryWeight},
    {"canary-weight-total", &IngressSettings::canaryWeightTotal},
    {"permanent-redirect-code", &IngressSettings::permanentRedirectCode},
    {"temporal-redirect-code", &IngressSettings::temporalRedirectCode},
    {"cors-max-age", &IngressSettings::corsMaxAge},
    {"proxy-connect-timeout", &IngressSettings::proxyConnectTimeout},
    {"proxy-send-timeout", &IngressSettings::proxySendTimeout},
    {"proxy-read-timeout", &IngressSettings::proxyReadTimeout},
};
const StringKey kStringKeys[] = {
    {"canary-by-header", &IngressSettings::canaryByHeader},
    {"canary-by-header-value", &IngressSettings::canaryByHeaderValue},
    {"canary-by-header-pattern", &IngressSettings::canaryByHeaderPattern},
    {"rewrite-target", &IngressSettings::rewriteTarget},
    {"x-forwarded-prefix", &IngressSettings::xForwardedPrefix},
    {"app-root", &IngressSettings::appRoot},
    {"permanent-redirect", &IngressSettings::permanentRedirect},
    {"temporal-redirect", &IngressSettings::temporalRedirect},
    {"upstream-vhost", &IngressSettings::upstreamVhost},
    {"connection-proxy-header", &IngressSettings::connectionProxyHeader},
    {"cors-allow-origin", &IngressSettings::corsAllowOrigin},
    {"cors-allow-methods", &IngressSettings::corsAllowMethods},
    {"cors-allow-headers", &IngressSettings::corsAllowHeaders},
    {"cors-expose-headers", &IngressSettings::corsExposeHeaders},
    {"backend-protocol", &IngressSettings::backendProtocol},
    {"proxy-ssl-secret", &IngressSettings::proxySslSecret},
    {"proxy-ssl-name", &IngressSettings::proxySslName},
};
// proxy-ssl-verify and proxy-ssl-server-name take "on"/"off".
const BoolKey kOnOffKeys[] = {
    {"proxy-ssl-verify", &IngressSettings::proxySslVerify},
    {"proxy-ssl-server-name", &IngressSettings::proxySslServerName},
};

// Keys that are understood but have no Gateway API equivalent: why, and what to do instead.
// Matched by exact key or, for entries ending in '-', by prefix.
struct Unconverted
{
    const char *key;
    const char *why;
};
const Unconverted kUnconverted[] = {
    {"auth-",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "authentication is not part of the Gateway API; use your "
                       "implementation's authentication policy or an authenticating proxy")},
    {"limit-", QT_TRANSLATE_NOOP("Diagnostics",
                                 "rate and connection limits are not part of the Gateway API; use "
                                 "your implementation's rate-limit policy")},
    {"global-rate-limit",
     QT_TRANSLATE_NOOP("Diagnostics", "rate and connection limits are not part of the "
                                      "Gateway API; use your implementation's rate-limit "
                                      "policy")},
    {"configuration-snippet",
     QT_TRANSLATE_NOOP("Diagnostics", "NGINX configuration snippets have no Gateway API "
                                      "equivalent; express what they do as route filters "
                                      "or implementation policies")},
    {"server-snippet",
     QT_TRANSLATE_NOOP("Diagnostics", "NGINX configuration snippets have no Gateway API "
                                      "equivalent; express what they do as route filters or "
                                      "implementation policies")},
    {"stream-snippet",
     QT_TRANSLATE_NOOP("Diagnostics", "NGINX configuration snippets have no Gateway API "
                                      "equivalent; express what they do as route filters or "
                                      "implementation policies")},
    {"proxy-body-size",
     QT_TRANSLATE_NOOP("Diagnostics", "body size and buffering limits are not part of the "
                                      "Gateway API; most implementations have reasonable "
                                      "defaults, otherwise use an implementation policy")},
    {"client-body-buffer-size",
     QT_TRANSLATE_NOOP("Diagnostics", "body size and buffering limits are not part of "
                                      "the Gateway API; most implementations have "
                                      "reasonable defaults, otherwise use an "
                                      "implementation policy")},
    {"proxy-buffer",
     QT_TRANSLATE_NOOP("Diagnostics", "body size and buffering limits are not part of the Gateway "
                                      "API; most implementations have reasonable defaults, "
                                      "otherwise use an implementation policy")},
    {"whitelist-source-range",
     QT_TRANSLATE_NOOP("Diagnostics", "IP-based access control is not part of the "
                                      "Gateway API; use your implementation's "
                                      "authorization policy")},
    {"denylist-source-range",
     QT_TRANSLATE_NOOP("Diagnostics", "IP-based access control is not part of the "
                                      "Gateway API; use your implementation's "
                                      "authorization policy")},
    {"affinity",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "cookie session affinity is not converted; HTTPRoute rules have "
                       "an experimental sessionPersistence field you can set by hand if "
                       "your implementation supports it")},
    {"session-cookie-",
     QT_TRANSLATE_NOOP("Diagnostics", "cookie session affinity is not converted; HTTPRoute "
                                      "rules have an experimental sessionPersistence field you "
                                      "can set by hand if your implementation supports it")},
    {"load-balance",
     QT_TRANSLATE_NOOP("Diagnostics", "the load-balancing algorithm is not part of the Gateway "
                                      "API; use your implementation's backend policy")},
    {"upstream-hash-by",
     QT_TRANSLATE_NOOP("Diagnostics", "the load-balancing algorithm is not part of the "
                                      "Gateway API; use your implementation's backend "
                                      "policy")},
    {"service-upstream",
     QT_TRANSLATE_NOOP("Diagnostics", "Gateway API implementations choose between endpoints "
                                      "and the Service's cluster IP themselves")},
    {"enable-access-log",
     QT_TRANSLATE_NOOP("Diagnostics", "access logs and tracing are configured on the "
                                      "implementation, not in Gateway API objects")},
    {"enable-opentelemetry",
     QT_TRANSLATE_NOOP("Diagnostics", "access logs and tracing are configured on the "
                                      "implementation, not in Gateway API objects")},
    {"enable-opentracing",
     QT_TRANSLATE_NOOP("Diagnostics", "access logs and tracing are configured on the "
                                      "implementation, not in Gateway API objects")},
    {"canary-by-cookie",
     QT_TRANSLATE_NOOP("Diagnostics", "Gateway API has no cookie match; send the canary "
                                      "choice in a header and use canary-by-header instead")},
    {"custom-headers",
     QT_TRANSLATE_NOOP("Diagnostics", "the headers come from a ConfigMap the converter does not "
                                      "read; add a ResponseHeaderModifier filter with them by "
                                      "hand")},
    {"proxy-redirect-from",
     QT_TRANSLATE_NOOP("Diagnostics", "Gateway API does not rewrite the Location header of "
                                      "responses")},
    {"proxy-redirect-to",
     QT_TRANSLATE_NOOP("Diagnostics", "Gateway API does not rewrite the Location header of "
                                      "responses")},
    {"proxy-ssl-verify-depth",
     QT_TRANSLATE_NOOP("Diagnostics", "BackendTLSPolicy has no setting for this; the "
                                      "implementation's defaults apply")},
    {"proxy-ssl-protocols",
     QT_TRANSLATE_NOOP("Diagnostics", "BackendTLSPolicy has no setting for this; the "
                                      "implementation's defaults apply")},
    {"proxy-ssl-ciphers",
     QT_TRANSLATE_NOOP("Diagnostics", "BackendTLSPolicy has no setting for this; the "
                                      "implementation's defaults apply")},
    {"custom-http-errors",
     QT_TRANSLATE_NOOP("Diagnostics", "custom error pages are not part of the Gateway API; "
                                      "use your implementation's policy or let the backend "
                                      "serve them")},
    {"default-backend",
     QT_TRANSLATE_NOOP("Diagnostics", "custom error pages are not part of the Gateway API; use "
                                      "your implementation's policy or let the backend serve "
                                      "them")},
};

bool matchesKey(const char *pattern, const std::string &key)
{
    const std::string p(pattern);
    if (!p.empty() && p.back() == '-') {
        return key.rfind(p, 0) == 0;
    }
    return key == p || (p == "proxy-buffer" && key.rfind("proxy-buffer", 0) == 0);
}

void badValue(const std::string &key, const std::string &value, const SourcePlace &at,
              const AnnotationReader &reader, const char *message)
{
    reader.note(Severity::Warning, "convert.ingress.annotation-value",
                text(message, {std::string(kNginxIngressPrefix) + key, value}), {}, at);
}

} // namespace

void readNginxIngressAnnotation(const std::string &key, const std::string &value,
                                const SourcePlace &at, IngressSettings &settings,
                                const AnnotationReader &reader)
{
    for (const BoolKey &k : kBoolKeys) {
        if (key == k.key) {
            bool ok = false;
            const bool b = parseBool(value, &ok);
            if (!ok) {
                badValue(
                    key, value, at, reader,
                    QT_TRANSLATE_NOOP(
                        "Diagnostics",
                        "annotation %1: \"%2\" is not true or false; the annotation is ignored"));
                return;
            }
            (settings.*k.member).assign(b, at);
            return;
        }
    }
    for (const BoolKey &k : kOnOffKeys) {
        if (key == k.key) {
            bool ok = false;
            const bool b = parseBool(value, &ok);
            if (!ok) {
                badValue(key, value, at, reader,
                         QT_TRANSLATE_NOOP(
                             "Diagnostics",
                             "annotation %1: \"%2\" is not on or off; the annotation is ignored"));
                return;
            }
            (settings.*k.member).assign(b, at);
            return;
        }
    }
    for (const IntKey &k : kIntKeys) {
        if (key == k.key) {
            long long n = 0;
            if (!parseInteger(value, &n)) {
                badValue(key, value, at, reader,
                         QT_TRANSLATE_NOOP(
                             "Diagnostics",
                             "annotation %1: \"%2\" is not an integer; the annotation is ignored"));
                return;
            }
            (settings.*k.member).assign(n, at);
            return;
        }
    }
    for (const StringKey &k : kStringKeys) {
        if (key == k.key) {
            std::string v = trimmed(value);
            if (key == "backend-protocol") {
                std::transform(v.begin(), v.end(), v.begin(),
                               [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
            }
            (settings.*k.member).assign(v, at);
            return;
        }
    }
    for (const Unconverted &u : kUnconverted) {
        if (matchesKey(u.key, key)) {
            reader.note(Severity::Warning, "convert.ingress.not-converted",
                        text(QT_TRANSLATE_NOOP("Diagnostics", "annotation %1 is not converted"),
                             {std::string(kNginxIngressPrefix) + key}),
                        text(u.why), at);
            return;
        }
    }
    reader.note(Severity::Warning, "convert.ingress.not-converted",
                text(QT_TRANSLATE_NOOP("Diagnostics", "annotation %1 is not converted"),
                     {std::string(kNginxIngressPrefix) + key}),
                text(QT_TRANSLATE_NOOP("Diagnostics",
                                       "the converter knows no Gateway API equivalent; check what "
                                       "the annotation does and configure your implementation "
                                       "instead")),
                at);
}

} // namespace Torii::Convert::Ingress
