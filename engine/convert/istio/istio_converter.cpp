#include "istio_converter.h"

#include "engine/yaml/yaml_loader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace Torii::Convert {

namespace {

using Core::Severity;
using Model::Node;

constexpr std::string_view kIstioGroup = "networking.istio.io/";
constexpr const char *kGatewayApi = "gateway.networking.k8s.io/v1";

Node str(std::string s)
{
    return Node::string(std::move(s));
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string upper(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

Node makeObject(const std::string &kind, const std::string &name, const std::string &ns)
{
    Node object = Node::map();
    object.set("apiVersion", str(kGatewayApi));
    object.set("kind", str(kind));
    Node metadata = Node::map();
    metadata.set("name", str(name));
    if (!ns.empty()) {
        metadata.set("namespace", str(ns));
    }
    object.set("metadata", std::move(metadata));
    object.set("spec", Node::map());
    return object;
}

// Go-style duration ("5s", "1.5s", "1m30s", "250ms") → milliseconds; -1 when unreadable.
long long durationMillis(const std::string &text)
{
    if (text.empty()) {
        return -1;
    }
    double total = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t start = i;
        while (i < text.size() &&
               (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) {
            ++i;
        }
        if (start == i) {
            return -1;
        }
        const double value = std::strtod(text.substr(start, i - start).c_str(), nullptr);
        std::size_t unitStart = i;
        while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) {
            ++i;
        }
        const std::string unit = text.substr(unitStart, i - unitStart);
        double factor = 0;
        if (unit == "h") {
            factor = 3600000;
        } else if (unit == "m") {
            factor = 60000;
        } else if (unit == "s") {
            factor = 1000;
        } else if (unit == "ms") {
            factor = 1;
        } else {
            return -1;
        }
        total += value * factor;
    }
    return std::llround(total);
}

// Milliseconds → a Gateway API Duration (^([0-9]{1,5}(h|m|s|ms)){1,4}$).
std::string gatewayDuration(long long ms)
{
    if (ms % 1000 != 0) {
        return std::to_string(ms) + "ms";
    }
    const long long s = ms / 1000;
    if (s <= 99999) {
        return std::to_string(s) + "s";
    }
    return std::to_string(s / 60) + "m" + (s % 60 ? std::to_string(s % 60) + "s" : std::string());
}

struct GatewayEntry
{
    std::size_t objectIndex = 0;
    std::string ns; // effective namespace ("default" when unset)
    std::set<std::string> routeNamespaces;
};

class Run
{
public:
    Run(std::string gatewayClassName, std::string defaultNamespace)
        : m_gatewayClassName(std::move(gatewayClassName))
        , m_defaultNamespace(std::move(defaultNamespace))
    {}

    Conversion out;
    std::map<std::string, GatewayEntry> gateways; // "ns/name" → converted Gateway

    void note(Severity severity, const char *code, Core::Text message, Core::Text hint,
              const std::string &file, Model::Mark mark, std::string fieldPath)
    {
        Core::Diagnostic d =
            Core::makeDiagnostic(severity, code, std::move(message), std::move(hint));
        d.file = file;
        d.line = static_cast<int>(mark.line);
        d.column = static_cast<int>(mark.column);
        d.fieldPath = std::move(fieldPath);
        out.notes.push_back(std::move(d));
    }

    // Every key of `map` not in `handled` is reported as not converted.
    void reportIgnored(const std::string &file, const Node &map,
                       std::initializer_list<std::string_view> handled, const std::string &path)
    {
        if (!map.isMap()) {
            return;
        }
        for (const Node::Entry &e : map.entries()) {
            if (std::find(handled.begin(), handled.end(), e.key) != handled.end()) {
                continue;
            }
            note(Severity::Warning, "convert.istio.ignored",
                 Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "this Istio field is not converted: the Gateway "
                                              "API has no equivalent")),
                 {}, file, e.keyMark, path + "." + e.key);
        }
    }

    void provenance(const Node &object, const std::string &targetPath, const std::string &file,
                    const std::string &sourcePath, Model::Mark mark, Core::Text why)
    {
        Provenance p;
        p.targetResource =
            object["kind"].str() + " " +
            (object["metadata"]["namespace"].str().empty()
                 ? object["metadata"]["name"].str()
                 : object["metadata"]["namespace"].str() + "/" + object["metadata"]["name"].str());
        p.targetPath = targetPath;
        p.sourceFile = file;
        p.sourcePointer = sourcePath;
        p.sourceMark = mark;
        p.explanation = std::move(why);
        out.provenance.push_back(std::move(p));
    }

    void convertGateway(const IstioConverter::Document &doc);
    void convertVirtualService(const IstioConverter::Document &doc);

private:
    std::string namespaceOf(const Node &root) const
    {
        const std::string ns = root["metadata"]["namespace"].str();
        return ns.empty() ? m_defaultNamespace : ns;
    }

    std::string m_gatewayClassName;
    std::string m_defaultNamespace;

    Node backendRef(const std::string &file, const Node &destination, const std::string &ns,
                    const std::string &path, bool withWeight, const Node *weight);
    std::vector<Node> httpRoutes(const std::string &file, const Node &http, const std::string &path,
                                 const std::string &baseName, const std::string &ns,
                                 const Node &parentRefs, const Node &hostnames);
};

