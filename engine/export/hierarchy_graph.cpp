#include "hierarchy_graph.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

namespace Torii::Export {

namespace {

using Model::Node;

constexpr std::string_view kGatewayGroup = "gateway.networking.k8s.io";

bool isRouteKind(std::string_view kind)
{
    return kind == "HTTPRoute" || kind == "GRPCRoute" || kind == "TLSRoute" ||
           kind == "TCPRoute" || kind == "UDPRoute";
}

// Where a kind sits left to right; also the node order.
int kindRank(std::string_view kind)
{
    if (kind == "GatewayClass") {
        return 0;
    }
    if (kind == "Gateway") {
        return 1;
    }
    if (kind == "ListenerSet") {
        return 2;
    }
    if (kind == "Listener") {
        return 3;
    }
    if (kind == "Secret") {
        return 4;
    }
    if (isRouteKind(kind)) {
        return 5;
    }
    if (kind == "ReferenceGrant") {
        return 6;
    }
    if (kind == "BackendTLSPolicy") {
        return 7;
    }
    if (kind == "Service") {
        return 8;
    }
    return 9;
}

bool isShownKind(std::string_view kind)
{
    return kind == "GatewayClass" || kind == "Gateway" || kind == "ListenerSet" ||
           isRouteKind(kind) || kind == "ReferenceGrant" || kind == "BackendTLSPolicy" ||
           kind == "Service";
}

std::string objectId(std::string_view kind, std::string_view ns, std::string_view name)
{
    return std::string(kind) + "/" + std::string(ns) + "/" + std::string(name);
}

// Conditions whose True is bad news.
bool isNegativeType(const std::string &type)
{
    return type == "Conflicted" || type == "Detached";
}

bool healthy(const Node &condition)
{
    const bool isTrue = condition["status"].asString() == "True";
    return isNegativeType(condition["type"].asString()) ? !isTrue : isTrue;
}

const Node *conditionOf(const Node &conditions, std::string_view type)
{
    for (const Node &c : conditions.items()) {
        if (c["type"].asString() == type) {
            return &c;
        }
    }
    return nullptr;
}

struct Summary
{
    NodeStatus status = NodeStatus::Ok;
    std::string text;
};

// "Accepted, Programmed" when healthy; otherwise each unhealthy condition as
// "Type=Status Reason: message".
Summary summarize(const Node &conditions)
{
    Summary s;
    std::string good;
    std::string bad;
    bool accepted = true;
    bool anyBad = false;
    for (const Node &c : conditions.items()) {
        const std::string type = c["type"].asString();
        if (healthy(c)) {
            // "Conflicted" (False) is good news, but listing it among the good ones misleads.
            if (!isNegativeType(type)) {
                good += (good.empty() ? "" : ", ") + type;
            }
            continue;
        }
        anyBad = true;
        if (type == "Accepted") {
            accepted = false;
        }
        std::string line = type + "=" + c["status"].asString() + " " + c["reason"].asString();
        const std::string message = c["message"].asString();
        if (c["message"].isString() && !message.empty()) {
            line += ": " + message;
        }
        bad += (bad.empty() ? "" : "; ") + line;
    }
    s.status = !accepted ? NodeStatus::Failed : (anyBad ? NodeStatus::Warning : NodeStatus::Ok);
    s.text = anyBad ? bad : good;
    return s;
}

// A route or policy has one conditions list per parent/ancestor: the worst one decides.
Summary summarizeEntries(const Node &entries, std::string_view refKey)
{
    Summary s;
    int accepted = 0;
    int refused = 0;
    bool warning = false;
    std::string text;
    for (const Node &e : entries.items()) {
        const Summary one = summarize(e["conditions"]);
        const Node &ref = e[refKey];
        const std::string who = ref["name"].asString() +
                                (ref["sectionName"].isString() ? "/" + ref["sectionName"].str() : "");
        if (one.status == NodeStatus::Failed) {
            ++refused;
        } else {
            ++accepted;
        }
        warning = warning || one.status == NodeStatus::Warning;
        if (one.status != NodeStatus::Ok) {
            text += (text.empty() ? "" : "; ") + who + ": " + one.text;
        }
    }
    if (accepted + refused == 0) {
        s.status = NodeStatus::NoController;
        return s;
    }
    if (accepted == 0) {
        s.status = NodeStatus::Failed;
    } else if (refused > 0 || warning) {
        s.status = NodeStatus::Warning;
    }
    if (text.empty()) {
        // Every parent healthy: name the conditions once.
        s.text = summarize(entries.items().front()["conditions"]).text;
    } else {
        s.text = text;
    }
    return s;
}

std::string defaulted(const Node &n, std::string_view key, std::string fallback)
{
    return n[key].isString() ? n[key].str() : std::move(fallback);
}

class GraphBuilder
{
public:
    GraphBuilder(const std::vector<Model::Resource> &resources,
                 const Controller::ControllerResult &result)
        : m_resources(resources), m_result(result)
    {
    }

