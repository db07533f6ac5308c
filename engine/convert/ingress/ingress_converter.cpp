#include "ingress_converter.h"

#include "ingress_settings.h"
#include "nginx_ingress_annotations.h"
#include "nginx_org_annotations.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace Torii::Convert {

using namespace Ingress;
using Core::Severity;
using Core::text;
using Model::Mark;
using Model::Node;

namespace {

constexpr const char *kGatewayApiVersion = "gateway.networking.k8s.io/v1";

// ---------------------------------------------------------------------------------------------
// Small helpers

std::string str(const Node &node, std::string_view key)
{
    const Node *v = node.find(key);
    return v && !v->isNull() ? v->asString() : std::string();
}

std::string indexPath(const std::string &base, std::string_view key, std::size_t index)
{
    return base + (base.empty() ? "" : ".") + std::string(key) + "[" + std::to_string(index) + "]";
}

std::string annotationPath(const std::string &key)
{
    return "metadata.annotations[\"" + key + "\"]";
}

// "foo.example.com" → "foo-example-com"; "" → "all-hosts"; "*.example.com" →
// "wildcard-example-com".
std::string hostSlug(const std::string &host)
{
    if (host.empty()) {
        return "all-hosts";
    }
    std::string out;
    std::string h = host;
    if (h.rfind("*.", 0) == 0) {
        out = "wildcard-";
        h = h.substr(2);
    }
    for (char c : h) {
        const unsigned char u = static_cast<unsigned char>(c);
        out += std::isalnum(u) ? static_cast<char>(std::tolower(u)) : '-';
    }
    return out;
}

// A Kubernetes object name (RFC 1123 label: lower case, digits, '-', alphanumeric at both ends)
// made from an ingress class name, which IngressClass allows to be any subdomain
// ("ingressClass-x" is not a valid Gateway name).
std::string objectName(const std::string &name)
{
    std::string out;
    for (char c : name) {
        const unsigned char u = static_cast<unsigned char>(c);
        out += std::isalnum(u) ? static_cast<char>(std::tolower(u)) : (c == '.' ? '.' : '-');
    }
    while (!out.empty() && !std::isalnum(static_cast<unsigned char>(out.front()))) {
        out.erase(out.begin());
    }
    while (!out.empty() && !std::isalnum(static_cast<unsigned char>(out.back()))) {
        out.pop_back();
    }
    return out.empty() ? std::string("gateway") : out.substr(0, 253);
}

Node stringList(const std::vector<std::string> &items)
{
    Node list = Node::list();
    for (const std::string &s : items) {
        list.append(Node::string(s));
    }
    return list;
}

Node nameValue(const std::string &name, const std::string &value)
{
    Node n = Node::map();
    n.set("name", Node::string(name));
    n.set("value", Node::string(value));
    return n;
}

// ---------------------------------------------------------------------------------------------
// The intermediate form: routes per (namespace, gateway, host), rules with their sources.

struct Prov
{
    std::string targetPath; // relative to the rule ("matches[0].path") or the object ("spec…")
    SourcePlace from;
    const char *why = nullptr;
};

struct BackendRef
{
    std::string name;
    long long port = 0;
    long long weight = -1; // -1: not written
    SourcePlace from;
};

struct RouteRule
{
    bool hasMatch = true;
    Node match = Node::map(); // HTTPRouteMatch or GRPCRouteMatch
    Node extraMatches;        // when set: the whole matches list (replaces `match`)
    std::vector<Node> filters;
    std::vector<BackendRef> backends;
    Node timeouts; // null when none
    std::vector<Prov> prov;
    std::string pathKey;       // pathType + " " + path, to pair canaries with their primary
    std::string ingressName;   // which Ingress wrote it
    bool servedOnHttp = false; // ssl-redirect: "false": keep serving on port 80
};

struct HostRoute
{
    std::string ns;
    std::string gateway; // Gateway name (= ingress class)
    std::string host;
    std::string name;
    std::string file;
    SourcePlace hostFrom;
    std::vector<RouteRule> httpRules;
    std::vector<RouteRule> grpcRules;
    // TLS: secrets per host (from every Ingress of the host).
    std::vector<std::string> secrets;
    SourcePlace tlsFrom;
    bool redirectToHttps = false; // ingress-nginx / F5 ssl-redirect for a TLS host
    long long redirectCode = 308;
    SourcePlace redirectFrom;
    std::vector<long long> httpPorts;  // empty: 80
    std::vector<long long> httpsPorts; // empty: 443
    bool passthrough = false;
    std::vector<BackendRef> passthroughBackends;
    SourcePlace passthroughFrom;
    bool sslRedirectOff = false;
    bool fromToWww = false;
    SourcePlace fromToWwwFrom;
};

struct GatewayBuild
{
    std::string ns;
    std::string name;
    std::string className;
    std::string file;
    SourcePlace classFrom;
    std::vector<Node> listeners;
    std::vector<Prov> listenerProv; // targetPath "spec.listeners[i]"
    std::set<std::string> names;
};

struct ParsedIngress
{
    std::string file;
    std::string ns;
    std::string name;
    std::string className;
    SourcePlace classFrom;
    const Node *object = nullptr;
    IngressSettings settings;
    bool skip = false;
};

struct CanaryRule
{
    std::size_t route = 0; // index into routes
    bool grpc = false;
    RouteRule rule;
    const ParsedIngress *ingress = nullptr;
};

class IngressConversion
{
public:
    IngressConversion(const std::vector<IngressInput> &inputs, const IngressOptions &options)
        : m_inputs(inputs)
        , m_options(options)
    {}

    Conversion run();

private:
    void note(Severity severity, const char *code, Core::Text message, Core::Text hint,
              const std::string &file, const SourcePlace &at)
    {
        AnnotationReader{file, &m_result.notes}.note(severity, code, std::move(message),
                                                     std::move(hint), at);
    }

    void readServices();
    void readIngresses();
    void readAnnotations(ParsedIngress &ingress);
    void markRegexHosts();
    void buildIngress(const ParsedIngress &ingress);
    void buildPath(const ParsedIngress &ingress, const std::string &host, const Node &path,
                   const std::string &pathBase, std::size_t routeIndex);
    bool resolveBackend(const ParsedIngress &ingress, const Node &backend,
                        const std::string &backendPath, BackendRef *out);
    void applySettings(const ParsedIngress &ingress, RouteRule &rule, bool grpc,
                       const std::string &matchPathType);
    void mergeCanaries();
    void applyAppRoot(const ParsedIngress &ingress, std::size_t routeIndex);
    void applyRedirectToHttps(const ParsedIngress &ingress, std::size_t routeIndex);
    void addBackendTlsPolicies(const ParsedIngress &ingress);
    std::size_t routeFor(const ParsedIngress &ingress, const std::string &host,
                         const SourcePlace &hostFrom);
    GatewayBuild &gatewayFor(const std::string &ns, const std::string &name,
                             const std::string &className, const std::string &file,
                             const SourcePlace &classFrom);
    std::string addListener(GatewayBuild &gateway, const std::string &host, long long port,
                            const std::string &protocol, bool customPort,
                            const std::vector<std::string> &secrets, const char *tlsMode,
                            const SourcePlace &from);
    void emit();
    void emitRoute(const HostRoute &route, GatewayBuild &gateway);
    void emitWwwRedirect(const HostRoute &route, GatewayBuild &gateway,
                         const std::vector<std::string> &secrets);
    Node ruleNode(const RouteRule &rule, bool grpc, const std::string &ruleBase,
                  const std::string &resource, const std::string &file);
    void addProvenance(const std::string &resource, const std::string &targetPath,
                       const std::string &file, const SourcePlace &from, const char *why,
                       std::vector<std::string> args = {});

    const std::vector<IngressInput> &m_inputs;
    IngressOptions m_options;
    Conversion m_result;