void Run::convertGateway(const IstioConverter::Document &doc)
{
    const Node &root = doc.root;
    const std::string name = root["metadata"]["name"].str();
    const std::string ns = namespaceOf(root);
    Node gateway = makeObject("Gateway", name, ns);
    Node spec = Node::map();
    spec.set("gatewayClassName", str(m_gatewayClassName));
    Node listeners = Node::list();
    std::set<std::string> listenerNames;
    std::set<std::string> listenerIdentities;

    reportIgnored(doc.file, root["spec"], {"servers", "selector"}, "spec");
    if (root["spec"].has("selector")) {
        note(Severity::Info, "convert.istio.selector",
             Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                          "not converted: a Gateway API Gateway gets its own "
                                          "deployment from its GatewayClass")),
             {}, doc.file, root["spec"].findEntry("selector")->keyMark, "spec.selector");
    }
    const Node &servers = root["spec"]["servers"];
    for (std::size_t si = 0; si < servers.items().size(); ++si) {
        const Node &server = servers.items()[si];
        const std::string spath = "spec.servers[" + std::to_string(si) + "]";
        reportIgnored(doc.file, server, {"port", "hosts", "tls", "name"}, spath);
        const Node &port = server["port"];
        reportIgnored(doc.file, port, {"number", "protocol", "name"}, spath + ".port");
        const std::string istioProtocol = upper(port["protocol"].str());
        const bool hasTls = server.has("tls") && server["tls"].isMap();
        std::string protocol;
        if (istioProtocol == "HTTP" || istioProtocol == "HTTPS" || istioProtocol == "TCP" ||
            istioProtocol == "TLS") {
            protocol = istioProtocol;
        } else if (istioProtocol == "HTTP2" || istioProtocol == "GRPC" ||
                   istioProtocol == "GRPC-WEB") {
            protocol = hasTls ? "HTTPS" : "HTTP";
        } else if (istioProtocol == "MONGO" || istioProtocol == "REDIS" ||
                   istioProtocol == "MYSQL") {
            protocol = "TCP";
        } else {
            note(Severity::Warning, "convert.istio.protocol",
                 Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "server protocol \"%1\" has no Gateway API listener "
                                              "protocol; the server is left out"),
                            {port["protocol"].str()}),
                 {}, doc.file, port["protocol"].mark(), spath + ".port.protocol");
            continue;
        }

        Node tls;
        const Node &istioTls = server["tls"];
        if (hasTls) {
            reportIgnored(doc.file, istioTls, {"mode", "credentialName", "httpsRedirect"},
                          spath + ".tls");
            if (istioTls["httpsRedirect"].asBool()) {
                note(Severity::Warning, "convert.istio.https-redirect",
                     Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "tls.httpsRedirect is not converted: add an "
                                                  "HTTPRoute on the HTTP listener with a "
                                                  "RequestRedirect filter (scheme: https)")),
                     {}, doc.file, istioTls.findEntry("httpsRedirect")->keyMark,
                     spath + ".tls.httpsRedirect");
            }
        }
        if (protocol == "TLS" && !hasTls) {
            // Istio routes a TLS server without a tls block by SNI without terminating it.
            tls = Node::map();
            tls.set("mode", str("Passthrough"));
        }
        if (protocol == "HTTPS" || (protocol == "TLS" && hasTls)) {
            const std::string mode =
                istioTls["mode"].isString() ? upper(istioTls["mode"].str()) : std::string("SIMPLE");
            std::string gwMode;
            if (mode == "SIMPLE" || mode == "MUTUAL") {
                gwMode = "Terminate";
            } else if (mode == "PASSTHROUGH" || mode == "AUTO_PASSTHROUGH") {
                gwMode = "Passthrough";
            } else {
                note(Severity::Warning, "convert.istio.tls-mode",
                     Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "TLS mode %1 has no Gateway API equivalent; the "
                                                  "listener gets no tls section"),
                                {mode}),
                     {}, doc.file, istioTls["mode"].mark(), spath + ".tls.mode");
            }
            if (mode == "MUTUAL") {
                note(Severity::Warning, "convert.istio.mutual",
                     Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "client certificate checks (MUTUAL) are not "
                                                  "converted: configure spec.tls.frontend on the "
                                                  "Gateway")),
                     {}, doc.file, istioTls["mode"].mark(), spath + ".tls.mode");
            }
            if (!gwMode.empty()) {
                tls = Node::map();
                tls.set("mode", str(gwMode));
                if (gwMode == "Terminate") {
                    if (istioTls["credentialName"].isString()) {
                        Node refs = Node::list();
                        Node ref = Node::map();
                        ref.set("name", str(istioTls["credentialName"].str()));
                        refs.append(std::move(ref));
                        tls.set("certificateRefs", std::move(refs));
                    } else {
                        note(Severity::Warning, "convert.istio.no-certificate",
                             Core::text(QT_TRANSLATE_NOOP(
                                 "Diagnostics",
                                 "the server has no credentialName: a listener that terminates "
                                 "TLS needs tls.certificateRefs naming a Secret (kubectl apply "
                                 "refuses it without one)")),
                             {}, doc.file,
                             server.findEntry("tls") ? server.findEntry("tls")->keyMark
                                                     : port.mark(),
                             spath + ".tls");
                    }
                }
            }
        }

        const Node &hosts = server["hosts"];
        for (std::size_t hi = 0; hi < hosts.items().size(); ++hi) {
            const std::string raw = hosts.items()[hi].str();
            std::string nsPart = "wildcard";
            std::string host = raw;
            if (const auto slash = raw.find('/'); slash != std::string::npos) {
                const std::string prefix = raw.substr(0, slash);
                host = raw.substr(slash + 1);
                nsPart = prefix == "*" ? "wildcard" : prefix == "." ? "dot" : lower(prefix);
                if (prefix != "*") {
                    note(Severity::Info, "convert.istio.host-namespace",
                         Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                                      "the namespace part of \"%1\" is not "
                                                      "converted: limit the listener's "
                                                      "allowedRoutes to that namespace if you "
                                                      "need it"),
                                    {raw}),
                         {}, doc.file, hosts.items()[hi].mark(),
                         spath + ".hosts[" + std::to_string(hi) + "]");
                }
            }
            host = lower(host);
            // A TCP listener cannot filter by host name (the CRD refuses a hostname), so its
            // hosts all share one listener.
            const std::string listenerHost = protocol == "TCP" ? std::string("*") : host;
            const std::string identity =
                std::to_string(port["number"].asInt()) + "/" + protocol + "/" + listenerHost;
            if (!listenerIdentities.insert(identity).second) {
                note(Severity::Info, "convert.istio.same-listener",
                     Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "\"%1\" gives the same listener (port, protocol "
                                                  "and hostname) as an earlier host; one listener "
                                                  "serves both"),
                                {raw}),
                     {}, doc.file, hosts.items()[hi].mark(),
                     spath + ".hosts[" + std::to_string(hi) + "]");
                continue;
            }
            std::string hostPart = host;
            for (std::size_t p = hostPart.find('*'); p != std::string::npos;
                 p = hostPart.find('*')) {
                hostPart.replace(p, 1, "wildcard");
            }
            std::string listenerName = lower(protocol) + "-protocol-" + nsPart + "-ns-" + hostPart;
            if (listenerNames.count(listenerName)) {
                // Listener names are the list's key: a second one with the same name is refused.
                std::string unique = listenerName + "-" + std::to_string(port["number"].asInt());
                for (int n = 2; listenerNames.count(unique); ++n) {
                    unique = listenerName + "-" + std::to_string(n);
                }
                listenerName = unique;
            }
            listenerNames.insert(listenerName);
            Node listener = Node::map();
            listener.set("name", str(listenerName));
            if (listenerHost != "*") {
                listener.set("hostname", str(listenerHost));
            }
            listener.set("port", Node::integer(port["number"].asInt()));
            listener.set("protocol", str(protocol));
            if (!tls.isNull()) {
                listener.set("tls", tls);
            }
            const std::string target =
                "spec.listeners[" + std::to_string(listeners.items().size()) + "]";
            listeners.append(std::move(listener));
            provenance(gateway, target, doc.file, spath + ".hosts[" + std::to_string(hi) + "]",
                       hosts.items()[hi].mark(),
                       Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                                    "one listener per host of each Istio server; "
                                                    "the port protocol becomes the listener "
                                                    "protocol")));
        }
    }
    spec.set("listeners", std::move(listeners));
    gateway.set("spec", std::move(spec));
    GatewayEntry entry;
    entry.objectIndex = out.objects.size();
    entry.ns = ns.empty() ? "default" : ns;
    gateways[entry.ns + "/" + name] = entry;
    out.objects.push_back(std::move(gateway));
}

