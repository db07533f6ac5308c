#include "gateway_api_equivalence.h"

#include "engine/yaml/yaml_loader.h"

#include <QtCore/QFile>

#include <algorithm>
#include <map>
#include <numeric>

namespace Torii::Test {

namespace {

using Model::Node;

// JSON with map keys sorted at every level: two Nodes that are equal as JSON objects print the
// same, whatever order the keys were written in.
std::string sortedJson(const Node &node)
{
    if (node.isMap()) {
        std::vector<const Node::Entry *> entries;
        for (const Node::Entry &e : node.entries()) {
            entries.push_back(&e);
        }
        std::sort(entries.begin(), entries.end(),
                  [](const Node::Entry *a, const Node::Entry *b) { return a->key < b->key; });
        std::string out = "{";
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (i > 0) {
                out += ',';
            }
            out += Node::string(entries[i]->key).toJson();
            out += ':';
            out += sortedJson(entries[i]->value);
        }
        return out + '}';
    }
    if (node.isList()) {
        std::string out = "[";
        for (std::size_t i = 0; i < node.items().size(); ++i) {
            if (i > 0) {
                out += ',';
            }
            out += sortedJson(node.items()[i]);
        }
        return out + ']';
    }
    return node.toJson();
}

std::string str(const Node &node, std::string_view key, const std::string &fallback = {})
{
    const Node *value = node.find(key);
    return value && !value->isNull() ? value->asString() : fallback;
}

// Sorts a list of nodes by their canonical JSON.
Node sortedList(std::vector<Node> items)
{
    std::sort(items.begin(), items.end(),
              [](const Node &a, const Node &b) { return sortedJson(a) < sortedJson(b); });
    Node list = Node::list();
    for (Node &n : items) {
        list.append(std::move(n));
    }
    return list;
}

Node sortedListOf(const Node *listNode)
{
    std::vector<Node> items;
    if (listNode && listNode->isList()) {
        items = listNode->items();
    }
    return sortedList(std::move(items));
}

// Header / query-param matches: type defaults to Exact; header names are case-insensitive.
Node normalizedNameValueMatches(const Node *list, bool lowerCaseNames)
{
    std::vector<Node> items;
    if (list && list->isList()) {
        for (const Node &m : list->items()) {
            Node copy = m;
            if (!copy.has("type")) {
                copy.set("type", Node::string("Exact"));
            }
            if (lowerCaseNames) {
                std::string name = str(copy, "name");
                std::transform(name.begin(), name.end(), name.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                copy.set("name", Node::string(name));
            }
            items.push_back(std::move(copy));
        }
    }
    return sortedList(std::move(items));
}

Node normalizedHeaderModifier(const Node &modifier)
{
    Node out = Node::map();
    for (const char *key : {"set", "add"}) {
        if (const Node *list = modifier.find(key); list && list->isList() && list->size() > 0) {
            out.set(key, normalizedNameValueMatches(list, true));
        }
    }
    if (const Node *remove = modifier.find("remove");
        remove && remove->isList() && remove->size() > 0) {
        out.set("remove", sortedListOf(remove));
    }
    return out;
}

Node normalizedFilter(const Node &filter)
{
    Node out = filter;
    const std::string type = str(filter, "type");
    if (type == "RequestHeaderModifier" || type == "ResponseHeaderModifier") {
        const std::string key =
            type == "RequestHeaderModifier" ? "requestHeaderModifier" : "responseHeaderModifier";
        out.set(key, normalizedHeaderModifier(filter[key]));
    } else if (type == "RequestRedirect") {
        Node redirect = filter["requestRedirect"];
        if (!redirect.has("statusCode")) {
            redirect.set("statusCode", Node::integer(302));
        }
        out.set("requestRedirect", redirect);
    } else if (type == "CORS") {
        Node cors = filter["cors"];
        for (Node::Entry &e : cors.entries()) {
            if (e.value.isList()) {
                e.value = sortedListOf(&e.value);
            }
        }
        out.set("cors", cors);
    }
    return out;
}

Node normalizedFilters(const Node *filters)
{
    Node out = Node::list();
    if (filters && filters->isList()) {
        for (const Node &f : filters->items()) {
            out.append(normalizedFilter(f));
        }
    }
    return out;
}

std::int64_t gcd64(std::int64_t a, std::int64_t b)
{
    return std::gcd(a, b);
}

// backendRefs with group/kind/namespace/weight defaults; weights are relative, so they are
// divided by their greatest common divisor (80/20 is the same split as 4/1).
Node normalizedBackendRefs(const Node *refs, const std::string &routeNamespace)
{
    std::vector<Node> items;
    std::int64_t divisor = 0;
    if (refs && refs->isList()) {
        for (const Node &ref : refs->items()) {
            Node copy = Node::map();
            copy.set("group", Node::string(str(ref, "group", "")));
            copy.set("kind", Node::string(str(ref, "kind", "Service")));
            copy.set("namespace", Node::string(str(ref, "namespace", routeNamespace)));
            copy.set("name", Node::string(str(ref, "name")));
            if (const Node *port = ref.find("port"); port && !port->isNull()) {
                copy.set("port", Node::integer(port->asInt()));
            }
            const std::int64_t weight = ref.has("weight") ? ref["weight"].asInt() : 1;
            copy.set("weight", Node::integer(weight));
            divisor = gcd64(divisor, weight);
            const Node filters = normalizedFilters(ref.find("filters"));
            if (filters.size() > 0) {
                copy.set("filters", filters);
            }
            items.push_back(std::move(copy));
        }
    }
    if (divisor > 1) {
        for (Node &item : items) {
            item.set("weight", Node::integer(item["weight"].asInt() / divisor));
        }
    }
    return sortedList(std::move(items));
}

Node normalizedHttpMatch(const Node &match)
{
    Node out = Node::map();
    Node path = Node::map();
    path.set("type", Node::string(str(match["path"], "type", "PathPrefix")));
    path.set("value", Node::string(str(match["path"], "value", "/")));
    out.set("path", path);
    if (const Node *h = match.find("headers"); h && h->isList() && h->size() > 0) {
        out.set("headers", normalizedNameValueMatches(h, true));
    }
    if (const Node *q = match.find("queryParams"); q && q->isList() && q->size() > 0) {
        out.set("queryParams", normalizedNameValueMatches(q, false));
    }
    if (const Node *m = match.find("method"); m && !m->isNull()) {
        out.set("method", *m);
    }
    return out;
}

Node normalizedGrpcMatch(const Node &match)
{
    Node out = Node::map();
    if (const Node *m = match.find("method"); m && m->isMap()) {
        Node method = *m;
        if (!method.has("type")) {
            method.set("type", Node::string("Exact"));
        }
        out.set("method", method);
    }
    if (const Node *h = match.find("headers"); h && h->isList() && h->size() > 0) {
        out.set("headers", normalizedNameValueMatches(h, true));
    }
    return out;
}

Node normalizedRule(const Node &rule, const std::string &kind, const std::string &ns)
{
    Node out = Node::map();
    if (kind == "HTTPRoute" || kind == "GRPCRoute") {
        std::vector<Node> matches;
        if (const Node *m = rule.find("matches"); m && m->isList()) {
            for (const Node &match : m->items()) {
                matches.push_back(kind == "HTTPRoute" ? normalizedHttpMatch(match)
                                                      : normalizedGrpcMatch(match));
            }
        }
        if (matches.empty()) {
            matches.push_back(kind == "HTTPRoute" ? normalizedHttpMatch(Node::map())
                                                  : normalizedGrpcMatch(Node::map()));
        }
        out.set("matches", sortedList(std::move(matches)));
        const Node filters = normalizedFilters(rule.find("filters"));
        if (filters.size() > 0) {
            out.set("filters", filters);
        }
    }
    out.set("backendRefs", normalizedBackendRefs(rule.find("backendRefs"), ns));
    for (const Node::Entry &e : rule.entries()) {
        if (e.key != "name" && e.key != "matches" && e.key != "filters" && e.key != "backendRefs") {
            out.set(e.key, e.value); // timeouts, retry, sessionPersistence …
        }
    }
    return out;
}

struct GatewayInfo
{
    std::string identity; // "ns/class"
    std::map<std::string, std::string> listenerBySection;
    std::map<std::int64_t, std::vector<std::string>> listenersByPort;
};

std::string listenerIdentity(const Node &listener, const std::string &ns)
{
    Node out = Node::map();
    out.set("port", Node::integer(listener["port"].asInt()));
    out.set("protocol", Node::string(str(listener, "protocol")));
    out.set("hostname", Node::string(str(listener, "hostname", "*")));
    if (const Node *tls = listener.find("tls"); tls && tls->isMap()) {
        Node t = Node::map();
        t.set("mode", Node::string(str(*tls, "mode", "Terminate")));
        std::vector<Node> certs;
        if (const Node *refs = tls->find("certificateRefs"); refs && refs->isList()) {
            for (const Node &ref : refs->items()) {
                Node c = Node::map();
                c.set("group", Node::string(str(ref, "group", "")));
                c.set("kind", Node::string(str(ref, "kind", "Secret")));
                c.set("namespace", Node::string(str(ref, "namespace", ns)));
                c.set("name", Node::string(str(ref, "name")));
                certs.push_back(std::move(c));
            }
        }
        if (!certs.empty()) {
            t.set("certificateRefs", sortedList(std::move(certs)));
        }
        out.set("tls", t);
    }
    return sortedJson(out);
}

std::string objectNamespace(const Node &object)
{
    return str(object["metadata"], "namespace", "default");
}

} // namespace

std::vector<std::string> EquivalenceResult::differences() const
{
    std::vector<std::string> out;
    for (const std::string &m : missing) {
        out.push_back("missing: " + m);
    }
    for (const std::string &e : extra) {
        out.push_back("extra: " + e);
    }
    return out;
}

std::vector<std::string> canonicalGatewayApiEntries(const std::vector<Model::Node> &objects)
{
    std::vector<std::string> entries;
    // Gateways first: routes refer to them by name.
    std::map<std::string, GatewayInfo> gateways; // "ns/name" → info
    for (const Node &object : objects) {
        if (str(object, "kind") != "Gateway") {
            continue;
        }
        const std::string ns = objectNamespace(object);
        GatewayInfo info;
        info.identity = ns + "/" + str(object["spec"], "gatewayClassName");
        entries.push_back("Gateway " + info.identity);
        if (const Node *listeners = object.at("spec.listeners"); listeners && listeners->isList()) {
            for (const Node &l : listeners->items()) {
                const std::string id = listenerIdentity(l, ns);
                info.listenerBySection[str(l, "name")] = id;
                info.listenersByPort[l["port"].asInt()].push_back(id);
                entries.push_back("Gateway " + info.identity + " listener " + id);
            }
        }
        gateways[ns + "/" + str(object["metadata"], "name")] = std::move(info);
    }
    for (const Node &object : objects) {
        const std::string kind = str(object, "kind");
        const std::string ns = objectNamespace(object);
        const Node &spec = object["spec"];
        if (kind == "HTTPRoute" || kind == "GRPCRoute" || kind == "TLSRoute" ||
            kind == "TCPRoute" || kind == "UDPRoute") {
            std::vector<Node> hostnames;
            if (const Node *h = spec.find("hostnames"); h && h->isList()) {
                hostnames = h->items();
            }
            std::vector<Node> parents;
            if (const Node *p = spec.find("parentRefs"); p && p->isList()) {
                for (const Node &ref : p->items()) {
                    const std::string key = str(ref, "namespace", ns) + "/" + str(ref, "name");
                    const auto it = gateways.find(key);
                    std::string parent =
                        it == gateways.end() ? "unresolved " + key : it->second.identity;
                    if (ref.has("sectionName") && it != gateways.end()) {
                        const auto l = it->second.listenerBySection.find(str(ref, "sectionName"));
                        parent += " listener " + (l == it->second.listenerBySection.end()
                                                      ? "unresolved " + str(ref, "sectionName")
                                                      : l->second);
                    } else if (ref.has("sectionName")) {
                        parent += " section " + str(ref, "sectionName");
                    }
                    if (ref.has("port")) {
                        parent += " port " + std::to_string(ref["port"].asInt());
                    }
                    parents.push_back(Node::string(parent));
                }
            }
            const Node hostnameList = sortedList(hostnames);
            const Node parentList = sortedList(parents);
            const std::string head = kind + " " + ns + " hostnames=" + sortedJson(hostnameList) +
                                     " parents=" + sortedJson(parentList) + " rule=";
            const Node *rules = spec.find("rules");
            if (!rules || !rules->isList() || rules->size() == 0) {
                entries.push_back(head + "(none)");
                continue;
            }
            for (const Node &rule : rules->items()) {
                entries.push_back(head + sortedJson(normalizedRule(rule, kind, ns)));
            }
        } else if (kind == "BackendTLSPolicy") {
            Node refs = Node::list();
            std::vector<Node> targets;
            if (const Node *t = spec.find("targetRefs"); t && t->isList()) {
                for (const Node &ref : t->items()) {
                    Node c = Node::map();
                    c.set("group", Node::string(str(ref, "group", "")));
                    c.set("kind", Node::string(str(ref, "kind", "Service")));
                    c.set("name", Node::string(str(ref, "name")));
                    if (ref.has("sectionName")) {
                        c.set("sectionName", Node::string(str(ref, "sectionName")));
                    }
                    targets.push_back(std::move(c));
                }
            }
            Node rest = Node::map();
            for (const Node::Entry &e : spec.entries()) {
                if (e.key != "targetRefs") {
                    rest.set(e.key, e.value);
                }
            }
            entries.push_back("BackendTLSPolicy " + ns + " targets=" +
                              sortedJson(sortedList(std::move(targets))) + " " + sortedJson(rest));
        } else if (kind == "ReferenceGrant") {
            entries.push_back("ReferenceGrant " + ns +
                              " from=" + sortedJson(sortedListOf(spec.find("from"))) +
                              " to=" + sortedJson(sortedListOf(spec.find("to"))));
        }
    }
    std::sort(entries.begin(), entries.end());
    return entries;
}

EquivalenceResult compareGatewayApi(const std::vector<Model::Node> &expected,
                                    const std::vector<Model::Node> &actual)
{
    const std::vector<std::string> want = canonicalGatewayApiEntries(expected);
    const std::vector<std::string> got = canonicalGatewayApiEntries(actual);
    EquivalenceResult result;
    std::set_difference(want.begin(), want.end(), got.begin(), got.end(),
                        std::back_inserter(result.missing));
    std::set_difference(got.begin(), got.end(), want.begin(), want.end(),
                        std::back_inserter(result.extra));
    return result;
}

namespace {

// "{…}{…}{…}": split concatenated JSON objects at depth 0 (strings and escapes respected).
std::vector<std::string> splitJsonStream(const std::string &text)
{
    std::vector<std::string> parts;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    std::size_t start = std::string::npos;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{') {
            if (depth++ == 0) {
                start = i;
            }
        } else if (c == '}' && depth > 0 && --depth == 0) {
            parts.push_back(text.substr(start, i - start + 1));
        }
    }
    return parts;
}

} // namespace