    std::map<std::string, std::map<std::string, long long>> m_servicePorts; // "ns/name" → ports
    std::vector<ParsedIngress> m_ingresses;
    std::set<std::string> m_regexHosts; // "ns/gateway/host": ingress-nginx regex semantics
    std::vector<HostRoute> m_routes;
    std::map<std::string, std::size_t> m_routeIndex; // "ns/gateway/host"
    std::vector<CanaryRule> m_canaries;
    std::map<std::string, GatewayBuild> m_gateways; // "ns/name"
    std::vector<std::string> m_gatewayOrder;
    std::vector<Node> m_policies;
    std::set<std::string> m_policyNames;
    std::set<std::string> m_grpcNoted; // ingress + annotation already reported for gRPC rules
};

void IngressConversion::addProvenance(const std::string &resource, const std::string &targetPath,
                                      const std::string &file, const SourcePlace &from,
                                      const char *why, std::vector<std::string> args)
{
    Provenance p;
    p.targetResource = resource;
    p.targetPath = targetPath;
    p.sourceFile = file;
    p.sourcePointer = from.path;
    p.sourceMark = from.mark;
    p.explanation = text(why, std::move(args));
    m_result.provenance.push_back(std::move(p));
}

// ---------------------------------------------------------------------------------------------
// Reading

void IngressConversion::readServices()
{
    for (const IngressInput &input : m_inputs) {
        const Node &o = input.object;
        if (str(o, "kind") != "Service" || str(o, "apiVersion") != "v1") {
            continue;
        }
        std::string ns = str(o["metadata"], "namespace");
        if (ns.empty()) {
            ns = m_options.defaultNamespace;
        }
        auto &ports = m_servicePorts[ns + "/" + str(o["metadata"], "name")];
        if (const Node *list = o.at("spec.ports"); list && list->isList()) {
            for (const Node &port : list->items()) {
                if (port.has("name")) {
                    ports[str(port, "name")] = port["port"].asInt();
                }
            }
        }
    }
}

void IngressConversion::readIngresses()
{
    for (const IngressInput &input : m_inputs) {
        const Claim claim = claimIngress(input.object);
        if (claim == Claim::Error) {
            note(
                Severity::Error, "convert.ingress.api-version",
                text(QT_TRANSLATE_NOOP("Diagnostics", "Ingress %1 uses the removed API version %2"),
                     {str(input.object["metadata"], "name"), str(input.object, "apiVersion")}),
                text(QT_TRANSLATE_NOOP("Diagnostics",
                                       "convert it to networking.k8s.io/v1 first (kubectl "
                                       "convert), then run the conversion again")),
                input.file, {"apiVersion", input.object["apiVersion"].mark()});
            continue;
        }
        if (claim != Claim::Mine) {
            continue;
        }
        ParsedIngress ingress;
        ingress.file = input.file;
        ingress.object = &input.object;
        ingress.name = str(input.object["metadata"], "name");
        ingress.ns = str(input.object["metadata"], "namespace");
        if (ingress.ns.empty()) {
            ingress.ns = m_options.defaultNamespace;
        }
        if (const Node *cls = input.object.at("spec.ingressClassName"); cls && cls->isString()) {
            ingress.className = cls->str();
            ingress.classFrom = {"spec.ingressClassName", cls->mark()};
        } else if (const Node *ann = input.object.at("metadata.annotations");
                   ann && ann->find("kubernetes.io/ingress.class")) {
            const Node::Entry *e = ann->findEntry("kubernetes.io/ingress.class");
            ingress.className = e->value.asString();
            ingress.classFrom = {annotationPath(e->key), e->keyMark};
        } else {
            ingress.className = "nginx";
            ingress.classFrom = {"spec", input.object["spec"].mark()};
            note(Severity::Info, "convert.ingress.default-class",
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "Ingress %1 names no ingress class; it is converted as "
                                        "class \"nginx\""),
                      {ingress.name}),
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "set spec.ingressClassName, or --gateway-class to choose "
                                        "the GatewayClass")),
                 input.file, ingress.classFrom);
        }
        if (const std::string name = objectName(ingress.className); name != ingress.className) {
            note(Severity::Info, "convert.ingress.class-name",
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "ingress class \"%1\" is not a valid object name; the "
                                        "Gateway and its GatewayClass are named \"%2\""),
                      {ingress.className, name}),
                 {}, input.file, ingress.classFrom);
            ingress.className = name;
        }
        readAnnotations(ingress);
        m_ingresses.push_back(std::move(ingress));
    }
    // ingress2gateway and the controllers merge Ingresses of one host oldest first, then by
    // namespace/name; the input carries no creation times, so namespace/name it is.
    std::stable_sort(m_ingresses.begin(), m_ingresses.end(),
                     [](const ParsedIngress &a, const ParsedIngress &b) {
                         return std::tie(a.ns, a.name) < std::tie(b.ns, b.name);
                     });
}

void IngressConversion::readAnnotations(ParsedIngress &ingress)
{
    const Node *annotations = ingress.object->at("metadata.annotations");
    if (!annotations || !annotations->isMap()) {
        return;
    }
    const AnnotationReader reader{ingress.file, &m_result.notes};
    for (const Node::Entry &e : annotations->entries()) {
        const SourcePlace at{annotationPath(e.key), e.keyMark};
        const std::string value = e.value.asString();
        if (e.key.rfind(kNginxIngressPrefix, 0) == 0) {
            readNginxIngressAnnotation(e.key.substr(kNginxIngressPrefix.size()), value, at,
                                       ingress.settings, reader);
        } else if (e.key.rfind(kNginxOrgPrefix, 0) == 0) {
            readNginxOrgAnnotation(e.key.substr(kNginxOrgPrefix.size()), value, at,
                                   ingress.settings, reader);
        } else if (e.key == "ingress.kubernetes.io/ssl-redirect") {
            // F5's controller reads this legacy key as its ssl-redirect switch.
            bool ok = false;
            const bool b = parseBool(value, &ok);
            if (ok) {
                ingress.settings.sslRedirect.assign(b, at);
            }
        } else if (e.key == "kubernetes.io/ingress.class" ||
                   e.key == "kubectl.kubernetes.io/last-applied-configuration") {
            // The class is read above; kubectl's bookkeeping is not configuration.
        } else {
            reader.note(Severity::Info, "convert.ingress.foreign-annotation",
                        text(QT_TRANSLATE_NOOP("Diagnostics",
                                               "annotation %1 is not carried over to the Gateway "
                                               "API objects"),
                             {e.key}),
                        text(QT_TRANSLATE_NOOP("Diagnostics",
                                               "it belongs to no ingress controller the converter "
                                               "knows; if a tool reads it (cert-manager, "
                                               "external-dns …), check whether it supports Gateway "
                                               "API objects and move it there")),
                        at);
        }
    }
    const IngressSettings &s = ingress.settings;
    if (s.backendProtocol) {
        const std::string &p = s.backendProtocol.value;
        if (p != "HTTP" && p != "HTTPS" && p != "GRPC" && p != "GRPCS" && p != "AUTO_HTTP") {
            note(Severity::Warning, "convert.ingress.backend-protocol",
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "backend protocol %1 has no Gateway API equivalent; "
                                        "Ingress %2 is left out of the conversion"),
                      {p, ingress.name}),
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "Gateway API routes speak HTTP, HTTPS (with a "
                                        "BackendTLSPolicy) and gRPC to backends; put a proxy "
                                        "that speaks %1 behind a Service")),
                 ingress.file, s.backendProtocol.from);
            ingress.skip = true;
        }
    }
}