Node Run::backendRef(const std::string &file, const Node &destination, const std::string &ns,
                     const std::string &path, bool withWeight, const Node *weight)
{
    reportIgnored(file, destination, {"host", "port", "subset"}, path);
    const std::string host = destination["host"].str();
    std::vector<std::string> labels;
    for (std::size_t start = 0;;) {
        const std::size_t dot = host.find('.', start);
        labels.push_back(
            host.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos) {
            break;
        }
        start = dot + 1;
    }
    std::string name = labels[0];
    std::string backendNs = ns;
    if (labels.size() >= 2) {
        backendNs = labels[1];
        const bool kubernetesName =
            labels.size() == 2 || (labels.size() >= 3 && labels[2] == "svc");
        if (!kubernetesName) {
            note(Severity::Warning, "convert.istio.external-host",
                 Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "\"%1\" is not a Kubernetes Service name "
                                              "(name.namespace.svc…); it is read as Service %2 in "
                                              "namespace %3: check it"),
                            {host, name, backendNs}),
                 {}, file, destination["host"].mark(), path + ".host");
        }
    }
    if (destination.has("subset")) {
        note(Severity::Warning, "convert.istio.subset",
             Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                          "subset \"%1\" is not converted (it lives in a "
                                          "DestinationRule): point a Service of its own at the "
                                          "subset's pods and use that Service"),
                        {destination["subset"].str()}),
             {}, file, destination["subset"].mark(), path + ".subset");
    }
    Node ref = Node::map();
    ref.set("name", str(name));
    if (backendNs != ns) {
        ref.set("namespace", str(backendNs));
    }
    if (destination["port"]["number"].isInt()) {
        ref.set("port", Node::integer(destination["port"]["number"].asInt()));
    } else {
        note(Severity::Warning, "convert.istio.no-port",
             Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                          "the destination has no port: Istio picks the "
                                          "Service's only port, the Gateway API requires one "
                                          "(kubectl apply refuses the route without it)")),
             Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                          "add destination.port.number, or port: to the "
                                          "generated backendRef")),
             file, destination.mark(), path);
    }
    if (withWeight && weight && weight->isInt()) {
        ref.set("weight", Node::integer(weight->asInt()));
    }
    return ref;
}

