#include "openapi3_converter.h"

#include "engine/yaml/yaml_loader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

namespace Torii::Convert {

namespace {

using Core::Severity;
using Model::Node;

constexpr std::size_t kMatchesPerRule = 8;
constexpr std::size_t kRulesPerRoute = 16;

Node str(std::string s)
{
    return Node::string(std::move(s));
}

// A DNS-label-like name: lower case, '*' → "wildcard", runs of other characters → one '-'.
std::string nameFrom(const std::string &text)
{
    std::string out;
    bool dash = false;
    for (char raw : text) {
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(raw)));
        if (c == '*') {
            out += (out.empty() || dash) ? "wildcard" : "-wildcard";
            dash = false;
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && !out.empty()) {
                out += '-';
            }
            out += c;
            dash = false;
        } else {
            dash = true;
        }
    }
    return out;
}

struct Ref
{
    std::string ns;
    std::string name;
    int port = 0;
};

Ref parseRef(const std::string &text, bool withPort)
{
    Ref ref;
    std::string rest = text;
    if (withPort) {
        if (const auto colon = rest.rfind(':'); colon != std::string::npos) {
            ref.port = std::atoi(rest.substr(colon + 1).c_str());
            rest = rest.substr(0, colon);
        }
    }
    if (const auto slash = rest.find('/'); slash != std::string::npos) {
        ref.ns = rest.substr(0, slash);
        ref.name = rest.substr(slash + 1);
    } else {
        ref.name = rest;
    }
    return ref;
}

// One listener: scheme, host ("*" for any) and port.
struct Listener
{
    std::string scheme;
    std::string host;
    int port = 0;

    std::string key() const { return scheme + "://" + host + ":" + std::to_string(port); }
    friend bool operator<(const Listener &a, const Listener &b)
    {
        return std::tie(a.host, a.scheme, a.port) < std::tie(b.host, b.scheme, b.port);
    }
    friend bool operator==(const Listener &a, const Listener &b) { return a.key() == b.key(); }
    std::string name() const
    {
        std::string n = host == "*" ? scheme : nameFrom(host) + "-" + scheme;
        const int standard = scheme == "https" ? 443 : 80;
        return port == standard ? n : n + "-" + std::to_string(port);
    }
};

// What one rule match needs: path, method and the parameters whose presence it requires.
struct Matcher
{
    std::string path;
    std::string method;
    std::vector<std::string> headers;
    std::vector<std::string> queryParams;

    friend bool operator<(const Matcher &a, const Matcher &b)
    {
        return std::tie(a.path, a.method, a.headers, a.queryParams) <
               std::tie(b.path, b.method, b.headers, b.queryParams);
    }
};

// An OpenAPI path template ("/pet/{petId}") as a regular expression matching one segment per
// parameter ("/pet/[^/]+"); the rest is literal.
std::string templateRegex(const std::string &path)
{
    std::string out;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const char c = path[i];
        if (c == '{') {
            const std::size_t close = path.find('}', i);
            if (close != std::string::npos) {
                out += "[^/]+";
                i = close;
                continue;
            }
        }
        if (std::string_view(".^$|?*+()[]{}\\").find(c) != std::string_view::npos) {
            out += '\\';
        }
        out += c;
    }
    return out;
}

class Run
{
public:
    Run(const Node &spec, const std::string &file, const OpenApi3Converter::Options &options)
        : m_spec(spec)
        , m_file(file)
        , m_options(options)
    {}

    Conversion out;

    void note(Severity severity, const char *code, Core::Text message, Model::Mark mark,
              std::string fieldPath, Core::Text hint = {})
    {
        Core::Diagnostic d =
            Core::makeDiagnostic(severity, code, std::move(message), std::move(hint));
        d.file = m_file;
        d.line = static_cast<int>(mark.line);
        d.column = static_cast<int>(mark.column);
        d.fieldPath = std::move(fieldPath);
        out.notes.push_back(std::move(d));
    }

    void run();

private:
    const Node &resolve(const Node &node) const;
    std::map<std::pair<std::string, std::string>, std::pair<std::string, Model::Mark>>
    parameters(const Node &list, const std::string &path);

    const Node &m_spec;
    std::string m_file;
    OpenApi3Converter::Options m_options;
    std::set<std::string> m_reportedParameters;
};

