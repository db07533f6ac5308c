#include "lints.h"

#include <array>
#include <functional>
#include <string_view>

namespace Torii::Validation {

using Core::Diagnostic;
using Core::Severity;
using Model::Node;
using Model::Resource;

namespace {

constexpr std::string_view kGatewayGroup = "gateway.networking.k8s.io";

Diagnostic at(Diagnostic d, const Resource &r, const Node &node, std::string path)
{
    d.file = r.source.file;
    const Model::Mark mark = node.mark().isValid() ? node.mark() : r.source.mark;
    d.line = static_cast<int>(mark.line);
    d.column = static_cast<int>(mark.column);
    d.fieldPath = std::move(path);
    return d;
}

struct AnnotationAdvice
{
    std::string_view key;
    const char *advice;
};

// Annotations people write on Gateway API objects believing they configure the gateway.
constexpr std::array<AnnotationAdvice, 9> kAnnotationAdvice{{
    {"gateway.networking.k8s.io/timeout",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "use spec.rules[].timeouts.request (and backendRequest) on the HTTPRoute")},
    {"gateway.networking.k8s.io/retry-count",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "use spec.rules[].retry.attempts on the HTTPRoute (experimental channel)")},
    {"gateway.networking.k8s.io/load-balancing",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "load balancing is set by the implementation's own policy resource")},
    {"gateway.networking.k8s.io/max-connections",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "connection limits are set by the implementation's own policy resource")},
    {"gateway.networking.k8s.io/keepalive-timeout",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "keep-alive is set by the implementation's own client traffic policy")},
    {"gateway.networking.k8s.io/connection-idle-timeout",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "idle timeouts are set by the implementation's own client traffic policy")},
    {"gateway.networking.k8s.io/tracing-enabled",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "tracing is configured by the implementation (e.g. its telemetry policy)")},
    {"gateway.networking.k8s.io/tracing-sampler",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "tracing is configured by the implementation (e.g. its telemetry policy)")},
    {"gateway.networking.k8s.io/debug",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "no implementation reads this; use the implementation's log level setting")},
}};

bool isGatewayApi(const Resource &r)
{
    return r.group() == kGatewayGroup;
}

void lintAnnotations(const Resource &r, Core::Diagnostics &out)
{
    const Node *annotations = r.object.at("metadata.annotations");
    if (!annotations || !annotations->isMap()) {
        return;
    }
    for (const Node::Entry &e : annotations->entries()) {
        const std::string path = "metadata.annotations." + e.key;
        const bool gatewayPrefix = e.key.rfind(std::string(kGatewayGroup) + "/", 0) == 0;
        const bool nginxOnGatewayApi =
            isGatewayApi(r) && e.key.rfind("nginx.ingress.kubernetes.io/", 0) == 0;
        if (!gatewayPrefix && !nginxOnGatewayApi) {
            continue;
        }
        if (e.key == "gateway.networking.k8s.io/bundle-version" ||
            e.key == "gateway.networking.k8s.io/channel") {
            continue; // real annotations, on the CRDs themselves
        }
        Core::Text advice =
            Core::text(QT_TRANSLATE_NOOP("Diagnostics", "no Gateway API implementation reads it"));
        for (const AnnotationAdvice &a : kAnnotationAdvice) {
            if (a.key == e.key) {
                advice = Core::text(a.advice);
            }
        }
        if (nginxOnGatewayApi) {
            advice = Core::text(QT_TRANSLATE_NOOP(
                "Diagnostics", "ingress-nginx annotations only act on Ingress objects; "
                               "use HTTPRoute filters (RequestRedirect, URLRewrite) "
                               "instead"));
        }
        Diagnostic d = Core::makeDiagnostic(
            Severity::Warning, "lint.annotation",
            Core::text(QT_TRANSLATE_NOOP("Diagnostics", "the annotation %1 has no effect"),
                       {e.key}),
            advice);
        out.push_back(at(std::move(d), r, Node::null(e.keyMark), path));
    }
}

void lintPlaceholders(const Resource &r, const Node &node, const std::string &path,
                      Core::Diagnostics &out)
{
    if (node.isString()) {
        const std::string &s = node.str();
        const auto open = s.find("${");
        if (open != std::string::npos && s.find('}', open) != std::string::npos) {
            Diagnostic d = Core::makeDiagnostic(
                Severity::Warning, "lint.placeholder",
                Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "\"%1\" holds a ${...} placeholder that would be sent "
                                             "literally"),
                           {s}),
                Core::text(QT_TRANSLATE_NOOP(
                    "Diagnostics", "Kubernetes does not expand variables in manifests: write "
                                   "the value, or generate the file with envsubst, Helm or "
                                   "Kustomize")));
            out.push_back(at(std::move(d), r, node, path));
        }
        return;
    }
    if (node.isList()) {
        int index = 0;
        for (const Node &item : node.items()) {
            lintPlaceholders(r, item, path + '[' + std::to_string(index++) + ']', out);
        }
    } else if (node.isMap()) {
        for (const Node::Entry &e : node.entries()) {
            lintPlaceholders(r, e.value, path.empty() ? e.key : path + '.' + e.key, out);
        }
    }
}