Node headerModifier(const Node &ops)
{
    Node modifier = Node::map();
    for (const char *op : {"add", "set"}) {
        if (!ops[op].isMap()) {
            continue;
        }
        Node list = Node::list();
        for (const Node::Entry &e : ops[op].entries()) {
            Node h = Node::map();
            h.set("name", str(e.key));
            h.set("value", str(e.value.asString()));
            list.append(std::move(h));
        }
        modifier.set(op, std::move(list));
    }
    if (ops["remove"].isList()) {
        Node list = Node::list();
        for (const Node &h : ops["remove"].items()) {
            list.append(str(h.asString()));
        }
        modifier.set("remove", std::move(list));
    }
    return modifier;
}

std::vector<Node> Run::httpRoutes(const std::string &file, const Node &http,
                                  const std::string &path, const std::string &baseName,
                                  const std::string &ns, const Node &parentRefs,
                                  const Node &hostnames)
{
    reportIgnored(file, http,
                  {"name", "match", "route", "redirect", "rewrite", "timeout", "mirror",
                   "mirrorPercentage", "mirrors", "headers", "corsPolicy"},
                  path);

    // ---- matches, split by how a URI rewrite has to treat them.
    std::vector<Node> fullPathMatches; // exact / regex uri
    std::vector<Node> prefixMatches;   // prefix uri, or no uri at all
    const Node &matches = http["match"];
    for (std::size_t mi = 0; mi < matches.items().size(); ++mi) {
        const Node &m = matches.items()[mi];
        const std::string mpath = path + ".match[" + std::to_string(mi) + "]";
        reportIgnored(file, m, {"uri", "headers", "queryParams", "method", "name"}, mpath);
        Node match = Node::map();
        bool fullPath = false;
        if (m["uri"].isMap()) {
            Node p = Node::map();
            if (m["uri"].has("prefix")) {
                p.set("type", str("PathPrefix"));
                p.set("value", str(m["uri"]["prefix"].str()));
            } else if (m["uri"].has("exact")) {
                p.set("type", str("Exact"));
                p.set("value", str(m["uri"]["exact"].str()));
                fullPath = true;
            } else if (m["uri"].has("regex")) {
                p.set("type", str("RegularExpression"));
                p.set("value", str(m["uri"]["regex"].str()));
                fullPath = true;
            }
            if (p.has("type")) {
                match.set("path", std::move(p));
            }
        }
        for (const char *kind : {"headers", "queryParams"}) {
            if (!m[kind].isMap()) {
                continue;
            }
            Node list = Node::list();
            for (const Node::Entry &e : m[kind].entries()) {
                Node hm = Node::map();
                if (e.value.has("exact")) {
                    hm.set("type", str("Exact"));
                    hm.set("name", str(e.key));
                    hm.set("value", str(e.value["exact"].asString()));
                } else if (e.value.has("regex")) {
                    hm.set("type", str("RegularExpression"));
                    hm.set("name", str(e.key));
                    hm.set("value", str(e.value["regex"].asString()));
                } else {
                    note(Severity::Warning, "convert.istio.string-match",
                         Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                                      "%1 match on \"%2\" is not converted: only "
                                                      "exact and regex have a Gateway API "
                                                      "equivalent"),
                                    {kind, e.key}),
                         {}, file, e.keyMark, mpath + "." + kind + "." + e.key);
                    continue;
                }
                list.append(std::move(hm));
            }
            if (!list.items().empty()) {
                match.set(kind, std::move(list));
            }
        }
        if (m["method"].has("exact")) {
            match.set("method", str(upper(m["method"]["exact"].str())));
        } else if (m["method"].isMap()) {
            note(Severity::Warning, "convert.istio.method",
                 Core::text(
                     QT_TRANSLATE_NOOP("Diagnostics", "only an exact method match is converted")),
                 {}, file, m["method"].mark(), mpath + ".method");
        }
        (fullPath ? fullPathMatches : prefixMatches).push_back(std::move(match));
    }

    // ---- what every rule of this http entry shares.
    Node filters = Node::list();
    Node backendRefs = Node::list();
    const bool redirects = http["redirect"].isMap();
    if (redirects) {
        const Node &r = http["redirect"];
        reportIgnored(file, r, {"uri", "redirectCode", "scheme", "port", "authority"},
                      path + ".redirect");
        Node redirect = Node::map();
        if (r.has("scheme")) {
            redirect.set("scheme", str(r["scheme"].str()));
        }
        if (r.has("authority")) {
            redirect.set("hostname", str(r["authority"].str()));
        }
        if (r.has("uri")) {
            Node p = Node::map();
            p.set("type", str("ReplaceFullPath"));
            p.set("replaceFullPath", str(r["uri"].str()));
            redirect.set("path", std::move(p));
        }
        if (r.has("port")) {
            redirect.set("port", Node::integer(r["port"].asInt()));
        }
        if (r.has("redirectCode")) {
            const auto code = r["redirectCode"].asInt();
            if (code == 301 || code == 302 || code == 303 || code == 307 || code == 308) {
                redirect.set("statusCode", Node::integer(code));
            } else {
                note(Severity::Warning, "convert.istio.redirect-code",
                     Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "redirect code %1 is not one the Gateway API "
                                                  "allows (301, 302, 303, 307, 308); 302 is used"),
                                {std::to_string(code)}),
                     {}, file, r["redirectCode"].mark(), path + ".redirect.redirectCode");
                redirect.set("statusCode", Node::integer(302));
            }
        }
        Node f = Node::map();
        f.set("type", str("RequestRedirect"));
        f.set("requestRedirect", std::move(redirect));
        filters.append(std::move(f));
        if (http.has("route")) {
            note(Severity::Warning, "convert.istio.redirect-and-route",
                 Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "a rule that redirects cannot also forward: the "
                                              "route destinations are left out (the CRD refuses "
                                              "RequestRedirect together with backendRefs)")),
                 {}, file, http.findEntry("route")->keyMark, path + ".route");
        }
    } else {
        const Node &route = http["route"];
        for (std::size_t ri = 0; ri < route.items().size(); ++ri) {
            const Node &dst = route.items()[ri];
            const std::string rpath = path + ".route[" + std::to_string(ri) + "]";
            reportIgnored(file, dst, {"destination", "weight"}, rpath);
            backendRefs.append(backendRef(file, dst["destination"], ns, rpath + ".destination",
                                          true, dst.find("weight")));
        }
    }

    auto mirrorFilter = [&](const Node &destination, const Node *percentage,
                            const std::string &mpath) {
        Node mirror = Node::map();
        mirror.set("backendRef", backendRef(file, destination, ns, mpath, false, nullptr));
        if (percentage && (*percentage)["value"].isNumber()) {
            const double value = (*percentage)["value"].asDouble();
            if (value == std::floor(value)) {
                mirror.set("percent", Node::integer(static_cast<std::int64_t>(value)));
            } else {
                Node fraction = Node::map();
                fraction.set("numerator", Node::integer(std::llround(value * 1000)));
                fraction.set("denominator", Node::integer(100000));
                mirror.set("fraction", std::move(fraction));
            }
        }
        Node f = Node::map();
        f.set("type", str("RequestMirror"));
        f.set("requestMirror", std::move(mirror));
        filters.append(std::move(f));
    };
    if (http["mirror"].isMap()) {
        mirrorFilter(http["mirror"], http.find("mirrorPercentage"), path + ".mirror");
    }
    const Node &mirrors = http["mirrors"];
    for (std::size_t i = 0; i < mirrors.items().size(); ++i) {
        const std::string mpath = path + ".mirrors[" + std::to_string(i) + "]";
        reportIgnored(file, mirrors.items()[i], {"destination", "percentage"}, mpath);
        mirrorFilter(mirrors.items()[i]["destination"], mirrors.items()[i].find("percentage"),
                     mpath + ".destination");
    }
    if (http["headers"].isMap()) {
        reportIgnored(file, http["headers"], {"request", "response"}, path + ".headers");
        for (const auto &[key, type, field] :
             {std::tuple{"request", "RequestHeaderModifier", "requestHeaderModifier"},
              std::tuple{"response", "ResponseHeaderModifier", "responseHeaderModifier"}}) {
            if (!http["headers"][key].isMap()) {
                continue;
            }
            Node f = Node::map();
            f.set("type", str(type));
            f.set(field, headerModifier(http["headers"][key]));
            filters.append(std::move(f));
        }
    }
    if (http["corsPolicy"].isMap()) {
        const Node &c = http["corsPolicy"];
        const std::string cpath = path + ".corsPolicy";
        reportIgnored(file, c,
                      {"allowOrigins", "allowMethods", "allowHeaders", "exposeHeaders", "maxAge",
                       "allowCredentials"},
                      cpath);
        Node cors = Node::map();
        Node origins = Node::list();
        for (std::size_t i = 0; i < c["allowOrigins"].items().size(); ++i) {
            const Node &o = c["allowOrigins"].items()[i];
            if (o.has("exact")) {
                origins.append(str(o["exact"].str()));
            } else {
                note(Severity::Warning, "convert.istio.cors-origin",
                     Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "this allowed origin is not converted: the "
                                                  "Gateway API CORS filter takes exact origins "
                                                  "and *. host wildcards, not prefixes or regular "
                                                  "expressions")),
                     {}, file, o.mark(), cpath + ".allowOrigins[" + std::to_string(i) + "]");
            }
        }
        if (!origins.items().empty()) {
            cors.set("allowOrigins", std::move(origins));
        }
        for (const char *key : {"allowMethods", "allowHeaders", "exposeHeaders"}) {
            if (c[key].isList()) {
                Node list = Node::list();
                for (const Node &v : c[key].items()) {
                    list.append(str(v.asString()));
                }
                cors.set(key, std::move(list));
            }
        }
        if (c["maxAge"].isString()) {
            const long long ms = durationMillis(c["maxAge"].str());
            if (ms >= 0) {
                cors.set("maxAge", Node::integer(ms / 1000));
            }
        }
        if (c["allowCredentials"].isBool()) {
            cors.set("allowCredentials", Node::boolean(c["allowCredentials"].asBool()));
        }
        Node f = Node::map();
        f.set("type", str("CORS"));
        f.set("cors", std::move(cors));
        filters.append(std::move(f));
    }
    Node timeouts;
    if (http["timeout"].isString()) {
        const long long ms = durationMillis(http["timeout"].str());
        if (ms < 0) {
            note(Severity::Warning, "convert.istio.timeout",
                 Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "timeout \"%1\" is not a duration; it is left out"),
                            {http["timeout"].str()}),
                 {}, file, http["timeout"].mark(), path + ".timeout");
        } else {
            timeouts = Node::map();
            timeouts.set("request", str(gatewayDuration(ms)));
        }
    }

    // ---- rules and routes. A URI rewrite replaces the whole path of exact/regex matches but only
    // the matched prefix of prefix matches; a rule has one URLRewrite and ReplacePrefixMatch needs
    // exactly one PathPrefix match, so prefix matches go to a second route, one rule each.
    const Node &rewrite = http["rewrite"];
    if (rewrite.isMap()) {
        reportIgnored(file, rewrite, {"uri", "authority"}, path + ".rewrite");
    }
    const bool rewritesUri = rewrite["uri"].isString();
    auto makeRule = [&](std::vector<Node> ruleMatches, const char *rewriteType) {
        Node rule = Node::map();
        if (!ruleMatches.empty()) {
            Node list = Node::list();
            for (Node &m : ruleMatches) {
                list.append(std::move(m));
            }
            rule.set("matches", std::move(list));
        }
        if (!backendRefs.items().empty()) {
            rule.set("backendRefs", backendRefs);
        }
        Node ruleFilters = filters;
        if (rewrite.isMap() && (rewriteType || rewrite.has("authority"))) {
            Node urlRewrite = Node::map();
            if (rewrite.has("authority")) {
                urlRewrite.set("hostname", str(rewrite["authority"].str()));
            }
            if (rewriteType) {
                Node p = Node::map();
                p.set("type", str(rewriteType));
                p.set(std::string(rewriteType) == "ReplaceFullPath" ? "replaceFullPath"
                                                                    : "replacePrefixMatch",
                      str(rewrite["uri"].str()));
                urlRewrite.set("path", std::move(p));
            }
            Node f = Node::map();
            f.set("type", str("URLRewrite"));
            f.set("urlRewrite", std::move(urlRewrite));
            ruleFilters.append(std::move(f));
        }
        if (!ruleFilters.items().empty()) {
            rule.set("filters", std::move(ruleFilters));
        }
        if (!timeouts.isNull()) {
            rule.set("timeouts", timeouts);
        }
        return rule;
    };
    auto makeRoute = [&](const std::string &name, Node rules) {
        Node route = makeObject("HTTPRoute", name, ns);
        Node spec = Node::map();
        if (!parentRefs.items().empty()) {
            spec.set("parentRefs", parentRefs);
        }
        if (!hostnames.items().empty()) {
            spec.set("hostnames", hostnames);
        }
        spec.set("rules", std::move(rules));
        route.set("spec", std::move(spec));
        return route;
    };

    std::vector<Node> routes;
    if (!rewritesUri) {
        std::vector<Node> all = fullPathMatches;
        all.insert(all.end(), prefixMatches.begin(), prefixMatches.end());
        Node rules = Node::list();
        rules.append(makeRule(std::move(all), nullptr));
        routes.push_back(makeRoute(baseName, std::move(rules)));
        return routes;
    }
    if (!fullPathMatches.empty()) {
        Node rules = Node::list();
        rules.append(makeRule(fullPathMatches, "ReplaceFullPath"));
        routes.push_back(makeRoute(baseName, std::move(rules)));
    }
    if (!prefixMatches.empty() || fullPathMatches.empty()) {
        Node rules = Node::list();
        if (prefixMatches.empty()) {
            rules.append(makeRule({}, "ReplacePrefixMatch"));
        }
        for (Node &m : prefixMatches) {
            rules.append(makeRule({std::move(m)}, "ReplacePrefixMatch"));
        }
        routes.push_back(makeRoute(baseName + "-prefix-match", std::move(rules)));
        if (!fullPathMatches.empty()) {
            note(Severity::Info, "convert.istio.rewrite-split",
                 Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "the rewrite is split into two HTTPRoutes: exact and "
                                              "regex matches replace the full path, prefix matches "
                                              "replace the matched prefix")),
                 {}, file, rewrite.mark(), path + ".rewrite");
        }
    }
    return routes;
}