    HierarchyGraph build();

private:
    const Node *statusOf(std::size_t i) const
    {
        return i < m_result.statuses.size() && m_result.statuses[i] ? &*m_result.statuses[i]
                                                                     : nullptr;
    }
    GraphNode *find(const std::string &id)
    {
        const auto it = m_index.find(id);
        return it == m_index.end() ? nullptr : &m_nodes[it->second];
    }
    GraphNode &add(GraphNode node)
    {
        const auto it = m_index.find(node.id);
        if (it != m_index.end()) {
            m_nodes[it->second] = std::move(node); // a later object supersedes an earlier one
            return m_nodes[it->second];
        }
        m_index.emplace(node.id, m_nodes.size());
        m_order.push_back(m_order.size());
        m_nodes.push_back(std::move(node));
        return m_nodes.back();
    }
    // The node for a reference; a Missing one is added when the workspace lacks it.
    GraphNode &referenced(const std::string &kind, const std::string &ns, const std::string &name)
    {
        const std::string id = objectId(kind, ns, name);
        if (GraphNode *n = find(id)) {
            return *n;
        }
        GraphNode n;
        n.id = id;
        n.kind = kind;
        n.ns = ns;
        n.name = name;
        n.role = roleOfKind(kind);
        n.status = NodeStatus::Missing;
        // Kinds the graph shows only when referenced (Secrets) exist as plain nodes.
        const auto hidden = m_hidden.find(id);
        if (hidden != m_hidden.end()) {
            n.status = NodeStatus::Plain;
            n.resourceIndex = static_cast<int>(hidden->second);
            n.implicit = isStudioMadeUp(m_resources[hidden->second]);
        }
        return add(std::move(n));
    }
    void edge(GraphEdge e) { m_edges.push_back(std::move(e)); }

    void addObjects();
    void addListeners(std::size_t i, const GraphNode &owner);
    void addClassEdge(std::size_t i);
    void addListenerSetParent(std::size_t i);
    void addRouteEdges(std::size_t i);
    void addGrantEdges(std::size_t i);
    void addPolicyEdges(std::size_t i);
    void indexCompiledBackends();