// ingress-nginx: use-regex or rewrite-target on any Ingress of a host makes every path of that
// host a case-insensitive regular expression ("location ~*"), whichever Ingress wrote it.
void IngressConversion::markRegexHosts()
{
    for (const ParsedIngress &ingress : m_ingresses) {
        const IngressSettings &s = ingress.settings;
        const bool regex = (s.useRegex && s.useRegex.value) || s.rewriteTarget;
        if (!regex || ingress.skip) {
            continue;
        }
        if (const Node *rules = ingress.object->at("spec.rules"); rules && rules->isList()) {
            for (const Node &rule : rules->items()) {
                m_regexHosts.insert(ingress.ns + "/" + ingress.className + "/" + str(rule, "host"));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Building routes

GatewayBuild &IngressConversion::gatewayFor(const std::string &ns, const std::string &name,
                                            const std::string &className, const std::string &file,
                                            const SourcePlace &classFrom)
{
    const std::string key = ns + "/" + name;
    auto it = m_gateways.find(key);
    if (it == m_gateways.end()) {
        GatewayBuild g;
        g.ns = ns;
        g.name = name;
        g.className = m_options.gatewayClass.empty() ? className : m_options.gatewayClass;
        g.file = file;
        g.classFrom = classFrom;
        it = m_gateways.emplace(key, std::move(g)).first;
        m_gatewayOrder.push_back(key);
    }
    return it->second;
}

std::size_t IngressConversion::routeFor(const ParsedIngress &ingress, const std::string &host,
                                        const SourcePlace &hostFrom)
{
    const std::string key = ingress.ns + "/" + ingress.className + "/" + host;
    if (const auto it = m_routeIndex.find(key); it != m_routeIndex.end()) {
        return it->second;
    }
    HostRoute route;
    route.ns = ingress.ns;
    route.gateway = ingress.className;
    route.host = host;
    route.name = ingress.name + "-" + hostSlug(host);
    route.file = ingress.file;
    route.hostFrom = hostFrom;
    m_routes.push_back(std::move(route));
    m_routeIndex[key] = m_routes.size() - 1;
    gatewayFor(ingress.ns, ingress.className, ingress.className, ingress.file, ingress.classFrom);
    return m_routes.size() - 1;
}

bool IngressConversion::resolveBackend(const ParsedIngress &ingress, const Node &backend,
                                       const std::string &backendPath, BackendRef *out)
{
    const Node *service = backend.find("service");
    if (!service || !service->isMap()) {
        note(Severity::Warning, "convert.ingress.resource-backend",
             text(QT_TRANSLATE_NOOP("Diagnostics",
                                    "a resource backend has no Gateway API equivalent; this path "
                                    "is left out")),
             text(QT_TRANSLATE_NOOP("Diagnostics",
                                    "serve the content from a Service and route to it")),
             ingress.file, {backendPath, backend.mark()});
        return false;
    }
    out->name = str(*service, "name");
    out->from = {backendPath + ".service", service->mark()};
    const Node &port = (*service)["port"];
    if (port.has("number")) {
        out->port = port["number"].asInt();
        return true;
    }
    const std::string portName = str(port, "name");
    const auto svc = m_servicePorts.find(ingress.ns + "/" + out->name);
    if (svc != m_servicePorts.end()) {
        if (const auto p = svc->second.find(portName); p != svc->second.end()) {
            out->port = p->second;
            return true;
        }
    }
    note(Severity::Error, "convert.ingress.port-name",
         text(QT_TRANSLATE_NOOP("Diagnostics",
                                "port \"%1\" of Service %2 is not in the input; a Gateway API "
                                "backendRef needs the port number"),
              {portName, out->name}),
         text(QT_TRANSLATE_NOOP("Diagnostics",
                                "add the Service's manifest to the files converted, or write "
                                "port.number in the Ingress")),
         ingress.file, {backendPath + ".service.port.name", port.mark()});
    return false;
}

// gRPC calls are POSTs to "/package.Service/Method": an Ingress path of that form becomes a
// GRPCRoute method match.
bool grpcMatchFromPath(const std::string &path, Node *match)
{
    std::string p = path;
    while (!p.empty() && p.back() == '/') {
        p.pop_back();
    }
    if (p.empty()) {
        *match = Node::map();
        return true;
    }
    if (p.front() != '/') {
        return false;
    }
    p = p.substr(1);
    const std::size_t slash = p.find('/');
    const std::string service = p.substr(0, slash);
    const std::string method = slash == std::string::npos ? std::string() : p.substr(slash + 1);
    const auto valid = [](const std::string &s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
            return std::isalnum(c) || c == '.' || c == '_';
        });
    };
    if (!valid(service) || (!method.empty() && !valid(method))) {
        return false;
    }
    Node m = Node::map();
    m.set("service", Node::string(service));
    if (!method.empty()) {
        m.set("method", Node::string(method));
    }
    *match = Node::map();
    match->set("method", m);
    return true;
}

void IngressConversion::buildIngress(const ParsedIngress &ingress)
{
    const Node &spec = (*ingress.object)["spec"];
    const IngressSettings &s = ingress.settings;

    // TLS hosts of this Ingress; a TLS entry without hosts covers every host of the Ingress.
    std::map<std::string, std::vector<std::pair<std::string, SourcePlace>>> tlsByHost;
    std::vector<std::pair<std::string, SourcePlace>> tlsAllHosts;
    if (const Node *tls = spec.find("tls"); tls && tls->isList()) {
        for (std::size_t t = 0; t < tls->size(); ++t) {
            const Node &entry = tls->items()[t];
            const SourcePlace place{indexPath("spec", "tls", t), entry.mark()};
            const std::string secret = str(entry, "secretName");
            if (secret.empty()) {
                note(Severity::Warning, "convert.ingress.tls-no-secret",
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "TLS entry without secretName: the controller's "
                                            "default certificate has no Gateway API "
                                            "equivalent; no HTTPS listener is made for it")),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "name the Secret that holds the certificate")),
                     ingress.file, place);
                continue;
            }
            const Node *hosts = entry.find("hosts");
            if (!hosts || !hosts->isList() || hosts->size() == 0) {
                tlsAllHosts.emplace_back(secret, place);
                continue;
            }
            for (const Node &h : hosts->items()) {
                tlsByHost[h.asString()].emplace_back(secret, place);
            }
        }
    }

    const auto hostRouteSetup = [&](std::size_t r, const std::string &host) {
        HostRoute &route = m_routes[r];
        std::vector<std::pair<std::string, SourcePlace>> secrets = tlsAllHosts;
        if (const auto it = tlsByHost.find(host); it != tlsByHost.end()) {
            secrets.insert(secrets.end(), it->second.begin(), it->second.end());
        }
        for (const auto &[secret, place] : secrets) {
            if (std::find(route.secrets.begin(), route.secrets.end(), secret) ==
                route.secrets.end()) {
                route.secrets.push_back(secret);
                route.tlsFrom = place;
            }
        }
        if (s.listenPorts) {
            route.httpPorts = s.listenPorts.value;
        }
        if (s.listenPortsSsl) {
            route.httpsPorts = s.listenPortsSsl.value;
        }
        // Redirect HTTP to HTTPS: ingress-nginx (308) and F5 (301) both do it by default for a
        // host with TLS; force-ssl-redirect asks for it without TLS too (TLS ended in front).
        const bool flavourF5 = s.nginxOrgFlavour;
        bool redirect = !route.secrets.empty();
        if (s.sslRedirect) {
            redirect = redirect && s.sslRedirect.value;
            if (!s.sslRedirect.value) {
                route.sslRedirectOff = true;
            }
        }
        if (s.forceSslRedirect && s.forceSslRedirect.value) {
            if (route.secrets.empty()) {
                note(Severity::Warning, "convert.ingress.force-ssl-redirect",
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "force-ssl-redirect for host \"%1\", which has no TLS "
                                            "here: the redirect is not converted"),
                          {host}),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "when TLS ends in a load balancer in front of the "
                                            "gateway, redirect there; or add the host's "
                                            "certificate to spec.tls")),
                     ingress.file, s.forceSslRedirect.from);
            }
            redirect = redirect || !route.secrets.empty();
        }
        if (redirect && !route.redirectToHttps) {
            route.redirectToHttps = true;
            route.redirectCode = flavourF5 ? 301 : 308;
            route.redirectFrom = s.sslRedirect        ? s.sslRedirect.from
                                 : s.forceSslRedirect ? s.forceSslRedirect.from
                                                      : route.tlsFrom;
        }
        if (s.fromToWwwRedirect && s.fromToWwwRedirect.value) {
            route.fromToWww = true;
            route.fromToWwwFrom = s.fromToWwwRedirect.from;
        }
        if (s.sslPassthrough && s.sslPassthrough.value) {
            route.passthrough = true;
            route.passthroughFrom = s.sslPassthrough.from;
        }
    };

    if (const Node *rules = spec.find("rules"); rules && rules->isList()) {
        for (std::size_t r = 0; r < rules->size(); ++r) {
            const Node &rule = rules->items()[r];
            const std::string rulePath = indexPath("spec", "rules", r);
            const std::string host = str(rule, "host");
            const SourcePlace hostFrom{rulePath + (host.empty() ? "" : ".host"),
                                       rule.has("host") ? rule["host"].mark() : rule.mark()};
            const std::size_t routeIndex = routeFor(ingress, host, hostFrom);
            hostRouteSetup(routeIndex, host);
            const Node *paths = rule.at("http.paths");
            if (!paths || !paths->isList()) {
                continue;
            }
            for (std::size_t p = 0; p < paths->size(); ++p) {
                buildPath(ingress, host, paths->items()[p],
                          indexPath(rulePath + ".http", "paths", p), routeIndex);
            }
            applyAppRoot(ingress, routeIndex);
            applyRedirectToHttps(ingress, routeIndex);
        }
    }
    if (const Node *def = spec.find("defaultBackend"); def && def->isMap()) {
        const SourcePlace from{"spec.defaultBackend", def->mark()};
        const std::size_t routeIndex = routeFor(ingress, "", from);
        hostRouteSetup(routeIndex, "");
        RouteRule rule;
        rule.hasMatch = false;
        rule.ingressName = ingress.name;
        rule.pathKey = "default";
        BackendRef ref;
        if (resolveBackend(ingress, *def, "spec.defaultBackend", &ref)) {
            rule.backends.push_back(ref);
            rule.prov.push_back({"", from,
                                 QT_TRANSLATE_NOOP("Diagnostics", "the Ingress's defaultBackend: a "
                                                                  "rule without matches catches "
                                                                  "every request")});
            applySettings(ingress, rule, false, "PathPrefix");
            if (s.canary && s.canary.value) {
                m_canaries.push_back({routeIndex, false, rule, &ingress});
            } else {
                m_routes[routeIndex].httpRules.push_back(std::move(rule));
            }
        }
    }
    addBackendTlsPolicies(ingress);
}

void IngressConversion::buildPath(const ParsedIngress &ingress, const std::string &host,
                                  const Node &pathNode, const std::string &pathBase,
                                  std::size_t routeIndex)
{
    const IngressSettings &s = ingress.settings;
    std::string path = pathNode.has("path") ? str(pathNode, "path") : "/";
    const SourcePlace pathFrom{pathBase + ".path",
                               pathNode.has("path") ? pathNode["path"].mark() : pathNode.mark()};
    std::string pathType = str(pathNode, "pathType");
    const SourcePlace typeFrom{pathBase + ".pathType", pathNode["pathType"].mark()};
    if (pathType.empty()) {
        note(Severity::Warning, "convert.ingress.path-type",
             text(QT_TRANSLATE_NOOP("Diagnostics",
                                    "path without pathType (required in networking.k8s.io/v1); "
                                    "read as ImplementationSpecific")),
             {}, ingress.file, {pathBase, pathNode.mark()});
        pathType = "ImplementationSpecific";
    }

    BackendRef backend;
    if (!resolveBackend(ingress, pathNode["backend"], pathBase + ".backend", &backend)) {
        return;
    }

    const bool grpc =
        (s.backendProtocol &&
         (s.backendProtocol.value == "GRPC" || s.backendProtocol.value == "GRPCS")) ||
        (s.grpcServices && std::find(s.grpcServices.value.begin(), s.grpcServices.value.end(),
                                     backend.name) != s.grpcServices.value.end());

    RouteRule rule;
    rule.ingressName = ingress.name;
    rule.pathKey = pathType + " " + path;
    rule.backends.push_back(backend);
    rule.prov.push_back({"backendRefs[0]", backend.from,
                         QT_TRANSLATE_NOOP("Diagnostics", "the path's backend Service and port")});

    std::string matchType;
    if (grpc) {
        Node match;
        if (!grpcMatchFromPath(path, &match)) {
            note(Severity::Warning, "convert.ingress.grpc-path",
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "path \"%1\" is not of the form /package.Service/Method; "
                                        "the gRPC rule matches every call on the host"),
                      {path}),
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "gRPC routes match services and methods, not paths")),
                 ingress.file, pathFrom);
            match = Node::map();
        }
        rule.hasMatch = match.has("method");
        rule.match = match;
        if (rule.hasMatch) {
            rule.prov.push_back(
                {"matches[0].method", pathFrom,
                 QT_TRANSLATE_NOOP("Diagnostics", "a gRPC call is a request for "
                                                  "/package.Service/Method: the path names the "
                                                  "service and method")});
        }
        matchType = "grpc";
    } else {
        const std::string hostKey = ingress.ns + "/" + ingress.className + "/" + host;
        Node p = Node::map();
        const char *why = nullptr;
        std::string value = path;
        // The documented ingress-nginx idiom "path: /x(/|$)(.*)" + "rewrite-target: /$2" strips
        // the prefix: PathPrefix /x + ReplacePrefixMatch /.
        const std::string captureSuffix = "(/|$)(.*)";
        const bool stripPrefixIdiom = s.rewriteTarget && s.rewriteTarget.value == "/$2" &&
                                      path.size() > captureSuffix.size() &&
                                      path.compare(path.size() - captureSuffix.size(),
                                                   captureSuffix.size(), captureSuffix) == 0;
        if (stripPrefixIdiom) {
            matchType = "PathPrefix";
            value = path.substr(0, path.size() - captureSuffix.size());
            if (value.empty()) {
                value = "/";
            }
            why = QT_TRANSLATE_NOOP("Diagnostics",
                                    "path \"/x(/|$)(.*)\" with rewrite-target \"/$2\" strips the "
                                    "prefix /x: a PathPrefix match with ReplacePrefixMatch \"/\"");
        } else if (s.pathRegex) {
            matchType = "RegularExpression";
            value = s.pathRegex.value == "case_insensitive" ? "(?i)" + path : path;
            why = QT_TRANSLATE_NOOP("Diagnostics",
                                    "nginx.org/path-regex makes the path a regular expression");
            note(Severity::Warning, "convert.ingress.regex",
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "path \"%1\" becomes a RegularExpression match: NGINX "
                                        "finds the expression anywhere in the path, most Gateway "
                                        "API implementations match the whole path"),
                      {path}),
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "regular expression support and syntax are "
                                        "implementation-specific (NGINX Gateway Fabric has "
                                        "none); prefer Exact or PathPrefix where the expression "
                                        "is a plain path")),
                 ingress.file, pathFrom);
        } else if (pathType != "Exact" && m_regexHosts.count(hostKey)) {
            matchType = "RegularExpression";
            // "location ~* ^<path>": case-insensitive, anchored at the start; Gateway API
            // implementations match the whole path, hence the ".*" (unless the user anchored
            // the end with "$").
            if (!value.empty() && value.back() == '$') {
                value = "(?i)" + value.substr(0, value.size() - 1);
            } else {
                value = "(?i)" + value + ".*";
            }
            why = QT_TRANSLATE_NOOP("Diagnostics",
                                    "use-regex or rewrite-target on an Ingress of this host makes "
                                    "every path of the host a case-insensitive regular "
                                    "expression in ingress-nginx");
        } else if (pathType == "Exact") {
            matchType = "Exact";
            why = QT_TRANSLATE_NOOP("Diagnostics", "pathType Exact → Exact");
        } else if (pathType == "Prefix") {
            matchType = "PathPrefix";
            why = QT_TRANSLATE_NOOP("Diagnostics",
                                    "pathType Prefix → PathPrefix (both match whole path "
                                    "segments)");
        } else {
            matchType = "PathPrefix";
            why = QT_TRANSLATE_NOOP("Diagnostics",
                                    "pathType ImplementationSpecific is a prefix match in NGINX "
                                    "(without use-regex) → PathPrefix");
            if (pathType != "ImplementationSpecific") {
                note(Severity::Warning, "convert.ingress.path-type",
                     text(QT_TRANSLATE_NOOP("Diagnostics", "unknown pathType \"%1\"; read as "
                                                           "ImplementationSpecific"),
                          {pathType}),
                     {}, ingress.file, typeFrom);
            }
        }
        p.set("type", Node::string(matchType));
        p.set("value", Node::string(value));
        rule.match.set("path", p);
        rule.prov.push_back({"matches[0].path", pathFrom, why});
        if (stripPrefixIdiom) {
            Node rewrite = Node::map();
            rewrite.set("type", Node::string("URLRewrite"));
            Node urlRewrite = Node::map();
            Node pathRewrite = Node::map();
            pathRewrite.set("type", Node::string("ReplacePrefixMatch"));
            pathRewrite.set("replacePrefixMatch", Node::string("/"));
            urlRewrite.set("path", pathRewrite);
            rewrite.set("urlRewrite", urlRewrite);
            rule.filters.push_back(rewrite);
            rule.prov.push_back({"filters[0]", s.rewriteTarget.from, why});
        }
    }
    applySettings(ingress, rule, grpc, matchType);
    if (s.sslRedirect && !s.sslRedirect.value) {
        rule.servedOnHttp = true;
    }
    if (s.sslPassthrough && s.sslPassthrough.value) {
        HostRoute &route = m_routes[routeIndex];
        if (std::none_of(route.passthroughBackends.begin(), route.passthroughBackends.end(),
                         [&](const BackendRef &b) {
                             return b.name == backend.name && b.port == backend.port;
                         })) {
            route.passthroughBackends.push_back(backend);
        }
        return;
    }
    if (s.canary && s.canary.value) {
        m_canaries.push_back({routeIndex, grpc, std::move(rule), &ingress});
        return;
    }
    (grpc ? m_routes[routeIndex].grpcRules : m_routes[routeIndex].httpRules)
        .push_back(std::move(rule));
}