std::string routeName(const std::string &vsName, const Node &entry, std::size_t index)
{
    if (entry["name"].isString() && !entry["name"].str().empty()) {
        return lower(vsName + "-" + entry["name"].str());
    }
    return lower(vsName + "-idx-" + std::to_string(index));
}

void Run::convertVirtualService(const IstioConverter::Document &doc)
{
    const Node &root = doc.root;
    const std::string &file = doc.file;
    const std::string name = root["metadata"]["name"].str();
    const std::string ns = namespaceOf(root);
    const std::string effectiveNs = ns.empty() ? "default" : ns;
    const Node &spec = root["spec"];
    reportIgnored(file, spec, {"hosts", "gateways", "http", "tls", "tcp", "exportTo"}, "spec");

    Node parentRefs = Node::list();
    const Node &gatewayNames = spec["gateways"];
    for (std::size_t gi = 0; gi < gatewayNames.items().size(); ++gi) {
        const std::string g = gatewayNames.items()[gi].str();
        if (g == "mesh") {
            note(Severity::Info, "convert.istio.mesh",
                 Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "the \"mesh\" gateway (sidecar traffic) is not "
                                              "converted: this route is for ingress only")),
                 {}, file, gatewayNames.items()[gi].mark(),
                 "spec.gateways[" + std::to_string(gi) + "]");
            continue;
        }
        std::string gwNs = effectiveNs;
        std::string gwName = g;
        if (const auto slash = g.find('/'); slash != std::string::npos) {
            gwNs = g.substr(0, slash);
            gwName = g.substr(slash + 1);
        }
        Node ref = Node::map();
        ref.set("group", str("gateway.networking.k8s.io"));
        ref.set("kind", str("Gateway"));
        if (gwNs != effectiveNs) {
            ref.set("namespace", str(gwNs));
        }
        ref.set("name", str(gwName));
        parentRefs.append(std::move(ref));
        const auto known = gateways.find(gwNs + "/" + gwName);
        if (known == gateways.end()) {
            note(Severity::Info, "convert.istio.unknown-gateway",
                 Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "Gateway %1 is not among the converted files; the "
                                              "parentRef is kept, convert that Gateway too"),
                            {gwNs + "/" + gwName}),
                 {}, file, gatewayNames.items()[gi].mark(),
                 "spec.gateways[" + std::to_string(gi) + "]");
        } else if (known->second.ns != effectiveNs) {
            known->second.routeNamespaces.insert(effectiveNs);
        }
    }
    if (!gatewayNames.isList() || gatewayNames.items().empty()) {
        note(Severity::Warning, "convert.istio.no-gateway",
             Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                          "the VirtualService names no gateway (it applies to the "
                                          "mesh): the routes get no parentRefs; add one")),
             {}, file, spec.mark(), "spec.gateways");
    }

    Node hostnames = Node::list();
    for (const Node &h : spec["hosts"].items()) {
        if (h.str() != "*") {
            hostnames.append(str(lower(h.str())));
        }
    }

    const Node &http = spec["http"];
    for (std::size_t i = 0; i < http.items().size(); ++i) {
        const std::string path = "spec.http[" + std::to_string(i) + "]";
        for (Node &route :
             httpRoutes(file, http.items()[i], path, routeName(name, http.items()[i], i), ns,
                        parentRefs, hostnames)) {
            provenance(route, "spec.rules", file, path, http.items()[i].mark(),
                       Core::text(QT_TRANSLATE_NOOP(
                           "Diagnostics",
                           "each http entry of a VirtualService becomes an HTTPRoute with the "
                           "VirtualService's hosts and gateways")));
            out.objects.push_back(std::move(route));
        }
    }

    for (const char *kind : {"tls", "tcp"}) {
        const Node &entries = spec[kind];
        const bool isTls = std::string(kind) == "tls";
        for (std::size_t i = 0; i < entries.items().size(); ++i) {
            const Node &entry = entries.items()[i];
            const std::string path = std::string("spec.") + kind + "[" + std::to_string(i) + "]";
            reportIgnored(file, entry, {"match", "route"}, path);
            Node route =
                makeObject(isTls ? "TLSRoute" : "TCPRoute", routeName(name, Node(), i), ns);
            Node rspec = Node::map();
            if (!parentRefs.items().empty()) {
                rspec.set("parentRefs", parentRefs);
            }
            if (isTls) {
                Node sni = Node::list();
                for (std::size_t mi = 0; mi < entry["match"].items().size(); ++mi) {
                    const Node &m = entry["match"].items()[mi];
                    reportIgnored(file, m, {"sniHosts"},
                                  path + ".match[" + std::to_string(mi) + "]");
                    for (const Node &h : m["sniHosts"].items()) {
                        sni.append(str(lower(h.str())));
                    }
                }
                rspec.set("hostnames", sni.items().empty() ? hostnames : sni);
            } else {
                for (std::size_t mi = 0; mi < entry["match"].items().size(); ++mi) {
                    reportIgnored(file, entry["match"].items()[mi], {},
                                  path + ".match[" + std::to_string(mi) + "]");
                }
            }
            Node refs = Node::list();
            for (std::size_t ri = 0; ri < entry["route"].items().size(); ++ri) {
                const Node &dst = entry["route"].items()[ri];
                const std::string rpath = path + ".route[" + std::to_string(ri) + "]";
                reportIgnored(file, dst, {"destination", "weight"}, rpath);
                refs.append(backendRef(file, dst["destination"], ns, rpath + ".destination", true,
                                       dst.find("weight")));
            }
            Node rule = Node::map();
            rule.set("backendRefs", std::move(refs));
            Node rules = Node::list();
            rules.append(std::move(rule));
            rspec.set("rules", std::move(rules));
            route.set("spec", std::move(rspec));
            provenance(route, "spec.rules", file, path, entry.mark(),
                       Core::text(QT_TRANSLATE_NOOP(
                           "Diagnostics",
                           "each tls entry becomes a TLSRoute (SNI hosts → hostnames), each tcp "
                           "entry a TCPRoute")));
            out.objects.push_back(std::move(route));
        }
    }
}

} // namespace