// A local "$ref": "#/components/parameters/x" → the node it names (or the node itself).
const Node &Run::resolve(const Node &node) const
{
    const Node *current = &node;
    for (int depth = 0; depth < 8 && (*current)["$ref"].isString(); ++depth) {
        const std::string ref = (*current)["$ref"].str();
        if (ref.rfind("#/", 0) != 0) {
            break;
        }
        const Node *target = &m_spec;
        std::size_t start = 2;
        while (target && start <= ref.size()) {
            const std::size_t slash = ref.find('/', start);
            std::string token =
                ref.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
            for (std::size_t p; (p = token.find("~1")) != std::string::npos;) {
                token.replace(p, 2, "/");
            }
            for (std::size_t p; (p = token.find("~0")) != std::string::npos;) {
                token.replace(p, 2, "~");
            }
            target = target->find(token);
            if (slash == std::string::npos) {
                break;
            }
            start = slash + 1;
        }
        if (!target) {
            break;
        }
        current = target;
    }
    return *current;
}

// (in, name) → (name, where) of every required header/query parameter of `list`.
std::map<std::pair<std::string, std::string>, std::pair<std::string, Model::Mark>>
Run::parameters(const Node &list, const std::string &path)
{
    std::map<std::pair<std::string, std::string>, std::pair<std::string, Model::Mark>> out;
    for (std::size_t i = 0; i < list.items().size(); ++i) {
        const Node &p = resolve(list.items()[i]);
        const std::string in = p["in"].str();
        const std::string name = p["name"].str();
        // A later entry with the same name and location replaces an earlier one; an optional one
        // removes the requirement.
        const auto key = std::make_pair(in, in == "header" ? [&] {
            std::string l = name;
            std::transform(l.begin(), l.end(), l.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            return l;
        }()
                                                           : name);
        out.erase(key);
        if ((in == "header" || in == "query") && p["required"].asBool()) {
            out[key] = {name, list.items()[i].mark()};
        } else if (in == "cookie" && p["required"].asBool()) {
            const std::string id = path + "/cookie/" + name;
            if (m_reportedParameters.insert(id).second) {
                note(Severity::Info, "convert.openapi3.cookie",
                     Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "required cookie \"%1\" is not checked by the "
                                                  "route: the Gateway API has no cookie match"),
                                {name}),
                     list.items()[i].mark(), path + ".parameters[" + std::to_string(i) + "]");
            }
        }
    }
    return out;
}