Node headerModifierFilter(const char *type, const char *key, const std::vector<Node> &set,
                          const std::vector<std::string> &remove)
{
    Node modifier = Node::map();
    if (!set.empty()) {
        Node list = Node::list();
        for (const Node &n : set) {
            list.append(n);
        }
        modifier.set("set", list);
    }
    if (!remove.empty()) {
        modifier.set("remove", stringList(remove));
    }
    Node filter = Node::map();
    filter.set("type", Node::string(type));
    filter.set(key, modifier);
    return filter;
}

// Parses "https://host:8443/path" for permanent-redirect / temporal-redirect.
struct RedirectUrl
{
    std::string scheme;
    std::string host;
    long long port = 0;
    std::string path;
    bool ok = false;
    bool droppedQuery = false;
};

RedirectUrl parseRedirectUrl(const std::string &url)
{
    RedirectUrl out;
    const std::size_t sep = url.find("://");
    if (sep == std::string::npos) {
        if (!url.empty() && url.front() == '/') {
            out.path = url;
            out.ok = true;
        }
        return out;
    }
    out.scheme = url.substr(0, sep);
    if (out.scheme != "http" && out.scheme != "https") {
        return out;
    }
    std::string rest = url.substr(sep + 3);
    const std::size_t slash = rest.find('/');
    std::string authority = rest.substr(0, slash);
    out.path = slash == std::string::npos ? "/" : rest.substr(slash);
    if (const std::size_t q = out.path.find('?'); q != std::string::npos) {
        out.path = out.path.substr(0, q); // RequestRedirect cannot set a query
        out.droppedQuery = true;
    }
    if (const std::size_t colon = authority.rfind(':'); colon != std::string::npos) {
        if (!parseInteger(authority.substr(colon + 1), &out.port)) {
            return out;
        }
        authority = authority.substr(0, colon);
    }
    out.host = authority;
    out.ok = !out.host.empty();
    return out;
}