IstioConverter::IstioConverter(std::string gatewayClassName, std::string defaultNamespace)
    : m_gatewayClassName(gatewayClassName.empty() ? std::string("istio")
                                                  : std::move(gatewayClassName))
    , m_defaultNamespace(std::move(defaultNamespace))
{}

Claim IstioConverter::claim(const Model::Node &document)
{
    const std::string apiVersion = document["apiVersion"].str();
    if (apiVersion.rfind(kIstioGroup, 0) != 0) {
        return Claim::NotMine;
    }
    const std::string kind = document["kind"].str();
    return kind == "Gateway" || kind == "VirtualService" ? Claim::Mine : Claim::Error;
}

Conversion IstioConverter::convert(const std::vector<Document> &documents) const
{
    Run run(m_gatewayClassName, m_defaultNamespace);
    for (const Document &doc : documents) {
        if (claim(doc.root) == Claim::Mine && doc.root["kind"].str() == "Gateway") {
            run.convertGateway(doc);
        }
    }
    for (const Document &doc : documents) {
        const Claim c = claim(doc.root);
        if (c == Claim::Mine && doc.root["kind"].str() == "VirtualService") {
            run.convertVirtualService(doc);
        } else if (c != Claim::Mine) {
            run.note(Severity::Info, "convert.istio.skipped",
                     Core::text(QT_TRANSLATE_NOOP("Diagnostics", "%1 %2 is not an Istio Gateway or "
                                                                 "VirtualService; it is skipped"),
                                {doc.root["kind"].str(), doc.root["metadata"]["name"].str()}),
                     {}, doc.file, doc.root.mark(), {});
        }
    }
    // Istio lets a VirtualService of any namespace bind to a Gateway; the Gateway API admits
    // routes of the Gateway's namespace only unless the listener says otherwise (a ReferenceGrant
    // does not govern attachment).
    for (auto &[key, entry] : run.gateways) {
        if (entry.routeNamespaces.empty()) {
            continue;
        }
        Node values = Node::list();
        values.append(str(entry.ns));
        for (const std::string &ns : entry.routeNamespaces) {
            values.append(str(ns));
        }
        Node expression = Node::map();
        expression.set("key", str("kubernetes.io/metadata.name"));
        expression.set("operator", str("In"));
        expression.set("values", std::move(values));
        Node expressions = Node::list();
        expressions.append(std::move(expression));
        Node selector = Node::map();
        selector.set("matchExpressions", std::move(expressions));
        Node namespaces = Node::map();
        namespaces.set("from", str("Selector"));
        namespaces.set("selector", std::move(selector));
        Node allowed = Node::map();
        allowed.set("namespaces", std::move(namespaces));
        Node &gateway = run.out.objects[entry.objectIndex];
        Node *listeners = gateway.find("spec")->find("listeners");
        for (Node &listener : listeners->items()) {
            listener.set("allowedRoutes", allowed);
        }
        Core::Diagnostic d = Core::makeDiagnostic(
            Severity::Info, "convert.istio.allowed-routes",
            Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "Gateway %1 admits routes from namespaces %2 "
                                         "(allowedRoutes), as Istio did for the VirtualServices "
                                         "bound to it"),
                       {key, [&] {
                            std::string s;
                            for (const std::string &ns : entry.routeNamespaces) {
                                s += (s.empty() ? "" : ", ") + ns;
                            }
                            return s;
                        }()}));
        run.out.notes.push_back(std::move(d));
    }
    return std::move(run.out);
}

Conversion IstioConverter::convertFiles(const std::vector<std::string> &paths) const
{
    std::vector<Document> documents;
    Core::Diagnostics readNotes;
    for (const std::string &path : paths) {
        Yaml::LoadResult loaded = Yaml::loadFile(path);
        for (Core::Diagnostic &d : loaded.diagnostics) {
            readNotes.push_back(std::move(d));
        }
        for (Yaml::LoadedDocument &doc : loaded.documents) {
            if (doc.root.isMap()) {
                documents.push_back({path, std::move(doc.root)});
            }
        }
    }
    Conversion result = convert(documents);
    result.notes.insert(result.notes.begin(), readNotes.begin(), readNotes.end());
    return result;
}

} // namespace Torii::Convert