void Run::run()
{
    const std::string title = m_spec["info"]["title"].str();
    std::string prefix = nameFrom(title);
    if (prefix.empty()) {
        prefix = "openapi";
    }
    const Ref backend = parseRef(m_options.backend, true);
    const Ref secret = parseRef(m_options.tlsSecret, false);
    const std::string &ns = m_options.namespaceName;
    if (m_options.gatewayClassName.empty()) {
        note(Severity::Error, "convert.openapi3.no-gateway-class",
             Core::text(QT_TRANSLATE_NOOP(
                 "Diagnostics", "no GatewayClass given: the generated Gateway needs one")),
             {1, 1}, {}, Core::text(QT_TRANSLATE_NOOP("Diagnostics", "pass --gateway-class NAME")));
        return;
    }
    if (backend.name.empty()) {
        note(
            Severity::Error, "convert.openapi3.no-backend",
            Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "no backend Service given: every route needs one")),
            {1, 1}, {},
            Core::text(QT_TRANSLATE_NOOP("Diagnostics", "pass --backend [NAMESPACE/]NAME[:PORT]")));
        return;
    }

    // ---- matchers and the listeners each is served on.
    struct Expanded
    {
        Listener listener;
        std::string basePath;
    };
    auto expandServers = [&](const Node &serverList) {
        std::vector<Expanded> out;
        for (std::size_t si = 0; si < serverList.items().size(); ++si) {
            const Node &server = serverList.items()[si];
            std::vector<std::string> urls{server["url"].str()};
            const Node &vars = server["variables"];
            for (const Node::Entry &v : vars.entries()) {
                const std::string token = "{" + v.key + "}";
                std::vector<std::string> values;
                if (v.value["enum"].isList() && !v.value["enum"].items().empty()) {
                    for (const Node &e : v.value["enum"].items()) {
                        values.push_back(e.asString());
                    }
                } else {
                    values.push_back(v.value["default"].asString());
                }
                std::vector<std::string> next;
                for (const std::string &u : urls) {
                    for (const std::string &value : values) {
                        std::string x = u;
                        for (std::size_t p; (p = x.find(token)) != std::string::npos;) {
                            x.replace(p, token.size(), value);
                        }
                        next.push_back(x);
                    }
                }
                urls = std::move(next);
            }
            for (const std::string &url : urls) {
                Expanded e;
                std::string rest = url;
                e.listener.scheme = "http";
                e.listener.host = "*";
                if (const auto sep = url.find("://"); sep != std::string::npos) {
                    std::string scheme = url.substr(0, sep);
                    std::transform(
                        scheme.begin(), scheme.end(), scheme.begin(),
                        [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                    if (scheme != "http" && scheme != "https") {
                        note(Severity::Warning, "convert.openapi3.scheme",
                             Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                                          "server URL \"%1\" is neither http nor "
                                                          "https; it is read as http"),
                                        {url}),
                             server.mark(), "servers");
                    } else {
                        e.listener.scheme = scheme;
                    }
                    rest = url.substr(sep + 3);
                    const auto slash = rest.find('/');
                    std::string authority = rest.substr(0, slash);
                    rest = slash == std::string::npos ? std::string() : rest.substr(slash);
                    if (const auto colon = authority.rfind(':'); colon != std::string::npos) {
                        e.listener.port = std::atoi(authority.substr(colon + 1).c_str());
                        authority = authority.substr(0, colon);
                    }
                    std::transform(
                        authority.begin(), authority.end(), authority.begin(),
                        [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                    if (!authority.empty()) {
                        e.listener.host = authority;
                    }
                }
                if (e.listener.port == 0) {
                    e.listener.port = e.listener.scheme == "https" ? 443 : 80;
                }
                // The URL's path is the API's base path; "/" and "" add nothing.
                while (!rest.empty() && rest.back() == '/') {
                    rest.pop_back();
                }
                if (!rest.empty() && rest.front() != '/') {
                    rest = "/" + rest;
                }
                e.basePath = rest;
                out.push_back(std::move(e));
            }
        }
        return out;
    };

    Node defaultServers = Node::list();
    {
        Node s = Node::map();
        s.set("url", str("/"));
        defaultServers.append(std::move(s));
    }
    const Node &topServers = m_spec["servers"].isList() && !m_spec["servers"].items().empty()
                                 ? m_spec["servers"]
                                 : defaultServers;

    std::map<Matcher, std::set<Listener>> listenersOf;
    const Node &paths = m_spec["paths"];
    static const std::vector<std::pair<const char *, const char *>> kOperations{
        {"get", "GET"},         {"put", "PUT"},   {"post", "POST"},   {"delete", "DELETE"},
        {"options", "OPTIONS"}, {"head", "HEAD"}, {"patch", "PATCH"}, {"trace", "TRACE"}};
    for (const Node::Entry &pathEntry : paths.entries()) {
        const Node &item = resolve(pathEntry.value);
        const std::string ppath = "paths." + pathEntry.key;
        const Node &itemServers = item["servers"].isList() && !item["servers"].items().empty()
                                      ? item["servers"]
                                      : topServers;
        const auto itemParameters = parameters(item["parameters"], ppath);
        for (const auto &[key, method] : kOperations) {
            const Node *operation = item.find(key);
            if (!operation || !operation->isMap()) {
                continue;
            }
            const std::string opath = ppath + "." + key;
            const Node &opServers =
                (*operation)["servers"].isList() && !(*operation)["servers"].items().empty()
                    ? (*operation)["servers"]
                    : itemServers;
            auto required = itemParameters;
            // Operation parameters override the path item's of the same name and location.
            for (const Node &p : (*operation)["parameters"].items()) {
                const Node &r = resolve(p);
                std::string name = r["name"].str();
                if (r["in"].str() == "header") {
                    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) {
                        return static_cast<char>(std::tolower(c));
                    });
                }
                required.erase({r["in"].str(), name});
            }
            for (auto &[k, v] : parameters((*operation)["parameters"], opath)) {
                required[k] = v;
            }
            Matcher base;
            base.method = method;
            for (const auto &[k, v] : required) {
                (k.first == "header" ? base.headers : base.queryParams).push_back(v.first);
                const std::string id = opath + "/" + k.first + "/" + k.second;
                if (m_reportedParameters.insert(id).second) {
                    note(
                        Severity::Info, "convert.openapi3.presence",
                        Core::text(
                            QT_TRANSLATE_NOOP(
                                "Diagnostics",
                                "required %1 parameter \"%2\" becomes a RegularExpression \".*\" "
                                "match (present, any value): the Gateway API has no presence match "
                                "and its regular expression support is implementation-specific"),
                            {k.first, v.first}),
                        v.second, opath + ".parameters");
                }
            }
            std::sort(base.headers.begin(), base.headers.end());
            std::sort(base.queryParams.begin(), base.queryParams.end());
            if (pathEntry.key.find('{') != std::string::npos &&
                m_reportedParameters.insert("template:" + pathEntry.key).second) {
                note(Severity::Info, "convert.openapi3.template",
                     Core::text(
                         QT_TRANSLATE_NOOP(
                             "Diagnostics",
                             "the path template %1 becomes the RegularExpression %2 (one segment "
                             "per "
                             "parameter): an Exact match would never match a real request, and the "
                             "CRD refuses '{' in it; regular expression support is "
                             "implementation-specific"),
                         {pathEntry.key, templateRegex(pathEntry.key)}),
                     pathEntry.keyMark, ppath);
            }
            for (const Expanded &e : expandServers(opServers)) {
                Matcher m = base;
                m.path = e.basePath + pathEntry.key;
                listenersOf[m].insert(e.listener);
            }
        }
    }

    // ---- group the matchers by the exact set of listeners that serves them.
    std::map<std::vector<Listener>, std::vector<Matcher>> groups; // ordered: deterministic output
    for (const auto &[matcher, listeners] : listenersOf) {
        groups[std::vector<Listener>(listeners.begin(), listeners.end())].push_back(matcher);
    }
    std::vector<Listener> uniqueListeners;
    for (const auto &[listeners, matchers] : groups) {
        for (const Listener &l : listeners) {
            if (std::find(uniqueListeners.begin(), uniqueListeners.end(), l) ==
                uniqueListeners.end()) {
                uniqueListeners.push_back(l);
            }
        }
    }

    const std::string gatewayName = prefix + "-gateway";
    auto object = [&](const char *kind, const std::string &name, const std::string &objectNs) {
        Node o = Node::map();
        o.set("apiVersion", str("gateway.networking.k8s.io/v1"));
        o.set("kind", str(kind));
        Node meta = Node::map();
        meta.set("name", str(name));
        if (!objectNs.empty()) {
            meta.set("namespace", str(objectNs));
        }
        o.set("metadata", std::move(meta));
        return o;
    };
    auto referenceGrant = [&](const char *fromKind, const char *toKind, const Ref &to) {
        std::string toLower = toKind;
        std::transform(toLower.begin(), toLower.end(), toLower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        Node grant =
            object("ReferenceGrant", "from-" + ns + "-to-" + toLower + "-" + to.name, to.ns);
        Node from = Node::map();
        from.set("group", str("gateway.networking.k8s.io"));
        from.set("kind", str(fromKind));
        from.set("namespace", str(ns));
        Node toEntry = Node::map();
        toEntry.set("group", str("")); // required by the CRD; "" is the core group
        toEntry.set("kind", str(toKind));
        toEntry.set("name", str(to.name));
        Node spec = Node::map();
        Node fromList = Node::list();
        fromList.append(std::move(from));
        Node toList = Node::list();
        toList.append(std::move(toEntry));
        spec.set("from", std::move(fromList));
        spec.set("to", std::move(toList));
        grant.set("spec", std::move(spec));
        return grant;
    };

    Node gateway = object("Gateway", gatewayName, ns);
    Node gspec = Node::map();
    gspec.set("gatewayClassName", str(m_options.gatewayClassName));
    Node listeners = Node::list();
    bool anyTls = false;
    for (const Listener &l : uniqueListeners) {
        Node listener = Node::map();
        listener.set("name", str(l.name()));
        if (l.host != "*") {
            listener.set("hostname", str(l.host));
        }
        listener.set("port", Node::integer(l.port));
        listener.set("protocol", str(l.scheme == "https" ? "HTTPS" : "HTTP"));
        if (l.scheme == "https") {
            anyTls = true;
            Node tls = Node::map();
            tls.set("mode", str("Terminate"));
            if (!secret.name.empty()) {
                Node ref = Node::map();
                ref.set("name", str(secret.name));
                if (!secret.ns.empty()) {
                    ref.set("namespace", str(secret.ns));
                }
                Node refs = Node::list();
                refs.append(std::move(ref));
                tls.set("certificateRefs", std::move(refs));
            }
            listener.set("tls", std::move(tls));
        }
        listeners.append(std::move(listener));
    }
    if (anyTls && secret.name.empty()) {
        note(Severity::Warning, "convert.openapi3.no-tls-secret",
             Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                          "the API is served over https but no TLS Secret was "
                                          "given: the HTTPS listeners have no certificateRefs and "
                                          "kubectl apply refuses them")),
             {1, 1}, "servers",
             Core::text(QT_TRANSLATE_NOOP("Diagnostics", "pass --tls-secret [NAMESPACE/]NAME")));
    }
    gspec.set("listeners", std::move(listeners));
    gateway.set("spec", std::move(gspec));
    out.objects.push_back(std::move(gateway));
    if (anyTls && !secret.name.empty() && !secret.ns.empty() && secret.ns != ns) {
        if (ns.empty()) {
            note(Severity::Warning, "convert.openapi3.grant-namespace",
                 Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "%1 is in namespace %2 but no namespace was given "
                                              "for the generated objects, so no ReferenceGrant "
                                              "can name them: pass --namespace"),
                            {secret.name, secret.ns}),
                 {1, 1}, {});
        } else {
            out.objects.push_back(referenceGrant("Gateway", "Secret", secret));
        }
    }

    Node backendRef = Node::map();
    backendRef.set("name", str(backend.name));
    if (!backend.ns.empty() && backend.ns != ns) {
        backendRef.set("namespace", str(backend.ns));
    }
    if (backend.port > 0) {
        backendRef.set("port", Node::integer(backend.port));
    } else {
        note(Severity::Warning, "convert.openapi3.backend-port",
             Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                          "the backend %1 has no port: a Service reference needs "
                                          "one (kubectl apply refuses the routes)"),
                        {backend.name}),
             {1, 1}, {}, Core::text(QT_TRANSLATE_NOOP("Diagnostics", "pass --backend NAME:PORT")));
    }
    Node backendRefs = Node::list();
    backendRefs.append(std::move(backendRef));

    std::size_t groupIndex = 0;
    for (const auto &[groupListeners, matchers] : groups) {
        ++groupIndex;
        std::set<std::string> hosts;
        bool anyHost = false;
        for (const Listener &l : groupListeners) {
            anyHost = anyHost || l.host == "*";
            hosts.insert(l.host);
        }
        const std::size_t perRoute = kMatchesPerRule * kRulesPerRoute;
        const std::size_t routeCount = (matchers.size() + perRoute - 1) / perRoute;
        for (std::size_t r = 0; r < routeCount; ++r) {
            std::string name = prefix + "-route";
            if (groups.size() > 1) {
                name += "-" + std::to_string(groupIndex);
            }
            if (routeCount > 1) {
                name += "-" + std::to_string(r + 1);
            }
            Node route = object("HTTPRoute", name, ns);
            Node spec = Node::map();
            Node parent = Node::map();
            parent.set("name", str(gatewayName));
            if (uniqueListeners.size() > 1 && groupListeners.size() == 1) {
                parent.set("sectionName", str(groupListeners.front().name()));
            }
            Node parents = Node::list();
            parents.append(std::move(parent));
            spec.set("parentRefs", std::move(parents));
            if (!anyHost) {
                Node hostnames = Node::list();
                for (const std::string &h : hosts) {
                    hostnames.append(str(h));
                }
                spec.set("hostnames", std::move(hostnames));
            }
            Node rules = Node::list();
            const std::size_t first = r * perRoute;
            const std::size_t last = std::min(matchers.size(), first + perRoute);
            for (std::size_t i = first; i < last; i += kMatchesPerRule) {
                Node rule = Node::map();
                Node matches = Node::list();
                for (std::size_t j = i; j < std::min(last, i + kMatchesPerRule); ++j) {
                    const Matcher &m = matchers[j];
                    Node match = Node::map();
                    Node path = Node::map();
                    if (m.path.find('{') == std::string::npos) {
                        path.set("type", str("Exact"));
                        path.set("value", str(m.path));
                    } else {
                        path.set("type", str("RegularExpression"));
                        path.set("value", str(templateRegex(m.path)));
                    }
                    match.set("path", std::move(path));
                    match.set("method", str(m.method));
                    for (const auto &[field, names] : {std::pair{"headers", &m.headers},
                                                       std::pair{"queryParams", &m.queryParams}}) {
                        if (names->empty()) {
                            continue;
                        }
                        Node list = Node::list();
                        for (const std::string &n : *names) {
                            Node hm = Node::map();
                            hm.set("type", str("RegularExpression"));
                            hm.set("name", str(n));
                            hm.set("value", str(".*"));
                            list.append(std::move(hm));
                        }
                        match.set(field, std::move(list));
                    }
                    matches.append(std::move(match));
                }
                rule.set("matches", std::move(matches));
                rule.set("backendRefs", backendRefs);
                rules.append(std::move(rule));
            }
            spec.set("rules", std::move(rules));
            route.set("spec", std::move(spec));
            Provenance p;
            p.targetResource = "HTTPRoute " + (ns.empty() ? name : ns + "/" + name);
            p.targetPath = "spec.rules";
            p.sourceFile = m_file;
            p.sourcePointer = "/paths";
            p.sourceMark = paths.mark();
            p.explanation = Core::text(QT_TRANSLATE_NOOP(
                "Diagnostics", "every operation of the API becomes an Exact path match with its "
                               "method; operations served by the same servers share a route"));
            out.provenance.push_back(std::move(p));
            out.objects.push_back(std::move(route));
        }
    }
    if (!backend.ns.empty() && backend.ns != ns) {
        if (ns.empty()) {
            note(Severity::Warning, "convert.openapi3.grant-namespace",
                 Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "%1 is in namespace %2 but no namespace was given "
                                              "for the generated objects, so no ReferenceGrant "
                                              "can name them: pass --namespace"),
                            {backend.name, backend.ns}),
                 {1, 1}, {});
        } else {
            out.objects.push_back(referenceGrant("HTTPRoute", "Service", backend));
        }
    }
    if (groups.empty()) {
        note(Severity::Warning, "convert.openapi3.no-operations",
             Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                          "the document has no operations: the Gateway has no "
                                          "routes")),
             paths.mark(), "paths");
    }
}

} // namespace