void IngressConversion::applySettings(const ParsedIngress &ingress, RouteRule &rule, bool grpc,
                                      const std::string &matchType)
{
    const IngressSettings &s = ingress.settings;
    const auto filterPath = [&rule]() {
        return "filters[" + std::to_string(rule.filters.size()) + "]";
    };
    if (grpc) {
        // GRPCRoute has header modifiers but no redirect, rewrite, CORS or timeouts.
        const std::pair<bool, const SourcePlace *> dropped[] = {
            {bool(s.permanentRedirect), &s.permanentRedirect.from},
            {bool(s.temporalRedirect), &s.temporalRedirect.from},
            {bool(s.rewriteTarget), &s.rewriteTarget.from},
            {bool(s.rewrites), &s.rewrites.from},
            {s.enableCors && s.enableCors.value, &s.enableCors.from},
            {bool(s.proxyReadTimeout), &s.proxyReadTimeout.from},
            {bool(s.proxySendTimeout), &s.proxySendTimeout.from},
            {bool(s.proxyConnectTimeout), &s.proxyConnectTimeout.from},
        };
        for (const auto &[isSet, from] : dropped) {
            if (isSet && m_grpcNoted.insert(ingress.name + from->path).second) {
                note(Severity::Warning, "convert.ingress.grpc-filter",
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "this annotation has no GRPCRoute equivalent (no "
                                            "redirect, rewrite, CORS or timeout there); it is not "
                                            "applied to the gRPC rules")),
                     {}, ingress.file, *from);
            }
        }
    }

    // Redirects replace the backends (ingress-nginx returns the redirect itself).
    const Setting<std::string> *redirect = nullptr;
    long long code = 0;
    if (s.temporalRedirect) {
        redirect = &s.temporalRedirect;
        code = 302;
        if (s.temporalRedirectCode) {
            const long long c = s.temporalRedirectCode.value;
            if (c == 301 || c == 302 || c == 303 || c == 307) {
                code = c;
            } else {
                note(Severity::Warning, "convert.ingress.redirect-code",
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "redirect code %1 is not allowed here; %2 is used"),
                          {std::to_string(c), "302"}),
                     {}, ingress.file, s.temporalRedirectCode.from);
            }
        }
        if (s.permanentRedirect) {
            note(Severity::Warning, "convert.ingress.redirect-both",
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "both temporal-redirect and permanent-redirect are set; "
                                        "ingress-nginx uses temporal-redirect, and so does the "
                                        "conversion")),
                 {}, ingress.file, s.permanentRedirect.from);
        }
    } else if (s.permanentRedirect) {
        redirect = &s.permanentRedirect;
        code = 301;
        if (s.permanentRedirectCode) {
            const long long c = s.permanentRedirectCode.value;
            if (c == 301 || c == 302 || c == 303 || c == 307 || c == 308) {
                code = c;
            } else {
                note(Severity::Warning, "convert.ingress.redirect-code",
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "redirect code %1 is not allowed here; %2 is used"),
                          {std::to_string(c), "301"}),
                     {}, ingress.file, s.permanentRedirectCode.from);
            }
        }
    }
    if (redirect && !grpc) {
        const RedirectUrl url = parseRedirectUrl(redirect->value);
        if (!url.ok) {
            note(Severity::Warning, "convert.ingress.redirect-url",
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "redirect target \"%1\" is not an http(s) URL or an "
                                        "absolute path; the redirect is not converted"),
                      {redirect->value}),
                 {}, ingress.file, redirect->from);
        } else {
            if (url.droppedQuery) {
                note(Severity::Warning, "convert.ingress.redirect-query",
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "redirect target \"%1\": RequestRedirect cannot set "
                                            "a query string; the query is left out"),
                          {redirect->value}),
                     {}, ingress.file, redirect->from);
            }
            Node r = Node::map();
            if (!url.scheme.empty()) {
                r.set("scheme", Node::string(url.scheme));
            }
            if (!url.host.empty()) {
                r.set("hostname", Node::string(url.host));
            }
            if (url.port > 0) {
                r.set("port", Node::integer(url.port));
            }
            Node path = Node::map();
            path.set("type", Node::string("ReplaceFullPath"));
            path.set("replaceFullPath", Node::string(url.path.empty() ? "/" : url.path));
            r.set("path", path);
            r.set("statusCode", Node::integer(code));
            Node filter = Node::map();
            filter.set("type", Node::string("RequestRedirect"));
            filter.set("requestRedirect", r);
            rule.prov.push_back(
                {filterPath(), redirect->from,
                 QT_TRANSLATE_NOOP("Diagnostics", "the redirect annotation answers every "
                                                  "request of the Ingress with a redirect")});
            rule.filters.push_back(filter);
            rule.backends.clear();
            return;
        }
    }

    // One RequestHeaderModifier per rule (Gateway API allows only one).
    std::vector<Node> requestSet;
    SourcePlace requestFrom;
    if (s.upstreamVhost) {
        requestSet.push_back(nameValue("Host", s.upstreamVhost.value));
        requestFrom = s.upstreamVhost.from;
    }
    if (s.connectionProxyHeader) {
        requestSet.push_back(nameValue("Connection", s.connectionProxyHeader.value));
        requestFrom = s.connectionProxyHeader.from;
    }
    if (s.xForwardedPrefix && s.rewriteTarget) {
        requestSet.push_back(nameValue("X-Forwarded-Prefix", s.xForwardedPrefix.value));
        requestFrom = s.xForwardedPrefix.from;
    }
    if (s.proxySetHeaders) {
        for (const auto &[name, value] : s.proxySetHeaders.value) {
            requestSet.push_back(nameValue(name, value));
        }
        requestFrom = s.proxySetHeaders.from;
    }
    if (!requestSet.empty()) {
        rule.prov.push_back(
            {filterPath(), requestFrom,
             QT_TRANSLATE_NOOP("Diagnostics", "headers NGINX sets on the request to the backend "
                                              "→ RequestHeaderModifier")});
        rule.filters.push_back(
            headerModifierFilter("RequestHeaderModifier", "requestHeaderModifier", requestSet, {}));
    }

    // One ResponseHeaderModifier: HSTS and hidden headers.
    std::vector<Node> responseSet;
    std::vector<std::string> responseRemove;
    SourcePlace responseFrom;
    if (s.hsts && s.hsts.value) {
        std::string value =
            "max-age=" + std::to_string(s.hstsMaxAge ? s.hstsMaxAge.value : 31536000);
        if (s.hstsIncludeSubdomains && s.hstsIncludeSubdomains.value) {
            value += "; includeSubDomains";
        }
        responseSet.push_back(nameValue("Strict-Transport-Security", value));
        responseFrom = s.hsts.from;
    }
    if (s.proxyHideHeaders) {
        responseRemove = s.proxyHideHeaders.value;
        responseFrom = s.proxyHideHeaders.from;
    }
    if (!responseSet.empty() || !responseRemove.empty()) {
        rule.prov.push_back(
            {filterPath(), responseFrom,
             QT_TRANSLATE_NOOP("Diagnostics", "response headers NGINX adds or hides → "
                                              "ResponseHeaderModifier")});
        rule.filters.push_back(headerModifierFilter(
            "ResponseHeaderModifier", "responseHeaderModifier", responseSet, responseRemove));
    }

    // URL rewrites (HTTP only; GRPCRoute has no URLRewrite).
    const bool alreadyRewritten =
        std::any_of(rule.filters.begin(), rule.filters.end(),
                    [](const Node &f) { return f["type"].asString() == "URLRewrite"; });
    if (!grpc && !alreadyRewritten) {
        std::string rewriteTo;
        const char *rewriteType = nullptr;
        SourcePlace rewriteFrom;
        const char *why = nullptr;
        if (s.rewriteTarget) {
            if (s.rewriteTarget.value.find('$') != std::string::npos) {
                note(Severity::Warning, "convert.ingress.rewrite-capture",
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "rewrite-target \"%1\" uses capture groups of the "
                                            "path's regular expression; Gateway API rewrites "
                                            "cannot, so the rewrite is not converted"),
                          {s.rewriteTarget.value}),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "for the idiom path \"/x(/|$)(.*)\" with "
                                            "rewrite-target \"/$2\" the converter makes a "
                                            "ReplacePrefixMatch; otherwise split the path into "
                                            "PathPrefix rules with ReplacePrefixMatch")),
                     ingress.file, s.rewriteTarget.from);
            } else {
                rewriteTo = s.rewriteTarget.value;
                rewriteType = "ReplaceFullPath";
                rewriteFrom = s.rewriteTarget.from;
                why = QT_TRANSLATE_NOOP("Diagnostics",
                                        "NGINX's rewrite replaces the whole request path → "
                                        "URLRewrite ReplaceFullPath");
            }
        } else if (s.rewrites) {
            const auto it = s.rewrites.value.find(rule.backends.empty() ? std::string()
                                                                        : rule.backends[0].name);
            if (it != s.rewrites.value.end()) {
                rewriteTo = it->second;
                rewriteFrom = s.rewrites.from;
                if (matchType == "PathPrefix") {
                    rewriteType = "ReplacePrefixMatch";
                    why = QT_TRANSLATE_NOOP("Diagnostics",
                                            "nginx.org/rewrites replaces the matched prefix → "
                                            "URLRewrite ReplacePrefixMatch");
                } else {
                    rewriteType = "ReplaceFullPath";
                    why = QT_TRANSLATE_NOOP("Diagnostics",
                                            "nginx.org/rewrites on an exact or regex path → "
                                            "URLRewrite ReplaceFullPath");
                }
            }
        }
        if (rewriteType) {
            Node pathRewrite = Node::map();
            pathRewrite.set("type", Node::string(rewriteType));
            pathRewrite.set(std::string(rewriteType) == "ReplaceFullPath" ? "replaceFullPath"
                                                                          : "replacePrefixMatch",
                            Node::string(rewriteTo));
            Node urlRewrite = Node::map();
            urlRewrite.set("path", pathRewrite);
            Node filter = Node::map();
            filter.set("type", Node::string("URLRewrite"));
            filter.set("urlRewrite", urlRewrite);
            rule.prov.push_back({filterPath(), rewriteFrom, why});
            rule.filters.push_back(filter);
        }
    }

    // CORS.
    if (s.enableCors && s.enableCors.value && !grpc) {
        Node cors = Node::map();
        const auto list = [](const Setting<std::string> &setting, const std::string &fallback) {
            return stringList(splitList(setting ? setting.value : fallback, ','));
        };
        cors.set("allowOrigins", list(s.corsAllowOrigin, "*"));
        cors.set("allowMethods",
                 list(s.corsAllowMethods, "GET, PUT, POST, DELETE, PATCH, OPTIONS"));
        cors.set("allowHeaders",
                 list(s.corsAllowHeaders,
                      "DNT,Keep-Alive,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,"
                      "Content-Type,Range,Authorization"));
        if (s.corsExposeHeaders) {
            cors.set("exposeHeaders", list(s.corsExposeHeaders, ""));
        }
        cors.set("allowCredentials",
                 Node::boolean(s.corsAllowCredentials ? s.corsAllowCredentials.value : true));
        cors.set("maxAge", Node::integer(s.corsMaxAge ? s.corsMaxAge.value : 1728000));
        Node filter = Node::map();
        filter.set("type", Node::string("CORS"));
        filter.set("cors", cors);
        rule.prov.push_back(
            {filterPath(), s.enableCors.from,
             QT_TRANSLATE_NOOP("Diagnostics", "enable-cors and cors-* → the CORS filter, with "
                                              "ingress-nginx's defaults for what is not set")});
        rule.filters.push_back(filter);
    }

    // Timeouts: ingress-nginx's are per connection/read/write; Gateway API has a whole-request
    // timeout. ingress2gateway's rule (10 × the largest) keeps slow-but-progressing responses.
    const Setting<long long> *timeouts[] = {&s.proxyConnectTimeout, &s.proxySendTimeout,
                                            &s.proxyReadTimeout};
    long long largest = 0;
    SourcePlace timeoutFrom;
    for (const Setting<long long> *t : timeouts) {
        if (*t && t->value > largest) {
            largest = t->value;
            timeoutFrom = t->from;
        }
    }
    if (largest > 0 && !grpc) {
        rule.timeouts = Node::map();
        rule.timeouts.set("request", Node::string(std::to_string(largest * 10) + "s"));
        rule.prov.push_back(
            {"timeouts.request", timeoutFrom,
             QT_TRANSLATE_NOOP("Diagnostics", "NGINX's proxy timeouts limit each connect, read "
                                              "and write; the whole request may take 10 × the "
                                              "largest")});
    }
}

// nginx.org/redirect-to-https: F5's controller answers 301 to https when the load balancer in
// front says the client spoke plain HTTP (X-Forwarded-Proto: http). Each match of the Ingress's
// rules on this host is repeated with that header, so the redirect wins over the plain rule
// (more header matches take precedence) and covers exactly the same requests.
void IngressConversion::applyRedirectToHttps(const ParsedIngress &ingress, std::size_t routeIndex)
{
    const IngressSettings &s = ingress.settings;
    if (!s.redirectToHttps || !s.redirectToHttps.value) {
        return;
    }
    HostRoute &route = m_routes[routeIndex];
    Node matches = Node::list();
    for (const RouteRule &r : route.httpRules) {
        if (r.ingressName != ingress.name || r.pathKey.find(" xfp-redirect") != std::string::npos) {
            continue;
        }
        Node match = r.hasMatch ? r.match : Node::map();
        Node headers = match.has("headers") ? match["headers"] : Node::list();
        Node header = Node::map();
        header.set("name", Node::string("X-Forwarded-Proto"));
        header.set("value", Node::string("http"));
        headers.append(header);
        match.set("headers", headers);
        matches.append(match);
    }
    if (matches.size() == 0) {
        return;
    }
    RouteRule rule;
    rule.ingressName = ingress.name;
    rule.pathKey = "redirect xfp-redirect";
    rule.hasMatch = true;
    rule.match = Node::null();
    Node r = Node::map();
    r.set("scheme", Node::string("https"));
    r.set("statusCode", Node::integer(301));
    Node filter = Node::map();
    filter.set("type", Node::string("RequestRedirect"));
    filter.set("requestRedirect", r);
    rule.filters.push_back(filter);
    rule.extraMatches = matches;
    rule.prov.push_back(
        {"filters[0]", s.redirectToHttps.from,
         QT_TRANSLATE_NOOP("Diagnostics", "redirect-to-https: NGINX redirects to https (301) "
                                          "when X-Forwarded-Proto is http; the same matches with "
                                          "that header redirect")});
    route.httpRules.insert(route.httpRules.begin(), std::move(rule));
}