std::vector<Model::Node> readExpectedObjects(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        }
        return {};
    }
    std::string text = file.readAll().toStdString();
    // Skip a notification box (or anything else) before the first object.
    std::size_t begin = std::string::npos;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t eol = text.find('\n', pos);
        const std::string_view line(text.data() + pos,
                                    (eol == std::string::npos ? text.size() : eol) - pos);
        if (line.rfind("apiVersion:", 0) == 0 || line.rfind("{", 0) == 0 ||
            line.rfind("---", 0) == 0) {
            begin = pos;
            break;
        }
        if (eol == std::string::npos) {
            break;
        }
        pos = eol + 1;
    }
    std::vector<std::string> chunks;
    if (begin == std::string::npos) {
        return {};
    }
    text = text.substr(begin);
    if (text.rfind("{", 0) == 0) {
        chunks = splitJsonStream(text);
    } else {
        chunks.push_back(text);
    }
    std::vector<Model::Node> objects;
    for (const std::string &chunk : chunks) {
        const Yaml::LoadResult loaded = Yaml::loadText(chunk, path.toStdString());
        if (loaded.fatal) {
            if (error) {
                *error = QStringLiteral("%1: cannot parse").arg(path);
                for (const Core::Diagnostic &d : loaded.diagnostics) {
                    *error += QLatin1Char('\n') + QString::fromStdString(d.toCompilerStyle());
                }
            }
            return {};
        }
        for (const Yaml::LoadedDocument &doc : loaded.documents) {
            if (doc.root.isMap()) {
                objects.push_back(doc.root);
            }
        }
    }
    return objects;
}

} // namespace Torii::Test