    const std::vector<Model::Resource> &m_resources;
    const Controller::ControllerResult &m_result;
    std::vector<GraphNode> m_nodes;
    std::vector<std::size_t> m_order;
    std::map<std::string, std::size_t> m_index;
    std::map<std::string, std::size_t> m_hidden; // objects of kinds shown only when referenced
    std::vector<GraphEdge> m_edges;
    std::vector<std::string> m_namespaces; // per resource: metadata.namespace or "default"
    // (route kind, ns, name, rule index) → the compiled backends of that rule.
    std::map<std::tuple<std::string, std::string, std::string, int>,
             std::vector<RouteTable::Backend>>
        m_compiled;
};

void GraphBuilder::addObjects()
{
    for (std::size_t i = 0; i < m_resources.size(); ++i) {
        const Model::Resource &r = m_resources[i];
        const bool clusterScoped = r.kind == "GatewayClass" || r.kind == "Namespace";
        m_namespaces.push_back(clusterScoped ? std::string() : (r.ns.empty() ? "default" : r.ns));
        if (!isShownKind(r.kind)) {
            m_hidden[objectId(r.kind, m_namespaces[i], r.name)] = i;
            continue;
        }
        GraphNode n;
        n.id = objectId(r.kind, m_namespaces[i], r.name);
        n.kind = r.kind;
        n.ns = m_namespaces[i];
        n.name = r.name;
        n.role = roleOfKind(r.kind);
        n.resourceIndex = static_cast<int>(i);
        n.implicit = isStudioMadeUp(r);
        const Node *status = statusOf(i);
        const bool isApiKind = r.group() == kGatewayGroup;
        if (!isApiKind || r.kind == "ReferenceGrant") {
            n.status = NodeStatus::Plain;
        } else if (!status) {
            n.status = NodeStatus::NoController;
        } else if (isRouteKind(r.kind)) {
            const Summary s = summarizeEntries((*status)["parents"], "parentRef");
            n.status = s.status;
            n.statusSummary = s.text;
        } else if (r.kind == "BackendTLSPolicy") {
            const Summary s = summarizeEntries((*status)["ancestors"], "ancestorRef");
            n.status = s.status;
            n.statusSummary = s.text;
        } else {
            const Summary s = summarize((*status)["conditions"]);
            n.status = s.status;
            n.statusSummary = s.text;
        }
        if (isRouteKind(r.kind)) {
            std::string hosts;
            for (const Node &h : r.object["spec"]["hostnames"].items()) {
                hosts += (hosts.empty() ? "" : " ") + h.asString();
            }
            n.detail = hosts;
        } else if (r.kind == "GatewayClass") {
            n.detail = r.object["spec"]["controllerName"].asString();
        }
        add(std::move(n));
    }
}

void GraphBuilder::addListeners(std::size_t i, const GraphNode &owner)
{
    const Model::Resource &r = m_resources[i];
    const Node *status = statusOf(i);
    const std::string ownerId = owner.id;
    const std::string ns = owner.ns;
    for (const Node &l : r.object["spec"]["listeners"].items()) {
        const std::string name = l["name"].asString();
        GraphNode n;
        n.id = ownerId + "#" + name;
        n.kind = "Listener";
        n.ns = ns;
        n.name = name;
        n.parentId = ownerId;
        n.role = owner.role;
        n.detail = l["protocol"].asString() + " :" + l["port"].asString();
        if (l["hostname"].isString()) {
            n.detail += " " + l["hostname"].str();
        }
        const Node *listenerStatus = nullptr;
        if (status) {
            for (const Node &ls : (*status)["listeners"].items()) {
                if (ls["name"].asString() == name) {
                    listenerStatus = &ls;
                }
            }
        }
        if (listenerStatus) {
            const Summary s = summarize((*listenerStatus)["conditions"]);
            n.status = s.status;
            n.statusSummary = s.text;
        } else {
            n.status = status ? NodeStatus::Plain : NodeStatus::NoController;
        }
        const std::string listenerId = n.id;
        add(std::move(n));
        edge({ownerId, listenerId, EdgeKind::Listener, EdgeStatus::Ok, {}, {}, {}});

        // Certificates: refused together when the listener's ResolvedRefs says so.
        const Node *resolved =
            listenerStatus ? conditionOf((*listenerStatus)["conditions"], "ResolvedRefs") : nullptr;
        for (const Node &ref : l["tls"]["certificateRefs"].items()) {
            const std::string kind = defaulted(ref, "kind", "Secret");
            GraphNode &target =
                referenced(kind, defaulted(ref, "namespace", ns), ref["name"].asString());
            GraphEdge e{listenerId, target.id, EdgeKind::Certificate, EdgeStatus::Ok, {}, {}, {}};
            if (!listenerStatus) {
                e.status = EdgeStatus::Unknown;
            } else if (resolved && !healthy(*resolved)) {
                e.status = EdgeStatus::Refused;
                e.reason = (*resolved)["reason"].asString();
                e.message = (*resolved)["message"].asString();
                e.label = e.reason;
            }
            edge(std::move(e));
        }
    }
}

void GraphBuilder::addClassEdge(std::size_t i)
{
    const Model::Resource &r = m_resources[i];
    const std::string gatewayId = objectId(r.kind, m_namespaces[i], r.name);
    const std::string className = r.object["spec"]["gatewayClassName"].asString();
    GraphNode &cls = referenced("GatewayClass", "", className);
    GraphEdge e{cls.id, gatewayId, EdgeKind::Class, EdgeStatus::Ok, {}, {}, {}};
    const Node *status = statusOf(i);
    const Node *accepted = status ? conditionOf((*status)["conditions"], "Accepted") : nullptr;
    if (!accepted) {
        e.status = EdgeStatus::Unknown;
    } else if (!healthy(*accepted)) {
        e.status = EdgeStatus::Refused;
        e.reason = (*accepted)["reason"].asString();
        e.message = (*accepted)["message"].asString();
        e.label = e.reason;
    }
    edge(std::move(e));
}

void GraphBuilder::addListenerSetParent(std::size_t i)
{
    const Model::Resource &r = m_resources[i];
    const Node &ref = r.object["spec"]["parentRef"];
    GraphNode &parent = referenced(defaulted(ref, "kind", "Gateway"),
                                   defaulted(ref, "namespace", m_namespaces[i]),
                                   ref["name"].asString());
    GraphEdge e{parent.id, objectId(r.kind, m_namespaces[i], r.name), EdgeKind::ListenerSetParent,
                EdgeStatus::Ok, {}, {}, {}};
    const Node *status = statusOf(i);
    const Node *accepted = status ? conditionOf((*status)["conditions"], "Accepted") : nullptr;
    if (!accepted) {
        e.status = EdgeStatus::Unknown;
    } else if (!healthy(*accepted)) {
        e.status = EdgeStatus::Refused;
        e.reason = (*accepted)["reason"].asString();
        e.message = (*accepted)["message"].asString();
        e.label = e.reason;
    }
    edge(std::move(e));
}

// The status.parents entry that answers a parentRef (same kind, namespace, name, section, port).
const Node *parentStatus(const Node *status, const Node &ref, const std::string &routeNs)
{
    if (!status) {
        return nullptr;
    }
    for (const Node &p : (*status)["parents"].items()) {
        const Node &pr = p["parentRef"];
        if (pr["name"].asString() == ref["name"].asString() &&
            defaulted(pr, "namespace", routeNs) == defaulted(ref, "namespace", routeNs) &&
            defaulted(pr, "kind", "Gateway") == defaulted(ref, "kind", "Gateway") &&
            pr["sectionName"].asString() == ref["sectionName"].asString() &&
            pr["port"].asString() == ref["port"].asString()) {
            return &p;
        }
    }
    return nullptr;
}

void GraphBuilder::addRouteEdges(std::size_t i)
{
    const Model::Resource &r = m_resources[i];
    const std::string &ns = m_namespaces[i];
    const std::string routeId = objectId(r.kind, ns, r.name);
    const Node *status = statusOf(i);
    for (const Node &ref : r.object["spec"]["parentRefs"].items()) {
        GraphNode &parent = referenced(defaulted(ref, "kind", "Gateway"),
                                       defaulted(ref, "namespace", ns), ref["name"].asString());
        const std::string parentId = parent.id;
        // sectionName names one listener; a port selects the listeners on it; neither: the whole
        // parent (the controller's status is per parentRef, not per listener).
        std::vector<std::string> targets;
        if (ref["sectionName"].isString()) {
            const std::string id = parentId + "#" + ref["sectionName"].str();
            targets.push_back(find(id) ? id : parentId);
        } else if (ref["port"].isNumber()) {
            for (const GraphNode &n : m_nodes) {
                if (n.parentId == parentId &&
                    n.detail.find(" :" + ref["port"].asString()) != std::string::npos) {
                    targets.push_back(n.id);
                }
            }
        }
        if (targets.empty()) {
            targets.push_back(parentId);
        }
        const Node *entry = parentStatus(status, ref, ns);
        const Node *accepted = entry ? conditionOf((*entry)["conditions"], "Accepted") : nullptr;
        for (const std::string &target : targets) {
            GraphEdge e{target, routeId, EdgeKind::ParentRef, EdgeStatus::Ok, {}, {}, {}};
            if (!accepted) {
                e.status = EdgeStatus::Unknown;
            } else if (!healthy(*accepted)) {
                e.status = EdgeStatus::Refused;
                e.reason = (*accepted)["reason"].asString();
                e.message = (*accepted)["message"].asString();
                e.label = e.reason;
            }
            edge(std::move(e));
        }
    }

    const Node &rules = r.object["spec"]["rules"];
    for (std::size_t ruleIndex = 0; ruleIndex < rules.items().size(); ++ruleIndex) {
        const Node &rule = rules.items()[ruleIndex];
        const Node &backendRefs = rule["backendRefs"];
        std::int64_t total = 0;
        for (const Node &b : backendRefs.items()) {
            total += b["weight"].isNumber() ? b["weight"].asInt() : 1;
        }
        const auto compiled = m_compiled.find({r.kind, ns, r.name, static_cast<int>(ruleIndex)});
        for (const Node &b : backendRefs.items()) {
            const std::string kind = defaulted(b, "kind", "Service");
            const std::string targetNs = defaulted(b, "namespace", ns);
            const std::string name = b["name"].asString();
            GraphNode &target = referenced(kind, targetNs, name);
            GraphEdge e{routeId, target.id, EdgeKind::BackendRef, EdgeStatus::Unknown, {}, {}, {}};
            if (backendRefs.items().size() > 1 && total > 0) {
                const std::int64_t weight = b["weight"].isNumber() ? b["weight"].asInt() : 1;
                const double percent = 100.0 * static_cast<double>(weight) / static_cast<double>(total);
                char buffer[32];
                std::snprintf(buffer, sizeof buffer, "%.4g %%", percent);
                e.label = buffer;
            }
            if (compiled != m_compiled.end()) {
                for (const RouteTable::Backend &backend : compiled->second) {
                    if (backend.ns != targetNs || backend.service != name ||
                        (b["port"].isNumber() && backend.port != b["port"].asInt())) {
                        continue;
                    }
                    if (backend.isValid()) {
                        e.status = EdgeStatus::Ok;
                    } else {
                        e.status = EdgeStatus::Refused;
                        const std::size_t colon = backend.invalidReason.find(": ");
                        e.reason = backend.invalidReason.substr(0, colon);
                        e.message = colon == std::string::npos
                                        ? std::string()
                                        : backend.invalidReason.substr(colon + 2);
                        e.label = (e.label.empty() ? "" : e.label + " · ") + e.reason;
                    }
                    break;
                }
            }
            if (e.status == EdgeStatus::Unknown && target.status == NodeStatus::Missing) {
                // Not compiled (the route is not accepted anywhere), but the reference dangles
                // all the same: say so as the controller would.
                e.status = EdgeStatus::Refused;
                e.reason = "BackendNotFound";
                e.label = e.reason;
            }
            edge(std::move(e));
        }
    }
}

void GraphBuilder::addGrantEdges(std::size_t i)
{
    const Model::Resource &r = m_resources[i];
    const std::string &ns = m_namespaces[i];
    const std::string grantId = objectId(r.kind, ns, r.name);
    for (const Node &from : r.object["spec"]["from"].items()) {
        const std::string kind = from["kind"].asString();
        const std::string fromNs = from["namespace"].asString();
        for (const GraphNode &n : m_nodes) {
            if (n.kind == kind && n.ns == fromNs && n.status != NodeStatus::Missing) {
                edge({n.id, grantId, EdgeKind::GrantFrom, EdgeStatus::Ok, {}, {}, {}});
            }
        }
    }
    for (const Node &to : r.object["spec"]["to"].items()) {
        const std::string kind = to["kind"].asString();
        for (const GraphNode &n : m_nodes) {
            if (n.kind == kind && n.ns == ns &&
                (!to["name"].isString() || to["name"].str() == n.name)) {
                edge({grantId, n.id, EdgeKind::GrantTo, EdgeStatus::Ok, {}, {}, {}});
            }
        }
    }
}

void GraphBuilder::addPolicyEdges(std::size_t i)
{
    const Model::Resource &r = m_resources[i];
    const std::string &ns = m_namespaces[i];
    const std::string policyId = objectId(r.kind, ns, r.name);
    const Node *status = statusOf(i);
    for (const Node &ref : r.object["spec"]["targetRefs"].items()) {
        GraphNode &target = referenced(defaulted(ref, "kind", "Service"), ns, ref["name"].asString());
        GraphEdge e{policyId, target.id, EdgeKind::PolicyTarget, EdgeStatus::Unknown, {}, {}, {}};
        if (ref["sectionName"].isString()) {
            e.label = ref["sectionName"].str();
        }
        if (status) {
            e.status = EdgeStatus::Ok;
            for (const Node &a : (*status)["ancestors"].items()) {
                const Node *accepted = conditionOf(a["conditions"], "Accepted");
                if (accepted && !healthy(*accepted)) {
                    e.status = EdgeStatus::Refused;
                    e.reason = (*accepted)["reason"].asString();
                    e.message = (*accepted)["message"].asString();
                    e.label = e.reason;
                }
            }
        }
        edge(std::move(e));
    }
}

void GraphBuilder::indexCompiledBackends()
{
    auto keep = [this](const RouteTable::RouteSource &s,
                       const std::vector<RouteTable::Backend> &backends) {
        auto &list = m_compiled[{s.kind, s.ns, s.name, s.ruleIndex}];
        for (const RouteTable::Backend &b : backends) {
            const bool known = std::any_of(list.begin(), list.end(), [&](const auto &k) {
                return k.ns == b.ns && k.service == b.service && k.port == b.port;
            });
            if (!known) {
                list.push_back(b);
            }
        }
    };
    for (const auto &[key, table] : m_result.routeTables) {
        if (!table) {
            continue;
        }
        for (int port : table->ports()) {
            const auto view = table->listener(port);
            if (!view) {
                continue;
            }
            for (const auto &host : view->hosts) {
                for (const RouteTable::HttpRoute *row : host.routes) {
                    keep(row->source, row->backends);
                }
                for (const RouteTable::StreamRoute *stream : host.streams) {
                    keep(stream->source, stream->backends);
                }
            }
        }
    }
}

HierarchyGraph GraphBuilder::build()
{
    indexCompiledBackends();
    addObjects();
    // Listeners first (routes point at them), then the edges, in load order.
    for (std::size_t i = 0; i < m_resources.size(); ++i) {
        const Model::Resource &r = m_resources[i];
        if (r.kind == "Gateway" || r.kind == "ListenerSet") {
            const GraphNode *owner = find(objectId(r.kind, m_namespaces[i], r.name));
            if (owner && owner->resourceIndex == static_cast<int>(i)) {
                const GraphNode copy = *owner;
                addListeners(i, copy);
            }
        }
    }
    for (std::size_t i = 0; i < m_resources.size(); ++i) {
        const Model::Resource &r = m_resources[i];
        if (r.kind == "Gateway") {
            addClassEdge(i);
        } else if (r.kind == "ListenerSet") {
            addListenerSetParent(i);
        } else if (isRouteKind(r.kind)) {
            addRouteEdges(i);
        } else if (r.kind == "BackendTLSPolicy") {
            addPolicyEdges(i);
        }
    }
    for (std::size_t i = 0; i < m_resources.size(); ++i) {
        if (m_resources[i].kind == "ReferenceGrant") {
            addGrantEdges(i);
        }
    }

    HierarchyGraph graph;
    std::vector<std::size_t> order(m_nodes.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        order[k] = k;
    }
    std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
        const GraphNode &x = m_nodes[a];
        const GraphNode &y = m_nodes[b];
        // Listeners keep their declaration order under their parent.
        const std::string &xs = x.kind == "Listener" ? x.parentId : x.ns;
        const std::string &ys = y.kind == "Listener" ? y.parentId : y.ns;
        return std::tuple(kindRank(x.kind), xs, x.kind == "Listener" ? std::string() : x.name,
                          x.kind == "Listener" ? std::string() : x.kind) <
               std::tuple(kindRank(y.kind), ys, y.kind == "Listener" ? std::string() : y.name,
                          y.kind == "Listener" ? std::string() : y.kind);
    });
    for (std::size_t k : order) {
        graph.nodes.push_back(m_nodes[k]);
    }
    graph.edges = std::move(m_edges);
    return graph;
}

} // namespace