void IngressConversion::applyAppRoot(const ParsedIngress &ingress, std::size_t routeIndex)
{
    const IngressSettings &s = ingress.settings;
    if (!s.appRoot) {
        return;
    }
    if (s.appRoot.value.empty() || s.appRoot.value.front() != '/') {
        note(Severity::Warning, "convert.ingress.app-root",
             text(QT_TRANSLATE_NOOP("Diagnostics",
                                    "app-root \"%1\" is not a path; ingress-nginx ignores it and "
                                    "so does the conversion"),
                  {s.appRoot.value}),
             {}, ingress.file, s.appRoot.from);
        return;
    }
    HostRoute &route = m_routes[routeIndex];
    Node redirect = Node::map();
    Node path = Node::map();
    path.set("type", Node::string("ReplaceFullPath"));
    path.set("replaceFullPath", Node::string(s.appRoot.value));
    redirect.set("path", path);
    redirect.set("statusCode", Node::integer(302));
    Node filter = Node::map();
    filter.set("type", Node::string("RequestRedirect"));
    filter.set("requestRedirect", redirect);
    // An existing "Exact /" rule of this Ingress is replaced by the redirect (app-root wins).
    auto existing =
        std::find_if(route.httpRules.begin(), route.httpRules.end(), [&](const RouteRule &r) {
            return r.ingressName == ingress.name && r.pathKey == "Exact /";
        });
    if (existing != route.httpRules.end()) {
        if (std::any_of(existing->filters.begin(), existing->filters.end(),
                        [](const Node &f) { return f["type"].asString() == "RequestRedirect"; })) {
            return; // already done for an earlier rule of the same host
        }
        existing->filters = {filter};
        existing->backends.clear();
        existing->prov.push_back(
            {"filters[0]", s.appRoot.from,
             QT_TRANSLATE_NOOP("Diagnostics", "app-root redirects the root path to the "
                                              "application (302)")});
        return;
    }
    RouteRule rule;
    rule.ingressName = ingress.name;
    rule.pathKey = "Exact /";
    Node p = Node::map();
    p.set("type", Node::string("Exact"));
    p.set("value", Node::string("/"));
    rule.match.set("path", p);
    rule.filters.push_back(filter);
    rule.prov.push_back(
        {"filters[0]", s.appRoot.from,
         QT_TRANSLATE_NOOP("Diagnostics", "app-root redirects the root path to the application "
                                          "(302)")});
    rule.prov.push_back(
        {"matches[0].path", s.appRoot.from,
         QT_TRANSLATE_NOOP("Diagnostics", "app-root redirects the root path to the application "
                                          "(302)")});
    route.httpRules.push_back(std::move(rule));
}

// ingress-nginx canaries: a canary Ingress adds its backend to the rule of the same host and
// path in the primary Ingress — by weight, and/or by a request header.
void IngressConversion::mergeCanaries()
{
    for (CanaryRule &canary : m_canaries) {
        HostRoute &route = m_routes[canary.route];
        auto &rules = canary.grpc ? route.grpcRules : route.httpRules;
        const IngressSettings &s = canary.ingress->settings;
        auto primary = std::find_if(rules.begin(), rules.end(), [&](const RouteRule &r) {
            return r.pathKey == canary.rule.pathKey && r.ingressName != canary.ingress->name;
        });
        if (primary == rules.end()) {
            note(Severity::Error, "convert.ingress.canary-without-primary",
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "canary Ingress %1 has no primary Ingress with host "
                                        "\"%2\" and path \"%3\""),
                      {canary.ingress->name, route.host,
                       canary.rule.pathKey.substr(canary.rule.pathKey.find(' ') + 1)}),
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "ingress-nginx ignores such a canary; convert it together "
                                        "with the Ingress it is the canary of")),
                 canary.ingress->file, s.canary.from);
            continue;
        }
        if (primary->backends.empty()) {
            continue; // the primary redirects; nothing to split
        }
        BackendRef canaryBackend = canary.rule.backends.at(0);
        long long total = s.canaryWeightTotal ? s.canaryWeightTotal.value : 100;
        if (total <= 0) {
            total = 100;
        }
        long long weight = s.canaryWeight ? std::clamp(s.canaryWeight.value, 0LL, total) : 0;

        const auto backendProv = [&](RouteRule &rule, std::size_t index, const SourcePlace &from,
                                     const char *why) {
            rule.prov.push_back({"backendRefs[" + std::to_string(index) + "]", from, why});
        };

        if (s.canaryByHeader) {
            RouteRule headerRule = *primary;
            headerRule.prov.clear();
            headerRule.backends = {canaryBackend};
            headerRule.backends[0].weight = -1;
            headerRule.pathKey += " canary-header";
            Node header = Node::map();
            header.set("name", Node::string(s.canaryByHeader.value));
            const char *why =
                QT_TRANSLATE_NOOP("Diagnostics", "canary-by-header: requests with the header "
                                                 "set to \"always\" go to the canary");
            if (s.canaryByHeaderValue) {
                header.set("type", Node::string("Exact"));
                header.set("value", Node::string(s.canaryByHeaderValue.value));
                why = QT_TRANSLATE_NOOP("Diagnostics",
                                        "canary-by-header-value: requests with the header set to "
                                        "this value go to the canary");
            } else if (s.canaryByHeaderPattern) {
                header.set("type", Node::string("RegularExpression"));
                header.set("value", Node::string(s.canaryByHeaderPattern.value));
                why = QT_TRANSLATE_NOOP("Diagnostics",
                                        "canary-by-header-pattern: requests whose header matches "
                                        "the expression go to the canary");
            } else {
                header.set("type", Node::string("Exact"));
                header.set("value", Node::string("always"));
            }
            Node headers = Node::list();
            headers.append(header);
            if (headerRule.hasMatch) {
                headerRule.match.set("headers", headers);
            } else {
                headerRule.hasMatch = true;
                headerRule.match = Node::map();
                headerRule.match.set("headers", headers);
            }
            headerRule.prov.push_back({"matches[0].headers[0]", s.canaryByHeader.from, why});
            backendProv(headerRule, 0, canaryBackend.from,
                        QT_TRANSLATE_NOOP("Diagnostics", "the canary Ingress's backend"));
            std::vector<RouteRule> added{headerRule};
            if (!s.canaryByHeaderValue && !s.canaryByHeaderPattern) {
                RouteRule never = headerRule;
                never.prov.clear();
                never.backends = primary->backends;
                for (BackendRef &b : never.backends) {
                    b.weight = -1;
                }
                Node n = Node::map();
                n.set("name", Node::string(s.canaryByHeader.value));
                n.set("type", Node::string("Exact"));
                n.set("value", Node::string("never"));
                Node list = Node::list();
                list.append(n);
                never.match.set("headers", list);
                never.pathKey = primary->pathKey + " canary-never";
                never.prov.push_back(
                    {"matches[0].headers[0]", s.canaryByHeader.from,
                     QT_TRANSLATE_NOOP("Diagnostics", "canary-by-header: requests with the "
                                                      "header set to \"never\" never go to "
                                                      "the canary")});
                added.push_back(never);
            }
            const std::size_t at = static_cast<std::size_t>(primary - rules.begin());
            for (RouteRule &r : added) {
                rules.push_back(std::move(r));
            }
            primary = rules.begin() + static_cast<std::ptrdiff_t>(at);
            if (weight == 0) {
                continue; // header-only canary: the plain rule stays with the primary
            }
        }
        for (BackendRef &b : primary->backends) {
            b.weight = total - weight;
        }
        canaryBackend.weight = weight;
        primary->backends.push_back(canaryBackend);
        backendProv(*primary, primary->backends.size() - 1,
                    s.canaryWeight ? s.canaryWeight.from : s.canary.from,
                    QT_TRANSLATE_NOOP("Diagnostics",
                                      "canary-weight: the canary gets weight/total of the "
                                      "requests, the primary the rest"));
    }
}