Claim OpenApi3Converter::claim(const Model::Node &document)
{
    if (!document.isMap()) {
        return Claim::NotMine;
    }
    if (document.has("swagger")) {
        return Claim::Error;
    }
    if (!document.has("openapi")) {
        return Claim::NotMine;
    }
    const std::string version = document["openapi"].asString();
    return version.rfind("3.", 0) == 0 && document["paths"].isMap() ? Claim::Mine : Claim::Error;
}

Conversion OpenApi3Converter::convert(const Model::Node &document, const std::string &file,
                                      const Options &options) const
{
    if (claim(document) != Claim::Mine) {
        Conversion c;
        Core::Diagnostic d = Core::makeDiagnostic(
            Severity::Error, "convert.openapi3.invalid",
            Core::text(QT_TRANSLATE_NOOP("Diagnostics", "not an OpenAPI 3.x document")),
            Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "the file must start with `openapi: 3.x.y` and have "
                                         "`paths`")));
        d.file = file;
        d.line = 1;
        d.column = 1;
        c.notes.push_back(std::move(d));
        return c;
    }
    Run run(document, file, options);
    run.run();
    return std::move(run.out);
}

Conversion OpenApi3Converter::convertFile(const std::string &path, const Options &options) const
{
    Yaml::LoadResult loaded = Yaml::loadFile(path);
    Conversion c;
    if (loaded.fatal || loaded.documents.size() != 1) {
        c = convert(Node(), path, options);
        for (Core::Diagnostic &d : loaded.diagnostics) {
            c.notes.push_back(std::move(d));
        }
        return c;
    }
    c = convert(loaded.documents.front().root, path, options);
    c.notes.insert(c.notes.begin(), loaded.diagnostics.begin(), loaded.diagnostics.end());
    return c;
}

} // namespace Torii::Convert