// One reference from an object to an object in another namespace.
struct CrossRef
{
    const Node *node;
    std::string path;
    std::string group;
    std::string kind;
    std::string ns;
    std::string name;
};

void collectRef(const Node &ref, const std::string &path, const char *defaultKind,
                std::vector<CrossRef> &out)
{
    if (!ref.isMap() || !ref["namespace"].isString()) {
        return;
    }
    out.push_back(CrossRef{&ref, path, ref["group"].isString() ? ref["group"].str() : std::string(),
                           ref["kind"].isString() ? ref["kind"].str() : std::string(defaultKind),
                           ref["namespace"].str(),
                           ref["name"].isString() ? ref["name"].str() : std::string()});
}

void collectRefs(const Node &list, const std::string &path, const char *defaultKind,
                 std::vector<CrossRef> &out)
{
    int index = 0;
    for (const Node &ref : list.items()) {
        collectRef(ref, path + '[' + std::to_string(index++) + ']', defaultKind, out);
    }
}

std::vector<CrossRef> crossNamespaceRefs(const Resource &r)
{
    std::vector<CrossRef> refs;
    const Node &spec = r.object["spec"];
    if (r.kind == "Gateway" || r.kind == "ListenerSet") {
        int i = 0;
        for (const Node &listener : spec["listeners"].items()) {
            collectRefs(listener["tls"]["certificateRefs"],
                        "spec.listeners[" + std::to_string(i++) + "].tls.certificateRefs", "Secret",
                        refs);
        }
    }
    if (r.kind.size() > 5 && r.kind.compare(r.kind.size() - 5, 5, "Route") == 0) {
        int i = 0;
        for (const Node &rule : spec["rules"].items()) {
            const std::string rulePath = "spec.rules[" + std::to_string(i++) + "]";
            collectRefs(rule["backendRefs"], rulePath + ".backendRefs", "Service", refs);
            int f = 0;
            for (const Node &filter : rule["filters"].items()) {
                collectRef(filter["requestMirror"]["backendRef"],
                           rulePath + ".filters[" + std::to_string(f++) +
                               "].requestMirror.backendRef",
                           "Service", refs);
            }
        }
    }
    return refs;
}

bool grantAllows(const Resource &grant, const Resource &from, const CrossRef &ref)
{
    if (grant.kind != "ReferenceGrant" || grant.ns != ref.ns) {
        return false;
    }
    const Node &spec = grant.object["spec"];
    bool fromOk = false;
    for (const Node &f : spec["from"].items()) {
        fromOk =
            fromOk || (f["group"].asString() == from.group() && f["kind"].asString() == from.kind &&
                       f["namespace"].asString() == (from.ns.empty() ? "default" : from.ns));
    }
    if (!fromOk) {
        return false;
    }
    for (const Node &t : spec["to"].items()) {
        const bool nameOk = !t.has("name") || t["name"].asString() == ref.name;
        if (t["group"].asString() == ref.group && t["kind"].asString() == ref.kind && nameOk) {
            return true;
        }
    }
    return false;
}

} // namespace

Core::Diagnostics lintResource(const Resource &r)
{
    Core::Diagnostics out;
    lintAnnotations(r, out);
    lintPlaceholders(r, r.object, "", out);
    return out;
}

Core::Diagnostics lintCrossNamespace(const std::vector<Resource> &resources)
{
    Core::Diagnostics out;
    for (const Resource &r : resources) {
        if (!isGatewayApi(r)) {
            continue;
        }
        const std::string fromNs = r.ns.empty() ? "default" : r.ns;
        for (const CrossRef &ref : crossNamespaceRefs(r)) {
            if (ref.ns == fromNs) {
                continue;
            }
            bool allowed = false;
            for (const Resource &g : resources) {
                allowed = allowed || grantAllows(g, r, ref);
            }
            if (allowed) {
                continue;
            }
            Diagnostic d = Core::makeDiagnostic(
                Severity::Warning, "lint.reference-grant",
                Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "%1 refers to %2 %3/%4 in another namespace, and no "
                                             "ReferenceGrant in the loaded files allows it"),
                           {r.displayName(), ref.kind, ref.ns, ref.name}),
                Core::text(
                    QT_TRANSLATE_NOOP("Diagnostics",
                                      "add a ReferenceGrant in namespace %1 from %2 in %3 to "
                                      "%4; without it the controller reports RefNotPermitted"),
                    {ref.ns, r.kind, fromNs, ref.kind}));
            out.push_back(at(std::move(d), r, *ref.node, ref.path));
        }
    }
    return out;
}

} // namespace Torii::Validation