void IngressConversion::addBackendTlsPolicies(const ParsedIngress &ingress)
{
    const IngressSettings &s = ingress.settings;
    std::vector<std::pair<std::string, SourcePlace>> services; // service, why-place
    const bool nginxTls = s.backendProtocol && (s.backendProtocol.value == "HTTPS" ||
                                                s.backendProtocol.value == "GRPCS");
    if (nginxTls) {
        if (const Node *rules = ingress.object->at("spec.rules"); rules && rules->isList()) {
            for (const Node &rule : rules->items()) {
                if (const Node *paths = rule.at("http.paths"); paths && paths->isList()) {
                    for (const Node &p : paths->items()) {
                        const std::string svc = str(p["backend"]["service"], "name");
                        if (!svc.empty()) {
                            services.emplace_back(svc, s.backendProtocol.from);
                        }
                    }
                }
            }
        }
    }
    if (s.sslServices) {
        for (const std::string &svc : s.sslServices.value) {
            services.emplace_back(svc, s.sslServices.from);
        }
    }
    for (const auto &[svc, from] : services) {
        const std::string name =
            nginxTls ? svc + "-backend-tls" : ingress.name + "-" + svc + "-backend-tls";
        if (!m_policyNames.insert(ingress.ns + "/" + name).second) {
            continue;
        }
        Node validation = Node::map();
        std::string hostname = svc + "." + ingress.ns + ".svc";
        bool guessed = true;
        if (nginxTls && s.proxySslName) {
            hostname = s.proxySslName.value;
            guessed = false;
        }
        validation.set("hostname", Node::string(hostname));
        bool caFromSecret = false;
        if (nginxTls && s.proxySslVerify && s.proxySslVerify.value && s.proxySslSecret) {
            std::string secret = s.proxySslSecret.value;
            std::string secretNs = ingress.ns;
            if (const std::size_t slash = secret.find('/'); slash != std::string::npos) {
                secretNs = secret.substr(0, slash);
                secret = secret.substr(slash + 1);
            }
            if (secretNs != ingress.ns) {
                note(Severity::Error, "convert.ingress.backend-tls-namespace",
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "proxy-ssl-secret %1 is in namespace %2; a "
                                            "BackendTLSPolicy can only use CA certificates from "
                                            "its own namespace (%3)"),
                          {secret, secretNs, ingress.ns}),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "copy the CA certificate into a ConfigMap in the "
                                            "Ingress's namespace")),
                     ingress.file, s.proxySslSecret.from);
            } else {
                Node ref = Node::map();
                ref.set("group", Node::string(""));
                ref.set("kind", Node::string("ConfigMap"));
                ref.set("name", Node::string(secret));
                Node refs = Node::list();
                refs.append(ref);
                validation.set("caCertificateRefs", refs);
                caFromSecret = true;
                note(Severity::Warning, "convert.ingress.backend-tls-ca",
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "BackendTLSPolicy %1 reads the CA from ConfigMap %2; "
                                            "ingress-nginx read it from the Secret of that name"),
                          {name, secret}),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "create a ConfigMap %1 with the key ca.crt holding "
                                            "the Secret's ca.crt"),
                          {secret}),
                     ingress.file, s.proxySslSecret.from);
            }
        }
        if (!caFromSecret) {
            validation.set("wellKnownCACertificates", Node::string("System"));
        }
        Node target = Node::map();
        target.set("group", Node::string(""));
        target.set("kind", Node::string("Service"));
        target.set("name", Node::string(svc));
        Node targets = Node::list();
        targets.append(target);
        Node spec = Node::map();
        spec.set("targetRefs", targets);
        spec.set("validation", validation);
        Node metadata = Node::map();
        metadata.set("name", Node::string(name));
        metadata.set("namespace", Node::string(ingress.ns));
        Node policy = Node::map();
        policy.set("apiVersion", Node::string(kGatewayApiVersion));
        policy.set("kind", Node::string("BackendTLSPolicy"));
        policy.set("metadata", metadata);
        policy.set("spec", spec);
        m_policies.push_back(policy);
        const std::string resource = "BackendTLSPolicy " + ingress.ns + "/" + name;
        addProvenance(resource, "spec.targetRefs[0]", ingress.file, from,
                      QT_TRANSLATE_NOOP("Diagnostics",
                                        "the backend speaks TLS: a BackendTLSPolicy makes the "
                                        "gateway connect to the Service with TLS"));
        if (guessed || !caFromSecret) {
            note(Severity::Warning, "convert.ingress.backend-tls-guess",
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "BackendTLSPolicy %1: check validation.hostname (%2) and "
                                        "the CA (%3); Gateway API always verifies the backend's "
                                        "certificate, NGINX did not unless told to"),
                      {name, hostname, caFromSecret ? "caCertificateRefs" : "System"}),
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "set validation.hostname to a name in the backend's "
                                        "certificate and caCertificateRefs to a ConfigMap with "
                                        "the CA that signed it")),
                 ingress.file, from);
        }
    }
    if (nginxTls && (s.proxySslVerify && !s.proxySslVerify.value)) {
        note(Severity::Info, "convert.ingress.backend-tls-verify",
             text(QT_TRANSLATE_NOOP("Diagnostics",
                                    "proxy-ssl-verify \"off\" cannot be kept: BackendTLSPolicy "
                                    "always verifies")),
             {}, ingress.file, s.proxySslVerify.from);
    }
}

// ---------------------------------------------------------------------------------------------
// Emitting

std::string IngressConversion::addListener(GatewayBuild &gateway, const std::string &host,
                                           long long port, const std::string &protocol,
                                           bool customPort, const std::vector<std::string> &secrets,
                                           const char *tlsMode, const SourcePlace &from)
{
    std::string suffix = protocol == "TLS"     ? "tls-passthrough"
                         : protocol == "HTTPS" ? "https"
                                               : "http";
    std::string name = hostSlug(host) + "-" + suffix;
    if (customPort) {
        name += "-" + std::to_string(port);
    }
    if (gateway.names.count(name)) {
        return name;
    }
    gateway.names.insert(name);
    Node listener = Node::map();
    listener.set("name", Node::string(name));
    if (!host.empty()) {
        listener.set("hostname", Node::string(host));
    }
    listener.set("port", Node::integer(port));
    listener.set("protocol", Node::string(protocol));
    if (tlsMode) {
        Node tls = Node::map();
        tls.set("mode", Node::string(tlsMode));
        if (!secrets.empty()) {
            Node refs = Node::list();
            for (const std::string &secret : secrets) {
                Node ref = Node::map();
                ref.set("group", Node::string(""));
                ref.set("kind", Node::string("Secret"));
                ref.set("name", Node::string(secret));
                refs.append(ref);
            }
            tls.set("certificateRefs", refs);
        }
        listener.set("tls", tls);
    }
    gateway.listenerProv.push_back(
        {"spec.listeners[" + std::to_string(gateway.listeners.size()) + "]", from,
         protocol == "TLS"
             ? QT_TRANSLATE_NOOP("Diagnostics", "ssl-passthrough: a TLS listener in Passthrough "
                                                "mode for the host")
         : protocol == "HTTPS"
             ? QT_TRANSLATE_NOOP("Diagnostics",
                                 "a host listed in spec.tls gets an HTTPS listener with its "
                                 "Secret")
             : QT_TRANSLATE_NOOP("Diagnostics",
                                 "every host of the Ingress gets an HTTP listener")});
    gateway.listeners.push_back(listener);
    return name;
}

Node IngressConversion::ruleNode(const RouteRule &rule, bool grpc, const std::string &ruleBase,
                                 const std::string &resource, const std::string &file)
{
    Node n = Node::map();
    if (rule.hasMatch && rule.extraMatches.isList()) {
        n.set("matches", rule.extraMatches);
    } else if (rule.hasMatch) {
        Node matches = Node::list();
        matches.append(rule.match);
        n.set("matches", matches);
    }
    if (!rule.filters.empty()) {
        Node filters = Node::list();
        for (const Node &f : rule.filters) {
            filters.append(f);
        }
        n.set("filters", filters);
    }
    if (!rule.backends.empty()) {
        Node refs = Node::list();
        for (const BackendRef &b : rule.backends) {
            Node ref = Node::map();
            ref.set("name", Node::string(b.name));
            ref.set("port", Node::integer(b.port));
            if (b.weight >= 0) {
                ref.set("weight", Node::integer(b.weight));
            }
            refs.append(ref);
        }
        n.set("backendRefs", refs);
    }
    if (!rule.timeouts.isNull() && !grpc) {
        n.set("timeouts", rule.timeouts);
    }
    for (const Prov &p : rule.prov) {
        addProvenance(resource, p.targetPath.empty() ? ruleBase : ruleBase + "." + p.targetPath,
                      file, p.from, p.why);
    }
    return n;
}

Node objectSkeleton(const char *apiVersion, const char *kind, const std::string &name,
                    const std::string &ns)
{
    Node metadata = Node::map();
    metadata.set("name", Node::string(name));
    metadata.set("namespace", Node::string(ns));
    Node o = Node::map();
    o.set("apiVersion", Node::string(apiVersion));
    o.set("kind", Node::string(kind));
    o.set("metadata", metadata);
    return o;
}

Node parentRef(const std::string &gateway, const std::string &section)
{
    Node ref = Node::map();
    ref.set("name", Node::string(gateway));
    if (!section.empty()) {
        ref.set("sectionName", Node::string(section));
    }
    return ref;
}