const GraphNode *HierarchyGraph::node(const std::string &id) const
{
    for (const GraphNode &n : nodes) {
        if (n.id == id) {
            return &n;
        }
    }
    return nullptr;
}

std::size_t HierarchyGraph::countOf(std::string_view kind) const
{
    return static_cast<std::size_t>(std::count_if(
        nodes.begin(), nodes.end(), [kind](const GraphNode &n) { return n.kind == kind; }));
}

HierarchyGraph buildHierarchyGraph(const std::vector<Model::Resource> &resources,
                                   const Controller::ControllerResult &result)
{
    return GraphBuilder(resources, result).build();
}

bool isStudioMadeUp(const Model::Resource &resource)
{
    if (!resource.source.file.empty() && resource.source.file.front() == '<') {
        return true;
    }
    const Node &annotations = resource.object["metadata"]["annotations"];
    for (const char *key : {"torii.dev/implicit-service", "torii.dev/generated",
                            "torii.dev/development-certificate"}) {
        if (annotations.has(key)) {
            return true;
        }
    }
    return false;
}

Core::Text nodeStatusText(NodeStatus status)
{
    switch (status) {
    case NodeStatus::Ok:
        return Core::text(QT_TRANSLATE_NOOP("Diagnostics", "accepted"));
    case NodeStatus::Warning:
        return Core::text(QT_TRANSLATE_NOOP("Diagnostics", "accepted with problems"));
    case NodeStatus::Failed:
        return Core::text(QT_TRANSLATE_NOOP("Diagnostics", "not accepted"));
    case NodeStatus::NoController:
        return Core::text(QT_TRANSLATE_NOOP("Diagnostics", "no controller"));
    case NodeStatus::Missing:
        return Core::text(QT_TRANSLATE_NOOP("Diagnostics", "missing"));
    case NodeStatus::Plain:
        break;
    }
    return {};
}

} // namespace Torii::Export
