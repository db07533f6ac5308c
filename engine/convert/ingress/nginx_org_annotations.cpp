#include "nginx_org_annotations.h"

namespace Torii::Convert::Ingress {

namespace {

using Core::Severity;
using Core::text;

std::string fullKey(const std::string &key)
{
    return std::string(kNginxOrgPrefix) + key;
}

void badValue(const std::string &key, const std::string &value, const SourcePlace &at,
              const AnnotationReader &reader, const char *message)
{
    reader.note(Severity::Warning, "convert.ingress.annotation-value",
                text(message, {fullKey(key), value}), {}, at);
}

bool readBool(const std::string &key, const std::string &value, const SourcePlace &at,
              Setting<bool> &setting, const AnnotationReader &reader)
{
    bool ok = false;
    const bool b = parseBool(value, &ok);
    if (!ok) {
        badValue(key, value, at, reader,
                 QT_TRANSLATE_NOOP(
                     "Diagnostics",
                     "annotation %1: \"%2\" is not true or false; the annotation is ignored"));
        return false;
    }
    setting.assign(b, at);
    return true;
}

bool readPorts(const std::string &key, const std::string &value, const SourcePlace &at,
               Setting<std::vector<long long>> &setting, const AnnotationReader &reader)
{
    std::vector<long long> ports;
    for (const std::string &item : splitList(value, ',')) {
        long long port = 0;
        if (!parseInteger(item, &port) || port < 1 || port > 65535) {
            badValue(key, value, at, reader,
                     QT_TRANSLATE_NOOP("Diagnostics",
                                       "annotation %1: \"%2\" is not a comma-separated "
                                       "list of ports; the annotation is ignored"));
            return false;
        }
        ports.push_back(port);
    }
    if (ports.empty()) {
        badValue(key, value, at, reader,
                 QT_TRANSLATE_NOOP("Diagnostics", "annotation %1: \"%2\" is not a comma-separated "
                                                  "list of ports; the annotation is ignored"));
        return false;
    }
    setting.assign(ports, at);
    return true;
}

} // namespace

void readNginxOrgAnnotation(const std::string &key, const std::string &value, const SourcePlace &at,
                            IngressSettings &settings, const AnnotationReader &reader)
{
    settings.nginxOrgFlavour = true;
    if (key == "grpc-services") {
        settings.grpcServices.assign(splitList(value, ','), at);
    } else if (key == "ssl-services") {
        settings.sslServices.assign(splitList(value, ','), at);
    } else if (key == "websocket-services") {
        reader.note(
            Severity::Info, "convert.ingress.websocket",
            text(QT_TRANSLATE_NOOP("Diagnostics", "annotation %1 needs no conversion: Gateway API "
                                                  "implementations pass WebSocket upgrades through "
                                                  "HTTPRoutes"),
                 {fullKey(key)}),
            {}, at);
    } else if (key == "proxy-hide-headers") {
        settings.proxyHideHeaders.assign(splitList(value, ','), at);
    } else if (key == "proxy-set-headers") {
        std::vector<std::pair<std::string, std::string>> headers;
        for (const std::string &item : splitList(value, ',')) {
            const std::size_t colon = item.find(':');
            if (colon == std::string::npos) {
                // A bare name: NGINX passes the client's header of that name on, which it does
                // anyway; nothing to set.
                continue;
            }
            headers.emplace_back(trimmed(item.substr(0, colon)), trimmed(item.substr(colon + 1)));
        }
        settings.proxySetHeaders.assign(headers, at);
    } else if (key == "listen-ports") {
        readPorts(key, value, at, settings.listenPorts, reader);
    } else if (key == "listen-ports-ssl") {
        readPorts(key, value, at, settings.listenPortsSsl, reader);
    } else if (key == "path-regex") {
        const std::string v = trimmed(value);
        if (v == "true" || v == "case_sensitive" || v == "case_insensitive") {
            settings.pathRegex.assign(v, at);
        } else if (v != "false") {
            badValue(key, value, at, reader,
                     QT_TRANSLATE_NOOP("Diagnostics",
                                       "annotation %1: \"%2\" is not true, case_sensitive or "
                                       "case_insensitive; the annotation is ignored"));
        }
    } else if (key == "rewrites") {
        // "serviceName=svc rewrite=/path;serviceName=svc2 rewrite=/"
        std::map<std::string, std::string> rewrites;
        for (const std::string &entry : splitList(value, ';')) {
            std::string service;
            std::string path;
            for (const std::string &part : splitList(entry, ' ')) {
                if (part.rfind("serviceName=", 0) == 0) {
                    service = part.substr(12);
                } else if (part.rfind("rewrite=", 0) == 0) {
                    path = part.substr(8);
                }
            }
            if (service.empty() || path.empty()) {
                badValue(key, value, at, reader,
                         QT_TRANSLATE_NOOP("Diagnostics",
                                           "annotation %1: \"%2\" is not \"serviceName=NAME "
                                           "rewrite=PATH;…\"; the annotation is ignored"));
                return;
            }
            rewrites[service] = path;
        }
        settings.rewrites.assign(rewrites, at);
    } else if (key == "app-root") {
        // Same meaning as ingress-nginx's app-root: "/" redirects (302) to the application.
        settings.appRoot.assign(trimmed(value), at);
    } else if (key == "redirect-to-https") {
        readBool(key, value, at, settings.redirectToHttps, reader);
    } else if (key == "hsts") {
        readBool(key, value, at, settings.hsts, reader);
    } else if (key == "hsts-max-age") {
        long long n = 0;
        if (!parseInteger(value, &n) || n < 0) {
            badValue(
                key, value, at, reader,
                QT_TRANSLATE_NOOP(
                    "Diagnostics",
                    "annotation %1: \"%2\" is not a number of seconds; the annotation is ignored"));
            return;
        }
        settings.hstsMaxAge.assign(n, at);
    } else if (key == "hsts-include-subdomains") {
        readBool(key, value, at, settings.hstsIncludeSubdomains, reader);
    } else {
        reader.note(Severity::Warning, "convert.ingress.not-converted",
                    text(QT_TRANSLATE_NOOP("Diagnostics", "annotation %1 is not converted"),
                         {fullKey(key)}),
                    text(QT_TRANSLATE_NOOP("Diagnostics",
                                           "the converter knows no Gateway API equivalent; check "
                                           "what the annotation does and configure your "
                                           "implementation instead")),
                    at);
    }
}

} // namespace Torii::Convert::Ingress