void IngressConversion::emitRoute(const HostRoute &route, GatewayBuild &gateway)
{
    const bool tls = !route.secrets.empty();
    const bool hasHttpContent = !route.httpRules.empty() || !route.grpcRules.empty();
    std::vector<std::string> httpListeners;
    std::vector<std::string> httpsListeners;
    const char *hostWhy = QT_TRANSLATE_NOOP("Diagnostics", "the Ingress rule's host");

    if (hasHttpContent || route.redirectToHttps) {
        const std::vector<long long> httpPorts =
            route.httpPorts.empty() ? std::vector<long long>{80} : route.httpPorts;
        for (long long port : httpPorts) {
            httpListeners.push_back(addListener(gateway, route.host, port, "HTTP",
                                                !route.httpPorts.empty(), {}, nullptr,
                                                route.hostFrom));
        }
        if (tls && !route.passthrough) {
            const std::vector<long long> httpsPorts =
                route.httpsPorts.empty() ? std::vector<long long>{443} : route.httpsPorts;
            for (long long port : httpsPorts) {
                httpsListeners.push_back(addListener(gateway, route.host, port, "HTTPS",
                                                     !route.httpsPorts.empty(), route.secrets,
                                                     "Terminate", route.tlsFrom));
            }
        }
    }
    const bool split = route.redirectToHttps && !httpsListeners.empty();

    // A route holds at most 16 rules (CRD maxItems); more go to "<name>-2", "<name>-3" … on the
    // same parents and hostname: Gateway API orders rules across routes by the same precedence.
    const auto emitOne = [&](const char *kind, const std::string &baseName,
                             const std::vector<RouteRule> &allRules,
                             const std::vector<std::string> &sections, bool grpc) {
        constexpr std::size_t kMaxRules = 16;
        for (std::size_t chunk = 0; chunk * kMaxRules < allRules.size(); ++chunk) {
            const std::string name =
                chunk == 0 ? baseName : baseName + "-" + std::to_string(chunk + 1);
            Node object = objectSkeleton(kGatewayApiVersion, kind, name, route.ns);
            const std::string resource = std::string(kind) + " " + route.ns + "/" + name;
            Node spec = Node::map();
            Node parents = Node::list();
            if (sections.empty()) {
                parents.append(parentRef(route.gateway, ""));
            }
            for (const std::string &section : sections) {
                parents.append(parentRef(route.gateway, section));
            }
            spec.set("parentRefs", parents);
            if (!route.host.empty()) {
                spec.set("hostnames", stringList({route.host}));
                addProvenance(resource, "spec.hostnames[0]", route.file, route.hostFrom, hostWhy);
            }
            Node ruleList = Node::list();
            const std::size_t end = std::min(allRules.size(), (chunk + 1) * kMaxRules);
            for (std::size_t i = chunk * kMaxRules; i < end; ++i) {
                ruleList.append(ruleNode(
                    allRules[i], grpc, "spec.rules[" + std::to_string(i - chunk * kMaxRules) + "]",
                    resource, route.file));
            }
            spec.set("rules", ruleList);
            object.set("spec", spec);
            m_result.objects.push_back(std::move(object));
        }
    };

    if (!route.httpRules.empty()) {
        emitOne("HTTPRoute", route.name, route.httpRules,
                split ? httpsListeners : std::vector<std::string>{}, false);
    }
    if (!route.grpcRules.empty()) {
        emitOne("GRPCRoute", route.name + (route.httpRules.empty() ? "" : "-grpc"), route.grpcRules,
                split ? httpsListeners : std::vector<std::string>{}, true);
        if (!route.httpRules.empty()) {
            note(Severity::Warning, "convert.ingress.grpc-and-http",
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "host \"%1\" has both gRPC and HTTP backends; a GRPCRoute "
                                        "and an HTTPRoute for the same hostname on one listener "
                                        "conflict in Gateway API"),
                      {route.host}),
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "serve the gRPC services under their own hostname")),
                 route.file, route.hostFrom);
        }
    }
    if (split) {
        // HTTP → HTTPS: the host's port-80 listeners only redirect (rules whose Ingress said
        // ssl-redirect "false" are still served there, and win over the catch-all redirect).
        std::vector<RouteRule> rules;
        for (const RouteRule &r : route.httpRules) {
            if (r.servedOnHttp) {
                rules.push_back(r);
            }
        }
        RouteRule redirect;
        redirect.hasMatch = false;
        Node r = Node::map();
        r.set("scheme", Node::string("https"));
        if (!route.httpsPorts.empty() && route.httpsPorts.front() != 443) {
            // The HTTPS listener is on a custom port (nginx.org/listen-ports-ssl): say so, or
            // the client would go to 443.
            r.set("port", Node::integer(route.httpsPorts.front()));
        }
        r.set("statusCode", Node::integer(route.redirectCode));
        Node filter = Node::map();
        filter.set("type", Node::string("RequestRedirect"));
        filter.set("requestRedirect", r);
        redirect.filters.push_back(filter);
        redirect.prov.push_back(
            {"filters[0]", route.redirectFrom,
             route.redirectCode == 308
                 ? QT_TRANSLATE_NOOP("Diagnostics", "ingress-nginx redirects HTTP to HTTPS "
                                                    "(308) for hosts with TLS unless "
                                                    "ssl-redirect is \"false\"")
                 : QT_TRANSLATE_NOOP("Diagnostics", "NGINX Ingress Controller redirects "
                                                    "HTTP to HTTPS (301) for hosts with TLS "
                                                    "unless ssl-redirect is \"false\"")});
        rules.push_back(redirect);
        emitOne("HTTPRoute", route.name + "-http", rules, httpListeners, false);
    }
    if (route.fromToWww) {
        emitWwwRedirect(route, gateway,
                        httpsListeners.empty() ? std::vector<std::string>{} : route.secrets);
    }
    if (route.passthrough && !route.passthroughBackends.empty()) {
        const std::string section = addListener(gateway, route.host, 443, "TLS", false, {},
                                                "Passthrough", route.passthroughFrom);
        Node object = objectSkeleton(kGatewayApiVersion, "TLSRoute", route.name, route.ns);
        const std::string resource = "TLSRoute " + route.ns + "/" + route.name;
        Node spec = Node::map();
        Node parents = Node::list();
        parents.append(parentRef(route.gateway, section));
        spec.set("parentRefs", parents);
        spec.set("hostnames", stringList({route.host}));
        RouteRule rule;
        rule.hasMatch = false;
        rule.backends = route.passthroughBackends;
        rule.prov.push_back(
            {"", route.passthroughFrom,
             QT_TRANSLATE_NOOP("Diagnostics", "ssl-passthrough: the TLS connection goes to the "
                                              "backend undecrypted, chosen by SNI")});
        Node ruleList = Node::list();
        ruleList.append(ruleNode(rule, true, "spec.rules[0]", resource, route.file));
        spec.set("rules", ruleList);
        object.set("spec", spec);
        m_result.objects.push_back(std::move(object));
        if (route.host.empty()) {
            note(Severity::Warning, "convert.ingress.passthrough-host",
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "ssl-passthrough without a host: the TLSRoute takes every "
                                        "TLS connection on port 443")),
                 {}, route.file, route.passthroughFrom);
        }
    }
}

// from-to-www-redirect: ingress-nginx answers the other form of the host (www.example.com ↔
// example.com) with a redirect to the written one, unless that other host has rules of its own.
void IngressConversion::emitWwwRedirect(const HostRoute &route, GatewayBuild &gateway,
                                        const std::vector<std::string> &secrets)
{
    if (route.host.empty() || route.host.front() == '*') {
        note(Severity::Warning, "convert.ingress.www-redirect",
             text(QT_TRANSLATE_NOOP("Diagnostics",
                                    "from-to-www-redirect needs a host that is not a wildcard; "
                                    "not converted")),
             {}, route.file, route.fromToWwwFrom);
        return;
    }
    const std::string source =
        route.host.rfind("www.", 0) == 0 ? route.host.substr(4) : "www." + route.host;
    if (m_routeIndex.count(route.ns + "/" + route.gateway + "/" + source)) {
        return; // the other host is served by its own rules, as in ingress-nginx
    }
    const std::string http =
        addListener(gateway, source, 80, "HTTP", false, {}, nullptr, route.fromToWwwFrom);
    (void)http;
    if (!secrets.empty()) {
        addListener(gateway, source, 443, "HTTPS", false, secrets, "Terminate",
                    route.fromToWwwFrom);
    }
    const std::string name = route.name + "-www-redirect";
    Node object = objectSkeleton(kGatewayApiVersion, "HTTPRoute", name, route.ns);
    const std::string resource = "HTTPRoute " + route.ns + "/" + name;
    Node spec = Node::map();
    Node parents = Node::list();
    parents.append(parentRef(route.gateway, ""));
    spec.set("parentRefs", parents);
    spec.set("hostnames", stringList({source}));
    RouteRule rule;
    rule.hasMatch = false;
    Node r = Node::map();
    r.set("hostname", Node::string(route.host));
    r.set("statusCode", Node::integer(308));
    Node filter = Node::map();
    filter.set("type", Node::string("RequestRedirect"));
    filter.set("requestRedirect", r);
    rule.filters.push_back(filter);
    rule.prov.push_back(
        {"filters[0]", route.fromToWwwFrom,
         QT_TRANSLATE_NOOP("Diagnostics", "from-to-www-redirect: requests for the other form of "
                                          "the host are redirected (308) to the written host")});
    Node rules = Node::list();
    rules.append(ruleNode(rule, false, "spec.rules[0]", resource, route.file));
    spec.set("rules", rules);
    object.set("spec", spec);
    m_result.objects.push_back(std::move(object));
}

void IngressConversion::emit()
{
    // Routes first (they add listeners), then Gateways in front of them.
    std::vector<Node> routes;
    for (const HostRoute &route : m_routes) {
        GatewayBuild &gateway = m_gateways.at(route.ns + "/" + route.gateway);
        emitRoute(route, gateway);
    }
    routes.swap(m_result.objects);
    for (const std::string &key : m_gatewayOrder) {
        GatewayBuild &g = m_gateways.at(key);
        if (g.listeners.empty()) {
            continue; // its Ingresses had no usable path: a Gateway needs at least one listener
        }
        Node object = objectSkeleton(kGatewayApiVersion, "Gateway", g.name, g.ns);
        const std::string resource = "Gateway " + g.ns + "/" + g.name;
        Node spec = Node::map();
        spec.set("gatewayClassName", Node::string(g.className));
        Node listeners = Node::list();
        for (const Node &l : g.listeners) {
            listeners.append(l);
        }
        spec.set("listeners", listeners);
        object.set("spec", spec);
        addProvenance(resource, "spec.gatewayClassName", g.file, g.classFrom,
                      m_options.gatewayClass.empty()
                          ? QT_TRANSLATE_NOOP("Diagnostics",
                                              "one Gateway per ingress class; its GatewayClass "
                                              "has the class's name")
                          : QT_TRANSLATE_NOOP("Diagnostics",
                                              "one Gateway per ingress class; the GatewayClass "
                                              "comes from --gateway-class"));
        for (const Prov &p : g.listenerProv) {
            addProvenance(resource, p.targetPath, g.file, p.from, p.why);
        }
        m_result.objects.push_back(std::move(object));
    }
    for (Node &r : routes) {
        m_result.objects.push_back(std::move(r));
    }
    for (Node &p : m_policies) {
        m_result.objects.push_back(std::move(p));
    }
}

Conversion IngressConversion::run()
{
    readServices();
    readIngresses();
    if (m_ingresses.empty() && !Core::hasErrors(m_result.notes)) {
        Core::Diagnostic d = Core::makeDiagnostic(
            Severity::Error, "convert.ingress.none",
            text(QT_TRANSLATE_NOOP("Diagnostics", "no networking.k8s.io/v1 Ingress in the input")));
        d.file = m_inputs.empty() ? std::string() : m_inputs.front().file;
        m_result.notes.push_back(std::move(d));
        return std::move(m_result);
    }
    markRegexHosts();
    for (const ParsedIngress &ingress : m_ingresses) {
        if (!ingress.skip) {
            buildIngress(ingress);
        }
    }
    mergeCanaries();
    emit();
    // Notes in source order: file, line, column.
    std::stable_sort(m_result.notes.begin(), m_result.notes.end(),
                     [](const Core::Diagnostic &a, const Core::Diagnostic &b) {
                         return std::tie(a.file, a.line, a.column) <
                                std::tie(b.file, b.line, b.column);
                     });
    return std::move(m_result);
}

} // namespace

Claim claimIngress(const Model::Node &object)
{
    if (!object.isMap() || str(object, "kind") != "Ingress") {
        return Claim::NotMine;
    }
    const std::string apiVersion = str(object, "apiVersion");
    if (apiVersion == "networking.k8s.io/v1") {
        return Claim::Mine;
    }
    if (apiVersion == "extensions/v1beta1" || apiVersion == "networking.k8s.io/v1beta1") {
        return Claim::Error;
    }
    return Claim::NotMine;
}

Conversion convertIngresses(const std::vector<IngressInput> &inputs, const IngressOptions &options)
{
    return IngressConversion(inputs, options).run();
}

} // namespace Torii::Convert
